"""Reading a project through git: renames, unreadable files, the working tree and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kundresa.diff import diff_project
from kundresa.diff.reporters import REPORTERS

from .repository import Repository, make_repository
from support import run_kundresa


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    return make_repository(tmp_path / "repo")


def _records(repository: Repository, *revisions: str) -> list[dict[str, object]]:
    result = diff_project(*revisions, project=repository.project)
    return json.loads(REPORTERS["json"](result, False))["changes"]


def test_a_file_renamed_in_git_is_one_move_not_everything_removed(repository: Repository) -> None:
    (repository.project / "journeys/sommar").mkdir()
    repository.git("mv", "kartor/journeys/konsert.yaml", "kartor/journeys/sommar/konsert-2026.yaml")
    repository.commit("Move the journey into a folder")
    records = _records(repository, "HEAD~1", "HEAD")
    assert records == [
        {
            "change": "moved",
            "kind": "journey",
            "journey": "konsert",
            "phase": None,
            "step": None,
            "item": None,
            "field": "file",
            "persona": None,
            "before": "kartor/journeys/konsert.yaml",
            "after": "kartor/journeys/sommar/konsert-2026.yaml",
            "file": None,
        }
    ]
    text = REPORTERS["text"](diff_project("HEAD~1", "HEAD", project=repository.project), False)
    assert "> moved journey konsert: file " in text
    md = REPORTERS["md"](diff_project("HEAD~1", "HEAD", project=repository.project), False)
    assert "- **moved** journey konsert: file “kartor/journeys/konsert.yaml” →" in md


def test_a_file_that_cannot_be_parsed_at_one_side_is_reported_as_such(
    repository: Repository,
) -> None:
    repository.edit("journeys/konsert.yaml", "    name: Beslut\n", "    name: Beslut\n   bad: [\n")
    repository.commit("Break the journey")
    records = _records(repository, "HEAD~1", "HEAD")
    assert len(records) == 1
    (record,) = records
    assert (record["change"], record["field"], record["file"]) == (
        "unreadable",
        "after",
        "kartor/journeys/konsert.yaml",
    )
    assert str(record["after"]).startswith("kartor/journeys/konsert.yaml:")
    text = REPORTERS["text"](diff_project("HEAD~1", "HEAD", project=repository.project), False)
    assert "! kartor/journeys/konsert.yaml cannot be read at HEAD: kartor/journeys/" in text
    assert "removed" not in text.splitlines()[0]


def test_a_touchpoint_file_broken_at_one_side_removes_no_touchpoint(
    repository: Repository,
) -> None:
    repository.edit("touchpoints/touchpoints.yaml", "medium: digital, owner: CRM}", "medium: 7}")
    repository.commit("Break a touchpoint")
    records = _records(repository, "HEAD~1", "HEAD")
    assert [(r["change"], r["kind"]) for r in records] == [("unreadable", "touchpoints")]


def test_the_default_compares_head_with_unsaved_edits(repository: Repository) -> None:
    repository.edit(
        "journeys/konsert.yaml", "emotion: {petra: 4, olle: 4}", "emotion: {petra: 4, olle: 5}"
    )
    done = run_kundresa("diff", "--format", "json", cwd=repository.project / "journeys")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert (document["before"], document["after"]) == ("HEAD", "working tree")
    assert [(r["kind"], r["persona"], r["before"], r["after"]) for r in document["changes"]] == [
        ("emotion", "olle", 4, 5)
    ]
    # Efter eventet: Olle 4 and 3 before (3.5), 5 and 3 after (4).
    rows = [row for row in document["emotion"] if row["phase"] == "Efter eventet"]
    assert [(row["persona"], row["before"], row["after"]) for row in rows] == [
        ("petra", 3.5, 3.5),
        ("olle", 3.5, 4.0),
    ]


def test_no_changes_exits_0_with_an_empty_list(repository: Repository) -> None:
    done = run_kundresa("diff", "HEAD", "--format", "json", cwd=repository.project)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changes"] == []
    text = run_kundresa("diff", cwd=repository.project)
    assert (text.returncode, text.stdout) == (0, "no changes from HEAD to working tree\n")


def test_changes_exit_1_and_the_branch_is_read_without_a_checkout(repository: Repository) -> None:
    repository.git("switch", "-q", "-c", "plan")
    repository.edit("journeys/konsert.yaml", "owner: CRM", "owner: Marknad")
    repository.commit("Marketing owns the reminder")
    repository.git("switch", "-q", "main")
    done = run_kundresa("diff", "main", "plan", "-f", "md", "-p", "kartor", cwd=repository.top)
    assert done.returncode == 1, done.stderr
    assert (
        "- **changed** plan item “Sätt upp SMS-påminnelse dagen före”: owner “CRM” → “Marknad”"
        in done.stdout
    )
    assert repository.git("status", "--porcelain") == ""
    assert repository.git("branch", "--show-current").strip() == "main"


def test_an_unknown_revision_is_one_line_and_exit_2(repository: Repository) -> None:
    done = run_kundresa("diff", "no-such-branch", "-p", repository.project)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == "kundresa: unknown revision 'no-such-branch'"
    assert "Traceback" not in done.stderr


def test_a_project_outside_git_is_exit_2(tmp_path: Path) -> None:
    project = tmp_path / "plain"
    project.mkdir()
    (project / "kundresa.yaml").write_text("version: 1\nname: Ingen git\n", encoding="utf-8")
    done = run_kundresa("diff", cwd=project, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert done.returncode == 2
    assert done.stderr.startswith(f"kundresa: {project} is not in a git repository")


def test_a_revision_without_the_project_shows_everything_added(repository: Repository) -> None:
    repository.git("mv", "kartor", "maps")
    repository.commit("Rename the folder")
    done = run_kundresa("diff", "HEAD~1", "--format", "json", cwd=repository.top / "maps")
    assert done.returncode == 1, done.stderr
    changes = [
        (r["change"], r["kind"], r["journey"] or r["item"] or r["file"])
        for r in json.loads(done.stdout)["changes"]
    ]
    assert changes == [
        ("added", "journey", "konsert"),
        ("added", "project", "maps/kundresa.yaml"),
        ("added", "touchpoint", "instagram"),
        ("added", "touchpoint", "webshop"),
        ("added", "touchpoint", "sms"),
        ("added", "touchpoint", "enkat"),
        ("added", "persona", "olle"),
        ("added", "persona", "petra"),
    ]
    text = run_kundresa("diff", "HEAD~1", cwd=repository.top / "maps")
    assert "  + added project (maps/kundresa.yaml)" in text.stdout.splitlines()


def test_two_revisions_without_the_project_are_exit_2(repository: Repository) -> None:
    done = run_kundresa("diff", "HEAD", "HEAD", "-p", repository.project, cwd=repository.top)
    assert done.returncode == 0
    repository.git("mv", "kartor", "maps")
    repository.commit("Rename the folder")
    (repository.top / "kartor").mkdir()
    (repository.top / "kartor" / "kundresa.yaml").write_text("version: 1\nname: Ny\n")
    done = run_kundresa("diff", "HEAD", "HEAD", cwd=repository.top / "kartor")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "kundresa: there is no kartor/kundresa.yaml at HEAD or at HEAD"
    )


def test_steps_with_ids_are_followed_through_a_rewording_and_a_move(
    repository: Repository,
) -> None:
    repository.edit(
        "journeys/konsert.yaml",
        "action: Får ett tack-SMS dagen efter",
        "id: tack\n        action: Får ett tack-SMS dagen efter",
    )
    repository.commit("Give the thank-you step an id")
    text = (repository.project / "journeys/konsert.yaml").read_text(encoding="utf-8")
    step = (
        "      - touchpoint: sms\n        id: tack\n"
        "        action: Får ett tack-SMS dagen efter\n        emotion: {petra: 4, olle: 4}\n"
    )
    text = text.replace(step, "")
    text = text.replace(
        "        emotion: {petra: 3, olle: 2}\n",
        "        emotion: {petra: 3, olle: 2}\n"
        + step.replace("Får ett tack-SMS dagen efter", "Får ett tack på e-post"),
        1,
    )
    text = text.replace(
        "touchpoint: sms\n        id: tack", "touchpoint: instagram\n        id: tack"
    )
    repository.write("journeys/konsert.yaml", text)
    records = _records(repository, "HEAD")
    assert [(r["change"], r["field"], r["before"], r["after"]) for r in records] == [
        ("moved", "phase", "Efter eventet", "Beslut"),
        ("changed", "action", "Får ett tack-SMS dagen efter", "Får ett tack på e-post"),
        ("changed", "touchpoint", "sms", "instagram"),
    ]


def test_a_file_broken_at_both_sides_is_reported_only_when_its_problem_changed(
    repository: Repository,
) -> None:
    repository.edit("kundresa.yaml", "currency: SEK", "currency: kronor")
    repository.commit("Break the settings")
    assert _records(repository, "HEAD") == []
    repository.edit("kundresa.yaml", "currency: kronor", "currency: kronor\ncurrency: SEK")
    (record,) = _records(repository, "HEAD")
    assert (record["change"], record["kind"], record["field"]) == ("unreadable", "project", "after")
    assert "KR002" in str(record["after"])


def test_a_project_at_the_top_of_the_repository(tmp_path: Path) -> None:
    repository = make_repository(tmp_path / "repo", subfolder=".")
    repository.git("mv", "journeys/konsert.yaml", "journeys/sommar.yaml")
    repository.edit("journeys/sommar.yaml", "title: Sommarkonsert", "title: Sommarkonsert 2026")
    records = _records(repository, "HEAD")
    assert [(r["change"], r["field"], r["before"], r["after"]) for r in records] == [
        ("moved", "file", "journeys/konsert.yaml", "journeys/sommar.yaml"),
        ("changed", "title", "Sommarkonsert", "Sommarkonsert 2026"),
    ]
