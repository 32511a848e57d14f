"""Find a project, load every document in it, and index the ids of each kind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, NoReturn, TypeVar

from pydantic import BaseModel

from kundresa.diagnostics import UNKNOWN_KIND, Diagnostic, Location
from kundresa.errors import ConfigError, InputError, ProjectNotFoundError
from kundresa.models import DOCUMENT_MODELS, Journey, Persona, ProjectConfig, Touchpoint
from kundresa.models.config import CONFIG_FILE, Paths
from kundresa.suggest import did_you_mean
from kundresa.validation import validate, validate_partially
from kundresa.yamlio import Document, PathKey, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")
#: The document kind each configured folder holds, by the name of its `paths:` field.
FOLDER_KINDS = {"journeys": "journey", "personas": "persona", "touchpoints": "touchpoints"}

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[M]):
    """A model together with the document and the path in it where it was written."""

    model: M
    document: Document
    path: PathKey

    def locate(self, *keys: str | int, key: bool = False) -> Location:
        """Return where a part of this model (or the model itself) is written."""
        return self.document.locate(*self.path, *keys, key=key)

    def lost(self, *keys: str | int) -> bool:
        """Return True when a part at or below `keys` was left out for breaking the schema.

        A rule that reports something missing asks this first: a value left out is not
        missing, it is already reported as wrong.
        """
        return self.document.lost_under(*self.path, *keys)


@dataclass
class LoadedDocument:
    """One YAML file of the project: its kind, its model, and its problems.

    `model` holds what is valid: parts that break the schema are left out of it (see
    `validation.validate_partially`), and `validated` is the document it was built from,
    whose `lost` says what was left out. `model` is None when nothing of the file is valid.
    """

    document: Document
    file: Path
    kind: str | None = None
    model: BaseModel | None = None
    validated: Document | None = None
    #: The kind its folder holds, which stands for its kind while it cannot be read.
    folder_kind: str | None = None

    @property
    def problems(self) -> list[Diagnostic]:
        """Return what is wrong with the file as YAML or against its schema."""
        return self.document.problems

    @property
    def partial(self) -> bool:
        """Return True when parts of the file were left out of its model."""
        return self.validated is not None and bool(self.validated.lost)

    @property
    def complete(self) -> bool:
        """Return True when the whole file is in its model."""
        return self.model is not None and not self.partial

    @property
    def expected_kind(self) -> str | None:
        """Return the file's kind, or its folder's while its own `kind:` is unknown."""
        data = self.document.data
        kind = data.get("kind") if isinstance(data, dict) else None
        return str(kind) if kind in DOCUMENT_MODELS else self.folder_kind


@dataclass
class Project:
    """A loaded project: its settings, its documents and the ids of each kind."""

    root: Path
    config: ProjectConfig
    config_document: Document
    #: The folder that the paths of findings are relative to (see `path_base`).
    base: Path = field(default_factory=Path.cwd)
    documents: list[LoadedDocument] = field(default_factory=list)
    journeys: list[Located[Journey]] = field(default_factory=list)
    personas: list[Located[Persona]] = field(default_factory=list)
    touchpoints: list[Located[Touchpoint]] = field(default_factory=list)

    @property
    def problems(self) -> list[Diagnostic]:
        """Return every loading problem: YAML errors, duplicate keys, schema and kind errors."""
        return [p for d in self.documents for p in d.problems]

    @cached_property
    def journey_index(self) -> dict[str, Located[Journey]]:
        """Return each journey by id; the first wins where an id is used twice."""
        return _by_id(self.journeys)

    @cached_property
    def persona_index(self) -> dict[str, Located[Persona]]:
        """Return each persona by id; the first wins where an id is used twice."""
        return _by_id(self.personas)

    @cached_property
    def touchpoint_index(self) -> dict[str, Located[Touchpoint]]:
        """Return each touchpoint by id; the first wins where an id is used twice."""
        return _by_id(self.touchpoints)


def _by_id(items: list[Located[M]]) -> dict[str, Located[M]]:
    found: dict[str, Located[M]] = {}
    for item in items:
        found.setdefault(str(getattr(item.model, "id", "")), item)
    return found


def display_path(path: Path, base: Path | None = None) -> str:
    """Return `path` relative to `base` (the working folder) when it lies below it."""
    try:
        # The link itself is named, not where it leads: it may lead nowhere, or in a loop.
        absolute = path.absolute()
        named = absolute.parent.resolve() / absolute.name
        return str(named.relative_to((base or Path.cwd()).resolve()))
    except (ValueError, OSError, RuntimeError):
        # RuntimeError: a symbolic link loop, reported where the file is read.
        return str(path)


def repository_root(folder: Path) -> Path | None:
    """Return the top folder of the git repository holding `folder`, or None.

    Looked up as git does without GIT_DIR: the nearest folder with a `.git` entry (a
    folder, or a file in a worktree or submodule).
    """
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def path_base(root: Path) -> Path:
    """Return the folder that paths in findings are relative to (SPEC section 4).

    The repository root when the project is in a git repository, so that GitHub attaches
    annotations to the right file from any working folder; else the working folder.
    """
    return repository_root(root) or Path.cwd()


def find_root(start: Path | None = None, project: Path | None = None) -> Path:
    """Return the folder holding kundresa.yaml: `project`, or `start` and its parents."""
    if project is not None:
        if (project / CONFIG_FILE).is_file():
            return project
        raise ProjectNotFoundError(
            f"{project} has no {CONFIG_FILE}",
            hint="point --project at the folder that holds kundresa.yaml",
        )
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFoundError(
        f"no {CONFIG_FILE} in {here} or any folder above it",
        hint="run 'kundresa init' to start a project, or pass --project DIR",
    )


def project_folder(path: Path) -> Path | None:
    """Return the folder of the project that `path` lies in, or None outside any project."""
    folder = (path if path.is_dir() else path.parent).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    return None


def load_config(root: Path, base: Path | None = None) -> tuple[ProjectConfig, Document]:
    """Read and validate kundresa.yaml; raise ConfigError at the first problem."""
    document = read_yaml(root / CONFIG_FILE, display_path(root / CONFIG_FILE, base))
    problems = document.problems
    config = None
    if not problems:
        if not isinstance(document.data, dict):
            raise ConfigError(
                "kundresa.yaml should be a mapping of settings", path=document.path, line=1
            )
        config, problems = validate(document, ProjectConfig)
    if problems:
        first = problems[0]
        raise ConfigError(
            first.message,
            hint=first.hint,
            path=first.location.path,
            line=first.location.line,
            column=first.location.column,
        )
    assert isinstance(config, ProjectConfig)
    return config, document


def load_project(start: Path | None = None, project: Path | None = None) -> Project:
    """Find the project and load every document in its journey, persona and touchpoint folders.

    Problems in the documents are recorded on them (see `Project.problems`); only a
    missing or invalid kundresa.yaml raises.
    """
    root = find_root(start, project)
    base = path_base(root)
    config, config_document = load_config(root, base)
    loaded = Project(root=root, config=config, config_document=config_document, base=base)
    for file, kind in project_files(root, config).items():
        loaded.documents.append(load_document(file, base, kind))
    _index(loaded)
    return loaded


def project_files(root: Path, config: ProjectConfig) -> dict[Path, str]:
    """Return every YAML file in the configured folders, sorted, with its folder's kind."""
    return kind_folder_files(root, config.paths)


def kind_folder_files(root: Path, paths: Paths) -> dict[Path, str]:
    """Return every YAML file in the journey, persona and touchpoint folders, with its kind.

    Raises:
        InputError: a folder cannot be read, or a symbolic link in it leads in a loop.
    """
    files: dict[Path, str] = {}
    for field_name, kind in FOLDER_KINDS.items():
        base = root / getattr(paths, field_name)
        if base.is_dir():
            for file in _yaml_files(base):
                files.setdefault(file, kind)
        elif base.is_symlink() or base.exists():
            _unreadable(base, "is not a folder that can be read")
    return dict(sorted(files.items()))


def _yaml_files(base: Path) -> Iterator[Path]:
    """Yield the YAML files below `base`, following links to folders, each folder once."""
    seen: set[Path] = set()
    pending = [base]
    while pending:
        folder = pending.pop()
        try:
            real = folder.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a loop, on Python 3.11 and 3.12
            _unreadable(folder, "is a symbolic link that leads in a loop")
        if real in seen:
            _unreadable(folder, "leads back into a folder already read (a symbolic link loop)")
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            _unreadable(folder, f"cannot be read: {exc.strerror or exc}")
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_folder(entry):
                folders.append(path)
            elif is_document_name(entry.name):
                yield path
        pending.extend(reversed(folders))


def is_document_name(name: str) -> bool:
    """Return True for the name of a file a kind folder's documents are read from."""
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError as exc:
        _unreadable(Path(entry.path), f"cannot be read: {exc.strerror or exc}")


def _unreadable(path: Path, problem: str) -> NoReturn:
    # Named as reached, links unresolved, so that the path shows the loop.
    where = os.path.relpath(path.absolute(), path_base(path.parent).resolve())
    raise InputError(
        f"the {'folder' if path.is_dir() or not path.suffix else 'file'} {problem}",
        path=where,
        hint="check its permissions and, for a symbolic link, where it leads; nothing was checked",
    )


def load_document(file: Path, base: Path | None = None, kind: str | None = None) -> LoadedDocument:
    """Read one YAML file, find its kind and validate it against that kind's model.

    Raises:
        InputError: the file cannot be read at all (permissions, a symlink loop).
    """
    document = read_yaml(file, display_path(file, base))
    loaded = LoadedDocument(document=document, file=file, folder_kind=kind)
    if document.data is None and document.problems:
        return loaded  # not YAML at all; a duplicate key still leaves a value to check
    data = document.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in DOCUMENT_MODELS:
        document.problems.append(_kind_problem(document, kind))
        return loaded
    loaded.kind = str(kind)
    model, problems, validated = validate_partially(document, DOCUMENT_MODELS[loaded.kind])
    loaded.model, loaded.validated = model, validated if model is not None else None
    document.problems.extend(problems)
    return loaded


def _kind_problem(document: Document, kind: object) -> Diagnostic:
    kinds = ", ".join(sorted(DOCUMENT_MODELS))
    if kind is None:
        message = "the file has no 'kind:'"
        where = document.locate()
    else:
        message = f"unknown kind '{kind}'" + did_you_mean(str(kind), DOCUMENT_MODELS)
        where = document.locate("kind")
    return Diagnostic.error(
        UNKNOWN_KIND, where, message, f"start the file with 'kind:' and one of: {kinds}"
    )


def _index(project: Project) -> None:
    for loaded in project.documents:
        model, document = loaded.model, loaded.validated or loaded.document
        if isinstance(model, Journey):
            project.journeys.append(Located(model, document, ()))
        elif isinstance(model, Persona):
            project.personas.append(Located(model, document, ()))
        elif model is not None:
            for i, touchpoint in enumerate(getattr(model, "touchpoints", [])):
                project.touchpoints.append(Located(touchpoint, document, ("touchpoints", i)))
