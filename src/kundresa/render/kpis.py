"""KPI results (`kundresa kpi --format json`) read and set against each journey KPI's target."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kundresa.errors import InputError
from kundresa.models import Journey, Kpi, Metric
from kundresa.render.text import format_number, format_plain, percent

_KNOWN = {metric.value for metric in Metric if metric is not Metric.CUSTOM}
_MONEY = {Metric.REVENUE, Metric.AOV, Metric.CLV, Metric.HISTORIC_CLV}
_COUNTS = {Metric.CUSTOMERS, Metric.ORDERS}
_OPERATORS = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}

#: What a KPI's status is: the CSS class and the label key both.
MET, MISSED, NO_DATA, NO_TARGET = "met", "missed", "no_data", "no_target"


@dataclass(frozen=True)
class KpiView:
    """One journey KPI as shown: name, target, actual and whether the target is met."""

    id: str
    name: str
    metric: str
    description: str | None
    target: str | None
    actual: str | None
    status: str


def read_kpi_results(path: Path) -> dict[str, Decimal]:
    """Read the metrics of a `kundresa kpi --format json` file, keyed by metric name.

    Keys other than the known metric names are ignored; a metric given as null, NaN or
    infinity counts as no data.

    Raises:
        InputError: the file cannot be read, is not JSON, or has no `metrics` object of
            numbers.
    """
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read the KPI results: {exc.strerror or exc}", path=path) from exc
    except ValueError as exc:
        raise InputError(
            "the KPI results are not JSON",
            path=path,
            hint="pass the file that 'kundresa kpi --format json' writes",
        ) from exc
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict):
        raise InputError(
            "the KPI results have no 'metrics' object",
            path=path,
            hint="pass the file that 'kundresa kpi --format json' writes",
        )
    return _numbers(metrics, path)


def _numbers(metrics: Mapping[str, Any], path: Path) -> dict[str, Decimal]:
    results: dict[str, Decimal] = {}
    for name, value in metrics.items():
        if name not in _KNOWN or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(
                f"the KPI result 'metrics.{name}' is not a number",
                path=path,
                hint="pass the file that 'kundresa kpi --format json' writes",
            )
        if isinstance(value, float) and not math.isfinite(value):
            continue
        results[name] = Decimal(str(value))
    return results


def kpi_views(
    journey: Journey,
    results: Mapping[str, Decimal] | None,
    labels: Mapping[str, str],
    language: str,
    currency: str,
) -> list[KpiView]:
    """Return each KPI of the journey with its actual value set against its target."""
    return [_view(kpi, results or {}, labels, language, currency) for kpi in journey.kpis]


def _view(
    kpi: Kpi,
    results: Mapping[str, Decimal],
    labels: Mapping[str, str],
    language: str,
    currency: str,
) -> KpiView:
    actual = kpi.value if kpi.metric is Metric.CUSTOM else results.get(kpi.metric.value)
    if kpi.target is None:
        status = NO_TARGET
    elif actual is None:
        status = NO_DATA
    else:
        status = MET if kpi.target.is_met(actual, kpi.metric) else MISSED
    target = None
    if kpi.target is not None:
        shown = format_plain(kpi.target.value, language)
        shown = percent(shown, language) if kpi.target.percent else shown
        target = f"{_OPERATORS[kpi.target.op]} {shown}"
    return KpiView(
        id=kpi.id,
        name=kpi.name or labels[f"m_{kpi.metric.value}"],
        metric=labels[f"m_{kpi.metric.value}"],
        description=kpi.description,
        target=target,
        actual=None if actual is None else _format(actual, kpi, labels, language, currency),
        status=status,
    )


def _format(
    value: Decimal, kpi: Kpi, labels: Mapping[str, str], language: str, currency: str
) -> str:
    """Return a metric's value as people read it: rates as percentages, money with currency."""
    metric = kpi.metric
    if metric.is_rate:
        return percent(format_number(value * 100, language, 1), language)
    if metric in _MONEY:
        return f"{format_number(value, language)}\u00a0{currency}"
    if metric in _COUNTS:
        return format_number(value, language)
    if metric is Metric.AVG_LIFESPAN_DAYS:
        return f"{format_number(value, language)}\u00a0{labels['days']}"
    if metric is Metric.PURCHASE_FREQUENCY:
        return format_number(value, language, 2)
    if metric in {Metric.NPS, Metric.CSAT}:
        return format_number(value, language, 0 if value == value.to_integral() else 1)
    shown = format_plain(value, language)
    return percent(shown, language) if kpi.target and kpi.target.percent else shown
