"""The cache of parsed sales: the same figures as a fresh read, and never a stale entry.

Each test reads the export once with the cache (which stores it), then again: the second
read must come from the cache exactly when nothing the figures depend on has changed, and
its figures must be those of a read without the cache.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

import kundresa.kpi.cache as kpi_cache
import kundresa.kpi.compute as kpi_compute
import kundresa.kpi.facts as kpi_facts
from kundresa.errors import InputError
from kundresa.kpi import KpiResult, compute_kpis

from kpi.exports import SALES_HEADER, SALES_ROWS, write_csv
from kpi.test_dialects import DIALECTS
from kpi.test_real_data import cdnow_nordic

BREAKDOWNS = [None, "event", "channel", "month", "quarter", "cohort"]


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """Record every time an export is read from its file rather than from the cache."""
    seen: list[Path] = []
    real = kpi_cache.load

    def counting(con, kind, spec, *args, **kwargs):
        seen.append(spec.path)
        return real(con, kind, spec, *args, **kwargs)

    monkeypatch.setattr(kpi_cache, "load", counting)
    return seen


def everything(result: KpiResult) -> tuple[object, ...]:
    """Return every figure and message of a result, to compare two runs in full."""
    return (
        result.metrics,
        result.breakdown,
        result.cohorts,
        result.months,
        result.window,
        result.warnings,
        [(d.location, d.message) for d in result.problems],
    )


def test_a_second_run_reads_the_cache_and_gives_the_same_figures(sales_csv, reads):
    fresh = compute_kpis(sales=sales_csv)
    first = compute_kpis(sales=sales_csv, cache=True)
    second = compute_kpis(sales=sales_csv, cache=True)
    assert reads == [sales_csv, sales_csv]  # the fresh read and the first cached one
    assert everything(second) == everything(first) == everything(fresh)


def test_the_overall_figures_come_from_the_cache_digit_for_digit(sales_csv, monkeypatch):
    fresh = compute_kpis(sales=sales_csv)
    compute_kpis(sales=sales_csv, cache=True)
    measured: list[object] = []
    real = kpi_compute.segment_metrics
    monkeypatch.setattr(
        kpi_compute, "segment_metrics", lambda *a, **k: measured.append(a) or real(*a, **k)
    )
    cached = compute_kpis(sales=sales_csv, cache=True)
    assert measured == []  # kept with the order rows, not measured again
    # repr tells 1620.00 from 1620.0 and an int from a Decimal, which == does not.
    assert repr(cached.metrics) == repr(fresh.metrics)
    assert repr((cached.months, cached.window)) == repr((fresh.months, fresh.window))


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_every_breakdown_and_window_from_the_cache_matches_a_fresh_read(sales_csv, by):
    compute_kpis(sales=sales_csv, by=by, cache=True)
    for start, end in [(None, None), ("2025-03-02", None), ("2025-03-01", "2025-03-03")]:
        window = {
            "start": start and dt.date.fromisoformat(start),
            "end": end and dt.date.fromisoformat(end),
        }
        cached = compute_kpis(sales=sales_csv, by=by, cache=True, **window)
        fresh = compute_kpis(sales=sales_csv, by=by, **window)
        assert everything(cached) == everything(fresh)


@pytest.mark.parametrize("name", list(DIALECTS))
def test_every_dialect_gives_the_same_figures_from_the_cache(name, tmp_path, reads):
    export = DIALECTS[name](tmp_path)
    fresh = compute_kpis(sales=export, by="channel")
    compute_kpis(sales=export, by="channel", cache=True)
    cached = compute_kpis(sales=export, by="channel", cache=True)
    assert len(reads) == 2
    assert everything(cached) == everything(fresh)


def test_real_purchases_give_the_same_figures_from_the_cache(tmp_path, reads):
    export = cdnow_nordic(tmp_path / "cdnow.csv")
    fresh = compute_kpis(sales=export, by="cohort")
    compute_kpis(sales=export, by="cohort", cache=True)
    cached = compute_kpis(sales=export, by="cohort", cache=True)
    assert len(reads) == 2
    assert everything(cached) == everything(fresh)
    assert cached.metrics["customers"] == 23_570


def test_unreadable_rows_are_reported_the_same_from_the_cache(tmp_path, reads):
    rows = [*SALES_ROWS, ("9001", "c9", "not a day", "10.00", "Konsert", "web")]
    export = write_csv(tmp_path / "bad.csv", SALES_HEADER, rows)
    options = {"max_bad_rows": Decimal(100)}
    fresh = compute_kpis(sales=export, **options)
    compute_kpis(sales=export, cache=True, **options)
    cached = compute_kpis(sales=export, cache=True, **options)
    assert len(reads) == 2
    assert any("is not a date" in w for w in cached.warnings)
    assert everything(cached) == everything(fresh)


def stored_types(entry: Path) -> dict[str, str]:
    """Return the DuckDB type of each column of a cache entry."""
    import duckdb

    found = duckdb.connect().read_parquet(str(entry))
    return {name: str(kind) for name, kind in zip(found.columns, found.types, strict=True)}


def test_the_cache_keeps_each_customer_as_a_number_in_place_of_the_id(sales_csv, cache_folder):
    compute_kpis(sales=sales_csv, cache=True)
    (entry,) = cache_folder.glob("*.parquet")
    assert stored_types(entry)["customer_id"] == "UBIGINT"
    assert stored_types(entry)["order_key"] == "VARCHAR"


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_customers_whose_keys_collide_are_kept_by_their_ids(
    sales_csv, cache_folder, by, monkeypatch
):
    for module in (kpi_facts, kpi_cache):
        monkeypatch.setattr(module, "CUSTOMER_KEY", "hash(customer_id) % 1")  # one for all
    fresh = compute_kpis(sales=sales_csv, by=by)
    compute_kpis(sales=sales_csv, by=by, cache=True)
    (entry,) = cache_folder.glob("*.parquet")
    assert stored_types(entry)["customer_id"] == "VARCHAR"
    assert everything(compute_kpis(sales=sales_csv, by=by, cache=True)) == everything(fresh)
    # Kept without the proof that they are distinct, the keys would make one customer of all.
    monkeypatch.setattr(kpi_facts, "_distinct_keys", lambda *args: True)
    kpi_cache.clear()
    compute_kpis(sales=sales_csv, by=by, cache=True)
    unproved = compute_kpis(sales=sales_csv, by=by, cache=True, start=dt.date(2025, 1, 1))
    assert unproved.metrics["customers"] == 1 != fresh.metrics["customers"]


def test_a_changed_byte_is_read_again_even_with_the_same_size_and_time(sales_csv, reads):
    before = compute_kpis(sales=sales_csv, cache=True)
    stat = sales_csv.stat()
    text = sales_csv.read_text(encoding="utf-8")
    assert "120.00" in text
    sales_csv.write_text(text.replace("120.00", "920.00", 1), encoding="utf-8")
    os.utime(sales_csv, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sales_csv.stat().st_size == stat.st_size
    after = compute_kpis(sales=sales_csv, cache=True)
    assert reads == [sales_csv, sales_csv]
    assert after.metrics["revenue"] == before.metrics["revenue"] + 800
    assert everything(after) == everything(compute_kpis(sales=sales_csv))


def test_a_changed_mapping_is_read_again(tmp_path, reads):
    header = (*SALES_HEADER, "net")
    rows = [(*row, "1.00") for row in SALES_ROWS]
    export = write_csv(tmp_path / "two-amounts.csv", header, rows)
    gross = compute_kpis(sales=export, cache=True)
    net = compute_kpis(sales=export, columns={"amount": "net"}, cache=True)
    assert len(reads) == 2
    assert net.metrics["revenue"] == len(rows)
    assert gross.metrics["revenue"] != net.metrics["revenue"]
    assert everything(net) == everything(compute_kpis(sales=export, columns={"amount": "net"}))


def test_another_kundresa_version_reads_the_file_again(sales_csv, reads, monkeypatch):
    compute_kpis(sales=sales_csv, cache=True)
    monkeypatch.setattr(kpi_cache, "__version__", "99.0.0")
    upgraded = compute_kpis(sales=sales_csv, cache=True)
    assert len(reads) == 2
    assert everything(upgraded) == everything(compute_kpis(sales=sales_csv))


def test_without_the_cache_nothing_is_kept_or_read(sales_csv, reads, cache_folder):
    compute_kpis(sales=sales_csv)
    compute_kpis(sales=sales_csv)
    assert len(reads) == 2
    assert not list(cache_folder.iterdir())


def test_a_damaged_entry_is_made_again(sales_csv, reads, cache_folder):
    compute_kpis(sales=sales_csv, cache=True)
    (entry,) = cache_folder.glob("*.parquet")
    entry.write_bytes(b"not a database")
    again = compute_kpis(sales=sales_csv, cache=True)
    assert len(reads) == 2
    assert everything(again) == everything(compute_kpis(sales=sales_csv))
    compute_kpis(sales=sales_csv, cache=True)
    assert len(reads) == 3  # the one without the cache; the entry was written anew


def test_a_cache_folder_that_cannot_be_written_is_a_warning(sales_csv, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("KUNDRESA_CACHE_DIR", str(blocked))
    result = compute_kpis(sales=sales_csv, cache=True)
    fresh = compute_kpis(sales=sales_csv)
    assert result.metrics == fresh.metrics
    (added,) = [w for w in result.warnings if w not in fresh.warnings]
    assert added.startswith(f"cannot keep {sales_csv}") and f"({blocked})" in added


def test_the_command_line_caches_unless_told_not_to_and_clears(kundresa, sales_csv, cache_folder):
    fresh = kundresa("kpi", str(sales_csv), "--format", "json", "--no-cache")
    assert fresh.returncode == 0, fresh.stderr
    assert not list(cache_folder.iterdir())
    first = kundresa("kpi", str(sales_csv), "--format", "json")
    second = kundresa("kpi", str(sales_csv), "--format", "json")
    assert first.stdout == second.stdout == fresh.stdout
    assert len(list(cache_folder.glob("*.parquet"))) == 1
    cleared = kundresa("cache", "clear")
    assert cleared.returncode == 0
    assert cleared.stdout == ""
    assert cleared.stderr == f"Removed 1 cached export from {cache_folder}.\n"
    assert not list(cache_folder.glob("*.parquet"))


def test_a_missing_export_with_the_cache_on_is_one_line_not_a_traceback(kundresa, tmp_path):
    missing = tmp_path / "gone.csv"
    done = kundresa("kpi", str(missing))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == f"kundresa: {missing}: no such file"


def test_clearing_removes_the_database_entries_of_kundresa_0_1_too(sales_csv, cache_folder):
    compute_kpis(sales=sales_csv, cache=True)
    (cache_folder / "0123abcd.duckdb").write_bytes(b"an entry of kundresa 0.1.0")
    (cache_folder / "notes.txt").write_text("not kundresa's", encoding="utf-8")
    assert kpi_cache.clear() == 2
    assert [p.name for p in cache_folder.iterdir()] == ["notes.txt"]


def test_an_entry_replaced_while_a_run_reads_it_is_an_error_not_mixed_figures(
    sales_csv, cache_folder, monkeypatch
):
    # Run A reads the entry of the export as it was. Meanwhile the export changes, and run
    # B writes its entry in the same place: A would report B's order rows under its own
    # cohorts and overall figures.
    compute_kpis(sales=sales_csv, cache=True)
    (entry,) = cache_folder.glob("*.parquet")
    kept, stat, text = entry.read_bytes(), sales_csv.stat(), sales_csv.read_text("utf-8")
    sales_csv.write_text(text.replace("120.00", "920.00", 1), encoding="utf-8")
    compute_kpis(sales=sales_csv, cache=True)
    written_by_b = entry.read_bytes()
    sales_csv.write_text(text, encoding="utf-8")
    os.utime(sales_csv, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    entry.write_bytes(kept)
    real = kpi_compute._measure_sales

    def b_writes_meanwhile(*args, **kwargs):
        part = cache_folder / ".part-b.parquet"
        part.write_bytes(written_by_b)
        part.replace(entry)
        return real(*args, **kwargs)

    monkeypatch.setattr(kpi_compute, "_measure_sales", b_writes_meanwhile)
    with pytest.raises(InputError, match="replaced or removed by another kundresa run") as raised:
        compute_kpis(sales=sales_csv, cache=True, by="month")
    assert raised.value.hint == "run the command again"
    monkeypatch.setattr(kpi_compute, "_measure_sales", real)
    assert everything(compute_kpis(sales=sales_csv, cache=True, by="month")) == everything(
        compute_kpis(sales=sales_csv, by="month")
    )


def test_an_entry_removed_while_a_run_reads_it_is_an_error_not_a_traceback(
    sales_csv, cache_folder, monkeypatch
):
    compute_kpis(sales=sales_csv, cache=True)
    real = kpi_compute._measure_sales

    def cleared_meanwhile(*args, **kwargs):
        kpi_cache.clear()  # `kundresa cache clear` in another terminal
        return real(*args, **kwargs)

    monkeypatch.setattr(kpi_compute, "_measure_sales", cleared_meanwhile)
    with pytest.raises(InputError, match="replaced or removed by another kundresa run"):
        compute_kpis(sales=sales_csv, cache=True, by="month")


@pytest.mark.parametrize("size", [0, 5, (1 << 23) + 3], ids=["empty", "small", "two blocks"])
def test_the_fingerprint_is_xxh3_of_every_byte(size, tmp_path):
    import xxhash

    export = tmp_path / "export.csv"
    export.write_bytes(bytes(i % 251 for i in range(size)))
    assert kpi_cache._file_hash(export) == xxhash.xxh3_128_hexdigest(export.read_bytes())
