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

from render.render_support import CHROMIUM_FLAGS, HERE
from support import REPO, require

NODE_MODULES = REPO / ".ci" / "node_modules"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]
#: Each window the pages are audited in, with its colour schemes: puppeteer's default
#: 800x600 in both, and 320 CSS pixels wide (WCAG 1.4.10 Reflow: a phone, or 1280 pixels
#: zoomed to 400%) in light, where the lanes and tables become regions that scroll.
VIEWS = [
    [{"width": 800, "height": 600}, SCHEMES],
    [{"width": 320, "height": 640}, ["light"]],
]
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
                    "views": VIEWS,
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
                f"{violation['page']} [{violation['width']}px {violation['scheme']}] "
                f"{violation['id']} ({violation['impact']}): {node['target']}: {summary}"
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
    # The future journey is drawn over its as-is one.
    assert "teater-aarhus/journeys/abonnent-fremtid.html" in names
    result = axe_command(pages)
    assert result["audited"] == len(pages) * sum(len(schemes) for _, schemes in VIEWS)
    violations = result["violations"]
    assert isinstance(violations, list)
    assert not violations, describe(violations)


def contrast(ink: str, back: str) -> float:
    """Return the WCAG 2.1 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(ink), luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def audit_page(
    axe_command: Callable[[list[Path]], dict[str, object]], page: Path, body: str
) -> list[dict[str, object]]:
    """Write a page titled after its file with this body; return axe's violations on it."""
    title = page.stem.title()
    page.write_text(
        f'<!doctype html><html lang="en"><head><title>{title}</title></head><body><main>'
        f"<h1>{title}</h1>{body}</main></body></html>",
        encoding="utf-8",
    )
    violations = axe_command([page])["violations"]
    assert isinstance(violations, list)
    return violations


@pytest.mark.browser
def test_the_check_reports_an_image_without_text_and_faint_svg_text(
    axe_command: Callable[[list[Path]], dict[str, object]], tmp_path: Path
) -> None:
    violations = audit_page(
        axe_command,
        tmp_path / "faint.html",
        '<img src="x.png"><svg width="300" height="60" role="img" aria-label="Chart">'
        '<rect width="300" height="60" fill="#dcefe2"/>'
        '<text x="10" y="20" fill="#a4acb6">faint</text>'
        '<text x="10" y="50" fill="#111111">dark</text></svg>',
    )
    found = {(v["id"], v["scheme"]) for v in violations}
    assert found == {(i, s) for i in ("image-alt", "svg-text-contrast") for s in SCHEMES}
    faint = next(v for v in violations if v["id"] == "svg-text-contrast")
    assert [n["target"] for n in faint["nodes"]] == ['svg text "faint"']
    assert f"contrast {contrast('#a4acb6', '#dcefe2'):.2f}:1" in faint["nodes"][0]["summary"]


@pytest.mark.browser
def test_the_check_audits_the_narrow_window_where_wide_content_scrolls(
    axe_command: Callable[[list[Path]], dict[str, object]], tmp_path: Path
) -> None:
    # A line about 450 pixels long fits the 800-pixel window; at 320 its region scrolls,
    # and a region that scrolls must be reachable by keyboard.
    violations = audit_page(
        axe_command,
        tmp_path / "wide.html",
        '<div style="overflow-x: auto"><p style="white-space: nowrap">'
        "Awareness, consideration, decision, before, during, after</p></div>",
    )
    assert {(v["id"], v["width"], v["scheme"]) for v in violations} == {
        ("scrollable-region-focusable", 320, "light")
    }
