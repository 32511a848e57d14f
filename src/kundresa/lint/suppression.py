"""`# kundresa: disable=KR205,KR209` comments, which silence findings on their line."""

from __future__ import annotations

import re

from kundresa.lint.registry import get_rule

_DISABLE = re.compile(r"#\s*kundresa:\s*disable\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)")


def disabled_codes(line: str) -> set[str]:
    """Return the codes a source line's `# kundresa: disable=...` comment names.

    Names (such as missing-emotion) count as their codes; words that name no rule are
    ignored here.
    """
    match = _DISABLE.search(line)
    if match is None:
        return set()
    codes = set()
    for word in match.group(1).split(","):
        found = get_rule(word.strip())
        if found is not None:
            codes.add(found.code)
    return codes
