"""Reading exports: numbers, dates and rows that are not data (SPEC 6.1), from the field report.

Each case is an export in and the figures and the reported rows out; the expected figures
are worked out by hand in the test, never taken from kundresa.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from tests.kpi.exports import write_csv

from kundresa.errors import InputError
from kundresa.kpi import compute_kpis

HEADER = ("Ordernummer", "Kund-ID", "Orderdatum", "Belopp")


def _sales(tmp_path, amounts, dates=None, *, name="s.csv", delimiter=";"):
    dates = dates or ["2025-03-01"] * len(amounts)
    rows = [
        (f"O{i}", f"K{i % 7}", d, a) for i, (d, a) in enumerate(zip(dates, amounts, strict=True))
    ]
    return write_csv(tmp_path / name, HEADER, rows, delimiter=delimiter)


def test_one_us_amount_in_a_decimal_comma_file_stops_kpi_instead_of_a_100x_error(tmp_path):
    # The field report's file: 29 rows of 499,00 and 1,234.50 on row 3 (line 4).
    amounts = ["499,00"] * 30
    amounts[2] = "1,234.50"
    path = _sales(tmp_path, amounts)
    with pytest.raises(InputError) as caught:
        compute_kpis(sales=path)
    assert caught.value.line == 4
    assert "1 row cannot be read" in caught.value.message
    assert "amount '1,234.50' is not a number" in caught.value.message
    assert "--max-bad-rows" in (caught.value.hint or "")
    # Allowed: the other 29 rows are read at their face value, never 100 times too large.
    result = compute_kpis(sales=path, max_bad_rows=Decimal(5))
    assert result.metrics["revenue"] == 29 * 499
    assert [d.location.line for d in result.problems] == [4]


@pytest.mark.parametrize("odd", ["1.50", "1.5", "12.5", "5.000.00", "1e3", "1,234.50"])
def test_a_value_that_does_not_fit_a_dot_grouped_column_is_unreadable(tmp_path, odd):
    amounts = ["1.499,00", "250,00", "12.000,50", "99,00"] * 5 + [odd]
    result = compute_kpis(sales=_sales(tmp_path, amounts), max_bad_rows=Decimal(100))
    assert result.metrics["revenue"] == 5 * (Decimal("1499") + 250 + Decimal("12000.50") + 99)
    assert [(d.location.line, d.message) for d in result.problems] == [
        (22, f"row cannot be read: amount '{odd}' is not a number")
    ]


@pytest.mark.parametrize(
    ("amounts", "revenue"),
    [
        (["1 499,00", "12\u00a0000,50", "\u221250,00", "kr 99,00"], Decimal("13548.50")),
        (["$1,499.00", "12,000.50", "-50.00", "99"], Decimal("13548.50")),
        (["1.234", "2.500", "100"], Decimal(3834)),  # `;` file: dots group thousands
    ],
)
def test_a_column_format_is_decided_from_all_its_values(tmp_path, amounts, revenue):
    result = compute_kpis(sales=_sales(tmp_path, amounts))
    assert result.problems == []
    assert result.metrics["revenue"] == revenue


def test_danish_dash_dates_are_dates_alongside_dotted_timestamps(tmp_path):
    dates = ["24-12-2025", "24.12.2025 14:03", "02-01-2026", "15.01.2026 09:30", "31-01-2026"]
    result = compute_kpis(sales=_sales(tmp_path, ["100,00"] * 5, dates))
    assert result.problems == []
    assert result.metrics["orders"] == 5
    assert (str(result.window.start), str(result.window.end)) == ("2025-12-24", "2026-01-31")
    assert [m.month for m in result.months] == ["2025-12", "2026-01"]


def test_month_first_dates_are_read_month_first_when_a_second_field_is_a_day(tmp_path):
    dates = ["06/19/2024", "07/04/2024", "12/01/2024", "01/12/2025"]
    result = compute_kpis(sales=_sales(tmp_path, ["10"] * 4, dates, delimiter=","))
    assert result.problems == []
    assert (str(result.window.start), str(result.window.end)) == ("2024-06-19", "2025-01-12")
    assert [m.month for m in result.months] == ["2024-06", "2024-07", "2024-12", "2025-01"]


def test_dates_that_never_say_their_order_are_read_day_first_and_the_report_says_so(tmp_path):
    result = compute_kpis(sales=_sales(tmp_path, ["10"] * 2, ["01/02/2025", "03/04/2025"]))
    assert (str(result.window.start), str(result.window.end)) == ("2025-02-01", "2025-04-03")
    assert any("read day-first" in w for w in result.warnings)


def test_two_digit_years_and_compact_dates(tmp_path):
    dates = ["24.12.25", "20250102", "2025/01/03", "2025-01-04T10:00:00Z"]
    result = compute_kpis(sales=_sales(tmp_path, ["10"] * 4, dates))
    assert result.problems == []
    assert (str(result.window.start), str(result.window.end)) == ("2025-01-02", "2025-12-24")


OFFSETS = ["2025-06-30 23:04:54 +0200", "2025-07-01 00:30:00 -0700", "2025-06-30T23:59:00+02:00"]


def test_a_timestamp_with_an_offset_keeps_the_date_as_written(tmp_path):
    result = compute_kpis(sales=_sales(tmp_path, ["10"] * 3, OFFSETS, delimiter=","))
    assert result.problems == []
    assert [(m.month, m.revenue) for m in result.months] == [("2025-06", 20), ("2025-07", 10)]


def test_the_same_file_gives_the_same_figures_in_every_time_zone(tmp_path):
    path = _sales(tmp_path, ["10"] * 3, OFFSETS, delimiter=",")
    outputs = []
    for zone in ("UTC", "America/Los_Angeles", "Pacific/Kiritimati"):
        done = subprocess.run(
            [sys.executable, "-m", "kundresa", "kpi", str(path), "-f", "json", "--by", "month"],
            capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "TZ": zone},
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    assert sorted(outputs[0]["breakdown"]) == ["2025-06", "2025-07"]


def test_sep_line_title_rows_blank_rows_and_a_summary_row_are_not_data(tmp_path):
    path = tmp_path / "kassa.csv"
    path.write_text(
        "sep=;\n"
        "Försäljningsrapport Sommarscen 2025;;;\n"
        ";;;\n"
        "Ordernummer;Kund-ID;Orderdatum;Belopp\n"
        "1;K1;2025-06-01;100,00\n"
        ";;;\n"
        "2;K2;2025-06-02;250,50\n"
        "3;;2025-06-02;49,50\n"
        "Totalt;;;400,00\n",
        encoding="utf-8",
    )
    result = compute_kpis(sales=path)
    assert result.problems == []
    assert result.metrics["revenue"] == 400
    assert result.metrics["orders"] == 3
    assert result.warnings == [f"{result.sources['sales']}: 1 summary row (such as Total) skipped"]


def test_headers_match_regardless_of_case_and_every_missing_column_is_listed(tmp_path):
    path = write_csv(
        tmp_path / "s.csv", ("ORDRENUMMER", " kunde-id ", "Dato", "Beløb", "Kanal"),
        [("1", "K1", "01.03.2025", "100,00", "web")], delimiter=";",
    )  # fmt: skip
    columns = {"order_id": "Ordrenummer", "customer_id": "Kunde-ID", "amount": "beløb"}
    assert compute_kpis(sales=path, columns=columns).metrics["revenue"] == 100
    wrong = {"order_id": "Ordernummer", "customer_id": "Kund-ID", "channel": "Kanaler"}
    with pytest.raises(InputError) as caught:
        compute_kpis(sales=path, columns=wrong)
    message, hint = caught.value.message, caught.value.hint or ""
    assert "'Ordernummer' (for order_id)" in message
    assert "'Kund-ID' (for customer_id)" in message
    assert "'Kanaler' (for channel)" in message
    assert "--column order_id=ORDRENUMMER" in hint
    assert "--column channel=Kanal" in hint


def test_kpi_file_takes_the_date_format_on_the_command_line(tmp_path):
    path = _sales(tmp_path, ["10", "20"], ["2025|03|01", "2025|03|09"])
    plain = subprocess.run(
        [sys.executable, "-m", "kundresa", "kpi", str(path)],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert plain.returncode == 2
    assert "--date-format" in plain.stderr
    done = subprocess.run(
        [sys.executable, "-m", "kundresa", "kpi", str(path), "--date-format", "%Y|%m|%d",
         "-f", "json"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["window"]["days"] == 9


def test_a_parquet_timestamp_with_a_time_zone_is_a_date_in_utc_in_every_time_zone(tmp_path):
    import duckdb

    path = tmp_path / "s.parquet"
    duckdb.connect().execute(
        "COPY (SELECT 'K1' AS customer_id, TIMESTAMPTZ '2025-06-30 23:30:00+00' AS date, "
        "10.5 AS amount UNION ALL SELECT 'K2', TIMESTAMPTZ '2025-07-01 00:30:00+00', 5) "
        f"TO '{path}' (FORMAT parquet)"
    )
    months = set()
    for zone in ("UTC", "America/Los_Angeles", "Asia/Tokyo"):
        done = subprocess.run(
            [sys.executable, "-m", "kundresa", "kpi", str(path), "-f", "json"],
            capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "TZ": zone},
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        months.add(json.dumps(json.loads(done.stdout)["months"]))
    assert months == {
        json.dumps([{"month": "2025-06", "revenue": 10.5}, {"month": "2025-07", "revenue": 5}])
    }


def test_a_cell_is_trimmed_of_spaces_as_trim_does():
    import duckdb

    from kundresa.kpi.notation import text_sql

    values = [" a", "a ", "  a  b  ", "a", "", "   ", None, "\ta\t", " 1 234,50 "]
    rows = (
        duckdb.connect()
        .execute(f"SELECT v, {text_sql('v')}, trim(v) FROM unnest(?) AS t(v)", [values])
        .fetchall()
    )
    assert [(value, trimmed) for value, trimmed, _ in rows] == [(v, t) for v, _, t in rows]
