"""The model of the touchpoint catalogue (`kind: touchpoints`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from kundresa.models.vocabulary import Channel, ContentRole, Medium, Ownership, Slug, Strict


class Touchpoint(Strict):
    """One interaction with the brand, online or offline, owned, paid or earned."""

    id: Slug = Field(
        description="The touchpoint's id, used by journey steps, such as instagram or box-office."
    )
    name: str = Field(description="The touchpoint's name on the map, such as Instagram.")
    channel: Channel = Field(
        description="Where it happens: web, app, social, email, sms, ads, search, influencer, "
        "review, print, outdoor, tv-radio, phone, chat, box-office, venue, partner, "
        "word-of-mouth or other."
    )
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
    description: str | None = Field(
        default=None, description="What it is, such as 'Organic posts and reels'."
    )
    url: str | None = Field(
        default=None,
        description="A link shown on the map, such as https://example.com; "
        "only http(s) and mailto links become links.",
    )

    @property
    def asks_feedback(self) -> bool:
        """Return True where the customer is asked for feedback or leaves a review."""
        return self.feedback or self.channel is Channel.REVIEW


class TouchpointCatalogue(Strict):
    """A file listing touchpoints."""

    kind: Literal["touchpoints"] = Field(
        description="What the file holds: touchpoints, a catalogue of touchpoints."
    )
    touchpoints: list[Touchpoint] = Field(
        default_factory=list,
        description="The touchpoints: every place the customer meets the brand, online or offline.",
    )
