"""JSON Schemas (draft 2020-12) of the file kinds, generated from the models for editors.

The schemas are shaped for yaml-language-server, the engine of VS Code's YAML extension:
an optional field is its plain type (so completing it inserts no `null`), a mapping keyed
by ids checks its keys, and the rule codes of `lint.rules` complete with their summaries.
A project's own schemas also offer its touchpoint, persona and KPI ids (see `ids.py`).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from kundresa.ids import ProjectIds, offer_ids
from kundresa.models import DOCUMENT_MODELS, ProjectConfig

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The folder of a project that holds its schemas, next to kundresa.yaml.
SCHEMA_FOLDER = "schemas"


class EditorJsonSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema generator, reshaped for what an editor shows and inserts.

    Every field has its own title; optional fields, decimals and mappings keyed by ids
    take the plain shapes yaml-language-server completes and reports well.
    """

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Title every field, so a hover is headed by the field's name, not its type's."""
        return True

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """Return the inner type alone: in a journey file, leaving a field out is its `None`."""
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        """Drop `default: null`, which editors would insert as the value of a completion."""
        json_schema = super().default_schema(schema)
        if "default" in json_schema and json_schema["default"] is None:
            del json_schema["default"]
        return json_schema

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        """Return a plain number: a budget written as text ('5 000', 'lots') is an error."""
        json_schema = super().decimal_schema(schema)
        number: JsonSchemaValue = json_schema["anyOf"][0] if "anyOf" in json_schema else json_schema
        return number

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        """Check a mapping's keys with `propertyNames`, which editors report by key."""
        json_schema: JsonSchemaValue = {"type": "object"}
        keys = schema.get("keys_schema")
        if keys is not None:
            names = {k: v for k, v in self.generate_inner(keys).items() if k != "type"}
            if names:
                json_schema["propertyNames"] = names
        values = schema.get("values_schema")
        if values is not None:
            json_schema["additionalProperties"] = self.generate_inner(values)
        return json_schema


def kind_models() -> dict[str, type[BaseModel]]:
    """Return the model of each schema by its name: project and the document kinds."""
    return {"project": ProjectConfig, **DOCUMENT_MODELS}


def json_schema(model: type[BaseModel], name: str, ids: ProjectIds | None = None) -> dict[str, Any]:
    """Return the JSON Schema of one model, with the dialect and a title.

    Args:
        model: the model of the file kind.
        name: the schema's name, its title when the model has none.
        ids: a project's ids, offered where the files refer to them; None for a schema
            that fits every project.
    """
    schema = model.model_json_schema(mode="validation", schema_generator=EditorJsonSchema)
    offer_ids(schema, ids)
    if model is ProjectConfig:
        _offer_rule_codes(schema)
        _offer_columns(schema)
    return {
        "$schema": DIALECT,
        "title": schema.pop("title", name),
        **schema,
    }


def _offer_rule_codes(schema: dict[str, Any]) -> None:
    """List every rule code under `lint.rules`, so each completes with what it finds."""
    from kundresa.lint.registry import RULES

    rules = schema["$defs"]["LintSettings"]["properties"]["rules"]
    severity = rules.pop("additionalProperties")
    rules.pop("propertyNames", None)
    rules["properties"] = {
        rule.code: {**severity, "title": rule.code, "description": f"{rule.name}: {rule.summary}"}
        for rule in RULES
    }
    rules["additionalProperties"] = False


#: What each canonical column of an export holds, for the hover on its key in `columns:`.
COLUMN_MEANINGS = {
    "order_id": "order number",
    "customer_id": "customer's id or e-mail",
    "date": "date",
    "amount": "amount paid",
    "event": "event, performance or product",
    "channel": "sales channel",
    "nps": "answer to 'How likely are you to recommend us?' (0-10)",
    "csat": "satisfaction answer (1-5)",
    "touchpoint": "touchpoint id the answer is about",
    "step": "funnel step",
    "count": "number of people at that step",
}


def _offer_columns(schema: dict[str, Any]) -> None:
    """Give each source its own definition, listing its canonical columns with their meaning.

    The definition replaces the shared `Source`, rather than adding to it beside its
    `$ref`, because yaml-language-server then shows the shared title in hovers.
    """
    from kundresa.kpi.columns import CANONICAL

    definitions = schema["$defs"]
    sources = definitions["Sources"]["properties"]
    shared = definitions["Source"]
    for kind, field in sources.items():
        names = CANONICAL.get(kind)
        if names is None or field.get("$ref") != "#/$defs/Source":
            continue
        own = copy.deepcopy(shared)
        own.update(title=field["title"], description=field["description"])
        own["properties"]["columns"]["properties"] = {
            name: {
                "title": name.replace("_", " ").title(),
                "type": "string",
                "description": "The header of the column with the "
                f"{COLUMN_MEANINGS.get(name, name.replace('_', ' '))} in your export.",
            }
            for name in names
        }
        name = f"{kind.title()}Source"
        definitions[name] = own
        sources[kind] = {"$ref": f"#/$defs/{name}"}
    if '"#/$defs/Source"' not in json.dumps(schema):
        del definitions["Source"]


def dump(schema: dict[str, Any]) -> bytes:
    """Return a schema as the bytes of its file, stable across runs."""
    return (json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


def schema_files(ids: ProjectIds | None = None) -> dict[str, bytes]:
    """Return each schema as the bytes of `<name>.schema.json`, offering `ids` when given."""
    return {
        f"{name}.schema.json": dump(json_schema(model, name, ids))
        for name, model in kind_models().items()
    }
