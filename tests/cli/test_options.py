"""Options every command shares: fixed choices that complete, --quiet, and colour."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kundresa.cli.app import COMMANDS
from kundresa.cli.options import (
    DiffFormat,
    Language,
    LintFormat,
    RenderFormat,
    SchemaKind,
    Template,
    use_colour,
)
from kundresa.diff.reporters import REPORTERS as DIFF_REPORTERS
from kundresa.labels import LANGUAGES as LABEL_LANGUAGES
from kundresa.lint.reporters import REPORTERS
from kundresa.models import vocabulary
from kundresa.render.environment import FORMATS
from kundresa.scaffold import LANGUAGES, TEMPLATES
from kundresa.schema import schema_files

from support import REPO

BROKEN = REPO / "tests" / "lint" / "data" / "broken"


def test_each_choice_is_the_cores_own_list():
    assert [f.value for f in LintFormat] == list(REPORTERS)
    assert [f.value for f in RenderFormat] == list(FORMATS)
    assert [f.value for f in DiffFormat] == list(DIFF_REPORTERS)
    assert {f"{k.value}.schema.json" for k in SchemaKind} == set(schema_files())
    assert [t.value for t in Template] == list(TEMPLATES)
    assert [lang.value for lang in Language] == [lang.value for lang in vocabulary.Language]
    assert {lang.value for lang in Language} == set(LANGUAGES) == set(LABEL_LANGUAGES)


def test_help_lists_the_commands_in_the_order_of_the_list(kundresa):
    result = kundresa("--help")
    listed = [line.split()[0] for line in result.stdout.split("Commands:\n")[1].splitlines()]
    assert listed == [command.__name__ for command in COMMANDS]


@pytest.mark.parametrize(
    "args",
    [
        ("init", "--lang", "fi"),
        ("init", "--template", "wedding"),
        ("render", "--format", "pdf"),
        ("render", "--lang", "de"),
        ("lint", "--format", "xml"),
        ("diff", "--format", "html"),
    ],
)
def test_a_value_outside_the_choices_is_a_usage_error_naming_them(kundresa, tmp_path, args):
    result = kundresa(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"'{args[2]}' is not one of" in result.stderr


def test_the_choices_complete_in_the_shell(kundresa):
    env = {
        "_KUNDRESA_COMPLETE": "complete_bash",
        "COMP_WORDS": "kundresa init --lang ",
        "COMP_CWORD": "3",
    }
    result = kundresa(env=env)
    assert result.stdout.split() == ["sv", "da", "nb", "en"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "on_terminal", "in_a_pipe"),
    [
        ({}, True, False),
        ({"NO_COLOR": "1"}, False, False),
        ({"FORCE_COLOR": "1"}, True, True),
        ({"FORCE_COLOR": "0"}, True, True),
        ({"CLICOLOR_FORCE": "1"}, True, True),
        ({"CLICOLOR_FORCE": "0"}, True, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ({"TERM": "dumb"}, False, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, True, True),
    ],
)
def test_colour_follows_the_terminal_and_the_environment(monkeypatch, env, on_terminal, in_a_pipe):
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_colour(_Terminal()) is on_terminal
    assert use_colour(io.StringIO()) is in_a_pipe


def test_force_color_colours_lint_findings_in_an_actions_log(kundresa):
    plain = kundresa("lint", "--project", BROKEN)
    forced = kundresa("lint", "--project", BROKEN, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert plain.returncode == forced.returncode == 1
    assert "\x1b[" not in plain.stdout
    assert "\x1b[31merror\x1b[0m" in forced.stdout


def test_quiet_silences_progress_and_summaries_but_not_output(kundresa, tmp_path: Path):
    init = kundresa("init", "demo", "--quiet", cwd=tmp_path)
    assert (init.returncode, init.stderr) == (0, "")
    assert (tmp_path / "demo" / "kundresa.yaml").is_file()
    project = tmp_path / "demo"
    runs = {
        "lint": kundresa("lint", "-q", "--project", project),
        "render": kundresa("render", "-q", "--project", project),
        "kpi": kundresa("kpi", "-q", "--format", "json", "--project", project),
        "schema": kundresa("schema", "-q", "--out", tmp_path / "schemas"),
    }
    for name, result in runs.items():
        assert (name, result.returncode, result.stderr) == (name, 0, "")
    assert runs["kpi"].stdout.startswith("{")
    assert (project / "site" / "index.html").is_file()
    loud = kundresa("lint", "--project", project)
    assert loud.stderr.strip()


def test_quiet_keeps_the_findings_and_the_exit_code(kundresa):
    result = kundresa("lint", "--quiet", "--project", BROKEN)
    assert result.returncode == 1
    assert "error KR" in result.stdout
    assert result.stderr == ""
