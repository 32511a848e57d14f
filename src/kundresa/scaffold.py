"""`kundresa init`: write a new project from the built-in scaffolds, never overwriting."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from kundresa.errors import FileExistsConflictError, InputError
from kundresa.files import scaffolds, write_atomic
from kundresa.schema import schema_files

LANGUAGES = ("sv", "da", "nb", "en")
TEMPLATES = ("event", "ecommerce", "b2b")


def init_project(
    target: Path, language: str = "en", template: str = "event", *, force: bool = False
) -> list[Path]:
    """Write a project in `language` from `template` into `target`; return the files written.

    Raises:
        FileExistsConflictError: files are in the way and `force` is not set; nothing is
            written.
    """
    if language not in LANGUAGES:
        raise InputError(f"no language '{language}'", hint="use one of: " + ", ".join(LANGUAGES))
    if template not in TEMPLATES:
        raise InputError(f"no template '{template}'", hint="use one of: " + ", ".join(TEMPLATES))
    planned = dict(_template_files(scaffolds() / template / language))
    planned.update((f"schemas/{name}", data) for name, data in schema_files().items())
    paths = {target / relative: data for relative, data in sorted(planned.items())}
    in_the_way = [path for path in paths if path.exists()]
    if in_the_way and not force:
        shown = ", ".join(str(path) for path in in_the_way[:5])
        more = f" and {len(in_the_way) - 5} more" if len(in_the_way) > 5 else ""
        raise FileExistsConflictError(
            f"{len(in_the_way)} file(s) are in the way: {shown}{more}",
            hint="choose an empty folder, or pass --force to overwrite them",
        )
    for path, data in paths.items():
        write_atomic(path, data)
    return list(paths)


def _template_files(folder: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.extend(_template_files(entry, f"{name}/"))
        else:
            found.append((name, entry.read_bytes()))
    return found
