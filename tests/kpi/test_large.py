"""An export larger than DuckDB may hold in memory is measured right, spilling to disk."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from decimal import Decimal
from types import ModuleType

import pytest

import kundresa.kpi.compute as compute
from kundresa.kpi import compute_kpis

from support import REPO


def bench() -> ModuleType:
    """Return bench/kpi.py, whose generator and expert query the test shares."""
    spec = importlib.util.spec_from_file_location("bench_kpi", REPO / "bench" / "kpi.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ten_million_rows_in_256_mb_give_the_expert_querys_figures(tmp_path, monkeypatch):
    kpi_bench = bench()
    monkeypatch.setattr(kpi_bench, "OUT", tmp_path)
    export = kpi_bench.generate(10_000_000)
    # The expert's query runs in its own process without a limit: it is the reference.
    expert = subprocess.run(
        [sys.executable, "-c", kpi_bench.EXPERT, str(export)],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(expert.stdout)
    monkeypatch.setattr(compute, "MEMORY_LIMIT", "256MB")
    result = compute_kpis(sales=export)
    metrics = result.metrics
    assert metrics["customers"] == reference["customers"]
    assert metrics["orders"] == reference["orders"]
    assert metrics["revenue"] == Decimal(reference["revenue"])
    for name in ("repeat_rate", "avg_lifespan_days", "churn_rate"):
        assert kpi_bench.agrees(metrics[name], reference[name]), name
    assert result.warnings == []
