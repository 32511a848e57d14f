"""One path, one answer (SPEC 6.2): a figure is the same whichever way it is asked for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.kpi.exports import write_csv

from kundresa.kpi import compute_kpis

HEADER = ("Ordernummer", "Kund-ID", "Orderdatum", "Belopp")
ROWS = [
    ("O1", "K1", "2025-02-10", "1000,00"),
    ("O2", "K2", "2025-02-14", "500,00"),
    ("O1", "K1", "2025-12-03", "-250,00"),  # O1's refund, dated in December
    ("O3", "K1", "2025-03-01", "300,00"),
    ("O4", "K3", "2025-03-20", "200,00"),
    ("O5", "K2", "2025-06-05", "150,00"),
    ("O6", "K4", "2025-12-01", "400,00"),
]


def _path(tmp_path):
    return write_csv(tmp_path / "s.csv", HEADER, ROWS, delimiter=";")


def test_a_refund_counts_in_its_own_month_in_every_output(tmp_path):
    result = compute_kpis(sales=_path(tmp_path), by="month")
    by_month = {seg: values["revenue"] for seg, values in result.breakdown.items()}
    series = {m.month: m.revenue for m in result.months}
    expected = {"2025-02": 1500, "2025-03": 500, "2025-06": 150, "2025-12": 400 - 250}
    assert by_month == series == expected
    assert result.metrics["orders"] == 6  # the refund is no order
    quarters = compute_kpis(sales=_path(tmp_path), by="quarter").breakdown
    assert quarters["2025-Q4"]["revenue"] == 150


def test_the_cohort_table_is_the_same_with_or_without_by_from_and_to(tmp_path):
    path = _path(tmp_path)
    plain = compute_kpis(sales=path).cohorts
    for options in (
        {"by": "month"},
        {"by": "cohort"},
        {"by": "quarter"},
        {"start": dt.date(2025, 3, 1)},
        {"start": dt.date(2025, 2, 1), "end": dt.date(2025, 6, 30)},
    ):
        assert compute_kpis(sales=path, **options).cohorts == plain, options
    # K1 and K2 start in February; K1 buys again in March, K2 in June; K3 in March, K4 in
    # December. Ten months from February to the export's last month, December.
    february = plain[0]
    assert (february.month, february.customers) == ("2025-02", 2)
    assert february.retention[:5] == [1, Decimal("0.5"), 0, 0, Decimal("0.5")]
    assert len(february.retention) == 11
    assert [c.month for c in plain] == ["2025-02", "2025-03", "2025-12"]
    assert plain[-1].retention == [1] + [None] * 10


def test_the_overall_figures_equal_the_sum_of_the_breakdown(tmp_path):
    result = compute_kpis(sales=_path(tmp_path), by="month")
    assert sum(v["revenue"] for v in result.breakdown.values()) == result.metrics["revenue"]
    assert result.metrics["revenue"] == 1000 + 500 - 250 + 300 + 200 + 150 + 400


def test_the_overall_figures_are_the_same_measured_with_the_cohorts_or_alone(tmp_path):
    # Without --from/--to, one pass per customer gives the cohorts and the overall
    # figures; giving the same window as --from/--to measures them on their own.
    # ROWS but O1's refund, which comes after the last order: --from/--to would leave it out.
    rows = [
        *(row for row in ROWS if row[2] != "2025-12-03"),
        ("O1", "K1", "2025-11-03", "-250,00"),
        ("O7", "", "2025-04-01", "80,00"),  # a walk-up sale, without a customer
        ("O8", "K5", "2025-05-01", "-40,00"),  # a customer with a refund only
    ]
    path = write_csv(tmp_path / "s.csv", HEADER, rows, delimiter=";")
    together = compute_kpis(sales=path)
    window = together.window
    assert window is not None
    alone = compute_kpis(sales=path, start=window.start, end=window.end)
    assert repr(together.metrics) == repr(alone.metrics)
    assert together.cohorts == alone.cohorts
    assert together.metrics["customers"] == 5  # K1 to K5
    assert together.metrics["anonymous_orders"] == 1
