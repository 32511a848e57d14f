"""`kundresa init` and `kundresa schema`: start a project and publish the file schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kundresa.cli.options import (
    Language,
    ProjectOption,
    QuietOption,
    SchemaKind,
    Template,
    note,
)


def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to create the project (default: here).")
    ] = Path(),
    lang: Annotated[
        Language, typer.Option("--lang", "-l", help="Language of the project.")
    ] = Language.EN,
    template: Annotated[
        Template, typer.Option("--template", "-t", help="Journey to start from.")
    ] = Template.EVENT,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that are already there.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Create a project: an example journey, personas, touchpoints and sample data."""
    from kundresa.scaffold import init_project

    result = init_project(directory, lang.value, template.value, force=force)
    note(f"Created {len(result.files)} files in {directory}.", quiet=quiet)
    for message in result.notes:
        typer.echo(f"Note: {message}.", err=True)
    note(
        "Next: cd into it and run 'kundresa lint', 'kundresa render' and 'kundresa kpi'.",
        quiet=quiet,
    )


def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write only the <kind>.schema.json files into (default: the "
            "project's schemas/, with its .vscode settings).",
            file_okay=False,
        ),
    ] = None,
    kind: Annotated[
        SchemaKind | None, typer.Option("--kind", help="Print only this kind's schema.")
    ] = None,
    project: ProjectOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 when the schemas miss the project's ids."
        ),
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Write the project's JSON Schemas and VS Code settings, so the editor completes its ids.

    Run it again after adding touchpoints, personas or KPIs. Outside a project, --out and
    --kind give schemas that fit every project.
    """
    from kundresa.editor import find_project, stale_schemas, write_schemas
    from kundresa.ids import project_ids
    from kundresa.project import display_path
    from kundresa.schema import schema_files

    found = find_project(project)
    if kind is not None:
        files = schema_files(project_ids(found) if found else None)
        typer.echo(files[f"{kind.value}.schema.json"].decode(), nl=False)
        return
    if check:
        stale = stale_schemas(found, out)
        for path in stale:
            typer.echo(f"{display_path(path)}: out of date; run 'kundresa schema'", err=True)
        raise typer.Exit(1 if stale else 0)
    result = write_schemas(found, out)
    for path in result.written:
        note(f"Wrote {display_path(path)}", quiet=quiet)
    if not result.written:
        note("The schemas and editor settings are up to date.", quiet=quiet)
    for message in result.notes:
        typer.echo(f"Note: {message}.", err=True)
