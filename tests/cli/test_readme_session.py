"""README's command-line session runs as it is, command after command, against a fresh emulator."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from clicksend_emulator import RunningEmulator

from tests.cli.conftest import Run

ROOT = Path(__file__).resolve().parents[2]


def _session() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```shell\n(.*?)^```", section, re.DOTALL | re.MULTILINE)
    assert block is not None, "README's Command line section has a ```shell block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_session_is_a_walk_through_every_command() -> None:
    used = {shlex.split(line)[1] for line in _session()}
    assert used >= {"analyze", "price", "send", "list", "get", "update", "cancel"}


def test_readme_session_runs(
    cli: Run, clicksend_emulator: RunningEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The emulator's clock in January 2027, so that the README's dates stay ahead of it whenever this runs.
    clicksend_emulator.emulator.clock.freeze(datetime.datetime(2027, 1, 15, tzinfo=datetime.UTC).timestamp())
    monkeypatch.chdir(tmp_path)
    Path("spring.txt").write_text("Hi (First Name), our spring sale starts today. Reply STOP to opt out\n")
    Path("people.csv").write_text("phone,first_name,last_name\n+61411111111,Zoë,Smith\n+61411111112,Al,Jones\n")
    outputs = []
    for line in _session():
        argv = shlex.split(line)
        assert argv[0] == "clicksend-campaigns"
        target = None
        if ">" in argv:
            argv, target = argv[: argv.index(">")], argv[argv.index(">") + 1]
        ran = cli(*argv[1:])
        assert ran.code == 0, f"{line}\n{ran.err}"
        assert not ran.error_lines, line
        if target is not None:
            Path(target).write_text(ran.out)
        outputs.append(ran.out)
    # What the session says it does, it did.
    analysed, summary, priced, sent, scheduled, _, got, updated, dry, cancelled = outputs
    assert "Forces Unicode:" in analysed and "GSM-7 rewrite" in analysed
    assert "Recipients: 2; 1 GSM-7, 1 Unicode" in summary
    assert priced.startswith("Price: 8 recipient(s), ")
    assert "Sent: campaign 1000, Scheduled" in sent and "1000" in scheduled
    rows = list(csv.DictReader(io.StringIO(Path("campaigns.csv").read_text())))
    assert [row["name"] for row in rows] == ["Spring sale"]
    assert json.loads(got)["name"] == "Spring sale"
    assert "Updated: campaign 1000, Scheduled, at 2027-03-02" in updated
    assert "would cancel campaign 1000 'Spring sale' (Scheduled for 2027-03-02" in dry
    assert "Cancelled 1 of 1 campaign(s)." in cancelled
