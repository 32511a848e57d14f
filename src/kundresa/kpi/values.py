"""SQL that turns the text of an export's cells into typed values, and says why when not.

One SELECT per export: an inner query parses each cell (text, date, amount, score, count)
and keeps the raw text beside it; the outer one names the first problem of each row in a
`problem` column, NULL for a good row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

#: Amounts are exact: 14 digits before the decimal mark and 4 after fit in 64 bits.
DECIMAL = "DECIMAL(18,4)"
# Thousands separators: space, no-break space and narrow no-break space.
_SPACES = (" ", "\u00a0", "\u202f")


class FieldKind(Enum):
    """How a cell is read."""

    TEXT = "text"
    DATE = "date"
    AMOUNT = "amount"
    SCORE = "score"
    COUNT = "count"


@dataclass(frozen=True)
class Field:
    """A canonical column: how it is read, whether a row needs it, and a score's range."""

    name: str
    kind: FieldKind
    required: bool = False
    low: int | None = None
    high: int | None = None

    @property
    def column(self) -> str:
        """Return the name of the column in the loaded table."""
        return "day" if self.name == "date" else self.name


@dataclass(frozen=True)
class Cell:
    """Where a field's values come from and how they are written there.

    `native` is VARCHAR for text cells (CSV), or NUMBER or DATE for typed Parquet columns.
    """

    ref: str
    native: str = "VARCHAR"
    formats: Sequence[str] = ()
    decimal: str = "."
    letters: bool = False


def quote(name: str) -> str:
    """Return a SQL identifier for a column name."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """Return a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def parse_sql(item: Field, cell: Cell) -> str:
    """Return the SQL expression that reads one field from its cell, NULL when it cannot."""
    ref = cell.ref
    if item.kind is FieldKind.TEXT:
        return f"nullif(trim(CAST({ref} AS VARCHAR)), '')"
    if item.kind is FieldKind.DATE:
        if cell.native == "DATE":
            return f"CAST({ref} AS DATE)"
        formats = ", ".join(literal(f) for f in cell.formats)
        return f"CAST(try_strptime(trim({ref}), [{formats}]) AS DATE)"
    if cell.native == "NUMBER":
        return f"TRY_CAST({ref} AS {DECIMAL})"
    text = f"replace(trim({ref}), '\u2212', '-')"
    for space in _SPACES:
        text = f"replace({text}, {literal(space)}, '')"
    if cell.letters:
        text = f"regexp_replace({text}, '[^0-9,.+-]', '', 'g')"
    if cell.decimal == ",":
        text = f"replace(replace({text}, '.', ''), ',', '.')"
    else:
        text = f"replace({text}, ',', '')"
    return f"TRY_CAST({text} AS {DECIMAL})"


def problem_sql(item: Field) -> str | None:
    """Return a `WHEN ... THEN reason` clause for this field, or None when any value does."""
    value, raw = f"v_{item.column}", f"r_{item.column}"
    blank = f"nullif(trim(CAST({raw} AS VARCHAR)), '') IS NULL"
    shown = f"'{item.name} ''' || CAST({raw} AS VARCHAR) || ''''"
    if item.kind is FieldKind.TEXT:
        return f"WHEN {value} IS NULL THEN '{item.name} is empty'" if item.required else None
    # `value IS NULL` first: the text of a good value is never looked at, which matters on
    # ten million rows.
    reason = f"'{item.name} is empty'" if item.required else "NULL"
    empty = f"WHEN {value} IS NULL AND {blank} THEN {reason} "
    if item.kind is FieldKind.DATE:
        return f"{empty}WHEN {value} IS NULL THEN {shown} || ' is not a date'"
    if item.kind is FieldKind.AMOUNT:
        return f"{empty}WHEN {value} IS NULL THEN {shown} || ' is not a number'"
    if item.kind is FieldKind.COUNT:
        bad = f"{value} IS NULL OR {value} < 0 OR {value} <> round({value})"
        return f"{empty}WHEN {bad} THEN {shown} || ' is not a whole number of 0 or more'"
    outside = f"{value} < {item.low} OR {value} > {item.high}"
    bad = f"{value} IS NULL OR {outside} OR {value} <> round({value})"
    scale = f"' is not a whole number from {item.low} to {item.high}'"
    return f"{empty}WHEN {bad} THEN {shown} || {scale}"


def select_sql(
    fields: Sequence[Field],
    cells: Mapping[str, Cell],
    source: str,
    passthrough: Sequence[str] = (),
) -> str:
    """Return the SELECT that reads `source` into typed columns and a `problem` column.

    `passthrough` columns of the source are kept as they are, before `problem`: the raw
    cells of a bad row, to find it again in the file.
    """
    inner = list(passthrough)
    for item in fields:
        inner.append(f"{parse_sql(item, cells[item.name])} AS v_{item.column}")
        if item.kind is not FieldKind.TEXT:
            inner.append(f"{cells[item.name].ref} AS r_{item.column}")
    outer = [f"v_{item.column} AS {item.column}" for item in fields] + list(passthrough)
    # Checked one field at a time: a row's first problem is its reason.
    clauses = [c for c in (problem_sql(item) for item in fields) if c]
    checks = [f"CASE {clause} END" for clause in clauses]
    problem = f"coalesce({', '.join(checks)})" if len(checks) > 1 else (checks or ["NULL"])[0]
    if not checks:
        problem = "CAST(NULL AS VARCHAR)"
    return (
        f"SELECT {', '.join(outer)}, {problem} AS problem "
        f"FROM (SELECT {', '.join(inner)} FROM {source})"
    )
