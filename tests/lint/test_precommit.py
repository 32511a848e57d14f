"""The repository works as a pre-commit hook, tried for real with `pre-commit try-repo`.

This is the slow lint test: pre-commit installs this checkout into a fresh virtual
environment (from PyPI for the build tools) before it runs the hook.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cases import write_case
from support import REPO

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
GIT = shutil.which("git")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PRE_COMMIT is None or GIT is None, reason="needs pre-commit and git"),
]

BAD_JOURNEY = (
    "kind: journey\nid: other\ntitle: Other\n"
    "phases: [{id: a, name: A, steps: [{touchpoint: nowhere, action: Looks, emotion: 3}]}]\n"
)


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    assert PRE_COMMIT is not None and GIT is not None
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "NO_COLOR": "1",
    }
    env.pop("PYTHONPATH", None)
    repo = write_case(
        tmp_path / "journeys-repo",
        {"journeys/other.yaml": BAD_JOURNEY, "personas/petra.yaml": "kind: persona\nid: petra\n"},
    )
    _run(GIT, "init", "-q", cwd=repo, env=env)
    _run(GIT, "add", ".", cwd=repo, env=env)

    hook = (PRE_COMMIT, "try-repo", str(REPO), "kundresa-lint", "--color", "never")
    result = _run(*hook, "--files", "journeys/other.yaml", cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "journeys/other.yaml:4:48: error KR102 no touchpoint has the id 'nowhere'" in output
    assert "personas/petra.yaml" not in output  # only the files given are reported on

    (repo / "journeys" / "other.yaml").unlink()
    shutil.copy(
        REPO / "tests" / "lint" / "data" / "base" / "personas" / "petra.yaml", repo / "personas"
    )
    _run(GIT, "add", "-A", ".", cwd=repo, env=env)
    result = _run(*hook, "--all-files", cwd=repo, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
