"""What every reporter is given: the findings, the number of files and their source lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kundresa.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from kundresa.errors import KundresaError
    from kundresa.project import Project

# The token a finding points at: a quoted string, or plain text up to `: `, `#`, `,`, `]`, `}`.
_TOKEN = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?|[^\s,\[\]{}#](?:[^,\[\]{}#:]|:(?!\s|$))*"
)


@dataclass(frozen=True)
class Report:
    """The outcome of one lint run, as the reporters see it."""

    findings: Sequence[Diagnostic]
    files: int = 0
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: The folder the paths are relative to: the repository root, or the working folder.
    base: Path | None = None
    #: The usage or configuration error that stopped the run (exit 2), if one did.
    error: KundresaError | None = None

    @classmethod
    def of(cls, projects: Sequence[tuple[Project, Sequence[Diagnostic]]]) -> Report:
        """Return the report of one or more projects' findings, with their source lines."""
        findings = [finding for _, found in projects for finding in found]
        sources = {
            d.document.path: d.document.lines for project, _ in projects for d in project.documents
        }
        files = sum(len(project.documents) for project, _ in projects)
        base = projects[0][0].base if projects else None
        return cls(findings, files, sources, base)

    def counts(self) -> Counter[Severity]:
        """Return the number of findings of each severity."""
        return Counter(finding.severity for finding in self.findings)

    def failed(self, *, strict: bool = False) -> bool:
        """Return True when the run should exit 1: any error, or any warning when strict."""
        worst = {finding.severity for finding in self.findings}
        return Severity.ERROR in worst or (strict and Severity.WARNING in worst)

    def span(self, finding: Diagnostic) -> tuple[int, int]:
        """Return the end line and the column just after the token a finding points at."""
        loc = finding.location
        source = self.source_line(finding)
        if source is None:
            return loc.line, loc.column + 1
        column = min(loc.column, len(source) + 1)
        return loc.line, column + token_width(source, column)

    def source_line(self, finding: Diagnostic) -> str | None:
        """Return the line of source a finding points at, when it is known."""
        lines = self.sources.get(finding.location.path, ())
        line = finding.location.line
        return lines[line - 1] if 0 < line <= len(lines) else None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 or word == "info" else "s")


def summary(report: Report) -> str:
    """Return the one-line summary written on stderr, such as `2 errors, 1 warning in 3 files`."""
    counts = report.counts()
    files = _plural(report.files, "file")
    if not report.findings and not report.files:
        return "Nothing to check: none of the given files is in a kundresa project."
    if not report.findings:
        return f"No problems found in {files}."
    parts = [
        _plural(counts[severity], severity.value)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    affected = len({finding.location.path for finding in report.findings})
    return f"{', '.join(parts)} in {_plural(affected, 'file')} ({files} checked)."


def token_width(source: str, column: int) -> int:
    """Return the width of the key or value that starts at `column` (1-based) of a line."""
    match = _TOKEN.match(source, column - 1)
    return len(match.group().rstrip()) if match and match.group().strip() else 1
