"""Campaigns in memory, per account, thread-safe, optionally persisted to SQLite.

Lifecycle (decided here; ClickSend documents the statuses, not the timing): a campaign whose send
time lies ahead is Scheduled. From its send time it is Queued for `queued_seconds`, then Sending
for `sending_seconds`, then Sent. A campaign scheduled more than about four months ahead is
accepted, as ClickSend accepts it, but never sent: at its send time it becomes Failed. Status is
computed from the clock, so advancing the clock moves campaigns along. Cancel and update are
allowed while Scheduled or Queued, never once Sending.

A schedule is kept as it was sent, a past one (or 0) included, as ClickSend's examples echo it;
the send time (`send_at`) is the schedule, or now when the schedule has passed. A campaign sent
without a schedule gets the moment it was sent.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Fields compared as whole numbers in a search; every other field matches by case-insensitive substring.
INTEGER_FIELDS = frozenset(
    {"sms_campaign_id", "user_id", "subaccount_id", "list_id", "schedule", "date_added", "unsubscribe_link"}
)
EDITABLE_STATUSES = frozenset({"Scheduled", "Queued"})
#: Sort fields stored on the record as the API shows them (status and the underscore fields are derived).
STORED_SORT_FIELDS = frozenset(
    {
        "sms_campaign_id",
        "name",
        "user_id",
        "subaccount_id",
        "list_id",
        "from",
        "body",
        "schedule",
        "date_added",
        "source",
    }
)


class Clock:
    """Wall-clock time plus an offset that tests (or /_emulator/clock) can advance.

    `freeze(at)` stops it at a moment (advance still moves it), so that recordings repeat exactly.
    """

    def __init__(self) -> None:
        self._offset = 0.0
        self._frozen_at: float | None = None
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            base = time.time() if self._frozen_at is None else self._frozen_at
            return base + self._offset

    def freeze(self, at: float) -> None:
        with self._lock:
            self._frozen_at, self._offset = at, 0.0

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds


@dataclass(frozen=True)
class Lifecycle:
    queued_seconds: float = 2.0
    sending_seconds: float = 5.0

    def status(self, record: dict[str, Any], now: float) -> str:
        if record.get("cancelled"):
            return "Cancelled"
        elapsed = now - record["send_at"]
        if elapsed < 0:
            return "Scheduled"
        if record.get("never_sent"):
            return "Failed"
        if elapsed < self.queued_seconds:
            return "Queued"
        if elapsed < self.queued_seconds + self.sending_seconds:
            return "Sending"
        return "Sent"


class CampaignStore:
    """Every campaign of every account. Records are plain dicts; `view` gives the API form."""

    def __init__(self, clock: Clock, lifecycle: Lifecycle, db_path: Path | None = None) -> None:
        self.clock, self.lifecycle = clock, lifecycle
        self._lock = threading.RLock()
        self._records: dict[int, dict[str, Any]] = {}
        self._next_id = 1_000
        self._db: sqlite3.Connection | None = None
        if db_path is not None:
            self._db = sqlite3.connect(db_path, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS campaigns (id INTEGER PRIMARY KEY, record TEXT NOT NULL)")
            self._db.commit()
            for (text,) in self._db.execute("SELECT record FROM campaigns ORDER BY id"):
                record = json.loads(text)
                if _answerable(record):  # a record an older emulator stored with a lone surrogate is left out
                    self._records[record["sms_campaign_id"]] = record
            self._next_id = max([self._next_id - 1, *self._records]) + 1

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _save(self, record: dict[str, Any]) -> None:
        if self._db is not None:
            self._db.execute(
                "INSERT OR REPLACE INTO campaigns (id, record) VALUES (?, ?)",
                (record["sms_campaign_id"], json.dumps(record)),
            )
            self._db.commit()

    def create(self, user_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            now = self.clock.now()
            record = {**fields, "sms_campaign_id": self._next_id, "user_id": user_id, "date_added": int(now)}
            record.setdefault("schedule", int(now))
            record["send_at"] = max(record["schedule"], now)
            self._next_id += 1
            self._records[record["sms_campaign_id"]] = record
            self._save(record)
            return dict(record)

    def load(self, records: Iterable[dict[str, Any]]) -> None:
        """Store ready-made records (each with its sms_campaign_id, user_id, date_added, send_at and
        schedule) in one transaction: seeding a large account for tests and benchmarks."""
        with self._lock:
            loaded = [dict(record) for record in records]
            for record in loaded:
                self._records[record["sms_campaign_id"]] = record
            if loaded:
                self._next_id = max(self._next_id, *(record["sms_campaign_id"] + 1 for record in loaded))
            if self._db is not None:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO campaigns (id, record) VALUES (?, ?)",
                        ((record["sms_campaign_id"], json.dumps(record)) for record in loaded),
                    )

    def get(self, user_id: int, campaign_id: int) -> dict[str, Any] | None:
        """The campaign if it exists and belongs to this account; None otherwise (no difference shown)."""
        with self._lock:
            record = self._records.get(campaign_id)
            return dict(record) if record is not None and record["user_id"] == user_id else None

    def change(self, user_id: int, campaign_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Apply `fields` if the campaign is this account's; the caller checks the status first (and
        gives `date_added` when the change counts as an update)."""
        with self._lock:
            record = self._records.get(campaign_id)
            if record is None or record["user_id"] != user_id:
                return None
            record.update(fields)
            if "schedule" in fields:
                record["send_at"] = max(fields["schedule"], self.clock.now())
            self._save(record)
            return dict(record)

    def status(self, record: dict[str, Any]) -> str:
        return self.lifecycle.status(record, self.clock.now())

    def of_account(self, user_id: int) -> list[dict[str, Any]]:
        """This account's records. Shared, not copied (paging 20,000 campaigns copies nothing): read only."""
        with self._lock:
            return [r for r in self._records.values() if r["user_id"] == user_id]

    def view(self, record: dict[str, Any]) -> dict[str, Any]:
        """The campaign as the API returns it."""
        return {
            "sms_campaign_id": record["sms_campaign_id"],
            "name": record["name"],
            "user_id": record["user_id"],
            "subaccount_id": record["subaccount_id"],
            "list_id": record["list_id"],
            "from": record.get("from", ""),
            "body": record["body"],
            "schedule": record["schedule"],
            "status": self.status(record),
            "date_added": record["date_added"],
            "custom_string": record.get("custom_string"),
            "url_to_shorten": record.get("url_to_shorten", ""),
            "unsubscribe_link": 0,
            "source": record.get("source"),
            "senders": record.get("senders", []),
            "_total_count": record["total_count"],
            "_list_name": record["list_name"],
        }


def matches(view: dict[str, Any], conditions: Iterable[tuple[str, str]], operator: str) -> bool:
    """Whether a campaign matches `q`: AND or OR of field:value conditions, case-insensitive.

    An empty value matches any value. Whole-number fields compare equal; text fields match when
    they contain the value.
    """
    results = []
    for field, wanted in conditions:
        actual = view.get(field)
        if wanted == "":
            results.append(True)
        elif field in INTEGER_FIELDS:
            # ASCII digits only ("²".isdigit() is true, int("²") fails), compared as text (no 5,000-digit int()).
            stripped = wanted.strip()
            exact = stripped.isascii() and stripped.isdigit()
            number = stripped.lstrip("0") or "0"
            results.append(exact and actual is not None and (str(actual).lstrip("0") or "0") == number)
        else:
            results.append(actual is not None and wanted.casefold() in str(actual).casefold())
    return any(results) if operator == "OR" else all(results)


def sort_key(field: str) -> Any:
    def key(view: dict[str, Any]) -> tuple[Any, ...]:
        value = view.get(field)
        if value is None:
            return (0, "", view["sms_campaign_id"])
        if isinstance(value, int | float):
            return (1, value, view["sms_campaign_id"])
        return (2, str(value).casefold(), view["sms_campaign_id"])

    return key


def _answerable(record: dict[str, Any]) -> bool:
    """Whether a stored record can be put into a UTF-8 answer."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
