"""Rule cases as data: one YAML file per rule family under cases/, run against data/base.

Each case writes its files over a copy of the base project (a file set to null is
removed), lints it with the case's `select` (all rules when absent), and compares the
findings as `path:line:col: CODE` lines with `expect`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).parent
BASE = HERE / "data" / "base"


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """Return every case of every family as (id, case)."""
    yaml = YAML(typ="safe")
    found = []
    for file in sorted((HERE / "cases").glob("*.yaml")):
        for case in yaml.load(file.read_text(encoding="utf-8"))["cases"]:
            found.append((f"{file.stem}:{case['name']}", case))
    return found


def write_case(target: Path, files: dict[str, str | None]) -> Path:
    """Copy the base project to `target` and write the case's files over it."""
    shutil.copytree(BASE, target)
    for relative, text in files.items():
        path = target / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target
