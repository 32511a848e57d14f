"""How a change reads to a person: one phrase per record, shared by the text and md formats.

Each format passes its own way of marking the user's text (quotes on a terminal,
escaped Markdown in a comment), so the words are the same in both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kundresa.diff.records import (
    ADDED,
    REMOVED,
    UNREADABLE,
    Change,
    DiffResult,
    JourneyDiff,
    PhaseEmotion,
)

Quote = Callable[[str], str]

_NOUNS = {
    "pain_point": "pain point",
    "kpi": "KPI",
    "plan": "plan item",
    "project": "setting",
}
#: Kinds that live in a step, said as "... at STEP in PHASE".
_IN_STEP = ("emotion", "pain_point", "opportunity")
_ORDER = ("added", "removed", "changed", "moved", "unreadable")


@dataclass
class Group:
    """Changes shown together: those of one step, or of one phase, or of the journey."""

    phase: str | None
    step: str | None
    changes: list[Change] = field(default_factory=list)


#: The heading of a journey's goals, KPIs and plan, shown after its phases.
BUSINESS = "goals, KPIs and plan"
_BUSINESS_KINDS = ("goal", "kpi", "plan")


def grouped(changes: list[Change]) -> list[tuple[str | None, list[Group]]]:
    """Return the changes under their headings, grouped by step under each.

    The journey's own changes come first (heading None), then each phase by name, then
    `BUSINESS`; phases and steps in the order of their first change.
    """
    sections: dict[tuple[int, str | None], dict[str | None, Group]] = {(0, None): {}}
    for change in changes:
        if change.kind in _BUSINESS_KINDS:
            key: tuple[int, str | None] = (2, BUSINESS)
        else:
            key = (1, change.phase) if change.phase is not None else (0, None)
        step = change.step if change.kind in ("step", *_IN_STEP) else None
        groups = sections.setdefault(key, {})
        groups.setdefault(step, Group(change.phase, step)).changes.append(change)
    ordered = sorted(sections.items(), key=lambda item: item[0][0])  # stable: phases in order
    return [(key[1], list(groups.values())) for key, groups in ordered if groups]


def phrase(
    change: Change,
    quote: Quote,
    labels: dict[str, str],
    personas: dict[str, str],
    *,
    show_phase: bool = True,
    show_step: bool = True,
) -> str:
    """Return what happened, without the verb: `step "Buys" in Decision: action "a" → "b"`.

    Under a heading that names the phase or the step, leave them out with `show_phase`
    and `show_step`.
    """
    if change.change == UNREADABLE:
        side = labels.get(change.field or "", change.field or "")
        problem = change.before if change.before is not None else change.after
        return f"{change.file} cannot be read at {side}: {problem}"
    subject = _subject(change, quote, personas, show_step)
    return subject + _place(change, quote, show_phase, show_step) + _detail(change, quote)


def _subject(change: Change, quote: Quote, personas: dict[str, str], show_step: bool) -> str:
    if change.kind == "emotion":
        who = personas.get(change.persona, change.persona) if change.persona else "the customer"
        return f"emotion of {who}"
    noun = _NOUNS.get(change.kind, change.kind)
    if change.kind == "journey" and change.field in (None, "file"):
        title = change.after if change.change == ADDED else change.before
        return f"journey {change.journey}" + (f" {quote(title)}" if change.field is None else "")
    if change.kind == "project" and change.field is None:
        return "project"
    if change.kind == "step" and change.step is not None and show_step:
        return f"{noun} {quote(change.step)}"
    if change.kind in ("journey", "phase", "step", "project"):
        return noun
    name = change.item
    if name is None:
        value = change.after if change.change == ADDED else change.before
        name = str(value) if value is not None else None
    if name is None:
        return noun
    return f"{noun} {name if change.kind in ('touchpoint', 'persona', 'kpi') else quote(name)}"


def _place(change: Change, quote: Quote, show_phase: bool, show_step: bool) -> str:
    place = ""
    if change.kind == "phase" and show_phase:
        place = f" {quote(change.phase or '')}"
    elif change.kind in _IN_STEP and change.step is not None and show_step:
        place = f" at {quote(change.step)}"
    if change.kind in ("step", *_IN_STEP) and change.phase is not None and show_phase:
        place += f" in {change.phase}"
    if change.change in (ADDED, REMOVED) and change.file and change.kind != "journey":
        place += f" ({change.file})"
    return place


def _detail(change: Change, quote: Quote) -> str:
    if change.change in (ADDED, REMOVED) and change.field in (None, "kpis", "personas"):
        if change.field == "kpis":
            return f": measures KPI {change.after or change.before}"
        if change.field == "personas":
            return f": persona {change.after or change.before}"
        return ""
    before, after = value_text(change.before, quote), value_text(change.after, quote)
    field = "" if change.field in (None, "emotion", "phase") else f"{change.field} "
    return f": {field}{before} → {after}"


def value_text(value: Any, quote: Quote) -> str:
    """Return a before or after value as words: text quoted, none for a missing value."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v, quote) for v in value) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{k} {value_text(v, quote)}" for k, v in value.items())
    return str(value)


def summary(result: DiffResult) -> str:
    """Return the one line that says how much changed, such as `9 changes in 2 journeys`."""
    changes = result.changes
    if not changes:
        return f"no changes from {result.before} to {result.after}"
    counts = Counter(change.change for change in changes)
    parts = ", ".join(f"{counts[word]} {word}" for word in _ORDER if counts[word])
    journeys = len(result.journeys)
    where = f" in {journeys} journey{'s' if journeys != 1 else ''}" if journeys else ""
    others = f" and {len(result.others)} elsewhere" if result.others and journeys else ""
    total = len(changes)
    return (
        f"{result.before} → {result.after}: {total} change{'s' if total != 1 else ''}"
        f"{where}{others} ({parts})"
    )


def mean_text(row: PhaseEmotion) -> str:
    """Return a phase's mean emotion before and after, with the difference: `3 → 4.5 (+1.5)`."""
    before, after = _number(row.before), _number(row.after)
    if row.before is None or row.after is None:
        return f"{before} → {after}"
    delta = row.after - row.before
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    return f"{before} → {after} ({sign}{_number(abs(delta))})"


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def emotion_table(journey: JourneyDiff) -> tuple[list[str], list[list[str]]]:
    """Return the persona columns and, per phase whose mean changed, its cells.

    Each row is the phase name and one `before → after (±change)` cell per persona.
    """
    series = list(dict.fromkeys(row.persona_label for row in journey.emotions))
    changed = list(dict.fromkeys(row.phase for row in journey.emotions if row.changed))
    cells = {(row.phase, row.persona_label): mean_text(row) for row in journey.emotions}
    rows = [[phase, *(cells.get((phase, label), "") for label in series)] for phase in changed]
    return [label or "emotion" for label in series], rows
