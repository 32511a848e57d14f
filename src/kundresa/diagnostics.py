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


@dataclass(frozen=True)
class Code:
    """A finding's stable code and its readable kebab-case name."""

    code: str
    name: str


#: The findings the loader makes while it reads files (yamlio, validation, project), in
#: code order. The lint rules of the same codes hand these findings on.
YAML_SYNTAX = Code("KR001", "yaml-syntax")
DUPLICATE_KEY = Code("KR002", "duplicate-key")
SCHEMA = Code("KR003", "schema")
UNKNOWN_KIND = Code("KR004", "unknown-kind")
LOADER_CODES = (YAML_SYNTAX, DUPLICATE_KEY, SCHEMA, UNKNOWN_KIND)


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

    @classmethod
    def error(
        cls,
        code: Code,
        location: Location,
        message: str,
        hint: str | None = None,
        suggestion: str | None = None,
    ) -> Diagnostic:
        """Return an error finding of one of the loader's codes."""
        return cls(location, code.code, code.name, Severity.ERROR, message, hint, suggestion)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key that orders findings by file, line, column and code."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value} {self.code} {self.message}"
