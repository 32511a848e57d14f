"""The model of the touchpoint catalogue (`kind: touchpoints`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from kundresa.models.vocabulary import Channel, ContentRole, Medium, Ownership, Slug, Strict


class Touchpoint(Strict):
    """One interaction with the brand, online or offline, owned, paid or earned."""

    id: Slug = Field(description="Unique id, used by journey steps.")
    name: str
    channel: Channel = Field(description="Where it happens: web, social, email, venue ...")
    medium: Medium = Field(description="digital (online) or physical (offline).")
    ownership: Ownership = Field(
        default=Ownership.OWNED,
        description="owned, paid, or earned (reviews, word of mouth, user posts).",
    )
    owner: str | None = Field(default=None, description="Who is responsible for it.")
    conversion: StrictBool = Field(
        default=False, description="True where the customer takes a step towards paying."
    )
    feedback: StrictBool = Field(
        default=False, description="True where the customer is asked for feedback."
    )
    role: ContentRole | None = Field(
        default=None, description="Content role: hero (stand out), help, or hub (home base)."
    )
    description: str | None = None
    url: str | None = Field(default=None, description="A link; http(s) and mailto only.")

    @property
    def asks_feedback(self) -> bool:
        """Return True where the customer is asked for feedback or leaves a review."""
        return self.feedback or self.channel is Channel.REVIEW


class TouchpointCatalogue(Strict):
    """A file listing touchpoints."""

    kind: Literal["touchpoints"]
    touchpoints: list[Touchpoint] = Field(default_factory=list)
