"""Rules about what keeps a journey's identity across versions: step ids and `as_is`.

`kundresa diff` follows a step by its id, and a map of a future journey draws its as-is
journey under it; both need these references to be right.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kundresa.diagnostics import Severity
from kundresa.lint.rule import Finding, rule
from kundresa.models.vocabulary import JourneyState
from kundresa.suggest import closest

if TYPE_CHECKING:
    from kundresa.lint.context import Context
    from kundresa.models import Journey
    from kundresa.project import Located


@rule("KR105", "as-is-not-current", Severity.ERROR)
def as_is_not_current(context: Context) -> Iterator[Finding]:
    """A future journey's `as_is` names no current journey of the project.

    The map of a to-be journey draws the as-is journey's emotion curves under its own and
    marks the steps that change; with a wrong id there is nothing to compare against.
    """
    journeys = context.project.journey_index
    unreadable = _unreadable_journey_ids(context)
    for journey in context.project.journeys:
        model = journey.model
        if model.as_is is None or model.as_is in unreadable:
            continue
        where = journey.locate("as_is")
        if model.state is not JourneyState.FUTURE:
            yield Finding(
                where,
                f"the journey '{model.id}' names an as-is journey but is not a future journey",
                "set 'state: future', or remove 'as_is:'",
            )
        elif model.as_is not in journeys:
            match = closest(model.as_is, [i for i in journeys if i != model.id])
            message = f"no journey has the id '{model.as_is}'"
            message += f" (did you mean '{match}'?)" if match else ""
            yield Finding(where, message, "name the current journey this one improves", match)
        elif journeys[model.as_is].model.state is not JourneyState.CURRENT:
            yield Finding(
                where,
                f"the journey '{model.as_is}' is not a current journey (state: current)",
                "name the journey as it is today",
            )


@rule("KR106", "duplicate-step-id", Severity.ERROR)
def duplicate_step_id(context: Context) -> Iterator[Finding]:
    """A step id is used twice in one journey.

    A step's id keeps its identity when it is reworded or moved; two steps with one id
    cannot both be followed, so `kundresa diff` would pair the wrong ones.
    """
    for journey in context.project.journeys:
        yield from _duplicate_steps(journey)


def _duplicate_steps(journey: Located[Journey]) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for p, s, step in journey.model.steps():
        if step.id is None:
            continue
        where = journey.locate("phases", p, "steps", s, "id")
        if step.id not in first:
            first[step.id] = str(where)
            continue
        yield Finding(
            where,
            f"the step id '{step.id}' is already used in this journey, at {first[step.id]}",
            "give each step its own id",
        )


def _unreadable_journey_ids(context: Context) -> set[str]:
    """Return the ids of journeys whose files fail to load: their own errors are reported."""
    return {
        str(data.get("id"))
        for loaded in context.project.documents
        if loaded.model is None
        and isinstance(data := loaded.document.data, dict)
        and data.get("kind") == "journey"
    }
