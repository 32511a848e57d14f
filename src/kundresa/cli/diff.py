"""`kundresa diff`: what changed in the journeys, between git revisions or two journeys."""

from __future__ import annotations

from typing import Annotated

import typer

from kundresa.cli.options import DiffFormat, ProjectOption, QuietOption, note, use_colour

EXIT_CHANGES = 1


def diff(
    first: Annotated[
        str | None,
        typer.Argument(
            help="A git revision (default HEAD), or a journey id or file to compare with B.",
            metavar="REV|A",
            show_default=False,
        ),
    ] = None,
    second: Annotated[
        str | None,
        typer.Argument(
            help="A second revision (default: the files on disk), or the to-be journey.",
            metavar="REV2|B",
            show_default=False,
        ),
    ] = None,
    project: ProjectOption = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.TEXT,
    quiet: QuietOption = False,
) -> None:
    """Show what changed in journeys, touchpoints, personas and settings, in their words.

    'kundresa diff' compares HEAD with the files on disk, 'kundresa diff origin/main' that
    branch, 'kundresa diff REV REV2' two revisions, and 'kundresa diff A B' two journeys
    (ids or files), such as today's and the planned one. Exits 0 with no changes, 1 with
    changes, 2 on an error.
    """
    from kundresa.diff import diff_project
    from kundresa.diff.reporters import REPORTERS, summary

    reporter = REPORTERS[output_format.value]
    colour = use_colour()
    result = diff_project(first, second, project=project)
    typer.echo(reporter(result, colour), nl=False, color=colour)
    if output_format != DiffFormat.TEXT:
        note(summary(result), quiet=quiet)
    if result.changed:
        raise typer.Exit(EXIT_CHANGES)
