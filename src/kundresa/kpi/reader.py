"""Load an export into a DuckDB table of typed values, in one pass over the file.

Each row is parsed in SQL (dates by the detected formats, amounts as exact decimals with
the detected decimal mark and any thousands separators), and every row that cannot be read
is kept with the reason, never dropped: rows that are not valid CSV are caught by DuckDB's
rejects table, rows with an unreadable value are marked in a `problem` column.
"""

from __future__ import annotations

import codecs
import gzip
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundresa.errors import InputError
from kundresa.kpi import columns as cols
from kundresa.kpi import dialect
from kundresa.kpi.problems import SHOWN, RowProblems, locate_rows, reject_rows
from kundresa.kpi.values import DECIMAL, Cell, Field, FieldKind, literal, quote, select_sql

if TYPE_CHECKING:
    import duckdb

#: The canonical columns each kind of table keeps, and how each is parsed.
FIELDS: dict[str, tuple[Field, ...]] = {
    cols.SALES: (
        Field("customer_id", FieldKind.TEXT, required=True),
        Field("order_id", FieldKind.TEXT, required=True),
        Field("date", FieldKind.DATE, required=True),
        Field("amount", FieldKind.AMOUNT, required=True),
        Field("event", FieldKind.TEXT),
        Field("channel", FieldKind.TEXT),
    ),
    cols.SURVEY: (
        Field("nps", FieldKind.SCORE, low=0, high=10),
        Field("csat", FieldKind.SCORE, low=1, high=5),
        Field("touchpoint", FieldKind.TEXT),
        Field("date", FieldKind.DATE),
        Field("event", FieldKind.TEXT),
        Field("channel", FieldKind.TEXT),
    ),
    cols.FUNNEL: (
        Field("step", FieldKind.TEXT, required=True),
        Field("count", FieldKind.COUNT, required=True),
    ),
}


@dataclass(frozen=True)
class SourceSpec:
    """An export to read: where it is, how it is named in messages, and how it is written."""

    path: Path
    display: str
    columns: Mapping[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    date_format: str | None = None


@dataclass
class LoadedTable:
    """A table loaded from an export: its name, its canonical columns and its bad rows."""

    name: str
    kind: str
    display: str
    columns: dict[str, str]
    problems: RowProblems
    shared_order_ids: bool = False

    def has(self, canonical: str) -> bool:
        """Return True when the export has this canonical column."""
        return canonical in self.columns


#: Builds the table from the SELECT of parsed rows, given the columns found; the table
#: has either a `problem` column (one row per row read) or a `bad_rows` count.
Shape = Callable[[str, Mapping[str, str]], str]


def load(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    spec: SourceSpec,
    workdir: Path,
    *,
    keep: frozenset[str] | None = None,
    run: Callable[[str], None] | None = None,
    shape: Shape | None = None,
) -> LoadedTable:
    """Read one export into the table `kind` in one pass over the file.

    `keep` names the breakdown columns (event, channel) worth keeping; `shape` turns the
    parsed rows into the table (say, aggregated per order), by default one row per row.

    Raises:
        InputError: the file cannot be read, or lacks a column it needs.
    """
    execute = run or (lambda sql: _execute(con, sql))
    parquet = spec.path.suffix.lower() == ".parquet"
    read = spec.path
    if parquet:
        headers, types, values = _parquet_sample(con, spec)
        delimiter, width = ",", 0
        source = f"read_parquet({literal(str(spec.path))}, file_row_number=true)"
        refs = {h: quote(h) for h in headers}
    else:
        sample = dialect.sample_csv(spec.path, spec.display, spec.encoding, spec.delimiter)
        headers, types, values = sample.headers, None, sample.values
        delimiter, width = sample.delimiter, len(headers)
        if sample.encoding == dialect.CP1252:
            read = transcode(spec.path, sample.gzipped, workdir / f"{kind}.csv")
        source = _csv_source(read, sample, gzipped=sample.gzipped and read == spec.path, kind=kind)
        refs = {h: f"c{i}" for i, h in reversed(list(enumerate(headers)))}
    mapping = cols.resolve(kind, headers, spec.columns, spec.display)
    fields = _fields(kind, mapping, keep)
    cells = _cells(fields, mapping, refs, values, spec=spec, delimiter=delimiter, types=types)
    select = select_sql(fields, cells, source)
    fast = None if parquet else _fast_plan(sample, fields, mapping, cells)
    gzipped = not parquet and sample.gzipped and read == spec.path
    # An aggregated table has no row order to keep; not keeping it saves DuckDB work.
    con.execute(f"SET preserve_insertion_order = {'false' if shape else 'true'}")
    try:
        if fast is not None and _try_fast(
            execute, kind, fast, fields=fields, mapping=mapping, shape=shape, path=read,
            gzipped=gzipped,
        ):  # fmt: skip
            rejects = None
        else:
            body = shape(select, mapping) if shape else select
            _careful(execute, f"CREATE OR REPLACE TEMP TABLE {kind} AS {body}", spec.display)
            rejects = None if parquet else reject_rows(con, kind)
    finally:
        # The first bad rows are looked up in file order below.
        con.execute("SET preserve_insertion_order = true")
    if rejects and rejects.encoding_errors and read == spec.path and not spec.encoding:
        # The sample was valid UTF-8 but a later part is not: read it all as Windows-1252.
        again = replace(spec, delimiter=delimiter, encoding="cp1252")
        return load(con, kind, again, workdir, keep=keep, run=run, shape=shape)
    counted = con.execute(
        f"SELECT coalesce(sum(bad_rows), 0) FROM {kind}"
        if shape
        else f"SELECT count(*) FILTER (WHERE problem IS NOT NULL) FROM {kind}"
    ).fetchone()
    problems = RowProblems(
        display=spec.display,
        rejected_count=rejects.count if rejects else 0,
        unreadable_count=int(counted[0]) if counted else 0,
    )
    examples: list[Any] = []
    if problems.unreadable_count:
        passthrough = ["file_row_number"] if parquet else [f"c{i}" for i in range(width)]
        examples = con.execute(
            f"SELECT * FROM ({select_sql(fields, cells, source, passthrough)}) "
            f"WHERE problem IS NOT NULL LIMIT {SHOWN}"
        ).fetchall()
    if parquet:
        problems.place([(int(r[-2]) + 1, str(r[-1])) for r in examples], row_numbers=True)
    elif problems.count:
        unreadable = [(r[len(r) - width - 1 : -1], str(r[-1])) for r in examples]
        found = locate_rows(read, delimiter, unreadable, rejects.examples if rejects else [])
        problems.place(found)
    return LoadedTable(kind, kind, spec.display, mapping, problems)


def _execute(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    con.execute(sql)


def _careful(execute: Callable[[str], None], sql: str, display: str) -> None:
    """Run the careful read; a file DuckDB still cannot read is an input error."""
    import duckdb

    try:
        execute(sql)
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(
            f"cannot read the file: {first}",
            hint="check that it is a CSV export, or set delimiter and encoding in kundresa.yaml",
            path=display,
        ) from error


@dataclass(frozen=True)
class _Fast:
    """A plan to let DuckDB's CSV reader type the columns itself, which is much faster."""

    sample: dialect.Sample
    cells: dict[str, Cell]
    types: dict[str, str]
    dateformat: str | None
    decimal: str


_PLAIN = {
    ".": re.compile(r"-?\d+(\.\d+)?"),
    ",": re.compile(r"-?\d+(,\d+)?"),
}


def _fast_plan(
    sample: dialect.Sample, fields: list[Field], mapping: Mapping[str, str], cells: dict[str, Cell]
) -> _Fast | None:
    """Return a plan for DuckDB's typed reader when the sample's values are all plain.

    Plain: dates in one format without a time, numbers with no thousands separator, no
    Unicode minus and no currency. Any other sample is read as text and parsed in SQL.
    """
    types: dict[str, str] = {}
    dateformat, decimal = None, None
    fast_cells = dict(cells)
    for item in fields:
        cell, values = cells[item.name], sample.values(mapping[item.name])
        if item.kind is FieldKind.DATE:
            fmt = cell.formats[0]
            if not all(dialect.parses(v, (fmt,)) for v in values):
                return None
            types[cell.ref], dateformat = "DATE", fmt
            fast_cells[item.name] = replace(cell, native="DATE")
        elif item.kind in _NUMBERS:
            if decimal not in (None, cell.decimal) or cell.letters:
                return None
            if not all(_PLAIN[cell.decimal].fullmatch(v) for v in values):
                return None
            types[cell.ref], decimal = DECIMAL, cell.decimal
            fast_cells[item.name] = replace(cell, native="NUMBER")
    return _Fast(sample, fast_cells, types, dateformat, decimal or ".")


def _try_fast(
    execute: Callable[[str], None],
    kind: str,
    fast: _Fast,
    *,
    fields: list[Field],
    mapping: Mapping[str, str],
    shape: Shape | None,
    path: Path,
    gzipped: bool,
) -> bool:
    """Load with DuckDB's typed reader; False when any row needs the careful text path."""
    import duckdb

    sample = fast.sample
    names = ", ".join(
        f"'c{i}': '{fast.types.get(f'c{i}', 'VARCHAR')}'" for i in range(len(sample.headers))
    )
    options = f", dateformat={literal(fast.dateformat)}" if fast.dateformat else ""
    source = (
        f"read_csv({literal(str(path))}, delim={literal(sample.delimiter)}, quote='\"', "
        f"escape='\"', header=true, auto_detect=false, columns={{{names}}}, "
        f"decimal_separator={literal(fast.decimal)}{options}, "
        f"compression='{'gzip' if gzipped else 'none'}')"
    )
    select = select_sql(fields, fast.cells, source)
    body = shape(select, mapping) if shape else select
    try:
        execute(f"CREATE OR REPLACE TEMP TABLE {kind} AS {body}")
    except duckdb.Error:
        # A row that is not plain, or not valid CSV: read it all again the careful way.
        return False
    return True


def transcode(path: Path, gzipped: bool, dest: Path) -> Path:
    """Write a Windows-1252 file as UTF-8, streaming, since DuckDB reads only UTF-8."""
    decoder = codecs.getincrementaldecoder("cp1252")(errors="kundresa-c1")
    opener: Any = gzip.open if gzipped else Path.open
    with opener(path, "rb") as source, dest.open("wb") as out:
        while chunk := source.read(1 << 22):
            out.write(decoder.decode(chunk).encode("utf-8"))
        out.write(decoder.decode(b"", final=True).encode("utf-8"))
    return dest


def _fields(kind: str, mapping: Mapping[str, str], keep: frozenset[str] | None) -> list[Field]:
    fields = []
    for item in FIELDS[kind]:
        if item.name not in mapping:
            continue
        # Breakdown columns cost memory on a big file: kept only when `--by` needs them.
        if keep is not None and item.name in _DIMENSIONS and item.name not in keep:
            continue
        fields.append(item)
    return fields


def _csv_source(path: Path, sample: dialect.Sample, *, gzipped: bool, kind: str) -> str:
    width = len(sample.headers)
    names = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width))
    encoding = "utf-16" if sample.encoding == dialect.UTF16 else "utf-8"
    return (
        f"read_csv({literal(str(path))}, delim={literal(sample.delimiter)}, quote='\"', "
        f"escape='\"', header=true, auto_detect=false, columns={{{names}}}, "
        f"encoding='{encoding}', compression='{'gzip' if gzipped else 'none'}', "
        f"store_rejects=true, rejects_table='{kind}_rejects', rejects_scan='{kind}_scans')"
    )


def _cells(
    fields: list[Field],
    mapping: Mapping[str, str],
    refs: Mapping[str, str],
    values: Callable[[str], list[str]],
    *,
    spec: SourceSpec,
    delimiter: str,
    types: Mapping[str, str] | None = None,
) -> dict[str, Cell]:
    """Return where each field is read from and how its text is written there."""
    out: dict[str, Cell] = {}
    for item in fields:
        header = mapping[item.name]
        native = (types or {}).get(header, "VARCHAR")
        sample = values(header) if native == "VARCHAR" else []
        cell = Cell(refs[header], native)
        if item.kind is FieldKind.DATE and native == "VARCHAR":
            formats = (
                (spec.date_format,)
                if spec.date_format
                else dialect.detect_date_formats(sample, spec.display, header)
            )
            cell = Cell(cell.ref, native, formats=formats)
        elif item.kind in _NUMBERS and native == "VARCHAR":
            decimal = spec.decimal or dialect.detect_decimal(sample, delimiter)
            letters = any(ch.isalpha() or ch in "€$£" for v in sample for ch in v)
            cell = Cell(cell.ref, native, decimal=decimal, letters=letters)
        out[item.name] = cell
    return out


_DIMENSIONS = frozenset({"event", "channel"})
_NUMBERS = (FieldKind.AMOUNT, FieldKind.SCORE, FieldKind.COUNT)


def _parquet_sample(
    con: duckdb.DuckDBPyConnection, spec: SourceSpec
) -> tuple[list[str], dict[str, str], Callable[[str], list[str]]]:
    """Return a Parquet file's column names, their kinds, and sample values of text columns."""
    if not spec.path.is_file():
        raise InputError(
            "no such file",
            hint="check the path, on the command line or under sources: in kundresa.yaml",
            path=spec.display,
        )
    source = f"read_parquet({literal(str(spec.path))})"
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    except Exception as error:  # duckdb raises its own types; report any as unreadable
        raise InputError(f"cannot read the Parquet file: {error}", path=spec.display) from error
    types = {str(row[0]): _base_type(str(row[1])) for row in described}
    text = [h for h in types if types[h] == "VARCHAR"]
    picked = ", ".join(quote(h) for h in text) or "1"
    head = con.execute(f"SELECT {picked} FROM {source} LIMIT {dialect.SAMPLE_ROWS}").fetchall()

    def values(header: str) -> list[str]:
        i = text.index(header)
        return [str(r[i]).strip() for r in head if r[i] is not None and str(r[i]).strip()]

    return list(types), types, values


def _base_type(name: str) -> str:
    upper = name.upper()
    if upper.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL", "HUGEINT", "UBIGINT")):
        return "NUMBER"
    if upper in {"BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT"}:
        return "NUMBER"
    if upper.startswith(("TIMESTAMP", "DATE")):
        return "DATE"
    return "VARCHAR"
