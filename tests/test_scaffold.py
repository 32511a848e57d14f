"""`kundresa init`: complete projects in four languages, never overwriting."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kundresa.errors import InputError
from kundresa.project import load_project
from kundresa.scaffold import LANGUAGES, TEMPLATES, init_project

EVENT_PHASES = 7


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_writes_a_complete_event_project(kundresa, tmp_path: Path, language: str):
    result = kundresa("init", tmp_path / "demo", "--lang", language)
    assert result.returncode == 0, result.stderr
    project = load_project(project=tmp_path / "demo")
    assert project.problems == []
    assert project.config.language == language
    (journey,) = project.journeys
    assert len(journey.model.phases) == EVENT_PHASES
    assert len(project.personas) >= 2
    assert any(t.model.conversion for t in project.touchpoints)
    assert {k.metric.value for k in journey.model.kpis} >= {
        "clv",
        "churn_rate",
        "repeat_rate",
        "nps",
    }
    sources = project.config.sources
    for source in (sources.sales, sources.survey, sources.funnel):
        assert source is not None
        assert (project.root / source.path).is_file()


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_loads_without_problems(make_project, language: str, template: str):
    project = load_project(project=make_project(language, template))
    assert project.problems == []
    assert project.journeys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_yaml_file_names_its_schema_on_the_first_line(make_project, language: str):
    root = make_project(language)
    for path in root.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema.is_file(), (path, schema)


def test_init_into_an_existing_project_changes_nothing_and_exits_2(kundresa, tmp_path: Path):
    target = tmp_path / "demo"
    assert kundresa("init", target, "--lang", "nb").returncode == 0
    journey = next((target / "journeys").glob("*.yaml"))
    journey.write_text("kind: journey # my own edits\n", encoding="utf-8")
    before = snapshot(target)
    result = kundresa("init", target, "--lang", "nb")
    assert result.returncode == 2
    assert "in the way" in result.stderr
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(target) == before


def test_init_with_force_overwrites(kundresa, tmp_path: Path):
    target = tmp_path / "demo"
    assert kundresa("init", target, "--lang", "da").returncode == 0
    config = target / "kundresa.yaml"
    config.write_text("changed\n", encoding="utf-8")
    assert kundresa("init", target, "--lang", "da", "--force").returncode == 0
    assert config.read_text(encoding="utf-8") != "changed\n"


def test_init_leaves_unrelated_files_alone(kundresa, tmp_path: Path):
    target = tmp_path / "demo"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    assert kundresa("init", target).returncode == 0
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_unknown_language_is_an_input_error_and_writes_nothing(tmp_path: Path):
    # The command line refuses it before (tests/cli/test_options.py); the library still must.
    with pytest.raises(InputError, match="no language 'fi'"):
        init_project(tmp_path / "x", "fi")
    assert not (tmp_path / "x").exists()


def test_init_writes_the_same_bytes_every_time(make_project):
    assert snapshot(make_project("sv", name="a")) == snapshot(make_project("sv", name="b"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_projects_are_clean_under_yamllint_relaxed(make_project, language: str):
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig("extends: relaxed")
    root = make_project(language)
    for path in sorted(root.rglob("*.yaml")):
        problems = list(linter.run(path.read_text(encoding="utf-8"), config, str(path)))
        assert problems == [], (path, [str(p) for p in problems])
