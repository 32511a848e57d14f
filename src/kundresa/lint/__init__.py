"""`kundresa lint`: check a project's files against the rules and report the findings.

The rules are listed in `registry`, one module per family in `rules`; `reporters` turn
findings into text, JSON, GitHub annotations or SARIF. Nothing here imports typer or rich.
"""

from __future__ import annotations

from kundresa.lint.linter import lint_paths, lint_project, rule_severities
from kundresa.lint.registry import RULES, get_rule
from kundresa.lint.rule import Finding, Rule

__all__ = ["RULES", "Finding", "Rule", "get_rule", "lint_paths", "lint_project", "rule_severities"]
