"""The installed wheel renders a project without the source tree (templates come from it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from render_support import REPO

pytestmark = pytest.mark.slow


def test_the_installed_package_renders_without_the_source_tree(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
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
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("kundresa-*.whl")
    site = tmp_path / "site-packages"
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
            [sys.executable, "-m", "kundresa", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    assert run("init", "demo", "--lang", "da").returncode == 0
    for fmt in ("html", "md"):
        result = run("render", "--project", "demo", "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert (work / "demo" / "site" / f"index.{fmt}").is_file()
    page = next((work / "demo" / "site" / "journeys").glob("*.html")).read_text()
    assert "Kunderejsekort" in page and '<path class="curve s0"' in page
