"""How an export is written: encoding, delimiter, decimal mark and date format.

Everything here looks at a sample from the start of the file (the first megabyte), so it
costs the same for a small file and a ten-million-row one. Settings given in kundresa.yaml
or on the command line win over what the sample suggests.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kundresa.errors import ConfigError, InputError

SAMPLE_BYTES = 1 << 20
SAMPLE_ROWS = 2000
DELIMITERS = (",", ";", "\t", "|")

UTF8, UTF8_BOM, CP1252, UTF16 = "utf-8", "utf-8-sig", "cp1252", "utf-16"
_ENCODINGS = {
    "utf8": UTF8,
    "utf-8": UTF8,
    "utf-8-sig": UTF8_BOM,
    "utf8-sig": UTF8_BOM,
    "utf-8-bom": UTF8_BOM,
    "cp1252": CP1252,
    "windows-1252": CP1252,
    "win1252": CP1252,
    "ansi": CP1252,
    # Latin-1 files are read as Windows-1252, of which Latin-1's printable part is a subset.
    "latin-1": CP1252,
    "latin1": CP1252,
    "iso-8859-1": CP1252,
    "utf-16": UTF16,
}

#: Date formats by family; each with the times an export may add after the date.
_TIMES = ("", " %H:%M", " %H:%M:%S", "T%H:%M", "T%H:%M:%S", " %H:%M:%S.%f", "T%H:%M:%S.%f")
DATE_FAMILIES: dict[str, tuple[str, ...]] = {
    "2025-03-01": tuple("%Y-%m-%d" + t for t in _TIMES),
    "20250301": ("%Y%m%d", "%Y%m%d %H:%M", "%Y%m%d %H:%M:%S", "%Y%m%d%H%M%S"),
    "01.03.2025": tuple("%d.%m.%Y" + t for t in _TIMES[:3]),
    "01/03/2025": tuple("%d/%m/%Y" + t for t in _TIMES[:3]),
}


def _undefined_as_c1(error: UnicodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined; keep them as the Latin-1 control characters
    # they would be, as browsers do, rather than failing on a stray byte.
    assert isinstance(error, UnicodeDecodeError)
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("kundresa-c1", _undefined_as_c1)
# DuckDB reads fields up to its 2 MB line limit; the csv module stops at 128 KB by default.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))


@dataclass(frozen=True)
class Sample:
    """The start of a CSV export, decoded: its encoding, delimiter, header and first rows."""

    encoding: str
    delimiter: str
    headers: list[str]
    rows: list[list[str]]
    gzipped: bool

    def values(self, header: str) -> list[str]:
        """Return the non-blank sample values of a column."""
        index = self.headers.index(header)
        return [row[index].strip() for row in self.rows if len(row) > index and row[index].strip()]


def normalise_encoding(name: str, display: str) -> str:
    """Return the encoding kundresa reads for a name given in settings."""
    key = name.strip().lower().replace("_", "-")
    if key not in _ENCODINGS:
        raise ConfigError(
            f"encoding '{name}' is not supported",
            hint="use utf-8, utf-8-sig, windows-1252 or utf-16",
            path=display,
        )
    return _ENCODINGS[key]


def read_head(path: Path) -> tuple[bytes, bool]:
    """Return the first megabyte of the file (decompressed) and whether it is gzipped."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    opener: Any = gzip.open if gzipped else Path.open
    with opener(path, "rb") as handle:
        head: bytes = handle.read(SAMPLE_BYTES)
    return head, gzipped


def detect_encoding(head: bytes) -> str:
    """Return UTF-8 (with or without BOM), UTF-16, or Windows-1252 when not valid UTF-8."""
    if head.startswith(b"\xef\xbb\xbf"):
        return UTF8_BOM
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UTF16
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut in two at the end of the sample is no evidence against UTF-8.
        if error.start < len(head) - 3 or error.reason != "unexpected end of data":
            return CP1252
    return UTF8


def decode(head: bytes, encoding: str) -> str:
    """Return the sample as text, dropping a character cut off at its end."""
    if encoding == CP1252:
        return head.decode("cp1252", errors="kundresa-c1")
    text = head.decode("utf-16" if encoding == UTF16 else encoding, errors="ignore")
    return text.lstrip("\ufeff")


def detect_delimiter(text: str) -> str:
    """Return the delimiter that splits the sample's lines into the same number of fields."""
    lines = text.splitlines()[:50]
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        rows = [r for r in csv.reader(lines, delimiter=delimiter) if r]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(len(r) == width for r in rows) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def sample_csv(
    path: Path, display: str, encoding: str | None = None, delimiter: str | None = None
) -> Sample:
    """Read the start of a CSV export and work out how it is written."""
    try:
        head, gzipped = read_head(path)
    except FileNotFoundError as error:
        raise InputError(
            "no such file",
            hint="check the path, on the command line or under sources: in kundresa.yaml",
            path=display,
        ) from error
    except (OSError, EOFError) as error:
        raise InputError(f"cannot read the file: {error}", path=display) from error
    if not head.strip():
        raise InputError(
            "the file is empty", hint="export it again with a header line", path=display
        )
    chosen = normalise_encoding(encoding, display) if encoding else detect_encoding(head)
    text = decode(head, chosen)
    if len(head) == SAMPLE_BYTES:
        text = text[: text.rfind("\n") + 1] or text  # drop the line cut at the sample's end
    sep = delimiter or detect_delimiter(text)
    if delimiter == "\\t":
        sep = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        rows = [row for _, row in zip(range(SAMPLE_ROWS + 1), reader, strict=False) if row]
    except csv.Error as error:
        raise InputError(
            f"the start of the file is not CSV kundresa can read ({error})",
            hint="check that it is a CSV export, or set delimiter and encoding in kundresa.yaml",
            path=display,
        ) from error
    headers = [h.strip() for h in rows[0]] if rows else []
    return Sample(chosen, sep, headers, rows[1:], gzipped)


_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}$|\d,\d{4,}$")
_DOT_DECIMAL = re.compile(r"\d\.\d{1,2}$|\d\.\d{4,}$")


def detect_decimal(values: Sequence[str], delimiter: str) -> str:
    """Return the decimal mark of amounts: `,` or `.`.

    The later of the two marks in a value is its decimal mark; a mark followed by other
    than three digits is a decimal mark. `1.234` alone is ambiguous: Nordic files (`;`)
    write thousands with dots, so it reads as 1234 there and as 1.234 elsewhere.
    """
    for value in values:
        if "," in value and "." in value:
            return "," if value.rfind(",") > value.rfind(".") else "."
    if any(_COMMA_DECIMAL.search(v) for v in values):
        return ","
    if any(_DOT_DECIMAL.search(v) for v in values):
        return "."
    if any("," in v for v in values):
        return "," if delimiter != "," else "."
    if any("." in v for v in values):
        return "," if delimiter == ";" else "."
    return "," if delimiter == ";" else "."


def detect_date_formats(values: Sequence[str], display: str, column: str) -> tuple[str, ...]:
    """Return the strptime formats of the family every sample date is written in."""
    if not values:
        return DATE_FAMILIES["2025-03-01"]
    scores = {
        family: sum(parses(v, formats) for v in values[:200])
        for family, formats in DATE_FAMILIES.items()
    }
    family = max(scores, key=lambda f: scores[f])
    if scores[family] == 0:
        raise InputError(
            f"column '{column}' holds no date kundresa can read, such as '{values[0]}'",
            hint="write dates as 2025-03-01, 20250301, 01.03.2025 or 01/03/2025, "
            "or set date_format (strptime) for the source in kundresa.yaml",
            path=display,
            line=2,
        )
    return DATE_FAMILIES[family]


def parses(value: str, formats: Sequence[str]) -> bool:
    """Return True when `value` is a date (or time) in one of `formats`."""
    for fmt in formats:
        try:
            dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return True
    return False
