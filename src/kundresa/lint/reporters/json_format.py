"""The JSON format: a stable object with one entry per finding and a summary.

```
{"version": 1,
 "findings": [{"path", "line", "column", "end_line", "end_column", "code", "name",
               "severity", "message", "hint", "suggestion"}],
 "summary": {"errors", "warnings", "info", "files"},
 "error": null or {"path", "line", "column", "message", "hint"}}
```
`hint` and `suggestion` are null where there is none; `end_column` is the column just
after the key or value. `error` is the usage or configuration error that stopped the run
(exit 2), with no findings. New keys may be added; existing keys keep their meaning while
`version` is 1.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kundresa.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from kundresa.errors import KundresaError
    from kundresa.lint.reporters.report import Report

VERSION = 1


def finding_object(finding: Diagnostic, end: tuple[int, int]) -> dict[str, Any]:
    """Return one finding, which ends at `end` (line, column after it), as a JSON object."""
    return {
        "path": finding.location.path,
        "line": finding.location.line,
        "column": finding.location.column,
        "end_line": end[0],
        "end_column": end[1],
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "suggestion": finding.suggestion,
    }


def render(report: Report, color: bool = False) -> str:
    """Return the report as indented JSON."""
    counts = report.counts()
    data = {
        "version": VERSION,
        "findings": [finding_object(f, report.span(f)) for f in report.findings],
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "files": report.files,
        },
        "error": _error_object(report.error),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _error_object(error: KundresaError | None) -> dict[str, Any] | None:
    if error is None:
        return None
    path = None if error.path is None else str(error.path)
    return {
        "path": path,
        "line": error.line,
        "column": error.column,
        "message": error.message,
        "hint": error.hint,
    }
