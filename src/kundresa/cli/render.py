"""`kundresa render`: draw journeys as HTML maps or Markdown with a Mermaid diagram."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kundresa.cli.options import (
    Language,
    NoCacheOption,
    ProjectOption,
    QuietOption,
    RenderFormat,
    note,
)

if TYPE_CHECKING:
    from kundresa.kpi import KpiResult
    from kundresa.project import Project


def render(  # noqa: PLR0917 - typer reads the options from the signature
    journey: Annotated[
        str | None,
        typer.Argument(help="A journey id or file (default: every journey, as a site)."),
    ] = None,
    fmt: Annotated[
        RenderFormat,
        typer.Option("--format", "-f", help="html, or md for Markdown with a Mermaid diagram."),
    ] = RenderFormat.HTML,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output folder (default: site/ in the project). With a journey: a file "
            "ending in .html or .md, or '-' for stdout.",
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", "-l", help="Label language (default: the project's)."),
    ] = None,
    kpi: Annotated[
        Path | None,
        typer.Option(
            "--kpi",
            help="Saved KPI results ('kundresa kpi --format json') instead of measuring the "
            "project's sources.",
        ),
    ] = None,
    no_kpi: Annotated[
        bool, typer.Option("--no-kpi", help="Show the KPI targets only; measure nothing.")
    ] = False,
    no_cache: NoCacheOption = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="A folder of your own templates that override built-in ones by name "
            "(journey.html, style.css, journey.md, ...).",
            file_okay=False,
        ),
    ] = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """Render journeys as maps: a self-contained HTML site, or Markdown for GitHub."""
    from kundresa.errors import InputError
    from kundresa.project import display_path, load_project
    from kundresa.render import render_pages, render_project

    loaded = load_project(project=project)
    language = lang.value if lang else None
    if kpi is not None and no_kpi:
        raise InputError("--kpi and --no-kpi cannot be used together", hint="choose one")
    results = kpi if kpi is not None or no_kpi else _measure(loaded, cache=not no_cache)
    if out == Path("-"):
        if journey is None:
            raise InputError("--out - prints one page", hint="name the journey to print")
        pages = render_pages(
            loaded,
            journey,
            fmt=fmt.value,
            lang=language,
            kpi_results=results,
            templates_dir=templates,
            on_warning=_warn,
        )
        typer.echo(next(iter(pages.values())).decode("utf-8"), nl=False)
        return
    written = render_project(
        loaded,
        journey,
        fmt=fmt.value,
        out=out,
        lang=language,
        kpi_results=results,
        templates_dir=templates,
        on_warning=_warn,
    )
    first = next(
        (p for p in written if p.name == f"index.{fmt.value}"), written[0] if written else None
    )
    where = f" (open {display_path(first)})" if first else ""
    note(f"Wrote {len(written)} file(s){where}.", quiet=quiet)


def _measure(project: Project, *, cache: bool) -> KpiResult | None:
    """Return the KPIs measured from the project's sources, or None when it has none.

    The map shows what was measured: the same computation as `kundresa kpi`, its warnings
    on stderr the same way, and the same cache of the sales export.
    """
    sources = project.config.sources
    if not any((sources.sales, sources.survey, sources.funnel)):
        return None
    from kundresa.errors import KundresaError
    from kundresa.kpi import compute_kpis

    try:
        result = compute_kpis(project, cache=cache)
    except KundresaError as exc:
        # The map needs no figures to be drawn; say how to draw it without them.
        exc.hint = (exc.hint + "; or " if exc.hint else "") + "pass --no-kpi to show targets only"
        raise
    for warning in result.warnings:
        _warn(warning)
    return result


def _warn(message: str) -> None:
    typer.echo(f"kundresa: warning: {message}", err=True)
