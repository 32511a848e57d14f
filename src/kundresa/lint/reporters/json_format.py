"""The JSON format: a stable object with one entry per finding and a summary.

```
{"version": 1,
 "findings": [{"path", "line", "column", "code", "name", "severity", "message",
               "hint", "suggestion"}],
 "summary": {"errors", "warnings", "info", "files"}}
```
`hint` and `suggestion` are null where there is none. New keys may be added; existing
keys keep their meaning while `version` is 1.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kundresa.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from kundresa.lint.reporters.report import Report

VERSION = 1


def finding_object(finding: Diagnostic) -> dict[str, Any]:
    """Return one finding as a JSON-ready object."""
    return {
        "path": finding.location.path,
        "line": finding.location.line,
        "column": finding.location.column,
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
        "findings": [finding_object(finding) for finding in report.findings],
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "files": report.files,
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
