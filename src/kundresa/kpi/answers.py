"""Survey answers counted per segment: NPS and CSAT with their n and 95% intervals.

The intervals are those of SPEC 6.2: Wald for NPS, Wilson for the CSAT share. They are
computed from the counts of promoters, detractors and satisfied answers, so this module
reads the survey table once per segmentation (overall, or per touchpoint id).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.errors import InputError
from kundresa.figures import Interval
from kundresa.kpi.reader import LoadedTable
from kundresa.kpi.result import KpiResult, TouchpointScores, ratio
from kundresa.suggest import did_you_mean

if TYPE_CHECKING:
    import duckdb

    from kundresa.project import Project

#: The normal quantile of a two-sided 95% interval.
Z95 = Decimal("1.96")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Answers:
    """The counts behind a segment's NPS and CSAT."""

    nps_answers: int
    promoters: int
    detractors: int
    csat_answers: int
    satisfied: int

    @property
    def nps(self) -> Decimal | None:
        """Return 100 × (promoters − detractors) / answers, or None without answers."""
        return ratio(100 * (self.promoters - self.detractors), self.nps_answers)

    @property
    def csat(self) -> Decimal | None:
        """Return 100 × satisfied / answers, or None without answers."""
        return ratio(100 * self.satisfied, self.csat_answers)

    def intervals(self) -> dict[str, Interval]:
        """Return the 95% interval of each score that has answers, keyed `nps`, `csat`."""
        found = {}
        if self.nps_answers:
            found["nps"] = nps_interval(self.promoters, self.detractors, self.nps_answers)
        if self.csat_answers:
            found["csat"] = csat_interval(self.satisfied, self.csat_answers)
        return found


def nps_interval(promoters: int, detractors: int, n: int) -> Interval:
    """Return the Wald interval NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n).

    The bounds are kept within the scale (−100 to 100): with few answers the Wald
    interval can pass them, and a score outside the scale means nothing.
    """
    p, d = Decimal(promoters) / n, Decimal(detractors) / n
    centre = _HUNDRED * (p - d)
    half = Z95 * _HUNDRED * ((p + d - (p - d) ** 2) / n).sqrt()
    return Interval(n, max(centre - half, -_HUNDRED), min(centre + half, _HUNDRED))


def csat_interval(satisfied: int, n: int) -> Interval:
    """Return the Wilson score interval of the share of satisfied answers, times 100."""
    share = Decimal(satisfied) / n
    z2 = Z95**2
    denominator = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / denominator
    half = Z95 / denominator * (share * (1 - share) / n + z2 / (4 * n * n)).sqrt()
    return Interval(n, _HUNDRED * (centre - half), _HUNDRED * (centre + half))


#: The segment of an answer by its touchpoint id; answers without one are `(none)`.
BY_TOUCHPOINT = "coalesce(touchpoint, '(none)')"


def count_answers(
    con: duckdb.DuckDBPyConnection,
    survey: LoadedTable,
    start: dt.date | None,
    end: dt.date | None,
    segment: str = "'all'",
) -> dict[str, Answers]:
    """Return the answers per segment: `all`, or the values of the SQL `segment`.

    Blank answers are not answers, and each score is read on its own: a row's unreadable
    CSAT leaves its NPS answer counted. Only `--from/--to` limit the survey's dates.
    """
    where = ["skipped IS NULL"]
    if survey.has("date"):
        where += [f"day >= DATE '{start}'"] if start else []
        where += [f"day <= DATE '{end}'"] if end else []
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
    return {str(seg): Answers(*(int(v) for v in counts)) for seg, *counts in rows}


def measure_answers(
    con: duckdb.DuckDBPyConnection,
    survey: LoadedTable,
    result: KpiResult,
    *,
    start: dt.date | None,
    end: dt.date | None,
    by: str | None,
) -> None:
    """Add the n and 95% intervals of NPS and CSAT, and the figures per touchpoint id."""
    overall = count_answers(con, survey, start, end).get("all")
    if overall is not None:
        result.intervals = overall.intervals()
    if not survey.has("touchpoint"):
        if by == "touchpoint":
            raise InputError(
                "cannot break down by touchpoint: the survey export has no touchpoint column",
                path=survey.display,
                hint="map it with --column touchpoint=HEADER",
            )
        return
    per_touchpoint = count_answers(con, survey, start, end, BY_TOUCHPOINT)
    result.touchpoints = [
        TouchpointScores(tp, known=True, nps=a.nps, csat=a.csat, intervals=a.intervals())
        for tp, a in per_touchpoint.items()
    ]
    if by == "touchpoint":
        result.by = by
        result.breakdown = {tp: {"nps": a.nps, "csat": a.csat} for tp, a in per_touchpoint.items()}
        result.segment_intervals = {tp: a.intervals() for tp, a in per_touchpoint.items()}


def mark_unknown_touchpoints(result: KpiResult, project: Project) -> None:
    """Mark the survey's touchpoint ids the catalogue lacks, and warn about each."""
    known = project.touchpoint_index
    for i, scores in enumerate(result.touchpoints):
        if scores.touchpoint not in known and scores.touchpoint != "(none)":
            result.touchpoints[i] = dataclasses.replace(scores, known=False)
            result.warnings.append(
                f"{result.sources.get('survey', 'survey')}: touchpoint '{scores.touchpoint}' "
                "is not in the touchpoint catalogue" + did_you_mean(scores.touchpoint, known)
            )
