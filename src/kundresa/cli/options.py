"""Options that several commands share, the fixed choices of options, and colour.

The choices are enums so that typer offers them to the shell's completion; a test keeps
each one equal to the core's own list (reporters, languages, templates, formats). They
are not imported from the core because that would load pydantic or jinja2 for `--help`.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="The project folder (default: the nearest folder with kundresa.yaml).",
        file_okay=False,
    ),
]

NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read the sales export afresh, and keep nothing in the cache "
        "(kundresa cache clear empties it).",
    ),
]

QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print no progress or summary on stderr; errors and warnings still show.",
    ),
]


class Language(StrEnum):
    """The languages of labels and of init's projects."""

    SV = "sv"
    DA = "da"
    NB = "nb"
    EN = "en"


class Template(StrEnum):
    """The journeys `kundresa init` can start from."""

    EVENT = "event"
    ECOMMERCE = "ecommerce"
    B2B = "b2b"


class LintFormat(StrEnum):
    """Output formats of `kundresa lint`, one per reporter."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


class SchemaKind(StrEnum):
    """The file kinds `kundresa schema --kind` prints a schema of."""

    PROJECT = "project"
    JOURNEY = "journey"
    PERSONA = "persona"
    TOUCHPOINTS = "touchpoints"


class DiffFormat(StrEnum):
    """Output formats of `kundresa diff`, one per reporter."""

    TEXT = "text"
    MD = "md"
    JSON = "json"


class RenderFormat(StrEnum):
    """Output formats of `kundresa render`."""

    HTML = "html"
    MD = "md"


class CacheAction(StrEnum):
    """What `kundresa cache` does."""

    CLEAR = "clear"


def note(message: str, *, quiet: bool) -> None:
    """Print a progress or summary line on stderr, unless `--quiet` was given."""
    if not quiet:
        typer.echo(message, err=True)


def use_colour(stream: TextIO | None = None) -> bool:
    """Return whether to colour `stream` (stdout by default).

    NO_COLOR (no-color.org) turns colour off, even where FORCE_COLOR (force-color.org) or
    CLICOLOR_FORCE (bixense.com/clicolors) would force it on, as in Python's own
    interpreter; forcing is for logs such as GitHub Actions', which are not terminals.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") or os.environ.get("CLICOLOR_FORCE", "0") != "0":
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return (stream or sys.stdout).isatty()
