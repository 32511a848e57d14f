"""The command line: version, help, python -m, errors without tracebacks, a light core."""

from __future__ import annotations

from pathlib import Path

import pytest

from kundresa import __version__


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
    result = kundresa("render", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("kundresa: no kundresa.yaml in ")
    assert lines[1].startswith("  hint: ")


@pytest.mark.parametrize("command", ["init", "schema", "lint", "render", "kpi", "diff"])
def test_every_command_has_help(kundresa, command):
    result = kundresa(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Usage: kundresa {command} ")
