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
    """Run the `kundresa` command."""
    from typer.main import get_command

    command = get_command(app)
    try:
        code = command.main(prog_name="kundresa", standalone_mode=False)
    except KundresaError as error:
        _report(error)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("kundresa: interrupted\n")
        sys.exit(130)
    except Exception as error:
        _click_error(error)
        raise
    sys.exit(code if isinstance(code, int) else 0)


def _report(error: KundresaError) -> None:
    hint = f"\n  hint: {error.hint}" if error.hint else ""
    sys.stderr.write(f"kundresa: {error.where()}{error.message}{hint}\n")


def _click_error(error: Exception) -> None:
    """Show a usage error the way click does and exit 2; let anything else propagate."""
    from typer._click.exceptions import Abort, ClickException

    if isinstance(error, ClickException):
        error.show()
        sys.exit(2 if error.exit_code == 2 else error.exit_code)  # noqa: PLR2004
    if isinstance(error, Abort):
        sys.exit(1)


__all__ = ["app", "main"]
