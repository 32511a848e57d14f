"""`kundresa diff A B`: two journeys side by side, as in the Aarhus example's plan."""

from __future__ import annotations

import json
from pathlib import Path

from kundresa.diff import diff_project
from kundresa.diff.reporters import REPORTERS

from .repository import FILES, JOURNEY
from support import REPO, run_kundresa

AARHUS = REPO / "examples" / "teater-aarhus"


def test_the_aarhus_plan_is_told_by_phase_with_the_emotion_per_phase() -> None:
    done = run_kundresa("diff", "abonnent", "abonnent-fremtid", "-p", AARHUS)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("abonnent → abonnent-fremtid: ")
    # The login step at Mit Teater is the same step, reworded (one pair, not two).
    assert (
        '      ~ changed step: action "Prøver at logge ind på Mit Teater for at se pladserne" → '
        '"Logger ind med et link fra e-mailen og ser pladserne på salsplanen"'
    ) in lines
    assert "      ~ changed emotion of Abonnenterne Bent og Lis: 1 → 4" in lines
    forlader = lines.index("  Forlader")
    assert lines[forlader + 1] == "    - removed phase"
    # By hand from the two files: Karina in Ibrugtager is (2 + 1) / 2 today and (5 + 4) / 2
    # planned; Bent og Lis in Får support 1 today and 4 planned.
    table = lines[lines.index("  mean emotion per phase, before → after:") + 1 :]
    assert table[0].split() == [
        "phase",
        "Abonnenterne",
        "Bent",
        "og",
        "Lis",
        "Erhvervskunden",
        "Karina",
    ]
    ibrugtager = next(row for row in table if row.strip().startswith("Ibrugtager"))
    assert "1.5 → 4.5 (+3)" in ibrugtager
    support = next(row for row in table if row.strip().startswith("Får support"))
    assert support.split("  ")[2:4] != []
    assert "1 → 4 (+3)" in support


def test_two_journey_files_compare_as_is_against_to_be(tmp_path: Path) -> None:
    project = _project(tmp_path)
    plan = JOURNEY.replace("id: konsert", "id: konsert-plan").replace(
        "state: current", "state: future\nas_is: konsert"
    )
    plan = plan.replace("emotion: {petra: 3, olle: 2}", "emotion: {petra: 5, olle: 4}")
    (project / "journeys/konsert-plan.yaml").write_text(plan, encoding="utf-8")
    done = run_kundresa(
        "diff",
        "journeys/konsert.yaml",
        "journeys/konsert-plan.yaml",
        "--format",
        "json",
        cwd=project,
    )
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    # Title, state and as_is differ by design between as-is and to-be: not changes.
    assert [(r["kind"], r["persona"], r["before"], r["after"]) for r in document["changes"]] == [
        ("emotion", "petra", 3, 5),
        ("emotion", "olle", 2, 4),
    ]
    assert done.stderr == "konsert → konsert-plan: 2 changes in 1 journey (2 changed)\n"


def test_a_journey_that_cannot_be_read_is_exit_2_with_its_place(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "journeys/trasig.yaml").write_text(
        "kind: journey\nid: trasig\ntitle: Trasig\nphases: [\n", encoding="utf-8"
    )
    done = run_kundresa("diff", "konsert", "journeys/trasig.yaml", cwd=project)
    assert done.returncode == 2
    assert done.stderr.startswith("kundresa: cannot compare: journeys/trasig.yaml:5:1: error KR001")
    assert "Traceback" not in done.stderr


def test_user_text_cannot_break_the_markdown_comment(tmp_path: Path) -> None:
    project = _project(tmp_path)
    other = JOURNEY.replace("id: konsert", "id: ny").replace(
        "Köper två biljetter i webbshoppen", "Köper *två* | <b>biljetter</b>"
    )
    (project / "journeys/ny.yaml").write_text(other, encoding="utf-8")
    md = REPORTERS["md"](diff_project("konsert", "ny", project=project), False)
    assert (
        "- **changed** step “Köper \\*två\\* \\| \\<b\\>biljetter\\</b\\>”: action "
        "“Köper två biljetter i webbshoppen” → “Köper \\*två\\* \\| \\<b\\>biljetter\\</b\\>”"
    ) in md
    assert "<b>" not in md


def test_colour_only_when_asked_and_the_same_bytes_every_run(tmp_path: Path) -> None:
    project = _project(tmp_path)
    other = JOURNEY.replace("id: konsert", "id: ny").replace(
        "emotion: {petra: 3, olle: 2}", "emotion: 4"
    )
    (project / "journeys/ny.yaml").write_text(other, encoding="utf-8")
    result = diff_project("konsert", "ny", project=project)
    assert "\x1b[" in REPORTERS["text"](result, True)
    first = run_kundresa("diff", "konsert", "ny", cwd=project, env={"NO_COLOR": ""})
    second = run_kundresa("diff", "konsert", "ny", cwd=project, env={"NO_COLOR": ""})
    assert "\x1b[" not in first.stdout  # stdout is a pipe, not a terminal
    assert first.stdout == second.stdout
    assert "~ changed emotion of the customer" not in first.stdout
    assert "~ changed emotion of Pop-Petra: 3 → 4" in first.stdout


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "projekt"
    for relative, text in FILES.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def test_a_diff_too_long_for_a_comment_says_how_many_changes_it_leaves_out(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path)
    steps = "".join(
        f"      - {{touchpoint: sms, action: Påminnelse nummer {n} om konserten i parken}}\n"
        for n in range(1, 1201)
    )
    big = JOURNEY.replace("id: konsert", "id: stor").replace(
        "  - id: efter\n",
        f"  - id: paminnelser\n    name: Påminnelser\n    steps:\n{steps}  - id: efter\n",
    )
    (project / "journeys/stor.yaml").write_text(big, encoding="utf-8")
    md = REPORTERS["md"](diff_project("konsert", "stor", project=project), False)
    assert len(md) <= 65_536
    shown = sum(1 for line in md.splitlines() if line.startswith("  - **added** step “Påminnelse"))
    assert 0 < shown < 1200
    # 1200 steps and the phase are added: what is not shown is counted in the last line.
    assert md.splitlines()[-1] == (
        f"*… and {1201 - shown - 1} more changes: a comment holds no more. "
        "Run `kundresa diff` for the whole list.*"
    )
