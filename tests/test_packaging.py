"""The wheel carries the templates, and the installed package works without the source."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from support import REPO, run_installed

pytestmark = pytest.mark.slow


def test_the_wheel_contains_every_template_scaffold_and_the_type_marker(installed: Path):
    (wheel,) = (installed / "wheels").glob("kundresa-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "src"
    expected = {
        path.relative_to(package).as_posix()
        for folder in ("templates", "scaffolds")
        for path in (package / "kundresa" / folder).rglob("*")
        if path.is_file()
    }
    assert any(name.startswith("kundresa/scaffolds/event/sv/") for name in expected)
    assert any(name.startswith("kundresa/templates/html/") for name in expected)
    assert expected <= names
    assert "kundresa/py.typed" in names


def test_the_installed_package_inits_a_project_without_the_source_tree(
    installed: Path, tmp_path: Path
):
    where = run_installed(
        installed, "-c", "import kundresa; print(kundresa.__file__)", cwd=tmp_path
    )
    assert where.stdout.startswith(str(installed / "site-packages")), where
    result = run_installed(
        installed, "-m", "kundresa", "init", "demo", "--lang", "en", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo" / "kundresa.yaml").is_file()
    assert (tmp_path / "demo" / "schemas" / "journey.schema.json").is_file()
