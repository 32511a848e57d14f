"""The DuckDB reads of an export file: a CSV's read_csv, a Parquet file's columns.

A CSV is read with every column as text, so that each cell is parsed as its column is
written (`values`), except a date column DuckDB's own reader parses (`csv_source`); a
Windows-1252 file is first written as UTF-8 (`transcode`), as DuckDB reads only UTF-8.
"""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kundresa.errors import InputError
from kundresa.kpi import dialect
from kundresa.kpi.values import literal

if TYPE_CHECKING:
    import duckdb

    from kundresa.kpi.spec import SourceSpec


def transcode(path: Path, gzipped: bool, dest: Path) -> Path:
    """Write a Windows-1252 file as UTF-8, streaming, since DuckDB reads only UTF-8."""
    decoder = codecs.getincrementaldecoder("cp1252")(errors="kundresa-c1")
    opener: Any = gzip.open if gzipped else Path.open
    with opener(path, "rb") as source, dest.open("wb") as out:
        while chunk := source.read(1 << 22):
            out.write(decoder.decode(chunk).encode("utf-8"))
        out.write(decoder.decode(b"", final=True).encode("utf-8"))
    return dest


def csv_source(
    path: Path,
    sample: dialect.Sample,
    *,
    gzipped: bool,
    kind: str,
    scan: bool = False,
    dates: tuple[str, str] | None = None,
) -> str:
    """Return the read_csv of the file, every column as text but the one `dates` names.

    `scan` is the read that decides the columns' formats: it skips rows that are not valid
    CSV (the real read reports them) rather than keeping them. `dates` is a column the
    reader parses as dates, and its strptime format.
    """
    width = len(sample.headers)
    kinds = {f"c{i}": "VARCHAR" for i in range(width)} | ({dates[0]: "DATE"} if dates else {})
    names = ", ".join(f"'{ref}': '{kinds[ref]}'" for ref in kinds)
    formats = f"dateformat={literal(dates[1])}, " if dates else ""
    encoding = "utf-16" if sample.encoding == dialect.UTF16 else "utf-8"
    rejects = (
        "ignore_errors=true"
        if scan
        else f"store_rejects=true, rejects_table='{kind}_rejects', rejects_scan='{kind}_scans'"
    )
    return (
        f"read_csv({literal(str(path))}, delim={literal(sample.delimiter)}, quote='\"', "
        f"escape='\"', header=true, skip={sample.skip}, auto_detect=false, "
        f"columns={{{names}}}, {formats}encoding='{encoding}', "
        f"compression='{'gzip' if gzipped else 'none'}', {rejects})"
    )


def parquet_sample(
    con: duckdb.DuckDBPyConnection, spec: SourceSpec
) -> tuple[list[str], dict[str, str]]:
    """Return a Parquet file's column names and their kinds."""
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
    return list(types), types


def _base_type(name: str) -> str:
    upper = name.upper()
    if upper.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL", "HUGEINT", "UBIGINT")):
        return "NUMBER"
    if upper in {"BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT"}:
        return "NUMBER"
    if upper.startswith(("TIMESTAMP", "DATE")):
        return "DATE"
    return "VARCHAR"
