"""A KPI result saved by `kundresa kpi --format json`, read back for `render --kpi FILE`.

Only what the map and the KPI page show is read: the metrics, their intervals, the
figures per touchpoint, the window, the targets, the funnel, the cohorts, the monthly
revenue and the warnings.
Keys other than the known metric names are ignored; a metric given as null, NaN or
infinity counts as no data.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from kundresa.errors import InputError
from kundresa.figures import Interval, Status
from kundresa.kpi.result import (
    METRICS,
    Cohort,
    FunnelStep,
    KpiResult,
    Month,
    TargetCheck,
    TouchpointScores,
    Window,
)

_HINT = "pass the file that 'kundresa kpi --format json' writes"


def read_kpi_result(path: Path) -> KpiResult:
    """Read a saved KPI result.

    Raises:
        InputError: the file cannot be read, is not JSON, has no `metrics` object of
            numbers, or a part of it is not what `kundresa kpi` writes.
    """
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read the KPI results: {exc.strerror or exc}", path=path) from exc
    except ValueError as exc:
        raise InputError("the KPI results are not JSON", path=path, hint=_HINT) from exc
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict):
        raise InputError("the KPI results have no 'metrics' object", path=path, hint=_HINT)
    try:
        return _result(data, path)
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise InputError(
            f"the KPI results are not as 'kundresa kpi' writes them ({exc})",
            path=path,
            hint=_HINT,
        ) from exc


def result_from_numbers(metrics: Mapping[str, float | Decimal | int]) -> KpiResult:
    """Return a result holding only these metrics (for the library API)."""
    return KpiResult(
        metrics={n: Decimal(str(v)) for n, v in metrics.items() if n in METRICS and v is not None}
    )


def _result(data: dict[str, Any], path: Path) -> KpiResult:
    window = data.get("window")
    intervals = _intervals(data.get("intervals") or {})
    return KpiResult(
        metrics=_metrics(data["metrics"], path),
        window=(
            Window(dt.date.fromisoformat(window["start"]), dt.date.fromisoformat(window["end"]))
            if isinstance(window, dict)
            else None
        ),
        intervals=intervals,
        targets=[
            TargetCheck(
                str(t["journey"]),
                str(t["kpi"]),
                str(t["metric"]),
                str(t["target"]),
                _decimal(t.get("actual")),
                Status(t["status"]),
                intervals.get(str(t["metric"])),
            )
            for t in data.get("targets") or []
        ],
        warnings=[str(w) for w in data.get("warnings") or []],
        touchpoints=[
            TouchpointScores(
                str(one["touchpoint"]),
                bool(one.get("known", True)),
                _decimal(one.get("nps")),
                _decimal(one.get("csat")),
                _intervals(one.get("intervals") or {}),
            )
            for one in data.get("touchpoints") or []
        ],
        funnel=[
            FunnelStep(str(s["step"]), int(s["count"]), _decimal(s.get("conversion")))
            for s in data.get("funnel") or []
        ],
        cohorts=[
            Cohort(str(c["cohort"]), int(c["customers"]), [_decimal(v) for v in c["retention"]])
            for c in data.get("cohorts") or []
        ],
        months=[
            Month(str(m["month"]), Decimal(str(m["revenue"]))) for m in data.get("months") or []
        ],
    )


def _metrics(metrics: Mapping[str, Any], path: Path) -> dict[str, int | Decimal | None]:
    results: dict[str, int | Decimal | None] = {}
    for name, value in metrics.items():
        if name not in METRICS or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(
                f"the KPI result 'metrics.{name}' is not a number", path=path, hint=_HINT
            )
        if isinstance(value, float) and not math.isfinite(value):
            continue
        results[name] = Decimal(str(value))
    return results


def _intervals(data: Mapping[str, Any]) -> dict[str, Interval]:
    return {
        name: Interval(int(i["n"]), Decimal(str(i["low"])), Decimal(str(i["high"])))
        for name, i in data.items()
        if name in {"nps", "csat"}
    }


def _decimal(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{value!r} is not a number")
    return Decimal(str(value))
