"""The model of a persona file (`kind: persona`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from kundresa.models.vocabulary import Channel, Slug, Strict


class Persona(Strict):
    """A semi-fictional ideal customer, based on real data."""

    kind: Literal["persona"]
    id: Slug = Field(description="Unique id, used by journeys: lowercase a-z, digits, '-'.")
    name: str = Field(description="The persona's name, such as 'Pop-Petra'.")
    quote: str | None = Field(default=None, description="Something they would say.")
    age: int | None = Field(default=None, ge=0, le=120, description="Age in years.")
    life_stage: str | None = Field(
        default=None, description="Life stage, such as 'small children'."
    )
    gender: str | None = None
    location: str | None = None
    occupation: str | None = None
    segment: str | None = Field(default=None, description="The customer segment.")
    interests: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    pain_points: list[str] = Field(default_factory=list)
    media: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    channels: list[Channel] = Field(
        default_factory=list, description="Touchpoint channels they prefer."
    )
    evidence: list[str] = Field(
        default_factory=list,
        description="Sources the persona is based on: survey, interviews, analytics.",
    )
    reviewed: dt.date | None = Field(
        default=None,
        description="When the persona was last checked against data, YYYY-MM-DD (see KR303).",
    )
