"""How an export is written: encoding, delimiter, the lines above its header, binary files.

Everything here looks at a sample from the start of the file (the first megabyte), so it
costs the same for a small file and a ten-million-row one. Settings given in kundresa.yaml
or on the command line win over what the sample suggests. How numbers and dates are
written is decided from all the values, in `notation`.
"""

from __future__ import annotations

import codecs
import csv
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
    skip: int = 0  # lines before the header: Excel's `sep=;`, a title
    second_header: list[str] | None = None  # SurveyMonkey's row under the header

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
    refuse_binary(head, display)
    chosen = normalise_encoding(encoding, display) if encoding else detect_encoding(head)
    text = decode(head, chosen)
    if len(head) == SAMPLE_BYTES:
        text = text[: text.rfind("\n") + 1] or text  # drop the line cut at the sample's end
    skip = 0
    declared = _SEP_LINE.match(text)
    if declared:
        # Excel's `sep=;` first line says the delimiter, and is not the header.
        skip, text = 1, text[declared.end() :]
    sep = delimiter or (declared.group(1) if declared else detect_delimiter(text))
    if delimiter == "\\t":
        sep = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        rows = [row for _, row in zip(range(SAMPLE_ROWS + 1), reader, strict=False)]
    except csv.Error as error:
        raise InputError(
            f"the start of the file is not CSV kundresa can read ({error})",
            hint="check that it is a CSV export, or set delimiter and encoding in kundresa.yaml",
            path=display,
        ) from error
    title = _title_rows(rows)
    # A title row is one line each (no quoted line breaks in a title); blank lines count too.
    skip += title
    rows = [row for row in rows[title:] if row]
    headers = [h.strip() for h in rows[0]] if rows else []
    body = rows[1:]
    second = body[0] if body and _is_second_header(body[0]) else None
    return Sample(chosen, sep, headers, body[1:] if second else body, gzipped, skip, second)


_SEP_LINE = re.compile(r'"?sep=(.)"?[^\S\n]*\r?\n')


def _title_rows(rows: Sequence[Sequence[str]]) -> int:
    """Return how many rows above the header are titles: blank, or one filled cell.

    The header is the first row with two or more names; a file of one column has none.
    """
    for index, row in enumerate(rows[:20]):
        if sum(bool(cell.strip()) for cell in row) >= 2:
            return index
    return 0


def _is_second_header(row: Sequence[str]) -> bool:
    """Return True for SurveyMonkey's second header row (`Response`, `Open-Ended Response`)."""
    words = {cell.strip().casefold() for cell in row if cell.strip()}
    return bool(words) and bool(words & {"response", "open-ended response"})


#: The first bytes of files that are not text, and what to tell the user about each.
_BINARY = (
    (b"PK\x03\x04", "this is an Excel workbook (or another zip file), not CSV: "
     "give it its .xlsx name, or save it as CSV"),
    (b"\xd0\xcf\x11\xe0", "this is an old Excel .xls workbook, not CSV: "
     "save it as .xlsx or CSV in Excel"),
    (b"PAR1", "this is a Parquet file, not CSV: give it its .parquet name"),
    (b"%PDF", "this is a PDF document, not CSV: export the data as CSV"),
)  # fmt: skip


def refuse_binary(head: bytes, display: str) -> None:
    """Raise a one-sentence error when the file is a workbook or other binary, not text.

    Raises:
        InputError: the file is not a text export.
    """
    for magic, message in _BINARY:
        if head.startswith(magic):
            raise InputError(message, path=display)
    sample = head[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 holds NUL bytes
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if b"\x00" in sample or controls > len(sample) // 100:
        raise InputError(
            "this is not a text file, so not a CSV export",
            hint="export the data as CSV (or .xlsx) and pass that file",
            path=display,
        )
