"""Helpers shared by the tests of every folder, importable as `support`.

Kept out of conftest.py: several test folders have a conftest of their own, and
`from conftest import ...` would pick whichever was imported last.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
REPO = SRC.parent


def run_kundresa(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    umask: int = -1,
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
        umask=umask,
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


@contextmanager
def unwritable(folder: Path) -> Iterator[Path]:
    """Make `folder` one that kundresa cannot write into, for as long as the block runs.

    Root ignores permission bits, so as root the folder is made immutable instead.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        made = chattr and subprocess.run([chattr, "+i", folder], check=False).returncode == 0
        if not made:
            pytest.skip("running as root without chattr +i, nothing is unwritable")
        try:
            yield folder
        finally:
            subprocess.run([chattr, "-i", folder], check=True)
        return
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def require(found: str | Path | None, what: str) -> str:
    """Return the tool's path; skip without it, or fail when running in CI."""
    if found and Path(found).exists():
        return str(found)
    message = f"{what} is not installed (.ci/run installs it)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message)
    pytest.skip(message)
