"""Pair the phases and steps of two versions of a journey, so that edits are not churn.

Phases pair by id (then by name, for a phase whose id was changed). Steps pair by their
`id` where both sides give one; then within each pair of phases by touchpoint and the
similarity of their action, so that a reworded step is one change; then across phases,
so that a step moved to another phase is one move rather than a removal and an addition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, TypeVar

from kundresa.models import Journey, Phase, Step

#: Within a phase, a step at another touchpoint is the same step only if its action is
#: nearly the same text (the touchpoint was corrected, the action kept).
SAME_PHASE_OTHER_TOUCHPOINT = 0.8
#: Across phases, a step at the same touchpoint must keep most of its action's text to
#: count as moved: two steps at the box office in different phases are usually different.
OTHER_PHASE_SAME_TOUCHPOINT = 0.6
OTHER_PHASE_OTHER_TOUCHPOINT = 0.9


@dataclass(frozen=True, eq=False)
class StepAt:
    """A step and where it is: the index of its phase and its index in that phase.

    Compared by identity: two equal steps in one journey are still two steps.
    """

    phase: int
    index: int
    step: Step


@dataclass(frozen=True)
class StepPair:
    """The same step at both sides."""

    before: StepAt
    after: StepAt


@dataclass
class Matching:
    """The pairs found between two journeys, and what is only at one side."""

    phases: list[tuple[int, int]] = field(default_factory=list)
    removed_phases: list[int] = field(default_factory=list)
    added_phases: list[int] = field(default_factory=list)
    steps: list[StepPair] = field(default_factory=list)
    removed_steps: list[StepAt] = field(default_factory=list)
    added_steps: list[StepAt] = field(default_factory=list)


def similarity(a: str, b: str) -> float:
    """Return how alike two texts are, 0 to 1, ignoring case and spacing."""
    left, right = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def match_journeys(before: Journey, after: Journey) -> Matching:
    """Return the phase and step pairs between two versions of a journey."""
    found = Matching()
    found.phases = _match_phases(before.phases, after.phases)
    paired_before = {b for b, _ in found.phases}
    paired_after = {a for _, a in found.phases}
    found.removed_phases = [i for i in range(len(before.phases)) if i not in paired_before]
    found.added_phases = [i for i in range(len(after.phases)) if i not in paired_after]
    left, right = _steps(before.phases), _steps(after.phases)
    pairs = pair_greedily(left, right, _by_id)
    same_phase = set(found.phases)
    pairs += pair_greedily(_rest(left, pairs, 0), _rest(right, pairs, 1), _within(same_phase))
    pairs += pair_greedily(_rest(left, pairs, 0), _rest(right, pairs, 1), _across)
    found.steps = sorted(
        (StepPair(b, a) for b, a in pairs), key=lambda p: (p.after.phase, p.after.index)
    )
    found.removed_steps = _rest(left, pairs, 0)
    found.added_steps = _rest(right, pairs, 1)
    return found


def in_order(pairs: Iterable[tuple[Any, Any]]) -> set[tuple[Any, Any]]:
    """Return the largest set of pairs whose order is the same at both sides.

    The pairs outside it are the ones that moved (a longest increasing subsequence).
    """
    ordered = sorted(pairs)
    best: list[list[tuple[Any, Any]]] = []
    for pair in ordered:
        chains = [chain for chain in best if chain[-1][1] < pair[1]]
        longest: list[tuple[Any, Any]] = max(chains, key=len) if chains else []
        best.append([*longest, pair])
    kept: list[tuple[Any, Any]] = max(best, key=len) if best else []
    return set(kept)


def _match_phases(before: list[Phase], after: list[Phase]) -> list[tuple[int, int]]:
    after_ids = {phase.id: i for i, phase in enumerate(after)}
    pairs = [(i, after_ids[p.id]) for i, p in enumerate(before) if p.id in after_ids]
    taken_before, taken_after = {b for b, _ in pairs}, {a for _, a in pairs}
    names = {p.name: i for i, p in enumerate(after) if i not in taken_after}
    for i, phase in enumerate(before):
        if i not in taken_before and phase.name in names:
            pairs.append((i, names.pop(phase.name)))
    return sorted(pairs)


def _steps(phases: list[Phase]) -> list[StepAt]:
    return [
        StepAt(p, s, step) for p, phase in enumerate(phases) for s, step in enumerate(phase.steps)
    ]


def _rest(steps: list[StepAt], pairs: list[tuple[StepAt, StepAt]], side: int) -> list[StepAt]:
    taken = {pair[side] for pair in pairs}
    return [step for step in steps if step not in taken]


T = TypeVar("T")
Score = Callable[[T, T], float | None]


def pair_greedily(left: list[T], right: list[T], score: Score[T]) -> list[tuple[T, T]]:
    """Pair items greedily, best score first (None: never a pair); ties go to earlier items."""
    candidates = []
    for i, b in enumerate(left):
        for j, a in enumerate(right):
            value = score(b, a)
            if value is not None:
                candidates.append((-value, i, j))
    candidates.sort()
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j]))
    return pairs


def _by_id(before: StepAt, after: StepAt) -> float | None:
    same = before.step.id is not None and before.step.id == after.step.id
    return 1.0 if same else None


def _within(phase_pairs: set[tuple[int, int]]) -> Score[StepAt]:
    def score(before: StepAt, after: StepAt) -> float | None:
        if (before.phase, after.phase) not in phase_pairs or _both_have_ids(before, after):
            return None
        alike = similarity(before.step.action, after.step.action)
        if before.step.touchpoint == after.step.touchpoint:
            return 1 + alike
        return alike if alike >= SAME_PHASE_OTHER_TOUCHPOINT else None

    return score


def _across(before: StepAt, after: StepAt) -> float | None:
    if _both_have_ids(before, after):
        return None
    alike = similarity(before.step.action, after.step.action)
    same_touchpoint = before.step.touchpoint == after.step.touchpoint
    needed = OTHER_PHASE_SAME_TOUCHPOINT if same_touchpoint else OTHER_PHASE_OTHER_TOUCHPOINT
    return alike if alike >= needed else None


def _both_have_ids(before: StepAt, after: StepAt) -> bool:
    """Steps that both carry (different) ids are different steps, whatever their text."""
    return before.step.id is not None and after.step.id is not None
