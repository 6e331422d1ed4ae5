from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from clicksend_emulator import Emulator, EmulatorConfig, RunningEmulator, run_emulator


@pytest.fixture
def running() -> Iterator[RunningEmulator]:
    with run_emulator(Emulator(EmulatorConfig())) as server:
        yield server


def http(running: RunningEmulator, username: str = "emulator", api_key: str = "emulator-key") -> httpx.Client:
    """A plain httpx client, for looking at raw answers."""
    return httpx.Client(base_url=running.base_url, auth=(username, api_key), timeout=10)
