"""The map shows what was measured: render computes the KPIs from the project's sources.

Each figure on the map is the text `kundresa kpi --format md` prints for it, and each
step at a surveyed touchpoint shows that touchpoint's CSAT and NPS with their answers.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.figures import figure_text
from kundresa.kpi import compute_kpis
from kundresa.labels import labels_for
from kundresa.scaffold import LANGUAGES

LANE = re.compile(r'<tr class="(lane-[a-z]+)">(.*?)</tr>', re.S)
KPI_ROW = re.compile(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', re.S)


def md_actuals(kundresa: Callable, root: Path) -> dict[str, str]:
    """Return each measured target's actual as `kundresa kpi --format md` prints it."""
    done = kundresa("kpi", "--format", "md", cwd=root)
    assert done.returncode == 0, done.stderr
    targets = done.stdout.split("\n### ")[1]  # the table after the metrics
    rows = [line.strip("| ").split(" | ") for line in targets.splitlines() if line[:2] == "| "]
    return {kpi: actual for _, kpi, _, actual, _ in rows[1:] if actual != "–"}


def map_kpis(page: str) -> dict[str, str]:
    """Return the text of each row of the map's KPI table, by the KPI's name."""
    table = page.split('<table class="data kpis">', 1)[1].split("</table>", 1)[0]
    return {
        html.unescape(re.sub(r"<span.*", "", name)): html.unescape(cells)
        for name, cells in KPI_ROW.findall(table)
    }


def lane_cells(page: str, lane: str) -> list[str]:
    """Return the cells of one lane of the map, band after band, as text."""
    return [
        html.unescape(cell)
        for name, row in LANE.findall(page)
        if name == lane
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_fresh_project_shows_what_kpi_prints_without_the_kpi_option(
    kundresa, make_project, language
):
    root = make_project(language, "event")
    done = kundresa("render", cwd=root)
    assert done.returncode == 0, done.stderr
    project = load_project(project=root)
    (journey,) = [j.model for j in project.journeys]
    t = labels_for(language)
    names = {k.id: k.name or t[f"m_{k.metric.value}"] for k in journey.kpis}
    page = (root / "site" / "journeys" / f"{journey.id}.html").read_text(encoding="utf-8")
    shown = map_kpis(page)
    printed = md_actuals(kundresa, root)
    assert len(printed) == len(journey.kpis), "every KPI of the init journey has data"
    for kpi_id, actual in printed.items():
        assert actual in shown[names[kpi_id]], (kpi_id, actual, shown[names[kpi_id]])
    assert t["no_data"] not in "".join(shown.values())


def test_each_step_shows_its_touchpoints_csat_with_answers(kundresa, make_project):
    root = make_project("sv", "event")
    assert kundresa("render", cwd=root).returncode == 0
    page = (root / "site" / "journeys" / "sommarkonsert.html").read_text(encoding="utf-8")
    # The figure computed here from the export as written (Windows-1252, semicolons).
    with (root / "data" / "enkat.csv").open(encoding="cp1252", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["Beröringspunkt"] == "biljettkop"]
    rated = [int(r["Nöjdhet"]) for r in rows if r["Nöjdhet"].strip()]
    csat = Decimal(100 * sum(s >= 4 for s in rated)) / len(rated)
    name = load_project(project=root).touchpoint_index["biljettkop"].model.name
    cells = [c for c in lane_cells(page, "lane-touchpoints") if f">{name}<" in c]
    assert cells, "a step at the ticket purchase"
    for cell in cells:
        assert (
            f'CSAT</span> <span class="score-value">{figure_text("csat", csat, "sv", None)}<'
            in cell
        )
        assert f"{len(rated)}\u00a0svar" in cell


def test_no_kpi_shows_targets_only(kundresa, make_project):
    root = make_project("sv", "event")
    done = kundresa("render", "--no-kpi", cwd=root)
    assert done.returncode == 0, done.stderr
    page = (root / "site" / "journeys" / "sommarkonsert.html").read_text(encoding="utf-8")
    assert set(re.findall(r'class="status (\w+)"', page)) == {"no_data"}
    assert 'class="scores"' not in page
    assert not (root / "site" / "kpi.html").exists()
    both = kundresa("render", "--no-kpi", "--kpi", "x.json", cwd=root)
    assert both.returncode == 2 and "cannot be used together" in both.stderr


def test_the_site_has_a_kpi_page_linked_from_the_index(kundresa, make_project):
    root = make_project("da", "event")
    assert kundresa("render", cwd=root).returncode == 0
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="kpi.html"' in index
    assert labels_for("da")["lowest_csat"] in index
    report = (root / "site" / "kpi.html").read_text(encoding="utf-8")
    assert report.count("<svg") == 3  # cohort heatmap, funnel, monthly revenue
    assert labels_for("da")["cohort_retention"] in report
    assert "Cohort retention" not in report and "Targets" not in report
    alone = root / "report.html"
    assert kundresa("kpi", "--html", alone, "-f", "json", cwd=root).returncode == 0
    same = alone.read_text(encoding="utf-8")
    # The same page, but written on its own it links back to no index.
    assert same == report.replace(_crumbs(report), "")


def _crumbs(page: str) -> str:
    return re.search(r"\s*<nav class=\"crumbs\".*?</nav>", page, re.S).group()


def test_an_unreadable_source_stops_render_with_a_hint_to_skip_the_kpis(kundresa, make_project):
    root = make_project("sv", "event")
    (root / "data" / "forsaljning.csv").unlink()
    done = kundresa("render", cwd=root)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    message, hint = done.stderr.strip().splitlines()
    assert message.startswith("kundresa: data/forsaljning.csv: ")
    assert hint.endswith("pass --no-kpi to show targets only")
    assert kundresa("render", "--no-kpi", cwd=root).returncode == 0


def test_the_index_lists_the_lowest_csat_first_in_html_and_markdown(kundresa, make_project):
    root = make_project("sv", "event")
    assert kundresa("render", "-f", "md", cwd=root).returncode == 0
    index = (root / "site" / "index.md").read_text(encoding="utf-8")
    table = index.split("## Beröringspunkter med lägst CSAT", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| ")][2:]
    shown = [Decimal(csat.replace(",", ".")) for _, csat, _ in rows]
    assert len(shown) == 5 and shown == sorted(shown)
    with (root / "data" / "enkat.csv").open(encoding="cp1252", newline="") as f:
        answers = list(csv.DictReader(f, delimiter=";"))
    by_touchpoint: dict[str, list[int]] = {}
    for row in answers:
        if row["Nöjdhet"].strip():
            by_touchpoint.setdefault(row["Beröringspunkt"], []).append(int(row["Nöjdhet"]))
    lowest = min(100 * sum(s >= 4 for s in v) / len(v) for v in by_touchpoint.values())
    assert figure_text("csat", Decimal(str(lowest)), "sv", None) == rows[0][1]


def test_a_saved_result_shows_the_same_figures_as_measuring(kundresa, make_project, tmp_path):
    root = make_project("nb", "event")
    saved = tmp_path / "kpi.json"
    done = kundresa("kpi", "--format", "json", cwd=root)
    assert done.returncode == 0, done.stderr
    saved.write_text(done.stdout, encoding="utf-8")
    assert kundresa("render", "-o", tmp_path / "measured", cwd=root).returncode == 0
    assert kundresa("render", "--kpi", saved, "-o", tmp_path / "saved", cwd=root).returncode == 0
    for page in ("journeys/sommerkonsert.html", "index.html", "kpi.html"):
        measured = (tmp_path / "measured" / page).read_text(encoding="utf-8")
        from_file = (tmp_path / "saved" / page).read_text(encoding="utf-8")
        assert 'class="interval"' in measured or page != "journeys/sommerkonsert.html"
        assert from_file == measured, page


def test_the_kpi_page_is_drawn_through_the_users_own_templates(kundresa, make_project, tmp_path):
    root = make_project("en", "event")
    own = tmp_path / "own"
    own.mkdir()
    (own / "kpi.html").write_text("{{ page.title }}: {{ page.sheets[0].rows[0][1].text }}\n")
    assert kundresa("render", "--templates", own, cwd=root).returncode == 0
    customers = figure_text("customers", compute_kpis(root).metrics["customers"], "en", None)
    expected = f"{load_project(project=root).config.name}: {customers}\n"
    assert (root / "site" / "kpi.html").read_text(encoding="utf-8") == expected


def test_render_keeps_the_sales_in_the_cache_unless_told_not_to(
    kundresa, make_project, cache_folder
):
    root = make_project("sv", "event")
    assert kundresa("render", "--no-cache", cwd=root).returncode == 0
    assert not any(cache_folder.iterdir())
    assert kundresa("render", cwd=root).returncode == 0
    assert any(cache_folder.iterdir())
