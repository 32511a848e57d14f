"""VS Code settings from init and `kundresa schema`: merged into the user's, never replaced."""

from __future__ import annotations

import json
from pathlib import Path

from support import packages_loaded_after

JOURNEY_SCHEMA = "./schemas/journey.schema.json"


def settings(root: Path, name: str = "settings.json") -> dict:
    return json.loads((root / ".vscode" / name).read_text(encoding="utf-8"))


def test_init_maps_every_kind_folder_with_its_subfolders_and_the_config(make_project):
    root = make_project("nb")
    schemas = settings(root)["yaml.schemas"]
    assert schemas == {
        "./schemas/journey.schema.json": ["journeys/**/*.yaml", "journeys/**/*.yml"],
        "./schemas/persona.schema.json": ["personas/**/*.yaml", "personas/**/*.yml"],
        "./schemas/touchpoints.schema.json": ["touchpoints/**/*.yaml", "touchpoints/**/*.yml"],
        "./schemas/project.schema.json": ["kundresa.yaml"],
    }
    for schema in schemas:
        assert (root / schema).is_file()
    assert settings(root, "extensions.json") == {"recommendations": ["redhat.vscode-yaml"]}


def test_init_merges_into_the_users_own_settings(kundresa, tmp_path: Path):
    own = {
        "editor.fontSize": 15,
        "yaml.schemas": {
            "https://json.schemastore.org/github-workflow.json": [".github/**"],
            JOURNEY_SCHEMA: "drafts/*.yaml",
        },
    }
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text(json.dumps(own), encoding="utf-8")
    (tmp_path / ".vscode" / "extensions.json").write_text(
        '{"recommendations": ["ms-python.python"]}', encoding="utf-8"
    )
    result = kundresa("init", tmp_path, "--lang", "sv")
    assert result.returncode == 0, result.stderr
    merged = settings(tmp_path)
    assert merged["editor.fontSize"] == 15
    assert merged["yaml.schemas"]["https://json.schemastore.org/github-workflow.json"] == [
        ".github/**"
    ]
    assert merged["yaml.schemas"][JOURNEY_SCHEMA] == [
        "drafts/*.yaml",
        "journeys/**/*.yaml",
        "journeys/**/*.yml",
    ]
    assert settings(tmp_path, "extensions.json")["recommendations"] == [
        "ms-python.python",
        "redhat.vscode-yaml",
    ]


def test_settings_with_comments_are_left_alone_with_a_note(kundresa, tmp_path: Path):
    own = '{\n    // my font\n    "editor.fontSize": 15,\n}\n'
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text(own, encoding="utf-8")
    result = kundresa("init", tmp_path, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8") == own
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert len(notes) == 1
    assert "settings.json as it is" in notes[0]
    assert "yaml.schemas" in notes[0]


def test_the_schema_command_follows_the_configured_folders(kundresa, make_project):
    root = make_project("da")
    (root / "journeys").rename(root / "rejser")
    config = root / "kundresa.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("journeys: journeys", "journeys: rejser"), encoding="utf-8")
    result = kundresa("schema", "--project", root)
    assert result.returncode == 0, result.stderr
    # The old folder's globs stay: kundresa adds to settings, never takes away.
    assert settings(root)["yaml.schemas"][JOURNEY_SCHEMA] == [
        "journeys/**/*.yaml",
        "journeys/**/*.yml",
        "rejser/**/*.yaml",
        "rejser/**/*.yml",
    ]
    assert settings(root, "extensions.json") == {"recommendations": ["redhat.vscode-yaml"]}


def test_the_editor_modules_import_neither_typer_nor_rich():
    loaded = packages_loaded_after("import kundresa.editor, kundresa.ids, kundresa.schema")
    assert not loaded & {"typer", "rich", "click"}
