"""`kundresa kpi`: KPIs from sales, survey and funnel exports, checked against targets.

Modules: `dialect`, `notation` and `columns` work out how an export is written (numbers
and dates from all their values) and which column holds what; `values` and `reader` load
it into DuckDB, `problems` reports the rows that cannot be read; `sales` and `survey` hold
the metrics in SQL; `targets` checks the journeys' KPI targets; `result` is the returned
data, `formats`, `numbers` and `html` write it out. DuckDB and Jinja are imported only
when a function needs them.
"""

from __future__ import annotations

from kundresa.kpi.compute import compute_kpis
from kundresa.kpi.result import KpiResult
from kundresa.kpi.spec import ReadOptions, SourceSpec

__all__ = ["KpiResult", "ReadOptions", "SourceSpec", "compute_kpis"]
