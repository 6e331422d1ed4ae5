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
    assert len(files) == 3
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


def test_live_workflow_runs_the_live_contract_checks_by_hand_and_weekly_and_keeps_what_it_found() -> None:
    workflow = _load("live.yml")
    triggers = _triggers(workflow)
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"].endswith("* * 1")
    [job] = workflow["jobs"].values()
    assert job["env"]["CLICKSEND_LIVE"] == "1"
    for name in ("CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_LIVE_LIST_ID"):
        assert job["env"][name] == "${{ secrets." + name + " }}"
    runs = [step.get("run", "") for step in job["steps"]]
    assert "python3 tasks.py main --target live --record" in runs
    assert any(
        run.startswith("python3 tasks.py drift --evidence contract_tests/cassettes/live --out drift-report.md")
        for run in runs
    )
    [upload] = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact")]
    assert upload["if"] == "always()"
    assert "contract_tests/cassettes/live/" in upload["with"]["path"] and "drift-report.md" in upload["with"]["path"]
