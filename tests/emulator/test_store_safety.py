"""The emulator's store: a write that fails changes nothing; a damaged file is refused whole with
one line; one account's heavy requests do not stall another's.
"""

from __future__ import annotations

import concurrent.futures
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from clicksend_emulator import EmulatorConfig, run_emulator
from clicksend_emulator.app import Emulator
from clicksend_emulator.seed import DEFAULT_ACCOUNTS, SMALL_LIST_ID
from clicksend_emulator.store import CampaignStore, Clock, Lifecycle, StoreError

from benchmarks.run import b_latencies_while_a_prices

A, B = DEFAULT_ACCOUNTS[0], DEFAULT_ACCOUNTS[1]
IN_A_WEEK = int(time.time()) + 7 * 86400


def _client(base_url: str, account: Any = A) -> httpx.Client:
    return httpx.Client(base_url=base_url, auth=(account.username, account.api_key), timeout=30)


def _send(client: httpx.Client, name: str = "Spring", body: str = "Hi") -> httpx.Response:
    campaign = {"list_id": SMALL_LIST_ID, "name": name, "body": body, "schedule": IN_A_WEEK}
    return client.post("/sms-campaigns/send", json=campaign)


def _names_and_statuses(client: httpx.Client) -> dict[str, str]:
    listed = client.get("/sms-campaigns", params={"limit": 100}).json()["data"]["data"]
    return {campaign["name"]: campaign["status"] for campaign in listed}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "campaigns.sqlite3"


@pytest.fixture
def locked_by_another_process(db: Path) -> Iterator[Callable[[], Callable[[], None]]]:
    """lock() makes a second process hold the store's write lock until the function it returns is called."""
    holders: list[subprocess.Popen[str]] = []

    def lock() -> Callable[[], None]:
        script = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); sys.stdin.read()"
        )
        holder = subprocess.Popen(
            [sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        return lambda: holder.communicate("", timeout=10) and None

    yield lock
    for holder in holders:
        if holder.poll() is None:
            holder.communicate("", timeout=10)


def test_a_write_to_a_store_another_process_locked_changes_nothing(
    db: Path, locked_by_another_process: Callable[[], Callable[[], None]]
) -> None:
    config = EmulatorConfig(db_path=db, store_busy_timeout=0.2)
    with run_emulator(config=config) as running, _client(running.base_url) as client:
        first = _send(client, "Before the lock").json()["data"]["sms_campaign"]
        release = locked_by_another_process()
        failed_send = _send(client, "While locked")
        failed_cancel = client.put(f"/sms-campaigns/{first['sms_campaign_id']}/cancel")
        failed_update = client.put(
            f"/sms-campaigns/{first['sms_campaign_id']}",
            json={"list_id": SMALL_LIST_ID, "name": "Renamed", "body": "Hi", "schedule": IN_A_WEEK + 60},
        )
        for failed in (failed_send, failed_cancel, failed_update):
            assert failed.status_code == 500 and "nothing was changed" in failed.json()["response_msg"]
        assert _names_and_statuses(client) == {"Before the lock": "Scheduled"}, "memory is as it was"
        with pytest.raises(StoreError, match="is locked by another process"):
            Emulator(EmulatorConfig(db_path=db, store_busy_timeout=0.2))
        release()
    with run_emulator(config=EmulatorConfig(db_path=db)) as running, _client(running.base_url) as client:
        assert _names_and_statuses(client) == {"Before the lock": "Scheduled"}, "the file is as it was"
        after = _send(client, "After the lock").json()["data"]["sms_campaign"]
    assert after["sms_campaign_id"] == first["sms_campaign_id"] + 1, "no id was handed out by the failed send"


@pytest.mark.parametrize(
    ("pragma", "reason"),
    [("PRAGMA query_only = ON", "read-only"), ("PRAGMA max_page_count = {pages}", "full")],
    ids=["read-only store", "full disk"],
)
def test_a_store_that_cannot_take_a_write_changes_nothing(db: Path, pragma: str, reason: str) -> None:
    emulator = Emulator(EmulatorConfig(db_path=db))
    with run_emulator(emulator) as running, _client(running.base_url) as client:
        first = _send(client, "Kept").json()["data"]["sms_campaign"]
        connection = emulator.store._db
        assert connection is not None
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(pragma.format(pages=pages))
        big_body = "word " * 2000  # needs pages the full disk does not have
        assert _send(client, "Refused", big_body).status_code == 500
        if reason == "read-only":  # a full disk may still take a change that fits its pages
            assert client.put(f"/sms-campaigns/{first['sms_campaign_id']}/cancel").status_code == 500
        assert _names_and_statuses(client) == {"Kept": "Scheduled"}
    reopened = CampaignStore(Clock(), Lifecycle(), db)
    assert [record["name"] for record in reopened.of_account(A.user_id)] == ["Kept"]
    reopened.close()


# --- damaged store files ---------------------------------------------------------------------


def _good_store(path: Path) -> None:
    store = CampaignStore(Clock(), Lifecycle(), path)
    for index in range(3):
        fields = {"name": f"C{index}", "list_id": SMALL_LIST_ID, "body": "Hi", "subaccount_id": A.subaccount_id,
                  "total_count": 8, "list_name": "Customers", "schedule": IN_A_WEEK}  # fmt: skip
        store.create(A.user_id, fields)
    store.close()


def _edit_record(path: Path, change: Callable[[dict[str, Any]], Any], *, raw: str | None = None) -> None:
    import json

    with sqlite3.connect(path) as connection:
        (row_id, text) = connection.execute("SELECT id, record FROM campaigns ORDER BY id LIMIT 1 OFFSET 1").fetchone()
        record = json.loads(text)
        change(record)
        connection.execute("UPDATE campaigns SET record = ? WHERE id = ?", (raw or json.dumps(record), row_id))
    connection.close()


def _rewrite(path: Path, make: Callable[[bytes], bytes]) -> None:
    path.write_bytes(make(path.read_bytes()))


def _other_schema(path: Path, ddl: str, rows: str = "") -> None:
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.executescript(ddl + rows)
    connection.close()


def _zero_page(data: bytes, page: int) -> bytes:
    size = int.from_bytes(data[16:18], "big") or 65536
    return data[: page * size] + bytes(size) + data[(page + 1) * size :]


#: name -> (how the good store is damaged, what the one line says)
DAMAGES: dict[str, tuple[Callable[[Path], Any], str]] = {
    "truncated to 100 bytes": (lambda p: _rewrite(p, lambda d: d[:100]), "is not a readable SQLite store"),
    "truncated by half": (lambda p: _rewrite(p, lambda d: d[: len(d) // 2]), "SQLite"),
    "garbage": (lambda p: p.write_bytes(bytes(range(256)) * 40), "is not a readable SQLite store"),
    "all zeros": (lambda p: p.write_bytes(bytes(8192)), "is not a readable SQLite store"),
    "a zeroed data page": (lambda p: _rewrite(p, lambda d: _zero_page(d, 1)), "SQLite"),
    "a record that is not JSON": (lambda p: _edit_record(p, lambda r: r, raw="{not json"), "id 1001 (not JSON)"),
    "a record that is a list": (lambda p: _edit_record(p, lambda r: r, raw="[1, 2]"), "id 1001 (not a JSON object)"),
    "a record without its id": (
        lambda p: _edit_record(p, lambda r: r.pop("sms_campaign_id")),
        "id 1001 (sms_campaign_id is missing or null)",
    ),
    "a record whose id differs": (
        lambda p: _edit_record(p, lambda r: r.update(sms_campaign_id=1000)),
        "id 1001 (its sms_campaign_id is 1000)",
    ),
    "a record without user_id": (
        lambda p: _edit_record(p, lambda r: r.pop("user_id")),
        "id 1001 (user_id is missing or null)",
    ),
    "user_id null": (
        lambda p: _edit_record(p, lambda r: r.update(user_id=None)),
        "id 1001 (user_id is missing or null)",
    ),
    "user_id as text": (
        lambda p: _edit_record(p, lambda r: r.update(user_id="1001")),
        "id 1001 (user_id is not an integer)",
    ),
    "a record without send_at": (
        lambda p: _edit_record(p, lambda r: r.pop("send_at")),
        "id 1001 (send_at is missing or null)",
    ),
    "a lone surrogate": (
        lambda p: _edit_record(p, lambda r: r.update(name="\ud800")),
        "id 1001 (holds text that is not UTF-8",
    ),
    "a NULL record in a table without NOT NULL": (
        lambda p: _other_schema(
            p,
            "CREATE TABLE campaigns (id INTEGER PRIMARY KEY, record TEXT);",
            "INSERT INTO campaigns VALUES (1, NULL);",
        ),
        "its campaigns table is not the emulator's (columns: id INTEGER, record TEXT)",
    ),
    "a wrong schema": (
        lambda p: _other_schema(p, "CREATE TABLE campaigns (id TEXT, body BLOB);"),
        "its campaigns table is not the emulator's (columns: id TEXT, body BLOB)",
    ),
    "another program's database": (
        lambda p: _other_schema(p, "CREATE TABLE notes (text TEXT);"),
        "is an SQLite database but not an emulator store (tables: notes)",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_store_is_refused_whole_with_one_line(db: Path, damage: str) -> None:
    _good_store(db)
    make_damage, said = DAMAGES[damage]
    make_damage(db)
    with pytest.raises(StoreError) as refused:
        Emulator(EmulatorConfig(db_path=db))
    message = str(refused.value)
    assert message.startswith(f"{db}: ") and said in message and "\n" not in message


def test_a_directory_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory, not a store file"):
        Emulator(EmulatorConfig(db_path=tmp_path))
    with pytest.raises(StoreError, match=r"its folder .* does not exist"):
        Emulator(EmulatorConfig(db_path=tmp_path / "missing" / "campaigns.sqlite3"))


def test_every_damaged_record_is_listed_by_id(db: Path) -> None:
    _good_store(db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE campaigns SET record = 'x'")
    connection.close()
    with pytest.raises(StoreError, match=r"3 damaged record\(s\), so nothing was loaded: id 1000 .*id 1001 .*id 1002"):
        Emulator(EmulatorConfig(db_path=db))


def test_an_empty_file_is_a_new_store(db: Path) -> None:
    db.write_bytes(b"")
    assert Emulator(EmulatorConfig(db_path=db)).store.of_account(A.user_id) == []


@pytest.mark.parametrize("damage", ["garbage", "a record without user_id"])
def test_the_command_ends_with_one_line_and_exit_2(db: Path, damage: str) -> None:
    _good_store(db)
    DAMAGES[damage][0](db)
    ran = subprocess.run(
        [sys.executable, "-m", "clicksend_emulator", "--db", str(db), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 2 and ran.stdout == ""
    assert ran.stderr.startswith(f"clicksend-emulator: error: {db}: ") and ran.stderr.count("\n") == 1


# --- one account never stalls another --------------------------------------------------------


def test_an_account_reads_on_while_another_prices_its_largest_list() -> None:
    with run_emulator() as running:
        latencies, took = b_latencies_while_a_prices(running.base_url)
    assert latencies, "the prices ended before any read was made"
    worst = max(latencies)
    assert worst < 1.0, f"B waited {worst:.2f} s (median {statistics.median(latencies) * 1000:.0f} ms) behind A"
    assert took < 30, f"8 prices of the largest list took {took:.1f} s"


# --- kill -9 in the middle of writes ---------------------------------------------------------


def _serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "clicksend_emulator", "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("ClickSend emulator on "), line + (process.stderr.read() if process.stderr else "")
    return process, line.removeprefix("ClickSend emulator on ").strip()


@pytest.mark.slow  # starts and kills emulator processes
def test_after_kill_9_every_acknowledged_write_is_there_once_and_no_id_is_reused(db: Path) -> None:
    acknowledged: dict[int, str] = {}
    cancelled: set[int] = set()
    for round_number in range(3):
        process, base_url = _serve(db)

        def writer(worker: int, base_url: str = base_url, round_number: int = round_number) -> None:
            with _client(base_url) as client:
                for index in range(10_000):
                    name = f"r{round_number} w{worker} #{index}"
                    try:
                        answer = _send(client, name)
                        if answer.status_code == 200:
                            campaign_id = answer.json()["data"]["sms_campaign"]["sms_campaign_id"]
                            assert campaign_id not in acknowledged, f"id {campaign_id} handed out twice"
                            acknowledged[campaign_id] = name
                            if index % 5 == 0 and client.put(f"/sms-campaigns/{campaign_id}/cancel").status_code == 200:
                                cancelled.add(campaign_id)
                    except httpx.TransportError:
                        return  # killed

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(writer, n) for n in range(4)]
            time.sleep(1.5)
            process.kill()
            process.wait(timeout=10)
            for future in futures:
                future.result()
    process, base_url = _serve(db)
    try:
        with _client(base_url) as client:
            listed: dict[int, tuple[str, str]] = {}
            page = 1
            while True:
                data = client.get("/sms-campaigns", params={"limit": 100, "page": page}).json()["data"]
                listed |= {c["sms_campaign_id"]: (c["name"], c["status"]) for c in data["data"]}
                if page >= data["last_page"]:
                    break
                page += 1
    finally:
        process.kill()
        process.wait(timeout=10)
    assert len(acknowledged) > 100, "the writers got going"
    print(f"{len(acknowledged)} acknowledged sends, {len(cancelled)} cancels over 3 kill -9 rounds")
    lost = [campaign_id for campaign_id, name in acknowledged.items() if listed.get(campaign_id, ("",))[0] != name]
    assert lost == [], f"{len(lost)} acknowledged sends lost or changed"
    assert all(listed[campaign_id][1] == "Cancelled" for campaign_id in cancelled), "an acknowledged cancel was lost"
