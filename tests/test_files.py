"""Writing files: the user's umask, and an unwritable folder told in one line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kundresa.errors import OutputError
from kundresa.files import write_atomic

from support import unwritable


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_users_umask(tmp_path: Path, umask: int, expected: int):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "site" / "index.html", b"<p>hej</p>")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "site" / "index.html") == expected
    assert (tmp_path / "site" / "index.html").read_bytes() == b"<p>hej</p>"


def test_a_file_written_again_keeps_its_mode(tmp_path: Path):
    target = tmp_path / "map.md"
    write_atomic(target, b"one")
    target.chmod(0o640)
    write_atomic(target, b"two")
    assert (_mode(target), target.read_bytes()) == (0o640, b"two")
    assert [p.name for p in tmp_path.iterdir()] == ["map.md"]


def test_every_file_of_init_render_and_schema_gets_the_umask(kundresa, tmp_path: Path):
    assert kundresa("init", "demo", "-q", cwd=tmp_path, umask=0o027).returncode == 0
    project = tmp_path / "demo"
    assert kundresa("render", "-q", "-p", project, umask=0o027).returncode == 0
    assert kundresa("schema", "-q", "-o", tmp_path / "schemas", umask=0o027).returncode == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    assert {"demo/kundresa.yaml", "demo/site/index.html", "schemas/journey.schema.json"} <= names
    assert {_mode(p) for p in files} == {0o640}


def test_an_unwritable_folder_is_an_output_error_and_leaves_nothing(tmp_path: Path):
    with unwritable(tmp_path / "site") as site:
        with pytest.raises(OutputError) as raised:
            write_atomic(site / "index.html", b"x")
        assert list(site.iterdir()) == []
    assert raised.value.hint == f"check that you may write to {site}, or write elsewhere"


def test_a_file_in_the_way_of_a_folder_is_named(tmp_path: Path):
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(OutputError) as raised:
        write_atomic(tmp_path / "site" / "journeys" / "a.html", b"x")
    assert str(raised.value) == (
        f"cannot write {tmp_path}/site/journeys/a.html: not a directory "
        f"(hint: {tmp_path}/site is a file, not a folder: move it, or write elsewhere)"
    )
