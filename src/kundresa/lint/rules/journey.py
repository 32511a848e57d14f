"""Rules about the shape and quality of a journey: phases, conversion, feedback, emotions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kundresa.diagnostics import Severity
from kundresa.lint.rule import Finding, rule

if TYPE_CHECKING:
    from kundresa.lint.context import Context
    from kundresa.models import Journey
    from kundresa.project import Located

StepPath = tuple[str, int, str, int]


def _step_path(phase: int, step: int) -> StepPath:
    return ("phases", phase, "steps", step)


def _first_conversion(context: Context, journey: Journey) -> tuple[int, int] | None:
    """Return the phase and step index of the journey's first conversion point."""
    for p, s, step in journey.steps():
        found = context.touchpoints.get(step.touchpoint or "")
        if found is not None and found.model.conversion:
            return p, s
    return None


def _route_known(context: Context, journey: Located[Journey]) -> bool:
    """Return True when every phase and step and the touchpoint of each step are known.

    The rules about the route (conversion, what follows it, feedback) judge only such
    journeys: a step left out for breaking the schema, or a touchpoint id that names
    nothing (reported as KR102), may be the conversion point.
    """
    for path in journey.document.lost:
        if path[0] == "phases" and (
            len(path) <= 2 or (path[2] == "steps" and (len(path) <= 4 or path[4] == "touchpoint"))
        ):
            return False
    return all(
        step.touchpoint is None or step.touchpoint in context.touchpoints
        for _, _, step in journey.model.steps()
    )


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


@rule("KR201", "empty-phase", Severity.WARNING)
def empty_phase(context: Context) -> Iterator[Finding]:
    """A phase has no steps.

    An empty phase is a column with nothing in it on the map: either the journey is not
    mapped there yet, or the phase is not part of it.
    """
    for journey in context.project.journeys:
        for p, phase in enumerate(journey.model.phases):
            if not phase.steps and not journey.lost("phases", p, "steps"):
                yield Finding(
                    journey.locate("phases", p, "steps", key=True),
                    f"the phase '{phase.id}' has no steps",
                    "add what the customer does in this phase, or remove the phase",
                )


@rule("KR202", "no-conversion-point", Severity.WARNING)
def no_conversion_point(context: Context) -> Iterator[Finding]:
    """The journey has no conversion point.

    A conversion point (a ticket purchase, a sign-up) is where the customer takes the
    step the business is after; without one the journey cannot be measured against sales.
    """
    if not context.catalogue_complete:
        return
    for journey in context.project.journeys:
        if _route_known(context, journey) and _first_conversion(context, journey.model) is None:
            yield Finding(
                journey.locate("phases", key=True),
                f"the journey '{journey.model.id}' has no conversion point",
                "mark the touchpoint where the customer buys or signs up with "
                "'conversion: true' in the catalogue",
            )


@rule("KR203", "ends-at-purchase", Severity.WARNING)
def ends_at_purchase(context: Context) -> Iterator[Finding]:
    """The journey ends at the purchase: no phase comes after the first conversion point.

    A customer journey does not end at the purchase: the visit, the follow-up and loyalty
    decide whether the customer comes back.
    """
    if not context.catalogue_complete:
        return
    for journey in context.project.journeys:
        first = _first_conversion(context, journey.model)
        if first is None or not _route_known(context, journey):
            continue
        if first[0] == len(journey.model.phases) - 1:
            phase = journey.model.phases[first[0]]
            yield Finding(
                journey.locate("phases", first[0], "id"),
                f"the journey ends at the purchase: no phase comes after '{phase.id}', "
                "where the first conversion point is",
                "add the phases that follow, such as the visit, the follow-up and loyalty",
            )


@rule("KR204", "no-feedback-after-conversion", Severity.WARNING)
def no_feedback_after_conversion(context: Context) -> Iterator[Finding]:
    """No step after the first conversion point asks the customer for feedback.

    Feedback after the purchase (a survey, a review request) is how the journey is
    improved; a touchpoint asks for it with `feedback: true` or the channel `review`.
    """
    if not context.catalogue_complete:
        return
    for journey in context.project.journeys:
        first = _first_conversion(context, journey.model)
        if first is None or not _route_known(context, journey):
            continue
        later = [(p, s) for p, s, _ in journey.model.steps() if (p, s) > first]
        if not any(_asks_feedback(context, journey.model, p, s) for p, s in later):
            step = journey.model.phases[first[0]].steps[first[1]]
            yield Finding(
                journey.locate(*_step_path(*first), "touchpoint"),
                f"no step after the first conversion point ('{step.touchpoint}') asks for feedback",
                "add a step at a touchpoint with 'feedback: true', such as a survey after "
                "the event",
            )


def _asks_feedback(context: Context, journey: Journey, phase: int, step: int) -> bool:
    touchpoint = context.touchpoints.get(journey.phases[phase].steps[step].touchpoint or "")
    return touchpoint is not None and touchpoint.model.asks_feedback


@rule("KR205", "pain-point-without-opportunity", Severity.INFO)
def pain_point_without_opportunity(context: Context) -> Iterator[Finding]:
    """A step has pain points but no opportunity to remove them.

    A pain point is worth mapping because it leads to an idea; a step with pain points and
    no opportunities is a to-do for the next workshop.
    """
    for journey in context.project.journeys:
        for p, s, step in journey.model.steps():
            lost = journey.lost(*_step_path(p, s), "opportunities")
            if step.pain_points and not step.opportunities and not lost:
                yield Finding(
                    journey.locate(*_step_path(p, s), "pain_points", key=True),
                    "pain points with no opportunity in the same step",
                    "add 'opportunities:' with an idea for each pain point",
                )


@rule("KR207", "missing-target", Severity.WARNING)
def missing_target(context: Context) -> Iterator[Finding]:
    """A KPI has no target, or a goal names no KPI.

    A KPI without a target cannot be missed, and a goal without a KPI cannot be checked:
    `kundresa kpi --check` has nothing to compare.
    """
    for journey in context.project.journeys:
        for k, kpi in enumerate(journey.model.kpis):
            if kpi.target is None and not journey.lost("kpis", k, "target"):
                yield Finding(
                    journey.locate("kpis", k, "id"),
                    f"the KPI '{kpi.id}' has no target",
                    "add a target such as 'target: \">= 35%\"'",
                )
        for g, goal in enumerate(journey.model.goals):
            if goal.kpi is None and not journey.lost("goals", g, "kpi"):
                yield Finding(
                    journey.locate("goals", g, "text"),
                    f"the goal '{_shorten(goal.text)}' names no KPI",
                    "add 'kpi:' with the id of the KPI that measures it",
                )


@rule("KR208", "too-many-channels", Severity.WARNING)
def too_many_channels(context: Context) -> Iterator[Finding]:
    """The journey uses more channels than `lint.max_channels` (default 8).

    Better a few channels done well than many done badly. Points at the step that adds
    one channel too many.
    """
    limit = context.settings.max_channels
    for journey in context.project.journeys:
        yield from _channels(context, journey, limit)


def _channels(context: Context, journey: Located[Journey], limit: int) -> Iterator[Finding]:
    channels: list[str] = []
    for p, s, step in journey.model.steps():
        touchpoint = context.touchpoints.get(step.touchpoint or "")
        if touchpoint is None or touchpoint.model.channel.value in channels:
            continue
        channels.append(touchpoint.model.channel.value)
        if len(channels) > limit:
            yield Finding(
                journey.locate(*_step_path(p, s), "touchpoint"),
                f"the journey uses more than {limit} channels: {', '.join(channels)}",
                "focus on fewer channels, or raise 'lint: {max_channels: ...}' in kundresa.yaml",
            )
            return


@rule("KR209", "missing-emotion", Severity.INFO)
def missing_emotion(context: Context) -> Iterator[Finding]:
    """A step has no emotion, so the emotion curve has a gap.

    The emotion curve is often the most discussed part of a map; a gap hides whether the
    step is a high or a low. A per-persona emotion that leaves a persona out is fine: it
    says the step is not part of that persona's journey, and their curve skips it.
    """
    for journey in context.project.journeys:
        for p, s, step in journey.model.steps():
            if step.emotion is None and not journey.lost(*_step_path(p, s), "emotion"):
                yield Finding(
                    journey.locate(*_step_path(p, s)),
                    "the step has no emotion",
                    "add 'emotion:' from 1 (very negative) to 5 (very positive)",
                )


@rule("KR210", "unsized-opportunity", Severity.INFO)
def unsized_opportunity(context: Context) -> Iterator[Finding]:
    """An opportunity has no value or no effort.

    Opportunities are prioritised by value against effort; one without both cannot be
    placed in the opportunity matrix of the rendered map.
    """
    for journey in context.project.journeys:
        for p, s, step in journey.model.steps():
            for o, opportunity in enumerate(step.opportunities):
                missing = [
                    name
                    for name, level in (
                        ("value", opportunity.value),
                        ("effort", opportunity.effort),
                    )
                    if level is None
                    and not journey.lost(*_step_path(p, s), "opportunities", o, name)
                ]
                if missing:
                    yield Finding(
                        journey.locate(*_step_path(p, s), "opportunities", o, "text"),
                        f"the opportunity '{_shorten(opportunity.text)}' has no "
                        + " and no ".join(missing),
                        "add 'value:' and 'effort:', each low, medium or high",
                    )
