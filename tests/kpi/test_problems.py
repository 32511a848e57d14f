"""Rows that cannot be read are counted and shown by line; missing columns are errors."""

from __future__ import annotations

import pytest

from kundresa.errors import ConfigError, InputError
from kundresa.kpi import SourceSpec, compute_kpis

MESSY = (
    "Ordernummer;Kund-ID;Orderdatum;Belopp\n"  # 1
    "1;K1;2025-03-01;100,00\n"  # 2
    "2;K2;2025-03-32;50,00\n"  # 3: no such date
    '3;"K3\nwith a line break";2025-03-02;10,00\n'  # 4-5: one record over two lines
    "\n"  # 6: blank lines are not rows
    "4;K4;2025-03-03;12,5,0\n"  # 7: commas are not the delimiter here
    "5;K5;2025-03-03;tolv\n"  # 8: not a number
    "6;;2025-03-04;10,00\n"  # 9: no customer: a walk-up sale, which counts
    "7;K7;2025-03-05\n"  # 10: a field missing
    "8;K1;2025-03-06;1 000,00\n"  # 11
    "9;K9;2025-03-06;1,00;x\n"  # 12: one field too many
)


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_unreadable_rows_are_counted_and_shown_by_line(messy, measure):
    result = measure(messy, max_bad_rows=100)
    assert result.metrics["orders"] == 4  # rows 2, 4, 9 and 11
    assert result.metrics["revenue"] == 1120
    assert result.metrics["anonymous_orders"] == 1
    lines = [(d.location.line, d.message) for d in result.problems]
    assert lines == [
        (3, "row cannot be read: date '2025-03-32' is not a date"),
        (7, "row cannot be read: amount '12,5,0' is not a number"),
        (8, "row cannot be read: amount 'tolv' is not a number"),
        (10, "row cannot be read: it has 3 fields where the header has 4"),
        (12, "row cannot be read: it has 5 fields where the header has 4"),
    ]
    assert result.warnings[0].endswith("5 rows cannot be read and are left out")
    assert len(result.warnings) == 1 + 5  # the count, then the first five


def test_strict_makes_unreadable_rows_an_error(messy, measure):
    with pytest.raises(InputError) as caught:
        measure(messy, strict=True)
    assert caught.value.line == 3
    assert "5 rows cannot be read and --strict allows none" in caught.value.message
    assert str(caught.value.path).endswith("messy.csv")


def test_a_bad_row_far_into_a_plain_file_is_found(tmp_path, measure):
    rows = [f"{i};c{i};2025-01-01;1,00" for i in range(5000)]
    rows[4321] = "4321;c4321;2025-01-01;1,00 kr?"
    path = tmp_path / "s.csv"
    path.write_text("order;customer;date;amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = measure(path)
    assert [d.location.line for d in result.problems] == [4323]


def test_a_missing_mapped_column_lists_the_columns_and_the_closest(messy):
    spec = SourceSpec(messy, "messy.csv", {"amount": "Beloppp"})
    with pytest.raises(InputError) as caught:
        compute_kpis(sales=spec)
    error = caught.value
    assert "'Beloppp'" in error.message
    assert "'Ordernummer', 'Kund-ID', 'Orderdatum', 'Belopp'" in error.message
    assert error.hint.startswith("did you mean --column amount=Belopp?")


def test_an_unrecognised_required_column_is_an_error(tmp_path, measure):
    path = tmp_path / "s.csv"
    path.write_text("Kund;Dag;Summa kronor\nk;2025-01-01;1\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column for date") as caught:
        measure(path)
    assert "'Kund', 'Dag', 'Summa kronor'" in caught.value.message
    assert "--column date=" in (caught.value.hint or "")


def test_columns_given_on_the_command_line_map_any_header(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Kund;Dag;Summa kronor\nk;2025-01-01;1\n", encoding="utf-8")
    result = compute_kpis(sales=path, columns={"date": "Dag", "amount": "Summa kronor"})
    assert result.metrics["revenue"] == 1


def test_an_unknown_canonical_name_is_a_config_error(tmp_path, sales_csv):
    with pytest.raises(ConfigError, match="'belopp' is not a column"):
        compute_kpis(sales=sales_csv, columns={"belopp": "Belopp"})


def test_a_date_column_without_dates_is_an_error(tmp_path, measure):
    path = tmp_path / "s.csv"
    path.write_text("customer,date,amount\na,tomorrow,1\nb,soon,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="no date kundresa can read"):
        measure(path)


def test_an_empty_file_is_an_error(tmp_path, measure):
    path = tmp_path / "s.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        measure(path)


def test_a_field_longer_than_the_csv_module_allows_is_no_crash(tmp_path, measure):
    long = "x" * 200_000  # Python's csv module stops at 131,072 characters by default
    path = tmp_path / "s.csv"
    path.write_text(
        f"customer,date,amount\na,2025-01-01,1\n{long},2025-01-02,2\nb,2025-01-03,z\n",
        encoding="utf-8",
    )
    result = measure(path, max_bad_rows=50)
    assert result.metrics["customers"] == 2
    assert [(d.location.line, d.message) for d in result.problems] == [
        (4, "row cannot be read: amount 'z' is not a number")
    ]


def test_a_binary_file_is_an_input_error_not_a_crash(tmp_path, measure):
    path = tmp_path / "s.csv"
    path.write_bytes(b"customer,date,amount\n" + bytes(range(256)) * 40)
    with pytest.raises(InputError):
        measure(path)
