"""Reporters turn a diff into text, Markdown or JSON, chosen by name (`--format`)."""

from __future__ import annotations

from collections.abc import Callable

from kundresa.diff.records import DiffResult
from kundresa.diff.reporters import json_format, markdown, text
from kundresa.diff.reporters.wording import summary

#: A reporter: the diff and whether to use colour, to the text to write on stdout.
Reporter = Callable[[DiffResult, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "md": markdown.render,
    "json": json_format.render,
}


__all__ = ["REPORTERS", "Reporter", "summary"]
