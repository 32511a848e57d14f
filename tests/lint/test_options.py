"""Selecting rules, severities from kundresa.yaml, disable comments and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

import kundresa
from kundresa.diagnostics import Severity
from kundresa.errors import ConfigError, InputError
from kundresa.lint import lint_project
from kundresa.project import load_project

from lint.cases import write_case

# A touchpoint without owner (KR206, warning) that no journey uses (KR103, warning), and a
# persona without evidence (KR302, info).
EXTRA = {
    "touchpoints/more.yaml": (
        "kind: touchpoints\ntouchpoints:\n  - {id: radio, name: Radio, channel: tv-radio, "
        "medium: digital}\n"
    ),
    "personas/petra.yaml": "kind: persona\nid: petra\nname: Petra\nneeds: [Seats]\n",
}


def _codes(root: Path, monkeypatch: pytest.MonkeyPatch, **options: object) -> list[str]:
    monkeypatch.chdir(root)
    return [f"{d.location}: {d.code}" for d in lint_project(load_project(), **options)]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_case(tmp_path / "project", EXTRA)


def test_all_rules_run_by_default(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _codes(project, monkeypatch) == [
        "personas/petra.yaml:2:5: KR302",
        "touchpoints/more.yaml:3:10: KR103",
        "touchpoints/more.yaml:3:10: KR206",
    ]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["KR206"], None, ["KR206"]),
        (["touchpoint-without-owner,KR302"], None, ["KR302", "KR206"]),
        (["KR2"], None, ["KR206"]),
        (None, ["KR1", "persona-without-evidence"], ["KR206"]),
        (["KR1", "KR2"], ["KR103"], ["KR206"]),
    ],
)
def test_select_and_ignore(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    select: list[str] | None,
    ignore: list[str] | None,
    expected: list[str],
) -> None:
    found = _codes(project, monkeypatch, select=select, ignore=ignore)
    assert [line.rsplit(" ", 1)[1] for line in found] == expected


def test_unknown_rule_is_a_config_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match=r"no rule 'KR2066' \(did you mean 'KR206'\?\)"):
        _codes(project, monkeypatch, select=["KR2066"])


def test_severity_and_off_from_kundresa_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = "version: 1\nname: Base\nlint:\n  rules: {KR206: error, KR103: off}\n"
    root = write_case(tmp_path / "p", {**EXTRA, "kundresa.yaml": config})
    monkeypatch.chdir(root)
    found = lint_project(load_project())
    assert [(d.code, d.severity) for d in found] == [
        ("KR302", Severity.INFO),
        ("KR206", Severity.ERROR),
    ]
    # Naming a rule on the command line runs it even where the file turns it off.
    assert [d.code for d in lint_project(load_project(), select=["KR103"])] == ["KR103"]


def test_unknown_rule_in_kundresa_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = "version: 1\nname: Base\nlint:\n  rules:\n    KR299: off\n"
    root = write_case(tmp_path / "p", {"kundresa.yaml": config})
    monkeypatch.chdir(root)
    with pytest.raises(ConfigError) as error:
        lint_project(load_project())
    assert str(error.value).startswith("kundresa.yaml:5:5: lint.rules: no rule 'KR299'")


@pytest.mark.parametrize(
    "comment",
    [
        "# kundresa: disable=KR206",
        "# kundresa: disable=KR103, KR206",
        "#kundresa:disable=touchpoint-without-owner,unused",
    ],
)
def test_disable_comment_silences_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, comment: str
) -> None:
    catalogue = (
        "kind: touchpoints\ntouchpoints:\n"
        f"  - id: radio  {comment}\n    name: Radio\n    channel: tv-radio\n    medium: digital\n"
    )
    root = write_case(tmp_path / "p", {"touchpoints/more.yaml": catalogue})
    found = _codes(root, monkeypatch, select=["KR206", "KR103"])
    expected = (
        [] if "KR103" in comment or "unused" in comment else ["touchpoints/more.yaml:3:9: KR103"]
    )
    assert found == expected


def test_disable_comment_on_another_line_does_not_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = (
        "kind: touchpoints  # kundresa: disable=KR206\ntouchpoints:\n"
        "  - id: radio\n    name: Radio\n    channel: tv-radio\n    medium: digital\n"
    )
    root = write_case(tmp_path / "p", {"touchpoints/more.yaml": catalogue})
    assert _codes(root, monkeypatch, select=["KR206"]) == ["touchpoints/more.yaml:3:9: KR206"]


def test_paths_restrict_findings_but_references_resolve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = (
        "kind: journey\nid: other\ntitle: Other\npersonas: [petra, nobody]\n"
        "phases: [{id: a, name: A, steps: [{touchpoint: radio, action: Listens, emotion: 3}]}]\n"
    )
    root = write_case(tmp_path / "p", {**EXTRA, "journeys/other.yaml": journey})
    only = _codes(root, monkeypatch, paths=[Path("journeys/other.yaml")])
    # petra and radio are defined in files not linted, and still count as known.
    assert only == ["journeys/other.yaml:4:19: KR102", "journeys/other.yaml:5:1: KR202"]
    folder = _codes(root, monkeypatch, paths=[Path("touchpoints")])
    assert folder == ["touchpoints/more.yaml:3:10: KR206"]


def test_missing_path_is_an_input_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        _codes(project, monkeypatch, paths=[Path("journeys/nope.yaml")])


def test_lint_project_is_exported_from_the_package() -> None:
    assert kundresa.lint_project is lint_project
