"""`compute_kpis`: read the exports once into DuckDB, measure every metric, check targets."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kundresa.errors import ConfigError, InputError
from kundresa.figures import Status
from kundresa.kpi import columns as cols
from kundresa.kpi.answers import mark_unknown_touchpoints, measure_answers
from kundresa.kpi.cache import load_orders
from kundresa.kpi.facts import OrderFacts
from kundresa.kpi.presets import with_preset
from kundresa.kpi.reader import LoadedTable, load
from kundresa.kpi.result import KpiResult
from kundresa.kpi.sales import (
    SEGMENTS,
    Scope,
    find_window,
    months,
    sales_view,
    segment_metrics,
)
from kundresa.kpi.spec import ReadOptions, SourceSpec
from kundresa.kpi.survey import can_segment, funnel_steps, survey_metrics
from kundresa.kpi.targets import check_targets
from kundresa.models.config import Source
from kundresa.project import Project, display_path, load_project

if TYPE_CHECKING:
    import duckdb

#: What `--by` breaks down: the sales segments, and the survey's touchpoint ids.
BREAKDOWNS = (*SEGMENTS, "touchpoint")
#: Files at least this large get a progress report while they are read.
LARGE_FILE = 32 << 20
#: DuckDB's memory cap; beyond it the table spills to a temporary folder.
MEMORY_LIMIT = "800MB"
#: Beyond this percentage of unreadable data rows the figures would mislead (SPEC 6.1).
MAX_BAD_ROWS = Decimal(1)

Progress = Callable[[float], None]
FileArg = Path | SourceSpec | None


def compute_kpis(
    project: Project | Path | None = None,
    *,
    sales: FileArg = None,
    survey: FileArg = None,
    funnel: FileArg = None,
    columns: Mapping[str, str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    by: str | None = None,
    journey: str | None = None,
    strict: bool = False,
    max_bad_rows: Decimal = MAX_BAD_ROWS,
    read: ReadOptions | None = None,
    on_progress: Progress | None = None,
    cache: bool = False,
) -> KpiResult:
    """Compute the KPIs of SPEC section 6 from sales, survey and funnel exports.

    Args:
        project: a loaded project, or its folder; its `sources` and journeys are used.
        sales: a sales export to read instead of the project's `sources.sales`.
        survey: a survey export (NPS, CSAT) instead of `sources.survey`.
        funnel: a funnel export (step, count) instead of `sources.funnel`.
        columns: canonical name -> header, e.g. `{"amount": "Belopp"}`; each applies to
            the export whose kind has that canonical column (and overrides kundresa.yaml).
        start: the first day of the window (default: the first order date).
        end: the last day of the window (default: the last order date).
        by: break every metric down by event, channel, month, quarter or cohort.
        journey: check only this journey's targets (default: every journey's).
        strict: raise InputError when any row cannot be read, instead of a warning.
        max_bad_rows: the percentage of unreadable data rows beyond which the figures
            would mislead, so InputError is raised instead.
        read: how the files given as `sales`, `survey` or `funnel` paths are written.
        on_progress: called with the fraction read while a large export is loaded.
        cache: keep the sales export's order rows in the user's cache folder and read them
            from there while the file and its settings are unchanged (`kpi.cache`).

    Returns:
        The metrics, breakdown, cohorts, funnel, monthly revenue, targets and warnings.

    Raises:
        ConfigError: an option or kundresa.yaml is not valid.
        InputError: an export cannot be read, or lacks a column it needs.
    """
    if isinstance(project, Path):
        project = load_project(project=project)
    if by is not None and by not in BREAKDOWNS:
        raise ConfigError(f"cannot break down by '{by}'", hint=f"use {', '.join(BREAKDOWNS)}")
    if start and end and start > end:
        raise ConfigError(f"--from {start} is after --to {end}", hint="swap the two dates")
    given: dict[str, FileArg] = {"sales": sales, "survey": survey, "funnel": funnel}
    specs = _specs(project, given, columns or {}, read or ReadOptions())
    if not specs:
        raise InputError(
            "no export to measure",
            hint="pass a sales export as FILE, or set sources.sales in kundresa.yaml",
        )
    import duckdb

    with tempfile.TemporaryDirectory(prefix="kundresa-kpi-") as tmp:
        con = duckdb.connect(
            ":memory:",
            config={"memory_limit": MEMORY_LIMIT, "temp_directory": tmp},
        )
        # DuckDB tracks progress only with its bar on; its own printing would go to stdout,
        # which is for machine output, so the bar is drawn by the caller from the fraction.
        # A typed timestamp with a time zone (Parquet) becomes a date in UTC, never in the
        # machine's zone; without DuckDB's ICU extension that is already so.
        with contextlib.suppress(duckdb.Error):
            con.execute("SET TimeZone = 'UTC'")
        con.execute("SET enable_progress_bar_print = false")
        con.execute(f"SET enable_progress_bar = {str(on_progress is not None).lower()}")
        try:
            result = _measure(
                con,
                specs,
                Path(tmp),
                start=start,
                end=end,
                by=by,
                strict=strict,
                max_bad_rows=max_bad_rows,
                on_progress=on_progress,
                cache=cache,
            )
        finally:
            con.close()
    if project is not None:
        mark_unknown_touchpoints(result, project)
        result.targets = check_targets(project, result.metrics, result.intervals, journey)
        result.warnings.extend(
            f"target {t.journey}/{t.kpi} ({t.metric} {t.target}) has no data to check"
            for t in result.targets
            if t.status is Status.NO_DATA
        )
    elif journey is not None:
        raise ConfigError(
            "--journey needs a project", hint="run inside a project or pass --project DIR"
        )
    return result


def _specs(
    project: Project | None,
    given: dict[str, FileArg],
    columns: Mapping[str, str],
    read: ReadOptions,
) -> dict[str, SourceSpec]:
    routed: dict[str, dict[str, str]] = {kind: {} for kind in cols.CANONICAL}
    for canonical, header in columns.items():
        kinds = [k for k, names in cols.CANONICAL.items() if canonical in names]
        if not kinds:
            every = sorted({n for names in cols.CANONICAL.values() for n in names})
            raise ConfigError(
                f"'{canonical}' is not a column kundresa reads",
                hint=f"use one of {', '.join(every)}",
            )
        # `date`, `event` and `channel` belong to sales first, the survey otherwise.
        target = next((k for k in kinds if given.get(k) is not None), kinds[0])
        routed[target][canonical] = header
    configured = project.config.sources if project else None
    specs: dict[str, SourceSpec] = {}
    for kind, value in given.items():
        source: Source | None = getattr(configured, kind) if configured else None
        if isinstance(value, SourceSpec):
            specs[kind] = value
        elif isinstance(value, Path):
            spec = SourceSpec(
                value,
                display_path(value),
                routed[kind],
                delimiter=read.delimiter,
                decimal=read.decimal,
                encoding=read.encoding,
                date_format=read.date_format,
                sheet=read.sheet,
            )
            specs[kind] = with_preset(spec, read.preset)
        elif source is not None and project is not None:
            path = project.root / source.path
            spec = SourceSpec(
                path,
                display_path(path),
                {**source.columns, **routed[kind]},
                source.delimiter,
                source.decimal,
                source.encoding,
                source.date_format,
                scale=source.scale,
                sheet=source.sheet,
                exclude=source.exclude,
            )
            specs[kind] = with_preset(spec, source.preset)
    return specs


def _measure(
    con: duckdb.DuckDBPyConnection,
    specs: dict[str, SourceSpec],
    workdir: Path,
    *,
    start: dt.date | None,
    end: dt.date | None,
    by: str | None,
    strict: bool,
    max_bad_rows: Decimal,
    on_progress: Progress | None,
    cache: bool,
) -> KpiResult:
    result = KpiResult(metrics={})
    keep = frozenset({by}) if by else frozenset()
    tables: dict[str, LoadedTable] = {}
    for kind, spec in specs.items():
        large = on_progress is not None and _size(spec.path) >= LARGE_FILE
        runner = _with_progress(con, on_progress) if large and on_progress else None
        if kind == "sales":
            bare = start is None and end is None
            table, facts, notes, opened = load_orders(
                con, spec, workdir, keep=keep, run=runner, use_cache=cache, overall=bare
            )
            result.warnings.extend(notes)
            con.execute(sales_view(table.name, table.columns, by, start, end))
        else:
            table = load(con, kind, spec, workdir, keep=keep, run=runner)
        tables[kind] = table
        result.sources[kind] = spec.display
        result.warnings.extend(table.notes)
        _report_problems(result, table, strict=strict, max_bad_rows=max_bad_rows)
    # Every query from here sorts what it returns; none needs DuckDB to keep row order.
    con.execute("SET preserve_insertion_order = false")
    if "sales" in tables:
        try:
            _measure_sales(con, tables["sales"], facts, result, start=start, end=end, by=by)
        finally:
            # Also when a query failed: a removed entry cannot be read.
            if opened is not None:
                opened.check()
    else:
        result.warnings.append("no sales export: the sales metrics are not measured")
    if "survey" in tables:
        overall = survey_metrics(con, tables["survey"], start, end).get("all", {})
        result.metrics.update({"nps": overall.get("nps"), "csat": overall.get("csat")})
        if by and can_segment(tables["survey"], by):
            for seg, values in survey_metrics(con, tables["survey"], start, end, by).items():
                result.breakdown.setdefault(seg, {}).update(values)
        measure_answers(con, tables["survey"], result, start=start, end=end, by=by)
    elif by == "touchpoint":
        raise InputError(
            "--by touchpoint needs a survey export",
            hint="pass --survey FILE, or set sources.survey in kundresa.yaml",
        )
    if "funnel" in tables:
        result.funnel, result.metrics["conversion"] = funnel_steps(con)
    return result


def _measure_sales(
    con: duckdb.DuckDBPyConnection,
    sales: LoadedTable,
    facts: OrderFacts,
    result: KpiResult,
    *,
    start: dt.date | None,
    end: dt.date | None,
    by: str | None,
) -> None:
    # Without --from/--to, the figures of every sale were measured with the order rows.
    overall = facts.overall if start is None and end is None else None
    window = overall.window if overall else find_window(con, start, end)
    if window is None:
        result.warnings.append(f"{sales.display}: no readable order in the window")
        return
    scope = Scope(window, sales.has("order_id"), unique_orders=facts.unique_orders)
    result.window = window
    result.by = by
    measured = overall.metrics if overall else segment_metrics(con, scope).get("all", {})
    result.metrics.update(measured)
    result.cohorts = facts.cohorts
    if by in SEGMENTS:
        result.breakdown.update(segment_metrics(con, scope, by))
    result.months = overall.months if overall else months(con)


def _report_problems(
    result: KpiResult, table: LoadedTable, *, strict: bool, max_bad_rows: Decimal
) -> None:
    """Report an export's unreadable rows, or stop when there are too many to measure.

    Raises:
        InputError: any row cannot be read with `strict`, or more than `max_bad_rows`
            percent of the data rows cannot be read.
    """
    problems = table.problems
    if problems.skipped_count:
        rows = "row" if problems.skipped_count == 1 else "rows"
        result.warnings.append(
            f"{table.display}: {problems.skipped_count} summary {rows} (such as Total) skipped"
        )
    if problems.excluded_count:
        rows = "row" if problems.excluded_count == 1 else "rows"
        result.warnings.append(
            f"{table.display}: {problems.excluded_count} {rows} left out by the source's "
            "exclude: or preset"
        )
    if not problems.count:
        return
    examples = problems.examples()
    first = examples[0] if examples else None
    reason = first.message.removeprefix("row cannot be read: ") if first else "unknown"
    share = Decimal(100 * problems.count) / max(problems.data_rows, 1)
    rows = "row cannot be read" if problems.count == 1 else "rows cannot be read"
    if strict or share > max_bad_rows:
        beyond = (
            "and --strict allows none"
            if strict
            else f"({share:.1f}% of {problems.data_rows}, more than "
            f"{max_bad_rows.normalize():f}%): the figures would mislead"
        )
        raise InputError(
            f"{problems.count} {rows} {beyond}; the first: {reason}",
            hint="fix those rows, or leave out --strict to measure without them"
            if strict
            else "fix those rows, or allow more with --max-bad-rows PCT",
            path=table.display,
            line=first.location.line if first else None,
        )
    rows = "row cannot be read and is" if problems.count == 1 else "rows cannot be read and are"
    result.warnings.append(f"{table.display}: {problems.count} {rows} left out")
    result.warnings.extend(f"{d.location.path}:{d.location.line}: {d.message}" for d in examples)
    result.problems.extend(examples)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _with_progress(con: duckdb.DuckDBPyConnection, on_progress: Progress) -> Callable[[str], None]:
    def run(sql: str) -> None:
        with _polling(con, on_progress):
            con.execute(sql)
        on_progress(1.0)

    return run


@contextlib.contextmanager
def _polling(con: duckdb.DuckDBPyConnection, on_progress: Progress) -> Iterator[None]:
    """Report DuckDB's progress on the running query from a second thread."""
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.2):
            with contextlib.suppress(Exception):
                fraction = float(con.query_progress())
                if fraction >= 0:
                    on_progress(min(fraction / 100, 1.0))

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
