"""Reporters turn a diff into text, Markdown or JSON, chosen by name."""

from __future__ import annotations

from collections.abc import Callable

from kundresa.diff.records import DiffResult
from kundresa.diff.reporters import json_format, markdown, text
from kundresa.diff.reporters.wording import summary
from kundresa.errors import ConfigError
from kundresa.suggest import did_you_mean

#: A reporter: the diff and whether to use colour, to the text to write on stdout.
Reporter = Callable[[DiffResult, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "md": markdown.render,
    "json": json_format.render,
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


__all__ = ["REPORTERS", "Reporter", "get_reporter", "summary"]
