"""Helpers for the kpi tests: write exports in any dialect, and measure them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kundresa.kpi import KpiResult, compute_kpis

from kpi.exports import SALES_HEADER, SALES_ROWS, write_csv


@pytest.fixture
def measure() -> Callable[..., KpiResult]:
    """Return compute_kpis for a sales file (and options), without a project."""

    def run(sales: Path | None = None, **options: Any) -> KpiResult:
        return compute_kpis(sales=sales, **options)

    return run


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    """Return the hand-computed fixture as a plain comma-separated UTF-8 file."""
    return write_csv(tmp_path / "sales.csv", SALES_HEADER, SALES_ROWS)
