"""The command line: a thin Typer layer over the core. Only this package imports typer.

The Typer app lives in `kundresa.cli.app`, imported by `main` only when a command runs.

Each command parses its options, calls one core function, hands the result to a
reporter and sets the exit code. Domain errors become a one-line message and exit code
here, in `main`, and nowhere else.
"""

from __future__ import annotations

import os
import sys

from kundresa.errors import KundresaError


def main() -> None:
    """Run the `kundresa` command; usage errors exit 2, domain errors their own code."""
    if sys.argv[1:] == ["--version"]:
        # Answered before typer is imported, so that scripts and hooks asking for the
        # version do not pay for the command line's start-up.
        from kundresa import __version__

        sys.stdout.write(f"kundresa {__version__}\n")
        return
    # Pydantic looks for plugins in every installed package's entry points before it
    # builds the first model (12 ms here); the command line uses none. Set the variable
    # to an empty value to have pydantic load them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from kundresa.cli.app import app

    try:
        app(prog_name="kundresa")
    except KundresaError as error:
        hint = f"\n  hint: {error.hint}" if error.hint else ""
        sys.stderr.write(f"kundresa: {error.where()}{error.message}{hint}\n")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("kundresa: interrupted\n")
        sys.exit(130)


__all__ = ["main"]
