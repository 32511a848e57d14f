"""Reporters turn a lint report into text, JSON, GitHub annotations or SARIF, chosen by name."""

from __future__ import annotations

from collections.abc import Callable

from kundresa.errors import ConfigError
from kundresa.lint.reporters import github, json_format, sarif, text
from kundresa.lint.reporters.report import Report, summary
from kundresa.suggest import did_you_mean

#: A reporter: the report and whether to use colour, to the text to write on stdout.
Reporter = Callable[[Report, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
}


def get_reporter(name: str) -> Reporter:
    """Return the reporter called `name`.

    Raises:
        ConfigError: there is no such format.
    """
    try:
        return REPORTERS[name]
    except KeyError:
        raise ConfigError(
            f"--format: no format '{name}'" + did_you_mean(name, REPORTERS),
            hint="use one of: " + ", ".join(REPORTERS),
        ) from None


__all__ = ["REPORTERS", "Report", "Reporter", "get_reporter", "summary"]
