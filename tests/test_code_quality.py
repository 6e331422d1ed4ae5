"""The hand-written code stays clean under ruff and `mypy --strict`, as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAND_WRITTEN = ["tasks.py", "scripts", "overlays/modules", "emulator", "contract_tests", "benchmarks", "tests"]
# overlays/modules import their package relatively, so mypy checks them inside generated/
# (tests/test_generated_package.py, --strict); here it checks the rest.
TYPE_CHECKED = [path for path in HAND_WRITTEN if path != "overlays/modules"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean() -> None:
    result = _run("ruff", "check", "--no-cache", *HAND_WRITTEN)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run("ruff", "format", "--check", "--no-cache", *HAND_WRITTEN)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = _run("mypy", *TYPE_CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr
