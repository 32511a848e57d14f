"""What a rule is: a small check function with a code, a kebab-case name and a severity.

The check's docstring is the rule's documentation: its first line says what the rule
finds, the rest why it matters. `--list-rules` and the README show exactly that text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kundresa.diagnostics import Location, Severity

if TYPE_CHECKING:
    from kundresa.lint.context import Context


@dataclass(frozen=True)
class Finding:
    """What a check reports: where, what, and how to fix it; the rule adds code and severity."""

    location: Location
    message: str
    hint: str | None = None
    suggestion: str | None = None


Check = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A lint rule: a stable code, a readable name, a default severity and its check."""

    code: str
    name: str
    severity: Severity
    check: Check

    @property
    def summary(self) -> str:
        """Return the first line of the docstring: what the rule finds."""
        return (self.check.__doc__ or "").strip().splitlines()[0]

    @property
    def reason(self) -> str:
        """Return the rest of the docstring, why the rule exists, as unwrapped paragraphs."""
        doc = (self.check.__doc__ or "").strip()
        _, _, rest = doc.partition("\n")
        paragraphs = textwrap.dedent(rest).strip().split("\n\n")
        return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def rule(code: str, name: str, severity: Severity) -> Callable[[Check], Rule]:
    """Turn a check function into a Rule with this code, name and default severity."""

    def wrap(check: Check) -> Rule:
        return Rule(code, name, severity, check)

    return wrap
