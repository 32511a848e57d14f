"""How each column of an export is read: decided from all its values, or from settings.

One counting query gives, for every number column, how many values fit each number format,
and for every date column its largest day and month fields; `notation` turns those counts
into the way the column is read. Over the first rows it gives the formats a strict read
tries first; over the whole file, those of the careful read (`read_cells`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kundresa.errors import InputError
from kundresa.kpi import notation
from kundresa.kpi.values import Cell, Field, FieldKind

if TYPE_CHECKING:
    import duckdb

    from kundresa.kpi.spec import SourceSpec

#: Kinds whose format is decided from all the column's values (scores are read one way).
_COUNTED = (FieldKind.DATE, FieldKind.AMOUNT, FieldKind.COUNT)
#: The usual satisfaction answers in en, sv, da and nb, on CSAT's scale of 1 to 5.
SATISFACTION: dict[str, int] = {
    "very satisfied": 5, "satisfied": 4, "somewhat satisfied": 4, "neutral": 3,
    "neither satisfied nor dissatisfied": 3, "somewhat dissatisfied": 2,
    "dissatisfied": 2, "very dissatisfied": 1,
    "mycket nöjd": 5, "nöjd": 4, "ganska nöjd": 4, "varken nöjd eller missnöjd": 3,
    "ganska missnöjd": 2, "missnöjd": 2, "mycket missnöjd": 1,
    "meget tilfreds": 5, "tilfreds": 4, "hverken tilfreds eller utilfreds": 3,
    "utilfreds": 2, "meget utilfreds": 1,
    "svært fornøyd": 5, "veldig fornøyd": 5, "fornøyd": 4,
    "verken fornøyd eller misfornøyd": 3, "nøytral": 3, "misfornøyd": 2,
    "svært misfornøyd": 1, "veldig misfornøyd": 1,
}  # fmt: skip


#: How many rows of a file its first-rows guess of the formats is taken from.
GUESS_ROWS = 50_000


def read_cells(
    con: duckdb.DuckDBPyConnection,
    fields: list[Field],
    mapping: Mapping[str, str],
    refs: Mapping[str, str],
    scan: str,
    *,
    spec: SourceSpec,
    delimiter: str,
    types: Mapping[str, str] | None = None,
    sample: Callable[[str], list[str]] = lambda header: [],
    first_rows: bool = False,
) -> dict[str, Cell] | None:
    """Return where each field is read from and how its text is written there.

    How numbers and dates are written is decided from every value of the column, by one
    counting query over the whole file; `sample` (the first rows' values of a column)
    only picks the formats that read its plain dates fast.

    With `first_rows`, they are decided from the first `GUESS_ROWS` rows, and the cells
    are strict: they read only the forms those rows use. None when those rows leave a
    format open (`1.234` alone, `01.02.2025` alone, a currency). When every value of the
    file reads strictly, the whole file decides the same formats (see
    `notation.settled_number`), so the strict read gives exactly the careful read's
    values; a value that does not is `odd`, and the file is read again carefully.
    """
    if first_rows:
        scan = f"(SELECT * FROM {scan} LIMIT {GUESS_ROWS})"
    natives = {f.name: (types or {}).get(mapping[f.name], "VARCHAR") for f in fields}
    counted = [
        f
        for f in fields
        if natives[f.name] == "VARCHAR"
        and f.kind in _COUNTED
        and not (f.kind is FieldKind.DATE and spec.date_format)
    ]
    row = _count_formats(con, [(item, refs[mapping[item.name]]) for item in counted], scan)
    found = list(row or ())
    out: dict[str, Cell] = {}
    for item in fields:
        cell = Cell(refs[mapping[item.name]], natives[item.name], labels=_labels(item, spec))
        if item in counted and item.kind is FieldKind.DATE:
            first, second, dates, example = found[:4]
            del found[:4]
            if not dates and example is not None and not first_rows:
                ref = refs[mapping[item.name]]
                raise _no_dates(spec, mapping[item.name], _example(con, ref, scan))
            order = spec.date_order or notation.choose_date_order(first, second)
            fast = notation.plain_formats(sample(mapping[item.name]))
            # A day-month format reads strictly only in the order the first rows showed.
            shown = bool(spec.date_order) or first is not None or "{D}" not in "".join(fast)
            if first_rows and not (fast and order.decided and shown and example is not None):
                return None
            cell = replace(cell, date_order=order, date_formats=fast, strict=first_rows)
        elif item in counted:
            width = len(notation.NUMBER_FORMATS)
            counts = [int(n or 0) for n in found[: width + 2]]
            del found[: width + 2]
            chosen = notation.choose_number_format(
                counts[:width], decimal=spec.decimal, delimiter=delimiter
            )
            if first_rows and not notation.settled_number(counts, chosen, decimal=spec.decimal):
                return None
            cell = replace(
                cell, number_format=chosen, number_marks=counts[width] > 0, strict=first_rows
            )
        elif item.kind is FieldKind.DATE and spec.date_format:
            cell = replace(cell, formats=(spec.date_format,))
        out[item.name] = cell
    return out


def _count_formats(
    con: duckdb.DuckDBPyConnection, counted: list[tuple[Field, str]], scan: str
) -> tuple[Any, ...]:
    """Return the format counts of each column (`notation`), from one pass over the file.

    The pass groups each column's values by their shape (`NUMBER_SHAPE`, `DATE_HEAD`),
    which fit the patterns exactly as the values do; the patterns then run on the few
    shapes, each weighted by its number of values, instead of on every value.
    """
    if not counted:
        return ()
    keys, aggregates = [], []
    for i, (item, ref) in enumerate(counted):
        text = notation.text_sql(ref)
        date = item.kind is FieldKind.DATE
        keys.append((notation.DATE_HEAD if date else notation.NUMBER_SHAPE).format(text))
        counts = notation.date_counts_sql if date else notation.number_counts_sql
        aggregates.append(
            f"(SELECT {', '.join(counts(f'k{i}', 'sum(n)'))} FROM shapes WHERE g{i} = 0)"
        )
    names = [f"k{i}" for i in range(len(keys))]
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE shapes AS SELECT {', '.join(names)}, "
        f"{', '.join(f'grouping({k}) AS g{i}' for i, k in enumerate(names))}, count(*) AS n "
        f"FROM (SELECT {', '.join(f'{k} AS {n}' for k, n in zip(keys, names, strict=True))} "
        f"FROM {scan}) GROUP BY GROUPING SETS ({', '.join(f'({n})' for n in names)})"
    )
    try:
        row = con.execute(f"SELECT * FROM {' CROSS JOIN '.join(aggregates)}").fetchone()
    finally:
        con.execute("DROP TABLE shapes")
    return tuple(row or ())


def _example(con: duckdb.DuckDBPyConnection, ref: str, scan: str) -> str:
    """Return the first value of a column that is not blank, to show in a message."""
    text = notation.text_sql(ref)
    row = con.execute(f"SELECT {text} FROM {scan} WHERE {text} <> '' LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def _no_dates(spec: SourceSpec, header: str, example: str) -> InputError:
    return InputError(
        f"column '{header}' holds no date kundresa can read, such as '{example}'",
        hint="write dates as 2025-03-01, 20250301, 01.03.2025 or 01/03/2025, or give "
        "their strptime format (date_format in kundresa.yaml, --date-format)",
        path=spec.display,
        line=2,
    )


def _labels(item: Field, spec: SourceSpec) -> dict[str, int]:
    """Return the words a score column may hold for its numbers, lower case."""
    if item.kind is not FieldKind.SCORE:
        return {}
    standard = SATISFACTION if item.high == 5 else {}
    return {**standard, **{k.strip().casefold(): v for k, v in spec.scale.items()}}
