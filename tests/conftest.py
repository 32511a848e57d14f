"""Fixtures shared by every test: running the CLI for real, and fresh projects."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
REPO = SRC.parent


def run_kundresa(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m kundresa` in a fresh interpreter on this source tree."""
    environment = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1", **(env or {})}
    environment.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "kundresa", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


@pytest.fixture
def kundresa() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Return a function that runs the kundresa command and returns its result."""
    return run_kundresa


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes an init project (language, template) under tmp_path."""
    from kundresa.scaffold import init_project

    def make(language: str = "sv", template: str = "event", name: str = "demo") -> Path:
        target = tmp_path / name
        init_project(target, language, template)
        return target

    return make
