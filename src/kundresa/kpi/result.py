"""What `compute_kpis` returns: the metrics, their breakdown, cohorts, funnel and targets.

`KpiResult.to_dict` is the JSON that `kundresa kpi --format json` writes and `kundresa
render --kpi` reads: a top-level `metrics` object keyed by the SPEC's metric names, with
plain numbers (rates as fractions from 0 to 1, NPS and CSAT as scores from -100/0 to 100).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kundresa.diagnostics import Diagnostic
from kundresa.figures import Interval, Status

#: A metric's value: a count, an exact decimal, or None when there is nothing to measure.
Value = int | Decimal | None

#: Metric names in the order they are shown (SPEC section 6).
METRICS = (
    "customers",
    "orders",
    "revenue",
    "aov",
    "purchase_frequency",
    "repeat_rate",
    "avg_lifespan_days",
    "clv",
    "historic_clv",
    "churn_rate",
    "anonymous_orders",
    "anonymous_revenue",
    "nps",
    "csat",
    "conversion",
)


def ratio(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    """Return numerator / denominator as a Decimal, or None when the denominator is 0."""
    if not denominator:
        return None
    return Decimal(numerator) / Decimal(denominator)


@dataclass(frozen=True)
class Window:
    """The dates measured, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        """Return the number of days in the window."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Cohort:
    """Customers by first-purchase month, and the share buying in each month since.

    `retention[k]` is the share buying k months after the first; None when month k is
    after the end of the window, so it has not been observed.
    """

    month: str
    customers: int
    retention: list[Decimal | None]


@dataclass(frozen=True)
class FunnelStep:
    """One step of the funnel; `conversion` is its count over the previous step's."""

    step: str
    count: int
    conversion: Decimal | None


@dataclass(frozen=True)
class Month:
    """Revenue in one calendar month."""

    month: str
    revenue: Decimal


@dataclass(frozen=True)
class TargetCheck:
    """A journey KPI's target against the measured value, with the score's interval."""

    journey: str
    kpi: str
    metric: str
    target: str
    actual: Value
    status: Status
    interval: Interval | None = None


@dataclass(frozen=True)
class TouchpointScores:
    """The survey figures of one touchpoint id; `known` when the catalogue has it."""

    touchpoint: str
    known: bool
    nps: Decimal | None
    csat: Decimal | None
    intervals: dict[str, Interval]


@dataclass
class KpiResult:
    """Everything `kundresa kpi` measured, ready for any output format."""

    metrics: dict[str, Value]
    window: Window | None = None
    by: str | None = None
    breakdown: dict[str, dict[str, Value]] = field(default_factory=dict)
    cohorts: list[Cohort] = field(default_factory=list)
    funnel: list[FunnelStep] = field(default_factory=list)
    months: list[Month] = field(default_factory=list)
    targets: list[TargetCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    #: The 95% intervals of the overall NPS and CSAT, and of each segment's.
    intervals: dict[str, Interval] = field(default_factory=dict)
    segment_intervals: dict[str, dict[str, Interval]] = field(default_factory=dict)
    touchpoints: list[TouchpointScores] = field(default_factory=list)

    @property
    def missed(self) -> list[TargetCheck]:
        """Return the targets that were measured and missed (not those uncertain)."""
        return [t for t in self.targets if t.status is Status.MISSED]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data, every number a plain JSON number."""
        return {
            "metrics": {name: number(self.metrics.get(name)) for name in METRICS},
            "window": (
                {
                    "start": self.window.start.isoformat(),
                    "end": self.window.end.isoformat(),
                    "days": self.window.days,
                }
                if self.window
                else None
            ),
            "by": self.by,
            "breakdown": {
                segment: {name: number(values.get(name)) for name in METRICS if name in values}
                for segment, values in self.breakdown.items()
            },
            "cohorts": [
                {
                    "cohort": c.month,
                    "customers": c.customers,
                    "retention": [number(v) for v in c.retention],
                }
                for c in self.cohorts
            ],
            "funnel": [
                {"step": s.step, "count": s.count, "conversion": number(s.conversion)}
                for s in self.funnel
            ],
            "months": [{"month": m.month, "revenue": number(m.revenue)} for m in self.months],
            "targets": [
                {
                    "journey": t.journey,
                    "kpi": t.kpi,
                    "metric": t.metric,
                    "target": t.target,
                    "actual": number(t.actual),
                    "met": {Status.MET: True, Status.MISSED: False}.get(t.status),
                    "status": t.status.value,
                }
                for t in self.targets
            ],
            "intervals": intervals_dict(self.intervals),
            "segment_intervals": {
                segment: intervals_dict(found) for segment, found in self.segment_intervals.items()
            },
            "touchpoints": [
                {
                    "touchpoint": s.touchpoint,
                    "known": s.known,
                    "nps": number(s.nps),
                    "csat": number(s.csat),
                    "intervals": intervals_dict(s.intervals),
                }
                for s in self.touchpoints
            ],
            "warnings": list(self.warnings),
            "sources": dict(self.sources),
        }


def intervals_dict(intervals: dict[str, Interval]) -> dict[str, dict[str, int | float | None]]:
    """Return intervals as JSON: `{"nps": {"n", "low", "high"}, ...}`."""
    return {
        name: {"n": i.n, "low": number(i.low), "high": number(i.high)}
        for name, i in intervals.items()
    }


def number(value: Value) -> int | float | None:
    """Return a value as a plain JSON number (integers stay integers)."""
    if value is None or isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)
