"""kundresa: customer journey maps as code.

The public API is importable without the command line: every command is a function here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "compute_kpis",
    "init_project",
    "lint_project",
    "load_project",
    "render_project",
]

if TYPE_CHECKING:
    from kundresa.kpi import compute_kpis
    from kundresa.lint import lint_project
    from kundresa.project import load_project
    from kundresa.render import render_project
    from kundresa.scaffold import init_project


def __getattr__(name: str) -> Any:
    # Imported lazily so that `kundresa --version` stays fast.
    if name == "load_project":
        from kundresa.project import load_project

        return load_project
    if name == "lint_project":
        from kundresa.lint import lint_project

        return lint_project
    if name == "render_project":
        from kundresa.render import render_project

        return render_project
    if name == "compute_kpis":
        from kundresa.kpi import compute_kpis

        return compute_kpis
    if name == "init_project":
        from kundresa.scaffold import init_project

        return init_project
    raise AttributeError(name)
