"""The installed wheel renders a project without the source tree (templates come from it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import run_installed

pytestmark = pytest.mark.slow


def test_the_installed_package_renders_without_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    def run(*args: str):
        return run_installed(installed, "-m", "kundresa", *args, cwd=tmp_path)

    assert run("init", "demo", "--lang", "da").returncode == 0
    for fmt in ("html", "md"):
        result = run("render", "--project", "demo", "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "demo" / "site" / f"index.{fmt}").is_file()
    page = next((tmp_path / "demo" / "site" / "journeys").glob("*.html")).read_text()
    assert "Kunderejsekort" in page
    assert '<path class="curve s0"' in page
