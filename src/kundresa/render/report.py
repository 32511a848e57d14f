"""The KPI page of the site (`site/kpi.html`, and `kundresa kpi --html`): the cohort heatmap,
the funnel and the monthly revenue, with the metrics and targets, in the project's language.

Every coordinate, colour and label is computed here; the page is rendered through the same
environment, templates and sandbox as the maps (`kpi.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kundresa.figures import money_text, number_text, percent_text
from kundresa.kpi.formats.sheets import Sheet, report_sheets
from kundresa.kpi.result import KpiResult
from kundresa.labels import labels_for
from kundresa.render.environment import fill, make_environment

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
    label_fill: str = "currentColor"  # the page's ink, light or dark


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


def cohort_chart(result: KpiResult, lang: str) -> Chart | None:
    """Return the cohort retention heatmap; unobserved months stay blank."""
    if not result.cohorts:
        return None
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
            label = percent_text(share * 100, lang, 0)
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


def funnel_chart(result: KpiResult, lang: str) -> Chart | None:
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
        share = "" if conversion is None else f" ({percent_text(conversion * 100, lang)})"
        count = number_text(step.count, lang)
        rects.append(
            Rect(left, y, width, BAR_H, "hsl(160, 50%, 55%)", f"{count}{share}",
                 left + width + 6, y + BAR_H * 0.65, step.step)
        )  # fmt: skip
        texts.append(Text(4, y + BAR_H * 0.65, step.step))
    return Chart(left + FUNNEL_W + 140, len(result.funnel) * (BAR_H + 6), rects, texts)


def revenue_chart(
    result: KpiResult, lang: str, currency: str | None, most: str = "max"
) -> Chart | None:
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
        label = money_text(month.revenue, lang, currency)
        rects.append(
            Rect(x, y, slot * 0.7, height, "hsl(30, 80%, 60%)", "", x, y, f"{month.month}: {label}")
        )
        if i % every == 0:
            texts.append(Text(x + slot * 0.35, CHART_H - 5, month.month, "middle"))
    texts.append(Text(0, 10, f"{most} {money_text(top, lang, currency)}"))
    return Chart(CHART_W + 2 * _MARGIN, CHART_H, rects, texts)


@dataclass(frozen=True)
class KpiPage:
    """Everything the KPI page shows: the report's tables and its three charts."""

    title: str
    sheets: list[Sheet]
    cohorts: Chart | None
    funnel: Chart | None
    revenue: Chart | None
    warnings: list[str]


def kpi_page(result: KpiResult, title: str, language: str, currency: str | None) -> KpiPage:
    """Return the view of the KPI page, worded in `language`."""
    t = labels_for(language)
    # The funnel is drawn as a chart; listing it again would repeat it.
    return KpiPage(
        title=title,
        sheets=[s for s in report_sheets(result, language, currency) if s.name != t["funnel"]],
        cohorts=cohort_chart(result, language),
        funnel=funnel_chart(result, language),
        revenue=revenue_chart(result, language, currency, t["max"]),
        warnings=list(result.warnings),
    )


def render_kpi_page(
    result: KpiResult,
    title: str,
    language: str,
    currency: str | None,
    *,
    templates_dir: Path | None = None,
    index_href: str | None = None,
) -> bytes:
    """Return the KPI page as one self-contained HTML file (`kundresa kpi --html`)."""
    environment = make_environment("html", templates_dir)
    page = fill(
        environment,
        "kpi.html",
        page=kpi_page(result, title, language, currency),
        t=labels_for(language),
        lang=language,
        project_name=title,
        index_href=index_href,
    )
    return page.encode("utf-8")
