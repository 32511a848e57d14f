"""`kundresa init` and `kundresa schema`: start a project and publish the file schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kundresa.cli.options import Language, QuietOption, Template, note


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

    written = init_project(directory, lang.value, template.value, force=force)
    note(f"Created {len(written)} files in {directory}.", quiet=quiet)
    note(
        "Next: cd into it and run 'kundresa lint', 'kundresa render' and 'kundresa kpi'.",
        quiet=quiet,
    )


def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Folder to write <kind>.schema.json files into.", file_okay=False
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help="Print only this schema: project, journey, persona or touchpoints."
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Write JSON Schemas of the file kinds, for editors and other validators."""
    from kundresa.errors import InputError
    from kundresa.files import write_atomic
    from kundresa.schema import schema_files

    files = schema_files()
    if kind is not None:
        name = f"{kind}.schema.json"
        if name not in files:
            raise InputError(
                f"no schema '{kind}'", hint="use project, journey, persona or touchpoints"
            )
        files = {name: files[name]}
    if out is None:
        if len(files) > 1:
            raise InputError(
                "several schemas, one output", hint="pass --out DIR, or --kind to print one"
            )
        typer.echo(next(iter(files.values())).decode(), nl=False)
        return
    for name, data in files.items():
        write_atomic(out / name, data)
    note(f"Wrote {len(files)} schemas to {out}.", quiet=quiet)
