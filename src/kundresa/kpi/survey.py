"""Survey and funnel metrics: NPS, CSAT, and conversion per funnel step and overall."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

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
    """Return NPS and CSAT per segment (`all` when `by` is None).

    NPS is 100 × (promoters 9-10 − detractors 0-6) / answers; CSAT is 100 × answers of 4-5
    / answers. Blank answers are not answers, and each score is read on its own: a row's
    unreadable CSAT leaves its NPS answer counted. Only `--from/--to` limit the dates.
    """
    where = ["skipped IS NULL"]
    if survey.has("date"):
        if start:
            where.append(f"day >= DATE '{start}'")
        if end:
            where.append(f"day <= DATE '{end}'")
    segment = _SEGMENT_SQL[by] if by else "'all'"
    nps = (
        "count(nps), count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6)"
        if survey.has("nps")
        else "0, 0, 0"
    )
    csat = "count(csat), count(*) FILTER (WHERE csat >= 4)" if survey.has("csat") else "0, 0"
    rows = con.execute(
        f"SELECT {segment} AS seg, {nps}, {csat} FROM survey "
        f"WHERE {' AND '.join(where)} GROUP BY seg ORDER BY seg"
    ).fetchall()
    out: dict[str, dict[str, Value]] = {}
    for seg, answers, promoters, detractors, rated, satisfied in rows:
        nps_value = ratio(100 * (promoters - detractors), answers)
        csat_value = ratio(100 * satisfied, rated)
        out[str(seg)] = {"nps": nps_value, "csat": csat_value}
    return out


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
