"""Rows of an export that cannot be read: counted, and the first few shown by line number.

Two kinds: rows that are not valid CSV (DuckDB's rejects table has their text) and rows with
a value that cannot be read (found by the SQL in `values`). Both are found again by their
content in a second pass over the start of the file, only when there are such rows, to
give line numbers as an editor shows them; a clean file is read once.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kundresa.diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:
    import duckdb

#: How many unreadable rows are shown; the rest are counted.
SHOWN = 5
CODE, NAME = "KPI001", "unreadable-row"

_FOUND = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


@dataclass
class Rejects:
    """Rows DuckDB could not read as CSV: how many, and the first few as text."""

    count: int
    examples: list[tuple[str, str, int]]  # (the record's text, reason, DuckDB's line)
    encoding_errors: bool
    cast_errors: bool = False  # a value the CSV reader parses did not parse


@dataclass
class RowProblems:
    """Every unreadable row of one export: how many, and the first few in detail."""

    display: str
    rejected_count: int = 0
    unreadable_count: int = 0
    skipped_count: int = 0  # summary rows (Total, Summa): not data, not unreadable
    excluded_count: int = 0  # rows `exclude:` or a preset leaves out
    data_rows: int = 0  # rows of data, readable or not (no blank or summary row)
    placed: list[Diagnostic] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return the number of rows that could not be read."""
        return self.rejected_count + self.unreadable_count

    def place(self, found: Sequence[tuple[int, str]], *, row_numbers: bool = False) -> None:
        """Record the first rows with an unreadable value: (line or row number, reason)."""
        self.placed = [
            _diagnostic(self.display, number, ("row: " if row_numbers else "") + reason)
            for number, reason in found
        ]

    def examples(self) -> list[Diagnostic]:
        """Return the first unreadable rows of both kinds, in file order."""
        return sorted(self.placed, key=lambda d: d.location.line)[:SHOWN]


def _diagnostic(display: str, line: int, reason: str) -> Diagnostic:
    return Diagnostic(
        Location(display, line, 1),
        CODE,
        NAME,
        Severity.WARNING,
        f"row cannot be read: {reason}",
    )


def reject_rows(con: duckdb.DuckDBPyConnection, kind: str) -> Rejects:
    """Return the rows of the last CSV read of `kind` that were not valid CSV."""
    table = f"{kind}_rejects"
    counted = con.execute(
        f"SELECT count(DISTINCT line), count(*) FILTER (WHERE error_type = 'INVALID ENCODING'), "
        f"count(*) FILTER (WHERE error_type = 'CAST') FROM {table}"
    ).fetchone()
    count, encoding, cast = (int(n) for n in counted) if counted else (0, 0, 0)
    rows = con.execute(
        f"SELECT line, min(error_type), min(error_message), min(csv_line) FROM {table} "
        f"GROUP BY line ORDER BY line LIMIT {SHOWN}"
    ).fetchall()
    examples = [(str(r[3] or ""), _reason(str(r[1]), str(r[2])), int(r[0])) for r in rows]
    return Rejects(count, examples, encoding > 0, cast > 0)


def _reason(error_type: str, message: str) -> str:
    found = _FOUND.search(message)
    if error_type in {"TOO MANY COLUMNS", "MISSING COLUMNS"} and found:
        expected, got = found.groups()
        return f"it has {got} fields where the header has {expected}"
    return {
        "UNQUOTED VALUE": "a quoted field is not closed, or text follows its closing quote",
        "INVALID ENCODING": "it is not valid UTF-8",
        "LINE SIZE OVER MAXIMUM": "the line is longer than 2 MB",
    }.get(error_type, error_type.lower())


def locate_rows(
    path: Path,
    delimiter: str,
    unreadable: Sequence[tuple[Sequence[object], str]],
    rejected: Sequence[tuple[str, str, int]],
    *,
    skip: int = 0,
) -> list[tuple[int, str]]:
    """Return (line, reason) of the first rows with a bad value and the first rejected rows.

    `unreadable` holds the raw cells of rows with a value that cannot be read, `rejected`
    the text of records that are not valid CSV, each in file order; `skip` lines come
    before the header (a `sep=` line, a title). The (UTF-8) file is read
    only as far as the last of them; a record's line is the line it starts on, counting
    blank lines and the line breaks inside quoted fields, as an editor does.
    """
    values = [(_cells(cells), reason) for cells, reason in unreadable]
    rejects = [
        (_cells(next(csv.reader([text.strip("\r\n")], delimiter=delimiter), [])), reason, line)
        for text, reason, line in rejected
    ]
    found: list[tuple[int, str]] = []
    with _open_text(path) as handle, contextlib.suppress(csv.Error):
        for _ in range(skip):
            handle.readline()
        # A field beyond the csv module's limit (DuckDB reads lines up to 2 MB) ends the
        # search; what was not found keeps DuckDB's position below.
        reader = csv.reader(handle, delimiter=delimiter)
        next(reader, None)
        start = reader.line_num + 1 + skip
        for row in reader:
            line, start = start, reader.line_num + 1 + skip
            if not (values or rejects):
                break
            cells = _cells(row)
            if values and cells == values[0][0]:
                found.append((line, values.pop(0)[1]))
            elif rejects and cells == rejects[0][0]:
                found.append((line, rejects.pop(0)[1]))
    # Anything not found again keeps the position DuckDB gave (0 when it gave none).
    found += [(0, reason) for _, reason in values]
    found += [(line, reason) for _, reason, line in rejects]
    return found


def _cells(row: Sequence[object]) -> tuple[str, ...]:
    return tuple("" if cell is None else str(cell).strip() for cell in row)


def _open_text(path: Path) -> TextIO:
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    if gzipped:
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline="")
    return path.open(encoding="utf-8-sig", errors="replace", newline="")
