"""What a diff finds: change records (SPEC 7), per journey, with the emotion per phase."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from kundresa.models.target import Target

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"
#: A file that cannot be read at one side; nothing in it is counted as removed or added.
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Change:
    """One change: what happened, to what kind of thing, where, and before → after."""

    change: str
    kind: str
    journey: str | None = None
    phase: str | None = None
    step: str | None = None
    #: The goal, KPI, plan item, touchpoint or persona the change is about.
    item: str | None = None
    field: str | None = None
    before: Any = None
    after: Any = None
    persona: str | None = None
    file: str | None = None

    def record(self) -> dict[str, Any]:
        """Return the change as a JSON record, with every key present."""
        return {
            "change": self.change,
            "kind": self.kind,
            "journey": self.journey,
            "phase": self.phase,
            "step": self.step,
            "item": self.item,
            "field": self.field,
            "persona": self.persona,
            "before": self.before,
            "after": self.after,
            "file": self.file,
        }


@dataclass(frozen=True)
class PhaseEmotion:
    """The mean emotion of one persona (or the one customer) in one phase, at both sides."""

    phase: str
    persona: str | None
    persona_label: str
    before: float | None
    after: float | None

    @property
    def changed(self) -> bool:
        """Return True when the mean differs between the sides (or exists at one only)."""
        return self.before != self.after


@dataclass
class JourneyDiff:
    """What changed in one journey (or between an as-is and a to-be journey)."""

    journey: str
    title: str
    changes: list[Change] = field(default_factory=list)
    emotions: list[PhaseEmotion] = field(default_factory=list)


@dataclass
class DiffResult:
    """Every change between two sides of a project, journeys first, then the rest."""

    before: str
    after: str
    journeys: list[JourneyDiff] = field(default_factory=list)
    others: list[Change] = field(default_factory=list)
    #: Persona names by id, to name whose emotion changed.
    personas: dict[str, str] = field(default_factory=dict)

    @property
    def changes(self) -> list[Change]:
        """Return every change, in the order the reporters show them."""
        return [c for j in self.journeys for c in j.changes] + self.others

    @property
    def changed(self) -> bool:
        """Return True when anything changed (the command then exits 1)."""
        return bool(self.changes)


def plain(value: Any) -> Any:
    """Return a model value as JSON would hold it: numbers as numbers, dates as ISO text."""
    if isinstance(value, Target):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Where:
    """Where changes are: the journey, and the phase and step when they are in one."""

    journey: str
    phase: str | None = None
    step: str | None = None

    def change(
        self,
        change: str,
        kind: str,
        *,
        item: str | None = None,
        field: str | None = None,
        before: Any = None,
        after: Any = None,
        persona: str | None = None,
    ) -> Change:
        """Return a change at this place."""
        return Change(
            change, kind, self.journey, self.phase, self.step, item, field, before, after, persona
        )
