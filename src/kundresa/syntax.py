"""YAML syntax errors in plain words, on the line that is wrong.

The parser notices a mistake where it can no longer go on, which is often a line or two
after it: a key without its `:` is found on the next line, a no-break space used as
indentation further down. This module turns the parser's error into the line at fault,
what is missing there, and a hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class SyntaxProblem:
    """Where a syntax error is (1-based), what it is, and how to fix it."""

    line: int
    column: int
    message: str
    hint: str | None


def explain(error: Any, lines: list[str]) -> SyntaxProblem:
    """Return the syntax problem behind a ruamel.yaml `MarkedYAMLError`."""
    problem = error.problem or error.context or "invalid YAML"
    context = error.context or ""
    at = error.problem_mark or error.context_mark
    line, column = (at.line + 1, at.column + 1) if at else (1, 1)
    opened = error.context_mark
    # A tab or no-break space misleads the parser for a line or two, not further.
    first = min(line, opened.line + 1 if opened else line) - 2
    indentation = _bad_indentation(lines, max(first, 1), line)
    if indentation is not None:
        return indentation
    if "simple key" in context and opened is not None:
        return _missing_colon(lines, opened.line + 1, opened.column + 1)
    if "quoted scalar" in context and opened is not None:
        return SyntaxProblem(
            opened.line + 1,
            opened.column + 1,
            "the quote that starts here is never closed",
            "end the text with the same quote mark, or leave the quotes out",
        )
    if "flow sequence" in context or "flow mapping" in context:
        return _unclosed_flow(opened, "[" if "sequence" in context else "{", line, column)
    if "expected '-' indicator" in problem or "expected key" in problem:
        return _misaligned(lines, line, column)
    if "mapping values are not allowed" in problem:
        text = lines[line - 1] if line <= len(lines) else ""
        indent = len(text) - len(text.lstrip(" "))
        if text.find(": ") == column - 1 and _key_column_above(lines, line) not in {None, indent}:
            return _misaligned(lines, line, column)  # a key indented under a plain value
        return SyntaxProblem(
            line,
            column,
            "a ':' followed by a space inside a value",
            "put the value in quotes, or check that the key above it ends with ':'",
        )
    return SyntaxProblem(line, column, f"not valid YAML: {problem}", None)


def _bad_indentation(lines: list[str], first: int, last: int) -> SyntaxProblem | None:
    """Return the first line from `first` to `last` indented with a tab or no-break space."""
    for number in range(first, min(last, len(lines)) + 1):
        text = lines[number - 1]
        stripped = text.lstrip(" \t" + NO_BREAK_SPACE)
        indent = text[: len(text) - len(stripped)]
        if NO_BREAK_SPACE in indent:
            return SyntaxProblem(
                number,
                indent.index(NO_BREAK_SPACE) + 1,
                "the line is indented with a no-break space, which YAML does not count "
                "as indentation",
                "replace it with an ordinary space (it is often pasted from a web page "
                "or a word processor)",
            )
        if "\t" in indent and stripped:
            return SyntaxProblem(
                number,
                indent.index("\t") + 1,
                "the line is indented with a tab",
                "indent with spaces, not tabs",
            )
    return None


def _missing_colon(lines: list[str], line: int, column: int) -> SyntaxProblem:
    text = lines[line - 1] if line <= len(lines) else ""
    words = text[column - 1 :].split()
    key = words[0] if words else text.strip()
    return SyntaxProblem(
        line,
        column,
        f"missing ':' after '{key}'",
        f"write the key with a colon and a space, such as '{key}: ...'",
    )


def _unclosed_flow(opened: Any, bracket: str, line: int, column: int) -> SyntaxProblem:
    closing = "]" if bracket == "[" else "}"
    noun = "list" if bracket == "[" else "mapping"
    if opened is None:
        return SyntaxProblem(line, column, f"a '{closing}' or ',' is missing", None)
    return SyntaxProblem(
        opened.line + 1,
        opened.column + 1,
        f"the {noun} that starts with '{bracket}' here is not closed, or lacks a ','",
        f"end it with '{closing}' and put ', ' between its items",
    )


def _misaligned(lines: list[str], line: int, column: int) -> SyntaxProblem:
    """Explain a line indented differently from the keys of the mapping it belongs to."""
    text = lines[line - 1] if line <= len(lines) else ""
    have = len(text) - len(text.lstrip(" "))
    above = _key_column_above(lines, line)
    key = text.strip().split(":")[0]
    if above is None or above == have:
        return SyntaxProblem(
            line, column, "this line does not fit the indentation of the lines above it", None
        )
    return SyntaxProblem(
        line,
        have + 1,
        f"'{key}' is indented {have} spaces, but the key above it {above}",
        "indent every key of one mapping by the same number of spaces",
    )


def _key_column_above(lines: list[str], line: int) -> int | None:
    """Return the indentation of the key on the nearest line above with content."""
    for text in reversed(lines[: line - 1]):
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        while stripped.startswith("- "):
            rest = stripped[2:].lstrip(" ")
            indent += len(stripped) - len(rest)
            stripped = rest
        return indent
    return None
