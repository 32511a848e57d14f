"""VS Code's YAML server on an init project: completion, hover and the same findings as lint.

Each test drives the real `yaml-language-server --stdio` over LSP, configured as the YAML
extension is from the project's `.vscode/settings.json`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from language_server import LanguageServer, find_server, language_server

from kundresa.errors import ConfigError
from kundresa.lint import lint_project
from kundresa.project import load_project
from kundresa.scaffold import LANGUAGES, TEMPLATES, init_project

from support import REPO

pytestmark = pytest.mark.slow
JOURNEY = "journeys/konsert.yaml"


@pytest.fixture(scope="module")
def server_command() -> str:
    command = find_server()
    if command is None:
        message = "yaml-language-server is not installed (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return command


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "sommarscen"
    init_project(root, "sv", "event")
    return root


@pytest.fixture(scope="module")
def server(server_command: str, project: Path) -> Iterator[LanguageServer]:
    with language_server(server_command, project) as running:
        yield running


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def find_line(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


def open_text(server: LanguageServer, path: Path, text: str) -> tuple[str, list[dict]]:
    """Open `text` as the unsaved content of `path`; return its uri and diagnostics."""
    uri = server.open(path, text)
    return uri, server.diagnostics(uri)


def test_completion_at_a_new_step_offers_the_step_fields_without_null(server, project):
    lines = lines_of(project / JOURNEY)
    at = find_line(lines, "- touchpoint: instagram")
    indent = lines[at].index("-")
    edited = [*lines[:at], " " * indent + "- ", *lines[at:]]
    uri, _ = open_text(server, project / "journeys" / "ny-steg.yaml", "\n".join(edited) + "\n")
    items = server.completion(uri, at, indent + 2)
    labels = {item["label"] for item in items}
    assert {"touchpoint", "action", "thoughts", "emotion", "pain_points", "kpis"} <= labels
    assert not [item for item in items if "null" in item.get("insertText", "")]


def test_completion_of_a_touchpoint_offers_every_id_of_the_catalogue(server, project):
    catalogue = yaml.safe_load((project / "touchpoints/beroringspunkter.yaml").read_text())
    expected = {touchpoint["id"] for touchpoint in catalogue["touchpoints"]}
    lines = lines_of(project / JOURNEY)
    at = find_line(lines, "- touchpoint: instagram")
    lines[at] = lines[at].replace("instagram", "")
    uri, _ = open_text(server, project / "journeys" / "nytt-id.yaml", "\n".join(lines) + "\n")
    items = server.completion(uri, at, len(lines[at]))
    assert {item["label"] for item in items} == expected
    assert len(expected) == 17


def test_completion_of_an_opportunitys_value_offers_the_levels_and_no_null(server, project):
    lines = lines_of(project / JOURNEY)
    at = find_line(lines, "value: high")
    lines[at] = lines[at].replace("high", "")
    uri, _ = open_text(server, project / "journeys" / "varde.yaml", "\n".join(lines) + "\n")
    items = server.completion(uri, at, len(lines[at]))
    assert [item["label"] for item in items] == ["low", "medium", "high"]


def test_completion_of_emotion_keys_offers_the_personas(server, project):
    lines = lines_of(project / JOURNEY)
    at = find_line(lines, "emotion: {pop-petra: 4")
    indent = lines[at].index("emotion")
    edited = [*lines[:at], " " * indent + "emotion:", " " * (indent + 2), *lines[at + 1 :]]
    uri, _ = open_text(server, project / "journeys" / "kanslor.yaml", "\n".join(edited) + "\n")
    items = server.completion(uri, at + 1, indent + 2)
    assert {"pop-petra", "abonnent-agneta"} <= {item["label"] for item in items}


def test_hover_on_emotion_shows_one_title_and_the_scale(server, project):
    path = project / JOURNEY
    lines = lines_of(path)
    at = find_line(lines, "emotion:")
    uri = server.open(path)
    server.diagnostics(uri)
    text = server.hover(uri, at, lines[at].index("emotion") + 2)
    assert text.startswith("#### Emotion\n\n")
    assert "||" not in text
    assert "| 5 | very positive |" in text


KEY = re.compile(r"^(\s*(?:- )?)([a-z_]+):")


def assert_every_key_has_its_own_hover(server: LanguageServer, path: Path) -> None:
    """Hover over the first use of each key (per indentation) in `path`."""
    uri = server.open(path)
    assert server.diagnostics(uri) == []
    hovered = set()
    for number, line in enumerate(lines_of(path)):
        match = KEY.match(line)
        if match is None or match.groups() in hovered:
            continue
        hovered.add(match.groups())
        text = server.hover(uri, number, len(match.group(1)) + 1)
        title, description, *_ = [*text.split("\n\n"), "", ""]
        where = f"{path.name}:{number + 1} {match.group(2)}"
        # Headed by the key's own name: not its type's, its parent's, nor repeated.
        assert title == "#### " + match.group(2).replace("_", " ").title(), where
        assert description, where
        assert not description.startswith("Source: ["), where


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_key_of_init_files_has_its_own_title_and_a_description(
    server_command, tmp_path, template
):
    # Keys are English in every language; the templates differ in which they use.
    root = tmp_path / template
    init_project(root, "en", template)
    with language_server(server_command, root) as running:
        for path in sorted(root.rglob("*.yaml")):
            assert_every_key_has_its_own_hover(running, path)


def test_column_names_complete_under_a_sales_source(server, project):
    lines = lines_of(project / "kundresa.yaml")
    at = find_line(lines, "order_id:")
    indent = lines[at].index("order_id")
    end = find_line(lines, "channel: Kanal")
    edited = [*lines[:at], " " * indent, *lines[end + 1 :]]  # the six columns taken out
    uri, _ = open_text(server, project / "kundresa.yaml", "\n".join(edited) + "\n")
    items = server.completion(uri, at, indent)
    assert {"order_id", "customer_id", "date", "amount", "event", "channel"} <= {
        item["label"] for item in items
    }


def test_rule_codes_complete_in_lint_rules(server, project):
    lines = [*lines_of(project / "kundresa.yaml"), "lint:", "  rules:", "    "]
    uri, _ = open_text(server, project / "kundresa.yaml", "\n".join(lines) + "\n")
    items = server.completion(uri, len(lines) - 1, 4)
    assert {"KR003", "KR205", "KR208"} <= {item["label"] for item in items}
    lines[-1] = "    KR208: off"
    uri, diagnostics = open_text(server, project / "kundresa.yaml", "\n".join(lines) + "\n")
    assert diagnostics == []
    assert server.hover(uri, len(lines) - 1, 5).startswith(
        "#### KR208\n\ntoo-many-channels: The journey uses more channels than"
    )


# A file without the first line, where .vscode/settings.json alone gives it a schema:
# (file it copies, where the copy goes, text in it, replacement, the server's message).
WITHOUT_FIRST_LINE = {
    "journey": (
        JOURNEY,
        "journeys/2026/host.yaml",
        "emotion: {pop-petra: 4,",
        "emotion: {pop-petra: 9,",
        "Value is above the maximum of 5.",
    ),
    "persona": (
        "personas/pop-petra.yaml",
        "personas/nya/petra.yaml",
        "age: 34",
        "age: 134",
        "Value is above the maximum of 120.",
    ),
    "touchpoints": (
        "touchpoints/beroringspunkter.yaml",
        "touchpoints/ny.yaml",
        "medium: digital",
        "medium: online",
        'Value is not accepted. Valid values: "digital", "physical".',
    ),
    "project": (
        "kundresa.yaml",
        "kundresa.yaml",
        "currency: SEK",
        "currency: SEK\nfeeling: 3",
        "Property feeling is not allowed.",
    ),
}


@pytest.mark.parametrize("kind", WITHOUT_FIRST_LINE)
def test_a_file_without_the_first_line_is_checked_in_any_subfolder(server, project, kind):
    source, copy, old, new, message = WITHOUT_FIRST_LINE[kind]
    text = (project / source).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:")
    body = text.split("\n", 1)[1].replace(old, new, 1)
    _, diagnostics = open_text(server, project / copy, body)
    assert [d["message"] for d in diagnostics] == [message]


# Each broken file: (file, text in it, replacement). The server must report what lint
# reports, at the same place, and nothing else.
BROKEN = {
    "unknown-field": (
        JOURNEY,
        "        action: Ser en reel",
        "        feeling: 3\n        action: Ser en reel",
    ),
    "emotion-out-of-range": (JOURNEY, "emotion: {pop-petra: 4,", "emotion: {pop-petra: 9,"),
    "emotion-score-out-of-range": (
        JOURNEY,
        "emotion: {pop-petra: 4, abonnent-agneta: 3}",
        "emotion: 0",
    ),
    "bad-persona-key": (JOURNEY, "emotion: {pop-petra: 4,", "emotion: {Pop_Petra: 4,"),
    "unknown-state": (JOURNEY, "state: current", "state: draft"),
    "unknown-level": (JOURNEY, "value: high", "value: huge"),
    "bad-phase-id": (JOURNEY, "- id: medvetenhet", "- id: Medvetenhet"),
    "bad-target": (JOURNEY, 'target: ">= 35%"', "target: about 35%"),
    "bad-date": (JOURNEY, "due: 2026-03-31", "due: end of March"),
    "missing-action": (
        JOURNEY,
        "        action: Ser en reel med artisten och en tävling om fribiljetter\n",
        "",
    ),
    "budget-as-text": (JOURNEY, "budget: 30000", "budget: 30 000"),
    "age-out-of-range": ("personas/pop-petra.yaml", "age: 34", "age: 134"),
    "unknown-channel": ("touchpoints/beroringspunkter.yaml", "channel: social", "channel: tiktok"),
    "bad-touchpoint-id": (
        "touchpoints/beroringspunkter.yaml",
        "- id: instagram",
        "- id: Instagram",
    ),
    "unknown-rule": ("kundresa.yaml", "version: 1\n", "version: 1\nlint:\n  rules: {KR999: off}\n"),
    "bad-currency": ("kundresa.yaml", "currency: SEK", "currency: kronor"),
}


def lint_positions(project: Path, path: Path) -> list[tuple[int, int]]:
    """Return where lint reports the file's loading errors (1-based line and column)."""
    try:
        findings = lint_project(load_project(project=project), [path], select=["KR0"])
    except ConfigError as error:  # kundresa.yaml: lint stops with this one error
        return [(error.line or 1, error.column or 1)]
    return [(d.location.line, d.location.column) for d in findings]


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_file_gets_the_finding_lint_reports_at_the_same_place(server, project, case):
    relative, old, new = BROKEN[case]
    path = project / relative
    original = path.read_text(encoding="utf-8")
    assert original.count(old) >= 1
    broken = original.replace(old, new, 1)
    path.write_text(broken, encoding="utf-8")
    try:
        expected = lint_positions(project, path)
    finally:
        path.write_text(original, encoding="utf-8")
    _, diagnostics = open_text(server, path, broken)
    found = [
        (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in diagnostics
    ]
    assert len(expected) == 1, expected
    assert found == expected, [d["message"] for d in diagnostics]
    assert "does not match the pattern" not in diagnostics[0]["message"]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_init_writes_gets_no_diagnostics(server_command, tmp_path, language, template):
    root = tmp_path / "demo"
    init_project(root, language, template)
    files = sorted(root.rglob("*.yaml"))
    assert len(files) >= 5
    with language_server(server_command, root) as running:
        for path in files:
            assert running.diagnostics(running.open(path)) == [], path
            # The same file without its first line, in a subfolder: the settings map it.
            body = path.read_text(encoding="utf-8").split("\n", 1)[1]
            if path.parent != root:
                copy = path.parent / "kopia" / path.name
                assert running.diagnostics(running.open(copy, body)) == [], copy


@pytest.mark.parametrize("example", ["sommarscen", "teater-aarhus"])
def test_every_file_of_the_examples_gets_no_diagnostics(server_command, example):
    root = REPO / "examples" / example
    with language_server(server_command, root) as running:
        for path in sorted(root.rglob("*.yaml")):
            assert running.diagnostics(running.open(path)) == [], path
