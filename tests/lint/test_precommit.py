"""The repository works as a pre-commit hook, tried for real with `pre-commit try-repo`.

The repository under test is a mixed one: a project in `maps/`, another in `sites/`, and
a GitHub workflow. pre-commit hands the hook the staged YAML files, as a commit does.
This is the slow lint test: pre-commit installs this checkout into a fresh virtual
environment (from PyPI for the build tools) each time it runs the hook.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cases import BASE, write_case
from support import REPO

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
GIT = shutil.which("git")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PRE_COMMIT is None or GIT is None, reason="needs pre-commit and git"),
]

TRIP = (BASE / "journeys" / "trip.yaml").read_text(encoding="utf-8")


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def test_pre_commit_in_a_mixed_repository(tmp_path: Path) -> None:
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
    repo = tmp_path / "repo"
    write_case(repo / "maps", {})
    write_case(repo / "sites", {})
    workflow = repo / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs: {}\n")
    git = (GIT, "-c", "commit.gpgsign=false")
    _run(*git, "init", "-q", cwd=repo, env=env)
    _run(*git, "add", ".", cwd=repo, env=env)
    _run(*git, "commit", "-q", "-m", "Start", cwd=repo, env=env)
    hook = (PRE_COMMIT, "try-repo", str(REPO), "kundresa-lint", "--color", "never")

    # A commit that touches only the workflow: the hook gets ci.yml, outside any project.
    workflow.write_text("on: [push, pull_request]\njobs: {}\n")
    _run(*git, "add", ".github", cwd=repo, env=env)
    result = _run(*hook, cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "kundresa lint" in output and "Passed" in output
    _run(*git, "commit", "-q", "-m", "Run on pull requests", cwd=repo, env=env)

    # A broken journey in each project: each project lints its own file; both are blocked.
    (repo / "maps" / "journeys" / "trip.yaml").write_text(TRIP.replace("shop", "shopp", 1))
    (repo / "sites" / "journeys" / "trip.yaml").write_text(TRIP.replace("emotion: 3", "emotion: 9"))
    workflow.write_text("on: push\njobs: {}\n")
    _run(*git, "add", ".", cwd=repo, env=env)
    result = _run(*hook, cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "maps/journeys/trip.yaml:22:21: error KR102 no touchpoint has the id 'shopp'" in output
    assert (
        "sites/journeys/trip.yaml:30:18: error KR003 'emotion' must be at most 5, not 9" in output
    )
    assert "2 errors in 2 files" in output
