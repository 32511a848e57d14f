"""The command line: a thin Typer layer over the core. Only this package imports typer.

Each command parses its options, calls one core function, hands the result to a
reporter and sets the exit code. Domain errors become a one-line message and exit code
here, in `main`, and nowhere else.
"""

from __future__ import annotations

import sys

from kundresa.cli.app import app
from kundresa.errors import KundresaError


def main() -> None:
    """Run the `kundresa` command; usage errors exit 2, domain errors their own code."""
    try:
        app(prog_name="kundresa")
    except KundresaError as error:
        hint = f"\n  hint: {error.hint}" if error.hint else ""
        sys.stderr.write(f"kundresa: {error.where()}{error.message}{hint}\n")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("kundresa: interrupted\n")
        sys.exit(130)


__all__ = ["app", "main"]
