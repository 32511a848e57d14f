"""The project's own ids, offered by its schemas where a file refers to them.

A model marks a reference with `json_schema_extra={IDS_KEYWORD: "touchpoint"}`; the
project's schema lists the ids of that kind there as `examples`, which an editor offers
on completion without rejecting a new id (lint remains the judge of references).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kundresa.models.vocabulary import IDS_KEYWORD, JourneyState

if TYPE_CHECKING:
    from kundresa.project import Project


@dataclass(frozen=True)
class ProjectIds:
    """The ids a project defines, by kind, each sorted."""

    touchpoint: list[str] = field(default_factory=list)
    persona: list[str] = field(default_factory=list)
    kpi: list[str] = field(default_factory=list)
    #: Current (as-is) journeys: what a future journey's `as_is` may name.
    journey: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[str]:
        """Return the ids of one kind: touchpoint, persona, kpi or journey."""
        ids: list[str] = getattr(self, kind)
        return ids


def project_ids(project: Project) -> ProjectIds:
    """Return the touchpoint, persona, KPI and current journey ids of a loaded project."""
    kpis = {kpi.id for journey in project.journeys for kpi in journey.model.kpis}
    current = {j.model.id for j in project.journeys if j.model.state == JourneyState.CURRENT}
    return ProjectIds(
        touchpoint=sorted(project.touchpoint_index),
        persona=sorted(project.persona_index),
        kpi=sorted(kpis),
        journey=sorted(current),
    )


def offer_ids(node: Any, ids: ProjectIds | None) -> None:
    """Replace every id marker under `node` with the project's ids (or drop it, with none)."""
    if isinstance(node, list):
        for item in node:
            offer_ids(item, ids)
        return
    if not isinstance(node, dict):
        return
    kind = node.pop(IDS_KEYWORD, None)
    for value in node.values():
        offer_ids(value, ids)
    if kind is not None and ids is not None and ids.of(kind):
        _offer(node, ids.of(kind))


def _offer(node: dict[str, Any], ids: list[str]) -> None:
    """Offer `ids` as the values of a text, the items of a list, or the keys of a mapping."""
    for branch in node.get("anyOf", []):
        _offer(branch, ids)
    kind = node.get("type")
    if kind == "string":
        node["examples"] = ids
    elif kind == "array":
        _offer(node["items"], ids)
    elif kind == "object":
        # Listed keys complete in an editor; other keys stay allowed, checked by propertyNames.
        node["properties"] = dict.fromkeys(ids, node["additionalProperties"])
