"""Every metric of SPEC section 6 on small exports worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from kundresa.kpi import sales
from kundresa.kpi.result import Window

from kpi.exports import write_csv

# The fixture (conftest.SALES_ROWS), window 2025-01-01 to 2025-01-10 = 10 days:
#   customers: Åsa, Björn, Cecilia, Dag, Eva                       = 5
#   orders: O1 (two rows), O2, O3, O4 (0.00), O5, O6, O7; R1 refund = 7
#   revenue: 100 + 50 + 1200 + 80 - 30 + 0 + 120 + 60 + 40         = 1620.00
#   repeat: Åsa (O1, O2) and Dag (O5, O6)                           = 2 / 5
#   lifespan: Åsa 7 days, Dag 3 days, others 0                      = 10 / 5 = 2
#   churn: first half = Jan 1-5 (floor(10/2) = 5 days); in it: Åsa, Björn, Cecilia, Eva
#          (Dag first buys on Jan 7: outside); none in Jan 6-10: Björn, Cecilia, Eva = 3 / 4
EXPECTED = {
    "customers": 5,
    "orders": 7,
    "revenue": Decimal("1620.00"),
    "aov": Decimal("1620") / 7,
    "purchase_frequency": Decimal("1.4"),
    "repeat_rate": Decimal("0.4"),
    "avg_lifespan_days": Decimal(2),
    "historic_clv": Decimal(324),
    "churn_rate": Decimal("0.75"),
}


def test_sales_metrics_follow_the_spec_definitions(measure, sales_csv):
    result = measure(sales_csv)
    assert result.window == Window(dt.date(2025, 1, 1), dt.date(2025, 1, 10))
    for name, expected in EXPECTED.items():
        assert result.metrics[name] == expected, name
    # clv = aov × frequency × lifespan / window days = 1620/7 × 7/5 × 2 / 10 = 64.8
    assert result.metrics["clv"] == pytest.approx(Decimal("64.8"), abs=Decimal("1e-20"))
    assert result.warnings == []


def test_revenue_is_exact_decimal(measure, tmp_path):
    rows = [(f"O{i}", "c", "2025-01-01", "0.10") for i in range(30)]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    assert measure(path).metrics["revenue"] == Decimal(
        "3.00"
    )  # 0.1 × 30 in floats is 3.0000000000000004


def test_without_an_order_id_every_row_but_refunds_is_an_order(measure, tmp_path):
    rows = [(c, d, a) for _, c, d, a, _, _ in (r for r in _rows())]
    path = write_csv(tmp_path / "s.csv", ("customer", "date", "amount"), rows)
    result = measure(path)
    assert result.metrics["orders"] == 8  # 9 rows, one refund
    assert result.metrics["repeat_rate"] == Decimal("0.4")  # Åsa 3 rows, Dag 2


def _rows() -> list[tuple[str, ...]]:
    from kpi.exports import SALES_ROWS

    return SALES_ROWS


def test_from_and_to_set_the_window(measure, sales_csv):
    result = measure(sales_csv, start=dt.date(2025, 1, 2), end=dt.date(2025, 1, 9))
    assert result.window == Window(dt.date(2025, 1, 2), dt.date(2025, 1, 9))
    # Left out: O1 (Jan 1) and O6 (Jan 10). Åsa has only O2 left, Dag only O5.
    assert result.metrics["orders"] == 5
    assert result.metrics["revenue"] == Decimal("1410.00")
    assert result.metrics["repeat_rate"] == 0


def test_cohort_retention_leaves_unobserved_months_empty(measure, tmp_path):
    rows = [
        ("x1", "X", "2025-01-15", "10"),
        ("x2", "X", "2025-03-10", "10"),
        ("y1", "Y", "2025-01-20", "10"),
        ("z1", "Z", "2025-02-05", "10"),
        ("z2", "Z", "2025-02-06", "10"),
        ("w1", "W", "2025-03-01", "10"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    cohorts = {c.month: (c.customers, c.retention) for c in measure(path).cohorts}
    assert cohorts == {
        "2025-01": (2, [1, 0, Decimal("0.5")]),  # nobody bought in February: 0, observed
        "2025-02": (1, [1, 0, None]),  # April is after the window: not observed
        "2025-03": (1, [1, None, None]),
    }


@pytest.mark.parametrize("last", ["2020-08-10", "2020-09-10"], ids=["127-months", "128-months"])
def test_cohort_retention_over_more_than_ten_years(measure, tmp_path, last):
    # Up to 127 months, each customer's months are bits of one number; beyond, a string of
    # bits. X buys in the first and the last month, Y only in the first, Z only in the last.
    rows = [
        ("x1", "X", "2010-02-01", "10"),
        ("x2", "X", last, "10"),
        ("y1", "Y", "2010-02-28", "10"),
        ("z1", "Z", last, "10"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    cohorts = {c.month: (c.customers, c.retention) for c in measure(path).cohorts}
    months = 127 if last.startswith("2020-08") else 128  # Feb 2010 to Aug or Sep 2020
    first = [Decimal(1)] + [Decimal(0)] * (months - 2) + [Decimal("0.5")]
    assert cohorts == {"2010-02": (2, first), last[:7]: (1, [1] + [None] * (months - 1))}


def test_nps_and_csat_leave_blanks_out(tmp_path, measure):
    survey = write_csv(
        tmp_path / "survey.csv",
        ("nps", "csat"),
        [("10", "5"), ("9", "4"), ("9", "3"), ("8", ""), ("6", "1"), ("3", "4"), ("", "")],
    )
    result = measure(survey=survey)
    # NPS: 6 answers, promoters 10, 9, 9 and detractors 6, 3: 100 × (3 - 2) / 6
    assert result.metrics["nps"] == Decimal(100) / 6
    # CSAT on 1-5: 5 answers, of which 5, 4, 4 are 4-5: 100 × 3 / 5
    assert result.metrics["csat"] == Decimal(60)
    assert result.warnings[-1:] != [] and "no sales export" in result.warnings[0]


def test_survey_answers_off_the_scale_are_unreadable_rows(tmp_path, measure):
    survey = write_csv(tmp_path / "s.csv", ("nps", "csat"), [("10", "5"), ("11", "4"), ("9", "6")])
    result = measure(survey=survey, max_bad_rows=100)
    # Each score on its own: the NPS 9 of the row with CSAT 6 still counts.
    assert result.metrics["nps"] == 100
    assert result.metrics["csat"] == 100
    assert [d.location.line for d in result.problems] == [3, 4]
    assert "from 0 to 10" in result.problems[0].message
    assert "from 1 to 5" in result.problems[1].message


def test_conversion_per_funnel_step_and_overall(tmp_path, measure):
    funnel = write_csv(
        tmp_path / "f.csv",
        ("Steg", "Antal"),
        [("Såg annons", "1 000"), ("Besök", "400"), ("Köp", "50")],
        delimiter=";",
    )
    result = measure(funnel=funnel)
    assert [(s.step, s.count, s.conversion) for s in result.funnel] == [
        ("Såg annons", 1000, None),
        ("Besök", 400, Decimal("0.4")),
        ("Köp", 50, Decimal("0.125")),
    ]
    assert result.metrics["conversion"] == Decimal("0.05")


def test_by_channel_breaks_every_sales_metric_down(measure, sales_csv):
    breakdown = measure(sales_csv, by="channel").breakdown
    assert sorted(breakdown) == ["app", "box office", "web"]
    assert breakdown["web"]["customers"] == 3  # Åsa, Björn, Eva
    assert breakdown["web"]["orders"] == 3  # O1, O3, O7
    assert breakdown["web"]["revenue"] == Decimal("240.00")
    assert breakdown["app"]["repeat_rate"] == Decimal("0.5")  # Dag (O5, O6); Åsa has O2 only
    # The totals do not change with a breakdown.
    assert measure(sales_csv, by="channel").metrics == measure(sales_csv).metrics


def test_by_month_gives_each_month_its_own_window(measure, tmp_path):
    rows = [
        ("a1", "A", "2025-01-01", "10"),
        ("a2", "A", "2025-01-31", "10"),
        ("b1", "B", "2025-02-10", "10"),
        ("b2", "B", "2025-02-12", "10"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    breakdown = measure(path, by="month").breakdown
    assert breakdown["2025-01"]["churn_rate"] == 0  # A buys in both halves of January
    assert breakdown["2025-01"]["avg_lifespan_days"] == 30
    # February is cut at the window's last day (Feb 12): first half Feb 1-6, nobody buys.
    assert breakdown["2025-02"]["churn_rate"] is None
    assert breakdown["2025-02"]["clv"] == Decimal(20) * 2 / 12


@pytest.mark.parametrize("order_ids", [True, False], ids=["order ids", "no order ids"])
def test_a_segment_counts_sales_without_a_customer_in_its_totals_only(measure, tmp_path, order_ids):
    rows = [
        ("o1", "A", "2025-03-01", "300"),
        ("o2", "B", "2025-03-20", "200"),
        ("o3", "", "2025-03-05", "80"),  # a walk-up sale in March
        ("o4", "A", "2025-03-25", "100"),
        ("o5", "", "2025-04-01", "20"),  # April has walk-up sales only
        ("o6", "", "2025-04-02", "-5"),  # and a walk-up refund
    ]
    header = ("order", "customer", "date", "amount")
    if not order_ids:
        header, rows = header[1:], [row[1:] for row in rows]
    march, april = (
        measure(write_csv(tmp_path / "s.csv", header, rows), by="month").breakdown[m]
        for m in ("2025-03", "2025-04")
    )
    assert (march["revenue"], march["orders"], march["customers"]) == (680, 4, 2)
    assert (march["anonymous_orders"], march["anonymous_revenue"]) == (1, 80)
    assert march["purchase_frequency"] == Decimal("1.5")  # A: o1, o4; B: o2
    assert march["historic_clv"] == 300  # (400 + 200) / 2, without the walk-up sale
    assert march["avg_lifespan_days"] == 12  # A: March 1 to 25 = 24 days; B: 0
    assert (april["revenue"], april["orders"], april["customers"]) == (15, 1, 0)
    assert (april["anonymous_orders"], april["anonymous_revenue"]) == (1, 15)
    assert april["repeat_rate"] is None


def test_by_cohort_and_quarter(measure, sales_csv):
    assert list(measure(sales_csv, by="cohort").breakdown) == ["2025-01"]
    assert list(measure(sales_csv, by="quarter").breakdown) == ["2025-Q1"]


def test_by_event_without_an_event_column_is_an_error(measure, tmp_path):
    from kundresa.errors import InputError

    path = write_csv(tmp_path / "s.csv", ("customer", "date", "amount"), [("a", "2025-01-01", "1")])
    with pytest.raises(InputError, match="no event column"):
        measure(path, by="event")


def test_parquet_gives_the_same_metrics(measure, sales_csv, tmp_path):
    import duckdb

    target = tmp_path / "sales.parquet"
    duckdb.connect().execute(
        f"COPY (SELECT order_id, customer_id, CAST(date AS DATE) AS date, "
        f"CAST(amount AS DECIMAL(10,2)) AS amount FROM read_csv('{sales_csv}', all_varchar=true)) "
        f"TO '{target}' (FORMAT parquet)"
    )
    assert measure(target).metrics == measure(sales_csv).metrics


def test_unknown_source_file_is_an_input_error(measure, tmp_path: Path):
    from kundresa.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        measure(tmp_path / "missing.csv")


def test_an_order_over_two_events_counts_once_in_the_totals(measure, tmp_path):
    rows = [
        ("O1", "A", "2025-01-01", "10", "Jazz"),
        ("O1", "A", "2025-01-01", "20", "Rock"),
        ("O2", "A", "2025-01-03", "30", "Rock"),
        ("O3", "B", "2025-01-02", "5", "Jazz"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount", "event"), rows)
    plain, split = measure(path), measure(path, by="event")
    assert split.metrics == plain.metrics
    assert plain.metrics["orders"] == 3
    assert plain.metrics["repeat_rate"] == Decimal("0.5")
    assert split.breakdown["Jazz"]["orders"] == 2  # O1 and O3
    assert split.breakdown["Rock"]["orders"] == 2  # O1 and O2
    assert split.breakdown["Rock"]["repeat_rate"] == 1


def test_an_order_id_shared_by_two_customers_counts_once(measure, tmp_path):
    rows = [
        ("O1", "A", "2025-01-01", "10"),
        ("O1", "B", "2025-01-02", "20"),
        ("O2", "A", "2025-01-03", "30"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    result = measure(path)
    assert result.metrics["orders"] == 2  # distinct order ids
    assert result.metrics["customers"] == 2
    assert result.metrics["repeat_rate"] == Decimal("0.5")  # A has O1 and O2
    assert result.metrics["avg_lifespan_days"] == 1  # A: Jan 1 to Jan 3, B: 0


def test_an_order_bought_on_two_days_counts_once(measure, tmp_path):
    rows = [
        ("O1", "A", "2025-01-01", "10"),
        ("O1", "A", "2025-01-05", "20"),  # a ticket added to the order later
        ("O2", "A", "2025-01-09", "30"),
        ("O3", "B", "2025-01-02", "5"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    result = measure(path)
    assert result.metrics["orders"] == 3
    assert result.metrics["revenue"] == 65
    assert result.metrics["purchase_frequency"] == Decimal("1.5")  # A: O1, O2; B: O3
    assert result.metrics["repeat_rate"] == Decimal("0.5")
    assert result.metrics["avg_lifespan_days"] == 4  # A: Jan 1 to Jan 9, B: 0


@pytest.mark.parametrize("last", ["1003", "1000000000000000"], ids=["close", "far-apart"])
def test_an_order_number_bought_on_two_days_counts_once(measure, tmp_path, last):
    # Order numbers are proved distinct by a bit each when close together, by their hashes
    # when far apart; either way, one order on two days is one order.
    rows = [
        ("1001", "A", "2025-01-01", "10"),
        ("1001", "A", "2025-01-05", "20"),
        ("1002", "A", "2025-01-09", "30"),
        (last, "B", "2025-01-02", "5"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    result = measure(path)
    assert result.metrics["orders"] == 3
    assert result.metrics["purchase_frequency"] == Decimal("1.5")  # A: two orders; B: one
    assert result.metrics["avg_lifespan_days"] == 4  # A: Jan 1 to Jan 9, B: 0


def test_order_numbers_written_two_ways_are_two_orders(measure, tmp_path):
    rows = [
        ("7", "A", "2025-01-01", "10"),
        ("007", "A", "2025-01-01", "20"),  # the same number, another id
        ("8", "B", "2025-01-02", "5"),
    ]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    result = measure(path)
    assert result.metrics["orders"] == 3
    assert result.metrics["repeat_rate"] == Decimal("0.5")  # A: 7 and 007


@pytest.mark.parametrize(
    ("ids", "unique"),
    [
        (["1001", "1002", "1004"], True),  # close numbers: one bit each
        (["1", "1000000000000"], True),  # far apart: hashes
        (["O1", "O2"], True),
        (["1001", "1002", "1001"], False),
        (["O1", "O2", "O1"], False),
    ],
)
def test_order_facts_tell_whether_every_order_is_one_row(ids, unique):
    import duckdb

    from kundresa.kpi.facts import order_facts

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE orders AS SELECT 'sale' AS status, 'A' AS customer_id, "
        "unnest(?) AS order_key, DATE '2025-01-01' AS day, 1 AS order_rows, 10 AS revenue",
        [ids],
    )
    assert order_facts(con, "orders", {"order_id": "Order"}).unique_orders is unique


def test_progress_is_reported_while_a_large_file_is_read(monkeypatch, tmp_path):
    from kundresa.kpi import compute

    monkeypatch.setattr(compute, "LARGE_FILE", 0)
    rows = [(f"O{i}", f"c{i % 97}", "2025-01-01", "1.00") for i in range(2000)]
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    seen: list[float] = []
    result = compute.compute_kpis(sales=path, on_progress=seen.append)
    assert result.metrics["orders"] == 2000
    assert seen
    assert seen[-1] == 1.0
    assert all(0 <= f <= 1 for f in seen)


def test_a_days_month_is_the_first_day_date_trunc_gives_it():
    # Every day from 1900 to 2119, leap days and year ends included.
    days = "SELECT DATE '1900-01-01' + CAST(i AS INTEGER) AS day FROM range(80000) t(i)"
    differ = duckdb.connect().execute(
        f"SELECT count(*) FROM ({days}) WHERE {sales._MONTH} <> date_trunc('month', day)::DATE"
    )
    assert differ.fetchall() == [(0,)]
