"""Every ```python block of README.md and generated/README.md runs against a local ClickSend stand-in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.client.fakes import FakeClickSend, serve

ROOT = Path(__file__).resolve().parents[2]
READMES = [ROOT / "README.md", ROOT / "generated" / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = [(readme, index, code) for readme in READMES for index, code in enumerate(BLOCK.findall(readme.read_text()))]


def test_the_readmes_have_examples() -> None:
    assert len([e for e in EXAMPLES if e[0].parent == ROOT]) >= 4
    assert any(e[0].parent.name == "generated" for e in EXAMPLES)


@pytest.mark.slow  # each example runs in a fresh Python process
@pytest.mark.parametrize(
    ("readme", "code"), [(e[0], e[2]) for e in EXAMPLES], ids=[f"{e[0].relative_to(ROOT)}#{e[1]}" for e in EXAMPLES]
)
def test_example_runs(readme: Path, code: str, tmp_path: Path) -> None:
    fake = FakeClickSend()
    with serve(fake) as base_url:
        env = {**os.environ, "CLICKSEND_USERNAME": "readme-user", "CLICKSEND_API_KEY": "readme-key"}
        env["CLICKSEND_BASE_URL"] = base_url
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "generated"), str(ROOT / "emulator")])
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
        )
    assert result.returncode == 0, f"{readme.name} example failed:\n{code}\n{result.stderr}"
    for claimed in re.findall(r"#\s*(Unicode \d+ \d+|GSM-7)$", code, re.MULTILINE):
        assert claimed in result.stdout, f"the example says it prints {claimed!r}; it printed:\n{result.stdout}"
    # Examples that connect with from_env() talk to the stand-in; one that starts its own emulator does not.
    assert bool(fake.requests) == ("ClickSendClient.from_env" in code)
    if "run_emulator" in code:
        assert result.stdout.strip() == "0", "the emulator example lists the campaigns of a fresh emulator"
