"""The model of a persona file (`kind: persona`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from kundresa.models.vocabulary import Channel, Slug, Strict


class Persona(Strict):
    """A semi-fictional ideal customer, based on real data."""

    kind: Literal["persona"] = Field(description="What the file holds: persona.")
    id: Slug = Field(
        description="The persona's id, used by journeys: lowercase a-z, digits and '-', "
        "such as pop-petra."
    )
    name: str = Field(description="The persona's name, such as 'Pop-Petra'.")
    quote: str | None = Field(
        default=None, description="Something they would say, such as 'I book at the last minute'."
    )
    age: int | None = Field(
        default=None, ge=0, le=120, description="Age in years, from 0 to 120, such as 34."
    )
    life_stage: str | None = Field(
        default=None, description="Life stage, such as 'small children' or 'retired'."
    )
    gender: str | None = Field(default=None, description="Gender, as your data describes it.")
    location: str | None = Field(
        default=None, description="Where and how they live, such as 'Flat in central Gothenburg'."
    )
    occupation: str | None = Field(default=None, description="What they do, such as Nurse.")
    segment: str | None = Field(
        default=None, description="The customer segment they stand for, such as 'Young adults'."
    )
    interests: list[str] = Field(
        default_factory=list, description="What they care about, such as [pop, festivals]."
    )
    needs: list[str] = Field(
        default_factory=list, description="What they need from you, such as 'Clear start times'."
    )
    goals: list[str] = Field(
        default_factory=list, description="What they want to achieve, such as 'A night out'."
    )
    pain_points: list[str] = Field(
        default_factory=list, description="Typical challenges, such as 'Hidden booking fees'."
    )
    media: list[str] = Field(
        default_factory=list, description="Media they consume, such as [Instagram, P3]."
    )
    brands: list[str] = Field(default_factory=list, description="Brands they like.")
    channels: list[Channel] = Field(
        default_factory=list,
        description="Touchpoint channels they prefer, such as [social, sms].",
    )
    evidence: list[str] = Field(
        default_factory=list,
        description="Sources the persona is based on, such as "
        "['Visitor survey 2025', interviews, analytics].",
    )
    reviewed: dt.date | None = Field(
        default=None,
        description="When the persona was last checked against data, YYYY-MM-DD (see KR303).",
    )
