"""Load an export into a DuckDB table of typed values, in one pass over the file.

Each row is parsed in SQL (dates by the detected formats, amounts as exact decimals with
the detected decimal mark and any thousands separators), and every row that cannot be read
is kept with the reason, never dropped: rows that are not valid CSV are caught by DuckDB's
rejects table, rows with an unreadable value are marked in a `problem` column.
"""

from __future__ import annotations

import codecs
import gzip
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundresa.errors import InputError
from kundresa.kpi import columns as cols
from kundresa.kpi import dialect
from kundresa.kpi.problems import RowProblems, locate_rows, reject_diagnostics
from kundresa.kpi.values import Cell, Field, FieldKind, literal, quote, select_sql

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
    rows: int
    problems: RowProblems

    def has(self, canonical: str) -> bool:
        """Return True when the export has this canonical column."""
        return canonical in self.columns


def load(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    spec: SourceSpec,
    workdir: Path,
    *,
    keep: frozenset[str] | None = None,
    run: Callable[[str, list[Any]], None] | None = None,
) -> LoadedTable:
    """Read one export into the table `kind`; `keep` limits the optional columns kept.

    Raises:
        InputError: the file cannot be read, or lacks a column it needs.
    """

    def execute(sql: str, params: list[Any]) -> None:
        if run is not None:
            run(sql, params)
        else:
            con.execute(sql, params)

    if spec.path.suffix.lower() == ".parquet":
        return _load_parquet(con, kind, spec, keep, execute)
    sample = dialect.sample_csv(spec.path, spec.display, spec.encoding, spec.delimiter)
    mapping = cols.resolve(kind, sample.headers, spec.columns, spec.display)
    fields = _fields(kind, mapping, keep)
    read = spec.path
    if sample.encoding == dialect.CP1252:
        read = transcode(spec.path, sample.gzipped, workdir / f"{kind}.csv")
    source = _csv_source(read, sample, gzipped=sample.gzipped and read == spec.path, kind=kind)
    refs = {h: f"c{i}" for i, h in reversed(list(enumerate(sample.headers)))}
    cells = _cells(fields, mapping, refs, sample.values, spec=spec, delimiter=sample.delimiter)
    execute(f"CREATE OR REPLACE TEMP TABLE {kind} AS {select_sql(fields, cells, source)}", [])
    rejects = reject_diagnostics(con, kind, spec.display)
    if rejects.encoding_errors and sample.encoding != dialect.CP1252 and not spec.encoding:
        # The sample was valid UTF-8 but a later part is not: read it all as Windows-1252.
        again = SourceSpec(
            spec.path, spec.display, spec.columns, sample.delimiter, spec.decimal, "cp1252",
            spec.date_format,
        )  # fmt: skip
        return load(con, kind, again, workdir, keep=keep, run=run)
    problems = _value_problems(con, kind, spec.display, rejects)
    if problems.first_rowids:
        lines = locate_rows(read, sample.delimiter, problems.first_rowids, rejects.lines)
        problems.place(lines)
    rows = con.execute(f"SELECT count(*) FROM {kind}").fetchone()
    return LoadedTable(kind, kind, spec.display, mapping, rows[0] if rows else 0, problems)


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


def _load_parquet(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    spec: SourceSpec,
    keep: frozenset[str] | None,
    execute: Callable[[str, list[Any]], None],
) -> LoadedTable:
    if not spec.path.is_file():
        raise InputError(f"no such file: {spec.display}", path=spec.display)
    source = f"read_parquet({literal(str(spec.path))})"
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    except Exception as error:  # duckdb raises its own types; report any as unreadable
        raise InputError(f"cannot read the Parquet file: {error}", path=spec.display) from error
    types = {str(row[0]): _base_type(str(row[1])) for row in described}
    headers = list(types)
    mapping = cols.resolve(kind, headers, spec.columns, spec.display)
    fields = _fields(kind, mapping, keep)
    text = [h for h in headers if types[h] == "VARCHAR"]
    picked = ", ".join(quote(h) for h in text) or "1"
    head = con.execute(f"SELECT {picked} FROM {source} LIMIT {dialect.SAMPLE_ROWS}").fetchall()

    def values(header: str) -> list[str]:
        index = text.index(header)
        return [
            str(r[index]).strip() for r in head if r[index] is not None and str(r[index]).strip()
        ]

    refs = {h: quote(h) for h in headers}
    cells = _cells(fields, mapping, refs, values, spec=spec, delimiter=",", types=types)
    execute(f"CREATE OR REPLACE TEMP TABLE {kind} AS {select_sql(fields, cells, source)}", [])
    problems = _value_problems(con, kind, spec.display, None)
    problems.place({rowid: rowid + 1 for rowid in problems.first_rowids})
    rows = con.execute(f"SELECT count(*) FROM {kind}").fetchone()
    return LoadedTable(kind, kind, spec.display, mapping, rows[0] if rows else 0, problems)


def _value_problems(
    con: duckdb.DuckDBPyConnection, kind: str, display: str, rejects: Any
) -> RowProblems:
    found = con.execute(f"SELECT count(*) FROM {kind} WHERE problem IS NOT NULL").fetchone()
    first = con.execute(
        f"SELECT rowid, problem FROM {kind} WHERE problem IS NOT NULL ORDER BY rowid LIMIT 5"
    ).fetchall()
    return RowProblems(
        display=display,
        rejected=rejects.diagnostics if rejects else [],
        rejected_count=rejects.count if rejects else 0,
        unreadable_count=found[0] if found else 0,
        first=[(int(r[0]), str(r[1])) for r in first],
    )


def _base_type(name: str) -> str:
    upper = name.upper()
    if upper.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL", "HUGEINT", "UBIGINT")):
        return "NUMBER"
    if upper in {"BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT"}:
        return "NUMBER"
    if upper.startswith(("TIMESTAMP", "DATE")):
        return "DATE"
    return "VARCHAR"
