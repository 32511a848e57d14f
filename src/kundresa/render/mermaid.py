"""The Mermaid `journey` diagram of a journey, for Markdown that GitHub renders.

Sections are phases, tasks are steps, scores are the emotion, and each persona is an
actor. A step where personas feel differently becomes one task per score; a step with no
emotion is still a task, named as not given, with the neutral score and no actor.

Mermaid refuses a diagram longer than 50,000 characters; a longer one is drawn one
phase per block, and a phase that alone is too long is replaced by a note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kundresa.models import Journey, Phase
from kundresa.render.text import mermaid_text

#: Mermaid's default `maxTextSize`: a longer diagram is not drawn at all.
MAX_DIAGRAM = 50_000
#: The score a step with no emotion is drawn at: the middle of the 1-5 scale.
NEUTRAL = 3


@dataclass(frozen=True)
class MermaidBlock:
    """One ```mermaid block (its lines), or a note standing for a diagram too long to draw."""

    lines: list[str]
    note: str | None = None


def mermaid_blocks(
    journey: Journey,
    series_ids: Sequence[str | None],
    label: Callable[[str | None], str],
    t: Mapping[str, str],
    on_warning: Callable[[str], None] | None = None,
) -> list[MermaidBlock]:
    """Return the journey's diagram: one block, or one per phase when it is too long."""
    actors: dict[str | None, str] = {
        sid: mermaid_text(label(sid), actor=True) for sid in series_ids if sid is not None
    }
    everyone = ", ".join(mermaid_text(label(p), actor=True) for p in journey.personas)
    title = f"  title {mermaid_text(journey.title)}"
    tasks = [_section(phase, actors, everyone, t) for phase in journey.phases]
    whole = ["journey", title, *(line for section in tasks for line in section)]
    if _size(whole) <= MAX_DIAGRAM:
        return [MermaidBlock(whole)]
    blocks = []
    for phase, section in zip(journey.phases, tasks, strict=True):
        lines = ["journey", f"{title} · {mermaid_text(phase.name)}", *section]
        if _size(lines) <= MAX_DIAGRAM:
            blocks.append(MermaidBlock(lines))
        else:
            blocks.append(MermaidBlock([], f"{phase.name}: {t['diagram_too_long']}"))
    if on_warning:
        on_warning(
            f"journey '{journey.id}': its Mermaid diagram is {_size(whole):,} characters, over "
            f"Mermaid's {MAX_DIAGRAM:,}; drawn one phase per block"
        )
    return blocks


def _section(
    phase: Phase, actors: Mapping[str | None, str], everyone: str, t: Mapping[str, str]
) -> list[str]:
    lines = [f"  section {mermaid_text(phase.name)}"]
    for step in phase.steps:
        task = mermaid_text(step.action)
        by_score: dict[int, list[str]] = {}
        for sid, name in actors.items() if actors else [(None, everyone)]:
            score = step.emotion_for(sid)
            if score is not None:
                by_score.setdefault(score, []).append(name)
        if not by_score:
            unscored = mermaid_text(f"{step.action} ({t['not_given']})")
            lines.append(f"    {unscored}: {NEUTRAL}")
        lines.extend(
            f"    {task}: {score}" + (f": {', '.join(names)}" if any(names) else "")
            for score, names in by_score.items()
        )
    return lines


def _size(lines: list[str]) -> int:
    """Return the length Mermaid measures: JavaScript string units (UTF-16), newlines too."""
    return sum(len(line.encode("utf-16-le")) // 2 + 1 for line in lines)
