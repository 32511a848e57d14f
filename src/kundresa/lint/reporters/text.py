"""The text format: `path:line:col: severity CODE message`, a code frame, a caret and a hint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kundresa.diagnostics import Diagnostic, Severity
from kundresa.lint.reporters.report import token_width

if TYPE_CHECKING:
    from kundresa.lint.reporters.report import Report

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def render(report: Report, color: bool = False) -> str:
    """Return each finding as a line, its source line with a caret below, and its hint."""
    out: list[str] = []
    for finding in report.findings:
        colour = _COLOURS.get(finding.severity, "0")
        head = (
            f"{_paint(str(finding.location), '1', color)}: "
            f"{_paint(finding.severity.value, colour, color)} "
            f"{_paint(finding.code, '1', color)} {finding.message}"
        )
        out.append(head)
        source = report.source_line(finding)
        if source is not None:
            out.extend(_frame(finding, source, color))
        if finding.hint:
            out.append(f"  {_paint('hint:', '32', color)} {finding.hint}")
    return "".join(line + "\n" for line in out)


def _frame(finding: Diagnostic, source: str, color: bool) -> list[str]:
    """Return the source line and a caret under the token the finding points at."""
    number = str(finding.location.line)
    column = min(finding.location.column, len(source) + 1)
    caret = " " * (column - 1) + "^" * token_width(source, column)
    colour = _COLOURS.get(finding.severity, "0")
    return [
        f"  {_paint(number, '2', color)} | {source.rstrip()}",
        f"  {' ' * len(number)} | {_paint(caret, colour, color)}",
    ]


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text
