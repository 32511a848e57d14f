"""The model of the touchpoint catalogue (`kind: touchpoints`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from kundresa.models.vocabulary import Channel, ContentRole, Medium, Ownership, Slug, Strict


class Touchpoint(Strict):
    """One interaction with the brand, online or offline, owned, paid or earned."""

    id: Slug
    name: str
    channel: Channel
    medium: Medium
    ownership: Ownership = Ownership.OWNED
    owner: str | None = None
    conversion: StrictBool = False
    feedback: StrictBool = False
    role: ContentRole | None = None
    description: str | None = None
    url: str | None = None

    @property
    def asks_feedback(self) -> bool:
        """Return True where the customer is asked for feedback or leaves a review."""
        return self.feedback or self.channel is Channel.REVIEW


class TouchpointCatalogue(Strict):
    """A file listing touchpoints."""

    kind: Literal["touchpoints"]
    touchpoints: list[Touchpoint] = Field(default_factory=list)
