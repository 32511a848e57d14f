"""The wheel carries the templates, and the installed package works without the source."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("kundresa-*.whl")
    return built


def test_the_wheel_contains_every_template_and_the_type_marker(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"kundresa/templates/{path.relative_to(REPO / 'templates').as_posix()}"
        for path in (REPO / "templates").rglob("*")
        if path.is_file()
    }
    assert expected
    assert expected <= names
    assert "kundresa/py.typed" in names


def test_the_installed_package_inits_a_project_without_the_source_tree(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], cwd=work, env=env, capture_output=True, text=True, check=False
        )

    where = run("-c", "import kundresa; print(kundresa.__file__)")
    assert where.stdout.startswith(str(site)), where
    result = run("-m", "kundresa", "init", "demo", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert (work / "demo" / "kundresa.yaml").is_file()
    assert (work / "demo" / "schemas" / "journey.schema.json").is_file()
