"""`--html`: a small self-contained report with the cohort heatmap, funnel and monthly revenue.

Every coordinate, colour and label is computed here; the template only places them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kundresa.files import templates
from kundresa.kpi.formats import LABELS
from kundresa.kpi.numbers import decimal_text, metric_text, money, percent
from kundresa.kpi.result import METRICS, KpiResult

CELL_W, CELL_H, LABEL_W, TOP = 46, 24, 110, 24
BAR_H, FUNNEL_W = 26, 420
CHART_W, CHART_H = 640, 200
_MARGIN = 30  # room for the first and last month's label


@dataclass(frozen=True)
class Rect:
    """A rectangle of a chart with its label, all positions in SVG units."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str
    label_x: float
    label_y: float
    title: str
    anchor: str = "start"
    label_fill: str = "#222"


@dataclass(frozen=True)
class Text:
    """A label placed on a chart."""

    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart: its size, its shapes and its labels."""

    width: float
    height: float
    rects: list[Rect]
    texts: list[Text]


def _heat(share: Decimal) -> str:
    lightness = 96 - float(share) * 60
    return f"hsl(210, 65%, {lightness:.0f}%)"


def cohort_chart(result: KpiResult) -> Chart | None:
    """Return the cohort retention heatmap; unobserved months stay blank."""
    if not result.cohorts:
        return None
    lang = result.language
    width = max(len(c.retention) for c in result.cohorts)
    rects, texts = [], []
    for k in range(width):
        texts.append(Text(LABEL_W + k * CELL_W + CELL_W / 2, TOP - 8, f"+{k}", "middle"))
    for row, cohort in enumerate(result.cohorts):
        y = TOP + row * CELL_H
        texts.append(Text(4, y + CELL_H * 0.65, f"{cohort.month} ({cohort.customers})"))
        for k, share in enumerate(cohort.retention):
            if share is None:
                continue
            label = percent(share * 100, lang, 0)
            x = LABEL_W + k * CELL_W
            title = f"{cohort.month} +{k}: {label}"
            rects.append(
                Rect(
                    x,
                    y,
                    CELL_W - 2,
                    CELL_H - 2,
                    _heat(share),
                    label,
                    x + CELL_W / 2 - 1,
                    y + CELL_H * 0.62,
                    title,
                    "middle",
                    "#fff" if share > Decimal("0.5") else "#222",
                )
            )
    height = TOP + len(result.cohorts) * CELL_H + 4
    return Chart(LABEL_W + width * CELL_W + 4, height, rects, texts)


def funnel_chart(result: KpiResult) -> Chart | None:
    """Return the funnel: one bar per step, as wide as its share of the first step."""
    if not result.funnel:
        return None
    first = max(result.funnel[0].count, 1)
    # Room for the longest step name at about 7 units a character.
    left = min(max(len(s.step) for s in result.funnel) * 7 + 12, 260)
    rects, texts = [], []
    for i, step in enumerate(result.funnel):
        y = i * (BAR_H + 6)
        width = max(FUNNEL_W * step.count / first, 1)
        conversion = step.conversion
        share = "" if conversion is None else f" ({percent(conversion * 100, result.language)})"
        count = decimal_text(step.count, 0, result.language)
        rects.append(
            Rect(left, y, width, BAR_H, "hsl(160, 50%, 55%)", f"{count}{share}",
                 left + width + 6, y + BAR_H * 0.65, step.step)
        )  # fmt: skip
        texts.append(Text(4, y + BAR_H * 0.65, step.step))
    return Chart(left + FUNNEL_W + 140, len(result.funnel) * (BAR_H + 6), rects, texts)


def revenue_chart(result: KpiResult) -> Chart | None:
    """Return monthly revenue as columns; refunds larger than sales show as an empty month."""
    if not result.months:
        return None
    top = max((m.revenue for m in result.months), default=Decimal(0))
    scale = float(top) if top > 0 else 1.0
    slot = CHART_W / len(result.months)
    every = -(-len(result.months) // 8)  # at most eight month labels fit under the columns
    rects, texts = [], []
    for i, month in enumerate(result.months):
        height = max(float(month.revenue), 0.0) / scale * (CHART_H - 30)
        x = _MARGIN + i * slot + slot * 0.15
        y = CHART_H - 20 - height
        label = money(month.revenue, result.language, result.currency)
        rects.append(
            Rect(x, y, slot * 0.7, height, "hsl(30, 80%, 60%)", "", x, y, f"{month.month}: {label}")
        )
        if i % every == 0:
            texts.append(Text(x + slot * 0.35, CHART_H - 5, month.month, "middle"))
    texts.append(Text(0, 10, f"max {money(top, result.language, result.currency)}"))
    return Chart(CHART_W + 2 * _MARGIN, CHART_H, rects, texts)


def view(result: KpiResult, title: str) -> dict[str, Any]:
    """Return everything the report template shows, formatted."""
    lang, cur = result.language, result.currency
    return {
        "title": title,
        "lang": lang,
        "window": result.window,
        "metrics": [(LABELS[n], metric_text(n, result.metrics.get(n), lang, cur)) for n in METRICS],
        "targets": [
            (
                t.journey,
                t.kpi,
                t.target,
                metric_text(t.metric, t.actual, lang, cur),
                {True: "met", False: "missed", None: "no-data"}[t.met],
            )
            for t in result.targets
        ],
        "cohorts": cohort_chart(result),
        "funnel": funnel_chart(result),
        "revenue": revenue_chart(result),
        "warnings": result.warnings,
    }


def render_html(result: KpiResult, title: str = "KPI report") -> str:
    """Return the report as one HTML page with inline CSS and SVG, all text escaped."""
    import jinja2

    folder = templates() / "kpi"

    def source(name: str) -> str | None:
        item = folder / name
        return item.read_text(encoding="utf-8") if item.is_file() else None

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(source),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(view(result, title))
