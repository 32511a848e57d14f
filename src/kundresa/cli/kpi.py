"""`kundresa kpi`: measure the KPIs from sales, survey and funnel exports."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kundresa.cli.options import NoCacheOption, ProjectOption, QuietOption, note
from kundresa.errors import ConfigError, ProjectNotFoundError

if TYPE_CHECKING:
    from kundresa.kpi.result import KpiResult
    from kundresa.project import Project


class Format(StrEnum):
    """Output formats of `kundresa kpi`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    XLSX = "xlsx"


class DecimalMark(StrEnum):
    """Decimal marks `--decimal` accepts."""

    COMMA = ","
    POINT = "."


class Preset(StrEnum):
    """Exports `--preset` reads (SPEC 6.1)."""

    SHOPIFY = "shopify"
    EVENTBRITE = "eventbrite"


class By(StrEnum):
    """What `--by` breaks the metrics down by."""

    EVENT = "event"
    CHANNEL = "channel"
    MONTH = "month"
    QUARTER = "quarter"
    COHORT = "cohort"
    TOUCHPOINT = "touchpoint"


def kpi(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A sales export (.csv, .csv.gz, .xlsx or .parquet); default: sources.sales.",
            dir_okay=False,
        ),
    ] = None,
    *,
    project: ProjectOption = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            "-c",
            help="Map a column: canonical=Header, e.g. amount=Belopp. Repeatable.",
        ),
    ] = None,
    survey: Annotated[
        Path | None, typer.Option("--survey", help="A survey export (NPS, CSAT).", dir_okay=False)
    ] = None,
    funnel: Annotated[
        Path | None,
        typer.Option("--funnel", help="A funnel export (step, count).", dir_okay=False),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First day of the window, YYYY-MM-DD.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day of the window, YYYY-MM-DD.")
    ] = None,
    by: Annotated[By | None, typer.Option("--by", help="Break every metric down.")] = None,
    journey: Annotated[
        str | None,
        typer.Option("--journey", "-j", help="Check this journey's targets (default: all)."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when any target is missed.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop (exit 2) when any row cannot be read.")
    ] = False,
    max_bad_rows: Annotated[
        float,
        typer.Option(
            "--max-bad-rows",
            min=0,
            max=100,
            metavar="PCT",
            help="Stop (exit 2) when more than this % of the rows cannot be read.",
        ),
    ] = 1.0,
    date_format: Annotated[
        str | None,
        typer.Option("--date-format", help="strptime format of the file's dates, e.g. %d-%m-%Y."),
    ] = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", help="The file's delimiter: , ; | or \\t.")
    ] = None,
    decimal: Annotated[
        DecimalMark | None, typer.Option("--decimal", help="The file's decimal mark.")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="utf-8, utf-8-sig, windows-1252 or utf-16."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="The sheet of an .xlsx file to read.")
    ] = None,
    preset: Annotated[
        Preset | None,
        typer.Option("--preset", help="Read FILE as a system's standard export."),
    ] = None,
    output: Annotated[
        Format, typer.Option("--format", "-f", help="Output format on stdout.")
    ] = Format.TABLE,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Also write a self-contained HTML report here.", dir_okay=False
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Measure the KPIs from exports and check the journeys' targets."""
    from decimal import Decimal

    from kundresa.kpi import ReadOptions, compute_kpis
    from kundresa.kpi.formats import BINARY, REPORTERS

    loaded = _project(project, given_file=any(f is not None for f in (file, survey, funnel)))
    if output.value in BINARY and sys.stdout.isatty():
        raise ConfigError(
            f"--format {output.value} is a binary workbook, not for a terminal",
            hint=f"redirect it to a file: kundresa kpi --format {output.value} > kpi.xlsx",
        )
    with _progress(quiet=quiet) as on_progress:
        result = compute_kpis(
            loaded,
            sales=file,
            survey=survey,
            funnel=funnel,
            columns=_columns(column or []),
            start=_date(start, "--from"),
            end=_date(end, "--to"),
            by=by.value if by else None,
            journey=journey,
            strict=strict,
            max_bad_rows=Decimal(str(max_bad_rows)),
            read=ReadOptions(
                delimiter=delimiter,
                decimal=decimal.value if decimal else None,
                encoding=encoding,
                date_format=date_format,
                sheet=sheet,
                preset=preset.value if preset else None,
            ),
            on_progress=on_progress,
            cache=not no_cache,
        )
    for warning in result.warnings:
        typer.echo(f"kundresa: warning: {warning}", err=True)
    language = loaded.config.language.value if loaded else "en"
    currency = loaded.config.currency if loaded else None
    sys.stdout.flush()
    sys.stdout.buffer.write(REPORTERS[output.value](result, language, currency))
    sys.stdout.buffer.flush()
    if html is not None:
        _write_html(result, html, loaded, language, currency, quiet=quiet)
    _summary(result, quiet=quiet)
    if check and result.missed:
        raise typer.Exit(1)


def _project(folder: Path | None, *, given_file: bool) -> Project | None:
    from kundresa.project import load_project

    if folder is not None or not given_file:
        return load_project(project=folder)
    try:
        return load_project()
    except ProjectNotFoundError:
        return None  # a file on its own is measured without targets


def _columns(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        canonical, sep, header = item.partition("=")
        if not sep or not canonical.strip() or not header.strip():
            raise ConfigError(
                f"--column '{item}' is not canonical=Header", hint="write it as amount=Belopp"
            )
        mapping[canonical.strip()] = header.strip()
    return mapping


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(
            f"{option} '{text}' is not a date", hint="write it as YYYY-MM-DD, e.g. 2025-03-01"
        ) from None


def _write_html(
    result: KpiResult,
    path: Path,
    project: Project | None,
    language: str,
    currency: str | None,
    *,
    quiet: bool,
) -> None:
    from kundresa.files import write_atomic
    from kundresa.render.report import render_kpi_page

    title = project.config.name if project else "KPI"
    write_atomic(path, render_kpi_page(result, title, language, currency))
    note(f"Wrote {path}.", quiet=quiet)


def _summary(result: KpiResult, *, quiet: bool) -> None:
    parts = []
    if result.window:
        parts.append(f"{result.window.start} to {result.window.end}")
    if result.targets:
        from kundresa.figures import Status

        met = sum(t.status is Status.MET for t in result.targets)
        uncertain = sum(t.status is Status.UNCERTAIN for t in result.targets)
        parts.append(f"{met} of {len(result.targets)} targets met")
        if uncertain:
            parts.append(f"{uncertain} uncertain")
    if parts:
        note("kundresa kpi: " + ", ".join(parts) + ".", quiet=quiet)


@contextmanager
def _progress(*, quiet: bool) -> Iterator[Callable[[float], None] | None]:
    """Yield a progress callback drawing a bar on stderr; None when quiet or not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    with Progress(
        TextColumn("Reading"),
        BarColumn(),
        TaskProgressColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("read", total=1.0)
        yield lambda fraction: bar.update(task, completed=fraction)
