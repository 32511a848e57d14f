"""Writing files safely: atomically, and never over the user's files without consent."""

from __future__ import annotations

import os
import stat
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from kundresa.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so a reader never sees half a file.

    A new file gets the mode the user's umask gives (as `open` would, not the 0600 of a
    temporary file), so a published map is readable by others; a file written again
    keeps its mode.

    Raises:
        OutputError: the folder cannot be made or written to.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _output_error(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), _mode_for(path))
        Path(tmp).replace(path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _output_error(path, error) from None
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        # The umask can only be read by setting it; set it straight back.
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _output_error(path: Path, error: OSError) -> OutputError:
    reason = (error.strerror or type(error).__name__).lower()
    # The nearest folder that is there says what is wrong: a file in the way, or no right.
    there = next(p for p in (path.parent, *path.parent.parents) if p.exists() or p == p.parent)
    if there.is_dir():
        hint = f"check that you may write to {there}, or write elsewhere"
    else:
        hint = f"{there} is a file, not a folder: move it, or write elsewhere"
    return OutputError(f"cannot write {path}: {reason}", hint=hint)


def templates() -> Traversable:
    """Return the folder of built-in templates (html, md, kpi) shipped inside the package."""
    return files("kundresa") / "templates"


def scaffolds() -> Traversable:
    """Return the folder of init's projects, `<template>/<lang>/`, shipped inside the package."""
    return files("kundresa") / "scaffolds"
