"""How a column writes its numbers and dates, decided from all its values.

A column's number format (decimal comma or point, how thousands are grouped) and whether its
dates are day-first or month-first are decided from every value in the column, by one
counting query over the whole file, never from the first rows alone. A value that does not
fit the column's format then reads as NULL (an unreadable row); it is never reinterpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Thousands separated by a space: space, no-break space or narrow no-break space.
_SPACE = "[ \u00a0\u202f]"
# Patterns by (decimal mark, thousands separator); "" is no thousands separator.
_NUMBER = {
    (".", ""): r"[+-]?(\d+(\.\d+)?|\.\d+)",
    (".", ","): r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?",
    (".", " "): rf"[+-]?\d{{1,3}}({_SPACE}\d{{3}})+(\.\d+)?",
    (",", ""): r"[+-]?(\d+(,\d+)?|,\d+)",
    (",", "."): r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?",
    (",", " "): rf"[+-]?\d{{1,3}}({_SPACE}\d{{3}})+(,\d+)?",
}
#: The number formats a column can have: a decimal mark and one thousands separator.
NUMBER_FORMATS = tuple(_NUMBER)
# A currency written before or after the amount, or the Swedish `:-` / `,-` of whole kronor.
_CURRENCY = r"(?i:kr|sek|dkk|nok|eur|usd|€|\$|£)"
_CLEAN = rf"^{_CURRENCY}\.?\s*|\s*({_CURRENCY}\.?|:-|,-)$"

# What may follow a date: a time (with seconds, fractions, AM/PM) and a zone or offset.
_TIME = (
    r"((T|\s+|,\s*)\d{1,2}[:.]\d{2}([:.]\d{2}([.,]\d+)?)?(\s*[AaPp]\.?[Mm]\.?)?)?"
    r"(\s*(Z|UTC|GMT|[A-Z]{3,4})?([+-]\d{1,2}(:?\d{2})?)?)?"
)
_ISO = r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME
_COMPACT = r"(\d{4})(\d{2})(\d{2})(T?\d{2}:?\d{2}(:?\d{2})?)?"
#: A date written day and month first, in either order, with a two- or four-digit year.
DAY_MONTH = r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})" + _TIME


def clean_number_sql(ref: str) -> str:
    """Return SQL for a number's text without spaces around it, currency or Unicode minus."""
    text = f"replace(trim(CAST({ref} AS VARCHAR)), '\u2212', '-')"
    return f"regexp_replace({text}, '{_CLEAN}', '', 'g')"


def number_counts_sql(ref: str) -> list[str]:
    """Return SQL aggregates counting the values that fit each of `NUMBER_FORMATS`."""
    text = clean_number_sql(ref)
    return [f"count(*) FILTER (WHERE regexp_full_match({text}, '{_NUMBER[f]}'))" for f in _NUMBER]


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


def number_sql(ref: str, number_format: tuple[str, str], sql_type: str) -> str:
    """Return SQL reading a number in this format as an exact decimal, NULL when it does not fit."""
    mark, sep = number_format
    text = clean_number_sql(ref)
    pattern = _NUMBER[mark, ""] if not sep else f"{_NUMBER[mark, '']}|{_NUMBER[mark, sep]}"
    plain = text
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


def date_counts_sql(ref: str) -> list[str]:
    """Return SQL aggregates of a date column.

    The largest first and second field of its day-month dates, how many values are
    written as a date, and a value that is not blank (NULL when all are blank).
    """
    text = f"trim(CAST({ref} AS VARCHAR))"
    return [
        *(
            f"max(TRY_CAST(regexp_extract({text}, '^{DAY_MONTH}$', {group}) AS INTEGER))"
            for group in (1, 2)
        ),
        "count(*) FILTER (WHERE "
        + " OR ".join(f"regexp_full_match({text}, '{p}')" for p in (_ISO, _COMPACT, DAY_MONTH))
        + ")",
        f"any_value({text}) FILTER (WHERE {text} <> '')",
    ]


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


def date_sql(ref: str, order: DateOrder) -> str:
    """Return SQL reading a date in any of the supported forms, as written (no time zone).

    The date is the one written: a time and an offset after it are allowed and ignored, so
    the result never depends on the machine's time zone.
    """
    text = f"trim(CAST({ref} AS VARCHAR))"
    day, month = (r"\1", r"\2") if order.day_first else (r"\2", r"\1")
    dmy = f"regexp_replace({text}, '^{DAY_MONTH}$', '\\3-{month}-{day}')"
    # A two-digit year is 19xx from 69 on, 20xx before it, as Python's %y reads it.
    short = f"CASE WHEN {dmy} < '69' THEN '20' ELSE '19' END || {dmy}"
    return (
        f"CASE WHEN regexp_full_match({text}, '{_ISO}') "
        f"THEN TRY_CAST(regexp_replace({text}, '^{_ISO}$', '\\1-\\2-\\3') AS DATE) "
        f"WHEN regexp_full_match({text}, '{_COMPACT}') "
        f"THEN TRY_CAST(regexp_replace({text}, '^{_COMPACT}$', '\\1-\\2-\\3') AS DATE) "
        f"WHEN regexp_full_match({text}, '{DAY_MONTH}') "
        f"THEN TRY_CAST((CASE WHEN strpos({dmy}, '-') = 3 THEN {short} ELSE {dmy} END) AS DATE) "
        "END"
    )
