"""The model of a journey file (`kind: journey`): phases, steps, KPIs, goals and plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StrictInt, WithJsonSchema

from kundresa.models.target import Target
from kundresa.models.vocabulary import (
    IDS_KEYWORD,
    JourneyState,
    Level,
    Metric,
    PlanStatus,
    Slug,
    Strict,
)

EmotionScore = Annotated[StrictInt, Field(ge=1, le=5)]
_EMOTION_SCALE = (
    "How the customer feels at this step: one score for everyone, or one per persona.\n\n"
    "| score | feeling |\n|---|---|\n| 1 | very negative |\n| 2 | negative |\n"
    "| 3 | neutral |\n| 4 | positive |\n| 5 | very positive |\n\n"
    "`emotion: 4`, or `emotion: {pop-petra: 4, opera-olle: 2}`. "
    "The scores draw the map's emotion curve."
)
_METRICS = (
    "What `kundresa kpi` computes from your exports for this KPI, or `custom` for a value "
    "you give yourself in `value:`.\n\n"
    "| metric | what it is |\n|---|---|\n"
    "| customers | distinct customers |\n| orders | orders |\n| revenue | sum of sales |\n"
    "| aov | average order value |\n| purchase_frequency | orders per customer |\n"
    "| repeat_rate | share of customers who bought twice or more |\n"
    "| avg_lifespan_days | days from a customer's first to last order |\n"
    "| historic_clv | revenue per customer so far |\n| clv | customer lifetime value |\n"
    "| churn_rate | share of customers who stopped buying |\n"
    "| anonymous_orders | orders without a customer id (walk-up sales) |\n"
    "| anonymous_revenue | revenue of the orders without a customer id |\n"
    "| nps | Net Promoter Score, -100 to 100 |\n| csat | share of satisfied answers |\n"
    "| conversion | share that goes on to the next funnel step |\n"
    "| custom | a value you measure yourself |"
)
TargetText = Annotated[
    Target,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*(>=|<=|==|=|>|<|≥|≤)\s*[-+−]?[\d\s ]*\d[.,]?\d*\s*%?\s*$",
            "patternErrorMessage": "Not a target: write a comparison and a number, "
            "such as '>= 35%' or '< 5'.",
            "description": "The goal for this KPI: a comparison and a value, such as '>= 35%' "
            "or '< 5'. Write % for rates.",
            "examples": [">= 35%", ">= 40", "<= 20%"],
        }
    ),
]


class Opportunity(Strict):
    """An idea that removes a pain point, sized by value and effort."""

    text: str = Field(description="The idea, such as 'Date and link in the first frame'.")
    value: Level | None = Field(
        default=None,
        description="What it is worth to the customer and the business: low, medium or high. "
        "With effort, it places the idea in the map's opportunity matrix.",
    )
    effort: Level | None = Field(
        default=None, description="What it costs to make it happen: low, medium or high."
    )


class Step(Strict):
    """What the customer does at one touchpoint, thinks and feels."""

    touchpoint: Slug | None = Field(
        default=None,
        description="Where the step happens: the id of a touchpoint in your touchpoints/ "
        "catalogue, such as instagram.",
        json_schema_extra={IDS_KEYWORD: "touchpoint"},
    )
    id: Slug | None = Field(
        default=None,
        description="The step's own id, unique in the journey, such as sees-reel: it keeps "
        "the step's identity when it is reworded or moved (kundresa diff).",
    )
    action: str = Field(
        description="What the customer does, such as 'Sees a reel with the artist'."
    )
    thoughts: str | None = Field(
        default=None,
        description="What the customer thinks, in their words, such as 'When is it on?'.",
    )
    emotion: EmotionScore | dict[Slug, EmotionScore] | None = Field(
        default=None,
        description="How the customer feels: 1 (very negative) to 5 (very positive), "
        "or one score per persona id, such as {pop-petra: 4, opera-olle: 2}.",
        json_schema_extra={"markdownDescription": _EMOTION_SCALE, IDS_KEYWORD: "persona"},
    )
    pain_points: list[str] = Field(
        default_factory=list,
        description="What gets in the customer's way at this step, such as "
        "'Cannot find the date in the post'.",
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list,
        description="Ideas that remove a pain point, each with its value and effort.",
    )
    kpis: list[Slug] = Field(
        default_factory=list,
        description="Ids of the journey's KPIs measured at this step, such as [nps].",
        json_schema_extra={IDS_KEYWORD: "kpi"},
    )

    def emotion_for(self, persona: str | None) -> int | None:
        """Return the emotion of one persona (or the shared one), None where not given."""
        if isinstance(self.emotion, dict):
            return self.emotion.get(persona) if persona else None
        return self.emotion


class Phase(Strict):
    """A period of the journey, such as awareness or the day of the event."""

    id: Slug = Field(
        description="The phase's id, unique in the journey, such as awareness or before-event."
    )
    name: str = Field(description="The phase's name as the map shows it, such as Awareness.")
    description: str | None = Field(
        default=None, description="What goes on in this phase, for the reader of the map."
    )
    steps: list[Step] = Field(
        default_factory=list,
        description="What the customer does in this phase, one step per touchpoint, in order.",
    )


class Kpi(Strict):
    """A measure of the journey with its target; `custom` metrics carry their own value."""

    id: Slug = Field(
        description="The KPI's id, used by goals and steps, such as repeat-rate or nps."
    )
    metric: Metric = Field(
        description="What kundresa kpi computes for it, such as repeat_rate or nps, "
        "or custom for a value you give.",
        json_schema_extra={"markdownDescription": _METRICS},
    )
    target: TargetText | None = None
    name: str | None = Field(
        default=None, description="A readable name for the map, such as 'Returning visitors'."
    )
    description: str | None = Field(
        default=None, description="What the KPI shows and why it matters."
    )
    value: Decimal | None = Field(
        default=None,
        description="The measured value of a custom metric, such as 4.2; "
        "other metrics are computed from your exports.",
    )


class Goal(Strict):
    """What the business wants from the journey, tied to a KPI."""

    text: str = Field(description="What the business wants, such as 'More returning visitors'.")
    kpi: Slug | None = Field(
        default=None,
        description="The id of the journey's KPI that measures it, such as nps.",
        json_schema_extra={IDS_KEYWORD: "kpi"},
    )


class PlanItem(Strict):
    """A piece of work that makes the journey real: who, when, how much."""

    text: str = Field(description="The piece of work, such as 'Set up an SMS reminder'.")
    owner: str | None = Field(
        default=None, description="Who does it: a person or a team, such as CRM."
    )
    due: dt.date | None = Field(
        default=None,
        description="When it is due, as YYYY-MM-DD, such as 2026-05-01.",
        json_schema_extra={
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "patternErrorMessage": "Not a date: write it as YYYY-MM-DD, such as 2026-05-01.",
        },
    )
    budget: Decimal | None = Field(
        default=None, ge=0, description="What it may cost, in the project's currency."
    )
    status: PlanStatus = Field(
        default=PlanStatus.TODO, description="How far it has come: todo, doing or done."
    )


class Journey(Strict):
    """A customer journey: phases of steps at touchpoints, with goals, KPIs and a plan."""

    kind: Literal["journey"] = Field(description="What the file holds: journey, for a journey map.")
    id: Slug = Field(description="The journey's id, unique in the project, such as summer-concert.")
    title: str = Field(description="The title on the map, such as 'Summer concert in the park'.")
    description: str | None = Field(
        default=None, description="What the journey covers, for the reader of the map."
    )
    state: JourneyState = Field(
        default=JourneyState.CURRENT,
        description="current maps the journey as it is today (as-is); future, as planned (to-be).",
    )
    owner: str | None = Field(
        default=None, description="Who is responsible for the journey, such as Marketing."
    )
    as_is: Slug | None = Field(
        default=None,
        description="On a future journey: the id of the current journey it improves on, "
        "such as concert-today; the map draws that journey's curves under this one's.",
        json_schema_extra={IDS_KEYWORD: "journey"},
    )
    personas: list[Slug] = Field(
        default_factory=list,
        description="Ids of the personas this journey is mapped for, such as [pop-petra].",
        json_schema_extra={IDS_KEYWORD: "persona"},
    )
    goals: list[Goal] = Field(
        default_factory=list, description="What the business wants from this journey."
    )
    kpis: list[Kpi] = Field(
        default_factory=list,
        description="How the journey is measured: each KPI with its metric and target.",
    )
    phases: list[Phase] = Field(
        min_length=1,
        description="The periods of the journey in order, such as awareness, consideration, "
        "purchase, the event itself and loyalty.",
    )
    plan: list[PlanItem] = Field(
        default_factory=list,
        description="The work that makes the journey real: who, when and how much.",
    )
    reviewed: dt.date | None = Field(
        default=None,
        description="When the team last reviewed the map, such as 2026-03-01 "
        "(lint warns, KR303, when it is older than lint.max_age_days).",
    )

    def steps(self) -> list[tuple[int, int, Step]]:
        """Return every step with its phase index and step index, in journey order."""
        return [
            (p, s, step)
            for p, phase in enumerate(self.phases)
            for s, step in enumerate(phase.steps)
        ]
