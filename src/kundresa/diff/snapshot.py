"""One side of a diff: the project's documents as they are at a revision or on disk.

Documents are indexed by kind and id, not by file, so that a file renamed or moved in git
is the same journey at both sides. A file that cannot be read is kept apart, with the
ids it seems to hold, so that what it holds is never reported as removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from kundresa.models import DOCUMENT_MODELS, Journey, Persona, ProjectConfig, Touchpoint
from kundresa.models.config import CONFIG_FILE, Paths
from kundresa.validation import validate
from kundresa.yamlio import Document, parse_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A model and the file (a path from the repository's top level) it was read from."""

    model: M
    file: str


@dataclass(frozen=True)
class Unreadable:
    """A file that does not load at this side: what it seemed to be, and why it fails."""

    file: str
    kind: str | None
    ids: frozenset[str]
    problem: str


@dataclass
class Snapshot:
    """A project's settings and documents at one side of the diff."""

    label: str
    #: False at a revision where the project does not exist yet (or no longer does).
    exists: bool = True
    config: ProjectConfig | None = None
    journeys: dict[str, Entry[Journey]] = field(default_factory=dict)
    personas: dict[str, Entry[Persona]] = field(default_factory=dict)
    touchpoints: dict[str, Entry[Touchpoint]] = field(default_factory=dict)
    unreadable: dict[str, Unreadable] = field(default_factory=dict)

    @property
    def paths(self) -> Paths:
        """Return the kind folders of this side (the defaults when kundresa.yaml fails)."""
        return self.config.paths if self.config is not None else Paths()


def read_config(snapshot: Snapshot, raw: bytes, file: str) -> None:
    """Read kundresa.yaml into `snapshot`; a file that fails is recorded as unreadable."""
    document = parse_yaml(raw, file)
    problems = document.problems
    if not problems and isinstance(document.data, dict):
        config, problems = validate(document, ProjectConfig)
        if isinstance(config, ProjectConfig):
            snapshot.config = config
            return
    problem = str(problems[0]) if problems else f"{file}:1:1: settings should be a mapping"
    snapshot.unreadable[file] = Unreadable(file, "project", frozenset(), problem)


def add_document(snapshot: Snapshot, raw: bytes, file: str) -> None:
    """Read one document file into `snapshot` by its kind and id."""
    document = parse_yaml(raw, file)
    data = document.data if not document.problems else None
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in DOCUMENT_MODELS:
        _unreadable(snapshot, document, kind)
        return
    model, problems = validate(document, DOCUMENT_MODELS[str(kind)])
    if model is None:
        document.problems.extend(problems)
        _unreadable(snapshot, document, kind)
        return
    if isinstance(model, Journey):
        snapshot.journeys.setdefault(model.id, Entry(model, file))
    elif isinstance(model, Persona):
        snapshot.personas.setdefault(model.id, Entry(model, file))
    else:
        for touchpoint in getattr(model, "touchpoints", []):
            snapshot.touchpoints.setdefault(touchpoint.id, Entry(touchpoint, file))


def _unreadable(snapshot: Snapshot, document: Document, kind: object) -> None:
    problem = (
        str(document.problems[0])
        if document.problems
        else f"{document.path}:1:1: the file has no known 'kind:'"
    )
    known = str(kind) if kind in DOCUMENT_MODELS else None
    snapshot.unreadable[document.path] = Unreadable(
        document.path, known, _ids_written(document.data, known), problem
    )


def _ids_written(data: Any, kind: str | None) -> frozenset[str]:
    """Return the ids a file that fails to load still shows, as far as it can be read."""
    if not isinstance(data, dict):
        return frozenset()
    if kind == "touchpoints" and isinstance(data.get("touchpoints"), list):
        return frozenset(
            str(item["id"])
            for item in data["touchpoints"]
            if isinstance(item, dict) and "id" in item
        )
    return frozenset({str(data["id"])}) if "id" in data else frozenset()


__all__ = ["CONFIG_FILE", "Entry", "Snapshot", "Unreadable", "add_document", "read_config"]
