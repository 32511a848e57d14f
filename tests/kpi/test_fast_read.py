"""The strict read gives the careful read's figures, and reads carefully when it must.

kpi reads a file strictly, in the forms its first rows use (`cells.read_cells`); a value
written another way makes it read the whole file again, with the formats decided from
every value. Each test compares the two reads in full, and checks which one was taken.
"""

from __future__ import annotations

import gzip
from decimal import Decimal
from pathlib import Path

import pytest

import kundresa.kpi.cells as kpi_cells
import kundresa.kpi.reader as kpi_reader
from kundresa.kpi import KpiResult, compute_kpis
from kundresa.kpi.spec import SourceSpec

from kpi.exports import SALES_HEADER, SALES_ROWS, write_csv
from kpi.test_cache import everything
from kpi.test_dialects import DIALECTS
from kpi.test_real_data import cdnow_nordic


@pytest.fixture
def careful_reads(monkeypatch) -> list[str]:
    """Record each careful read, which decides the formats from every value."""
    seen: list[str] = []
    real = kpi_reader.read_cells

    def counting(*args, **kwargs):
        if not kwargs["first_rows"]:
            seen.append(kwargs["spec"].display)
        return real(*args, **kwargs)

    monkeypatch.setattr(kpi_reader, "read_cells", counting)
    return seen


def both_ways(monkeypatch, export: Path, **options) -> tuple[KpiResult, KpiResult]:
    """Return the figures of the fast read and of the careful read alone."""
    fast = compute_kpis(sales=export, **options)
    with monkeypatch.context() as patch:
        patch.setattr(kpi_reader, "FAST_READ", False)
        careful = compute_kpis(sales=export, **options)
    return fast, careful


#: The dialects whose first rows settle every format, so that the fast read is one strict
#: pass; the others' first rows leave one open (day-month dates that never say which is the
#: day, a Unicode minus, a thousands dot), and they are read carefully at once.
STRICT = {"comma, UTF-8, ISO dates", "UTF-8 with BOM, 20250301", "space thousands, quoted fields"}


@pytest.mark.parametrize("name", list(DIALECTS))
def test_every_dialect_gives_the_same_figures_read_fast_or_carefully(
    name, tmp_path, monkeypatch, careful_reads
):
    fast, careful = both_ways(monkeypatch, DIALECTS[name](tmp_path), by="channel")
    assert everything(fast) == everything(careful)
    assert len(careful_reads) == (1 if name in STRICT else 2)  # the careful run's, or both


def test_real_purchases_give_the_same_figures_read_fast_or_carefully(
    tmp_path, monkeypatch, careful_reads
):
    export = cdnow_nordic(tmp_path / "cdnow.csv")
    fast, careful = both_ways(monkeypatch, export, by="cohort")
    assert everything(fast) == everything(careful)
    assert len(careful_reads) == 1  # the fast read was one strict pass
    assert fast.metrics["customers"] == 23_570


def test_a_plain_nordic_export_is_read_once_strictly(tmp_path, careful_reads):
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    export = write_csv(tmp_path / "plain.csv", SALES_HEADER, rows, delimiter=";")
    result = compute_kpis(sales=export)
    assert careful_reads == []
    assert result.metrics["revenue"] == Decimal("1620.00")


# The last row, after the rows the formats are guessed from, written another way: its
# amount is 40.00 in every case, so the revenue stays the hand-computed 1620.00.
LATE = {
    "a currency": ("2025-01-05", "40,00 kr"),
    "a thousands separator": ("2025-01-05", "0.040,00"),
    "a day-first date in ISO dates": ("05.01.2025", "40,00"),
    "a two-digit year": ("05.01.25", "40,00"),
}


@pytest.mark.parametrize("case", list(LATE))
def test_a_value_the_first_rows_do_not_foresee_reads_the_file_carefully(
    case, tmp_path, monkeypatch, careful_reads
):
    monkeypatch.setattr(kpi_cells, "GUESS_ROWS", 4)
    day, amount = LATE[case]
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    rows[-1] = (*rows[-1][:2], day, amount, *rows[-1][4:])
    export = write_csv(tmp_path / "late.csv", SALES_HEADER, rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export)
    assert len(careful_reads) == 2  # the fast read fell back, then the careful run
    assert everything(fast) == everything(careful)
    assert fast.metrics["revenue"] == Decimal("1620.00")
    assert fast.problems == []


def test_an_unreadable_value_late_in_the_file_is_reported_as_the_careful_read_does(
    tmp_path, monkeypatch, careful_reads
):
    monkeypatch.setattr(kpi_cells, "GUESS_ROWS", 4)
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    rows[-1] = (*rows[-1][:3], "fyrtio", *rows[-1][4:])
    export = write_csv(tmp_path / "bad.csv", SALES_HEADER, rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export, max_bad_rows=Decimal(100))
    assert len(careful_reads) == 2
    assert everything(fast) == everything(careful)
    assert [(d.location.line, d.message) for d in fast.problems] == [
        (10, "row cannot be read: amount 'fyrtio' is not a number")
    ]


@pytest.fixture
def parsed_dates(monkeypatch) -> list[tuple[str, str]]:
    """Record each date column the CSV reader parses itself, with its format."""
    seen: list[tuple[str, str]] = []
    real = kpi_reader.csv_source

    def recording(*args, **kwargs):
        if kwargs.get("dates"):
            seen.append(kwargs["dates"])
        return real(*args, **kwargs)

    monkeypatch.setattr(kpi_reader, "csv_source", recording)
    return seen


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzipped"])
def test_the_csv_reader_parses_plain_dates_of_a_strict_read(tmp_path, parsed_dates, packed):
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    export = write_csv(tmp_path / "plain.csv", SALES_HEADER, rows, delimiter=";")
    if packed:
        export = tmp_path / "plain.csv.gz"
        export.write_bytes(gzip.compress((tmp_path / "plain.csv").read_bytes()))
    result = compute_kpis(sales=export)
    assert result.metrics["revenue"] == Decimal("1620.00")
    assert result.metrics["orders"] == 7
    assert parsed_dates == [("c2", "%Y-%m-%d")]


#: Dates written well and badly, to compare DuckDB's CSV reader with try_strptime.
EDGE_DATES = [
    "2024-01-05", "2024-1-5", " 2024-01-05", "2024-01-05 ", "2024-01-05x", "2024-02-30",
    "+2024-01-05", "2024-001-05", "02024-01-05", "   ", "24-01-05", "2024-01-05 10:00",
    "2024-13-01", "-2024-01-05", "05.01.2024", "5.1.2024", "05.01.24", "31.12.2024 ",
    "20240105", "20241231", " 20240105", "2024015", "20240230", "1e3",
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["%Y-%m-%d", "%d.%m.%Y", "%Y%m%d"])
def test_the_csv_reader_parses_a_date_format_as_try_strptime_does(fmt, tmp_path):
    # A strict read lets the reader parse its dates (`reader._Reading.read`); any value it
    # cannot parse is a rejected row, and then the file is read again carefully.
    import duckdb

    export = tmp_path / "dates.csv"
    export.write_text("d;n\n" + "".join(f"{d};{i}\n" for i, d in enumerate(EDGE_DATES)))
    con = duckdb.connect()
    read = f"read_csv('{export}', delim=';', header=true, auto_detect=false"
    typed = dict(
        con.execute(
            f"SELECT n, d FROM {read}, columns={{'d': 'DATE', 'n': 'INTEGER'}}, "
            f"dateformat='{fmt}', store_rejects=true)"
        ).fetchall()
    )
    texts = con.execute(
        f"SELECT n, CAST(try_strptime(trim(d), ['{fmt}']) AS DATE) "
        f"FROM {read}, columns={{'d': 'VARCHAR', 'n': 'INTEGER'}})"
    ).fetchall()
    # Each value reads the same, or the reader rejects it where try_strptime reads none.
    assert all(typed.get(n, "rejected") in (parsed, "rejected" if parsed is None else parsed)
               for n, parsed in texts)  # fmt: skip
    assert sum(parsed is not None for _, parsed in texts) > 1


@pytest.mark.parametrize("day", ["2025-02-30", "2025-01-05x", "5 jan 2025"])
def test_a_date_the_csv_reader_cannot_parse_is_reported_as_the_careful_read_does(
    day, tmp_path, monkeypatch, careful_reads, parsed_dates
):
    monkeypatch.setattr(kpi_cells, "GUESS_ROWS", 4)
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    rows[-1] = (*rows[-1][:2], day, *rows[-1][3:])
    export = write_csv(tmp_path / "bad.csv", SALES_HEADER, rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export, max_bad_rows=Decimal(100))
    assert parsed_dates  # the strict read's
    assert len(careful_reads) == 2  # it fell back, then the careful run
    assert everything(fast) == everything(careful)
    assert [(d.location.line, d.message) for d in fast.problems] == [
        (10, f"row cannot be read: date '{day}' is not a date")
    ]


def test_a_bad_row_of_a_strict_read_with_parsed_dates_is_found_on_its_line(
    tmp_path, monkeypatch, parsed_dates
):
    # The row is found in the file by its cells as written: `16.01.2025`, not a date.
    rows = [
        ("O1", "a", "15.01.2025", "10,00"),
        ("O2", "b", "16.01.2025", ""),
        ("O3", "c", "17.01.2025", "40,00"),
    ]
    export = write_csv(tmp_path / "dmy.csv", SALES_HEADER[:4], rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export, max_bad_rows=Decimal(100))
    assert parsed_dates  # the strict read's
    assert [(d.location.line, d.message) for d in fast.problems] == [
        (3, "row cannot be read: amount is empty")
    ]
    assert everything(fast) == everything(careful)


def test_a_filter_on_the_date_column_reads_the_dates_as_written(tmp_path, parsed_dates):
    rows = [
        ("O1", "a", "15.01.2025", "10,00"),
        ("O2", "b", "16.01.2025", "20,00"),
        ("O3", "c", "17.01.2025", "40,00"),
    ]
    export = write_csv(tmp_path / "dmy.csv", SALES_HEADER[:4], rows, delimiter=";")
    spec = SourceSpec(export, "dmy.csv", exclude={"date": ["16.01.2025"]})
    assert compute_kpis(sales=spec).metrics["revenue"] == Decimal("50.00")  # O2 left out
    assert parsed_dates == []


@pytest.mark.parametrize(
    ("amounts", "revenue"),
    [
        # `1.500` fits a decimal point and a thousands dot alike: no first rows settle it,
        # and a file split by `;` writes the Nordic way (SPEC 6.1).
        (["1.500", "2.250", "1.000"], Decimal("4750")),
        (["1,500", "2,250", "1,000"], Decimal("4.75")),
    ],
)
def test_first_rows_that_fit_both_decimal_marks_are_read_carefully(
    amounts, revenue, tmp_path, monkeypatch, careful_reads
):
    rows = [(f"O{i}", f"c{i}", "2025-01-0" + str(i + 1), a) for i, a in enumerate(amounts)]
    export = write_csv(tmp_path / "ambiguous.csv", SALES_HEADER[:4], rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export)
    assert len(careful_reads) == 2  # at once, then in the careful run
    assert everything(fast) == everything(careful)
    assert fast.metrics["revenue"] == revenue


def test_day_month_dates_that_never_say_which_is_first_are_read_carefully(
    tmp_path, monkeypatch, careful_reads
):
    rows = [("O1", "a", "01.02.2025", "10,00"), ("O2", "b", "03.04.2025", "20,00")]
    export = write_csv(tmp_path / "undecided.csv", SALES_HEADER[:4], rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export)
    assert len(careful_reads) == 2  # at once, then in the careful run
    assert everything(fast) == everything(careful)
    assert any("day-first or month-first" in w for w in fast.warnings)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Record the SQL of each read that creates a table from the file."""
    seen: list[str] = []
    real = kpi_reader._careful

    def recording(execute, sql, display):
        seen.append(sql)
        return real(execute, sql, display)

    monkeypatch.setattr(kpi_reader, "_careful", recording)
    return seen


def test_a_strict_read_makes_text_of_the_columns_in_use_only(tmp_path, reads, careful_reads):
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    export = write_csv(tmp_path / "plain.csv", SALES_HEADER, rows, delimiter=";")
    compute_kpis(sales=export, cache=False)
    # event (c4) and channel (c5) are declared to the CSV reader, and never read.
    [read] = reads
    assert "CAST(c3 AS VARCHAR)" in read
    assert "CAST(c4 " not in read and "CAST(c5 " not in read
    reads.clear()
    compute_kpis(sales=export, by="channel", cache=False)
    assert "CAST(c5 AS VARCHAR)" in reads[0] and "CAST(c4 " not in reads[0]
    assert careful_reads == []


def test_a_row_empty_in_the_columns_in_use_is_blank_only_when_every_cell_is(
    tmp_path, monkeypatch, reads, careful_reads
):
    rows = [(o, c, d, a.replace(".", ","), e, ch) for o, c, d, a, e, ch in SALES_ROWS]
    # Line 11 is blank, as Excel writes an empty row; line 12 has only an event.
    rows += [("", "", "", "", "", ""), ("", "", "", "", "Vårkonsert", "")]
    export = write_csv(tmp_path / "rows.csv", SALES_HEADER, rows, delimiter=";")
    fast, careful = both_ways(monkeypatch, export, max_bad_rows=Decimal(100), cache=False)
    assert everything(fast) == everything(careful)
    assert fast.metrics["revenue"] == Decimal("1620.00")
    assert [(d.location.line, d.message) for d in fast.problems] == [
        (12, "row cannot be read: order_id is empty")
    ]
    # The strict read looked at the cells in use, then every cell told the rows apart;
    # neither decided the formats again.
    assert ["CAST(c4 " in sql for sql in reads[:2]] == [False, True]
    assert len(careful_reads) == 1  # the careful run's
