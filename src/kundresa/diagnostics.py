"""Positions and findings: one `Diagnostic` type for YAML, schema, rule and CSV problems."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; `off` silences a rule."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding: where, which rule, how serious, what, and how to fix it."""

    location: Location
    code: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None
    suggestion: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key that orders findings by file, line, column and code."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value} {self.code} {self.message}"
