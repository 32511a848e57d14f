"""Domain exceptions: each carries a one-line message, a hint and an exit code.

The core raises these; the CLI turns them into a message on stderr and an exit code in one
place, so no module but `cli` decides how an error looks.
"""

from __future__ import annotations

from pathlib import Path

#: Exit code for usage, configuration and input errors (SPEC section 4).
EXIT_USAGE = 2


class KundresaError(Exception):
    """An error the user can fix, told in one sentence with a hint."""

    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        self.column = column

    def where(self) -> str:
        """Return `path:line:col: ` (as much of it as is known), or an empty string."""
        if self.path is None:
            return ""
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts) + ": "

    def __str__(self) -> str:
        text = self.where() + self.message
        return f"{text} (hint: {self.hint})" if self.hint else text


class ProjectNotFoundError(KundresaError):
    """No kundresa.yaml in the folder or any parent."""


class ConfigError(KundresaError):
    """kundresa.yaml, or an option, is not valid."""


class InputError(KundresaError):
    """A file cannot be read: not YAML, too large, too deep, not UTF-8, a bad export."""


class OutputError(KundresaError):
    """A file cannot be written: the folder is not writable, or a file is in its way."""


class FileExistsConflictError(KundresaError):
    """Writing would overwrite files the user has; nothing was written."""
