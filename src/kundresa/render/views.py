"""The view of one journey: every lane of every step, computed here for the templates.

The map is cut into bands of at most `BAND_STEPS` steps, whole phases where they fit,
so that a band fits the width of an A3 landscape page and no lane is ever cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kundresa.models import Journey, Level, Persona, PlanItem, Step, Touchpoint
from kundresa.render import charts
from kundresa.render.kpis import NO_TARGET, KpiView, kpi_views
from kundresa.render.personas import PersonaView, missing_persona, persona_view
from kundresa.render.text import format_number, mermaid_text, safe_url

#: Steps per band: 8 columns of 10.5rem beside the lane names fit 400 mm of A3 paper.
BAND_STEPS = 8
_SERIES_COUNT = 6


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
    mermaid: list[str]


@dataclass(frozen=True)
class Context:
    """What a journey view needs from the project besides the journey."""

    labels: Mapping[str, str]
    language: str
    currency: str
    personas: Mapping[str, Persona]
    touchpoints: Mapping[str, Touchpoint]
    results: Mapping[str, Decimal] | None
    persona_href: Mapping[str, str]


def journey_view(journey: Journey, context: Context) -> JourneyView:
    """Return the view of `journey`: bands of steps, charts, KPIs, personas and plan."""
    t = context.labels
    kpis = kpi_views(journey, context.results, t, context.language, context.currency)
    kpi_by_id = {kpi.id: kpi for kpi in kpis}
    series_ids = _series_ids(journey)
    series = [
        Series(f"s{i % _SERIES_COUNT}", _series_label(sid, context), charts_shape(i))
        for i, sid in enumerate(series_ids)
    ]
    flat = journey.steps()
    opportunities: list[OpportunityView] = []
    steps = [
        _step(
            journey,
            phase_index=p,
            step_index=s,
            step=step,
            number=number,
            context=context,
            kpi_by_id=kpi_by_id,
            series=dict(zip(series_ids, series, strict=True)),
            opportunities=opportunities,
        )
        for number, (p, s, step) in enumerate(flat, start=1)
    ]
    inputs = [
        charts.SeriesInput(
            one.key,
            one.label,
            [step.emotion_for(sid) for _, _, step in flat],
            [_point_title(one.label, view, t) for view in steps],
        )
        for one, sid in zip(series, series_ids, strict=True)
    ]
    sized = [o for o in opportunities if o.value_key and o.effort_key]
    placed = [
        charts.Placed(o.number, o.value_key or "", o.effort_key or "", f"{o.number}. {o.text}")
        for o in sized
    ]
    return JourneyView(
        id=journey.id,
        title=journey.title,
        description=journey.description,
        state_key=journey.state.value,
        state=t[f"state_{journey.state.value}"],
        owner=journey.owner,
        personas=_personas(journey, context, dict(zip(series_ids, series, strict=True))),
        series=series,
        goals=[GoalView(g.text, kpi_by_id.get(g.kpi) if g.kpi else None) for g in journey.goals],
        kpis=kpis,
        bands=_bands(journey, steps, inputs, t),
        phases=_phases(journey, steps),
        opportunities=opportunities,
        sized=sized,
        unsized=[o for o in opportunities if not (o.value_key and o.effort_key)],
        matrix=charts.matrix(placed),
        plan=[_plan(item, context) for item in journey.plan],
        step_count=len(flat),
        phase_count=len(journey.phases),
        mermaid=_mermaid(journey, series_ids, context),
    )


def charts_shape(index: int) -> str:
    """Return the marker shape of the series at `index`, as the chart draws it."""
    return ("circle", "square", "diamond", "triangle")[index % 4]


def _series_ids(journey: Journey) -> list[str | None]:
    per_persona = any(isinstance(step.emotion, dict) for _, _, step in journey.steps())
    if per_persona and journey.personas:
        return list(journey.personas)
    return [None]


def _series_label(persona_id: str | None, context: Context) -> str:
    if persona_id is None:
        return context.labels["customer"]
    persona = context.personas.get(persona_id)
    return persona.name if persona else persona_id


def _point_title(label: str, step: StepView, t: Mapping[str, str]) -> str:
    return f"{label} · {t['step']} {step.number}: {step.action}"


def _step(
    journey: Journey,
    *,
    phase_index: int,
    step_index: int,
    step: Step,
    number: int,
    context: Context,
    kpi_by_id: Mapping[str, KpiView],
    series: Mapping[str | None, Series],
    opportunities: list[OpportunityView],
) -> StepView:
    t = context.labels
    touchpoint = _touchpoint(step.touchpoint, context)
    where = f"{journey.phases[phase_index].name} · {t['step']} {number}"
    for opportunity in step.opportunities:
        value, effort = opportunity.value, opportunity.effort
        opportunities.append(
            OpportunityView(
                number=len(opportunities) + 1,
                text=opportunity.text,
                value_key=value.value if value else None,
                value=_level(value, t),
                effort_key=effort.value if effort else None,
                effort=_level(effort, t),
                quadrant=charts.quadrant(value.value, effort.value) if value and effort else None,
                where=where,
            )
        )
    own = opportunities[len(opportunities) - len(step.opportunities) :]
    return StepView(
        number=number,
        action=step.action,
        thoughts=step.thoughts,
        touchpoint=touchpoint,
        emotions=[
            EmotionValue(one.key, one.label, step.emotion_for(sid)) for sid, one in series.items()
        ],
        pain_points=list(step.pain_points),
        opportunities=own,
        kpis=[
            kpi_by_id.get(k) or KpiView(k, k, "", None, None, None, NO_TARGET) for k in step.kpis
        ],
        owner=touchpoint.owner if touchpoint else None,
        phase_start=step_index == 0,
    )


def _level(level: Level | None, t: Mapping[str, str]) -> str | None:
    return t[level.value] if level else None


def _touchpoint(touchpoint_id: str | None, context: Context) -> TouchpointView | None:
    if touchpoint_id is None:
        return None
    found = context.touchpoints.get(touchpoint_id)
    if found is None:
        return TouchpointView(id=touchpoint_id, name=touchpoint_id, known=False)
    t = context.labels
    return TouchpointView(
        id=found.id,
        name=found.name,
        known=True,
        channel=t[f"ch_{found.channel.value}"],
        medium_key=found.medium.value,
        medium=t[found.medium.value],
        ownership_key=found.ownership.value,
        ownership=t[found.ownership.value],
        owner=found.owner,
        conversion=found.conversion,
        feedback=found.asks_feedback,
        role=t[found.role.value] if found.role else None,
        url=safe_url(found.url),
        description=found.description,
    )


def _bands(
    journey: Journey,
    steps: Sequence[StepView],
    inputs: Sequence[charts.SeriesInput],
    t: Mapping[str, str],
) -> list[Band]:
    """Cut the steps into bands: whole phases while they fit, long phases in pieces."""
    ranges: list[tuple[int, int]] = []
    start = 0
    phase_starts: list[int] = []
    for phase in journey.phases:
        phase_starts.append(start)
        start += len(phase.steps)
    cuts = [0]
    for begin, phase in zip(phase_starts, journey.phases, strict=True):
        end = begin + len(phase.steps)
        if end - cuts[-1] > BAND_STEPS and begin > cuts[-1]:
            cuts.append(begin)
        while end - cuts[-1] > BAND_STEPS:
            cuts.append(cuts[-1] + BAND_STEPS)
    total = len(steps)
    ranges = [(a, b) for a, b in zip(cuts, [*cuts[1:], total], strict=True) if b > a]
    bands = []
    for number, (a, b) in enumerate(ranges, start=1):
        spans = []
        for p, (begin, phase) in enumerate(zip(phase_starts, journey.phases, strict=True)):
            lo, hi = max(begin, a), min(begin + len(phase.steps), b)
            if hi > lo:
                spans.append(
                    PhaseSpan(phase.id, phase.name, phase.description, hi - lo, lo > begin, p + 1)
                )
        bands.append(
            Band(
                number,
                b - a,
                spans,
                list(steps[a:b]),
                charts.emotion_chart(inputs, a, b, phase_starts),
                _summary(steps[a:b], t),
            )
        )
    return bands


def _phases(journey: Journey, steps: Sequence[StepView]) -> list[PhaseView]:
    views = []
    start = 0
    for number, phase in enumerate(journey.phases, start=1):
        end = start + len(phase.steps)
        views.append(
            PhaseView(phase.id, number, phase.name, phase.description, list(steps[start:end]))
        )
        start = end
    return views


def _summary(steps: Sequence[StepView], t: Mapping[str, str]) -> str:
    """Return the scores of a band in words: the chart's text alternative."""
    if not steps:
        return ""
    lines = []
    for index, emotion in enumerate(steps[0].emotions):
        scores = []
        for step in steps:
            score = step.emotions[index].score
            said = t["not_given"] if score is None else f"{score} {t['of_5']}"
            scores.append(f"{t['step']} {step.number}: {said}")
        lines.append(f"{emotion.label}: {'; '.join(scores)}.")
    return " ".join(lines)


def _personas(
    journey: Journey, context: Context, series: Mapping[str | None, Series]
) -> list[PersonaView]:
    views = []
    for persona_id in journey.personas:
        persona = context.personas.get(persona_id)
        line = series.get(persona_id)
        key = line.key if line else None
        if persona is None:
            views.append(missing_persona(persona_id, key))
        else:
            href = context.persona_href.get(persona_id)
            shape = line.shape if line else None
            views.append(persona_view(persona, context.labels, series=key, shape=shape, href=href))
    return views


def _plan(item: PlanItem, context: Context) -> PlanView:
    t = context.labels
    return PlanView(
        text=item.text,
        owner=item.owner,
        due=item.due.isoformat() if item.due else None,
        budget=(
            f"{format_number(item.budget, context.language)}\u00a0{context.currency}"
            if item.budget is not None
            else None
        ),
        status_key=item.status.value,
        status=t[item.status.value],
    )


def _mermaid(journey: Journey, series_ids: Sequence[str | None], context: Context) -> list[str]:
    """Return the lines of a Mermaid `journey` diagram: sections, tasks, scores, actors."""
    actors = {
        sid: mermaid_text(_series_label(sid, context)) for sid in series_ids if sid is not None
    }
    everyone = ", ".join(mermaid_text(_series_label(p, context)) for p in journey.personas)
    lines = ["journey", f"  title {mermaid_text(journey.title)}"]
    for phase in journey.phases:
        lines.append(f"  section {mermaid_text(phase.name)}")
        for step in phase.steps:
            task = mermaid_text(step.action)
            if not actors:
                if step.emotion is not None:
                    score = step.emotion_for(None)
                    lines.append(f"    {task}: {score}" + (f": {everyone}" if everyone else ""))
                continue
            by_score: dict[int, list[str]] = {}
            for sid, name in actors.items():
                score = step.emotion_for(sid)
                if score is not None:
                    by_score.setdefault(score, []).append(name)
            lines.extend(
                f"    {task}: {score}: {', '.join(names)}" for score, names in by_score.items()
            )
    return lines
