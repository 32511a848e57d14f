"""Compare what is not a journey: touchpoints, personas, project settings and files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from kundresa.diff.records import ADDED, CHANGED, MOVED, REMOVED, UNREADABLE, Change, plain
from kundresa.diff.snapshot import Entry, Snapshot


def unreadable_changes(before: Snapshot, after: Snapshot) -> Iterator[Change]:
    """Yield each file that cannot be read at one side.

    A file that fails at both sides is reported at the new side when its problem changed,
    and not at all when it stayed the same.
    """
    for side, snapshot, other in (("before", before, after), ("after", after, before)):
        for file, broken in sorted(snapshot.unreadable.items()):
            same = other.unreadable.get(file)
            if same is not None and (side == "before" or same.problem == broken.problem):
                continue
            values = {side: broken.problem}
            yield Change(UNREADABLE, broken.kind or "file", file=file, field=side, **values)


def blind_ids(before: Snapshot, after: Snapshot, kind: str) -> set[str]:
    """Return the ids of `kind` that sit in a file unreadable at one side.

    They are left out of the comparison: what a broken file holds is unknown, not removed.
    """
    blind: set[str] = set()
    for snapshot, other in ((before, after), (after, before)):
        for file, broken in snapshot.unreadable.items():
            if broken.kind not in (kind, None):
                continue
            blind |= broken.ids
            blind |= {ident for ident, entry in _entries(other, kind).items() if entry.file == file}
    return blind


def model_changes(
    kind: str,
    before: dict[str, Entry[Any]],
    after: dict[str, Entry[Any]],
    blind: set[str],
    skip: tuple[str, ...],
) -> Iterator[Change]:
    """Yield documents or touchpoints added, removed, moved to another file, or changed."""
    for ident, entry in before.items():
        if ident not in after and ident not in blind:
            yield Change(REMOVED, kind, item=ident, file=entry.file)
    for ident, entry in after.items():
        if ident in blind:
            continue
        if ident not in before:
            yield Change(ADDED, kind, item=ident, file=entry.file)
            continue
        old = before[ident]
        if old.file != entry.file:
            yield Change(MOVED, kind, item=ident, field="file", before=old.file, after=entry.file)
        for name, was, now in field_changes(old.model, entry.model, skip):
            yield Change(CHANGED, kind, item=ident, field=name, before=was, after=now)


def settings_changes(before: Snapshot, after: Snapshot) -> Iterator[Change]:
    """Yield each setting of kundresa.yaml that changed, by its dotted name."""
    if before.config is None or after.config is None:
        return
    for name, was, now in field_changes(before.config, after.config, ()):
        yield Change(CHANGED, "project", field=name, before=was, after=now)


def field_changes(
    old: BaseModel, new: BaseModel, skip: tuple[str, ...]
) -> Iterator[tuple[str, Any, Any]]:
    """Yield (dotted field name, before, after) for every field that differs."""
    left, right = _flat(plain(old.model_dump())), _flat(plain(new.model_dump()))
    for name in sorted(left.keys() | right.keys()):
        if name.split(".")[0] in skip:
            continue
        if left.get(name) != right.get(name):
            yield name, left.get(name), right.get(name)


def _flat(value: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return nested settings as one level, `sources.sales.path` style; lists stay whole."""
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item:
            flat.update(_flat(item, name + "."))
        else:
            flat[name] = item
    return flat


def _entries(snapshot: Snapshot, kind: str) -> dict[str, Entry[Any]]:
    found: dict[str, dict[str, Entry[Any]]] = {
        "journey": snapshot.journeys,
        "persona": snapshot.personas,
        "touchpoints": snapshot.touchpoints,
    }
    return found.get(kind, {})
