"""Build the view of one journey: every lane of every step, from the models and the project.

The map is cut into bands (see `bands.py`); the emotion curve and the opportunity matrix
are drawn by `charts.py`; the Mermaid diagram by `mermaid.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kundresa.figures import money_text
from kundresa.models import Journey, Level, Opportunity, PlanItem, Step
from kundresa.render import charts
from kundresa.render.asis import as_is_overlay
from kundresa.render.bands import cut_bands, phase_views
from kundresa.render.kpis import NO_TARGET, KpiView, kpi_views
from kundresa.render.mermaid import mermaid_blocks
from kundresa.render.personas import PersonaView, missing_persona, persona_view
from kundresa.render.text import safe_url
from kundresa.render.views import (
    Context,
    EmotionValue,
    GoalView,
    JourneyView,
    OpportunityView,
    PlanView,
    Series,
    StepView,
    TouchpointView,
)

_SERIES_COUNT = 6


def journey_view(journey: Journey, context: Context) -> JourneyView:
    """Return the view of `journey`: bands of steps, charts, KPIs, personas and plan."""
    t = context.labels
    kpis = kpi_views(journey, context.results, t, context.language, context.currency)
    kpi_by_id = {kpi.id: kpi for kpi in kpis}
    series_ids = _series_ids(journey)
    series = [
        Series(f"s{i % _SERIES_COUNT}", _series_label(sid, context), charts.shape(i))
        for i, sid in enumerate(series_ids)
    ]
    flat = journey.steps()
    opportunities: list[OpportunityView] = []
    by_id = dict(zip(series_ids, series, strict=True))
    steps: list[StepView] = []
    slots: list[Step | None] = []  # one per column: a step, or None for an empty phase
    empties = 0
    for p, phase in enumerate(journey.phases):
        if not phase.steps:
            steps.append(_empty(by_id))
            slots.append(None)
            empties += 1
        for s, step in enumerate(phase.steps):
            steps.append(
                _step(
                    journey,
                    phase_index=p,
                    step_index=s,
                    step=step,
                    number=len(slots) - empties + 1,
                    context=context,
                    kpi_by_id=kpi_by_id,
                    series=by_id,
                    opportunities=opportunities,
                )
            )
            slots.append(step)
    overlay = as_is_overlay(journey, context.journeys, list(by_id.items()), t)
    if overlay is not None:
        steps = [_marked(view, mark, t) for view, mark in zip(steps, overlay.marks, strict=True)]
    inputs = [
        charts.SeriesInput(
            one.key,
            one.label,
            [step.emotion_for(sid) if step else None for step in slots],
            [_point_title(one.label, view, t) for view in steps],
        )
        for sid, one in by_id.items()
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
        personas=_personas(journey, context, by_id),
        series=series,
        goals=[GoalView(g.text, kpi_by_id.get(g.kpi) if g.kpi else None) for g in journey.goals],
        kpis=kpis,
        bands=cut_bands(journey, steps, inputs, t, overlay.faded if overlay else ()),
        phases=phase_views(journey, steps),
        opportunities=opportunities,
        sized=sized,
        unsized=[o for o in opportunities if not (o.value_key and o.effort_key)],
        matrix=charts.matrix(placed),
        plan=[_plan(item, context) for item in journey.plan],
        step_count=len(flat),
        phase_count=len(journey.phases),
        mermaid=mermaid_blocks(
            journey,
            series_ids,
            lambda sid: _series_label(sid, context),
            t,
            context.on_warning,
        ),
        as_is=overlay.view if overlay else None,
    )


def _marked(view: StepView, mark: str | None, t: Mapping[str, str]) -> StepView:
    """Return a step's view marked new or changed against the as-is journey."""
    return replace(view, change_key=mark, change=t[f"step_{mark}"]) if mark else view


def _series_ids(journey: Journey) -> list[str | None]:
    """Return whose lines the chart draws: the journey's personas, or the one customer.

    Personas scored at a step but not listed on the journey get a line too, after the
    listed ones, so that no score is dropped.
    """
    scored = [
        persona_id
        for _, _, step in journey.steps()
        if isinstance(step.emotion, dict)
        for persona_id in step.emotion
    ]
    if not scored:
        return [None]
    listed = list(journey.personas)
    return [*listed, *dict.fromkeys(p for p in scored if p not in listed)]


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
    """Return the view of one step; its opportunities are numbered on from `opportunities`."""
    t = context.labels
    touchpoint = _touchpoint(step.touchpoint, context)
    where = f"{journey.phases[phase_index].name} · {t['step']} {number}"
    own = [
        _opportunity(opportunity, len(opportunities) + i, where, t)
        for i, opportunity in enumerate(step.opportunities, start=1)
    ]
    opportunities.extend(own)
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


def _opportunity(
    opportunity: Opportunity, number: int, where: str, t: Mapping[str, str]
) -> OpportunityView:
    value, effort = opportunity.value, opportunity.effort
    return OpportunityView(
        number=number,
        text=opportunity.text,
        value_key=value.value if value else None,
        value=_level(value, t),
        effort_key=effort.value if effort else None,
        effort=_level(effort, t),
        quadrant=charts.quadrant(value.value, effort.value) if value and effort else None,
        where=where,
    )


def _empty(series: Mapping[str | None, Series]) -> StepView:
    """Return the column of a phase that has no steps yet."""
    return StepView(
        number=0,
        action="",
        thoughts=None,
        touchpoint=None,
        emotions=[EmotionValue(one.key, one.label, None) for one in series.values()],
        pain_points=[],
        opportunities=[],
        kpis=[],
        owner=None,
        phase_start=True,
        empty=True,
    )


def _level(level: Level | None, t: Mapping[str, str]) -> str | None:
    return t[level.value] if level else None


def _touchpoint(touchpoint_id: str | None, context: Context) -> TouchpointView | None:
    if touchpoint_id is None:
        return None
    found = context.touchpoints.get(touchpoint_id)
    scores = tuple(context.scores.get(touchpoint_id, ()))
    if found is None:
        return TouchpointView(id=touchpoint_id, name=touchpoint_id, known=False, scores=scores)
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
        scores=scores,
    )


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
            money_text(item.budget, context.language, context.currency)
            if item.budget is not None
            else None
        ),
        status_key=item.status.value,
        status=t[item.status.value],
    )
