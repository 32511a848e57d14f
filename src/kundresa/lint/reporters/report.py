"""What every reporter is given: the findings, the number of files and their source lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kundresa.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from kundresa.project import Project


@dataclass(frozen=True)
class Report:
    """The outcome of one lint run, as the reporters see it."""

    findings: Sequence[Diagnostic]
    files: int = 0
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, project: Project, findings: Sequence[Diagnostic]) -> Report:
        """Return the report of a project's findings, with the source lines of its files."""
        sources = {d.document.path: d.document.lines for d in project.documents}
        return cls(findings, len(project.documents), sources)

    def counts(self) -> Counter[Severity]:
        """Return the number of findings of each severity."""
        return Counter(finding.severity for finding in self.findings)

    def failed(self, *, strict: bool = False) -> bool:
        """Return True when the run should exit 1: any error, or any warning when strict."""
        worst = {finding.severity for finding in self.findings}
        return Severity.ERROR in worst or (strict and Severity.WARNING in worst)

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
    if not report.findings:
        return f"No problems found in {files}."
    parts = [
        _plural(counts[severity], severity.value)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    affected = len({finding.location.path for finding in report.findings})
    return f"{', '.join(parts)} in {_plural(affected, 'file')} ({files} checked)."
