"""What a fresh interpreter loads: the core never typer or rich, and start-up stays light.

Each of these checks is made here once, for the whole package.
"""

from __future__ import annotations

import pkgutil

import kundresa

from support import packages_loaded_after


def _core_modules() -> list[str]:
    every = pkgutil.walk_packages(kundresa.__path__, prefix="kundresa.")
    return sorted(
        module.name
        for module in every
        if not module.name.startswith(("kundresa.cli", "kundresa.__main__"))
    )


def test_the_core_imports_neither_typer_nor_rich():
    modules = _core_modules()
    assert {"kundresa.lint.linter", "kundresa.kpi.formats", "kundresa.figures"} <= set(modules)
    loaded = packages_loaded_after("\n".join(f"import {name}" for name in modules))
    assert not loaded & {"typer", "rich", "click"}


def test_the_version_loads_no_heavy_module():
    loaded = packages_loaded_after("import kundresa; kundresa.__version__")
    assert not loaded & {"pydantic", "duckdb", "jinja2", "ruamel", "typer"}


def test_the_command_line_answers_the_version_before_loading_typer():
    loaded = packages_loaded_after(
        "import sys; sys.argv = ['kundresa', '--version']\nfrom kundresa.cli import main; main()"
    )
    assert not loaded & {"typer", "pydantic", "ruamel"}


def test_the_public_api_loads_duckdb_and_jinja_only_when_used():
    loaded = packages_loaded_after(
        "import kundresa; kundresa.compute_kpis; kundresa.lint_project; kundresa.load_project"
    )
    assert not loaded & {"duckdb", "jinja2"}
