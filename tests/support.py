"""Helpers shared by the tests of every folder, importable as `support`.

Kept out of conftest.py: several test folders have a conftest of their own, and
`from conftest import ...` would pick whichever was imported last.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
REPO = SRC.parent


def run_kundresa(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m kundresa` in a fresh interpreter on this source tree, without colour.

    Colour that the test's own environment would force is left out; `env` may ask for it.
    """
    inherited = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "CLICOLOR_FORCE"}}
    environment = {**inherited, "PYTHONPATH": str(SRC), "NO_COLOR": "1", **(env or {})}
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


def install_wheel(folder: Path) -> Path:
    """Build this checkout's wheel and install it (without dependencies) into `folder`."""
    wheels = folder / "wheels"
    pip = [sys.executable, "-m", "pip", "-q"]
    build = ["wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)]
    subprocess.run([*pip, *build], check=True, capture_output=True)
    (wheel,) = wheels.glob("kundresa-*.whl")
    site = folder / "site-packages"
    install = ["install", "--no-deps", "--target", str(site), str(wheel)]
    subprocess.run([*pip, *install], check=True, capture_output=True)
    return wheel


def run_installed(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python with only the wheel installed by `install_wheel(folder)` importable."""
    env = {"PYTHONPATH": str(folder / "site-packages"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def packages_loaded_after(code: str) -> set[str]:
    """Return the top-level packages a fresh interpreter has loaded after running `code`."""
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    return {name.split(".")[0] for name in result.stdout.split()}
