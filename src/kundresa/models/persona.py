"""The model of a persona file (`kind: persona`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kundresa.models.vocabulary import Channel, Slug, Strict


class Persona(Strict):
    """A semi-fictional ideal customer, based on real data."""

    kind: Literal["persona"]
    id: Slug
    name: str
    quote: str | None = None
    age: int | None = Field(default=None, ge=0, le=120)
    life_stage: str | None = None
    gender: str | None = None
    location: str | None = None
    occupation: str | None = None
    segment: str | None = None
    interests: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    pain_points: list[str] = Field(default_factory=list)
    media: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
