"""Mermaid for GitHub: unscored steps stay, plain `,` and `%` in tasks, long diagrams split.

Checked against the real mermaid-cli where it is installed (the browser tests).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.render import render_pages
from kundresa.render.mermaid import MAX_DIAGRAM

LONG = "Step {n}: " + "a long action that takes many words to say what the customer does " * 3


def journey_yaml(phases: int, steps: int, action: str = LONG) -> str:
    lines = ["kind: journey", "id: long", "title: Long, 100% real", "phases:"]
    n = 0
    for p in range(phases):
        lines += [f"  - id: phase-{p}", f"    name: Phase {p}, part {p}", "    steps:"]
        for _ in range(steps):
            n += 1
            text = action.format(n=n)
            lines += [f"      - action: '{text}'", f"        emotion: {1 + n % 5}"]
    return "\n".join(lines) + "\n"


def markdown(root: Path, warnings: list[str] | None = None) -> str:
    warn = warnings.append if warnings is not None else None
    pages = render_pages(load_project(project=root), "long", fmt="md", on_warning=warn)
    return pages["journeys/long.md"].decode("utf-8")


def blocks(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, re.S)


def test_a_step_without_emotion_is_still_a_task(write_project: Callable[..., Path]) -> None:
    root = write_project(
        {
            "journeys/long.yaml": "kind: journey\nid: long\ntitle: T\nphases:\n"
            "  - id: a\n    name: A\n    steps:\n"
            "      - action: Scored\n        emotion: 4\n"
            "      - action: Not scored\n"
        }
    )
    (block,) = blocks(markdown(root))
    assert "    Scored: 4" in block.splitlines()
    assert "    Not scored (not given): 3" in block.splitlines()


def test_comma_and_percent_stay_plain_in_titles_sections_and_tasks(
    write_project: Callable[..., Path],
) -> None:
    root = write_project({"journeys/long.yaml": journey_yaml(1, 1, "Gets 20%, then {n}")})
    (block,) = blocks(markdown(root))
    assert "  title Long, 100% real" in block
    assert "  section Phase 0, part 0" in block
    assert "    Gets 20%, then 1: 2" in block


def test_a_diagram_past_mermaids_limit_is_split_per_phase_with_a_warning(
    write_project: Callable[..., Path],
) -> None:
    root = write_project({"journeys/long.yaml": journey_yaml(10, 30)})  # 300 steps
    warnings: list[str] = []
    found = blocks(markdown(root, warnings))
    whole = sum(len(b) for b in found)
    assert whole > MAX_DIAGRAM, "the test journey is long enough"
    assert len(found) == 10
    assert all(len(b) <= MAX_DIAGRAM for b in found)
    assert all(b.count("  section ") == 1 for b in found)
    (warning,) = warnings
    assert "over Mermaid's 50,000" in warning


def test_a_phase_past_the_limit_alone_becomes_a_note(write_project: Callable[..., Path]) -> None:
    root = write_project({"journeys/long.yaml": journey_yaml(1, 300)})
    text = markdown(root)
    assert blocks(text) == []
    assert "> Phase 0, part 0: the diagram is too long for Mermaid" in text


@pytest.mark.browser
def test_mermaid_cli_draws_plain_commas_percents_and_unscored_steps(
    write_project: Callable[..., Path], mmdc: list[str], tmp_path: Path
) -> None:
    root = write_project(
        {
            "journeys/long.yaml": journey_yaml(1, 1, "Gets 20%, then {n}").replace(
                "        emotion: 2\n", ""
            )
        }
    )
    (block,) = blocks(markdown(root))
    source, svg = tmp_path / "j.mmd", tmp_path / "j.svg"
    source.write_text(block, encoding="utf-8")
    done = subprocess.run(
        [*mmdc, "--quiet", "--input", str(source), "--output", str(svg)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    drawn = svg.read_text(encoding="utf-8")
    texts = re.sub(r"<[^>]+>", "\n", drawn)
    assert "Gets 20%, then 1 (not given)" in texts
    assert "Long, 100% real" in texts
