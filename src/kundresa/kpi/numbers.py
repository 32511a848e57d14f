"""Figures as people read them in each language: decimal mark, thousands, money, percent."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kundresa.kpi.result import COUNTS, MONEY, RATES, Value

_NBSP = "\u00a0"


@dataclass(frozen=True)
class Style:
    """How one language writes numbers."""

    decimal: str
    thousands: str
    percent: str  # the text after a percentage, e.g. " %"


STYLES = {
    "sv": Style(",", _NBSP, f"{_NBSP}%"),
    "nb": Style(",", _NBSP, f"{_NBSP}%"),
    "da": Style(",", ".", f"{_NBSP}%"),
    "en": Style(".", ",", "%"),
}
# Local names of the Nordic crowns; other currencies keep their ISO code.
_CROWNS = {"SEK": "kr", "NOK": "kr", "DKK": "kr."}


def decimal_text(value: Decimal | int, places: int, language: str) -> str:
    """Return a number rounded to `places` with the language's marks."""
    style = STYLES.get(language, STYLES["en"])
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.replace(",", "\0").replace(".", style.decimal).replace("\0", style.thousands)


def money(value: Decimal | int, language: str, currency: str | None) -> str:
    """Return an amount of money, with the currency where the language puts it."""
    number = decimal_text(value, 2, language)
    if not currency:
        return number
    if language == "en":
        return f"{currency}{_NBSP}{number}"
    return f"{number}{_NBSP}{_CROWNS.get(currency, currency)}"


def percent(value: Decimal | int, language: str, places: int = 1) -> str:
    """Return a number from 0 to 100 as a percentage."""
    style = STYLES.get(language, STYLES["en"])
    return decimal_text(value, places, language) + style.percent


def metric_text(name: str, value: Value, language: str, currency: str | None) -> str:
    """Return a metric's value as shown in tables: money, percent, count or score."""
    if value is None:
        return "–"
    if name in COUNTS:
        return decimal_text(value, 0, language)
    if name in MONEY:
        return money(value, language, currency)
    if name in RATES:
        return percent(Decimal(value) * 100, language)
    if name in {"nps", "csat"}:
        return decimal_text(value, 1, language)
    return decimal_text(value, 2, language)
