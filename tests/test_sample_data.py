"""The committed sample exports are exactly what scripts/make_sample_data.py writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, SRC

pytestmark = pytest.mark.slow


def _committed_exports() -> set[str]:
    scaffolds = REPO / "src" / "kundresa" / "scaffolds"
    found = set(scaffolds.glob("*/*/data/*.csv"))
    found |= set((REPO / "examples" / "teater-aarhus" / "data").glob("*.csv"))
    return {p.relative_to(REPO).as_posix() for p in found}


def test_regenerating_into_a_folder_gives_the_committed_bytes(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "scripts/make_sample_data.py", "--out", str(tmp_path)],
        cwd=REPO,
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == set(result.stdout.split())
    assert written == _committed_exports()
    # Three files for each of four languages of three scaffolds, and for one example.
    assert len(written) == 3 * 4 * 3 + 3
    differing = [
        name
        for name in sorted(written)
        if (tmp_path / name).read_bytes() != (REPO / name).read_bytes()
    ]
    assert differing == []


def test_the_generator_refuses_to_run_outside_the_repository_root(tmp_path: Path):
    script = REPO / "scripts" / "make_sample_data.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "make_sample_data: no scripts/sample_data here; run it from the repository's root\n"
    )
    assert list(tmp_path.iterdir()) == []
