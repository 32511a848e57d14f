"""The mean emotion per phase and persona at both sides of a journey diff."""

from __future__ import annotations

from kundresa.diff.matching import Matching
from kundresa.diff.records import PhaseEmotion
from kundresa.models import Journey, Phase


def phase_emotions(
    before: Journey, after: Journey, matching: Matching, persona_names: dict[str, str]
) -> list[PhaseEmotion]:
    """Return the mean emotion of each persona in each phase, before and after.

    Phases come in the order of the new version, then the removed ones. A journey whose
    steps give one emotion for everybody has one series, `persona` None.
    """
    series = emotion_series(before, after)
    matched = {a: b for b, a in matching.phases}
    rows: list[tuple[str, Phase | None, Phase | None]] = [
        (phase.name, before.phases[matched[i]] if i in matched else None, phase)
        for i, phase in enumerate(after.phases)
    ]
    rows += [(before.phases[b].name, before.phases[b], None) for b in matching.removed_phases]
    return [
        PhaseEmotion(
            name,
            persona,
            persona_names.get(persona, persona) if persona else "",
            mean_emotion(old, persona),
            mean_emotion(new, persona),
        )
        for name, old, new in rows
        for persona in series
    ]


def emotion_series(*journeys: Journey) -> list[str | None]:
    """Return the personas whose emotions the journeys give, in the order they list them."""
    given = {
        persona
        for journey in journeys
        for _, _, step in journey.steps()
        if isinstance(step.emotion, dict)
        for persona in step.emotion
    }
    if not given:
        return [None]
    listed = [p for journey in reversed(journeys) for p in journey.personas if p in given]
    ordered = list(dict.fromkeys(listed))
    return [*ordered, *sorted(given - set(ordered))]


def mean_emotion(phase: Phase | None, persona: str | None) -> float | None:
    """Return the mean emotion of a persona over a phase's steps, None where none is given."""
    if phase is None:
        return None
    scores = [s for step in phase.steps if (s := step.emotion_for(persona)) is not None]
    return round(sum(scores) / len(scores), 2) if scores else None
