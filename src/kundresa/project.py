"""Find a project, load every document in it, and index the ids of each kind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from kundresa.diagnostics import Diagnostic, Location, Severity
from kundresa.errors import ConfigError, ProjectNotFoundError
from kundresa.models import DOCUMENT_MODELS, Journey, Persona, ProjectConfig, Touchpoint
from kundresa.models.config import CONFIG_FILE, Paths
from kundresa.suggest import did_you_mean
from kundresa.validation import validate
from kundresa.yamlio import Document, PathKey, read_yaml

UNKNOWN_KIND = ("KR004", "unknown-kind")
YAML_SUFFIXES = (".yaml", ".yml")

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


@dataclass
class LoadedDocument:
    """One YAML file of the project: its kind, its model when valid, and its problems."""

    document: Document
    file: Path
    kind: str | None = None
    model: BaseModel | None = None

    @property
    def problems(self) -> list[Diagnostic]:
        """Return what is wrong with the file as YAML or against its schema."""
        return self.document.problems


@dataclass
class Project:
    """A loaded project: its settings, its documents and the ids of each kind."""

    root: Path
    config: ProjectConfig
    config_document: Document
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


def display_path(path: Path) -> str:
    """Return `path` relative to the working folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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


def load_config(root: Path) -> tuple[ProjectConfig, Document]:
    """Read and validate kundresa.yaml; raise ConfigError at the first problem."""
    document = read_yaml(root / CONFIG_FILE, display_path(root / CONFIG_FILE))
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
    config, config_document = load_config(root)
    loaded = Project(root=root, config=config, config_document=config_document)
    for file in project_files(root, config):
        loaded.documents.append(load_document(file))
    _index(loaded)
    return loaded


def project_files(root: Path, config: ProjectConfig) -> list[Path]:
    """Return every YAML file in the configured folders, sorted, each once."""
    return kind_folder_files(root, config.paths)


def kind_folder_files(root: Path, paths: Paths) -> list[Path]:
    """Return every YAML file in the journey, persona and touchpoint folders, sorted."""
    files: set[Path] = set()
    for folder in (paths.journeys, paths.personas, paths.touchpoints):
        base = root / folder
        if base.is_dir():
            files.update(_yaml_files(base))
    return sorted(files)


def _yaml_files(base: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if is_document_name(name):
                yield Path(dirpath) / name


def is_document_name(name: str) -> bool:
    """Return True for the name of a file a kind folder's documents are read from."""
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def load_document(file: Path) -> LoadedDocument:
    """Read one YAML file, find its kind and validate it against that kind's model."""
    document = read_yaml(file, display_path(file))
    loaded = LoadedDocument(document=document, file=file)
    if document.data is None and document.problems:
        return loaded  # not YAML at all; a duplicate key still leaves a value to check
    data = document.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind not in DOCUMENT_MODELS:
        document.problems.append(_kind_problem(document, kind))
        return loaded
    loaded.kind = str(kind)
    loaded.model, problems = validate(document, DOCUMENT_MODELS[loaded.kind])
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
    return Diagnostic(
        where,
        *UNKNOWN_KIND,
        Severity.ERROR,
        message,
        f"start the file with 'kind:' and one of: {kinds}",
    )


def _index(project: Project) -> None:
    for loaded in project.documents:
        model, document = loaded.model, loaded.document
        if isinstance(model, Journey):
            project.journeys.append(Located(model, document, ()))
        elif isinstance(model, Persona):
            project.personas.append(Located(model, document, ()))
        elif model is not None:
            for i, touchpoint in enumerate(getattr(model, "touchpoints", [])):
                project.touchpoints.append(Located(touchpoint, document, ("touchpoints", i)))
