"""`kundresa kpi` on the command line: formats, targets and --check, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kundresa.kpi.result import METRICS

from kpi.exports import SALES_HEADER, SALES_ROWS, write_csv

CONFIG = """\
version: 1
name: Test & <Co>
language: sv
currency: SEK
sources:
  sales:
    path: data/sales.csv
    columns: {order_id: order_id, customer_id: customer_id, date: date, amount: amount}
  survey:
    path: data/survey.csv
  funnel:
    path: data/funnel.csv
"""

JOURNEY = """\
kind: journey
id: konsert
title: Konsert
kpis:
  - id: repeat
    metric: repeat_rate
    target: ">= 35%"
  - id: churn
    metric: churn_rate
    target: "{churn}"
  - id: nps
    metric: nps
    target: ">= 10"
  - id: manual
    metric: custom
    target: "> 3"
    value: 4
phases:
  - id: köp
    name: Köp
    steps: []
"""


def make(tmp_path: Path, churn: str = "<= 80%") -> Path:
    root = tmp_path / "project"
    (root / "journeys").mkdir(parents=True)
    (root / "kundresa.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "journeys" / "konsert.yaml").write_text(
        JOURNEY.replace("{churn}", churn).replace("id: köp", "id: kop"), encoding="utf-8"
    )
    data = root / "data"
    data.mkdir()
    write_csv(data / "sales.csv", SALES_HEADER, SALES_ROWS)
    write_csv(
        data / "survey.csv", ("Rekommendera", "Nöjdhet"), [("10", "5"), ("9", "4"), ("3", "2")]
    )
    write_csv(
        data / "funnel.csv", ("Steg", "Antal"), [("Annons", "100"), ("Köp", "5")], delimiter=";"
    )
    return root


def test_json_has_the_metrics_render_reads(kundresa, tmp_path):
    done = kundresa("kpi", "--format", "json", cwd=make(tmp_path))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data["metrics"]) == list(METRICS)
    assert data["metrics"]["revenue"] == 1620
    assert data["metrics"]["repeat_rate"] == 0.4  # a fraction, not a percentage
    assert data["metrics"]["nps"] == pytest.approx(100 / 3)  # a score
    assert data["metrics"]["conversion"] == 0.05
    assert data["window"] == {"start": "2025-01-01", "end": "2025-01-10", "days": 10}
    assert data["funnel"][1] == {"step": "Köp", "count": 5, "conversion": 0.05}
    assert data["cohorts"] == [{"cohort": "2025-01", "customers": 5, "retention": [1]}]
    # NPS 33 from three answers: the interval (−73 to 100) holds the target of 10.
    assert {(t["kpi"], t["met"], t["status"]) for t in data["targets"]} == {
        ("repeat", True, "met"),
        ("churn", True, "met"),
        ("nps", None, "uncertain"),
        ("manual", True, "met"),
    }
    assert data["targets"][0] == {
        "journey": "konsert",
        "kpi": "repeat",
        "metric": "repeat_rate",
        "target": ">= 35%",
        "actual": 0.4,
        "met": True,
        "status": "met",
    }
    assert data["warnings"] == []


def test_check_exits_1_only_when_a_target_is_missed(kundresa, tmp_path):
    root = make(tmp_path)
    assert kundresa("kpi", "--check", "-p", root).returncode == 0
    missed = make(tmp_path / "b", churn="< 50%")  # churn is 75%
    done = kundresa("kpi", "--check", "-p", missed)
    assert done.returncode == 1
    assert "Ej uppnått" in done.stdout
    assert "2 of 4 targets met, 1 uncertain" in done.stderr
    assert kundresa("kpi", "-p", missed).returncode == 0  # without --check: a report only


def test_journey_option_checks_one_journey(kundresa, tmp_path):
    root = make(tmp_path)
    assert kundresa("kpi", "-p", root, "--journey", "konsert", "-f", "json").returncode == 0
    done = kundresa("kpi", "-p", root, "--journey", "konsrt")
    assert done.returncode == 2
    assert "no journey 'konsrt' (did you mean 'konsert'?)" in done.stderr


def test_table_uses_the_project_language_and_currency(kundresa, tmp_path):
    done = kundresa("kpi", "-p", make(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "1\u00a0620,00\u00a0kr" in done.stdout  # Swedish: no-break space, decimal comma
    assert "40,0\u00a0%" in done.stdout
    assert "Uppnått" in done.stdout and "Osäkert" in done.stdout


def test_csv_and_md_formats(kundresa, tmp_path):
    root = make(tmp_path)
    done = kundresa("kpi", "-p", root, "-f", "csv", "--by", "channel")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    no_interval = {"n": "", "low": "", "high": ""}
    assert {"segment": "all", "metric": "orders", "value": "7", **no_interval} in rows
    assert {"segment": "web", "metric": "orders", "value": "3", **no_interval} in rows
    nps = next(row for row in rows if row["segment"] == "all" and row["metric"] == "nps")
    assert nps["n"] == "3" and nps["high"] == "100"
    md = kundresa("kpi", "-p", root, "-f", "md").stdout
    assert "| Mått | Värde | Svar | 95\u00a0% lägst | 95\u00a0% högst |" in md
    assert "| Återköpsgrad | 40,0\u00a0% |  |  |  |" in md
    assert "### Mål" in md


def test_a_file_on_the_command_line_with_column_mappings(kundresa, tmp_path):
    path = write_csv(
        tmp_path / "export.csv", ("Nr", "Vem", "När", "Hur mycket"),
        [(o, c, d, a) for o, c, d, a, _, _ in SALES_ROWS],
    )  # fmt: skip
    done = kundresa(
        "kpi", path, "-c", "order_id=Nr", "-c", "customer_id=Vem", "-c", "date=När",
        "--column", "amount=Hur mycket", "-f", "json", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["metrics"]["orders"] == 7


def test_input_errors_exit_2_with_one_line(kundresa, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer,date,amount\na,2025-01-01,1\nb,2025-01-02,x\n", encoding="utf-8")
    done = kundresa("kpi", path, "--strict", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "kundresa: s.csv:3: 1 row cannot be read and --strict allows none"
    )
    assert "Traceback" not in done.stderr
    bad = kundresa("kpi", path, "--column", "amount", cwd=tmp_path)
    assert bad.returncode == 2
    assert "canonical=Header" in bad.stderr
    assert kundresa("kpi", path, "--from", "1 March", cwd=tmp_path).returncode == 2
    assert kundresa("kpi", path, "--by", "week", cwd=tmp_path).returncode == 2


def test_warnings_go_to_stderr_and_json_stays_clean(kundresa, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer,date,amount\na,2025-01-01,1\nb,2025-01-02,x\n", encoding="utf-8")
    done = kundresa("kpi", path, "-f", "json", "--max-bad-rows", "50", cwd=tmp_path)
    assert done.returncode == 0
    assert (
        json.loads(done.stdout)["warnings"][1]
        == "s.csv:3: row cannot be read: amount 'x' is not a number"
    )
    assert "warning: s.csv:3" in done.stderr


def test_html_report_is_self_contained_and_escaped(kundresa, tmp_path):
    root = make(tmp_path)
    report = tmp_path / "out" / "report.html"
    done = kundresa("kpi", "-p", root, "--html", report, "--format", "json")
    assert done.returncode == 0, done.stderr
    html = report.read_text(encoding="utf-8")
    assert html.count("<svg") == 3  # cohort heatmap, funnel, monthly revenue
    assert "Test &amp; &lt;Co&gt;" in html
    assert "<Co>" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    json.loads(done.stdout)  # the report does not disturb stdout
