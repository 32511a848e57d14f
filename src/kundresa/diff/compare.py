"""Compare a project at two git revisions, or at a revision and on disk, or two journeys."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kundresa.diff import git
from kundresa.diff.catalogue import blind_ids, model_changes, settings_changes, unreadable_changes
from kundresa.diff.journeys import diff_journey
from kundresa.diff.records import ADDED, MOVED, REMOVED, Change, DiffResult, JourneyDiff
from kundresa.diff.snapshot import CONFIG_FILE, Snapshot, add_document, read_config
from kundresa.errors import InputError
from kundresa.project import find_root, is_document_name, kind_folder_files

if TYPE_CHECKING:
    from kundresa.models import Journey

WORKING_TREE = "working tree"


def diff_revisions(
    start: Path | None = None,
    project: Path | None = None,
    revision: str = "HEAD",
    other: str | None = None,
) -> DiffResult:
    """Compare the project at `revision` with `other`, or with the files on disk.

    Raises:
        InputError: not a git repository, an unknown revision, or no project at a revision.
        ProjectNotFoundError: no kundresa.yaml here or above.
    """
    root = find_root(start, project)
    repository = git.open_repository(root)
    before = read_revision(repository, revision)
    after = read_revision(repository, other) if other else read_working_tree(repository, root)
    return diff_snapshots(before, after, repository.path_of(CONFIG_FILE))


def read_revision(repository: git.Repository, revision: str) -> Snapshot:
    """Return the project as it is at a revision, read from git's objects."""
    commit = git.resolve_revision(repository, revision)
    snapshot = Snapshot(revision)
    config_file = repository.path_of(CONFIG_FILE)
    (raw,) = git.read_blobs(repository, [f"{commit}:{config_file}"])
    if raw is None:
        # A pull request that starts the project: at the base it does not exist yet, and
        # everything in it is added.
        snapshot.exists = False
        return snapshot
    read_config(snapshot, raw, config_file)
    paths = snapshot.paths
    listed = git.list_files(repository, commit, [paths.journeys, paths.personas, paths.touchpoints])
    files = sorted(path for path in listed if _is_document(path))
    blobs = git.read_blobs(repository, [listed[path] for path in files])
    for path, blob in zip(files, blobs, strict=True):
        if blob is not None:
            add_document(snapshot, blob, repository.path_of(path))
    return snapshot


def read_working_tree(repository: git.Repository, root: Path) -> Snapshot:
    """Return the project as its files are on disk, saved or not, committed or not."""
    snapshot = Snapshot(WORKING_TREE)
    read_config(snapshot, _read(root / CONFIG_FILE), repository.path_of(CONFIG_FILE))
    for file in kind_folder_files(root, snapshot.paths):
        relative = file.relative_to(root).as_posix()
        add_document(snapshot, _read(file), repository.path_of(relative))
    return snapshot


def diff_snapshots(
    before: Snapshot, after: Snapshot, repository_config: str = CONFIG_FILE
) -> DiffResult:
    """Return every change from one side of a project to the other.

    `repository_config` is the path of kundresa.yaml from the repository's top level.
    """
    names = {i: e.model.name for i, e in (before.personas | after.personas).items()}
    result = DiffResult(before.label, after.label, personas=names)
    blind = blind_ids(before, after, "journey")
    for ident in sorted(before.journeys.keys() | after.journeys.keys()):
        if ident in blind:
            continue
        found = _journey(ident, before, after, names)
        if found.changes:
            result.journeys.append(found)
    result.others = [
        *_project_added_or_removed(before, after, repository_config),
        *unreadable_changes(before, after),
        *model_changes(
            "touchpoint",
            before.touchpoints,
            after.touchpoints,
            blind_ids(before, after, "touchpoints"),
            ("id",),
        ),
        *model_changes(
            "persona",
            before.personas,
            after.personas,
            blind_ids(before, after, "persona"),
            ("kind",),
        ),
        *settings_changes(before, after),
    ]
    return result


def compare_journeys(before: Journey, after: Journey, persona_names: dict[str, str]) -> DiffResult:
    """Compare two journeys of one project, such as today's (as-is) and the planned (to-be)."""
    label = before.id if before.id == after.id else f"{before.id} → {after.id}"
    result = DiffResult(before.id, after.id, personas=persona_names)
    # Title, description, state and as_is differ between an as-is and a to-be journey by
    # design; the heading shows both titles.
    found = diff_journey(label, before, after, persona_names, fields=("owner",))
    found.title = f"{before.title} → {after.title}"
    if found.changes:
        result.journeys.append(found)
    return result


def _journey(ident: str, before: Snapshot, after: Snapshot, names: dict[str, str]) -> JourneyDiff:
    old, new = before.journeys.get(ident), after.journeys.get(ident)
    if old is None:
        assert new is not None
        added = Change(ADDED, "journey", journey=ident, after=new.model.title, file=new.file)
        return JourneyDiff(ident, new.model.title, [added])
    if new is None:
        removed = Change(REMOVED, "journey", journey=ident, before=old.model.title, file=old.file)
        return JourneyDiff(ident, old.model.title, [removed])
    found = diff_journey(ident, old.model, new.model, names)
    if old.file != new.file:
        moved = Change(
            MOVED, "journey", journey=ident, field="file", before=old.file, after=new.file
        )
        found.changes.insert(0, moved)
    return found


def _project_added_or_removed(before: Snapshot, after: Snapshot, config_file: str) -> list[Change]:
    if before.exists and after.exists:
        return []
    if not before.exists and not after.exists:
        raise InputError(
            f"there is no {config_file} at {before.label} or at {after.label}",
            hint="compare revisions where the project exists",
        )
    change = ADDED if after.exists else REMOVED
    return [Change(change, "project", file=config_file)]


def _is_document(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return is_document_name(parts[-1]) and not any(p.startswith(".") for p in parts[:-1])


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror}") from None
