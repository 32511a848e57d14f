"""Compare the business side of a journey: its goals, KPIs with targets, and plan items."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from kundresa.diff.matching import pair_greedily, similarity
from kundresa.diff.records import ADDED, CHANGED, REMOVED, Change, Where, plain
from kundresa.models import Goal, Kpi, PlanItem

Item = TypeVar("Item", Goal, PlanItem)

_KPI_FIELDS = ("metric", "target", "name", "description", "value")
_PLAN_FIELDS = ("text", "status", "owner", "due", "budget")
#: A plan item whose text was reworded is the same item when most of its text stays.
SAME_PLAN_ITEM = 0.7


def goal_changes(where: Where, before: list[Goal], after: list[Goal]) -> Iterator[Change]:
    """Yield goals added, removed, reworded or tied to another KPI.

    Goals pair by their text, then by the KPI they name (a reworded goal).
    """

    def score(old: Goal, new: Goal) -> float | None:
        if old.text == new.text:
            return 2.0
        return 1.0 if old.kpi is not None and old.kpi == new.kpi else None

    pairs = pair_greedily(before, after, score)
    for old, new in pairs:
        for name in ("text", "kpi"):
            was, now = getattr(old, name), getattr(new, name)
            if was != now:
                yield where.change(
                    CHANGED, "goal", item=new.text, field=name, before=was, after=now
                )
    yield from _unpaired(where, "goal", pairs, before, after)


def kpi_changes(where: Where, before: list[Kpi], after: list[Kpi]) -> Iterator[Change]:
    """Yield KPIs added or removed (by id), and changes to their metric, target and value."""
    old = {kpi.id: kpi for kpi in before}
    new = {kpi.id: kpi for kpi in after}
    for ident in old:
        if ident not in new:
            yield where.change(REMOVED, "kpi", before=ident)
    for ident, kpi in new.items():
        if ident not in old:
            yield where.change(ADDED, "kpi", after=ident)
            continue
        for name in _KPI_FIELDS:
            was, now = plain(getattr(old[ident], name)), plain(getattr(kpi, name))
            if was != now:
                yield where.change(CHANGED, "kpi", item=ident, field=name, before=was, after=now)


def plan_changes(where: Where, before: list[PlanItem], after: list[PlanItem]) -> Iterator[Change]:
    """Yield plan items added or removed, and changes to status, owner, due date and budget.

    Items are paired by their text, then by similar text (a reworded item).
    """
    pairs = pair_greedily(before, after, _same_plan_item)
    for old, new in pairs:
        for name in _PLAN_FIELDS:
            was, now = plain(getattr(old, name)), plain(getattr(new, name))
            if was != now:
                yield where.change(
                    CHANGED, "plan", item=new.text, field=name, before=was, after=now
                )
    yield from _unpaired(where, "plan", pairs, before, after)


def _same_plan_item(old: PlanItem, new: PlanItem) -> float | None:
    if old.text == new.text:
        return 2.0
    alike = similarity(old.text, new.text)
    return alike if alike >= SAME_PLAN_ITEM else None


def _unpaired(
    where: Where,
    kind: str,
    pairs: list[tuple[Item, Item]],
    before: list[Item],
    after: list[Item],
) -> Iterator[Change]:
    """Yield a removal for each item only before and an addition for each only after."""
    paired_before = {id(old) for old, _ in pairs}
    paired_after = {id(new) for _, new in pairs}
    for item in before:
        if id(item) not in paired_before:
            yield where.change(REMOVED, kind, before=item.text)
    for item in after:
        if id(item) not in paired_after:
            yield where.change(ADDED, kind, after=item.text)
