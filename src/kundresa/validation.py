"""Validate a document against its model, turning Pydantic errors into positioned findings.

Each error's location is walked through the document's own data, so that union branch
names are dropped and the finding points at the key or value the user wrote.
"""

from __future__ import annotations

import types
import typing
import unicodedata
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kundresa.diagnostics import Diagnostic, Severity
from kundresa.models.vocabulary import SLUG_PATTERN
from kundresa.suggest import closest
from kundresa.yamlio import Document, PathKey

SCHEMA = ("KR003", "schema")

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "decimal_type": "a number",
    "decimal_parsing": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
}


def validate(
    document: Document, model: type[BaseModel], root: PathKey = ()
) -> tuple[BaseModel | None, list[Diagnostic]]:
    """Validate the data at `root` in `document`; return the model or the findings."""
    data = document.data
    for key in root:
        data = data[key]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _findings(document, model, root, exc.errors(include_url=False))


def _findings(
    document: Document, model: type[BaseModel], root: PathKey, errors: list[ErrorDetails]
) -> list[Diagnostic]:
    located = [(*_data_path(document.data, root, error), error) for error in errors]
    findings: dict[PathKey, Diagnostic] = {}
    for path, model_path, error in located:
        if path in findings or _outweighed(path, error, located):
            continue
        # A bad key (an unknown field, or a persona id in an emotion mapping) is shown at
        # the key itself, where an editor shows it too.
        at_key = error["type"] == "extra_forbidden" or error["loc"][-1] == "[key]"
        where = path[:-1] if error["type"] == "missing" else path
        message, hint, suggestion = _describe(error, path, _fields_at(model, model_path))
        findings[path] = Diagnostic(
            document.locate(*where, key=at_key),
            *SCHEMA,
            Severity.ERROR,
            message,
            hint,
            suggestion,
        )
    return list(findings.values())


def _outweighed(
    path: PathKey, error: ErrorDetails, located: list[tuple[PathKey, PathKey, ErrorDetails]]
) -> bool:
    """Return True for a union's type mismatch when another branch says something better."""
    if error["type"] not in _TYPE_NAMES:
        return False
    return any(
        other is not error
        and other_path[: len(path)] == path
        and (other["type"] not in _TYPE_NAMES or len(other_path) > len(path))
        for other_path, _, other in located
    )


def _data_path(data: Any, root: PathKey, error: ErrorDetails) -> tuple[PathKey, PathKey]:
    """Return the error's path in the data, and the same path without list indexes."""
    path: list[str | int] = list(root)
    model_path: list[str] = []
    node = data
    for key in root:
        node = node[key]
    loc = error["loc"]
    for i, part in enumerate(loc):
        if _has(node, part):
            node = node[part]
        elif error["type"] == "missing" and i == len(loc) - 1:
            node = None  # the missing key: name it all the same
        else:
            continue  # a union branch name such as 'constrained-int'
        path.append(part)
        if isinstance(part, str):
            model_path.append(part)
    return tuple(path), tuple(model_path)


def _has(node: Any, part: int | str) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def _describe(
    error: ErrorDetails, path: PathKey, fields: list[str]
) -> tuple[str, str | None, str | None]:
    """Return the message, hint and suggestion for one error, in a marketer's words."""
    kind, given = error["type"], error["input"]
    name = next((str(p) for p in reversed(path) if isinstance(p, str)), "the file")
    ctx = error.get("ctx", {})
    if kind == "missing":
        return f"'{name}' is required here", f"add '{name}:' with a value", None
    if kind == "extra_forbidden":
        match = closest(name, fields)
        text = f"unknown field '{name}'" + (f" (did you mean '{match}'?)" if match else "")
        hint = "the fields allowed here are: " + ", ".join(fields) if fields else None
        return text, hint, match
    if kind in {"enum", "literal_error"}:
        options = [
            o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        match = closest(str(given), options)
        text = f"'{given}' is not a valid {name}" + (f" (did you mean '{match}'?)" if match else "")
        return text, "use one of: " + ", ".join(options), match
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
        slug = _slugify(str(given))
        return (
            f"'{given}' is not a valid id",
            f"use lowercase letters a-z, digits and '-', such as '{slug}'",
            slug,
        )
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return _range_message(name, given, path), None, None
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None, None
    if kind.startswith(("date_", "datetime_")):
        return f"'{given}' is not a date", "write dates as YYYY-MM-DD, such as 2026-05-01", None
    if kind == "too_short":
        return f"'{name}' needs at least one entry", None, None
    if name == "emotion":
        return f"'{given}' is not an emotion", _EMOTION_HINT, None
    expected = _TYPE_NAMES.get(kind)
    if expected:
        return f"'{name}' should be {expected}, not {_shown(given)}", None, None
    return f"'{name}': {error['msg']}", None, None


_EMOTION_HINT = (
    "give a whole number from 1 (very negative) to 5 (very positive), "
    "or one per persona such as {pop-petra: 4, opera-olle: 2}"
)
_RANGES = {"emotion": (1, 5), "age": (0, 120)}


def _range_message(name: str, given: Any, path: PathKey) -> str:
    field = "emotion" if "emotion" in path else name
    if field in _RANGES:
        low, high = _RANGES[field]
        return f"{field} must be between {low} and {high}, not {given}"
    return f"'{name}' cannot be {given}"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"'{value}'"


def _slugify(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = "".join(c if c.isalnum() else "-" for c in text)
    return "-".join(part for part in cleaned.lower().split("-") if part) or "my-id"


def _fields_at(model: type[BaseModel], model_path: PathKey) -> list[str]:
    """Return the field names of the model found at `model_path` (without list indexes)."""
    current: type[BaseModel] | None = model
    for part in model_path[:-1]:
        if current is None or part not in current.model_fields:
            return []
        current = _inner_model(current.model_fields[str(part)].annotation)
    return list(current.model_fields) if current is not None else []


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return None
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, dict, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
