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

import contextlib
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


class StoreError(Exception):
    """The store file cannot be used as a whole; the message (one line) names it and the problem."""


class StoreWriteFailed(Exception):
    """A change could not be committed to the store file; nothing was changed, in memory either."""


class CampaignStore:
    """Every campaign of every account. Records are plain dicts; `view` gives the API form.

    With a file, a write commits to SQLite first and changes memory only once the commit has
    succeeded, so a write that fails (the file locked by another process, a full disk, a store
    turned read-only) changes nothing and hands out no id. Writes take turns (`_writing`) and
    hold the memory lock only for the moments they read or swap a record, never while SQLite
    waits, so reads are never stuck behind a slow commit. A record is replaced, not changed in
    place, which keeps the records `of_account` shares consistent.
    """

    def __init__(
        self, clock: Clock, lifecycle: Lifecycle, db_path: Path | None = None, *, busy_timeout: float = 5.0
    ) -> None:
        self.clock, self.lifecycle = clock, lifecycle
        self._lock = threading.Lock()
        self._writing = threading.Lock()
        self._records: dict[int, dict[str, Any]] = {}
        self._next_id = 1_000
        self._db: sqlite3.Connection | None = None
        if db_path is not None:
            self._db, records = open_store(db_path, busy_timeout)
            self._records = {record["sms_campaign_id"]: record for record in records}
            self._next_id = max([self._next_id - 1, *self._records]) + 1

    def close(self) -> None:
        with self._writing, self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _commit(self, records: list[dict[str, Any]]) -> None:
        """Save `records` in one transaction; StoreWriteFailed (the transaction rolled back) if that fails."""
        if self._db is None:
            return
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO campaigns (id, record) VALUES (?, ?)",
                ((record["sms_campaign_id"], json.dumps(record)) for record in records),
            )
            self._db.commit()
        except (sqlite3.Error, OSError) as error:
            with contextlib.suppress(sqlite3.Error):
                self._db.rollback()
            raise StoreWriteFailed(f"the store could not save the change ({error}); nothing was changed") from None

    def create(self, user_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        with self._writing:
            now = self.clock.now()
            record = {**fields, "sms_campaign_id": self._next_id, "user_id": user_id, "date_added": int(now)}
            record.setdefault("schedule", int(now))
            record["send_at"] = max(record["schedule"], now)
            self._commit([record])
            with self._lock:
                self._records[record["sms_campaign_id"]] = record
                self._next_id += 1
            return dict(record)

    def load(self, records: Iterable[dict[str, Any]]) -> None:
        """Store ready-made records (each with its sms_campaign_id, user_id, date_added, send_at and
        schedule) in one transaction: seeding a large account for tests and benchmarks."""
        loaded = [dict(record) for record in records]
        damaged = [f"{record.get('sms_campaign_id')!r}: {problem}" for record in loaded
                   if (problem := _record_of(record.get("sms_campaign_id"), json.dumps(record))[1])]  # fmt: skip
        if damaged:
            raise ValueError(f"not whole campaign records, nothing loaded: {'; '.join(damaged[:5])}")
        with self._writing:
            self._commit(loaded)
            with self._lock:
                for record in loaded:
                    self._records[record["sms_campaign_id"]] = record
                if loaded:
                    self._next_id = max(self._next_id, *(record["sms_campaign_id"] + 1 for record in loaded))

    def get(self, user_id: int, campaign_id: int) -> dict[str, Any] | None:
        """The campaign if it exists and belongs to this account; None otherwise (no difference shown)."""
        with self._lock:
            record = self._records.get(campaign_id)
            return dict(record) if record is not None and record["user_id"] == user_id else None

    def change(self, user_id: int, campaign_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Apply `fields` if the campaign is this account's; the caller checks the status first (and
        gives `date_added` when the change counts as an update)."""
        with self._writing:
            with self._lock:
                current = self._records.get(campaign_id)
            if current is None or current["user_id"] != user_id:
                return None
            record = {**current, **fields}
            if "schedule" in fields:
                record["send_at"] = max(fields["schedule"], self.clock.now())
            self._commit([record])
            with self._lock:
                self._records[campaign_id] = record
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


#: What every stored record holds, with the types the views and lists rely on.
_RECORD_FIELDS: dict[str, tuple[type, ...]] = {
    "sms_campaign_id": (int,),
    "user_id": (int,),
    "subaccount_id": (int,),
    "list_id": (int,),
    "name": (str,),
    "body": (str,),
    "schedule": (int,),
    "date_added": (int,),
    "send_at": (int, float),
    "total_count": (int,),
    "list_name": (str,),
}
#: The campaigns table as the emulator creates it: (column, type, NOT NULL, primary key).
_SCHEMA = [("id", "INTEGER", 0, 1), ("record", "TEXT", 1, 0)]


def open_store(path: Path, busy_timeout: float) -> tuple[sqlite3.Connection, list[dict[str, Any]]]:
    """The store file opened and read whole, or StoreError: a file that is not an SQLite database,
    is damaged, has another schema, or holds any record that is not a whole campaign is refused,
    with nothing loaded. A missing file is created (its folder must exist)."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: its folder {path.parent} does not exist")
    try:
        db = sqlite3.connect(path, timeout=busy_timeout, check_same_thread=False)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot be opened ({error})") from None
    try:
        return db, _read_store(db, path)
    except BaseException:
        db.close()
        raise


def _read_store(db: sqlite3.Connection, path: Path) -> list[dict[str, Any]]:
    try:
        check = [row[0] for row in db.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise StoreError(f"{path}: is damaged (SQLite's quick_check: {'; '.join(map(str, check[:3]))})")
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if not tables:
            db.execute("CREATE TABLE campaigns (id INTEGER PRIMARY KEY, record TEXT NOT NULL)")
            db.commit()
            return []
        if "campaigns" not in tables:
            raise StoreError(f"{path}: is an SQLite database but not an emulator store (tables: {', '.join(tables)})")
        columns = [(row[1], str(row[2]).upper(), row[3], row[5]) for row in db.execute("PRAGMA table_info(campaigns)")]
        if columns != _SCHEMA:
            shown = ", ".join(
                f"{name} {kind}{' NOT NULL' * bool(not_null)}".strip() for name, kind, not_null, _ in columns
            )
            raise StoreError(f"{path}: its campaigns table is not the emulator's (columns: {shown})")
        rows = db.execute("SELECT id, record FROM campaigns ORDER BY id").fetchall()
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            raise StoreError(f"{path}: is locked by another process ({error}); try again when it is done") from None
        raise StoreError(f"{path}: is not a readable SQLite store ({error})") from None
    except sqlite3.Error as error:  # "file is not a database", "database disk image is malformed", ...
        raise StoreError(f"{path}: is not a readable SQLite store ({error})") from None
    records, damaged = [], []
    for row_id, text in rows:
        record, problem = _record_of(row_id, text)
        if problem is None:
            records.append(record)
        else:
            damaged.append(f"id {row_id} ({problem})")
    if damaged:
        listed = ", ".join(damaged[:10]) + (f" and {len(damaged) - 10} more" if len(damaged) > 10 else "")
        raise StoreError(f"{path}: {len(damaged)} damaged record(s), so nothing was loaded: {listed}")
    return records


def _record_of(row_id: Any, text: Any) -> tuple[dict[str, Any], str | None]:
    """The record stored in a row, or what is wrong with it."""
    if not isinstance(text, str):
        return {}, "the record is NULL" if text is None else "the record is not text"
    try:
        record = json.loads(text)
    except ValueError:
        return {}, "not JSON"
    if not isinstance(record, dict):
        return {}, "not a JSON object"
    for name, kinds in _RECORD_FIELDS.items():
        value = record.get(name)
        if value is None:
            return {}, f"{name} is missing or null"
        if isinstance(value, bool) or not isinstance(value, kinds):
            return {}, f"{name} is not {'a number' if float in kinds else 'an integer' if int in kinds else 'text'}"
    if record["sms_campaign_id"] != row_id:
        return {}, f"its sms_campaign_id is {record['sms_campaign_id']}"
    try:  # an older emulator stored lone surrogates, which no UTF-8 answer can carry
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return {}, "holds text that is not UTF-8 (a lone surrogate)"
    return record, None
