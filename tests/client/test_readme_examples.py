"""Every ```python block of README.md and generated/README.md runs as written against the emulator,
started and signed in to the way README's "Using the client" says, and leaves nothing that could send.

Each example runs in a fresh Python process with the environment the README's shell block exports
(its port replaced by a free one). Afterwards every campaign the example created must be cancelled
and have been scheduled at least a day ahead: an example pointed at a real account sends nothing.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
READMES = [ROOT / "README.md", ROOT / "generated" / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = [(readme, index, code) for readme in READMES for index, code in enumerate(BLOCK.findall(readme.read_text()))]


def _try_it_block() -> tuple[list[str], dict[str, str]]:
    """The command that starts the emulator and the variables README's "Using the client" exports."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Using the client\n", 1)[1]
    block = re.search(r"^```shell\n(.*?)^```", section, re.DOTALL | re.MULTILINE)
    assert block is not None, "README's Using the client section starts with a ```shell block"
    start, exports = [line for line in block.group(1).splitlines() if line.strip()]
    assert exports.startswith("export ")
    variables = dict(pair.split("=", 1) for pair in shlex.split(exports)[1:])
    return shlex.split(start), variables


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def emulator() -> Iterator[dict[str, str]]:
    """The emulator as README starts it, on a free port; yields the environment README exports."""
    command, variables = _try_it_block()
    written_port = command[command.index("--port") + 1]
    port = str(_free_port())
    command[command.index("--port") + 1] = port
    program = Path(sys.executable).parent / command[0]  # the console script of the installed emulator
    server = subprocess.Popen([str(program), *command[1:]], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        started = server.stdout.readline()
        assert "ClickSend emulator on" in started, started
        yield {name: value.replace(f":{written_port}/", f":{port}/") for name, value in variables.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)


def _campaigns(environment: dict[str, str]) -> dict[int, dict[str, object]]:
    auth = (environment["CLICKSEND_USERNAME"], environment["CLICKSEND_API_KEY"])
    with httpx.Client(base_url=environment["CLICKSEND_BASE_URL"], auth=auth, timeout=10) as client:
        found: dict[int, dict[str, object]] = {}
        page = 1
        while True:
            data = client.get("/sms-campaigns", params={"page": page, "limit": 100}).json()["data"]
            found.update({campaign["sms_campaign_id"]: campaign for campaign in data["data"]})
            if page >= data["last_page"]:
                return found
            page += 1


def test_the_readmes_have_examples() -> None:
    assert len([e for e in EXAMPLES if e[0].parent == ROOT]) >= 4
    assert any(e[0].parent.name == "generated" for e in EXAMPLES)


def test_the_readme_says_how_to_start_the_emulator_and_sign_in() -> None:
    command, variables = _try_it_block()
    assert command[0] == "clicksend-emulator"
    assert set(variables) == {"CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_BASE_URL"}


@pytest.mark.slow  # each example runs in a fresh Python process
@pytest.mark.parametrize(
    ("readme", "code"), [(e[0], e[2]) for e in EXAMPLES], ids=[f"{e[0].relative_to(ROOT)}#{e[1]}" for e in EXAMPLES]
)
def test_example_runs_against_the_emulator_and_leaves_nothing_to_send(
    emulator: dict[str, str], readme: Path, code: str, tmp_path: Path
) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("CLICKSEND_")}
    environment.update(emulator)
    before = _campaigns(emulator)
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, f"{readme.name} example failed:\n{code}\n{result.stderr}"
    for claimed in re.findall(r"#\s*(Unicode \d+ \d+|GSM-7)$", code, re.MULTILINE):
        assert claimed in result.stdout, f"the example says it prints {claimed!r}; it printed:\n{result.stdout}"
    if "run_emulator" in code:
        assert result.stdout.strip() == "0", "the emulator example lists the campaigns of a fresh emulator"
    created = {key: value for key, value in _campaigns(emulator).items() if key not in before}
    for campaign in created.values():
        assert campaign["status"] == "Cancelled", f"the example left {campaign} to be sent"
        assert int(str(campaign["schedule"])) > time.time() + 86400, f"{campaign} was scheduled to go out soon"


@pytest.mark.slow
def test_the_errors_example_goes_down_every_branch_it_claims(emulator: dict[str, str], tmp_path: Path) -> None:
    [code] = [code for readme, _, code in EXAMPLES if readme.parent == ROOT and "except BadRequestError" in code]
    environment = {**{k: v for k, v in os.environ.items() if not k.startswith("CLICKSEND_")}, **emulator}
    result = subprocess.run([sys.executable, "-c", code], env=environment, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "refused before sending: sms_campaign_id - must be at least 1, got 0"
    assert lines[1].startswith("not sent: limit - ClickSend documents from 15 to 100, got 500")
    assert lines[2] == "ClickSend refused it: {'name': 'Name field is required.'}"
