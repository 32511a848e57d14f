"""The outputs of a KPI result, chosen by name: table, json, csv, md and xlsx.

Each reporter takes the result with the language and currency to word it in, and returns
the bytes to write; table, md and xlsx are laid out from the same sheets (`sheets.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from kundresa.kpi.formats.machine import to_csv, to_json
from kundresa.kpi.formats.markdown import to_md
from kundresa.kpi.formats.table import to_table
from kundresa.kpi.formats.workbook import to_xlsx
from kundresa.kpi.result import KpiResult

Reporter = Callable[[KpiResult, str, str | None], bytes]

REPORTERS: dict[str, Reporter] = {
    "table": to_table,
    "json": to_json,
    "csv": to_csv,
    "md": to_md,
    "xlsx": to_xlsx,
}
#: Formats that are not text, so they are never written to a terminal.
BINARY = frozenset({"xlsx"})

__all__ = ["BINARY", "REPORTERS", "Reporter"]
