"""`kundresa render`: draw journeys as HTML maps or Markdown with a Mermaid diagram."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kundresa.cli.options import Language, ProjectOption, QuietOption, RenderFormat, note


def render(  # noqa: PLR0917 - typer reads the options from the signature
    journey: Annotated[
        str | None,
        typer.Argument(help="A journey id or file (default: every journey, as a site)."),
    ] = None,
    fmt: Annotated[
        RenderFormat,
        typer.Option("--format", "-f", help="html, or md for Markdown with a Mermaid diagram."),
    ] = RenderFormat.HTML,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output folder (default: site/ in the project). With a journey: a file "
            "ending in .html or .md, or '-' for stdout.",
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option("--lang", "-l", help="Label language (default: the project's)."),
    ] = None,
    kpi: Annotated[
        Path | None,
        typer.Option(
            "--kpi", help="KPI results from 'kundresa kpi --format json', shown against targets."
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="A folder of your own templates that override built-in ones by name "
            "(journey.html, style.css, journey.md, ...).",
            file_okay=False,
        ),
    ] = None,
    project: ProjectOption = None,
    quiet: QuietOption = False,
) -> None:
    """Render journeys as maps: a self-contained HTML site, or Markdown for GitHub."""
    from kundresa.errors import InputError
    from kundresa.project import display_path, load_project
    from kundresa.render import render_pages, render_project

    loaded = load_project(project=project)
    language = lang.value if lang else None
    if out == Path("-"):
        if journey is None:
            raise InputError("--out - prints one page", hint="name the journey to print")
        pages = render_pages(
            loaded,
            journey,
            fmt=fmt.value,
            lang=language,
            kpi_results=kpi,
            templates_dir=templates,
        )
        typer.echo(next(iter(pages.values())).decode("utf-8"), nl=False)
        return
    written = render_project(
        loaded,
        journey,
        fmt=fmt.value,
        out=out,
        lang=language,
        kpi_results=kpi,
        templates_dir=templates,
    )
    first = next(
        (p for p in written if p.name == f"index.{fmt.value}"), written[0] if written else None
    )
    where = f" (open {display_path(first)})" if first else ""
    note(f"Wrote {len(written)} file(s){where}.", quiet=quiet)
