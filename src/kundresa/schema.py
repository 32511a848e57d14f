"""JSON Schemas (draft 2020-12) of the file kinds, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kundresa.models import DOCUMENT_MODELS, ProjectConfig

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_models() -> dict[str, type[BaseModel]]:
    """Return the model of each schema by its name: project and the document kinds."""
    return {"project": ProjectConfig, **DOCUMENT_MODELS}


def json_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    """Return the JSON Schema of one model, with the dialect and a title."""
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": DIALECT,
        "title": schema.pop("title", name),
        **schema,
    }


def schema_files() -> dict[str, bytes]:
    """Return each schema as the bytes of `<name>.schema.json`, stable across runs."""
    return {
        f"{name}.schema.json": (
            json.dumps(json_schema(model, name), indent=2, ensure_ascii=False, sort_keys=True)
            + "\n"
        ).encode()
        for name, model in kind_models().items()
    }
