"""The core stays light: no typer or rich, and duckdb and jinja2 only when measuring."""

from __future__ import annotations

import subprocess
import sys

from support import SRC


def loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    return set(done.stdout.split())


def test_the_kpi_core_imports_neither_typer_nor_rich():
    modules = loaded_after("import kundresa.kpi, kundresa.kpi.html, kundresa.kpi.formats")
    assert "typer" not in modules
    assert "rich" not in modules


def test_importing_kundresa_does_not_load_duckdb_or_jinja():
    modules = loaded_after("import kundresa; kundresa.compute_kpis")
    assert "duckdb" not in modules
    assert "jinja2" not in modules
