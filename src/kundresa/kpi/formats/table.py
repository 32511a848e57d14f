"""`--format table`: the KPI report as aligned text tables for a terminal.

Plain text, so the core needs no terminal library; wide tables (a breakdown with many
metrics) are turned so that each metric is a row and a few segments are columns, which
keeps them readable on 80 columns.
"""

from __future__ import annotations

import unicodedata

from kundresa.kpi.formats.sheets import Cell, Sheet, report_sheets
from kundresa.kpi.result import KpiResult

#: A table with more columns than this is printed turned, a few columns at a time.
MAX_COLUMNS = 6
_PER_TABLE = 4


def to_table(result: KpiResult, language: str, currency: str | None) -> bytes:
    """Return the report's tables as text, one after another."""
    blocks = []
    for sheet in report_sheets(result, language, currency):
        parts = _turned(sheet) if len(sheet.headers) > MAX_COLUMNS else [sheet]
        blocks += [_draw(part) for part in parts]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _turned(sheet: Sheet) -> list[Sheet]:
    """Return the sheet with rows and columns swapped, cut into a few columns each."""
    parts = []
    for start in range(0, len(sheet.rows), _PER_TABLE):
        chunk = sheet.rows[start : start + _PER_TABLE]
        headers = [sheet.headers[0], *(row[0].text for row in chunk)]
        rows = [
            [Cell(heading), *(row[i] for row in chunk)]
            for i, heading in enumerate(sheet.headers[1:], start=1)
        ]
        parts.append(Sheet(sheet.name, sheet.title, headers, rows, [False] + [True] * len(chunk)))
    return parts


def _draw(sheet: Sheet) -> str:
    table = [sheet.headers, *([c.text for c in row] for row in sheet.rows)]
    widths = [max(_width(row[i]) for row in table) for i in range(len(sheet.headers))]
    numeric = sheet.numeric or [False] * len(widths)
    lines = [sheet.title, "  ".join("─" * w for w in widths)]
    for index, row in enumerate(table):
        cells = [
            _pad(text, w, right=numeric[i])
            for i, (text, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("─" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Return the columns `text` takes on a terminal (East Asian wide letters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    room = " " * (width - _width(text))
    return room + text if right else text + room
