"""The command line: version, help, python -m, errors without tracebacks, a light core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kundresa import __version__

from support import SRC


def test_version(kundresa):
    result = kundresa("--version")
    assert result.returncode == 0
    assert result.stdout == f"kundresa {__version__}\n"


def test_help_lists_the_commands(kundresa):
    result = kundresa("--help")
    assert result.returncode == 0
    for command in ("init", "schema"):
        assert command in result.stdout


def test_an_unknown_option_is_a_usage_error(kundresa):
    result = kundresa("init", "--bogus")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_outside_a_project_the_error_is_one_line_with_a_hint(kundresa, tmp_path: Path):
    (tmp_path / "x").mkdir()
    result = kundresa("schema", "--out", tmp_path / "x", "--kind", "nope")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "kundresa: no schema 'nope'",
        "  hint: use project, journey, persona or touchpoints",
    ]


def imported_after(code: str) -> set[str]:
    probe = f"import sys; {code}; print(','.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.strip().split(","))


def test_the_core_imports_neither_typer_nor_rich():
    modules = imported_after(
        "import kundresa, kundresa.project, kundresa.scaffold, kundresa.schema"
    )
    assert not {m for m in modules if m.split(".")[0] in {"typer", "rich", "click"}}


def test_the_version_loads_no_heavy_module():
    modules = imported_after("import kundresa; kundresa.__version__")
    assert not {m for m in modules if m.split(".")[0] in {"pydantic", "duckdb", "jinja2", "ruamel"}}
