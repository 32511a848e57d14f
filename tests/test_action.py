"""The GitHub Action in action.yml: its inputs, and its steps run as a runner runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from support import REPO, SRC

ACTION = YAML(typ="safe").load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("name", "setup-python"): step for step in ACTION["runs"]["steps"]}


def _run_step(name: str, inputs: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """Run one step's script with bash, its `${{ }}` expressions filled in as a runner would."""
    step = STEPS[name]
    values = {"github.action_path": str(REPO)} | {f"inputs.{k}": v for k, v in inputs.items()}

    def fill(text: str) -> str:
        return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], text)

    env = {
        **os.environ,
        **{key: fill(str(value)) for key, value in step.get("env", {}).items()},
        # The install step's virtual environment stands in for this test run's interpreter.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(SRC),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_PATH": str(tmp_path / "github_path"),
    }
    env.pop("NO_COLOR", None)
    return subprocess.run(
        ["bash", "-e", "-c", fill(step["run"])],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_action_is_composite_with_the_project_and_kpi_check_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"project", "kpi-check"}
    assert ACTION["inputs"]["project"]["default"] == "."
    assert ACTION["inputs"]["kpi-check"]["default"] == "false"
    assert "inputs.kpi-check == 'true'" in STEPS["Check the KPI targets"]["if"]
    assert "github.action_path" in STEPS["Install kundresa"]["env"]["KUNDRESA_SOURCE"]


def test_the_lint_step_annotates_a_broken_project_and_fails(tmp_path: Path):
    broken = "tests/lint/data/broken"
    result = _run_step("Lint the journeys", {"project": broken}, tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert f"file={broken}/journeys/anteckning.yaml" in result.stdout


@pytest.mark.parametrize("example", ["sommarscen", "teater-aarhus"])
def test_the_steps_pass_on_the_examples(tmp_path: Path, example: str):
    inputs = {"project": f"examples/{example}", "kpi-check": "true"}
    lint = _run_step("Lint the journeys", inputs, tmp_path)
    assert (lint.returncode, lint.stdout) == (0, ""), lint.stderr
    kpi = _run_step("Check the KPI targets", inputs, tmp_path)
    direct = subprocess.run(
        [sys.executable, "-m", "kundresa", "kpi", "--check", "-p", f"examples/{example}"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert kpi.returncode == direct.returncode, kpi.stderr
    assert kpi.stdout == direct.stdout


def test_the_readme_workflow_uses_the_actions_inputs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("# .github/workflows/journeys.yml\n", 1)[1].split("```", 1)[0]
    steps = YAML(typ="safe").load(block)["jobs"]["lint"]["steps"]
    (ours,) = [step for step in steps if step.get("uses", "").startswith("OWNER/kundresa@")]
    assert set(ours["with"]) == set(ACTION["inputs"])
