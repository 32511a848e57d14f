"""`--format xlsx`: the KPI report as an Excel workbook, a sheet per table.

Nordic Excel opens a comma-separated CSV with every decimal as text; a workbook carries
each figure as a number with a number format, so Excel shows it in the reader's own
locale and can sum it. XlsxWriter writes the file (it writes fixed zip timestamps, and
the creation date is fixed here, so the same result gives the same bytes).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from kundresa.figures import Kind
from kundresa.kpi.formats.sheets import Cell, Sheet, report_sheets
from kundresa.kpi.result import KpiResult

#: Excel's limit on a sheet name, and the characters a sheet name may not hold.
_NAME_LENGTH = 31
_NOT_IN_NAME = re.compile(r"[\[\]:*?/\\]")
# A fixed creation date keeps the workbook byte-identical from run to run.
_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.RATE: "0.0%",
    Kind.DAYS: "0.0",
    Kind.RATIO: "0.00",
    Kind.NUMBER: "General",
}
_SCORE_FORMAT = "0.0"


def to_xlsx(result: KpiResult, language: str, currency: str | None) -> bytes:
    """Return the workbook: headings in the language, figures as numbers."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"created": _CREATED.replace(tzinfo=None)})
    bold = book.add_format({"bold": True})
    formats = {
        kind: book.add_format({"num_format": _money(currency) if kind is Kind.MONEY else code})
        for kind, code in {**_FORMATS, Kind.MONEY: "", Kind.SCORE: _SCORE_FORMAT}.items()
    }
    used: set[str] = set()
    for sheet in report_sheets(result, language, currency, series=True):
        page = book.add_worksheet(_sheet_name(sheet.name, used))
        page.write_row(0, 0, sheet.headers, bold)
        for r, row in enumerate(sheet.rows, start=1):
            for c, cell in enumerate(row):
                _write(page, r, c, cell, formats)
        page.set_column(0, 0, _first_width(sheet))
        page.set_column(1, max(len(sheet.headers) - 1, 1), 14)
        page.freeze_panes(1, 1)
    book.close()
    return out.getvalue()


def _write(page: Any, row: int, column: int, cell: Cell, formats: dict[Kind, Any]) -> None:
    if cell.value is None and cell.kind is not None:
        page.write_blank(row, column, None)  # a figure with no data: empty, so sums still work
    elif cell.value is None:
        page.write_string(row, column, cell.text)
    else:
        # A workbook stores floats; a rate is its fraction, shown as a percentage by Excel.
        page.write_number(
            row, column, float(Decimal(cell.value)), formats[cell.kind or Kind.NUMBER]
        )


def _money(currency: str | None) -> str:
    return f'#,##0.00 "{currency}"' if currency else "#,##0.00"


def _sheet_name(name: str, used: set[str]) -> str:
    base = _NOT_IN_NAME.sub("-", name)[:_NAME_LENGTH] or "Sheet"
    chosen, n = base, 2
    while chosen.lower() in used:
        suffix = f" {n}"
        chosen, n = base[: _NAME_LENGTH - len(suffix)] + suffix, n + 1
    used.add(chosen.lower())
    return chosen


def _first_width(sheet: Sheet) -> int:
    texts = [sheet.headers[0], *(row[0].text for row in sheet.rows)]
    return min(max(len(text) for text in texts) + 2, 60)
