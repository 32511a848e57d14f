"""Fixtures shared by every test: running the CLI for real, and fresh projects."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from support import install_wheel, run_kundresa


@pytest.fixture(autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point kpi's cache at a fresh folder: no test reads or writes the user's real cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KUNDRESA_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def kundresa() -> Callable[..., CompletedProcess[str]]:
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


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder holding this checkout's wheel, built once and installed in it."""
    folder = tmp_path_factory.mktemp("installed")
    install_wheel(folder)
    return folder
