"""Every published page meets WCAG 2.1 AA, as axe-core finds it in chromium, light and dark."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.kpi import compute_kpis
from kundresa.render import render_project

from render.conftest import require
from render.render_support import CHROMIUM_FLAGS, HERE
from support import REPO

NODE_MODULES = REPO / ".ci" / "node_modules"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]
EXAMPLES = ["sommarscen", "teater-aarhus"]


@pytest.fixture
def axe_command(chromium: str, tmp_path: Path) -> Callable[[list[Path]], dict[str, object]]:
    """Return a function that runs axe-core on pages in chromium and returns its JSON."""
    node = require(shutil.which("node"), "node")
    axe = require(NODE_MODULES / "axe-core" / "axe.min.js", "axe-core")
    puppeteer = require(NODE_MODULES / "puppeteer-core", "puppeteer-core")

    def run(pages: list[Path]) -> dict[str, object]:
        config = tmp_path / "axe.json"
        profile = tmp_path / "axe-profile"
        config.write_text(
            json.dumps(
                {
                    "puppeteer": puppeteer,
                    "axe": axe,
                    "chromium": chromium,
                    "args": [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"],
                    "pages": [page.as_uri() for page in pages],
                    "tags": WCAG_AA_TAGS,
                    "schemes": SCHEMES,
                }
            )
        )
        result = subprocess.run(
            [node, str(HERE / "axe_pages.js"), str(config)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
        )
        assert result.returncode == 0, result.stderr
        found: dict[str, object] = json.loads(result.stdout)
        return found

    return run


def published_pages(make_project: Callable[..., Path], tmp_path: Path) -> list[Path]:
    """Render both examples and a fresh init project as sites; return their HTML pages."""
    roots = [REPO / "examples" / name for name in EXAMPLES]
    roots.append(make_project("en", "event", name="fresh"))
    pages: list[Path] = []
    for root in roots:
        project = load_project(project=root)
        # Measured as `kundresa render` measures, so the site has its KPI page.
        written = render_project(
            project, out=tmp_path / "sites" / root.name, kpi_results=compute_kpis(project)
        )
        pages.extend(sorted(p for p in written if p.suffix == ".html"))
    return pages


def describe(violations: list[dict[str, object]]) -> str:
    """Return one line per violating element: page, scheme, rule, impact, target, summary."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        assert isinstance(nodes, list)
        for node in nodes:
            summary = " ".join(str(node["summary"]).split())
            lines.append(
                f"{violation['page']} [{violation['scheme']}] {violation['id']} "
                f"({violation['impact']}): {node['target']}: {summary}"
            )
    return "\n".join(lines)


@pytest.mark.browser
def test_every_published_page_has_no_wcag_aa_violations_in_light_and_dark(
    axe_command: Callable[[list[Path]], dict[str, object]],
    make_project: Callable[..., Path],
    tmp_path: Path,
) -> None:
    pages = published_pages(make_project, tmp_path)
    names = {p.relative_to(tmp_path / "sites").as_posix() for p in pages}
    for example in EXAMPLES:
        assert f"{example}/index.html" in names
        assert f"{example}/kpi.html" in names
        assert any(n.startswith(f"{example}/personas/") for n in names)
    result = axe_command(pages)
    assert result["audited"] == len(pages) * len(SCHEMES)
    violations = result["violations"]
    assert isinstance(violations, list)
    assert not violations, describe(violations)
