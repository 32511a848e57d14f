"""The Jinja environment: built-in templates, a user's folder searched first, strict and escaped.

A user's own templates (`--templates DIR`) run in a sandbox: they can read the view
objects they are given, not call into Python.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from kundresa.errors import InputError
from kundresa.files import templates
from kundresa.render.text import markdown_text, markdown_url, one_line

FORMATS = ("html", "md")


class PackageLoader(BaseLoader):
    """Load templates from a folder inside the installed package, zipped or not."""

    def __init__(self, folder: Traversable) -> None:
        self.folder = folder

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        """Return the source of `template`; built-in templates never change while running."""
        entry = self.folder
        for piece in split_template_path(template):
            entry = entry / piece
        if not entry.is_file():
            raise TemplateNotFound(template)
        return entry.read_text(encoding="utf-8"), None, lambda: True


@lru_cache(maxsize=8)
def make_environment(fmt: str, templates_dir: Path | None = None) -> Environment:
    """Return the environment that renders `fmt` (html or md) from the built-in templates.

    Templates in `templates_dir` override built-in ones of the same name, and turn on the
    sandbox. Environments are kept, so that rendering again does not compile again.

    Raises:
        InputError: the format is unknown or `templates_dir` is not a folder.
    """
    if fmt not in FORMATS:
        raise InputError(f"no format '{fmt}'", hint="use --format html or --format md")
    loaders: list[BaseLoader] = [PackageLoader(templates() / fmt)]
    cls: type[Environment] = Environment
    if templates_dir is not None:
        if not templates_dir.is_dir():
            raise InputError(
                f"the templates folder {templates_dir} does not exist",
                hint="pass a folder of .html or .md templates that override built-in ones",
            )
        loaders.insert(0, FileSystemLoader(templates_dir))
        cls = ImmutableSandboxedEnvironment
    environment = cls(
        loader=ChoiceLoader(loaders),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Built-in templates never change while running; a user's are checked for edits.
        auto_reload=templates_dir is not None,
    )
    environment.filters["md"] = markdown_text
    environment.filters["md_url"] = markdown_url
    environment.filters["one_line"] = one_line
    return environment


_HINTS: list[tuple[type[Exception], str, str]] = [
    (
        TemplateNotFound,
        "the template includes or extends one that does not exist",
        "put it in your templates folder, or use a built-in name (macros.html, ...)",
    ),
    (
        TemplateSyntaxError,
        "the template is not valid Jinja",
        "close every {{ with }} and every {% with %}, and end every block it opens",
    ),
    (
        UndefinedError,
        "the template uses a name that is not there",
        "templates get view objects with computed fields (journey.title, journey.bands, ...):"
        " see src/kundresa/render/views.py",
    ),
    (
        SecurityError,
        "the template reaches past the view objects",
        "your own templates run in a sandbox: use the view objects' fields, not Python's internals",
    ),
]


def fill(environment: Environment, name: str, **context: Any) -> str:
    """Return template `name` rendered with `context`.

    Raises:
        InputError: the template is not valid Jinja, or fails while rendering; the error
            names the template file and its line.
    """
    try:
        return environment.get_template(name).render(**context)
    except TemplateError as error:
        raise _template_error(error, name) from None
    except (TypeError, ValueError, ArithmeticError, LookupError) as error:
        # Raised by an expression in a template (`{{ journey.bands + 1 }}`), not by our code.
        if _template_frame(error) is None:
            raise
        raise _template_error(error, name) from None


def _template_error(error: Exception, name: str) -> InputError:
    what, hint = "the template fails", "check the expression on that line"
    for kind, kind_what, kind_hint in _HINTS:
        if isinstance(error, kind):
            what, hint = kind_what, kind_hint
            break
    where = _template_frame(error)
    if isinstance(error, TemplateSyntaxError):
        where = (error.filename or error.name or name, error.lineno)
    path, line = where or (name, None)
    if path == "<template>":
        path = f"built-in template {name}"  # a built-in template is loaded without a file name
    detail = getattr(error, "message", None) or str(error)
    return InputError(f"{what}: {detail}", hint=hint, path=path, line=line)


def _template_frame(error: BaseException) -> tuple[str, int | None] | None:
    """Return the template file and line where `error` was raised, or None if not in one.

    Jinja rewrites tracebacks so that a template's own frames carry its file and line.
    """
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if not frame.filename.endswith(".py"):
            return frame.filename, frame.lineno
    return None
