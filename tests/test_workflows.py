"""The GitHub workflows are valid (actionlint) and do what the README says they do."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in this environment; run `python3 tasks.py test`"
    return found


def _actionlint(*files: str | Path) -> subprocess.CompletedProcess[str]:
    """actionlint with shellcheck on every `run:` script and pyflakes on every Python one."""
    command = [_tool("actionlint"), "-shellcheck", _tool("shellcheck"), "-pyflakes", _tool("pyflakes")]
    return subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=False)


def _load(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return workflow


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow["on"] if "on" in workflow else workflow[True]
    assert isinstance(triggers, dict)
    return triggers


def _all() -> dict[str, dict[Any, Any]]:
    return {path.name: _load(path.name) for path in sorted(WORKFLOWS.glob("*.yml"))}


def test_actionlint_with_shellcheck_and_pyflakes_finds_nothing() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["live.yml", "regenerate.yml", "release.yml", "tests.yml"]
    result = _actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n"
    )
    result = _actionlint(broken)
    assert result.returncode != 0 and "matrix" in result.stdout


def test_the_lint_runs_shellcheck_and_pyflakes_on_the_scripts(tmp_path: Path) -> None:
    broken = tmp_path / "scripts.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: cp $SOURCE dist/\n"
        "      - shell: python\n        run: print(undefined_name)\n"
    )
    result = _actionlint(broken)
    assert result.returncode != 0
    assert "SC2086" in result.stdout and "[shellcheck]" in result.stdout
    assert "undefined name 'undefined_name'" in result.stdout and "[pyflakes]" in result.stdout


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line.strip()}"


def test_every_job_has_a_timeout_every_workflow_a_concurrency_group_and_setup_python_a_pip_cache() -> None:
    for name, workflow in _all().items():
        assert "group" in workflow["concurrency"], name
        for job_name, job in workflow["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), f"{name}: {job_name}"
            for step in job["steps"]:
                if str(step.get("uses", "")).startswith("actions/setup-python@"):
                    assert step["with"]["cache"] == "pip", f"{name}: {job_name}"
                    assert step["with"]["cache-dependency-path"] == "requirements/*.txt"


def test_release_workflow_checks_the_tag_builds_attests_and_releases_with_the_changelog_section() -> None:
    workflow = _load("release.yml")
    assert _triggers(workflow) == {"push": {"tags": ["v*"]}}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "id-token": "write", "attestations": "write"}
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [str(step.get("uses", "")).partition("@")[0] for step in job["steps"]]
    order = [
        runs.index('python3 tasks.py release-check --tag "$GITHUB_REF_NAME"'),
        runs.index("python3 tasks.py regenerate --check"),
        next(i for i, run in enumerate(runs) if run.startswith("python3 tasks.py build --install-check")),
        uses.index("actions/attest-build-provenance"),
        next(i for i, run in enumerate(runs) if run.startswith("python3 tasks.py release-notes --section")),
        next(i for i, run in enumerate(runs) if run.startswith('gh release create "$GITHUB_REF_NAME" dist/*')),
    ]
    assert order == sorted(order)
    assert job["steps"][uses.index("actions/attest-build-provenance")]["with"]["subject-path"] == "dist/*"
    assert "--notes-file release-notes.md" in runs[order[-1]]


def test_regenerate_workflow_checks_drift_and_hands_the_regenerated_client_to_the_author() -> None:
    workflow = _load("regenerate.yml")
    for event in ("push", "pull_request"):
        paths = _triggers(workflow)[event]["paths"]
        assert {"openapi/**", "overlays/**", "generator/**", "generated/**"} <= set(paths), event
    drift, regenerate = workflow["jobs"]["drift"], workflow["jobs"]["regenerate"]
    assert "if" not in drift and "python3 tasks.py regenerate --check" in [s.get("run") for s in drift["steps"]]
    assert regenerate["if"] == "github.event_name == 'pull_request'"
    steps = {step.get("name", ""): step for step in regenerate["steps"]}
    assert steps["Regenerate"]["run"] == "python3 tasks.py regenerate"
    summary = steps["Classify the changes against the base branch (job summary)"]["run"]
    assert 'python3 tasks.py spec-diff --base "$BASE_SHA"' in summary and "GITHUB_STEP_SUMMARY" in summary
    same_repo = "github.event.pull_request.head.repo.full_name == github.repository"
    push = steps["Push the regenerated client to the pull request's branch"]
    assert same_repo in push["if"] and "git push" in push["run"]
    upload = steps["Upload the patch (a pull request from a fork cannot be pushed to)"]
    assert same_repo.replace("==", "!=") in upload["if"] and upload["with"]["path"] == "regenerated.patch"


def test_tests_workflow_runs_what_ci_runs_on_every_push_and_pull_request() -> None:
    workflow = _load("tests.yml")
    assert set(_triggers(workflow)) == {"push", "pull_request"}
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "bash .ci/run" in steps and "python3 tasks.py release-check" in steps


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
