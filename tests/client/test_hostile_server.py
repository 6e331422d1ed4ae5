"""Whatever a server sends, every operation, sync and async, returns a model or raises a ClickSendError;
send reaches the server at most once; a call ends by its deadline; an answer costs bounded memory.

The attacks live in tests/hostile/attacks.py, shared with the report that counts them
(`python -m tests.hostile.report`). Hypothesis draws statuses, headers (Retry-After in every form),
encodings, bodies and damaged success answers; the scripted scenarios are played one by one.
"""

from __future__ import annotations

import copy
import json
import logging
import pickle
import time
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import (
    AnswerTooLargeError,
    ClickSendClient,
    ConnectionFailedError,
    DeadlineExceededError,
    MalformedResponseError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from clicksend_sms_campaigns._core.bounds import with_deadline_backend
from clicksend_sms_campaigns.api.sms_campaigns import get_sms_campaign, list_sms_campaigns, send_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaignSendRequest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.attacks import (
    BODIES,
    ENCODED,
    HEADERS,
    MEMORY_SCENARIOS,
    MODES,
    OPERATIONS,
    RETRY_AFTER,
    SCRIPTED,
    STATUSES,
    Behaviour,
    attack,
    encoded_answer,
    mutated_success,
    scripted,
    success_answer,
)
from tests.hostile.server import drip, hostile_server

pytestmark = pytest.mark.slow  # hostile server attacks on the client

CASES = st.tuples(st.sampled_from(sorted(OPERATIONS)), st.sampled_from(MODES))
HOSTILE = settings(
    max_examples=120, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
JSON_TYPE = [("Content-Type", "application/json")]
TIMED = frozenset(
    {"a byte every 0.15 s", "headers, then silence", "no answer at all", "body dripped after prompt headers"}
)


def _fine(behaviour: Behaviour, operation: str, mode: str, **options: Any) -> None:
    outcome = attack(behaviour, operation, mode, **options)
    assert outcome.problems == [], (operation, mode, outcome)


@HOSTILE
@given(case=CASES, status=STATUSES, body=BODIES)
def test_any_status_with_any_body(case: tuple[str, str], status: int, body: bytes) -> None:
    _fine(Behaviour.answer(status, body, JSON_TYPE), *case)


@HOSTILE
@given(case=CASES, status=st.sampled_from([200, 400, 429, 500, 503]), headers=HEADERS, retry_after=RETRY_AFTER)
def test_any_headers_and_every_form_of_retry_after(
    case: tuple[str, str], status: int, headers: list[tuple[str, str]], retry_after: str
) -> None:
    _fine(Behaviour.answer(status, b'{"http_code": 429}', [*headers, ("Retry-After", retry_after)]), *case)


@HOSTILE
@given(case=CASES, encoded=ENCODED)
def test_any_content_encoding_intact_or_damaged(case: tuple[str, str], encoded: tuple[str, str]) -> None:
    _fine(encoded_answer(*encoded, case[0]), *case)


@HOSTILE
@given(data=st.data(), case=CASES)
def test_a_success_answer_with_a_field_removed_or_of_any_type(data: st.DataObject, case: tuple[str, str]) -> None:
    body = data.draw(mutated_success(case[0]))
    _fine(Behaviour.answer(200, body, JSON_TYPE), *case)


def _scripted_cases() -> list[Any]:
    cases = []
    for name in SCRIPTED:
        operations = ("send", "walk") if name in TIMED or name in MEMORY_SCENARIOS else sorted(OPERATIONS)
        for operation in operations:
            for mode in MODES:
                cases.append(pytest.param(name, operation, mode, id=f"{name}-{operation}-{mode}"))
    return cases


@pytest.mark.parametrize(("name", "operation", "mode"), _scripted_cases())
def test_scripted_scenario(name: str, operation: str, mode: str) -> None:
    _fine(scripted(name, operation), operation, mode, measure_memory=name in MEMORY_SCENARIOS)


# --- The bounds, one by one ------------------------------------------------------------------


def _client(base_url: str, **options: Any) -> ClickSendClient:
    options.setdefault("retry_policy", RetryPolicy(max_retries=2, backoff_base=0.0))
    return ClickSendClient("hostile", "hostile-key-5d1f", base_url=base_url, **options)


def test_a_deadline_for_one_call_wins_over_the_clients() -> None:
    ok = json.dumps(success_answer("get")).encode()
    slow = Behaviour(drip(f"HTTP/1.1 200 OK\r\nContent-Length: {len(ok)}\r\n\r\n".encode() + ok, 0.1))
    with hostile_server(slow) as server, _client(server.base_url, deadline=30) as client:
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError) as raised:
            get_sms_campaign.sync(client=client, sms_campaign_id=7, deadline=0.6)
        assert time.monotonic() - started < 1.2
    assert "deadline" in str(raised.value)


def test_a_retry_wait_that_would_end_after_the_deadline_is_not_started() -> None:
    limited = Behaviour.answer(503, b'{"http_code": 503}', [("Retry-After", "5")])
    with hostile_server(limited) as server:
        server.default = limited
        policy = RetryPolicy(max_retries=3, backoff_base=2.0, backoff_max=2.0)
        with _client(server.base_url, deadline=1.0, retry_policy=policy) as client:
            started = time.monotonic()
            with pytest.raises(Exception) as raised:
                get_sms_campaign.sync(client=client, sms_campaign_id=7)
            assert time.monotonic() - started < 0.5, "no backoff of 1 to 2 s was waited with 1 s left"
        assert len(server.requests) == 1
    assert type(raised.value).__name__ == "ServerError", "the last answer stands"


def test_the_default_transports_cap_every_socket_wait_by_the_deadline() -> None:
    # If a future httpcore moved the pool's backend, the deadline would fall back to coarser checks.
    assert with_deadline_backend(httpx.HTTPTransport()) and with_deadline_backend(httpx.AsyncHTTPTransport())


def test_the_answer_size_limit_is_configurable() -> None:
    big = Behaviour.answer(200, json.dumps({**success_answer("get"), "pad": "x" * 5000}).encode(), JSON_TYPE)
    with hostile_server(big) as server:
        with _client(server.base_url, max_answer_bytes=1000) as client, pytest.raises(AnswerTooLargeError) as raised:
            get_sms_campaign.sync(client=client, sms_campaign_id=7)
        assert isinstance(raised.value, MalformedResponseError) and raised.value.status == 200
        assert "1000-byte limit" in str(raised.value) and "get_sms_campaign" in str(raised.value)
        server.default = big
        with _client(server.base_url, max_answer_bytes=None) as client:
            assert get_sms_campaign.sync(client=client, sms_campaign_id=7).data.sms_campaign_id == 7


def test_an_answer_too_large_for_send_is_not_sent_again() -> None:
    big = Behaviour.answer(200, b"[" + b"1," * 3_000_000 + b"1]", JSON_TYPE)
    with hostile_server(big) as server:
        server.default = big
        with _client(server.base_url) as client, pytest.raises(AnswerTooLargeError):
            send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest(list_id=428, name="n", body="b"))
        assert len(server.requests) == 1


@pytest.mark.parametrize(
    "value", ["Fri, 31 Dec 99999 23:59:59 GMT", "Tue, 1 Jan 1970 00:00:00 +9999", "1e999", "nan", "-5", "9" * 400]
)
def test_retry_after_in_any_form_reads_as_seconds_or_none(value: str) -> None:
    with (
        hostile_server(Behaviour.answer(429, b"{}", [("Retry-After", value)])) as server,
        _client(server.base_url, retry_policy=RetryPolicy(max_retries=0)) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        list_sms_campaigns.sync(client=client)
    seconds = raised.value.retry_after
    assert seconds is None or seconds >= 0


# --- Nothing leaves when something cannot be sent, and the key stays hidden -------------------


@pytest.mark.parametrize("value", ["a\r\nX-Injected: 1", "a\nb", "a\x00b", "\u00e9t\u00e9"])
def test_a_header_that_cannot_be_sent_is_refused_when_the_client_is_built(value: str) -> None:
    with pytest.raises(ValueError, match="header"):
        ClickSendClient("u", "k", headers={"X-Tag": value})


def test_a_request_that_cannot_be_written_never_leaves_and_is_connection_failed() -> None:
    with hostile_server() as server, _client(server.base_url) as client:
        client.get_httpx_client().headers["X-Tag"] = "a\r\nb"  # past the constructor's check
        with pytest.raises(ConnectionFailedError):
            send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest(list_id=428, name="n", body="b"))
        assert server.requests == []


@pytest.mark.parametrize("base_url", ["https://user:key@rest.clicksend.com/v3", "https://user@rest.clicksend.com/v3"])
def test_credentials_in_the_base_url_are_refused_without_being_shown(base_url: str) -> None:
    with pytest.raises(ValueError) as raised:
        ClickSendClient("u", "k", base_url=base_url)
    assert "key" not in str(raised.value).replace("api_key", "") and "user:" not in str(raised.value)


@pytest.mark.parametrize(
    "base_url", ["https://user:s3cr3t@host:abc/v3", "https://user:s3cr3t@[::1/v3", "ftp://user:s3cr3t@h/v3"]
)
def test_a_malformed_base_url_with_credentials_is_refused_without_quoting_them(base_url: str) -> None:
    with pytest.raises(ValueError) as raised:
        ClickSendClient("u", "k", base_url=base_url)
    assert "s3cr3t" not in str(raised.value)


def test_a_client_cannot_be_pickled_or_copied() -> None:
    client = ClickSendClient("alice", "secret-key-4f1c")
    for attempt in (lambda: pickle.dumps(client), lambda: copy.copy(client), lambda: copy.deepcopy(client)):
        with pytest.raises(TypeError) as raised:
            attempt()
        assert "secret-key-4f1c" not in str(raised.value)


def test_no_log_line_at_any_level_carries_the_key_or_the_query(caplog: pytest.LogCaptureFixture) -> None:
    answer = Behaviour.answer(200, json.dumps(success_answer("list")).encode(), JSON_TYPE)
    with hostile_server(answer) as server, caplog.at_level(logging.DEBUG):
        server.default = Behaviour.answer(503, b"{}")
        with _client(server.base_url, retry_policy=RetryPolicy(max_retries=1, backoff_base=0.0)) as client:
            list_sms_campaigns.sync(client=client, q="from:+61411111111")
            with pytest.raises(ServerError):
                list_sms_campaigns.sync(client=client, q="from:+61422222222")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "HTTP Request: GET" in text and "?<redacted>" in text, "httpx's own line is there, without its query"
    for secret in ("hostile-key-5d1f", "aG9zdGlsZT", "61411111111", "61422222222", "from%3A"):
        assert secret not in text, secret
