"""JSON Schemas generated from the models validate what init writes, as VS Code will."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from kundresa.scaffold import LANGUAGES, TEMPLATES
from kundresa.schema import DIALECT, schema_files
from kundresa.yamlio import read_yaml

SCHEMA_FOR = {"journey": "journey", "persona": "persona", "touchpoints": "touchpoints"}


def validator(root: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load(path: Path):
    # Read as YAML 1.2, as the YAML extension of VS Code does: dates stay text.
    return read_yaml(path).data


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_init_writes_validates_against_its_schema(make_project, language, template):
    root = make_project(language, template)
    checked = 0
    for path in sorted(root.rglob("*.yaml")):
        data = load(path)
        name = "project" if path.name == "kundresa.yaml" else SCHEMA_FOR[data["kind"]]
        errors = [e.message for e in validator(root, name).iter_errors(data)]
        assert errors == [], path
        checked += 1
    assert checked >= 5


def test_a_file_with_an_unknown_field_is_rejected(make_project):
    root = make_project("en")
    path = next((root / "journeys").glob("*.yaml"))
    data = load(path)
    data["phases"][0]["steps"][0]["mood"] = 3
    errors = list(validator(root, "journey").iter_errors(data))
    assert any("mood" in e.message for e in errors)


def test_schemas_declare_draft_2020_12_with_titles_and_descriptions():
    for name, raw in schema_files().items():
        schema = json.loads(raw)
        assert schema["$schema"] == DIALECT, name
        assert schema["title"], name
        assert schema["description"], name


def test_the_schema_command_writes_every_kind(kundresa, tmp_path: Path):
    result = kundresa("schema", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "journey.schema.json",
        "persona.schema.json",
        "project.schema.json",
        "touchpoints.schema.json",
    ]


def test_the_schema_command_prints_one_kind(kundresa):
    result = kundresa("schema", "--kind", "persona")
    assert result.returncode == 0
    assert json.loads(result.stdout)["properties"]["age"]
