"""The SARIF 2.1.0 format, which GitHub code scanning and other tools read.

Paths are relative to `%SRCROOT%`, the repository root (or the working folder outside
git), which `originalUriBaseIds` gives as an absolute URI. A run stopped by a usage or
configuration error is still a valid log: `executionSuccessful` is false and the error
is a notification at the file and line at fault.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kundresa import __version__
from kundresa.diagnostics import Diagnostic, Severity
from kundresa.lint.registry import RULES

if TYPE_CHECKING:
    from kundresa.errors import KundresaError
    from kundresa.lint.reporters.report import Report
    from kundresa.lint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where the tool and its rules are documented (the README's rule table).
INFORMATION_URI = "https://github.com/OWNER/kundresa"
RULES_URI = f"{INFORMATION_URI}#rules"
SRCROOT = "%SRCROOT%"
#: The fingerprint's name and version: a hash of the rule, the file and the line's text,
#: so that an alert keeps its identity when lines above it are added or removed.
FINGERPRINT = "kundresaLineHash/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INDEX = {rule.code: i for i, rule in enumerate(RULES)}


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _rule(rule: Rule) -> dict[str, Any]:
    level = _LEVELS.get(rule.severity, "note")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.reason or rule.summary},
        "helpUri": RULES_URI,
        "help": {
            "text": f"{rule.summary}\n\n{rule.reason}".strip(),
            "markdown": f"**{rule.code} `{rule.name}`**: {rule.summary}\n\n{rule.reason}\n\n"
            f"[All rules and how to configure them]({RULES_URI})",
        },
        "defaultConfiguration": {"level": level},
        "properties": {
            "tags": ["customer-journey", "maintainability"],
            "precision": "very-high",
            "problem.severity": "recommendation" if level == "note" else level,
        },
    }


def _region(line: int, column: int, end: tuple[int, int]) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end[0], "endColumn": end[1]}


def _artifact(path: str) -> dict[str, str]:
    if PurePath(path).is_absolute():
        return {"uri": _uri(path)}
    return {"uri": _uri(path), "uriBaseId": SRCROOT}


def _result(finding: Diagnostic, report: Report, seen: Counter[str]) -> dict[str, Any]:
    message = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
    loc = finding.location
    source = (report.source_line(finding) or "").strip()
    key = f"{finding.code}\0{loc.path}\0{source}"
    seen[key] += 1  # identical lines in one file: the n-th of them
    digest = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS.get(finding.severity, "note"),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(loc.path),
                    "region": _region(loc.line, loc.column, report.span(finding)),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: digest},
    }
    if finding.code in _INDEX:
        result["ruleIndex"] = _INDEX[finding.code]
    return result


def _invocation(error: KundresaError | None) -> dict[str, Any]:
    if error is None:
        return {"executionSuccessful": True}
    message = error.message + (f" (hint: {error.hint})" if error.hint else "")
    notification: dict[str, Any] = {"level": "error", "message": {"text": message}}
    if error.path is not None:
        line, column = error.line or 1, error.column or 1
        region = _region(line, column, (line, column + 1))
        notification["locations"] = [
            {"physicalLocation": {"artifactLocation": _artifact(str(error.path)), "region": region}}
        ]
    return {"executionSuccessful": False, "toolExecutionNotifications": [notification]}


def render(report: Report, color: bool = False) -> str:
    """Return the report as a SARIF 2.1.0 log with one run, every rule and every result."""
    seen: Counter[str] = Counter()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "kundresa",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in RULES],
            }
        },
        "invocations": [_invocation(report.error)],
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, report, seen) for finding in report.findings],
    }
    if report.base is not None:
        base = report.base.resolve().as_uri().rstrip("/") + "/"
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
