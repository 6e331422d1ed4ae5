"""The GitHub workflows are valid (actionlint) and do what the README says they do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is not installed in this environment; run `python3 tasks.py test`"
    return found


def _load(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return workflow


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow["on"] if "on" in workflow else workflow[True]
    assert isinstance(triggers, dict)
    return triggers


def test_actionlint_finds_nothing() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run([_actionlint(), *files], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n"
    )
    result = subprocess.run([_actionlint(), str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "matrix" in result.stdout


def test_regenerate_workflow_runs_on_spec_and_overlay_changes_and_checks_drift() -> None:
    workflow = _load("regenerate.yml")
    for event in ("push", "pull_request"):
        paths = _triggers(workflow)[event]["paths"]
        assert "openapi/**" in paths and "overlays/**" in paths, event
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "python3 tasks.py regenerate --check" in steps


def test_tests_workflow_runs_what_ci_runs_on_every_push_and_pull_request() -> None:
    workflow = _load("tests.yml")
    assert set(_triggers(workflow)) == {"push", "pull_request"}
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "bash .ci/run" in steps
