"""The one place YAML is read: values with the line and column of every key and value.

Files are parsed into events by ruamel.yaml's C parser and composed here, without
recursion, into plain values (dict, list, str, int, float, bool, None) plus a table of
positions keyed by the path to each value. Composing here is ten times faster than the
round-trip loader and lets us enforce what the spec asks of YAML: version 1.2 scalars
(`NO` is text), duplicate keys as errors, and bounds on size, nesting and alias expansion.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from kundresa.diagnostics import DUPLICATE_KEY, YAML_SYNTAX, Diagnostic, Location
from kundresa.errors import InputError
from kundresa.syntax import explain

#: A journey is about 10 KB; anything this large is a mistake or an attack.
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Journeys nest about eight levels deep.
MAX_DEPTH = 100
#: Values an alias may stand for, in all, before the file counts as an alias bomb.
MAX_ALIAS_NODES = 10_000

PathKey = tuple[str | int, ...]
#: The last part of a lost path that stands for a removed list item.
LOST = "\0lost"

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOL |= {"FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = {".nan", ".NaN", ".NAN"}
_CORE_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class Document:
    """A YAML file's value, the positions of its parts, and its source lines."""

    path: str
    data: Any
    key_marks: dict[PathKey, Mark] = field(default_factory=dict)
    value_marks: dict[PathKey, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    #: Paths under which parts were left out because they break the schema (see
    #: `validation`); a removed list item is recorded as its list's path plus `LOST`.
    lost: frozenset[PathKey] = frozenset()

    def lost_under(self, *keys: str | int) -> bool:
        """Return True when a part at or below `keys` was left out for breaking the schema."""
        size = len(keys)
        return any(path[:size] == keys for path in self.lost)

    def locate(self, *keys: str | int, key: bool = False) -> Location:
        """Return where the value at `keys` is (its key with `key=True`).

        A path that has no position of its own (a default, or a value reached through an
        alias) falls back to its nearest ancestor that has one.
        """
        path: PathKey = tuple(keys)
        while True:
            mark = (self.key_marks.get(path) if key else None) or self.value_marks.get(path)
            if mark is not None:
                return Location(self.path, mark.line, mark.column)
            if not path:
                return Location(self.path, 1, 1)
            path = path[:-1]


class _Frame:
    """A mapping or sequence being composed."""

    __slots__ = ("anchor", "key", "key_mark", "path", "size", "skip", "value")

    def __init__(
        self, value: dict[str, Any] | list[Any], path: PathKey, anchor: str | None
    ) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.key: str | None = None
        self.key_mark: Mark | None = None
        self.size = 1
        self.skip = False  # the value of a duplicate key: the first one stays


class _LimitError(Exception):
    """The file is larger, deeper or more aliased than a journey file can be."""

    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.mark = mark


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read a YAML file into a Document; problems in its content are recorded on it.

    Raises:
        InputError: the file cannot be read at all (permissions, a symlink loop).
    """
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _failed(
                name,
                f"the file is {size / 1_048_576:.1f} MB, more than the "
                f"{MAX_FILE_BYTES // 1_048_576} MB a kundresa file may be",
                Mark(1, 1),
                "split it into several files",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read the file: {exc.strerror or exc}",
            hint="check that the file exists and that you may read it, and for a "
            "symbolic link, where it leads",
            path=name,
        ) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> Document:
    """Parse YAML bytes into a Document; problems are recorded on it, never raised."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return _failed(
            name,
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
            Mark(row, column),
            "save the file as UTF-8 in your editor",
        )
    document = Document(path=name, data=None, lines=text.splitlines())
    try:
        _compose(text, document)
    except _LimitError as exc:
        return _failed(name, str(exc), exc.mark, None, document.lines)
    except MarkedYAMLError as exc:
        found = explain(exc, document.lines)
        where = Mark(found.line, found.column)
        return _failed(name, found.message, where, found.hint, document.lines)
    except (YAMLError, RecursionError, ValueError) as exc:
        return _failed(name, f"not valid YAML: {exc}", Mark(1, 1), None, document.lines)
    return document


def _failed(
    name: str, message: str, mark: Mark, hint: str | None, lines: list[str] | None = None
) -> Document:
    problem = Diagnostic.error(YAML_SYNTAX, Location(name, mark.line, mark.column), message, hint)
    return Document(path=name, data=None, lines=lines or [], problems=[problem])


def _compose(text: str, document: Document) -> None:
    """Build values and positions from the parser's events, without recursion."""
    composer = _Composer(document)
    for event in YAML(typ="safe", pure=False).parse(text):
        composer.feed(event)


class _Composer:
    """Turns parser events into values, recording the position of every key and value."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.documents = 0

    def feed(self, event: Any) -> None:
        """Take one parser event."""
        mark = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, ScalarEvent):
            top = self.stack[-1] if self.stack else None
            is_key = top is not None and isinstance(top.value, dict) and top.key is None
            value = event.value if is_key else _resolve(event, mark)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.place(value, mark, 1)
        elif isinstance(event, MappingStartEvent | SequenceStartEvent):
            self.open(event, mark)
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            frame = self.stack.pop()
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.value, frame.size)
            self.place(frame.value, self.document.value_marks[frame.path], frame.size)
        elif isinstance(event, AliasEvent):
            self.alias(event.anchor, mark)
        elif isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _LimitError("the file holds more than one YAML document", mark)

    def open(self, event: MappingStartEvent | SequenceStartEvent, mark: Mark) -> None:
        """Start a mapping or sequence, within the nesting bound."""
        if len(self.stack) >= MAX_DEPTH:
            raise _LimitError(f"the file nests deeper than {MAX_DEPTH} levels", mark)
        container: dict[str, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
        self.stack.append(_Frame(container, self.child_path(), event.anchor))
        self.document.value_marks[self.stack[-1].path] = mark

    def alias(self, anchor: str, mark: Mark) -> None:
        """Place an anchored value again, counting what it expands to."""
        if anchor not in self.anchors:
            raise _LimitError(f"the alias *{anchor} names no anchor", mark)
        value, size = self.anchors[anchor]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise _LimitError(
                f"aliases expand to more than {MAX_ALIAS_NODES:,} values (an alias bomb?)", mark
            )
        self.place(value, mark, size)

    def child_path(self) -> PathKey:
        """Return the path of the value that comes next."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value))
        return (*frame.path, "\0duplicate" if frame.skip else str(frame.key))

    def place(self, value: Any, mark: Mark, size: int) -> None:
        """Put a finished value into its parent, as a list item, a key, or a key's value."""
        document = self.document
        if not self.stack:
            document.data = value
            document.value_marks[()] = mark
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            document.value_marks[(*frame.path, len(frame.value))] = mark
            frame.value.append(value)
        elif frame.key is None:
            if not isinstance(value, str):
                raise _LimitError("a key must be plain text, not a list or mapping", mark)
            if value in frame.value:
                first = document.key_marks.get((*frame.path, value), mark)
                document.problems.append(_duplicate(document.path, value, mark, first))
                frame.skip = True
            frame.key, frame.key_mark = value, mark
        else:
            path = (*frame.path, frame.key)
            if not frame.skip:
                frame.value[frame.key] = value
                document.value_marks[path] = mark
                if frame.key_mark is not None:
                    document.key_marks[path] = frame.key_mark
            frame.key, frame.key_mark, frame.skip = None, None, False


def _duplicate(path: str, key: str, mark: Mark, first: Mark) -> Diagnostic:
    return Diagnostic.error(
        DUPLICATE_KEY,
        Location(path, mark.line, mark.column),
        f"'{key}' is given twice here; the first is on line {first.line}",
        "keep one of the two: a key can have only one value, so one edit would be lost",
    )


def _resolve(event: ScalarEvent, mark: Mark) -> Any:
    """Return a scalar's value by the YAML 1.2 core schema (so `NO` and `off` stay text)."""
    text: str = event.value
    tag = event.tag
    if tag and tag.startswith(_CORE_TAG):
        return _resolve_tagged(text, tag.removeprefix(_CORE_TAG), mark)
    if tag and tag != "!":
        raise _LimitError(f"the tag {tag} is not supported here", mark)
    if event.style or tag == "!":
        return text
    return _resolve_plain(text)


def _resolve_plain(text: str) -> Any:
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if text.startswith(("0x", "0o")) and len(text) > 2:
        try:
            return int(text, 16 if text[1] == "x" else 8)
        except ValueError:
            return text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if text in _NAN:
        return math.nan
    return text


def _resolve_tagged(text: str, kind: str, mark: Mark) -> Any:
    if kind == "str":
        return text
    value = _resolve_plain(text)
    expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(kind)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is None or type(value) is not expected:
        raise _LimitError(f"'{text}' is not a valid !!{kind}", mark)
    return value
