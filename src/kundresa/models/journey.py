"""The model of a journey file (`kind: journey`): phases, steps, KPIs, goals and plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StrictInt, WithJsonSchema

from kundresa.models.target import Target
from kundresa.models.vocabulary import JourneyState, Level, Metric, PlanStatus, Slug, Strict

EmotionScore = Annotated[StrictInt, Field(ge=1, le=5)]
TargetText = Annotated[
    Target,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*(>=|<=|==|=|>|<|≥|≤)\s*[-+−]?[\d\s ]*\d[.,]?\d*\s*%?\s*$",
            "description": "A comparison and a value, such as '>= 35%' or '< 5'.",
            "examples": [">= 35%", ">= 40", "<= 20%"],
        }
    ),
]


class Opportunity(Strict):
    """An idea that removes a pain point, sized by value and effort."""

    text: str
    value: Level | None = Field(default=None, description="What it is worth: low, medium, high.")
    effort: Level | None = Field(default=None, description="What it costs: low, medium, high.")


class Step(Strict):
    """What the customer does at one touchpoint, thinks and feels."""

    touchpoint: Slug | None = Field(default=None, description="A touchpoint id from the catalogue.")
    id: Slug | None = Field(
        default=None, description="Unique in the journey: keeps the step's identity across edits."
    )
    action: str = Field(description="What the customer does.")
    thoughts: str | None = Field(default=None, description="What the customer thinks.")
    emotion: EmotionScore | dict[Slug, EmotionScore] | None = Field(
        default=None,
        description="1 (very negative) to 5 (very positive), or one per persona id.",
    )
    pain_points: list[str] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    kpis: list[Slug] = Field(
        default_factory=list, description="Ids of the journey's KPIs measured at this step."
    )

    def emotion_for(self, persona: str | None) -> int | None:
        """Return the emotion of one persona (or the shared one), None where not given."""
        if isinstance(self.emotion, dict):
            return self.emotion.get(persona) if persona else None
        return self.emotion


class Phase(Strict):
    """A period of the journey, such as awareness or the day of the event."""

    id: Slug
    name: str
    description: str | None = None
    steps: list[Step] = Field(default_factory=list)


class Kpi(Strict):
    """A measure of the journey with its target; `custom` metrics carry their own value."""

    id: Slug
    metric: Metric = Field(description="A metric computed by `kundresa kpi`, or custom.")
    target: TargetText | None = None
    name: str | None = None
    description: str | None = None
    value: Decimal | None = Field(
        default=None, description="The measured value of a custom metric."
    )


class Goal(Strict):
    """What the business wants from the journey, tied to a KPI."""

    text: str
    kpi: Slug | None = Field(default=None, description="The id of the KPI that measures it.")


class PlanItem(Strict):
    """A piece of work that makes the journey real: who, when, how much."""

    text: str
    owner: str | None = None
    due: dt.date | None = None
    budget: Decimal | None = Field(default=None, ge=0)
    status: PlanStatus = Field(default=PlanStatus.TODO, description="todo, doing or done.")


class Journey(Strict):
    """A customer journey: phases of steps at touchpoints, with goals, KPIs and a plan."""

    kind: Literal["journey"]
    id: Slug
    title: str
    description: str | None = None
    state: JourneyState = Field(
        default=JourneyState.CURRENT, description="current (as-is) or future (to-be)."
    )
    as_is: Slug | None = Field(
        default=None, description="On a future journey: the id of the current journey it improves."
    )
    owner: str | None = None
    personas: list[Slug] = Field(
        default_factory=list, description="Ids of the personas this journey is mapped for."
    )
    goals: list[Goal] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    phases: list[Phase] = Field(min_length=1)
    plan: list[PlanItem] = Field(default_factory=list)
    reviewed: dt.date | None = Field(
        default=None,
        description="When the team last reviewed the map, YYYY-MM-DD (KR303 warns when stale).",
    )

    def steps(self) -> list[tuple[int, int, Step]]:
        """Return every step with its phase index and step index, in journey order."""
        return [
            (p, s, step)
            for p, phase in enumerate(self.phases)
            for s, step in enumerate(phase.steps)
        ]
