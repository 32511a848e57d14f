"""Every project init writes, and every bundled example, renders in both formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.render import render_pages
from kundresa.scaffold import LANGUAGES, TEMPLATES

from support import REPO

EXAMPLES = sorted(p.parent for p in (REPO / "examples").glob("*/kundresa.yaml"))


def check(root: Path) -> None:
    project = load_project(project=root)
    assert not project.problems, project.problems[0]
    for fmt in ("html", "md"):
        pages = render_pages(project, fmt=fmt)
        assert f"index.{fmt}" in pages
        journeys = [name for name in pages if name.startswith("journeys/")]
        assert len(journeys) == len(project.journeys) >= 1
        for name in journeys:
            text = pages[name].decode("utf-8")
            assert "```mermaid" in text if fmt == "md" else '<path class="curve s0"' in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_init_projects_render(
    make_project: Callable[..., Path], template: str, language: str
) -> None:
    check(make_project(language, template))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_render(example: Path) -> None:
    check(example)
