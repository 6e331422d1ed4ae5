"""Schemathesis, from the spec, against the running emulator: positive, negative and stateful, no failures.

This runs the schemathesis command line, as a user would, with every check, and then looks at
the emulator's state to prove that the stateful phase really sent campaigns and followed the
links from send to get, update and cancel.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from clicksend_emulator import RunningEmulator

pytestmark = pytest.mark.slow  # schemathesis runs

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "clicksend-sms-campaigns.yaml"
CONFIG = ROOT / "contract_tests" / "schemathesis.toml"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.mark.parametrize("seed", [1, 2])
def test_schemathesis_finds_nothing(running: RunningEmulator, seed: int, tmp_path: Path) -> None:
    command = [
        str(SCHEMATHESIS), "--config-file", str(CONFIG), "--no-color", "run", str(SPEC),
        "--url", running.base_url, "--auth", "emulator:emulator-key",
        "--checks", "all", "--mode", "all", "--phases", "examples,coverage,fuzzing,stateful",
        "--max-examples", "30", "--seed", str(seed), "--workers", "1", "--generation-database", "none",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # Schemathesis may warn that update and cancel mostly answer 404: most generated ids do not exist.
    assert "Failures:" not in result.stdout and " passed" in result.stdout

    campaigns = running.emulator.store.of_account(1001)
    statuses = {running.emulator.store.status(record) for record in campaigns}
    assert len(campaigns) > 20, "send was exercised"
    assert "Cancelled" in statuses, "the link from send to cancel was followed"
