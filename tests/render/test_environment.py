"""A user's own template with a mistake: one line with its file and line, a hint, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

CASES = {
    "a misspelt field": (
        "{{ journey.titel }}",
        "the template uses a name that is not there: 'kundresa.render.views.JourneyView object'"
        " has no attribute 'titel'",
        "templates get view objects with computed fields (journey.title, journey.bands, ...):"
        " see src/kundresa/render/views.py",
    ),
    "a brace left open": (
        "{{ journey.title }",
        "the template is not valid Jinja: unexpected '}'",
        "close every {{ with }} and every {% with %}, and end every block it opens",
    ),
    "a reach into Python": (
        "{{ journey.__class__ }}",
        "the template reaches past the view objects: access to attribute '__class__' of"
        " 'JourneyView' object is unsafe.",
        "your own templates run in a sandbox: use the view objects' fields, not Python's internals",
    ),
    "an include of nothing": (
        '{% include "nowhere.html" %}',
        "the template includes or extends one that does not exist: nowhere.html",
        "put it in your templates folder, or use a built-in name (macros.html, ...)",
    ),
    "a sum of text and a number": (
        "{{ journey.title + 1 }}",
        'the template fails: can only concatenate str (not "int") to str',
        "check the expression on that line",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_mistake_in_an_own_template_is_one_line_at_its_line(
    kundresa, sommar: Path, tmp_path: Path, case: str
):
    source, message, hint = CASES[case]
    own = tmp_path / "own"
    own.mkdir()
    (own / "journey.html").write_text(f"<!doctype html>\n<h1>\n{source}\n</h1>\n")
    result = kundresa("render", "--project", sommar, "--templates", own)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"kundresa: {own / 'journey.html'}:3: {message}",
        f"  hint: {hint}",
    ]
    assert not (sommar / "site").exists()
