"""Rules whose findings the loader makes: YAML syntax, duplicate keys, schema and kind.

The checks themselves live where files are read (yamlio, validation, project); these
rules hand their findings on, so that they are listed, documented, configured and
silenced like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kundresa.diagnostics import (
    DUPLICATE_KEY,
    SCHEMA,
    UNKNOWN_KIND,
    YAML_SYNTAX,
    Code,
    Severity,
)
from kundresa.lint.rule import Finding, rule

if TYPE_CHECKING:
    from kundresa.lint.context import Context


def _recorded(context: Context, code: Code) -> Iterator[Finding]:
    for problem in context.project.problems:
        if problem.code == code.code:
            yield Finding(problem.location, problem.message, problem.hint, problem.suggestion)


@rule(YAML_SYNTAX.code, YAML_SYNTAX.name, Severity.ERROR)
def yaml_syntax(context: Context) -> Iterator[Finding]:
    """The file is not valid YAML, not UTF-8, or too large, deep or aliased to read.

    Nothing else can be checked in a file that cannot be read. Limits on size, nesting
    and alias expansion keep a hostile or broken file from hanging the tool.
    """
    return _recorded(context, YAML_SYNTAX)


@rule(DUPLICATE_KEY.code, DUPLICATE_KEY.name, Severity.ERROR)
def duplicate_key(context: Context) -> Iterator[Finding]:
    """A key appears twice in one mapping.

    YAML keeps only one of the two values, so one edit is silently lost; kundresa keeps
    the first and reports the second.
    """
    return _recorded(context, DUPLICATE_KEY)


@rule(SCHEMA.code, SCHEMA.name, Severity.ERROR)
def schema(context: Context) -> Iterator[Finding]:
    """A value breaks the schema: missing, wrong type, out of range or an unknown field.

    Every command relies on the files having the documented shape. Unknown fields are
    errors rather than ignored, because they are usually typos (with a did-you-mean).
    """
    return _recorded(context, SCHEMA)


@rule(UNKNOWN_KIND.code, UNKNOWN_KIND.name, Severity.ERROR)
def unknown_kind(context: Context) -> Iterator[Finding]:
    """A file in a journey, persona or touchpoint folder has no `kind:` or an unknown one.

    The kind decides how a file is read; a file without one would be skipped silently.
    """
    return _recorded(context, UNKNOWN_KIND)
