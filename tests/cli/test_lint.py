"""`kundresa lint` on the command line: exit codes, rule list, colour, and a light core."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kundresa.diagnostics import Diagnostic, Location, Severity
from kundresa.lint import RULES
from kundresa.lint.reporters import Report, summary
from kundresa.lint.reporters import text as text_reporter

from lint.cases import BASE, write_case
from support import SRC

WARNING_ONLY = {
    "touchpoints/more.yaml": (
        "kind: touchpoints\ntouchpoints:\n  - {id: radio, name: Radio, channel: tv-radio, "
        "medium: digital, owner: Ads}\n"
    )
}


def test_clean_project_exits_0(kundresa) -> None:
    result = kundresa("lint", "--project", BASE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == "No problems found in 3 files.\n"


def test_warnings_exit_0_or_1_with_strict(kundresa, tmp_path: Path) -> None:
    root = write_case(tmp_path / "p", WARNING_ONLY)
    result = kundresa("lint", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("touchpoints/more.yaml:3:10: warning KR103 ")
    assert kundresa("lint", "--strict", cwd=root).returncode == 1


def test_usage_and_config_errors_exit_2(kundresa, tmp_path: Path) -> None:
    result = kundresa("lint", "--format", "xml", "-p", BASE)
    assert result.returncode == 2
    assert "'xml' is not one of 'text', 'json', 'github', 'sarif'" in result.stderr
    result = kundresa("lint", "--select", "KR999", "-p", BASE)
    assert result.returncode == 2
    assert "no rule 'KR999'" in result.stderr
    assert "Traceback" not in result.stderr
    assert kundresa("lint", cwd=tmp_path).returncode == 2  # no project here


def test_project_is_found_from_the_first_path(kundresa, tmp_path: Path) -> None:
    root = write_case(tmp_path / "p", WARNING_ONLY)
    result = kundresa("lint", "--select", "KR103", root / "touchpoints" / "more.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "KR103" in result.stdout


def test_list_rules_shows_every_rule(kundresa) -> None:
    result = kundresa("lint", "--list-rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [rule.code for rule in RULES]
    assert "KR102  error    unknown-reference" in result.stdout
    listed = json.loads(kundresa("lint", "--list-rules", "--format", "json").stdout)
    assert listed[0] == {
        "code": "KR001",
        "name": "yaml-syntax",
        "severity": "error",
        "summary": RULES[0].summary,
        "reason": RULES[0].reason,
    }


def test_every_rule_is_documented_and_named_in_kebab_case() -> None:
    for rule in RULES:
        assert rule.name == rule.name.lower() and " " not in rule.name and "_" not in rule.name
        assert rule.summary.endswith("."), rule.code
        assert rule.reason, rule.code


def test_colour_only_when_asked() -> None:
    finding = Diagnostic(Location("a.yaml", 1, 7), "KR102", "x", Severity.ERROR, "bad", "fix")
    report = Report([finding], 1, {"a.yaml": ["kind: jorney"]})
    plain = text_reporter.render(report, color=False)
    assert "\x1b[" not in plain
    assert plain == (
        "a.yaml:1:7: error KR102 bad\n  1 | kind: jorney\n    |       ^^^^^^\n  hint: fix\n"
    )
    assert "\x1b[31merror\x1b[0m" in text_reporter.render(report, color=True)
    assert summary(report) == "1 error in 1 file (1 file checked)."


def test_lint_command_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kundresa", "lint", "-p", str(BASE)],
        env={"PYTHONPATH": str(SRC), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    heavy = {"jinja2", "duckdb", "rich", "pandas", "pyarrow"}
    assert not {m for m in imported if m.split(".")[0] in heavy}
