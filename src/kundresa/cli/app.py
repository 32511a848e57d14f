"""The Typer application and its global options; commands register themselves on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kundresa import __version__

app = typer.Typer(
    name="kundresa",
    help="Customer journey maps as code: lint, render and measure journeys kept in git.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="The project folder (default: the nearest folder with kundresa.yaml).",
        file_okay=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kundresa {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Customer journey maps as code: lint, render and measure journeys kept in git."""


# Command modules register on `app` when imported, in the order `--help` lists them.
from kundresa.cli import project_commands, lint, render, kpi  # noqa: E402, F401, I001
from kundresa.cli import diff  # noqa: E402, F401
