"""Writing files safely: atomically, and never over the user's files without consent."""

from __future__ import annotations

import os
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def templates() -> Traversable:
    """Return the folder of built-in templates (html, md, kpi) shipped inside the package."""
    return files("kundresa") / "templates"


def scaffolds() -> Traversable:
    """Return the folder of init's projects, `<template>/<lang>/`, shipped inside the package."""
    return files("kundresa") / "scaffolds"
