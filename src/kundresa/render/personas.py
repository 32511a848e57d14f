"""Persona cards: a persona's fields as labelled facts and lists, ready for a template."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kundresa.models import Persona


@dataclass(frozen=True)
class Fact:
    """A labelled single value, such as the age or where the persona lives."""

    label: str
    value: str


@dataclass(frozen=True)
class FactList:
    """A labelled list, such as needs or media."""

    key: str
    label: str
    items: list[str]


@dataclass(frozen=True)
class Link:
    """A link between pages of the site."""

    text: str
    href: str


@dataclass(frozen=True)
class PersonaView:
    """A persona card: name, quote, facts, lists, its colour on a chart and its page."""

    id: str
    name: str
    quote: str | None
    facts: list[Fact]
    lists: list[FactList]
    series: str | None = None
    shape: str | None = None
    href: str | None = None
    journeys: list[Link] = field(default_factory=list)


_FACTS = ("life_stage", "gender", "location", "occupation", "segment")
_LISTS = (
    ("interests", "interests"),
    ("needs", "needs"),
    ("goals", "persona_goals"),
    ("pain_points", "challenges"),
    ("media", "media"),
    ("brands", "brands"),
    ("evidence", "evidence"),
)


def persona_view(
    persona: Persona,
    labels: Mapping[str, str],
    *,
    series: str | None = None,
    shape: str | None = None,
    href: str | None = None,
    journeys: list[Link] | None = None,
) -> PersonaView:
    """Return the card of `persona` with its labels in the map's language."""
    facts = []
    if persona.age is not None:
        facts.append(Fact(labels["age"], f"{persona.age} {labels['years']}"))
    for name in _FACTS:
        value = getattr(persona, name)
        if value:
            facts.append(Fact(labels[name], value))
    lists = [
        FactList(name, labels[label], list(getattr(persona, name)))
        for name, label in _LISTS
        if getattr(persona, name)
    ]
    if persona.channels:
        channels = [labels[f"ch_{channel.value}"] for channel in persona.channels]
        lists.insert(
            len(lists) - (1 if persona.evidence else 0),
            FactList("channels", labels["channels"], channels),
        )
    return PersonaView(
        id=persona.id,
        name=persona.name,
        quote=persona.quote,
        facts=facts,
        lists=lists,
        series=series,
        shape=shape,
        href=href,
        journeys=journeys or [],
    )


def missing_persona(persona_id: str, series: str | None) -> PersonaView:
    """Return a card for a persona the journey names but the project lacks."""
    return PersonaView(
        id=persona_id, name=persona_id, quote=None, facts=[], lists=[], series=series
    )
