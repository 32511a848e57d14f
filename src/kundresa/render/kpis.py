"""Each journey KPI set against its target, and the survey figures of each touchpoint.

The figures come from a `KpiResult` (computed by render, or saved by `kundresa kpi`) and
are worded by `kundresa.figures`, exactly as `kundresa kpi` words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kundresa.figures import figure_text, interval_text, target_status, target_text
from kundresa.kpi.result import KpiResult, TouchpointScores
from kundresa.models import Journey, Kpi, Metric

#: A KPI that has no target: its CSS class and label key.
NO_TARGET = "no_target"
#: How many touchpoints the index lists under the lowest CSAT.
LOWEST = 5
_SCORES = (Metric.CSAT, Metric.NPS)


@dataclass(frozen=True)
class KpiView:
    """One journey KPI as shown: name, target, actual and its status (a `Status` or none)."""

    id: str
    name: str
    metric: str
    description: str | None
    target: str | None
    actual: str | None
    status: str
    interval: str | None = None


@dataclass(frozen=True)
class ScoreView:
    """A survey score at a touchpoint: `CSAT 77,8`, its interval and number of answers."""

    metric: str
    value: str
    interval: str | None


@dataclass(frozen=True)
class TouchpointScoreView:
    """A touchpoint on the index page's list of the lowest CSAT."""

    name: str
    csat: str
    interval: str | None


def kpi_views(
    journey: Journey,
    results: KpiResult | None,
    labels: Mapping[str, str],
    language: str,
    currency: str,
) -> list[KpiView]:
    """Return each KPI of the journey with its actual value set against its target."""
    return [_view(kpi, results, labels, language, currency) for kpi in journey.kpis]


def _view(
    kpi: Kpi,
    results: KpiResult | None,
    labels: Mapping[str, str],
    language: str,
    currency: str,
) -> KpiView:
    custom = kpi.metric is Metric.CUSTOM
    actual = kpi.value if custom else (results.metrics.get(kpi.metric.value) if results else None)
    interval = None if custom or results is None else results.intervals.get(kpi.metric.value)
    status: str = NO_TARGET
    if kpi.target is not None:
        status = target_status(kpi.target, kpi.metric, actual, interval).value
    return KpiView(
        id=kpi.id,
        name=kpi.name or labels[f"m_{kpi.metric.value}"],
        metric=labels[f"m_{kpi.metric.value}"],
        description=kpi.description,
        target=target_text(kpi.target, language) if kpi.target else None,
        actual=None
        if actual is None
        else figure_text(
            kpi.metric, actual, language, currency, percent=bool(kpi.target and kpi.target.percent)
        ),
        status=status,
        interval=interval_text(kpi.metric, interval, language) if interval else None,
    )


def touchpoint_scores(results: KpiResult | None, language: str) -> dict[str, list[ScoreView]]:
    """Return the CSAT and NPS of each touchpoint id the survey names, with n and interval."""
    if results is None:
        return {}
    return {one.touchpoint: _scores(one, language) for one in results.touchpoints}


def _scores(one: TouchpointScores, language: str) -> list[ScoreView]:
    views = []
    for metric in _SCORES:
        value = getattr(one, metric.value)
        if value is None:
            continue
        interval = one.intervals.get(metric.value)
        views.append(
            ScoreView(
                metric.value.upper(),
                figure_text(metric, value, language, None),
                interval_text(metric, interval, language) if interval else None,
            )
        )
    return views


def lowest_csat(
    results: KpiResult | None, names: Mapping[str, str], language: str
) -> list[TouchpointScoreView]:
    """Return the catalogued touchpoints with the lowest CSAT, lowest first."""
    if results is None:
        return []
    rated = [one for one in results.touchpoints if one.known and one.csat is not None]
    rated.sort(key=lambda one: (one.csat, one.touchpoint))
    return [
        TouchpointScoreView(
            names.get(one.touchpoint, one.touchpoint),
            figure_text(Metric.CSAT, one.csat, language, None),
            interval_text(Metric.CSAT, one.intervals["csat"], language)
            if "csat" in one.intervals
            else None,
        )
        for one in rated[:LOWEST]
    ]
