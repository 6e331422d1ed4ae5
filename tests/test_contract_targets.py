"""The contract suite against the emulator, recording twice, and replay's robustness to edits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.contract import cassettes
from scripts.contract.record import emulator_target, record

pytestmark = pytest.mark.slow  # records against the emulator and replays

ROOT = Path(__file__).resolve().parent.parent
RECORDINGS = ("schemathesis.yaml", "properties.yaml", "flow.yaml")


def _pytest(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip


def test_the_suite_passes_against_the_emulator_and_recording_twice_is_identical(tmp_path: Path) -> None:
    first = tmp_path / "first"
    result = _pytest(
        "contract_tests/test_contract.py", "--target", "emulator", "--record", env={"CONTRACT_RECORD_DIR": str(first)}
    )
    assert result.returncode == 0, result.stdout[-5000:]
    assert "contract checks per operation (target: emulator)" in result.stdout
    with emulator_target() as target:
        record(target, tmp_path / "second")
    for name in RECORDINGS:
        assert (first / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), (
            f"{name} differs between two recordings"
        )
    assert not cassettes.leaks(first / "RECORDED.json")


def test_replay_survives_edits_to_tests_and_new_literals_in_helpers(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    for name in ("contract_tests", "scripts"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("openapi", "generated", "emulator"):
        (copy / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    helper = copy / "scripts" / "contract" / "record.py"
    helper.write_text(helper.read_text() + "\nNEW_LITERAL = 'a string hypothesis has never seen'\n")
    test_file = copy / "contract_tests" / "test_contract.py"
    test_file.write_text(
        "# an edit to the test file\n" + test_file.read_text().replace("assert count >= 30", "assert count >= 29")
    )
    result = _pytest("contract_tests/test_contract.py", cwd=copy)
    assert result.returncode == 0, result.stdout[-5000:]
    outcomes = _outcomes(result.stdout)
    assert outcomes.get("passed", 0) >= 10 and set(outcomes) == {"passed"}, result.stdout[-2000:]


def _outcomes(stdout: str) -> dict[str, int]:
    """pytest's summary line as counts: {"passed": 12, "skipped": 1, ...}."""
    [summary] = [line for line in stdout.splitlines() if re.search(r"\d+ \w+.* in [\d.]+s", line)][-1:]
    return {
        word: int(count)
        for count, word in re.findall(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)", summary)
    }
