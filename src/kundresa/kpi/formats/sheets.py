"""The tables of a KPI report, worded in one language: what table, md and xlsx lay out.

Every reporter reads these sheets, so the same figure has the same words and rounding in
the terminal, in Markdown and in a workbook; the workbook also takes each cell's number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kundresa.figures import (
    NO_FIGURE,
    Interval,
    Kind,
    figure_text,
    kind_of,
    number_text,
    percent_text,
    target_text,
)
from kundresa.kpi.result import METRICS, KpiResult, TouchpointScores, Value
from kundresa.labels import labels_for
from kundresa.models.target import Target

_SCORES = ("nps", "csat")


@dataclass(frozen=True)
class Cell:
    """One cell: the text people read, and the number behind it (None for text).

    `status` is a target's status, for outputs that mark it (the KPI page's colours).
    """

    text: str
    value: Value = None
    kind: Kind | None = None
    status: str | None = None


@dataclass(frozen=True)
class Sheet:
    """A table with a title and headings; `numeric[i]` when column i holds numbers."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    numeric: list[bool] = field(default_factory=list)


def report_sheets(
    result: KpiResult, language: str, currency: str | None, *, series: bool = False
) -> list[Sheet]:
    """Return the report's tables: metrics, targets, breakdown, touchpoints and funnel.

    With `series`, also the cohort retention and the monthly revenue: a workbook's sheets,
    too long for a terminal, and drawn as charts on the KPI page.
    """
    t = labels_for(language)
    sheets = [_metrics(result, t, language, currency)]
    if result.targets:
        sheets.append(_targets(result, t, language, currency))
    if result.breakdown and result.by != "touchpoint":
        sheets.append(_breakdown(result, t, language, currency))
    if result.by == "touchpoint" and result.touchpoints:
        sheets.append(_touchpoints(result.touchpoints, t, language))
    if result.funnel:
        sheets.append(_funnel(result, t, language))
    if series and result.cohorts:
        sheets.append(_cohorts(result, t, language))
    if series and result.months:
        sheets.append(_months(result, t, language, currency))
    return sheets


def figure(metric: str, value: Value, language: str, currency: str | None) -> Cell:
    """Return a metric's value as a cell."""
    return Cell(figure_text(metric, value, language, currency), value, kind_of(metric))


def interval_cells(interval: Interval | None, metric: str, language: str) -> list[Cell]:
    """Return the answers, low and high bound of a score's interval (empty without one)."""
    if interval is None:
        return [Cell(""), Cell(""), Cell("")]
    return [
        Cell(number_text(interval.n, language), interval.n, Kind.COUNT),
        figure(metric, interval.low, language, None),
        figure(metric, interval.high, language, None),
    ]


def _interval_headers(t: dict[str, str]) -> list[str]:
    return [t["answers"].capitalize(), t["interval_low"], t["interval_high"]]


def _metrics(result: KpiResult, t: dict[str, str], language: str, cur: str | None) -> Sheet:
    rows = [
        [
            Cell(t[f"m_{name}"]),
            figure(name, result.metrics.get(name), language, cur),
            *interval_cells(result.intervals.get(name), name, language),
        ]
        for name in METRICS
    ]
    title = t["kpis"]
    if result.window:
        w = result.window
        title += f" {w.start} – {w.end} ({number_text(w.days, language)} {t['days']})"
    headers = [t["metric"], t["value_heading"], *_interval_headers(t)]
    return Sheet(t["kpis"], title, headers, rows, [False, True, True, True, True])


def _targets(result: KpiResult, t: dict[str, str], language: str, cur: str | None) -> Sheet:
    rows = [
        [
            Cell(check.journey),
            Cell(check.kpi),
            Cell(target_text(Target.model_validate(check.target), language)),
            Cell(
                figure_text(
                    check.metric, check.actual, language, cur, percent=check.target.endswith("%")
                ),
                check.actual,
                kind_of(check.metric),
            ),
            Cell(t[check.status.value], status=check.status.value),
        ]
        for check in result.targets
    ]
    headers = [t["journey"], t["kpi"], t["target"], t["actual"], t["status"]]
    return Sheet(t["targets"], t["targets"], headers, rows, [False, False, False, True, False])


def _breakdown(result: KpiResult, t: dict[str, str], language: str, cur: str | None) -> Sheet:
    names = [n for n in METRICS if any(n in v for v in result.breakdown.values())]
    rows = [
        [Cell(segment), *(figure(n, values.get(n), language, cur) for n in names)]
        for segment, values in result.breakdown.items()
    ]
    title = t[f"by_{result.by}"] if f"by_{result.by}" in t else t["by"]
    headers = [t["segment"], *(t[f"m_{n}"] for n in names)]
    return Sheet(title, title, headers, rows, [False] + [True] * len(names))


def _touchpoints(scores: list[TouchpointScores], t: dict[str, str], language: str) -> Sheet:
    rows = []
    for one in scores:
        name = one.touchpoint if one.known else f"{one.touchpoint} ({t['unknown_touchpoint']})"
        cells = [Cell(name)]
        for metric in _SCORES:
            cells.append(figure(metric, getattr(one, metric), language, None))
            cells.extend(interval_cells(one.intervals.get(metric), metric, language))
        rows.append(cells)
    headers = [t["lane_touchpoints"]]
    for metric in _SCORES:
        headers += [t[f"m_{metric}"], *_interval_headers(t)]
    return Sheet(t["by_touchpoint"], t["by_touchpoint"], headers, rows, [False] + [True] * 8)


def _funnel(result: KpiResult, t: dict[str, str], language: str) -> Sheet:
    rows = [
        [
            Cell(step.step),
            Cell(number_text(step.count, language), step.count, Kind.COUNT),
            figure("conversion", step.conversion, language, None),
        ]
        for step in result.funnel
    ]
    headers = [t["step"], t["count"], t["from_previous"]]
    return Sheet(t["funnel"], t["funnel"], headers, rows, [False, True, True])


def _cohorts(result: KpiResult, t: dict[str, str], language: str) -> Sheet:
    width = max(len(c.retention) for c in result.cohorts)
    rows = []
    for cohort in result.cohorts:
        shares = [
            Cell(NO_FIGURE) if s is None else Cell(_share(s, language), s, Kind.RATE)
            for s in cohort.retention
        ]
        padding = [Cell(NO_FIGURE)] * (width - len(shares))
        customers = Cell(number_text(cohort.customers, language), cohort.customers, Kind.COUNT)
        rows.append([Cell(cohort.month), customers, *shares, *padding])
    headers = [t["cohort"], t["m_customers"], *(f"+{k}" for k in range(width))]
    title = t["cohort_retention"]
    return Sheet(title, title, headers, rows, [False] + [True] * (width + 1))


def _months(result: KpiResult, t: dict[str, str], language: str, cur: str | None) -> Sheet:
    rows = [[Cell(m.month), figure("revenue", m.revenue, language, cur)] for m in result.months]
    title = t["monthly_revenue"]
    return Sheet(title, title, [t["month"], t["m_revenue"]], rows, [False, True])


def _share(share: Decimal, language: str) -> str:
    return percent_text(share * 100, language)
