"""`clicksend-campaigns` as the installed console script, in a process of its own: in a pipe whose
reader stops early, and stopped with Ctrl-C (SIGINT) in the middle of a bulk cancel."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clicksend_emulator import Fault, RunningEmulator

pytestmark = pytest.mark.slow

SCRIPT = Path(sys.executable).parent / "clicksend-campaigns"


def _environ(running: RunningEmulator) -> dict[str, str]:
    account = running.emulator.config.accounts[0]
    return {
        "PATH": os.environ["PATH"],
        "HOME": "/nonexistent",
        "CLICKSEND_USERNAME": account.username,
        "CLICKSEND_API_KEY": account.api_key,
        "CLICKSEND_BASE_URL": running.base_url,
    }


def _load(running: RunningEmulator, count: int) -> list[int]:
    account = running.emulator.config.accounts[0]
    now = int(running.emulator.clock.now())
    ids = list(range(5000, 5000 + count))
    running.emulator.store.load(
        {
            "sms_campaign_id": campaign_id,
            "name": f"Loaded {campaign_id}",
            "body": "Loaded. Reply STOP to opt out",
            "list_id": 428,
            "list_name": "Customers",
            "total_count": 8,
            "user_id": account.user_id,
            "subaccount_id": account.subaccount_id,
            "date_added": now,
            "schedule": now + 86400,
            "send_at": now + 86400,
        }
        for campaign_id in ids
    )
    return ids


def test_the_script_says_its_version_and_exit_codes() -> None:
    version = subprocess.run([SCRIPT, "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0 and re.fullmatch(r"clicksend-campaigns \d+\.\d+\.\d+\n", version.stdout)
    helped = subprocess.run([SCRIPT, "--help"], capture_output=True, text=True, check=False)
    assert helped.returncode == 0 and "4 credentials missing, unsafe or refused" in " ".join(helped.stdout.split())


def test_a_reader_that_stops_early_ends_the_listing_quietly(clicksend_emulator: RunningEmulator) -> None:
    _load(clicksend_emulator, 300)  # about 150 KB of JSON lines: more than a pipe holds
    piped = subprocess.run(
        ["bash", "-c", f"'{SCRIPT}' list --json | head -n 1; exit ${{PIPESTATUS[0]}}"],
        capture_output=True,
        text=True,
        env=_environ(clicksend_emulator),
        timeout=60,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.count("\n") == 1 and '"sms_campaign_id": 5000' in piped.stdout
    assert piped.stderr == "", "no traceback, no BrokenPipeError at exit"


def test_ctrl_c_in_a_bulk_cancel_says_what_was_done_and_starts_nothing_more(
    clicksend_emulator: RunningEmulator,
) -> None:
    ids = _load(clicksend_emulator, 12)
    clicksend_emulator.emulator.faults.add(
        Fault("latency", operation="cancel_sms_campaign", probability=1.0, seconds=0.3)
    )
    process = subprocess.Popen(
        [SCRIPT, "cancel", *map(str, ids), "--yes", "--concurrency", "2"],
        env=_environ(clicksend_emulator),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    store, account = clicksend_emulator.emulator.store, clicksend_emulator.emulator.config.accounts[0]

    def cancelled() -> list[int]:
        records = [store.get(account.user_id, campaign_id) for campaign_id in ids]
        return [record["sms_campaign_id"] for record in records if record and store.status(record) == "Cancelled"]

    deadline = time.monotonic() + 30
    while len(cancelled()) < 3 and time.monotonic() < deadline:  # well under way, however slow the machine
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    said = re.fullmatch(
        r"error: interrupted: (\d+) of 12 campaign\(s\) cancelled, 0 failed, (\d+) not tried "
        r"\(hint: run the same command again to go on\)\n",
        err,
    )
    assert said is not None, err
    done, not_tried = map(int, said.groups())
    assert 3 <= done < 12 and done + not_tried == 12
    time.sleep(0.5)  # anything still going on in the background would land now
    assert len(cancelled()) == done, "what it says was cancelled is exactly what ClickSend cancelled"
    assert out == ""
