"""What the emulator decides where ClickSend's documentation is silent, as settings: EmulatorConfig.
See the project README's Emulator section for each decision and its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .seed import DEFAULT_ACCOUNTS, Account, ContactList
from .store import Lifecycle

LimitPolicy = Literal["clamp", "reject"]
SendAnswer = Literal["nested", "flat"]
UpdateWithoutSchedule = Literal["sends_now", "keeps_schedule"]


@dataclass
class EmulatorConfig:
    """What the emulator decides where ClickSend's documentation is silent; see README."""

    accounts: tuple[Account, ...] = DEFAULT_ACCOUNTS
    lists: dict[int, ContactList] | None = None  # None: default_lists(accounts)
    #: A limit outside 15..100: "clamp" (default) serves the nearest documented size, 15 or 100;
    #: "reject" answers 400. A guess: ClickSend's own SDK and code samples send limit=10, which
    #: cannot be an error, and the reference documents 15..100 as the sizes served.
    limit_policy: LimitPolicy = "clamp"
    #: An update without `schedule`: "sends_now" (default) replaces the schedule with immediate
    #: delivery, as ClickSend's older reference documents ("Will replace existing schedule (even
    #: if left blank)"); "keeps_schedule" keeps the campaign's schedule (this emulator's old guess).
    update_without_schedule: UpdateWithoutSchedule = "sends_now"
    #: The send answer's shape: "nested" (`data.sms_campaign` beside `data.total_count`, what
    #: integrations observe from the live API) or "flat" (`data` is the campaign, the reference's example).
    send_answer: SendAnswer = "nested"
    #: "About four months" ahead, the furthest a schedule may lie.
    max_schedule_ahead_seconds: int = 122 * 24 * 3600
    max_body_bytes: int = 64 * 1024
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    db_path: Path | None = None
    #: Seconds a write waits for the store file when another process holds it; then it answers
    #: 500 and changes nothing.
    store_busy_timeout: float = 5.0
    fault_seed: int = 0
    #: The address page URLs are built on (`next_page_url`); never taken from the Host header.
    #: run_emulator() sets it to the address it serves on when it is None.
    public_base_url: str | None = None
    #: When set, /_emulator/* needs the header `X-Emulator-Token: <token>` (401 otherwise).
    admin_token: str | None = None
