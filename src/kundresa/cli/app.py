"""The Typer application: its global options and the one list of commands it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from kundresa import __version__
from kundresa.cli.cache import cache
from kundresa.cli.diff import diff
from kundresa.cli.kpi import kpi
from kundresa.cli.lint import lint
from kundresa.cli.project_commands import init, schema
from kundresa.cli.render import render

#: Every command, in the order `--help` lists them: the order a newcomer uses them.
COMMANDS: list[Callable[..., Any]] = [init, schema, lint, render, kpi, diff, cache]

app = typer.Typer(
    name="kundresa",
    help="Customer journey maps as code: lint, render and measure journeys kept in git.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


for command in COMMANDS:
    app.command()(command)
