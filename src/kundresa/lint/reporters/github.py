"""The GitHub format: workflow commands that annotate the lines of a pull request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kundresa.diagnostics import Severity

if TYPE_CHECKING:
    from kundresa.lint.reporters.report import Report

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False) -> str:
    """Return one `::error file=...,line=...,col=...,title=...::message` line per finding."""
    lines = []
    for finding in report.findings:
        loc = finding.location
        message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
        properties = ",".join(
            (
                f"file={_property(loc.path)}",
                f"line={loc.line}",
                f"col={loc.column}",
                f"title={_property(f'{finding.code} {finding.name}')}",
            )
        )
        level = _LEVELS.get(finding.severity, "notice")
        lines.append(f"::{level} {properties}::{_data(message)}\n")
    return "".join(lines)
