"""SQL that turns the text of an export's cells into typed values, and says why when not.

One SELECT per export: an inner query parses each cell (text, date, amount, score, count)
and keeps the raw text beside it; the outer one names the first problem of each row in a
`problem` column, NULL for a good row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from kundresa.kpi.notation import DateOrder, date_sql, number_sql, plain_date_sql, text_sql

#: A row of a strict read with a value written another way (`select_sql`): read it again.
ODD = "odd"
#: Amounts are exact: 14 digits before the decimal mark and 4 after fit in 64 bits.
DECIMAL = "DECIMAL(18,4)"


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

    `native` is VARCHAR for text cells (CSV), or NUMBER or DATE for typed columns.
    `formats` are strptime formats given in settings, which win over `date_order`;
    `number_marks` says that some numbers carry a currency or a Unicode minus;
    `date_formats` read the column's plain dates fast; `labels` map a score's words
    (lower case) to its number. A `strict` cell reads only plain numbers and the dates
    `date_formats` read (`cells.read_cells`).
    """

    ref: str
    native: str = "VARCHAR"
    formats: Sequence[str] = ()
    number_format: tuple[str, str] = (".", "")
    number_marks: bool = False
    date_order: DateOrder = field(default_factory=DateOrder)
    date_formats: tuple[str, ...] = ()
    labels: Mapping[str, int] = field(default_factory=dict)
    strict: bool = False


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
        return f"nullif({text_sql(ref)}, '')"
    if item.kind is FieldKind.DATE:
        if cell.native == "DATE":
            return f"CAST({ref} AS DATE)"
        if cell.formats:
            formats = ", ".join(literal(f) for f in cell.formats)
            return f"CAST(try_strptime({text_sql(ref)}, [{formats}]) AS DATE)"
        if cell.strict:
            return plain_date_sql(ref, cell.date_order, cell.date_formats, guarded=False)
        return date_sql(ref, cell.date_order, cell.date_formats)
    if item.kind is FieldKind.SCORE:
        return _score_sql(item, cell)
    if cell.native == "NUMBER":
        return f"TRY_CAST({ref} AS {DECIMAL})"
    return number_sql(ref, cell.number_format, DECIMAL, marks=cell.number_marks, strict=cell.strict)


def _score_sql(item: Field, cell: Cell) -> str:
    """Return SQL reading a score: a number, a labelled number (`10 - Mycket troligt`), a label.

    A score outside its scale reads as NULL, so that the row is reported.
    """
    text = text_sql(cell.ref)
    if cell.native == "NUMBER":
        score = f"TRY_CAST({cell.ref} AS {DECIMAL})"
    else:
        number = f"TRY_CAST(regexp_extract({text}, '{_LABELLED}', 1) AS {DECIMAL})"
        words = " ".join(
            f"WHEN {literal(label)} THEN {value}" for label, value in sorted(cell.labels.items())
        )
        score = f"coalesce({number}, CASE lower({text}) {words} END)" if words else number
    inside = f"{score} BETWEEN {item.low} AND {item.high} AND {score} = round({score})"
    return f"CASE WHEN {inside} THEN {score} END"


#: A score written as a number, alone or followed by its label: `10`, `1 – Mycket missnöjd`.
_LABELLED = r"^([0-9]{1,2})(\s*[-–—:.)]?\s+\D.*|\s*[-–—:.)]\s*\D.*)?$"


def problem_sql(item: Field) -> str | None:
    """Return a `WHEN ... THEN reason` clause for this field, or None when any value does."""
    value, raw = f"v_{item.column}", f"r_{item.column}"
    blank = f"nullif({text_sql(raw)}, '') IS NULL"
    shown = f"'{item.name} ''' || CAST({raw} AS VARCHAR) || ''''"
    if item.kind is FieldKind.TEXT:
        return f"WHEN {value} IS NULL THEN '{item.name} is empty'" if item.required else None
    # `value IS NULL` first: the text of a good value is never looked at, which matters on
    # ten million rows.
    reason = f"'{item.name} is empty'" if item.required else "NULL"
    message = {
        FieldKind.DATE: "' is not a date'",
        FieldKind.AMOUNT: "' is not a number'",
        FieldKind.COUNT: "' is not a whole number of 0 or more'",
    }.get(item.kind, f"' is not a whole number from {item.low} to {item.high}'")
    unreadable = f"CASE WHEN {blank} THEN {reason} ELSE {shown} || {message} END"
    clause = f"WHEN {value} IS NULL THEN {unreadable}"
    if item.kind is FieldKind.COUNT:
        clause += f" WHEN {value} < 0 OR {value} <> round({value}) THEN {shown} || {message}"
    return clause


def _odd_sql(item: Field) -> str:
    """Return SQL true when a strict cell did not read its value (`cells.read_cells`).

    A strict date takes a two-digit year as a year before 1000, which the careful read
    reads as 19xx or 20xx.
    """
    value, raw = f"v_{item.column}", f"r_{item.column}"
    read = f"{value} < DATE '1000-01-01'" if item.kind is FieldKind.DATE else "false"
    return f"(CASE WHEN {value} IS NULL THEN {text_sql(raw)} <> '' ELSE {read} END)"


def select_sql(
    fields: Sequence[Field],
    cells: Mapping[str, Cell],
    source: str,
    passthrough: Sequence[str] = (),
    *,
    skip: str = "NULL",
) -> str:
    """Return the SELECT that reads `source` into typed columns, `problem` and `skipped`.

    `passthrough` columns of the source are kept as they are, before `problem`: the raw
    cells of a bad row, to find it again in the file. `skip` is true for a row that is not
    data names why (`blank`, `summary`, `header`) as `skipped`: such a row is never a
    problem.
    """
    inner = list(passthrough)
    for item in fields:
        inner.append(f"{parse_sql(item, cells[item.name])} AS v_{item.column}")
        if item.kind is not FieldKind.TEXT:
            inner.append(f"{cells[item.name].ref} AS r_{item.column}")
    inner.append(f"CAST({skip} AS VARCHAR) AS skipped")
    names = {item.name for item in fields}
    outer = [
        # A refund column is subtracted from its own row's amount.
        "v_amount - coalesce(v_refund, 0) AS amount"
        if item.name == "amount" and "refund" in names
        else f"v_{item.column} AS {item.column}"
        for item in fields
    ] + list(passthrough)
    # Checked one field at a time: a row's first problem is its reason.
    clauses = [c for c in (problem_sql(item) for item in fields) if c]
    checks = [f"CASE {clause} END" for clause in clauses]
    problem = f"coalesce({', '.join(checks)})" if len(checks) > 1 else (checks or ["NULL"])[0]
    if not checks:
        problem = "CAST(NULL AS VARCHAR)"
    # A strict cell's value that it cannot read makes the row `odd`: the file is read again.
    odd = [_odd_sql(item) for item in fields if cells[item.name].strict]
    skipped = f"CASE WHEN {' OR '.join(odd)} THEN '{ODD}' ELSE skipped END" if odd else "skipped"
    return (
        f"SELECT {', '.join(outer)}, CASE WHEN skipped IS NULL THEN {problem} END AS problem, "
        f"{skipped} AS skipped FROM (SELECT {', '.join(inner)} FROM {source})"
    )
