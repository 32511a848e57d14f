"""A folder or file that cannot be read stops lint with one line and exit 2, never a pass.

Permissions are tried for real. Root reads a folder at mode 000, so as root the command
runs in a new user namespace (`unshare --user`), where it keeps its uid but not its
power over other people's permissions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cases import BASE
from support import SRC

UNSHARE = shutil.which("unshare")


def _lint(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kundresa", "lint", "-p", str(project), *options]
    if os.geteuid() == 0:
        command = [str(UNSHARE), "--user", *command]
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    return subprocess.run(
        command, cwd=project.parent, env=env, capture_output=True, text=True, check=False
    )


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], where: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first, hint = result.stderr.splitlines()
    assert first.startswith(f"kundresa: {where}: "), first
    assert hint.startswith("  hint: ")


@pytest.fixture
def project(tmp_path: Path):
    root = Path(shutil.copytree(BASE, tmp_path / "p"))
    yield root
    for path in (root / "journeys", root / "journeys" / "trip.yaml"):
        path.chmod(0o755)  # so that pytest can remove it


needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0
    and (
        UNSHARE is None or subprocess.run([UNSHARE, "--user", "true"], check=False).returncode != 0
    ),
    reason="as root, needs unshare --user to be refused a folder at mode 000",
)


@needs_permissions
def test_a_journeys_folder_at_mode_000_is_an_error_not_a_pass(project: Path) -> None:
    (project / "journeys").chmod(0)
    result = _lint(project)
    _assert_one_clear_line(result, "p/journeys")
    assert "the folder cannot be read: Permission denied" in result.stderr
    assert "unused" not in result.stdout + result.stderr


@needs_permissions
def test_a_file_at_mode_000_is_an_error_and_json_records_it(project: Path) -> None:
    (project / "journeys" / "trip.yaml").chmod(0)
    result = _lint(project, "--format", "json")
    _assert_one_clear_line(result, "p/journeys/trip.yaml")
    error = json.loads(result.stdout)["error"]
    assert error["path"] == "p/journeys/trip.yaml"
    assert "Permission denied" in error["message"]


def test_a_folder_link_that_leads_back_is_one_line(project: Path) -> None:
    (project / "personas" / "loop").symlink_to("..")
    result = _lint(project)
    _assert_one_clear_line(result, "p/personas/loop/personas")
    assert "symbolic link loop" in result.stderr


def test_a_file_link_loop_is_one_line(project: Path) -> None:
    (project / "personas" / "a.yaml").symlink_to("b.yaml")
    (project / "personas" / "b.yaml").symlink_to("a.yaml")
    result = _lint(project, "--format", "github")
    _assert_one_clear_line(result, "p/personas/a.yaml")
    assert result.stdout.startswith("::error file=p/personas/a.yaml,title=kundresa::")


def test_a_kind_folder_that_is_a_link_loop_is_one_line(project: Path) -> None:
    shutil.rmtree(project / "personas")
    (project / "personas").symlink_to("personas")
    result = _lint(project)
    _assert_one_clear_line(result, "p/personas")
