"""Survey exports as Google Forms and SurveyMonkey write them (SPEC 6.1, Surveys).

NPS is worked out by hand: 100 × (promoters 9–10 − detractors 0–6) / answers; CSAT is
100 × answers of 4–5 / answers.
"""

from __future__ import annotations

import json
from decimal import Decimal

from tests.kpi.exports import write_csv

from kundresa.kpi import SourceSpec, compute_kpis

# A Swedish Google Form: "Ladda ned svar (.csv)"; the scale ends carry their labels.
FORMS_HEADER = (
    "Tidstämpel",
    "Hur troligt är det att du skulle rekommendera Sommarscen till en vän?",
    "Hur nöjd är du med kvällen?",
    "Vad kan vi göra bättre?",
)
FORMS_ROWS = [
    ("2025/06/19 10:15:32 PM GMT+2", "10 - Mycket troligt", "5 - Mycket nöjd", "Inget!"),
    ("2025/06/19 10:17:01 PM GMT+2", "10 - Mycket troligt", "4", ""),
    ("2025/06/19 10:20:45 PM GMT+2", "9", "vet ej", "Fler bänkar"),  # a CSAT that is no score
    ("2025/06/19 10:31:12 PM GMT+2", "8", "4", ""),
    ("2025/06/20 9:02:09 AM GMT+2", "7", "3", "Kortare köer"),
    ("2025/06/20 9:15:44 AM GMT+2", "0 - Inte alls troligt", "1 - Mycket missnöjd", "Ljudet"),
    ("2025/06/20 11:48:30 AM GMT+2", "10 - Mycket troligt", "", ""),
    ("2025/06/21 1:05:00 PM GMT+2", "6", "3", ""),
]


def test_a_google_forms_export_reads_labelled_scale_ends_and_each_score_on_its_own(tmp_path):
    path = write_csv(tmp_path / "Enkät (svar).csv", FORMS_HEADER, FORMS_ROWS)
    result = compute_kpis(survey=path, max_bad_rows=Decimal(20))
    # NPS: 8 answers; promoters 10, 10, 9, 10; detractors 0 and 6.
    assert result.metrics["nps"] == Decimal(100 * (4 - 2)) / 8
    # CSAT: 6 answers (one blank, one "vet ej"); 4 or 5 on three of them.
    assert result.metrics["csat"] == Decimal(100 * 3) / 6
    assert [(d.location.line, d.message) for d in result.problems] == [
        (4, "row cannot be read: csat 'vet ej' is not a whole number from 1 to 5")
    ]


def test_google_forms_timestamps_are_the_answers_dates(tmp_path):
    path = write_csv(tmp_path / "svar.csv", FORMS_HEADER, FORMS_ROWS)
    result = compute_kpis(survey=path, by="month", max_bad_rows=Decimal(20))
    assert sorted(result.breakdown) == ["2025-06"]


# SurveyMonkey's "All responses data" CSV: question texts above, a second header row under.
MONKEY_HEADER = (
    "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
    "First Name", "Last Name", "Custom Data 1",
    "How likely is it that you would recommend this event to a friend or colleague?",
    "Overall, how satisfied or dissatisfied are you with the event?",
)  # fmt: skip
MONKEY_SECOND = ("", "", "", "", "", "", "", "", "", "Response", "Response")
MONKEY_ANSWERS = [
    ("9", "Very satisfied"),
    ("10", "Somewhat satisfied"),
    ("7", "Neither satisfied nor dissatisfied"),
    ("3", "Very dissatisfied"),
    ("10", "Somewhat dissatisfied"),
]


def _monkey_rows():
    return [
        (str(114_000_000 + i), "431234567", f"06/{19 + i}/2024 10:15:32 AM",
         f"06/{19 + i}/2024 10:17:02 AM", "", "", "", "", "", nps, csat)
        for i, (nps, csat) in enumerate(MONKEY_ANSWERS)
    ]  # fmt: skip


def test_a_surveymonkey_export_skips_its_second_header_and_maps_satisfaction_labels(tmp_path):
    path = write_csv(tmp_path / "Sheet_1.csv", MONKEY_HEADER, [MONKEY_SECOND, *_monkey_rows()])
    result = compute_kpis(survey=path)
    assert result.problems == []
    assert result.metrics["nps"] == Decimal(100 * (3 - 1)) / 5
    assert result.metrics["csat"] == Decimal(100 * 2) / 5


def test_kpi_survey_file_works_outside_a_project(tmp_path, kundresa):
    path = write_csv(tmp_path / "Sheet_1.csv", MONKEY_HEADER, [MONKEY_SECOND, *_monkey_rows()])
    done = kundresa("kpi", "--survey", path, "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["metrics"]["nps"] == 40


def test_scale_maps_the_words_of_any_other_survey(tmp_path):
    path = write_csv(
        tmp_path / "s.csv", ("Datum", "NPS", "Betyg"),
        [("2025-06-01", "9", "Toppen"), ("2025-06-01", "5", "Dåligt"), ("2025-06-02", "10", "Bra")],
    )  # fmt: skip
    spec = SourceSpec(path, "s.csv", {"csat": "Betyg"}, scale={"Toppen": 5, "bra": 4, "Dåligt": 1})
    assert compute_kpis(survey=spec).metrics["csat"] == Decimal(100 * 2) / 3
