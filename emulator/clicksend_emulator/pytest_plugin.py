"""pytest fixtures for testing your own code against the emulator, offline.

Installed with the emulator (the `pytest11` entry point), so a test only names the fixtures:

    def test_my_campaign_code(clicksend_client, clicksend_emulator):
        my_code_that_sends(clicksend_client)
        clicksend_emulator.emulator.clock.advance(3600)   # move campaigns along their lifecycle

- `clicksend_emulator`: a `RunningEmulator` on a free loopback port, fresh for each test:
  `.base_url`, `.emulator.clock`, `.emulator.faults`, `.emulator.store`.
- `clicksend_client`: a `ClickSendClient` signed in to the emulator's first account, with no
  retries, so a fault you inject is what your code sees; closed after the test.
- `clicksend_emulator_config`: the `EmulatorConfig` the emulator starts with; override it in your
  conftest.py (or with `@pytest.mark.parametrize(..., indirect=True)`) to change accounts, lists,
  the send answer's shape or the limit policy.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from clicksend_sms_campaigns import ClickSendClient

from .config import EmulatorConfig
from .server import RunningEmulator, run_emulator


@pytest.fixture
def clicksend_emulator_config() -> EmulatorConfig:
    """The emulator's configuration; override this fixture to change it."""
    return EmulatorConfig()


@pytest.fixture
def clicksend_emulator(clicksend_emulator_config: EmulatorConfig) -> Iterator[RunningEmulator]:
    """A fresh emulator on a free loopback port for each test."""
    with run_emulator(config=clicksend_emulator_config) as running:
        yield running


@pytest.fixture
def clicksend_client(clicksend_emulator: RunningEmulator) -> Iterator[ClickSendClient]:
    """A client signed in to the emulator's first account, without retries."""
    account = clicksend_emulator.emulator.config.accounts[0]
    with ClickSendClient(
        account.username, account.api_key, base_url=clicksend_emulator.base_url, max_retries=0
    ) as client:
        yield client
