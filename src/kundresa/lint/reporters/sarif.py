"""The SARIF 2.1.0 format, which GitHub code scanning and other tools read."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kundresa import __version__
from kundresa.diagnostics import Diagnostic, Severity
from kundresa.lint.registry import RULES

if TYPE_CHECKING:
    from kundresa.lint.reporters.report import Report
    from kundresa.lint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INDEX = {rule.code: i for i, rule in enumerate(RULES)}


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.reason or rule.summary},
        "help": {"text": f"{rule.summary}\n\n{rule.reason}".strip()},
        "defaultConfiguration": {"level": _LEVELS.get(rule.severity, "note")},
    }


def _result(finding: Diagnostic) -> dict[str, Any]:
    message = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS.get(finding.severity, "note"),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.location.path)},
                    "region": {
                        "startLine": finding.location.line,
                        "startColumn": finding.location.column,
                    },
                }
            }
        ],
    }
    if finding.code in _INDEX:
        result["ruleIndex"] = _INDEX[finding.code]
    return result


def render(report: Report, color: bool = False) -> str:
    """Return the report as a SARIF 2.1.0 log with one run, every rule and every result."""
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kundresa",
                        "version": __version__,
                        "rules": [_rule(rule) for rule in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding) for finding in report.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
