"""The contract tests' one switch: --target replay|emulator|live (or CONTRACT_TARGET), and --record.

replay    (default) judges the committed cassettes; no network at all
emulator  starts the emulator on a free loopback port and records fresh evidence from it
live      the real API; needs the explicit opt-in CLICKSEND_LIVE=1 (skipped, saying why, without it) and
          then CLICKSEND_USERNAME, CLICKSEND_API_KEY and CLICKSEND_LIVE_LIST_ID (fails, naming what is
          missing, without them)
--record  with emulator or live, writes the evidence to contract_tests/cassettes/<target>/ (whole)
"""

from __future__ import annotations

import os
import socket
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scripts.contract import cassettes

#: Interactions checked per operation, for the summary the main command prints.
CHECKED: Counter[str] = Counter()
#: Public evidence samples checked per operation (contract_tests/evidence/public).
PUBLIC_CHECKED: Counter[str] = Counter()
TARGET_CHOICES = ("replay", "emulator", "live")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "contract tests")
    group.addoption(
        "--target",
        choices=TARGET_CHOICES,
        default=os.environ.get("CONTRACT_TARGET", "replay"),
        help="where the contract evidence comes from (default: replay, or $CONTRACT_TARGET)",
    )
    group.addoption("--record", action="store_true", help="write the target's cassettes (emulator or live)")


def pytest_configure(config: pytest.Config) -> None:
    """Opted in to the live target without what it needs: stop at once, saying what is missing."""
    from scripts.contract import record as recorder

    if config.getoption("--target", default=None) == "live":
        try:
            recorder.live_target()
        except recorder.LiveMisconfigured as missing:
            raise pytest.UsageError(f"live target misconfigured: {missing}") from None
        except recorder.LiveNotOptedIn:
            pass  # skipped, saying why, by the fixture


@pytest.fixture(scope="session")
def target(request: pytest.FixtureRequest) -> str:
    chosen: str = request.config.getoption("--target")
    if chosen not in TARGET_CHOICES:
        raise pytest.UsageError(f"--target must be one of {TARGET_CHOICES}")
    return chosen


@pytest.fixture(scope="session")
def evidence_sets(request: pytest.FixtureRequest, target: str, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The folders of evidence to judge: the committed ones, or one recorded now from the target."""
    from scripts.contract import record as recorder

    if target == "replay":
        sets = cassettes.recorded_sets()
        if not sets:
            pytest.fail("no recorded cassettes; record them: python -m scripts.contract.record --target emulator")
        return sets
    writing = request.config.getoption("--record")
    # CONTRACT_RECORD_DIR redirects --record, so that a test can record without touching the committed set.
    committed = Path(os.environ.get("CONTRACT_RECORD_DIR") or cassettes.CASSETTES / target)
    out = committed if writing else tmp_path_factory.mktemp(f"evidence-{target}")
    if target == "emulator":
        with recorder.emulator_target() as emulator:
            recorder.record(emulator, out)
        return [out]
    try:
        live = recorder.live_target()
    except recorder.LiveNotOptedIn as why:
        pytest.skip(f"live target not opted in: {why}")
    except recorder.LiveMisconfigured as missing:
        pytest.fail(f"live target misconfigured: {missing}", pytrace=False)
    try:
        recorder.record(live, out)
    finally:
        recorder._cancel_leftovers(live)
    return [out]


@pytest.fixture(autouse=True)
def no_network_when_replaying(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Replay needs no network: any connection attempt in a contract test is an error."""
    if request.config.getoption("--target") == "replay":

        def refuse(self: socket.socket, address: Any) -> None:
            raise OSError(f"replay must not open connections (tried {address!r})")

        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if PUBLIC_CHECKED:
        terminalreporter.section("contract checks per operation (target: public evidence)")
        for operation, count in sorted(PUBLIC_CHECKED.items()):
            terminalreporter.write_line(f"  {operation:32} {count:5} public samples agree with the spec and the client")
    if not CHECKED:
        return
    terminalreporter.section(f"contract checks per operation (target: {config.getoption('--target')})")
    for operation, count in sorted(CHECKED.items()):
        terminalreporter.write_line(
            f"  {operation:32} {count:5} recorded interactions agree with the spec and the client"
        )
