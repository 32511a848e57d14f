"""JSON Schemas generated from the models validate what init writes, as VS Code will."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from kundresa.scaffold import LANGUAGES, TEMPLATES
from kundresa.schema import DIALECT, schema_files
from kundresa.yamlio import read_yaml

from support import REPO

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


def walk(node, path=""):
    """Yield every (path, schema object) in a JSON Schema."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


def generic_schemas():
    return {name: json.loads(raw) for name, raw in schema_files().items()}


def test_optional_fields_are_their_plain_type_without_a_null_default():
    for name, schema in generic_schemas().items():
        for path, node in walk(schema):
            assert node.get("type") != "null", (name, path)
            assert not ("default" in node and node["default"] is None), (name, path)


def test_every_field_has_a_description():
    for name, schema in generic_schemas().items():
        for path, node in walk(schema):
            for field, spec in (node.get("properties") or {}).items():
                if path.endswith("/properties"):
                    continue  # a property named 'properties' would be a field, not a map
                referenced = schema["$defs"].get(spec.get("$ref", "").rpartition("/")[2], {})
                assert spec.get("description") or referenced.get("description"), (
                    name,
                    path,
                    field,
                )


def test_every_pattern_says_in_words_what_it_wants():
    for name, schema in generic_schemas().items():
        for path, node in walk(schema):
            if "pattern" in node and not path.endswith("/properties"):
                message = node.get("patternErrorMessage", "")
                assert message, (name, path)
                assert "^" not in message, (name, path)


def test_per_persona_emotion_keys_are_checked_as_ids():
    step = generic_schemas()["journey.schema.json"]["$defs"]["Step"]
    (per_persona,) = [b for b in step["properties"]["emotion"]["anyOf"] if b["type"] == "object"]
    keys = jsonschema.Draft202012Validator({"type": "object", **per_persona})
    assert keys.is_valid({"pop-petra": 4})
    assert not keys.is_valid({"Pop_Petra": 4})


def test_lint_rules_lists_every_rule_code_and_nothing_else():
    from kundresa.lint.registry import RULES

    schema = generic_schemas()["project.schema.json"]
    check = jsonschema.Draft202012Validator(schema)
    rules = schema["$defs"]["LintSettings"]["properties"]["rules"]
    assert sorted(rules["properties"]) == sorted(rule.code for rule in RULES)
    assert check.is_valid({"name": "x", "lint": {"rules": {"KR208": "off"}}})
    assert not check.is_valid({"name": "x", "lint": {"rules": {"KR999": "off"}}})


def catalogue_ids(root: Path, folder: str, key: str | None = None) -> list[str]:
    """Read the ids of a kind from the files with PyYAML, apart from kundresa's loader."""
    found = []
    for path in (root / folder).rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.extend(item["id"] for item in data[key]) if key else found.append(data["id"])
    return sorted(found)


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_project_schemas_offer_the_projects_own_ids(make_project, template):
    root = make_project("da", template)
    journey = json.loads((root / "schemas/journey.schema.json").read_text(encoding="utf-8"))
    step = journey["$defs"]["Step"]["properties"]
    touchpoints = catalogue_ids(root, "touchpoints", "touchpoints")
    personas = catalogue_ids(root, "personas")
    kpis = catalogue_ids(root, "journeys", "kpis")
    assert step["touchpoint"]["examples"] == touchpoints
    assert journey["properties"]["personas"]["items"]["examples"] == personas
    assert step["kpis"]["items"]["examples"] == kpis
    assert journey["$defs"]["Goal"]["properties"]["kpi"]["examples"] == kpis
    (per_persona,) = [b for b in step["emotion"]["anyOf"] if b["type"] == "object"]
    assert sorted(per_persona["properties"]) == personas


def test_a_new_id_is_offered_but_not_required(make_project):
    root = make_project("en")
    data = load(next((root / "journeys").glob("*.yaml")))
    data["phases"][0]["steps"][0]["touchpoint"] = "brand-new-touchpoint"
    assert list(validator(root, "journey").iter_errors(data)) == []


def test_the_schema_command_refreshes_the_ids_after_a_touchpoint_is_added(kundresa, make_project):
    root = make_project("sv")
    catalogue = root / "touchpoints" / "nya.yaml"
    catalogue.write_text(
        "kind: touchpoints\ntouchpoints:\n"
        "  - {id: tiktok, name: TikTok, channel: social, medium: digital, owner: Marknad}\n",
        encoding="utf-8",
    )
    result = kundresa("schema", cwd=root / "journeys")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"Wrote {root / 'schemas' / 'journey.schema.json'}"]
    journey = json.loads((root / "schemas/journey.schema.json").read_text(encoding="utf-8"))
    assert "tiktok" in journey["$defs"]["Step"]["properties"]["touchpoint"]["examples"]
    again = kundresa("schema", "--project", root)
    assert again.stderr == "The schemas and editor settings are up to date.\n"


def test_schema_check_fails_while_a_new_persona_is_missing_from_the_schemas(kundresa, make_project):
    root = make_project("nb")
    assert kundresa("schema", "--check", "-p", root).returncode == 0
    (root / "personas" / "ny.yaml").write_text(
        "kind: persona\nid: ny-nina\nname: Nina\n", encoding="utf-8"
    )
    before = (root / "schemas" / "journey.schema.json").read_bytes()
    result = kundresa("schema", "--check", "-p", root)
    assert result.returncode == 1
    assert "journey.schema.json: out of date; run 'kundresa schema'" in result.stderr
    assert (root / "schemas" / "journey.schema.json").read_bytes() == before
    assert kundresa("schema", "-p", root).returncode == 0
    assert kundresa("schema", "--check", "-p", root).returncode == 0


def test_the_schema_command_outside_a_project_needs_a_folder(kundresa, tmp_path: Path):
    result = kundresa("schema", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "kundresa: no project here to write schemas for"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("example", ["sommarscen", "teater-aarhus"])
def test_the_examples_schemas_are_up_to_date(example):
    from kundresa.ids import project_ids
    from kundresa.project import load_project

    root = REPO / "examples" / example
    fresh = schema_files(project_ids(load_project(project=root)))
    for name, data in fresh.items():
        assert (root / "schemas" / name).read_bytes() == data, (
            f"run: kundresa schema -p examples/{example} --out examples/{example}/schemas"
        )
