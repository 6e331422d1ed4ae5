"""No client's mistake makes the emulator answer 500 or leaves a trace (tests/hostile/emulator_attacks.py).

Hypothesis sends raw bodies, query strings, headers, paths and administration inputs; the
scripted cases are the ones a review found breaking it, each a regression test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from clicksend_emulator import Emulator, EmulatorConfig, RunningEmulator, run_emulator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.emulator.conftest import http
from tests.hostile.emulator_attacks import (
    ADMIN_BODIES,
    ADMIN_PATHS,
    API_PATHS,
    AUTHORIZATION,
    GOOD_AUTH,
    HEADERS,
    METHODS,
    PATHS,
    QUERIES,
    RAW_BODIES,
    attack,
    state,
)

pytestmark = pytest.mark.slow  # hostile attacks on the emulator

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CAMPAIGN = {"list_id": 428, "name": "Spring", "body": "Hello"}


@pytest.fixture(scope="module")
def shared() -> Iterator[RunningEmulator]:
    with run_emulator(Emulator(EmulatorConfig())) as server:
        with http(server) as client:  # something to change, so a change would show
            client.post("/sms-campaigns/send", json={**CAMPAIGN, "schedule": 1_990_000_000})
        yield server


@FUZZ
@given(method=st.sampled_from(METHODS), path=st.sampled_from(API_PATHS), body=RAW_BODIES, auth=AUTHORIZATION)
def test_raw_bodies(shared: RunningEmulator, method: str, path: str, body: bytes, auth: bytes) -> None:
    headers = [(b"Authorization", auth), (b"Content-Type", b"application/json")]
    assert attack(shared, method, path, headers, body) == []


@FUZZ
@given(query=QUERIES, auth=AUTHORIZATION)
def test_query_strings(shared: RunningEmulator, query: httpx.QueryParams, auth: bytes) -> None:
    path = "/v3/sms-campaigns?" + str(query) if query else "/v3/sms-campaigns"
    assert attack(shared, "GET", path, [(b"Authorization", auth)], b"") == []


@FUZZ
@given(method=st.sampled_from(METHODS), path=st.sampled_from(API_PATHS), headers=HEADERS)
def test_headers(shared: RunningEmulator, method: str, path: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps(CAMPAIGN).encode()
    if not any(name == b"Content-Length" for name, _ in headers):
        assert attack(shared, method, path, headers, body) == []


@FUZZ
@given(method=st.sampled_from(METHODS), path=PATHS)
def test_paths(shared: RunningEmulator, method: str, path: str) -> None:
    assert attack(shared, method, path, [(b"Authorization", GOOD_AUTH.encode())], json.dumps(CAMPAIGN).encode()) == []


@FUZZ
@given(method=st.sampled_from(["GET", "POST", "DELETE", "PUT"]), path=st.sampled_from(ADMIN_PATHS), body=ADMIN_BODIES)
def test_administration_inputs(shared: RunningEmulator, method: str, path: str, body: bytes) -> None:
    assert attack(shared, method, path, [(b"Content-Type", b"application/json")], body) == []
    shared.emulator.faults.clear()  # a valid fault must not break the next example
    with http(shared) as client:
        assert client.get("/sms-campaigns").status_code == 200


# --- What the review found, one by one ------------------------------------------------------


def test_a_lone_surrogate_is_refused_and_stores_nothing(tmp_path: Path) -> None:
    config = EmulatorConfig(db_path=tmp_path / "state.sqlite")
    with run_emulator(config=config) as server, http(server) as client:
        answer = client.post("/sms-campaigns/send", content=b'{"list_id": 428, "name": "x\\ud800", "body": "b"}')
        assert (answer.status_code, answer.json()["data"]) == (
            400,
            {"name": "contains a lone surrogate, which is not text."},
        )
        assert client.get("/sms-campaigns").json()["data"]["total"] == 0
    with run_emulator(config=config) as server, http(server) as client:
        assert client.get("/sms-campaigns").status_code == 200, "nor across a restart"


def test_head_reads_like_get_and_changes_nothing(running: RunningEmulator) -> None:
    with http(running) as client:
        campaign = client.post("/sms-campaigns/send", json={**CAMPAIGN, "schedule": 1_990_000_000}).json()["data"]
        path = f"/sms-campaigns/{campaign['sms_campaign']['sms_campaign_id']}"
        before = state(running)
        head = client.head(path)
        assert (head.status_code, head.content) == (200, b"")
        assert state(running) == before
        assert client.head(path + "/cancel").status_code == 405


@pytest.mark.parametrize("authorization", ["Basic ü".encode(), "Bäsic eDp5".encode(), b"Basic \xff\xfe"])
def test_an_authorization_header_outside_ascii_is_401(running: RunningEmulator, authorization: bytes) -> None:
    answer = httpx.get(running.base_url + "/sms-campaigns", headers=[(b"Authorization", authorization)])
    assert (answer.status_code, answer.json()["response_code"]) == (401, "UNAUTHORIZED")


@pytest.mark.parametrize("q", ["sms_campaign_id:²", "list_id:①", "user_id:" + "9" * 5000, "schedule:٣"])
def test_a_search_for_odd_digits_matches_nothing(running: RunningEmulator, q: str) -> None:
    with http(running) as client:
        client.post("/sms-campaigns/send", json=CAMPAIGN)
        answer = client.get("/sms-campaigns", params={"q": q})
    assert (answer.status_code, answer.json()["data"]["total"]) == (200, 0)


def test_a_body_nested_3000_deep_is_400(running: RunningEmulator) -> None:
    with http(running) as client:
        for body in (
            b"[" * 3000 + b"]" * 3000,
            b'{"list_id": 428, "name": "n", "body": "b", "x": ' + b"[" * 3000 + b"]" * 3000 + b"}",
        ):
            answer = client.post("/sms-campaigns/send", content=body)
            assert answer.status_code == 400, answer.text[:200]
        assert client.get("/sms-campaigns").json()["data"]["total"] == 0


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/_emulator/clock", b'{"advance": "nan"}'),
        ("/_emulator/clock", b'{"advance": NaN}'),
        ("/_emulator/clock", b'{"advance": 1e300}'),
        ("/_emulator/faults", b'{"kind": "server_error", "count": 1.5}'),
        ("/_emulator/faults", b'{"kind": "server_error", "count": true}'),
        ("/_emulator/faults", b'{"kind": "latency", "count": 1, "seconds": NaN}'),
        ("/_emulator/faults", b'{"kind": "drop", "count": 1, "operation": "nope"}'),
        ("/_emulator/faults", b'{"kind": "drop", "count": 1, "extra": 1}'),
        ("/_emulator/faults", b"[1]"),
    ],
)
def test_administration_refuses_what_would_break_it(running: RunningEmulator, path: str, body: bytes) -> None:
    before = state(running)
    answer = httpx.post(running.base_url.removesuffix("/v3") + path, content=body)
    assert (answer.status_code, answer.json()["response_code"]) == (400, "BAD_REQUEST")
    assert state(running) == before
    with http(running) as client:
        assert client.post("/sms-campaigns/send", json=CAMPAIGN).status_code == 200, "sends still work"


def test_administration_can_be_protected_by_a_token() -> None:
    with run_emulator(config=EmulatorConfig(admin_token="s3cret")) as server:
        admin = server.base_url.removesuffix("/v3") + "/_emulator/clock"
        refused = httpx.post(admin, json={"advance": 10})
        assert (refused.status_code, refused.json()["response_code"]) == (401, "UNAUTHORIZED")
        assert server.emulator.clock._offset == 0
        allowed = httpx.post(admin, json={"advance": 10}, headers={"X-Emulator-Token": "s3cret"})
        assert allowed.status_code == 200 and server.emulator.clock._offset == 10


def test_page_urls_come_from_the_configured_address_not_the_host_header() -> None:
    with (
        run_emulator(config=EmulatorConfig(public_base_url="https://emulator.example")) as server,
        http(server) as client,
    ):
        for _ in range(16):
            client.post("/sms-campaigns/send", json=CAMPAIGN)
        page = client.get("/sms-campaigns", params={"limit": 15}, headers={"Host": "evil.example"}).json()["data"]
    assert page["next_page_url"] == "https://emulator.example/v3/sms-campaigns?limit=15&page=2"


def test_page_urls_default_to_the_address_served_on(running: RunningEmulator) -> None:
    with http(running) as client:
        for _ in range(16):
            client.post("/sms-campaigns/send", json=CAMPAIGN)
        page = client.get("/sms-campaigns", params={"limit": 15}, headers={"Host": "evil.example"}).json()["data"]
    assert page["next_page_url"].startswith(running.base_url + "/sms-campaigns?")


@pytest.mark.parametrize("path", ["/sms-campaigns/", "/sms-campaigns/send/", "/sms-campaigns/7/cancel/"])
def test_a_trailing_slash_is_a_404_envelope_not_a_redirect(running: RunningEmulator, path: str) -> None:
    with http(running) as client:
        answer = client.request("POST" if "send" in path else "GET", path)
    assert (answer.status_code, answer.json()["response_code"]) == (404, "NOT_FOUND")


def test_every_administration_answer_is_an_envelope(running: RunningEmulator) -> None:
    root = running.base_url.removesuffix("/v3")
    for answer in (
        httpx.get(root + "/_emulator/health"),
        httpx.post(root + "/_emulator/clock", json={"advance": 1}),
        httpx.post(root + "/_emulator/faults", json={"kind": "drop", "count": 1}),
        httpx.delete(root + "/_emulator/faults"),
        httpx.post(root + "/_emulator/clock", content=b"not json"),
    ):
        assert set(answer.json()) == {"http_code", "response_code", "response_msg", "data"}, answer.text


def test_a_database_poisoned_by_an_older_emulator_is_refused_naming_the_record(tmp_path: Path) -> None:
    """An older emulator could store a lone surrogate, which no UTF-8 answer carries. Such a record
    used to be left out quietly; now the file is refused whole, naming it (issue 22)."""
    import sqlite3

    from clicksend_emulator.app import Emulator
    from clicksend_emulator.store import StoreError

    database = tmp_path / "state.sqlite"
    with run_emulator(config=EmulatorConfig(db_path=database)) as server, http(server) as client:
        kept = client.post("/sms-campaigns/send", json=CAMPAIGN).json()["data"]["sms_campaign"]
    poisoned = {**{key: value for key, value in kept.items() if not key.startswith("_")}, "name": "x\ud800"}
    poisoned |= {"sms_campaign_id": kept["sms_campaign_id"] + 1, "send_at": kept["schedule"], "total_count": 8,
                 "list_name": "Customers"}  # fmt: skip
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO campaigns VALUES (?, ?)", (poisoned["sms_campaign_id"], json.dumps(poisoned)))
    connection.close()
    with pytest.raises(StoreError, match=rf"id {poisoned['sms_campaign_id']} \(holds text that is not UTF-8"):
        Emulator(EmulatorConfig(db_path=database))
