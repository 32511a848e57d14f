"""Survey and funnel metrics: NPS, CSAT, and conversion per funnel step and overall."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.kpi.answers import count_answers
from kundresa.kpi.reader import LoadedTable
from kundresa.kpi.result import FunnelStep, Value, ratio

if TYPE_CHECKING:
    import duckdb

_SEGMENT_COLUMN = {"event": "event", "channel": "channel", "month": "date", "quarter": "date"}
_SEGMENT_SQL = {
    "event": "coalesce(event, '(none)')",
    "channel": "coalesce(channel, '(none)')",
    "month": "strftime(day, '%Y-%m')",
    "quarter": "strftime(day, '%Y') || '-Q' || quarter(day)",
}


def can_segment(survey: LoadedTable, by: str | None) -> bool:
    """Return True when the survey has the column that `--by` breaks down on."""
    return by in _SEGMENT_COLUMN and survey.has(_SEGMENT_COLUMN[by])


def survey_metrics(
    con: duckdb.DuckDBPyConnection,
    survey: LoadedTable,
    start: dt.date | None,
    end: dt.date | None,
    by: str | None = None,
) -> dict[str, dict[str, Value]]:
    """Return NPS and CSAT per segment (`all` when `by` is None), as SPEC 6.2 defines them."""
    segment = _SEGMENT_SQL[by] if by else "'all'"
    answers = count_answers(con, survey, start, end, segment)
    return {seg: {"nps": a.nps, "csat": a.csat} for seg, a in answers.items()}


def funnel_steps(
    con: duckdb.DuckDBPyConnection,
) -> tuple[list[FunnelStep], Decimal | None]:
    """Return each funnel step with its conversion from the step before, and the overall."""
    rows = con.execute(
        "SELECT step, CAST(count AS BIGINT) FROM funnel WHERE problem IS NULL AND skipped IS NULL "
        "ORDER BY rowid"
    ).fetchall()
    steps: list[FunnelStep] = []
    previous: int | None = None
    for step, count in rows:
        conversion = ratio(count, previous) if previous is not None else None
        steps.append(FunnelStep(str(step), int(count), conversion))
        previous = int(count)
    overall = ratio(steps[-1].count, steps[0].count) if len(steps) > 1 else None
    return steps, overall
