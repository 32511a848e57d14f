"""Rules about the touchpoint catalogue and the personas themselves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from kundresa.diagnostics import Location, Severity
from kundresa.lint.rule import Finding, rule

if TYPE_CHECKING:
    from kundresa.lint.context import Context


@rule("KR206", "touchpoint-without-owner", Severity.WARNING)
def touchpoint_without_owner(context: Context) -> Iterator[Finding]:
    """A touchpoint has no owner.

    A touchpoint nobody is responsible for is a touchpoint nobody improves: the plan
    needs a name (a person or a team) for each one.
    """
    for touchpoint in context.project.touchpoints:
        if not touchpoint.model.owner and not touchpoint.lost("owner"):
            yield Finding(
                touchpoint.locate("id"),
                f"the touchpoint '{touchpoint.model.id}' has no owner",
                "add 'owner:' with the team or person responsible for it",
            )


@rule("KR301", "persona-without-needs", Severity.INFO)
def persona_without_needs(context: Context) -> Iterator[Finding]:
    """A persona lists no needs and no goals.

    A persona is useful for what it says about what the customer is after; without needs
    or goals it is a name and an age, and steps cannot be judged against it.
    """
    for persona in context.project.personas:
        if persona.lost("needs") or persona.lost("goals"):
            continue
        if not persona.model.needs and not persona.model.goals:
            yield Finding(
                persona.locate("id"),
                f"the persona '{persona.model.id}' lists no needs or goals",
                "add 'needs:' or 'goals:', from interviews or survey answers",
            )


@rule("KR302", "persona-without-evidence", Severity.INFO)
def persona_without_evidence(context: Context) -> Iterator[Finding]:
    """A persona names no evidence it is based on.

    A persona is semi-fictional but based on real data; naming the survey, interviews or
    analytics behind it tells the reader how far to trust it.
    """
    for persona in context.project.personas:
        if not persona.model.evidence and not persona.lost("evidence"):
            yield Finding(
                persona.locate("id"),
                f"the persona '{persona.model.id}' names no evidence",
                "add 'evidence:' with the survey, interviews or analytics it is based on",
            )


@rule("KR303", "stale-map", Severity.WARNING)
def stale_map(context: Context) -> Iterator[Finding]:
    """A journey or persona was last reviewed longer ago than `lint.max_age_days` (365).

    A journey map is a picture of the customer at one time: the guides it is built on
    insist that maps and personas be revised regularly against new data, and
    `reviewed:` says when that was last done.
    """
    limit = context.settings.max_age_days
    project = context.project
    dated: list[tuple[str, str, date | None, Location]] = [
        ("journey", j.model.id, j.model.reviewed, j.locate("reviewed")) for j in project.journeys
    ]
    dated += [
        ("persona", p.model.id, p.model.reviewed, p.locate("reviewed")) for p in project.personas
    ]
    for noun, ident, reviewed, where in dated:
        if reviewed is not None and (context.today - reviewed).days > limit:
            yield Finding(
                where,
                f"the {noun} '{ident}' was last reviewed on {reviewed}, more than {limit} days ago",
                "review it with the team and the latest data, then update 'reviewed:' "
                "(or raise 'lint: {max_age_days: ...}' in kundresa.yaml)",
            )
