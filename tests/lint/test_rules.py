"""Each rule fires where it should and nowhere else, at the exact line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kundresa.lint import RULES, lint_project
from kundresa.project import load_project

from lint.cases import BASE, load_cases, write_case

CASES = load_cases()


def _lint(root: Path, monkeypatch: pytest.MonkeyPatch, **options: Any) -> list[str]:
    monkeypatch.chdir(root)
    project = load_project()
    return [f"{d.location}: {d.code}" for d in lint_project(project, **options)]


@pytest.mark.parametrize(("case"), [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_case(tmp_path / "project", case.get("files") or {})
    select = case.get("select")
    found = _lint(root, monkeypatch, select=[select] if isinstance(select, str) else select)
    assert found == case["expect"]


def test_base_project_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _lint(BASE, monkeypatch) == []


def test_every_rule_has_a_case_that_fires_and_one_that_does_not() -> None:
    fires: set[str] = set()
    quiet: set[str] = set()
    for _, case in CASES:
        codes = {line.rsplit(" ", 1)[-1] for line in case["expect"]}
        fires |= codes
        select = case.get("select")
        if select and not codes:
            quiet |= {select} if isinstance(select, str) else set(select)
    every = {rule.code for rule in RULES}
    assert every - fires == set(), "rules without a case that fires"
    assert every - quiet == set(), "rules without a case that does not fire"
