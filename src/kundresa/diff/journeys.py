"""Compare two versions of a journey: its fields, phases and steps, in the domain's words."""

from __future__ import annotations

from collections.abc import Iterator

from kundresa.diff.emotion import phase_emotions
from kundresa.diff.matching import Matching, StepAt, in_order, match_journeys
from kundresa.diff.plan import goal_changes, kpi_changes, plan_changes
from kundresa.diff.records import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    Change,
    JourneyDiff,
    Where,
    plain,
)
from kundresa.models import Journey, Step

JOURNEY_FIELDS = ("title", "description", "state", "owner", "as_is")
_STEP_FIELDS = ("id", "action", "touchpoint", "thoughts")


def diff_journey(
    label: str,
    before: Journey,
    after: Journey,
    persona_names: dict[str, str],
    fields: tuple[str, ...] = JOURNEY_FIELDS,
) -> JourneyDiff:
    """Return every change from `before` to `after`, and the emotion per phase at both.

    `fields` are the journey's own fields to compare (an as-is and a to-be journey
    differ in title and state by design).
    """
    where = Where(label)
    matching = match_journeys(before, after)
    changes = [
        *_journey_fields(where, before, after, fields),
        *_phases(where, before, after, matching),
        *_steps(where, before, after, matching),
        *goal_changes(where, before.goals, after.goals),
        *kpi_changes(where, before.kpis, after.kpis),
        *plan_changes(where, before.plan, after.plan),
    ]
    emotions = phase_emotions(before, after, matching, persona_names)
    return JourneyDiff(label, after.title, changes, emotions)


def _journey_fields(
    where: Where, before: Journey, after: Journey, fields: tuple[str, ...]
) -> Iterator[Change]:
    for name in fields:
        old, new = plain(getattr(before, name)), plain(getattr(after, name))
        if old != new:
            yield where.change(CHANGED, "journey", field=name, before=old, after=new)
    yield from _set_changes(where, "journey", "personas", before.personas, after.personas)


def _phases(where: Where, before: Journey, after: Journey, matching: Matching) -> Iterator[Change]:
    kept = in_order(matching.phases)
    for b, a in matching.phases:
        old, new = before.phases[b], after.phases[a]
        here = Where(where.journey, new.name)
        for name in ("id", "name", "description"):
            if getattr(old, name) != getattr(new, name):
                yield here.change(
                    CHANGED,
                    "phase",
                    field=name,
                    before=getattr(old, name),
                    after=getattr(new, name),
                )
        if (b, a) not in kept:
            yield here.change(MOVED, "phase", field="position", before=b + 1, after=a + 1)
    for b in matching.removed_phases:
        yield Where(where.journey, before.phases[b].name).change(REMOVED, "phase")
    for a in matching.added_phases:
        yield Where(where.journey, after.phases[a].name).change(ADDED, "phase")


def _steps(where: Where, before: Journey, after: Journey, matching: Matching) -> Iterator[Change]:
    phase_pairs = set(matching.phases)
    kept = _kept_in_place(matching, phase_pairs)
    for pair in matching.steps:
        old_phase, new_phase = before.phases[pair.before.phase], after.phases[pair.after.phase]
        here = Where(where.journey, new_phase.name, pair.after.step.action)
        if (pair.before.phase, pair.after.phase) not in phase_pairs:
            yield here.change(
                MOVED, "step", field="phase", before=old_phase.name, after=new_phase.name
            )
        elif (pair.before, pair.after) not in kept:
            yield here.change(
                MOVED,
                "step",
                field="position",
                before=pair.before.index + 1,
                after=pair.after.index + 1,
            )
        yield from step_changes(here, pair.before.step, pair.after.step)
    for gone in matching.removed_steps:
        yield _whole_step(where, before, gone, REMOVED)
    for new in matching.added_steps:
        yield _whole_step(where, after, new, ADDED)


def _kept_in_place(
    matching: Matching, phase_pairs: set[tuple[int, int]]
) -> set[tuple[StepAt, StepAt]]:
    """Return the step pairs that kept their order within their phase (the rest moved)."""
    kept: set[tuple[StepAt, StepAt]] = set()
    for phase_pair in phase_pairs:
        inside = {
            (p.before.index, p.after.index): (p.before, p.after)
            for p in matching.steps
            if (p.before.phase, p.after.phase) == phase_pair
        }
        kept.update(inside[key] for key in in_order(inside))
    return kept


def _whole_step(where: Where, journey: Journey, at: StepAt, change: str) -> Change:
    phase = journey.phases[at.phase].name
    value = {"touchpoint": at.step.touchpoint, "action": at.step.action}
    before, after = (value, None) if change == REMOVED else (None, value)
    return Where(where.journey, phase, at.step.action).change(
        change, "step", before=before, after=after
    )


def step_changes(where: Where, old: Step, new: Step) -> Iterator[Change]:
    """Yield what changed in a step that is the same at both sides."""
    for name in _STEP_FIELDS:
        if getattr(old, name) != getattr(new, name):
            yield where.change(
                CHANGED, "step", field=name, before=getattr(old, name), after=getattr(new, name)
            )
    yield from _emotion(where, old, new)
    yield from _set_changes(where, "pain_point", None, old.pain_points, new.pain_points)
    yield from _opportunities(where, old, new)
    yield from _set_changes(where, "step", "kpis", old.kpis, new.kpis)


def _emotion(where: Where, old: Step, new: Step) -> Iterator[Change]:
    for persona in _emotion_keys(old, new):
        before, after = old.emotion_for(persona), new.emotion_for(persona)
        if before != after:
            yield where.change(
                CHANGED, "emotion", field="emotion", persona=persona, before=before, after=after
            )


def _emotion_keys(old: Step, new: Step) -> list[str | None]:
    """Return whose emotions to compare, in the order the step lists them.

    One score for everybody counts for each persona that the other side names.
    """
    named = [
        persona for step in (new, old) if isinstance(step.emotion, dict) for persona in step.emotion
    ]
    return list(dict.fromkeys(named)) if named else [None]


def _opportunities(where: Where, old: Step, new: Step) -> Iterator[Change]:
    before = {o.text: o for o in old.opportunities}
    after = {o.text: o for o in new.opportunities}
    for text in [t for t in before if t not in after]:
        yield where.change(REMOVED, "opportunity", before=text)
    for text, opportunity in after.items():
        if text not in before:
            yield where.change(ADDED, "opportunity", after=text)
            continue
        for name in ("value", "effort"):
            was, now = plain(getattr(before[text], name)), plain(getattr(opportunity, name))
            if was != now:
                yield where.change(
                    CHANGED, "opportunity", item=text, field=name, before=was, after=now
                )


def _set_changes(
    where: Where, kind: str, name: str | None, before: list[str], after: list[str]
) -> Iterator[Change]:
    """Yield a removal per item only before and an addition per item only after."""
    for item in before:
        if item not in after:
            yield where.change(REMOVED, kind, field=name, before=item)
    for item in after:
        if item not in before:
            yield where.change(ADDED, kind, field=name, after=item)
