"""A future journey drawn over its as-is journey: faded curves, marked steps, pains removed.

A journey with `as_is: ID` is matched against that journey as `kundresa diff` matches two
versions (`kundresa.diff.matching`), so the map and the diff agree on which steps are new
and which changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kundresa.diff.journeys import step_changes
from kundresa.diff.matching import Matching, StepPair, match_journeys
from kundresa.diff.records import Where
from kundresa.models import Journey, Step
from kundresa.render.charts import SeriesInput
from kundresa.render.views import AsIsView, RemovedPain, Series

NEW = "new"
CHANGED = "changed"


@dataclass(frozen=True)
class AsIsOverlay:
    """The as-is journey on a future journey's map: its view, step marks and faded curves.

    `marks` and each faded series have one entry per column of the map.
    """

    view: AsIsView
    marks: list[str | None]
    faded: list[SeriesInput]


def as_is_overlay(
    journey: Journey,
    journeys: Mapping[str, Journey],
    series: Sequence[tuple[str | None, Series]],
    t: Mapping[str, str],
) -> AsIsOverlay | None:
    """Return the overlay of the journey that `journey.as_is` names; None without one."""
    before = journeys.get(journey.as_is) if journey.as_is else None
    if before is None or before is journey:
        return None
    matching = match_journeys(before, journey)
    earlier = {(p.after.phase, p.after.index): p.before.step for p in matching.steps}
    moved = {(p.after.phase, p.after.index) for p in matching.steps if _moved(p, matching)}
    columns = _columns(journey)
    marks = [_mark(at, earlier, moved, journey) for at in columns]
    faded = [
        SeriesInput(
            one.key,
            f"{t['as_is_curve']}: {one.label}",
            [_score(earlier.get(at) if at else None, sid) for at in columns],
            [_title(earlier.get(at) if at else None, one.label, t) for at in columns],
        )
        for sid, one in series
    ]
    view = AsIsView(before.id, before.title, _removed_pains(before, journey))
    return AsIsOverlay(view, marks, faded)


def _columns(journey: Journey) -> list[tuple[int, int] | None]:
    """Return the step at each column of the map; None for a phase without steps."""
    found: list[tuple[int, int] | None] = []
    for p, phase in enumerate(journey.phases):
        found += [(p, s) for s in range(len(phase.steps))] or [None]
    return found


def _moved(pair: StepPair, matching: Matching) -> bool:
    """Return True for a step that moved to another phase (a change of the plan)."""
    return (pair.before.phase, pair.after.phase) not in set(matching.phases)


def _mark(
    at: tuple[int, int] | None,
    earlier: Mapping[tuple[int, int], Step],
    moved: set[tuple[int, int]],
    journey: Journey,
) -> str | None:
    if at is None:
        return None
    old = earlier.get(at)
    if old is None:
        return NEW
    new = journey.phases[at[0]].steps[at[1]]
    changed = at in moved or any(step_changes(Where(journey.id), old, new))
    return CHANGED if changed else None


def _score(step: Step | None, persona: str | None) -> int | None:
    return step.emotion_for(persona) if step else None


def _title(step: Step | None, label: str, t: Mapping[str, str]) -> str:
    return f"{t['as_is_curve']} · {label}: {step.action}" if step else ""


def _removed_pains(before: Journey, after: Journey) -> list[RemovedPain]:
    """Return the as-is pain points that no step of the future journey still has."""
    remaining = {pain for _, _, step in after.steps() for pain in step.pain_points}
    return [
        RemovedPain(pain, f"{before.phases[p].name} · {step.action}")
        for p, _, step in before.steps()
        for pain in step.pain_points
        if pain not in remaining
    ]
