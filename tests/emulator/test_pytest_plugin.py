"""The emulator's pytest plugin, as a user meets it: the README's test file, run by pytest in a
fresh process, finds the fixtures through the package's entry point; and the console script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _readme_test_file() -> str:
    blocks = re.findall(r"^```python\n(# test_reminders\.py.*?)^```", (ROOT / "README.md").read_text(), re.S | re.M)
    assert len(blocks) == 1, "README.md shows the plugin with one test file, # test_reminders.py"
    return str(blocks[0])


def _pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    # Run from the folder with no conftest of ours: the fixtures must come from the entry point.
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_reminders.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow  # runs pytest in a fresh process
def test_the_readme_test_file_passes_with_the_plugin_s_fixtures(tmp_path: Path) -> None:
    (tmp_path / "test_reminders.py").write_text(_readme_test_file())
    done = _pytest(tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\b2 passed\b", done.stdout), done.stdout[-500:]


@pytest.mark.slow  # runs pytest in a fresh process
def test_the_fixtures_really_reach_the_emulator(tmp_path: Path) -> None:
    # A test file that would pass against anything answers the wrong status from the emulator: it fails.
    wrong = _readme_test_file().replace('.data.status == "Sent"', '.data.status == "Cancelled"')
    (tmp_path / "test_reminders.py").write_text(wrong)
    done = _pytest(tmp_path)
    assert done.returncode == 1 and re.search(r"\b1 failed, 1 passed\b", done.stdout), done.stdout[-2000:]


def test_the_emulator_has_a_console_script() -> None:
    script = shutil.which("clicksend-emulator", path=str(Path(sys.executable).parent))
    assert script, "the clicksend-emulator command is not installed"
    done = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("usage: clicksend-emulator"), done.stdout + done.stderr
