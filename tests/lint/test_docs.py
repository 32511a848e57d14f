"""The README documents every lint rule and every command (docs in sync, sqlite-utils style)."""

from __future__ import annotations

import re

from typer.main import get_command

from kundresa.cli.app import app
from kundresa.lint import RULES

from support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_rule() -> None:
    rows = re.findall(r"^\| (KR\d{3}) \| `([a-z-]+)` \| (\w+) \| (.+) \|$", README, re.MULTILINE)
    assert rows == [(r.code, r.name, r.severity.value, r.summary) for r in RULES]


def test_readme_documents_every_command() -> None:
    commands = get_command(app).commands
    assert "lint" in commands
    missing = [name for name in commands if f"kundresa {name}" not in README]
    assert missing == []


def test_readme_names_the_pre_commit_hook() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hook_id = re.search(r"^- id: (\S+)$", hooks, re.MULTILINE)
    assert hook_id is not None
    assert f"id: {hook_id.group(1)}" in README
