"""The Jinja environment: built-in templates, a user's folder searched first, strict and escaped.

A user's own templates (`--templates DIR`) run in a sandbox: they can read the view
objects they are given, not call into Python.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
)
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
