"""The core stays light: no typer or rich, and duckdb and jinja2 only when measuring."""

from __future__ import annotations

from support import packages_loaded_after


def test_the_kpi_core_imports_neither_typer_nor_rich():
    modules = packages_loaded_after("import kundresa.kpi, kundresa.kpi.formats, kundresa.figures")
    assert "typer" not in modules
    assert "rich" not in modules


def test_importing_kundresa_does_not_load_duckdb_or_jinja():
    modules = packages_loaded_after("import kundresa; kundresa.compute_kpis")
    assert "duckdb" not in modules
    assert "jinja2" not in modules
