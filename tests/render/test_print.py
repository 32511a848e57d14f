"""The map printed by chromium on A3 landscape: few pages, none near empty, bands full width.

The PDF is read back with poppler's pdftoppm (pixels) and pdftotext (words per page).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.kpi import compute_kpis
from kundresa.render import render_project

from render.render_support import CHROMIUM_FLAGS
from support import require

#: Below this a pixel is ink: anything darker than the paper.
INK = 245


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """Return the width, height and grey pixels of a binary PGM file."""
    data = path.read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), pixels[: int(width) * int(height)]


def extent(path: Path) -> tuple[float, float]:
    """Return the share of the page's height and width that holds ink."""
    width, height, pixels = read_pgm(path)
    rows = [y for y in range(height) if min(pixels[y * width : (y + 1) * width]) < INK]
    cols = [x for x in range(width) if min(pixels[x::width]) < INK]
    if not rows:
        return 0.0, 0.0
    return (rows[-1] - rows[0] + 1) / height, (cols[-1] - cols[0] + 1) / width


@pytest.fixture
def printed(chromium: str, make_project, tmp_path: Path) -> tuple[list[Path], list[str]]:
    """Return the pages of init's 20-step map, measured, as images and words per page."""
    poppler = require(shutil.which("pdftoppm"), "pdftoppm (poppler-utils)")
    root = make_project("sv", "event")
    site = render_project(
        load_project(project=root), out=tmp_path / "site", kpi_results=compute_kpis(root)
    )
    (page,) = [p for p in site if p.name == "sommarkonsert.html"]
    pdf = tmp_path / "map.pdf"
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    subprocess.run([poppler, "-r", "20", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1]))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return images, text.split("\f")[: len(images)]


@pytest.mark.browser
def test_the_first_page_holds_the_title_the_legend_and_the_first_band(printed) -> None:
    images, words = printed
    first = " ".join(words[0].split())
    assert "Sommarkonsert" in first and "Pop-Petra" in first
    assert "Ser en reel" in first  # the first step
    assert "ANSVARIG" in first.upper()  # the band's last lane, not cut off
    height, width = extent(images[0])
    assert height > 0.6 and width > 0.95


@pytest.mark.browser
def test_no_page_is_near_empty_and_bands_fill_the_width(printed) -> None:
    images, words = printed
    # Three bands, personas, goals and KPIs, the matrix and the plan: seven sheets, not nine.
    assert len(images) <= 7, [w[:60] for w in words]
    extents = [extent(image) for image in images]
    for number, (height, _) in enumerate(extents[:-1], start=1):
        assert height > 0.35, f"page {number} is {height:.0%} full"
    band_pages = [i for i, w in enumerate(words) if "KUNDENS" in w.upper().replace("\n", " ")]
    assert band_pages, words
    for index in band_pages:
        assert extents[index][1] > 0.95, f"page {index + 1}: the band is not full width"


@pytest.mark.browser
def test_a_heading_is_printed_with_what_follows_it(printed) -> None:
    _, words = printed
    for page in words:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines, "an empty page"
        assert not lines[-1].startswith(("Mål & Nyckeltal", "Personor", "Plan", "Möjlighetsmatris"))
