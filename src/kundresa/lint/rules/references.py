"""Rules about ids and the references between files: duplicates, dangling and unused ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kundresa.diagnostics import Location, Severity
from kundresa.lint.rule import Finding, rule
from kundresa.models.vocabulary import SLUG_PATTERN
from kundresa.suggest import closest

_SLUG = re.compile(SLUG_PATTERN)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from kundresa.lint.context import Context
    from kundresa.models import Journey
    from kundresa.project import LoadedDocument, Located


@rule("KR101", "duplicate-id", Severity.ERROR)
def duplicate_id(context: Context) -> Iterator[Finding]:
    """An id is used twice: two journeys, personas or touchpoints, or two phases or KPIs.

    References name things by id, so a second thing with the same id can never be
    referred to, and maps and reports would mix the two up.
    """
    project = context.project
    for noun, items in (
        ("journey", project.journeys),
        ("persona", project.personas),
        ("touchpoint", project.touchpoints),
    ):
        yield from _duplicates(noun, [(i.model, i.locate("id")) for i in items], "the project")
    for journey in project.journeys:
        phases = journey.model.phases
        where = "this journey"
        yield from _duplicates(
            "phase", [(p, journey.locate("phases", i, "id")) for i, p in enumerate(phases)], where
        )
        kpis = journey.model.kpis
        yield from _duplicates(
            "KPI", [(k, journey.locate("kpis", i, "id")) for i, k in enumerate(kpis)], where
        )


def _duplicates(
    noun: str, items: Iterable[tuple[BaseModel, Location]], scope: str
) -> Iterator[Finding]:
    first: dict[str, Location] = {}
    for model, location in items:
        ident = str(getattr(model, "id", ""))
        if ident not in first:
            first[ident] = location
            continue
        yield Finding(
            location,
            f"the {noun} id '{ident}' is already used in {scope}, at {first[ident]}",
            f"give each {noun} its own id",
        )


@rule("KR102", "unknown-reference", Severity.ERROR)
def unknown_reference(context: Context) -> Iterator[Finding]:
    """A reference names no such persona, touchpoint or KPI.

    A misspelt id breaks the link between a step and its touchpoint or a journey and its
    personas, so maps show gaps and KPIs go unchecked. A close match is suggested.
    """
    unreadable = context.unreadable_ids
    personas = {*context.personas, *unreadable["persona"]}
    touchpoints = {*context.touchpoints, *unreadable["touchpoint"]}
    hidden: dict[str, set[str]] = {"persona": set(), "touchpoint": set()}
    for noun, wanted, ids, where in _references(context, personas, touchpoints):
        if noun in hidden and context.hiding_files[noun]:
            hidden[noun].add(wanted)
        else:
            yield _unknown(noun, wanted, ids, where)
    for noun, wanted_ids in hidden.items():
        if wanted_ids:
            yield _unchecked(noun, wanted_ids, context.hiding_files[noun])


def _references(
    context: Context, personas: set[str], touchpoints: set[str]
) -> Iterator[tuple[str, str, set[str], Location]]:
    """Yield each reference that names no known id: its noun, id, the known ids and place.

    KPI references are not judged in a journey that lost a KPI for breaking the schema.
    """
    for journey in context.project.journeys:
        model = journey.model
        kpis = {kpi.id for kpi in model.kpis}
        kpis_known = not journey.lost("kpis")
        for i, persona in enumerate(model.personas):
            if persona not in personas:
                yield "persona", persona, personas, journey.locate("personas", i)
        for g, goal in enumerate(model.goals):
            if kpis_known and goal.kpi is not None and goal.kpi not in kpis:
                yield "KPI", goal.kpi, kpis, journey.locate("goals", g, "kpi")
        for p, s, step in model.steps():
            at = ("phases", p, "steps", s)
            if step.touchpoint is not None and step.touchpoint not in touchpoints:
                yield "touchpoint", step.touchpoint, touchpoints, journey.locate(*at, "touchpoint")
            for k, kpi in enumerate(step.kpis):
                if kpis_known and kpi not in kpis:
                    yield "KPI", kpi, kpis, journey.locate(*at, "kpis", k)
            if isinstance(step.emotion, dict):
                for persona in step.emotion:
                    if persona not in personas:
                        where = journey.locate(*at, "emotion", persona, key=True)
                        yield "persona", persona, personas, where


def _unchecked(noun: str, wanted: set[str], files: list[LoadedDocument]) -> Finding:
    """Return the one finding that says which file keeps references from being checked."""
    hiding = files[0]
    where = hiding.problems[0].location if hiding.problems else hiding.document.locate()
    shown = ", ".join(sorted(wanted)[:5]) + (", ..." if len(wanted) > 5 else "")
    count = len(wanted)
    return Finding(
        where,
        f"{count} {noun} id{'s' if count > 1 else ''} that journeys refer to ({shown}) "
        "cannot be checked while this file cannot be read",
        "fix the error in this file; its ids are then known and the references checked",
    )


def _unknown(noun: str, wanted: str, known: Iterable[str], location: Location) -> Finding:
    # Only ids that could be referred to are suggested, not one that breaks the schema.
    options = sorted(i for i in known if _SLUG.match(i))
    match = closest(wanted, options)
    message = f"no {noun} has the id '{wanted}'"
    if match:
        message += f" (did you mean '{match}'?)"
    if options:
        shown = ", ".join(options[:8]) + (", ..." if len(options) > 8 else "")
        hint = f"the {noun} ids are: {shown}"
    elif noun == "KPI":
        hint = "define the KPI under the journey's 'kpis:'"
    else:
        hint = f"add a {noun} with this id, or correct the reference"
    return Finding(location, message, hint, match)


@rule("KR103", "unused", Severity.WARNING)
def unused(context: Context) -> Iterator[Finding]:
    """A touchpoint or persona is never used by any journey.

    An unused entry is usually left over from an edit, or a touchpoint the journey forgot:
    either way the catalogue and the journeys have drifted apart. Not reported while a
    file of the project cannot be read, since its references are unknown.
    """
    project = context.project
    if not context.journeys_complete:
        return
    used_touchpoints: set[str] = set()
    used_personas: set[str] = set()
    for journey in project.journeys:
        used_personas.update(journey.model.personas)
        for _, _, step in journey.model.steps():
            if step.touchpoint is not None:
                used_touchpoints.add(step.touchpoint)
            if isinstance(step.emotion, dict):
                used_personas.update(step.emotion)
    # A misspelt reference is reported with its did-you-mean; the id it meant is not unused.
    for used, known in ((used_touchpoints, context.touchpoints), (used_personas, context.personas)):
        used.update(filter(None, (closest(ref, list(known)) for ref in used - set(known))))
    for touchpoint in project.touchpoints:
        if touchpoint.model.id not in used_touchpoints:
            yield Finding(
                touchpoint.locate("id"),
                f"the touchpoint '{touchpoint.model.id}' is not used by any journey",
                "use it in a step, or remove it from the catalogue",
            )
    for persona in project.personas:
        if persona.model.id not in used_personas:
            yield Finding(
                persona.locate("id"),
                f"the persona '{persona.model.id}' is not used by any journey",
                "list it under a journey's 'personas:', or remove the file",
            )


@rule("KR104", "undeclared-persona", Severity.WARNING)
def undeclared_persona(context: Context) -> Iterator[Finding]:
    """A step gives an emotion for a persona that the journey does not list.

    The emotion curve draws one line per persona of the journey; an emotion for a persona
    missing from `personas:` is drawn without a card or a legend that explains it.
    """
    for journey in context.project.journeys:
        yield from _undeclared(context, journey)


def _undeclared(context: Context, journey: Located[Journey]) -> Iterator[Finding]:
    if journey.lost("personas"):
        return
    declared = set(journey.model.personas)
    for p, s, step in journey.model.steps():
        if not isinstance(step.emotion, dict):
            continue
        for persona in step.emotion:
            if persona in context.personas and persona not in declared:
                yield Finding(
                    journey.locate("phases", p, "steps", s, "emotion", persona, key=True),
                    f"the persona '{persona}' has an emotion here but is not among the "
                    "journey's personas",
                    f"add '{persona}' to the journey's 'personas:' list",
                )
