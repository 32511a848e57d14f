"""The view objects that templates receive: a journey, its bands, steps and lanes.

Everything a template shows is computed before it gets here (see `journey.py`), so the
templates only lay it out: no arithmetic, sorting or lookups in Jinja.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kundresa.kpi.result import KpiResult
from kundresa.models import Journey, Persona, Touchpoint
from kundresa.render import charts
from kundresa.render.kpis import KpiView, ScoreView
from kundresa.render.mermaid import MermaidBlock
from kundresa.render.personas import PersonaView


@dataclass(frozen=True)
class TouchpointView:
    """A touchpoint as shown in a step: name, channel, medium, ownership and marks."""

    id: str
    name: str
    known: bool
    channel: str | None = None
    medium_key: str | None = None
    medium: str | None = None
    ownership_key: str | None = None
    ownership: str | None = None
    owner: str | None = None
    conversion: bool = False
    feedback: bool = False
    role: str | None = None
    url: str | None = None
    description: str | None = None
    #: The survey's CSAT and NPS at this touchpoint, with n and interval.
    scores: tuple[ScoreView, ...] = ()


@dataclass(frozen=True)
class OpportunityView:
    """An opportunity with its number (shared by the map and the matrix) and its sizes."""

    number: int
    text: str
    value_key: str | None
    value: str | None
    effort_key: str | None
    effort: str | None
    quadrant: str | None
    where: str


@dataclass(frozen=True)
class EmotionValue:
    """One series' score at a step, for text alternatives."""

    series: str
    label: str
    score: int | None


@dataclass(frozen=True)
class StepView:
    """One column of the map."""

    number: int
    action: str
    thoughts: str | None
    touchpoint: TouchpointView | None
    emotions: list[EmotionValue]
    pain_points: list[str]
    opportunities: list[OpportunityView]
    kpis: list[KpiView]
    owner: str | None
    phase_start: bool
    #: A column that stands for a phase with no steps yet, so the phase is still drawn.
    empty: bool = False
    #: On a future journey with `as_is`: "new" or "changed" against the as-is journey.
    change_key: str | None = None
    change: str | None = None


@dataclass(frozen=True)
class PhaseSpan:
    """A phase's header over its columns in one band."""

    id: str
    name: str
    description: str | None
    span: int
    continued: bool
    number: int


@dataclass(frozen=True)
class PhaseView:
    """A whole phase with its steps, for outputs that list rather than draw the map."""

    id: str
    number: int
    name: str
    description: str | None
    steps: list[StepView]


@dataclass(frozen=True)
class Band:
    """A run of whole phases (or part of a long one) that fits one printed page."""

    number: int
    size: int
    phases: list[PhaseSpan]
    steps: list[StepView]
    chart: charts.EmotionChart
    summary: str


@dataclass(frozen=True)
class Series:
    """One line of the emotion curve: a persona, or the customer when none is named."""

    key: str
    label: str
    shape: str


@dataclass(frozen=True)
class GoalView:
    """A goal and the KPI that measures it."""

    text: str
    kpi: KpiView | None


@dataclass(frozen=True)
class PlanView:
    """A plan item with its status and figures written out."""

    text: str
    owner: str | None
    due: str | None
    budget: str | None
    status_key: str
    status: str


@dataclass(frozen=True)
class RemovedPain:
    """A pain point of the as-is journey that the future journey no longer has."""

    text: str
    where: str


@dataclass(frozen=True)
class AsIsView:
    """What the map says about the as-is journey it is drawn over."""

    id: str
    title: str
    removed_pains: list[RemovedPain]


@dataclass(frozen=True)
class JourneyView:
    """Everything a journey page shows."""

    id: str
    title: str
    description: str | None
    state_key: str
    state: str
    owner: str | None
    personas: list[PersonaView]
    series: list[Series]
    goals: list[GoalView]
    kpis: list[KpiView]
    bands: list[Band]
    phases: list[PhaseView]
    opportunities: list[OpportunityView]
    sized: list[OpportunityView]
    unsized: list[OpportunityView]
    matrix: charts.Matrix
    plan: list[PlanView]
    step_count: int
    phase_count: int
    mermaid: list[MermaidBlock]
    as_is: AsIsView | None = None


@dataclass(frozen=True)
class Context:
    """What a journey view needs from the project besides the journey."""

    labels: Mapping[str, str]
    language: str
    currency: str
    personas: Mapping[str, Persona]
    touchpoints: Mapping[str, Touchpoint]
    results: KpiResult | None
    scores: Mapping[str, list[ScoreView]]
    persona_href: Mapping[str, str]
    #: Every journey of the project by id, to draw a future journey over its `as_is`.
    journeys: Mapping[str, Journey] = field(default_factory=dict)
    on_warning: Callable[[str], None] | None = None
