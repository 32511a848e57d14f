"""The Mermaid `journey` diagram of a journey, for Markdown that GitHub renders.

Sections are phases, tasks are steps, scores are the emotion, and each persona is an
actor. A step where personas feel differently becomes one task per score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kundresa.models import Journey
from kundresa.render.text import mermaid_text


def mermaid_lines(
    journey: Journey, series_ids: Sequence[str | None], label: Callable[[str | None], str]
) -> list[str]:
    """Return the lines of a Mermaid `journey` diagram: sections, tasks, scores, actors."""
    actors = {sid: mermaid_text(label(sid)) for sid in series_ids if sid is not None}
    everyone = ", ".join(mermaid_text(label(p)) for p in journey.personas)
    lines = ["journey", f"  title {mermaid_text(journey.title)}"]
    for phase in journey.phases:
        lines.append(f"  section {mermaid_text(phase.name)}")
        for step in phase.steps:
            task = mermaid_text(step.action)
            if not actors:
                if step.emotion is not None:
                    score = step.emotion_for(None)
                    lines.append(f"    {task}: {score}" + (f": {everyone}" if everyone else ""))
                continue
            by_score: dict[int, list[str]] = {}
            for sid, name in actors.items():
                score = step.emotion_for(sid)
                if score is not None:
                    by_score.setdefault(score, []).append(name)
            lines.extend(
                f"    {task}: {score}: {', '.join(names)}" for score, names in by_score.items()
            )
    return lines
