"""Every project init writes, and every example, lints without a single finding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kundresa.lint import lint_project
from kundresa.project import load_project

from support import REPO

INIT = REPO / "src" / "kundresa" / "scaffolds"
TEMPLATES = sorted(
    (template.name, language.name)
    for template in INIT.iterdir()
    if template.is_dir()
    for language in template.iterdir()
    if language.is_dir()
)
EXAMPLES = sorted(config.parent for config in (REPO / "examples").glob("*/kundresa.yaml"))


def _findings(root: Path) -> list[str]:
    return [str(finding) for finding in lint_project(load_project(project=root))]


@pytest.mark.parametrize(
    ("template", "language"), TEMPLATES, ids=[f"{t}-{lang}" for t, lang in TEMPLATES]
)
def test_init_project_lints_clean(
    make_project: Callable[..., Path], template: str, language: str
) -> None:
    assert _findings(make_project(language, template)) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_example_lints_clean(example: Path) -> None:
    assert _findings(example) == []


def test_every_language_of_init_is_covered() -> None:
    assert {language for _, language in TEMPLATES} == {"sv", "da", "nb", "en"}
    assert EXAMPLES, "no examples/*/kundresa.yaml found"
