"""Finding a project, loading its documents and indexing their ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from kundresa.errors import ConfigError, ProjectNotFoundError
from kundresa.project import find_root, load_project


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "kundresa.yaml", "version: 1\nname: Test\nlanguage: sv\n")
    write(tmp_path / "personas/petra.yaml", "kind: persona\nid: pop-petra\nname: Petra\n")
    write(
        tmp_path / "touchpoints/tp.yaml",
        "kind: touchpoints\ntouchpoints:\n"
        "  - {id: instagram, name: Instagram, channel: social, medium: digital}\n"
        "  - {id: kassa, name: Kassa, channel: web, medium: digital, conversion: true}\n",
    )
    write(
        tmp_path / "journeys/j.yaml",
        "kind: journey\nid: j\ntitle: J\nphases:\n  - id: a\n    name: A\n"
        "    steps:\n      - {touchpoint: kassa, action: Köper}\n",
    )
    return tmp_path


def test_the_project_is_found_by_walking_up_from_a_subfolder(project: Path):
    assert find_root(project / "journeys") == project.resolve()


def test_no_project_anywhere_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ProjectNotFoundError, match=r"no kundresa\.yaml") as caught:
        find_root(tmp_path)
    assert "kundresa init" in (caught.value.hint or "")


def test_an_explicit_project_folder_must_hold_kundresa_yaml(tmp_path: Path):
    with pytest.raises(ProjectNotFoundError, match=r"has no kundresa\.yaml"):
        find_root(project=tmp_path)


def test_loading_indexes_ids_of_every_kind(project: Path):
    loaded = load_project(project=project)
    assert loaded.problems == []
    assert loaded.config.name == "Test"
    assert [p.model.id for p in loaded.personas] == ["pop-petra"]
    assert [t.model.id for t in loaded.touchpoints] == ["instagram", "kassa"]
    assert "j" in loaded.journey_index
    kassa = loaded.touchpoint_index["kassa"]
    assert kassa.model.conversion is True
    assert kassa.locate("conversion").line == 4


def test_a_file_without_kind_and_an_unknown_kind_are_kr004(project: Path):
    write(project / "personas/nokind.yaml", "id: x\nname: X\n")
    write(project / "personas/typo.yaml", "kind: persna\nid: y\nname: Y\n")
    problems = load_project(project=project).problems
    found = sorted(f"{p.location.path.split('/')[-1]}:{p.location.line}:{p.code}" for p in problems)
    assert found == ["nokind.yaml:1:KR004", "typo.yaml:1:KR004"]
    typo = next(p for p in problems if "persna" in p.message)
    assert "did you mean 'persona'" in typo.message


def test_broken_documents_are_recorded_not_raised(project: Path):
    write(project / "journeys/bad.yaml", "kind: journey\nid: [\n")
    loaded = load_project(project=project)
    assert [p.code for p in loaded.problems] == ["KR001"]
    assert "j" in loaded.journey_index


def test_an_invalid_kundresa_yaml_is_a_config_error_with_its_position(project: Path):
    write(project / "kundresa.yaml", "version: 1\nname: Test\nlanguage: se\n")
    with pytest.raises(ConfigError) as caught:
        load_project(project=project)
    assert caught.value.where().endswith("kundresa.yaml:3:11: ")
    assert "did you mean 'sv'" in caught.value.message


def test_configured_folders_are_used(project: Path):
    (project / "journeys").rename(project / "resor")
    write(project / "kundresa.yaml", "version: 1\nname: T\npaths: {journeys: resor}\n")
    assert "j" in load_project(project=project).journey_index


def test_a_file_with_a_duplicate_key_is_still_checked_against_its_schema(project: Path):
    write(project / "personas/dup.yaml", "kind: persona\nid: b\nid: c\nname: B\nage: 300\n")
    found = sorted(f"{p.location.line}:{p.code}" for p in load_project(project=project).problems)
    assert found == ["3:KR002", "5:KR003"]
