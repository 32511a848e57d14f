"""`kundresa lint --list-rules`: every rule with its code, name, severity and summary."""

from __future__ import annotations

import json

from kundresa.errors import ConfigError
from kundresa.lint.registry import RULES


def render_rules(output_format: str = "text") -> str:
    """Return the rule list as an aligned table (`text`) or a JSON list (`json`).

    Raises:
        ConfigError: the format is neither text nor json.
    """
    if output_format == "json":
        data = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "summary": rule.summary,
                "reason": rule.reason,
            }
            for rule in RULES
        ]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output_format != "text":
        raise ConfigError(
            f"--list-rules cannot be written as {output_format}", hint="use --format text or json"
        )
    width = max(len(rule.name) for rule in RULES)
    return "".join(
        f"{rule.code}  {rule.severity.value:<7}  {rule.name:<{width}}  {rule.summary}\n"
        for rule in RULES
    )
