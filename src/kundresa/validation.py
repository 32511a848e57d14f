"""Validate a document against its model, turning Pydantic errors into positioned findings.

Each error's location is walked through the document's own data, so that union branch
names are dropped and the finding points at the key or value the user wrote. Messages
are built from the error's own context (its bounds, its choices) and the field's
description, so they never drift from the models.
"""

from __future__ import annotations

import types
import typing
import unicodedata
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from kundresa.diagnostics import SCHEMA, Diagnostic
from kundresa.models.vocabulary import SLUG_PATTERN
from kundresa.suggest import closest
from kundresa.yamlio import LOST, Document, PathKey

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
    located = located_errors(document.data, root, errors)
    findings: dict[PathKey, Diagnostic] = {}
    for path, model_path, error in located:
        if path in findings or _outweighed(path, error, located):
            continue
        # A bad key (an unknown field, or a persona id in an emotion mapping) is shown at
        # the key itself, where an editor shows it too.
        at_key = error["type"] == "extra_forbidden" or error["loc"][-1] == "[key]"
        where = path[:-1] if error["type"] == "missing" else path
        message, hint, suggestion = _describe(error, path, model, model_path)
        findings[path] = Diagnostic.error(
            SCHEMA, document.locate(*where, key=at_key), message, hint, suggestion
        )
    return list(findings.values())


def located_errors(
    data: Any, root: PathKey, errors: list[ErrorDetails]
) -> list[tuple[PathKey, PathKey, ErrorDetails]]:
    """Return each error with its path in the data and that path without list indexes."""
    return [(*_data_path(data, root, error), error) for error in errors]


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
    error: ErrorDetails, path: PathKey, model: type[BaseModel], model_path: PathKey
) -> tuple[str, str | None, str | None]:
    """Return the message, hint and suggestion for one error, in a marketer's words."""
    kind, given = error["type"], error["input"]
    fields = _model_at(model, model_path)
    name = next((str(p) for p in reversed(path) if isinstance(p, str)), "the file")
    label, user_key = _label(model_path, fields)
    ctx = error.get("ctx", {})
    field = fields.get(str(model_path[-1])) if model_path else None
    if field is None and len(model_path) > 1:
        field = _model_at(model, model_path[:-1]).get(str(model_path[-2]))
    described = field.description if field is not None else None
    if kind == "missing":
        return f"'{name}' is required here", f"add '{name}:' with a value", None
    if kind == "extra_forbidden":
        unknown = str(path[-1])
        match = closest(unknown, list(fields))
        text = f"unknown field '{unknown}'" + (f" (did you mean '{match}'?)" if match else "")
        hint = "the fields allowed here are: " + ", ".join(fields) if fields else None
        return text, hint, match
    if kind in {"enum", "literal_error"}:
        options = [
            o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        match = closest(str(given), options)
        noun = f"value for '{user_key}'" if user_key else name
        text = f"'{given}' is not a valid {noun}" + (f" (did you mean '{match}'?)" if match else "")
        return text, "use one of: " + ", ".join(options), match
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
        slug = slugify(str(given))
        return (
            f"'{given}' is not a valid id",
            f"use lowercase letters a-z, digits and '-', such as '{slug}'",
            slug,
        )
    if kind in _BOUNDS:
        word, bound = _BOUNDS[kind]
        return f"{label} must be {word} {ctx.get(bound)}, not {given}", described, None
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None, None
    if kind.startswith(("date_", "datetime_")):
        return f"'{given}' is not a date", "write dates as YYYY-MM-DD, such as 2026-05-01", None
    if kind == "too_short":
        return f"'{name}' needs at least one entry", None, None
    expected = _TYPE_NAMES.get(kind)
    if expected:
        return f"{label} should be {expected}, not {_shown(given)}", described, None
    return f"{label}: {error['msg']}", described, None


#: Each bound's wording and the key of its value in the error's context.
_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "less_than_equal": ("at most", "le"),
    "greater_than": ("more than", "gt"),
    "less_than": ("less than", "lt"),
}


def _label(model_path: PathKey, fields: dict[str, FieldInfo]) -> tuple[str, str | None]:
    """Return how to name the value (`'age'`, `the emotion of 'petra'`) and the user's key.

    The key is None for a field of the model; else it is a key the user chose, such as a
    persona id in a per-persona emotion.
    """
    if not model_path:
        return "the file", None
    last = str(model_path[-1])
    if last in fields or len(model_path) == 1:
        return f"'{last}'", None
    return f"the {model_path[-2]} of '{last}'", last


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"'{value}'"


def slugify(text: str) -> str:
    """Return the id `text` would be as a slug: `Familje-Fredrik` is `familje-fredrik`."""
    text = text.lower().replace("æ", "ae").replace("ø", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = "".join(c if c.isalnum() else "-" for c in text)
    return "-".join(part for part in cleaned.lower().split("-") if part) or "my-id"


def _model_at(model: type[BaseModel], model_path: PathKey) -> dict[str, FieldInfo]:
    """Return the fields of the model that holds the last part of `model_path`."""
    current: type[BaseModel] | None = model
    for part in model_path[:-1]:
        if current is None or part not in current.model_fields:
            return {}
        current = _inner_model(current.model_fields[str(part)].annotation)
    return dict(current.model_fields) if current is not None else {}


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


#: Rounds of leaving parts out before a document counts as invalid as a whole; each round
#: leaves out at least one more part, and a journey nests about eight levels deep.
MAX_ROUNDS = 50


def validate_partially(
    document: Document, model: type[BaseModel]
) -> tuple[BaseModel | None, list[Diagnostic], Document]:
    """Validate a document, leaving out only the smallest parts that break the schema.

    A part that breaks the schema is left out: a value (its field then takes its default),
    or, where the field is required, the element holding it (a step, a KPI, a touchpoint),
    and so on up to the document itself. Returns the model of what is left (None when
    nothing is), the findings of the document as written, and the document as validated:
    its data, positions keyed by the paths in that data, and `lost` recording what was
    left out, so that rules can tell an empty list from one whose items were removed.
    """
    built, findings = validate(document, model)
    if built is not None:
        return built, findings, document
    errors = _errors(model, document.data)
    removed = _parts_at_fault(document.data, errors)
    for _ in range(MAX_ROUNDS):
        if () in removed:
            break
        data, origins, lost = _prune(document.data, removed)
        errors = _errors(model, data)
        if not errors:
            view = _view(document, data, origins, lost)
            return model.model_validate(data), findings, view
        more = {origins[path] for path in _parts_at_fault(data, errors)} - removed
        if not more:
            break
        removed |= more
    return None, findings, document


def _errors(model: type[BaseModel], data: Any) -> list[ErrorDetails]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return exc.errors(include_url=False)
    return []


def _parts_at_fault(data: Any, errors: list[ErrorDetails]) -> set[PathKey]:
    """Return the paths to leave out: each wrong value, or the holder of a missing one."""
    return {
        path[:-1] if error["type"] == "missing" else path
        for path, _, error in located_errors(data, (), errors)
    }


def _prune(
    data: Any, removed: set[PathKey]
) -> tuple[Any, dict[PathKey, PathKey], frozenset[PathKey]]:
    """Copy `data` without the parts at `removed`.

    Returns the copy, the original path of every path in the copy, and the paths in the
    copy where something was left out (a list item as its list's path plus `LOST`).
    """
    origins: dict[PathKey, PathKey] = {(): ()}
    lost: set[PathKey] = set()

    def copy(node: Any, old: PathKey, new: PathKey) -> Any:
        if isinstance(node, dict):
            kept_map: dict[str, Any] = {}
            for key, value in node.items():
                if (*old, key) in removed:
                    lost.add((*new, key))
                    continue
                origins[(*new, key)] = (*old, key)
                kept_map[key] = copy(value, (*old, key), (*new, key))
            return kept_map
        if isinstance(node, list):
            kept_list: list[Any] = []
            for index, value in enumerate(node):
                if (*old, index) in removed:
                    lost.add((*new, LOST))
                    continue
                place = (*new, len(kept_list))
                origins[place] = (*old, index)
                kept_list.append(copy(value, (*old, index), place))
            return kept_list
        return node

    return copy(data, (), ()), origins, frozenset(lost)


def _view(
    document: Document, data: Any, origins: dict[PathKey, PathKey], lost: frozenset[PathKey]
) -> Document:
    """Return the document as validated: the pruned data with the positions moved along."""
    values, keys = document.value_marks, document.key_marks
    return Document(
        path=document.path,
        data=data,
        key_marks={new: keys[old] for new, old in origins.items() if old in keys},
        value_marks={new: values[old] for new, old in origins.items() if old in values},
        lines=document.lines,
        lost=lost,
    )
