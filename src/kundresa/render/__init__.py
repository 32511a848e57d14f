"""Render journeys as maps: HTML pages with SVG charts, and Markdown with a Mermaid diagram.

View objects are computed in Python (`views`, `charts`, `kpis`, `personas`); the Jinja
templates in `kundresa/templates/` only lay them out. Importing this package imports jinja2,
so the command line imports it only when `render` runs.
"""

from kundresa.render.site import render_pages, render_project

__all__ = ["render_pages", "render_project"]
