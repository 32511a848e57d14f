"""NPS and CSAT with n and 95% intervals, overall and per touchpoint, checked by hand.

The expected figures are computed here from SPEC 6.2's formulas on the answers as written,
not from kundresa's own output.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

# touchpoint id, recommend (0-10, blank = no answer), satisfied (1-5, blank = no answer)
ANSWERS = [
    ("biljettkop", "10", "5"),
    ("biljettkop", "9", "4"),
    ("biljettkop", "6", "2"),
    ("biljettkop", "8", ""),
    ("biljettkop", "", "3"),
    ("biljettskanning", "10", "5"),
    ("biljettskanning", "3", "1"),
    ("biljettskanning", "2", "2"),
    ("biljettskanning", "7", "4"),
    ("kassa", "9", "5"),  # not in the touchpoint catalogue
]


def expected_nps(scores: list[int]) -> tuple[float, float, float]:
    n = len(scores)
    p = sum(s >= 9 for s in scores) / n
    d = sum(s <= 6 for s in scores) / n
    half = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    nps = 100 * (p - d)
    return nps, max(nps - half, -100), min(nps + half, 100)


def expected_csat(scores: list[int]) -> tuple[float, float, float]:
    n, z = len(scores), 1.96
    share = sum(s >= 4 for s in scores) / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return 100 * share, 100 * (centre - half), 100 * (centre + half)


def scores(column: int, touchpoint: str | None = None) -> list[int]:
    return [
        int(row[column])
        for row in ANSWERS
        if row[column] and (touchpoint is None or row[0] == touchpoint)
    ]


@pytest.fixture
def project(make_project) -> Path:
    root = make_project("sv", "event")
    lines = ["Svars-ID;Datum;Rekommendera;Nöjdhet;Beröringspunkt"]
    lines += [f"{i};2024-10-19;{r};{s};{tp}" for i, (tp, r, s) in enumerate(ANSWERS, 1)]
    (root / "data" / "enkat.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_json_has_the_n_and_intervals_of_nps_and_csat(kundresa, project):
    done = kundresa("kpi", "-f", "json", cwd=project)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    nps, low, high = expected_nps(scores(1))
    assert data["metrics"]["nps"] == pytest.approx(nps)
    assert data["intervals"]["nps"] == {
        "n": 9,
        "low": pytest.approx(low),
        "high": pytest.approx(high),
    }
    csat, low, high = expected_csat(scores(2))
    assert data["metrics"]["csat"] == pytest.approx(csat)
    assert data["intervals"]["csat"] == {
        "n": 9,
        "low": pytest.approx(low),
        "high": pytest.approx(high),
    }


def test_by_touchpoint_gives_each_touchpoints_scores_and_reports_unknown_ids(kundresa, project):
    done = kundresa("kpi", "-f", "json", "--by", "touchpoint", cwd=project)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["by"] == "touchpoint"
    assert set(data["breakdown"]) == {"biljettkop", "biljettskanning", "kassa"}
    for touchpoint in ("biljettkop", "biljettskanning"):
        nps, nps_low, nps_high = expected_nps(scores(1, touchpoint))
        csat, csat_low, csat_high = expected_csat(scores(2, touchpoint))
        assert data["breakdown"][touchpoint]["nps"] == pytest.approx(nps)
        assert data["breakdown"][touchpoint]["csat"] == pytest.approx(csat)
        found = data["segment_intervals"][touchpoint]
        assert found["nps"]["n"] == len(scores(1, touchpoint))
        assert found["nps"]["low"] == pytest.approx(nps_low)
        assert found["nps"]["high"] == pytest.approx(nps_high)
        assert found["csat"]["n"] == len(scores(2, touchpoint))
        assert found["csat"]["low"] == pytest.approx(csat_low)
        assert found["csat"]["high"] == pytest.approx(csat_high)
    known = {one["touchpoint"]: one["known"] for one in data["touchpoints"]}
    assert known == {"biljettkop": True, "biljettskanning": True, "kassa": False}
    assert "touchpoint 'kassa' is not in the touchpoint catalogue" in done.stderr


def test_by_touchpoint_in_the_table_names_the_unknown_id(kundresa, project):
    done = kundresa("kpi", "--by", "touchpoint", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "kassa (finns inte i katalogen)" in done.stdout
    assert "Per beröringspunkt" in done.stdout


def test_by_touchpoint_without_a_survey_is_an_error(kundresa, make_project):
    root = make_project("sv", "event")
    config = root / "kundresa.yaml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  survey:")
    end = text.index("  funnel:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    done = kundresa("kpi", "--by", "touchpoint", cwd=root)
    assert done.returncode == 2
    assert "--by touchpoint needs a survey export" in done.stderr
