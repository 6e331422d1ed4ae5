"""A local, stateful stand-in for ClickSend's SMS Campaigns API, for recording and offline tests.

    with run_emulator() as running:
        client = ClickSendClient("emulator", "emulator-key", base_url=running.base_url)

See the "Emulator" section of the project README for the accounts, lists and decisions.
"""

from .app import Emulator
from .config import EmulatorConfig
from .faults import Fault
from .seed import (
    BIG_LIST_ID,
    DEFAULT_ACCOUNTS,
    SMALL_LIST_ID,
    TEST_API_KEY,
    TEST_NUMBERS,
    Account,
    Contact,
    ContactList,
)
from .server import RunningEmulator, run_emulator
from .store import Lifecycle

__all__ = [
    "BIG_LIST_ID",
    "DEFAULT_ACCOUNTS",
    "SMALL_LIST_ID",
    "TEST_API_KEY",
    "TEST_NUMBERS",
    "Account",
    "Contact",
    "ContactList",
    "Emulator",
    "EmulatorConfig",
    "Fault",
    "Lifecycle",
    "RunningEmulator",
    "run_emulator",
]
