"""The GitHub format: workflow commands that annotate the lines of a pull request.

GitHub shows only the first ten error and ten warning annotations of a step. Past that,
a last notice says so, and `step_summary` gives every finding as a Markdown table for
`$GITHUB_STEP_SUMMARY`, which the command line writes when the variable is set.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kundresa.diagnostics import Severity

if TYPE_CHECKING:
    from kundresa.errors import KundresaError
    from kundresa.lint.reporters.report import Report

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: Annotations of each of the levels error and warning that GitHub shows for one step.
SHOWN_PER_LEVEL = 10


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    """Return one `::error file=...,line=...,endLine=...,col=...,endColumn=...::` per finding."""
    if report.error is not None:
        return error_annotation(report.error)
    lines = []
    for finding in report.findings:
        loc = finding.location
        end_line, end_column = report.span(finding)
        message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
        properties = ",".join(
            (
                f"file={_property(loc.path)}",
                f"line={loc.line}",
                f"endLine={end_line}",
                f"col={loc.column}",
                # GitHub counts the end column as part of the span; SARIF's is just after.
                f"endColumn={max(end_column - 1, loc.column)}",
                f"title={_property(f'{finding.code} {finding.name}')}",
            )
        )
        level = _LEVELS.get(finding.severity, "notice")
        lines.append(f"::{level} {properties}::{_data(message)}\n")
    if over_limit(report):
        lines.append(f"::notice title=kundresa lint::{_data(_limit_note(report))}\n")
    return "".join(lines)


def over_limit(report: Report) -> bool:
    """Return True when GitHub would not show every error or warning as an annotation."""
    counts = report.counts()
    return max(counts[Severity.ERROR], counts[Severity.WARNING]) > SHOWN_PER_LEVEL


def _limit_note(report: Report) -> str:
    counts = report.counts()
    return (
        f"{counts[Severity.ERROR]} errors and {counts[Severity.WARNING]} warnings: GitHub shows "
        f"only {SHOWN_PER_LEVEL} annotations of each per step. The job summary lists all "
        f"{len(report.findings)} findings; 'kundresa lint' shows them too."
    )


def error_annotation(error: KundresaError) -> str:
    """Return the `::error` annotation of a usage or configuration error, on its file."""
    properties = ["title=kundresa"]
    if error.path is not None:
        properties.insert(0, f"file={_property(str(error.path))}")
        if error.line is not None:
            properties.insert(1, f"line={error.line}")
            if error.column is not None:
                properties.insert(2, f"col={error.column}")
    message = error.message + (f"\nhint: {error.hint}" if error.hint else "")
    return f"::error {','.join(properties)}::{_data(message)}\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def step_summary(report: Report) -> str:
    """Return every finding as a Markdown table, for the job's step summary."""
    counts: Counter[Severity] = report.counts()
    head = (
        f"### kundresa lint: {counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info\n\n"
        "| file | line | severity | rule | message |\n|---|---|---|---|---|\n"
    )
    rows = [
        f"| `{_cell(f.location.path)}` | {f.location.line}:{f.location.column} | "
        f"{f.severity.value} | {f.code} {f.name} | {_cell(f.message)} |\n"
        for f in report.findings
    ]
    return head + "".join(rows) + "\n"
