"""The one vocabulary of figures, shared by `kpi` and `render`.

What kind of figure each metric is (a count, money, a share, a score, days), whether a
target is met, missed, uncertain or has no data, and how a figure is written in each
language. Every number a user reads, in the terminal, a report or on the map, is worded
here, so the same figure reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from kundresa.labels import labels_for
from kundresa.models.target import Target
from kundresa.models.vocabulary import Metric

_NBSP = "\u00a0"
_MINUS = "\u2212"
#: An empty figure: nothing was measured.
NO_FIGURE = "–"


class Kind(StrEnum):
    """What a metric's value is, which decides how it is written."""

    COUNT = "count"
    MONEY = "money"
    RATE = "rate"  # a share from 0 to 1, written as a percentage
    SCORE = "score"  # NPS and CSAT, on their own scales
    DAYS = "days"
    RATIO = "ratio"  # orders per customer
    NUMBER = "number"  # a custom KPI: as written


KINDS: dict[Metric, Kind] = {
    Metric.CUSTOMERS: Kind.COUNT,
    Metric.ORDERS: Kind.COUNT,
    Metric.REVENUE: Kind.MONEY,
    Metric.AOV: Kind.MONEY,
    Metric.CLV: Kind.MONEY,
    Metric.HISTORIC_CLV: Kind.MONEY,
    Metric.PURCHASE_FREQUENCY: Kind.RATIO,
    Metric.REPEAT_RATE: Kind.RATE,
    Metric.CHURN_RATE: Kind.RATE,
    Metric.CONVERSION: Kind.RATE,
    Metric.ANONYMOUS_ORDERS: Kind.COUNT,
    Metric.ANONYMOUS_REVENUE: Kind.MONEY,
    Metric.AVG_LIFESPAN_DAYS: Kind.DAYS,
    Metric.NPS: Kind.SCORE,
    Metric.CSAT: Kind.SCORE,
    Metric.CUSTOM: Kind.NUMBER,
}
# Decimals shown per kind; NPS is a whole number by convention, CSAT keeps one decimal.
_PLACES = {Kind.COUNT: 0, Kind.MONEY: 2, Kind.RATE: 1, Kind.DAYS: 1, Kind.RATIO: 2}
_SCORE_PLACES = {Metric.NPS: 0, Metric.CSAT: 1}


class Status(StrEnum):
    """A target against what was measured; the CSS class and the label key both."""

    MET = "met"
    MISSED = "missed"
    UNCERTAIN = "uncertain"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Interval:
    """A 95% interval around a survey score, from `n` answers."""

    n: int
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class _Marks:
    decimal: str
    thousands: str
    percent: str  # what follows a percentage


_MARKS = {
    "sv": _Marks(",", _NBSP, f"{_NBSP}%"),
    "nb": _Marks(",", _NBSP, f"{_NBSP}%"),
    "da": _Marks(",", ".", f"{_NBSP}%"),
    "en": _Marks(".", ",", "%"),
}
# Local names of the Nordic crowns; other currencies keep their ISO code.
_CROWNS = {"SEK": "kr", "NOK": "kr", "DKK": "kr."}
_OPERATORS = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}


def kind_of(metric: str | Metric) -> Kind:
    """Return the kind of a metric name (`nps`, `revenue`, ...)."""
    return KINDS[Metric(metric)]


def target_status(
    target: Target, metric: Metric, actual: Decimal | int | None, interval: Interval | None
) -> Status:
    """Return whether `actual` meets `target`; uncertain when its interval holds the target.

    A survey score comes from a sample: when the 95% interval contains the target value,
    the answers cannot tell met from missed (SPEC 6.2).
    """
    if actual is None:
        return Status.NO_DATA
    if interval is not None and interval.low <= target.threshold(metric) <= interval.high:
        return Status.UNCERTAIN
    return Status.MET if target.is_met(Decimal(actual), metric) else Status.MISSED


def number_text(value: Decimal | int, language: str, places: int = 0) -> str:
    """Return `value` rounded half up to `places` decimals, with the language's marks.

    Negative numbers take the typographic minus sign (U+2212), as Nordic style guides ask.
    """
    marks = _MARKS[language]
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{places}f}"
    text = text.replace(",", "\0").replace(".", marks.decimal).replace("\0", marks.thousands)
    return (_MINUS if rounded < 0 else "") + text


def money_text(value: Decimal | int, language: str, currency: str | None) -> str:
    """Return an amount of money, with the currency where the language puts it."""
    number = number_text(value, language, _PLACES[Kind.MONEY])
    if not currency:
        return number
    if language == "en":
        return f"{currency}{_NBSP}{number}"
    return f"{number}{_NBSP}{_CROWNS.get(currency, currency)}"


def percent_text(value: Decimal | int, language: str, places: int = 1) -> str:
    """Return a number from 0 to 100 as a percentage."""
    return number_text(value, language, places) + _MARKS[language].percent


def figure_text(
    metric: str | Metric,
    value: Decimal | int | None,
    language: str,
    currency: str | None,
    *,
    percent: bool = False,
) -> str:
    """Return a metric's value as every output writes it: money, percent, count or score.

    A custom KPI is written as its value was. With `percent` (its target is a percentage)
    a custom KPI or a score reads as one: `>= 25%` against the value 18 reads `18 %`, and
    a CSAT of 77,8 against `>= 80%` reads `77,8 %`, as its target does.
    """
    if value is None:
        return NO_FIGURE
    metric = Metric(metric)
    kind = KINDS[metric]
    if kind is Kind.MONEY:
        return money_text(value, language, currency)
    if kind is Kind.RATE:
        return percent_text(Decimal(value) * 100, language, _PLACES[kind])
    if kind is Kind.SCORE:
        text = number_text(value, language, _SCORE_PLACES[metric])
        return text + _MARKS[language].percent if percent else text
    if kind is Kind.DAYS:
        days = labels_for(language)["days"]
        return f"{number_text(value, language, _PLACES[kind])}{_NBSP}{days}"
    if kind is Kind.NUMBER:
        text = plain_text(Decimal(value), language)
        return text + _MARKS[language].percent if percent else text
    return number_text(value, language, _PLACES[kind])


def plain_text(value: Decimal, language: str) -> str:
    """Return `value` with as many decimals as it was written with (at most four)."""
    places = max(0, min(4, -int(value.normalize().as_tuple().exponent)))
    return number_text(value, language, places)


def interval_text(metric: str | Metric, interval: Interval, language: str) -> str:
    """Return a score's interval and answers, e.g. `73,5–81,6 · 412 svar`."""
    places = _SCORE_PLACES[Metric(metric)]
    low = number_text(interval.low, language, places)
    high = number_text(interval.high, language, places)
    answers = labels_for(language)["answers"]
    return f"{low}–{high} · {number_text(interval.n, language)}{_NBSP}{answers}"


def target_text(target: Target, language: str) -> str:
    """Return a target as written, in the language's marks: `≥ 35 %`."""
    shown = plain_text(target.value, language)
    if target.percent:
        shown += _MARKS[language].percent
    return f"{_OPERATORS[target.op]} {shown}"
