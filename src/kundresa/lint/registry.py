"""The registry of every lint rule, listed by hand, and choosing rules by code or name.

There is no plugin machinery: a new rule is a function in one of the `rules` modules
and a line in `RULES` below.
"""

from __future__ import annotations

from collections.abc import Iterable

from kundresa.errors import ConfigError
from kundresa.lint.rule import Rule
from kundresa.lint.rules import catalogue, identity, journey, loading, references
from kundresa.suggest import did_you_mean

#: Every rule, in code order.
RULES: tuple[Rule, ...] = (
    loading.yaml_syntax,
    loading.duplicate_key,
    loading.schema,
    loading.unknown_kind,
    references.duplicate_id,
    references.unknown_reference,
    references.unused,
    references.undeclared_persona,
    identity.as_is_not_current,
    identity.duplicate_step_id,
    journey.empty_phase,
    journey.no_conversion_point,
    journey.ends_at_purchase,
    journey.no_feedback_after_conversion,
    journey.pain_point_without_opportunity,
    catalogue.touchpoint_without_owner,
    journey.missing_target,
    journey.too_many_channels,
    journey.missing_emotion,
    journey.unsized_opportunity,
    catalogue.persona_without_needs,
    catalogue.persona_without_evidence,
    catalogue.stale_map,
)

RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def get_rule(code: str) -> Rule | None:
    """Return the rule with this code (such as KR102) or name (such as unknown-reference)."""
    return RULES_BY_CODE.get(code.upper()) or _BY_NAME.get(code.lower())


def expand(word: str, option: str = "--select") -> list[Rule]:
    """Return the rules a word stands for: a code, a name, a code prefix such as KR2, or ALL.

    Raises:
        ConfigError: the word names no rule.
    """
    word = word.strip()
    found = get_rule(word)
    if found is not None:
        return [found]
    upper = word.upper()
    if upper == "ALL":
        return list(RULES)
    matches = [r for r in RULES if upper.startswith("KR") and r.code.startswith(upper)]
    if matches:
        return matches
    raise ConfigError(
        f"{option}: no rule '{word}'" + did_you_mean(word, [*RULES_BY_CODE, *_BY_NAME]),
        hint="run 'kundresa lint --list-rules' to see every code and name",
    )


def split_words(values: Iterable[str] | None) -> list[str]:
    """Return the words of options that may be repeated and comma-separated."""
    if isinstance(values, str):
        values = [values]
    return [w.strip() for value in values or () for w in value.split(",") if w.strip()]
