"""How a column writes its numbers and dates, decided from all its values.

A column's number format (decimal comma or point, how thousands are grouped) and whether its
dates are day-first or month-first are decided from every value in the column, never from
the first rows alone: either by one counting query over the whole file, or by the first
rows' formats when a strict read then reads every value in them (`settled_number`,
`cells.read_cells`). A value that does not fit the column's format then reads as NULL (an
unreadable row); it is never reinterpreted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Thousands separated by a space: space, no-break space or narrow no-break space.
_SPACE = "[ \u00a0\u202f]"
# Patterns by (decimal mark, thousands separator); "" is no thousands separator.
_NUMBER = {
    (".", ""): r"\d+(\.\d+)?|\.\d+",
    (".", ","): r"\d{1,3}(,\d{3})+(\.\d+)?",
    (".", " "): rf"\d{{1,3}}({_SPACE}\d{{3}})+(\.\d+)?",
    (",", ""): r"\d+(,\d+)?|,\d+",
    (",", "."): r"\d{1,3}(\.\d{3})+(,\d+)?",
    (",", " "): rf"\d{{1,3}}({_SPACE}\d{{3}})+(,\d+)?",
}
#: The number formats a column can have: a decimal mark and one thousands separator.
NUMBER_FORMATS = tuple(_NUMBER)
# A currency written before or after the amount, or the Swedish `:-` / `,-` of whole kronor.
_CURRENCY = r"(?i:kr|sek|dkk|nok|eur|usd|€|\$|£)"
_CLEAN = rf"^{_CURRENCY}\.?\s*|\s*({_CURRENCY}\.?|:-|,-)$"
# A number as written, currency and all: `kr 1 499,00`, `499:-`, `−50,00 €`.
_WRITTEN = rf"({_CURRENCY}\.?\s*)?" + "[+\u2212-]?" + r"({})" + rf"(\s*({_CURRENCY}\.?|:-|,-))?"

# What may follow a date: a time (with seconds, fractions, AM/PM) and a zone or offset.
_TIME = (
    r"((T|\s+|,\s*)\d{1,2}[:.]\d{2}([:.]\d{2}([.,]\d+)?)?(\s*[AaPp]\.?[Mm]\.?)?)?"
    r"(\s*(Z|UTC|GMT|[A-Z]{3,4})?([+-]\d{1,2}(:?\d{2})?)?)?"
)
_ISO = r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME
_COMPACT = r"(\d{4})(\d{2})(\d{2})(T?\d{2}:?\d{2}(:?\d{2})?)?"
#: A date written day and month first, in either order, with a two- or four-digit year.
DAY_MONTH = r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})" + _TIME


def text_sql(ref: str) -> str:
    """Return SQL of a cell's text without the spaces around it, as trim() gives it.

    trim() copies every value, which costs more than the rest of reading an id; most
    values have no space around them, and are kept as they are.
    """
    text = f"CAST({ref} AS VARCHAR)"
    return f"CASE WHEN prefix({text}, ' ') OR suffix({text}, ' ') THEN trim({text}) ELSE {text} END"


def _written(*formats: tuple[str, str]) -> str:
    """Return the pattern of a number written in any of these formats, currency and all."""
    return _WRITTEN.format("|".join(_NUMBER[f] for f in formats))


#: How a number's text is summarised for counting: every digit written as 9. None of the
#: number patterns names a digit, so a value and its shape fit the same ones, and a column
#: of millions of amounts has a few dozen shapes to match instead of millions of values.
NUMBER_SHAPE = "translate({}, '0123456789', '9999999999')"
#: How a date's text is summarised for counting: its first 8 characters, all that the
#: patterns of `date_counts_sql` look at (they are anchored at the start and match at
#: most 8 characters), so a column of dates has a few thousand heads at most.
DATE_HEAD = "left({}, 8)"


def number_counts_sql(ref: str, count: str = "count(*)") -> list[str]:
    """Return SQL aggregates: how many values fit each of `NUMBER_FORMATS`, how many have a
    currency or Unicode minus to remove before they are read, and how many are not blank.

    `count` is how rows are counted: `sum(n)` over values already counted in `n`.
    """
    text = text_sql(ref)
    fits = [f"{count} FILTER (WHERE regexp_full_match({text}, '{_written(f)}'))" for f in _NUMBER]
    marks = f"{count} FILTER (WHERE regexp_matches({text}, '[^0-9.,+ \u00a0\u202f-]'))"
    return [*fits, marks, f"{count} FILTER (WHERE {text} <> '')"]


def choose_number_format(
    counts: Sequence[int], *, decimal: str | None, delimiter: str
) -> tuple[str, str]:
    """Return the (decimal mark, thousands separator) that the most values fit.

    A value without a thousands separator fits every format with its decimal mark. When
    formats tie (`1.234` alone fits both), a file split by `;` is taken to write the Nordic
    way, with a decimal comma, and any other file with a decimal point.
    """
    fits = dict(zip(NUMBER_FORMATS, counts, strict=True))
    scores = {(mark, sep): fits[mark, ""] + (fits[mark, sep] if sep else 0) for mark, sep in fits}
    comma_first = delimiter == ";"
    order = sorted(
        (f for f in scores if decimal in (None, f[0])),
        key=lambda f: (-scores[f], (f[0] == ".") == comma_first, f[1] != ""),
    )
    return order[0]


def settled_number(counts: Sequence[int], chosen: tuple[str, str], *, decimal: str | None) -> bool:
    """Tell whether the whole column is sure to be read as `chosen` when its first rows are.

    `counts` are `number_counts_sql` over the first rows. When every value of the column
    then fits `chosen` without a currency (`number_sql`'s strict read), no other format can
    have more values fitting it, provided one of the first values fits no format with the
    other decimal mark (`1.234` alone fits both). Formats with the same mark read such a
    column's values alike.
    """
    fits = dict(zip(NUMBER_FORMATS, counts, strict=False))
    marks, filled = counts[len(NUMBER_FORMATS)], counts[len(NUMBER_FORMATS) + 1]
    mark, sep = chosen
    fitting = fits[mark, ""] + (fits[chosen] if sep else 0)
    other_mark = sum(n for (m, _), n in fits.items() if m != mark)
    return filled > 0 and not marks and fitting == filled and (bool(decimal) or other_mark < filled)


def number_sql(
    ref: str, number_format: tuple[str, str], sql_type: str, *, marks: bool, strict: bool = False
) -> str:
    """Return SQL reading a number in this format as an exact decimal, NULL when it does not fit.

    `marks` says that some values carry a currency or a Unicode minus, which are removed.
    `strict` reads only plain numbers (no currency), which a cheaper pattern matches.
    """
    mark, sep = number_format
    text = text_sql(ref)
    formats = ((mark, ""), (mark, sep)) if sep else ((mark, ""),)
    plain_only = "[+-]?(" + "|".join(_NUMBER[f] for f in formats) + ")"
    pattern = plain_only if strict else _written(*formats)
    plain = text
    if marks:
        plain = f"regexp_replace(replace({plain}, '\u2212', '-'), '{_CLEAN}', '', 'g')"
    if sep == " ":
        for space in (" ", "\u00a0", "\u202f"):
            plain = f"replace({plain}, '{space}', '')"
    elif sep:
        plain = f"replace({plain}, '{sep}', '')"
    if mark == ",":
        plain = f"replace({plain}, ',', '.')"
    return (
        f"CASE WHEN regexp_full_match({text}, '{pattern}') THEN TRY_CAST({plain} AS {sql_type}) END"
    )


@dataclass(frozen=True)
class DateOrder:
    """Whether a column's `01/03/2025` dates are day-first, and whether its values said so."""

    day_first: bool = True
    decided: bool = True


def date_counts_sql(ref: str, count: str = "count(*)") -> list[str]:
    """Return SQL aggregates of a date column.

    The largest first and second field of its day-month dates, how many values begin as a
    date, and a value that is not blank (NULL when all are blank). `count` is as in
    `number_counts_sql`.
    """
    text = text_sql(ref)
    return [
        *(
            f"max(TRY_CAST(regexp_extract({text}, '^(\\d{{1,2}})[./-](\\d{{1,2}})[./-]', {g}) "
            "AS INTEGER))"
            for g in (1, 2)
        ),
        f"{count} FILTER (WHERE regexp_matches({text}, '^\\d{{1,4}}[./-]\\d{{1,2}}|^\\d{{8}}'))",
        f"any_value({text}) FILTER (WHERE {text} <> '')",
    ]


def plain_formats(values: Sequence[str]) -> tuple[str, ...]:
    """Return strptime formats for the plain dates among sample values, most common first.

    `{D}` and `{M}` stand for the day and the month, whose order the whole column decides.
    They only make reading faster: every other value is read by the patterns.
    """
    counts: dict[str, int] = {}
    for value in values:
        for fmt in _plain_formats(value):
            counts[fmt] = counts.get(fmt, 0) + 1
    return tuple(sorted(counts, key=lambda f: -counts[f])[:3])


def _plain_formats(value: str) -> list[str]:
    found = _PLAIN_DMY.fullmatch(value)
    if found:
        sep, time = found.group(2), found.group(4) or ""
        return [f"{{D}}{sep}{{M}}{sep}%Y" + _TIME_FORMATS[time.count(":")]]
    found = _PLAIN_ISO.fullmatch(value)
    if found:
        sep, time = found.group(1), found.group(2) or ""
        clock = _TIME_FORMATS[time.count(":")]
        return [f"%Y{sep}%m{sep}%d" + (clock.replace(" ", "T") if "T" in time else clock)]
    return ["%Y%m%d"] if re.fullmatch(r"\d{8}", value) else []


_TIME_FORMATS = {0: "", 1: " %H:%M", 2: " %H:%M:%S"}
_PLAIN_DMY = re.compile(r"(\d{1,2})([./-])\d{1,2}\2(\d{4})( \d{1,2}:\d\d(:\d\d)?)?", re.ASCII)
_PLAIN_ISO = re.compile(r"\d{4}([-/])\d{1,2}\1(?:\d{1,2})([ T]\d{1,2}:\d\d(?::\d\d)?)?", re.ASCII)


def choose_date_order(first_max: int | None, second_max: int | None) -> DateOrder:
    """Return the column's order: a first field above 12 is a day, a second one a day too.

    A column that never decides is read day-first, as the Nordic countries write dates.
    """
    first_is_day = (first_max or 0) > 12
    second_is_day = (second_max or 0) > 12
    if second_is_day and not first_is_day:
        return DateOrder(day_first=False)
    if first_is_day:
        return DateOrder(day_first=True)
    return DateOrder(day_first=True, decided=first_max is None)


def date_sql(ref: str, order: DateOrder, formats: Sequence[str] = ()) -> str:
    """Return SQL reading a date in any of the supported forms, as written (no time zone).

    The date is the one written: a time and an offset after it are allowed and ignored, so
    the result never depends on the machine's time zone. `formats` (from `date_counts`)
    read the column's common plain shapes first, much faster than the patterns.
    """
    text = text_sql(ref)
    day, month = (r"\1", r"\2") if order.day_first else (r"\2", r"\1")
    dmy = f"regexp_replace({text}, '^{DAY_MONTH}$', '\\3-{month}-{day}')"
    # A two-digit year is 19xx from 69 on, 20xx before it, as Python's %y reads it.
    short = f"CASE WHEN {dmy} < '69' THEN '20' ELSE '19' END || {dmy}"
    patterns = (
        f"CASE WHEN regexp_full_match({text}, '{_ISO}') "
        f"THEN TRY_CAST(regexp_replace({text}, '^{_ISO}$', '\\1-\\2-\\3') AS DATE) "
        f"WHEN regexp_full_match({text}, '{_COMPACT}') "
        f"THEN TRY_CAST(regexp_replace({text}, '^{_COMPACT}$', '\\1-\\2-\\3') AS DATE) "
        f"WHEN regexp_full_match({text}, '{DAY_MONTH}') "
        f"THEN TRY_CAST((CASE WHEN strpos({dmy}, '-') = 3 THEN {short} ELSE {dmy} END) AS DATE) "
        "END"
    )
    if not formats:
        return patterns
    return f"coalesce({plain_date_sql(ref, order, formats)}, {patterns})"


def strptime_formats(order: DateOrder, formats: Sequence[str]) -> list[str]:
    """Return the `plain_formats` with their day and month in the column's order."""
    dm = ("%d", "%m") if order.day_first else ("%m", "%d")
    return [f.format(D=dm[0], M=dm[1]) for f in formats]


def plain_date_sql(
    ref: str, order: DateOrder, formats: Sequence[str], *, guarded: bool = True
) -> str:
    """Return SQL reading a date written in one of the `plain_formats`, else NULL.

    `%Y` reads a two-digit year as year 25; `guarded` reads such a value as NULL.
    """
    text = text_sql(ref)
    listed = ", ".join(f"'{f}'" for f in strptime_formats(order, formats))
    fast = f"CAST(try_strptime({text}, [{listed}]) AS DATE)"
    return f"CASE WHEN {fast} >= DATE '1000-01-01' THEN {fast} END" if guarded else fast
