"""Markdown output: golden file, escaping, and a Mermaid block the real Mermaid accepts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.render import render_pages
from kundresa.render.text import markdown_text, mermaid_text

from render.render_support import GOLDEN


def journey_md(root: Path, **options: object) -> str:
    pages = render_pages(load_project(project=root), fmt="md", **options)  # type: ignore[arg-type]
    return next(data for name, data in pages.items() if name.startswith("journeys/")).decode()


def mermaid_block(markdown: str) -> str:
    found = re.search(r"```mermaid\n(.*?)```", markdown, re.S)
    assert found, markdown
    return found.group(1)


def test_markdown_matches_the_golden_file(sommar: Path, update_goldens: bool) -> None:
    markdown = journey_md(sommar, kpi_results=sommar / "results.json")
    golden = GOLDEN / "sommarkonsert.md"
    if update_goldens:
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8"), (
        "the Markdown changed; if on purpose, run KUNDRESA_UPDATE_GOLDENS=1 pytest tests/render"
    )


def test_mermaid_has_sections_tasks_scores_and_one_actor_per_persona(sommar: Path) -> None:
    block = mermaid_block(journey_md(sommar)).splitlines()
    assert block[0] == "journey"
    assert [line.strip() for line in block if line.strip().startswith("section")] == [
        "section Medvetenhet",
        "section Övervägande",
        "section Beslut",
        "section Före eventet",
        "section Under eventet",
        "section Efter eventet",
        "section Lojalitet",
    ]
    assert "    Ser en reel med artisten: 4: Pop-Petra" in block
    assert "    Ser en reel med artisten: 2: Opera-Olle" in block
    assert "    Går förbi en affisch vid Järntorget: 3: Pop-Petra, Opera-Olle" in block


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datum: 12 maj; kl 19 # 2", "Datum： 12 maj； kl 19 ＃ 2"),
        ("100% nöjda", "100% nöjda"),
        ("rad ett\nrad två", "rad ett rad två"),
        ("section Two", "\u200bsection Two"),
        ("Journey planner", "\u200bJourney planner"),
        ("A, B", "A, B"),
        ("", "–"),
    ],
)
def test_mermaid_text_keeps_the_words(text: str, expected: str) -> None:
    assert mermaid_text(text) == expected


def test_an_actors_comma_and_percent_are_replaced_as_they_would_end_it() -> None:
    assert mermaid_text("Anna, 50% fan", actor=True) == "Anna， 50％ fan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>", r"\<script\>"),
        ("a | b", r"a \| b"),
        ("# no heading", r"\# no heading"),
        ("1. no list", r"1\. no list"),
        ("[x](javascript:y)", r"\[x\](javascript:y)"),
        ("Hört! æøå 🎉", "Hört! æøå 🎉"),
    ],
)
def test_markdown_text_is_escaped_but_readable(text: str, expected: str) -> None:
    assert markdown_text(text) == expected


def test_hostile_markdown_has_no_raw_html_or_script_links(hostile: Path) -> None:
    markdown = journey_md(hostile)
    prose = markdown.replace(mermaid_block(markdown), "")
    # Every `<` is escaped, or opens a link target `](<...>)`: no raw HTML reaches GitHub.
    assert re.findall(r"(?<![\\(])<", prose) == []
    assert "<script" not in mermaid_block(markdown)
    assert not re.search(r"(?<!\\)\]\(<?javascript", markdown)
    assert "[Good link](<https://example.org/a?b=1&c=%222%22>)" in markdown
    assert r"\<script\>alert('x')\</script\>" in markdown
    assert "æøåäö" in markdown and "🎉" in markdown


@pytest.mark.browser
@pytest.mark.parametrize("project", ["sommar", "hostile"])
def test_mermaid_cli_accepts_the_block(
    project: str, request: pytest.FixtureRequest, mmdc: list[str], tmp_path: Path
) -> None:
    root = request.getfixturevalue(project)
    source = tmp_path / "journey.mmd"
    source.write_text(mermaid_block(journey_md(root)), encoding="utf-8")
    svg = tmp_path / "journey.svg"
    result = subprocess.run(
        [*mmdc, "--quiet", "--input", str(source), "--output", str(svg)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    drawn = svg.read_text(encoding="utf-8")
    assert "Syntax error" not in drawn
    assert "<script" not in drawn
    assert drawn.count("<svg") >= 1
