"""`kundresa kpi --format xlsx`: a workbook with a sheet per table and figures as numbers.

The workbook is read back with openpyxl, a reader independent of the writer.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import openpyxl
import pytest

from kundresa.kpi import compute_kpis
from kundresa.kpi.formats import REPORTERS

from cli.test_kpi import make


@pytest.fixture
def workbook(tmp_path):
    """Return the workbook `kundresa kpi --format xlsx > kpi.xlsx` writes."""
    target = tmp_path / "kpi.xlsx"
    command = [sys.executable, "-m", "kundresa", "kpi", "-p", str(make(tmp_path)), "-f", "xlsx"]
    with target.open("wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 0, done.stderr
    return openpyxl.load_workbook(target, data_only=True)


def test_the_workbook_has_a_sheet_per_table_in_the_projects_language(workbook):
    assert workbook.sheetnames == ["Nyckeltal", "Mål", "Tratt", "Kohortlojalitet",
                                   "Intäkter per månad"]  # fmt: skip
    metrics = workbook["Nyckeltal"]
    assert [c.value for c in metrics[1]] == ["Mått", "Värde", "Svar", "95\u00a0% lägst",
                                             "95\u00a0% högst"]  # fmt: skip


def test_figures_are_numbers_with_number_formats(workbook):
    rows = {row[0].value: row for row in workbook["Nyckeltal"].iter_rows(min_row=2)}
    revenue = rows["Intäkter"][1]
    assert revenue.value == 1620 and revenue.data_type == "n"
    assert revenue.number_format == '#,##0.00 "SEK"'
    repeat = rows["Återköpsgrad"][1]
    assert repeat.value == pytest.approx(0.4) and repeat.number_format == "0.0%"
    nps = rows["NPS"]
    assert nps[1].value == pytest.approx(100 / 3)
    assert nps[2].value == 3  # answers
    assert nps[4].value == 100  # the upper bound stays on the scale
    funnel = list(workbook["Tratt"].iter_rows(min_row=2, values_only=True))
    assert funnel == [("Annons", 100, None), ("Köp", 5, pytest.approx(0.05))]


def test_the_same_result_gives_the_same_bytes(tmp_path):
    result = compute_kpis(make(tmp_path))
    first = REPORTERS["xlsx"](result, "sv", "SEK")
    assert first == REPORTERS["xlsx"](result, "sv", "SEK")
    assert first.startswith(b"PK")


def test_a_workbook_is_not_written_to_a_terminal(tmp_path):
    leader, follower = pty.openpty()
    try:
        command = [sys.executable, "-m", "kundresa", "kpi", "-p", str(make(tmp_path)), "-f", "xlsx"]
        done = subprocess.run(
            command, stdout=follower, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert "redirect it to a file" in done.stderr
