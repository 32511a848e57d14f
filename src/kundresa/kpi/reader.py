"""Load an export into a DuckDB table of typed values, in one pass over the file when it can.

Each row is parsed in SQL (dates by the detected formats, amounts as exact decimals with
the detected decimal mark and any thousands separators), and every row that cannot be read
is kept with the reason, never dropped: rows that are not valid CSV are caught by DuckDB's
rejects table, rows with an unreadable value are marked in a `problem` column.

The file is first read strictly, as its first rows write it (`cells.read_cells` with
`first_rows`), with a plain date column parsed by DuckDB's CSV reader itself
(`_Reading.read`); a value written any other way makes the read start again carefully,
with every column's format decided from all its values. Both reads give the same figures.
The strict read makes text only of the cells in use; a row empty in all of those is read
again with every cell, which tells a blank row from one with a value elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kundresa.errors import InputError
from kundresa.kpi import columns as cols
from kundresa.kpi import dialect
from kundresa.kpi.cells import read_cells
from kundresa.kpi.notation import strptime_formats
from kundresa.kpi.problems import SHOWN, Rejects, RowProblems, locate_rows, reject_rows
from kundresa.kpi.rows import GROUPED_ROW_COUNTS, ROW_COUNTS, UNSEEN, filter_sql, skip_sql
from kundresa.kpi.sources import csv_source, parquet_sample, transcode
from kundresa.kpi.spec import SourceSpec
from kundresa.kpi.values import ODD, Cell, Field, FieldKind, literal, quote, select_sql
from kundresa.kpi.workbook import is_workbook, sheet_to_csv

if TYPE_CHECKING:
    import duckdb

#: Read each file strictly as its first rows write it, carefully only when that fails
#: (`cells.read_cells`); the tests set it False to compare the two reads.
FAST_READ = True
#: The canonical columns each kind of table keeps, and how each is parsed.
FIELDS: dict[str, tuple[Field, ...]] = {
    cols.SALES: (
        # A sale without a customer (a walk-up sale) is a sale: the column is required, a
        # value in it is not.
        Field("customer_id", FieldKind.TEXT),
        Field("order_id", FieldKind.TEXT, required=True),
        Field("date", FieldKind.DATE, required=True),
        Field("amount", FieldKind.AMOUNT, required=True),
        Field("refund", FieldKind.AMOUNT),
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


@dataclass
class LoadedTable:
    """A table loaded from an export: its name, its canonical columns and its bad rows."""

    name: str
    kind: str
    display: str
    columns: dict[str, str]
    problems: RowProblems
    notes: list[str] = field(default_factory=list)

    def has(self, canonical: str) -> bool:
        """Return True when the export has this canonical column."""
        return canonical in self.columns


#: Builds the table from the SELECT of parsed rows, given the columns found; the table
#: has either a `problem` column (one row per row read) or a `status` and a count of
#: `rows` (`rows.GROUPED_ROW_COUNTS`).
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
    """Read one export into the table `kind`, in one pass over the file when it can.

    The file is read strictly as its first rows write it (`cells.read_cells`); only when a
    value does not read that way is it read again, with its formats decided from all its
    values. `keep` names the breakdown columns (event, channel) worth keeping; `shape`
    turns the parsed rows into the table (say, aggregated per order), by default one row
    per row.

    Raises:
        InputError: the file cannot be read, or lacks a column it needs.
    """
    if is_workbook(spec.path):
        # A sheet is read as the CSV it is written to, typed cells as they are.
        sheet = sheet_to_csv(spec.path, spec.sheet, workdir / f"{kind}-sheet.csv", spec.display)
        spec = replace(spec, path=sheet, encoding="utf-8", delimiter=",")
    reading = _Reading.of(con, kind, spec, workdir, keep)
    execute = run or (lambda sql: _execute(con, sql))
    shaped = shape is not None
    cells = reading.decide(first_rows=True) if FAST_READ else None
    rejects = reading.create(cells, shape, execute, lean=True) if cells is not None else None
    # A strict read fails on a value it does not read: `odd` in the table, or a date the
    # CSV reader could not parse among the rejected rows.
    failed = rejects is not None and rejects.cast_errors
    if cells is None or failed or _has(con, kind, ODD, shaped=shaped):
        cells = reading.decide(first_rows=False)
        assert cells is not None  # the careful read always decides
        rejects = reading.create(cells, shape, execute)
    elif _has(con, kind, UNSEEN, shaped=shaped):
        # Rows empty in the cells in use: only every cell tells which are blank.
        rejects = reading.create(cells, shape, execute)
    if rejects and rejects.encoding_errors and reading.path == spec.path and not spec.encoding:
        # The sample was valid UTF-8 but a later part is not: read it all as Windows-1252.
        again = replace(spec, delimiter=reading.delimiter, encoding="cp1252")
        return load(con, kind, again, workdir, keep=keep, run=run, shape=shape)
    problems = _count_rows(con, kind, spec.display, shaped=shape is not None, rejects=rejects)
    if problems.count:
        reading.place(problems, cells, rejects)
    notes = _undecided(spec, reading.mapping, cells)
    return LoadedTable(kind, kind, spec.display, reading.mapping, problems, notes=notes)


@dataclass(frozen=True)
class _Reading:
    """How one export is read: its source, its columns and fields, and its rows to skip."""

    con: duckdb.DuckDBPyConnection
    kind: str
    spec: SourceSpec
    path: Path  # the file DuckDB reads: the export, or its UTF-8 copy
    gzipped: bool  # whether DuckDB reads it compressed
    source: str  # the read that keeps rejected rows, every cell as text
    scan: str  # the read that decides the formats
    sample: dialect.Sample | None  # None for Parquet
    types: dict[str, str] | None  # a Parquet file's column kinds
    mapping: dict[str, str]
    refs: dict[str, str]
    fields: list[Field]
    skip: str
    lean_skip: str | None  # `skip` looking only at the cells in use, unless that is all
    filtered: frozenset[str]  # the cells `exclude` and `only` look at, as text

    @classmethod
    def of(
        cls,
        con: duckdb.DuckDBPyConnection,
        kind: str,
        spec: SourceSpec,
        workdir: Path,
        keep: frozenset[str] | None,
    ) -> _Reading:
        path, sample, types, gzipped = spec.path, None, None, False
        if spec.path.suffix.lower() == ".parquet":
            headers, types = parquet_sample(con, spec)
            source = scan = f"read_parquet({literal(str(spec.path))}, file_row_number=true)"
            refs = {h: quote(h) for h in headers}
            cells = [quote(h) for h in headers]
        else:
            sample = dialect.sample_csv(spec.path, spec.display, spec.encoding, spec.delimiter)
            headers = sample.headers
            if sample.encoding == dialect.CP1252:
                path = transcode(spec.path, sample.gzipped, workdir / f"{kind}.csv")
            gzipped = sample.gzipped and path == spec.path
            source = csv_source(path, sample, gzipped=gzipped, kind=kind)
            scan = csv_source(path, sample, gzipped=gzipped, kind=kind, scan=True)
            refs = {h: f"c{i}" for i, h in reversed(list(enumerate(headers)))}
            cells = [f"c{i}" for i in range(len(headers))]
        mapping = cols.resolve(kind, headers, spec.columns, spec.display)
        fields = _fields(kind, mapping, keep)
        matched = (cols.match_header(c, headers) for c in [*spec.exclude, *spec.only])
        filtered = frozenset(refs[h] for h in matched if h)
        second_header = sample.second_header if sample else None
        line_item = refs[mapping["amount"]] if spec.line_items and "amount" in mapping else None
        filters = filter_sql(spec, headers, refs)
        skip = skip_sql(cells, second_header, filters=filters, line_item=line_item)
        # The cells in use: the first (a summary row's), the fields' (a line item's amount
        # among them) and the filters'. A read that looks at no other cell spares DuckDB
        # making them text.
        used = [cells[0], *(refs[mapping[f.name]] for f in fields), *sorted(filtered)]
        seen = list(dict.fromkeys(used))
        lean_skip = (
            skip_sql(cells, None, filters=filters, line_item=line_item, seen=seen)
            if len(seen) < len(cells) and second_header is None
            else None
        )
        return cls(
            con, kind, spec, path, gzipped, source, scan, sample, types, mapping, refs, fields,
            skip, lean_skip, filtered,
        )  # fmt: skip

    @property
    def delimiter(self) -> str:
        return self.sample.delimiter if self.sample else ","

    def decide(self, *, first_rows: bool) -> dict[str, Cell] | None:
        """Return the cells as the first rows, or all rows, decide them (`read_cells`)."""
        sample = self.sample
        return read_cells(
            self.con, self.fields, self.mapping, self.refs, self.scan,
            spec=self.spec, delimiter=self.delimiter, types=self.types,
            sample=sample.values if sample else lambda header: [], first_rows=first_rows,
        )  # fmt: skip

    def read(self, cells: Mapping[str, Cell]) -> tuple[str, Mapping[str, Cell]]:
        """Return the read of the file for these cells, and the cells as that read gives them.

        A strict date column in one format without a clock, which no filter reads as text,
        is parsed by DuckDB's CSV reader itself: it reads the format as try_strptime does,
        with much less work on a big file. A value it cannot parse is a rejected row
        (`Rejects.cast_errors`): then the file is read again carefully.
        """
        dated = {
            name: cell
            for name, cell in cells.items()
            if cell.strict
            and len(cell.date_formats) == 1
            and "%H" not in cell.date_formats[0]
            and cell.ref not in self.filtered
        }
        if self.sample is None or len(dated) != 1:
            return self.source, cells
        [(name, cell)] = dated.items()
        [fmt] = strptime_formats(cell.date_order, cell.date_formats)
        source = csv_source(
            self.path, self.sample, gzipped=self.gzipped, kind=self.kind, dates=(cell.ref, fmt)
        )
        return source, {**cells, name: replace(cell, native="DATE")}

    def create(
        self,
        cells: Mapping[str, Cell],
        shape: Shape | None,
        execute: Callable[[str], None],
        *,
        lean: bool = False,
    ) -> Rejects | None:
        """Create the table from the file read with these cells; return its rejected rows.

        A `lean` read looks only at the cells in use: a row empty in those is `UNSEEN`.
        """
        con, kind = self.con, self.kind
        source, cells = self.read(cells)
        skip = self.lean_skip if lean and self.lean_skip else self.skip
        body = select_sql(self.fields, cells, source, skip=skip)
        # An aggregated table has no row order to keep; not keeping it saves DuckDB work.
        con.execute(f"SET preserve_insertion_order = {'false' if shape else 'true'}")
        try:
            # Rejects of an earlier read of this kind (before a re-read) must not count again.
            con.execute(f"DROP TABLE IF EXISTS {kind}_rejects; DROP TABLE IF EXISTS {kind}_scans")
            body = shape(body, self.mapping) if shape else body
            _careful(execute, f"CREATE OR REPLACE TEMP TABLE {kind} AS {body}", self.spec.display)
            return reject_rows(con, kind) if self.sample else None
        finally:
            # The first bad rows are looked up in file order below.
            con.execute("SET preserve_insertion_order = true")

    def place(
        self, problems: RowProblems, cells: Mapping[str, Cell], rejects: Rejects | None
    ) -> None:
        """Find the first bad rows in the file, in file order, to show where they are."""
        width = len(self.sample.headers) if self.sample else 0
        passthrough = [f"c{i}" for i in range(width)] if self.sample else ["file_row_number"]
        # Every cell as text, as the file has it, to find the row; a strict date parses as
        # the CSV reader parsed it (`read`), so the same rows are bad.
        rows = select_sql(self.fields, cells, self.source, passthrough, skip=self.skip)
        examples = self.con.execute(
            f"SELECT * EXCLUDE (skipped) FROM ({rows}) WHERE problem IS NOT NULL LIMIT {SHOWN}"
        ).fetchall()
        if self.sample is None:
            problems.place([(int(r[-2]) + 1, str(r[-1])) for r in examples], row_numbers=True)
            return
        unreadable = [(r[len(r) - width - 1 : -1], str(r[-1])) for r in examples]
        rejected = rejects.examples if rejects else []
        skip = self.sample.skip
        problems.place(locate_rows(self.path, self.delimiter, unreadable, rejected, skip=skip))


def _has(con: duckdb.DuckDBPyConnection, kind: str, status: str, *, shaped: bool) -> bool:
    """Tell whether a read left a row `ODD` or `UNSEEN`."""
    column = "status" if shaped else "skipped"
    found = con.execute(f"SELECT 1 FROM {kind} WHERE {column} = '{status}' LIMIT 1").fetchone()
    return found is not None


def _count_rows(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    display: str,
    *,
    shaped: bool,
    rejects: Rejects | None,
) -> RowProblems:
    """Return the counts of unreadable, summary, excluded and data rows of the table."""
    counts = GROUPED_ROW_COUNTS if shaped else ROW_COUNTS
    counted = con.execute(f"SELECT {counts} FROM {kind}").fetchone() or (0, 0, 0, 0)
    bad, skipped, excluded, read_rows = (int(n or 0) for n in counted)
    rejected = rejects.count if rejects else 0
    return RowProblems(
        display=display,
        rejected_count=rejected,
        unreadable_count=bad,
        skipped_count=skipped,
        excluded_count=excluded,
        data_rows=read_rows + rejected,
    )


def _undecided(
    spec: SourceSpec, mapping: Mapping[str, str], cells: Mapping[str, Cell]
) -> list[str]:
    """Return a note for each date column whose values never say day-first or month-first."""
    return [
        f"{spec.display}: column '{mapping[name]}' has no date that says whether it is "
        "day-first or month-first; read day-first (set date_format to say otherwise)"
        for name, cell in cells.items()
        if not cell.date_order.decided and not spec.date_order
    ]


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


_DIMENSIONS = frozenset({"event", "channel"})
