"""The same sales written the ways real exports write them gives identical metrics."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from kpi.exports import SALES_ROWS, write_csv

NBSP, MINUS = "\u00a0", "\u2212"


def _date(iso: str, style: str) -> str:
    year, month, day = iso.split("-")
    return {
        "iso": iso,
        "compact": f"{year}{month}{day}",
        "dotted": f"{day}.{month}.{year}",
        "slashed": f"{day}/{month}/{year}",
        "iso-time": f"{iso} 18:30",
        "dotted-time": f"{day}.{month}.{year} 09:05:00",
    }[style]


def _amount(text: str, decimal: str, thousands: str = "", minus: str = "-") -> str:
    whole, _, cents = text.lstrip("-").partition(".")
    if thousands and len(whole) > 3:
        whole = whole[:-3] + thousands + whole[-3:]
    sign = minus if text.startswith("-") else ""
    return f"{sign}{whole}{decimal}{cents}"


def _rows(date: str, decimal: str, thousands: str = "", minus: str = "-") -> list[tuple[str, ...]]:
    return [
        (o, c, _date(d, date), _amount(a, decimal, thousands, minus), e, ch)
        for o, c, d, a, e, ch in SALES_ROWS
    ]


SWEDISH = ("Ordernummer", "Kund-ID", "Orderdatum", "Belopp", "Evenemang", "Kanal")
DANISH = ("Ordrenummer", "Kunde-ID", "Dato", "Beløb", "Arrangement", "Kanal")
NORWEGIAN = ("Ordrenr", "Kundenummer", "Kjøpsdato", "Beløp", "Forestilling", "Kanal")
ENGLISH = ("Order ID", "Customer ID", "Order date", "Amount", "Event", "Channel")

DIALECTS: dict[str, Callable[[Path], Path]] = {
    "comma, UTF-8, ISO dates": lambda d: write_csv(d / "a.csv", ENGLISH, _rows("iso", ".")),
    "semicolon, decimal comma, Windows-1252, 01.03.2025": lambda d: write_csv(
        d / "b.csv", SWEDISH, _rows("dotted", ","), delimiter=";", encoding="cp1252",
        newline="\r\n",
    ),
    "UTF-8 with BOM, 20250301": lambda d: write_csv(
        d / "c.csv", DANISH, _rows("compact", ","), delimiter=";", encoding="utf-8-sig"
    ),
    "tab-separated, 01/03/2025": lambda d: write_csv(
        d / "d.tsv", NORWEGIAN, _rows("slashed", "."), delimiter="\t"
    ),
    "no-break-space thousands, Unicode minus, times": lambda d: write_csv(
        d / "e.csv", SWEDISH, _rows("iso-time", ",", NBSP, MINUS), delimiter=";"
    ),
    "dot thousands, decimal comma, dates with seconds": lambda d: write_csv(
        d / "f.csv", DANISH, _rows("dotted-time", ",", "."), delimiter=";"
    ),
    "space thousands, quoted fields": lambda d: write_csv(
        d / "g.csv", ENGLISH, _rows("iso", ",", " "), delimiter=","
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(DIALECTS))
def test_every_dialect_gives_the_same_metrics(name, tmp_path, measure, sales_csv):
    expected = measure(sales_csv)
    result = measure(DIALECTS[name](tmp_path))
    # No date of the fixture has a day above 12: the report says they are read day-first.
    undecided = [w for w in result.warnings if "read day-first" in w]
    assert result.warnings == undecided
    assert len(undecided) == name.endswith(("01.03.2025", "01/03/2025", "seconds"))
    assert result.metrics == expected.metrics
    assert result.window == expected.window
    assert [(c.month, c.retention) for c in result.cohorts] == [
        (c.month, c.retention) for c in expected.cohorts
    ]


def test_windows_1252_text_survives(tmp_path, measure):
    path = DIALECTS["semicolon, decimal comma, Windows-1252, 01.03.2025"](tmp_path)
    assert b"\x80" in path.read_bytes()  # the euro sign, which Latin-1 does not have
    breakdown = measure(path, by="event").breakdown
    assert sorted(breakdown) == ["Café €uro", "Vårkonsert"]


def test_gzipped_export_reads_like_the_plain_one(tmp_path, measure, sales_csv):
    plain = DIALECTS["semicolon, decimal comma, Windows-1252, 01.03.2025"](tmp_path)
    packed = tmp_path / "sales.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert measure(packed).metrics == measure(sales_csv).metrics


def test_late_non_utf8_bytes_switch_to_windows_1252(tmp_path, measure):
    rows = [(f"O{i}", f"c{i}", "2025-01-01", "1.00") for i in range(40_000)]
    rows.append(("O-last", "Jörgen", "2025-01-02", "1.00"))
    path = write_csv(tmp_path / "s.csv", ("order", "customer", "date", "amount"), rows)
    path.write_bytes(path.read_bytes().replace("Jörgen".encode(), "Jörgen".encode("cp1252")))
    result = measure(path)
    assert result.warnings == []
    assert result.metrics["customers"] == 40_001


def test_settings_override_detection(tmp_path):
    from kundresa.kpi import SourceSpec, compute_kpis

    # 1.234 would be read as 1234 in a `;` file; decimal: "." in kundresa.yaml says otherwise.
    path = write_csv(
        tmp_path / "s.csv", ("customer", "date", "amount"), [("a", "2025-01-01", "1.234")],
        delimiter=";",
    )  # fmt: skip
    assert compute_kpis(sales=SourceSpec(path, "s.csv")).metrics["revenue"] == 1234
    spec = SourceSpec(path, "s.csv", decimal=".")
    assert str(compute_kpis(sales=spec).metrics["revenue"]) == "1.2340"
