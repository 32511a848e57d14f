"""The files an editor needs: the project's schemas and VS Code's settings for them.

The project's schemas offer its own ids (see `ids.py`); `kundresa schema` and `init`
write them. `.vscode/settings.json` maps every file in the journey, persona and touchpoint folders
(subfolders included) and kundresa.yaml to the project's schemas, so a file without the
`# yaml-language-server:` first line is checked too. The user's own settings are merged
into, never replaced; a file that is not plain JSON (VS Code allows comments) is left
alone, with a note saying what to add.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kundresa.errors import InputError, ProjectNotFoundError
from kundresa.files import write_atomic
from kundresa.ids import project_ids
from kundresa.models import ProjectConfig
from kundresa.models.config import CONFIG_FILE
from kundresa.project import Project, load_project
from kundresa.schema import SCHEMA_FOLDER, schema_files

#: The YAML extension whose server reads the schemas (redhat.vscode-yaml).
YAML_EXTENSION = "redhat.vscode-yaml"
SETTINGS = Path(".vscode") / "settings.json"
EXTENSIONS = Path(".vscode") / "extensions.json"


@dataclass
class EditorFiles:
    """What writing the editor settings did: the files written and the ones left alone."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_project(folder: Path | None = None) -> Project | None:
    """Return the project in `folder` (an error when it has none), or around the working folder.

    Returns:
        The loaded project, or None when no folder from here up holds kundresa.yaml.
    """
    try:
        return load_project(project=folder)
    except ProjectNotFoundError:
        if folder is not None:
            raise
        return None


def write_schemas(project: Project | None, out: Path | None = None) -> EditorFiles:
    """Write the schemas, offering the project's ids, and VS Code's settings for them.

    Args:
        project: the loaded project, or None outside any project (schemas that fit
            every project).
        out: a folder to write only the schemas into; by default the project's
            schemas/ folder, with the project's `.vscode` settings.

    Returns:
        The files written, each only when its content changed, and notes on settings
        left alone.

    Raises:
        InputError: there is neither a project nor an `out` folder to write into.
    """
    done = EditorFiles()
    for path, data in _stale(_schema_files(project, out)).items():
        write_atomic(path, data)
        done.written.append(path)
    if out is None and project is not None:
        settings = write_editor_files(project.root, project.config)
        done.written.extend(settings.written)
        done.notes.extend(settings.notes)
    return done


def stale_schemas(project: Project | None, out: Path | None = None) -> list[Path]:
    """Return the schema files `write_schemas` would rewrite: missing, or with other ids.

    Raises:
        InputError: there is neither a project nor an `out` folder to look in.
    """
    return list(_stale(_schema_files(project, out)))


def _schema_files(project: Project | None, out: Path | None) -> dict[Path, bytes]:
    if out is not None:
        folder = out
    elif project is not None:
        folder = project.root / SCHEMA_FOLDER
    else:
        raise InputError(
            "no project here to write schemas for",
            hint="run it inside a project, pass --project DIR, or --out DIR for schemas "
            "that fit every project",
        )
    files = schema_files(project_ids(project) if project else None)
    return {folder / name: data for name, data in files.items()}


def _stale(files: dict[Path, bytes]) -> dict[Path, bytes]:
    return {
        path: data
        for path, data in files.items()
        if not path.is_file() or path.read_bytes() != data
    }


def schema_globs(config: ProjectConfig) -> dict[str, list[str]]:
    """Return `yaml.schemas`: each schema (relative to the project) and the files it checks."""
    folders = {
        "journey": config.paths.journeys,
        "persona": config.paths.personas,
        "touchpoints": config.paths.touchpoints,
    }
    globs = {
        f"./{SCHEMA_FOLDER}/{kind}.schema.json": [f"{folder}/**/*.yaml", f"{folder}/**/*.yml"]
        for kind, folder in folders.items()
    }
    globs[f"./{SCHEMA_FOLDER}/project.schema.json"] = [CONFIG_FILE]
    return globs


def write_editor_files(root: Path, config: ProjectConfig) -> EditorFiles:
    """Write or merge `.vscode/settings.json` and `.vscode/extensions.json` under `root`."""
    done = EditorFiles()
    changes = {
        SETTINGS: lambda current: _with_schemas(current, schema_globs(config)),
        EXTENSIONS: _with_recommendation,
    }
    for relative, merge in changes.items():
        path = root / relative
        current = _read_settings(path)
        if isinstance(current, str):
            done.notes.append(f"left {path} as it is ({current}); {_ADVICE[relative]}")
            continue
        merged = merge(current)
        if merged is None:
            done.notes.append(f"left {path} as it is; {_ADVICE[relative]}")
        elif merged != current:
            write_atomic(path, (json.dumps(merged, indent=4, ensure_ascii=False) + "\n").encode())
            done.written.append(path)
    return done


_ADVICE = {
    SETTINGS: "map the project's schemas in \"yaml.schemas\" as the README's editor section shows",
    EXTENSIONS: f'recommend the YAML extension, {YAML_EXTENSION}, in "recommendations"',
}


def _read_settings(path: Path) -> dict[str, Any] | str:
    """Return the settings in `path` ({} when absent), or why they cannot be merged."""
    if not path.exists():
        return {}
    try:
        settings = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return "it is not plain JSON, perhaps because of comments"
    except OSError as exc:
        return f"it cannot be read: {exc.strerror}"
    return settings if isinstance(settings, dict) else "it is not a JSON object"


def _with_schemas(settings: dict[str, Any], globs: dict[str, list[str]]) -> dict[str, Any] | None:
    """Return the settings with the project's schemas added, keeping every entry there.

    A schema the user already maps keeps their globs, followed by any of ours missing.
    """
    schemas = settings.get("yaml.schemas", {})
    if not isinstance(schemas, dict):
        return None
    merged = dict(schemas)
    for schema, patterns in globs.items():
        theirs = merged.get(schema, [])
        theirs = [theirs] if isinstance(theirs, str) else list(theirs)
        merged[schema] = [*theirs, *(p for p in patterns if p not in theirs)]
    return {**settings, "yaml.schemas": merged}


def _with_recommendation(extensions: dict[str, Any]) -> dict[str, Any] | None:
    """Return the recommendations with the YAML extension added once."""
    recommended = extensions.get("recommendations", [])
    if not isinstance(recommended, list):
        return None
    if YAML_EXTENSION in recommended:
        return extensions
    return {**extensions, "recommendations": [*recommended, YAML_EXTENSION]}
