"""Errors reach the user as one line with the file and a hint, exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import unwritable

REASONS = ("permission denied", "operation not permitted")  # chmod, or chattr +i as root


def _one_error(result, folder: Path) -> None:
    """Check for the one line naming a file in `folder`, and the hint naming the folder."""
    assert result.returncode == 2, result.stderr
    first, second = result.stderr.splitlines()
    assert first.startswith(f"kundresa: cannot write {folder}/")
    assert first.rsplit(": ", 1)[1] in REASONS
    assert second == f"  hint: check that you may write to {folder}, or write elsewhere"


def test_render_into_an_unwritable_site_folder(kundresa, make_project):
    project = make_project("sv")
    with unwritable(project / "site") as site:
        result = kundresa("render", "--project", project)
    _one_error(result, site)


def test_init_into_a_folder_it_cannot_write(kundresa, tmp_path: Path):
    with unwritable(tmp_path / "locked") as locked:
        result = kundresa("init", locked)
        assert list(locked.iterdir()) == []
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[1] == (
        f"  hint: check that you may write to {locked}, or write elsewhere"
    )


def test_schema_out_into_a_folder_it_cannot_write(kundresa, tmp_path: Path):
    with unwritable(tmp_path / "schemas") as out:
        result = kundresa("schema", "--out", out)
    _one_error(result, out)


@pytest.mark.parametrize("command", ["init", "render"])
def test_a_file_where_a_folder_should_be(kundresa, make_project, tmp_path: Path, command):
    project = make_project("en")
    (project / "site").write_text("in the way")
    (tmp_path / "taken").write_text("in the way")
    args = ("render", "-p", project) if command == "render" else ("init", tmp_path / "taken")
    result = kundresa(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "is a file, not a folder: move it, or write elsewhere" in result.stderr
