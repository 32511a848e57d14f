"""The wording of figures: (metric kind, value, language) → text, the one place it is asserted.

Every other test compares an output with `figure_text`, so a change of wording is made and
checked here alone.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kundresa.figures import (
    Interval,
    Kind,
    Status,
    figure_text,
    interval_text,
    kind_of,
    target_status,
    target_text,
)
from kundresa.models import Metric
from kundresa.models.target import Target

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("metric", "value", "language", "currency", "expected"),
    [
        # Money: two decimals, half up, the crown's local name after the number.
        ("revenue", "12345.5", "sv", "SEK", f"12{NBSP}345,50{NBSP}kr"),
        ("revenue", "12345.5", "nb", "NOK", f"12{NBSP}345,50{NBSP}kr"),
        ("revenue", "12345.5", "da", "DKK", f"12.345,50{NBSP}kr."),
        ("revenue", "12345.5", "en", "SEK", f"SEK{NBSP}12,345.50"),
        ("aov", "-3.005", "sv", "EUR", f"−3,01{NBSP}EUR"),
        ("clv", "0.5", "sv", None, "0,50"),
        # Counts: whole numbers, grouped from a thousand.
        ("customers", 1234, "sv", "SEK", f"1{NBSP}234"),
        ("orders", 1234567, "da", "DKK", "1.234.567"),
        ("orders", 1234, "en", None, "1,234"),
        # Rates: a share from 0 to 1 as a percentage with one decimal.
        ("repeat_rate", "0.3125", "sv", None, f"31,3{NBSP}%"),
        ("churn_rate", "0.025", "en", None, "2.5%"),
        ("conversion", "0.0005", "nb", None, f"0,1{NBSP}%"),
        # Scores: NPS a whole number (2.5 rounds up to 3), CSAT one decimal.
        ("nps", "2.5", "sv", None, "3"),
        ("nps", "-12.5", "sv", None, "−13"),
        ("csat", "77.777", "da", None, "77,8"),
        # Days and purchase frequency.
        ("avg_lifespan_days", "123.45", "sv", None, f"123,5{NBSP}dagar"),
        ("avg_lifespan_days", "1", "en", None, f"1.0{NBSP}days"),
        ("purchase_frequency", "1.4", "nb", None, "1,40"),
        # A custom KPI keeps the decimals it was written with.
        ("custom", "18", "sv", None, "18"),
        ("custom", "4.25", "en", None, "4.25"),
        ("nps", None, "sv", None, "–"),
    ],
)
def test_each_kind_of_figure_is_worded_as_the_language_writes_it(
    metric: str, value: str | int | None, language: str, currency: str | None, expected: str
) -> None:
    number = None if value is None else Decimal(value) if isinstance(value, str) else value
    assert figure_text(metric, number, language, currency) == expected


def test_a_custom_figure_against_a_percentage_target_reads_as_a_percentage() -> None:
    assert figure_text("custom", Decimal(18), "sv", None, percent=True) == f"18{NBSP}%"


def test_a_csat_against_a_percentage_target_reads_as_a_percentage_like_its_target() -> None:
    # The kpi table showed `≥ 80 %` beside an actual of `77,8`.
    assert figure_text("csat", Decimal("77.777"), "sv", None, percent=True) == f"77,8{NBSP}%"
    assert figure_text("csat", Decimal("77.777"), "en", None, percent=True) == "77.8%"


def test_every_metric_has_a_kind() -> None:
    assert {kind_of(m) for m in Metric} == set(Kind)


def test_the_rates_that_targets_read_as_fractions_are_the_rate_kind() -> None:
    # Target.threshold (in models, below figures) reads `35%` of a rate as 0.35.
    assert {m for m in Metric if m.is_rate} == {m for m in Metric if kind_of(m) is Kind.RATE}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [(">= 35%", "sv", f"≥ 35{NBSP}%"), ("<= 1.5", "da", "≤ 1,5"), ("> -2", "en", "> −2")],
)
def test_targets_are_written_with_the_languages_marks(
    text: str, language: str, expected: str
) -> None:
    assert target_text(Target.model_validate(text), language) == expected


def test_an_interval_is_worded_with_its_answers() -> None:
    interval = Interval(412, Decimal("73.46"), Decimal("81.64"))
    assert interval_text("csat", interval, "sv") == f"73,5–81,6 · 412{NBSP}svar"
    assert interval_text("nps", Interval(12, Decimal(-20), Decimal("64.4")), "en") == (
        f"−20–64 · 12{NBSP}answers"
    )


@pytest.mark.parametrize(
    ("target", "actual", "interval", "expected"),
    [
        (">= 80", "77.8", (Decimal("73.5"), Decimal("81.6")), Status.UNCERTAIN),
        (">= 80", "77.8", (Decimal("75.0"), Decimal("79.9")), Status.MISSED),
        (">= 70", "77.8", (Decimal("73.5"), Decimal("81.6")), Status.MET),
        (">= 70", "77.8", None, Status.MET),
        (">= 70", None, None, Status.NO_DATA),
    ],
)
def test_a_target_inside_the_interval_is_uncertain(
    target: str,
    actual: str | None,
    interval: tuple[Decimal, Decimal] | None,
    expected: Status,
) -> None:
    found = Interval(400, *interval) if interval else None
    value = Decimal(actual) if actual else None
    assert target_status(Target.model_validate(target), Metric.CSAT, value, found) is expected
