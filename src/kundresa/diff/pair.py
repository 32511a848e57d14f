"""`kundresa diff A B` with two journeys: find them by id or file, then compare them.

Two arguments are journeys when both name one (an id in the project, or a YAML file);
otherwise they are git revisions.
"""

from __future__ import annotations

from pathlib import Path

from kundresa.diff.compare import compare_journeys, diff_revisions
from kundresa.diff.records import DiffResult
from kundresa.errors import InputError
from kundresa.models import Journey
from kundresa.project import Project, display_path, load_document, load_project
from kundresa.suggest import did_you_mean


def diff_project(
    first: str | None = None,
    second: str | None = None,
    start: Path | None = None,
    project: Path | None = None,
) -> DiffResult:
    """Compare two journeys, two revisions, or a revision (default HEAD) with the files on disk.

    Raises:
        InputError: a journey cannot be read, a revision is unknown, or there is no git.
    """
    if first is not None and second is not None:
        loaded = load_project(start, project)
        if _names_journey(loaded, first) and _names_journey(loaded, second):
            before, after = find_journey(loaded, first), find_journey(loaded, second)
            names = {p.model.id: p.model.name for p in loaded.personas}
            return compare_journeys(before, after, names)
    return diff_revisions(start, project, first or "HEAD", second)


def find_journey(project: Project, name: str) -> Journey:
    """Return the journey with this id, or in this file.

    Raises:
        InputError: no such journey, or its file does not load (with the first problem).
    """
    path = Path(name)
    if path.suffix in (".yaml", ".yml"):
        if not path.is_file():
            raise InputError(f"no file {name}", hint="give a journey file or a journey id")
        loaded = load_document(path)
        if loaded.problems:
            raise _unreadable(str(loaded.problems[0]))
        if not isinstance(loaded.model, Journey):
            raise InputError(f"{display_path(path)} is not a journey (kind: journey)")
        return loaded.model
    if name in project.journey_index:
        return project.journey_index[name].model
    for document in project.documents:
        data = document.document.data
        if isinstance(data, dict) and data.get("id") == name and document.problems:
            raise _unreadable(str(document.problems[0]))
    raise InputError(
        f"no journey '{name}'" + did_you_mean(name, project.journey_index),
        hint="give two journey ids or files, or git revisions",
    )


def _names_journey(project: Project, name: str) -> bool:
    if Path(name).suffix in (".yaml", ".yml"):
        return True
    written = (d.document.data for d in project.documents)
    ids = {
        data.get("id")
        for data in written
        if isinstance(data, dict) and data.get("kind") == "journey"
    }
    return name in project.journey_index or name in ids


def _unreadable(problem: str) -> InputError:
    return InputError(
        f"cannot compare: {problem}", hint="fix the file first; 'kundresa lint' shows every problem"
    )
