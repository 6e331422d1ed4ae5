"""Retries: only what is safe to repeat, with backoff, jitter and Retry-After; send is never repeated."""

from __future__ import annotations

import asyncio
import logging
import random
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest
from clicksend_sms_campaigns import (
    ClickSendClient,
    ConnectionFailedError,
    OutcomeUnknownError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from clicksend_sms_campaigns._core.retries import OPERATION_EXTENSION, RetryingTransport
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    cancel_sms_campaign,
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaignPriceRequest, SmsCampaignSendRequest, SmsCampaignUpdateRequest

from tests.client.fakes import FakeClickSend, envelope, success_example

SEND = SmsCampaignSendRequest(list_id=428, name="n", body="b")
LATER = int(time.time()) + 7 * 86400
SAFE_CALLS: dict[str, Any] = {
    "list": lambda c: list_sms_campaigns.sync(client=c),
    "get": lambda c: get_sms_campaign.sync(client=c, sms_campaign_id=7),
    "price": lambda c: calculate_sms_campaign_price.sync(
        client=c, body=SmsCampaignPriceRequest(list_id=1, name="n", body="b")
    ),
    "update": lambda c: update_sms_campaign.sync(
        client=c, sms_campaign_id=7, body=SmsCampaignUpdateRequest(list_id=1, name="n", body="b", schedule=LATER)
    ),
    "cancel": lambda c: cancel_sms_campaign.sync(client=c, sms_campaign_id=7),
}
UNAVAILABLE = envelope(503, "SOMETHING_IS_WRONG", "Try again")


@pytest.mark.parametrize("name", list(SAFE_CALLS))
@pytest.mark.parametrize(
    "failure",
    [
        UNAVAILABLE,
        envelope(429, "TOO_MANY_REQUESTS", "Slow down"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("x"),
    ],
    ids=["503", "429", "read-timeout", "dropped"],
)
def test_safe_operations_are_retried_then_succeed(name: str, failure: Any) -> None:
    fake = FakeClickSend().then(failure, failure)
    with fake.client() as client:
        SAFE_CALLS[name](client)
    assert len(fake.requests) == 3


def test_retries_stop_at_max_retries_and_raise_the_last_error() -> None:
    fake = FakeClickSend().then(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE)
    with fake.client() as client, pytest.raises(ServerError):
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
    assert len(fake.requests) == 3


def test_max_retries_zero_turns_retries_off() -> None:
    fake = FakeClickSend().then(UNAVAILABLE)
    with fake.client(retry_policy=RetryPolicy(max_retries=0)) as client, pytest.raises(ServerError):
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    ("failure", "error_class"),
    [
        (UNAVAILABLE, ServerError),
        (envelope(429, "TOO_MANY_REQUESTS", "Slow down", retry_after="1"), RateLimitError),
        (httpx.ReadTimeout("slow"), OutcomeUnknownError),
        (httpx.WriteTimeout("slow"), OutcomeUnknownError),
        (httpx.RemoteProtocolError("server disconnected"), OutcomeUnknownError),
    ],
    ids=["503", "429", "read-timeout", "write-timeout", "dropped"],
)
def test_send_is_never_repeated_once_it_may_have_arrived(failure: Any, error_class: type[Exception]) -> None:
    fake = FakeClickSend().then(failure)
    with fake.client() as client, pytest.raises(error_class):
        send_sms_campaign.sync(client=client, body=SEND)
    assert len(fake.requests) == 1


def test_send_is_retried_when_the_connection_was_never_made() -> None:
    fake = FakeClickSend().then(httpx.ConnectError("refused"), httpx.ConnectTimeout("no route"))
    with fake.client() as client:
        send_sms_campaign.sync(client=client, body=SEND)
    assert len(fake.requests) == 3


def test_a_connection_that_never_succeeds_is_connection_failed() -> None:
    fake = FakeClickSend().then(*[httpx.ConnectError("refused")] * 3)
    with fake.client() as client, pytest.raises(ConnectionFailedError, match="the request was not sent"):
        send_sms_campaign.sync(client=client, body=SEND)
    assert len(fake.requests) == 3


def test_async_follows_the_same_rules() -> None:
    async def run() -> tuple[int, int]:
        safe = FakeClickSend().then(UNAVAILABLE)
        async with safe.client() as client:
            await get_sms_campaign.asyncio(client=client, sms_campaign_id=7)
        unsafe = FakeClickSend().then(httpx.ReadTimeout("slow"))
        async with unsafe.client() as client:
            with pytest.raises(OutcomeUnknownError):
                await send_sms_campaign.asyncio(client=client, body=SEND)
        return len(safe.requests), len(unsafe.requests)

    assert asyncio.run(run()) == (2, 1)


def _transport(fake: FakeClickSend, policy: RetryPolicy, slept: list[float]) -> RetryingTransport:
    return RetryingTransport(httpx.MockTransport(fake.handle), policy, sleep=slept.append, rng=random.Random(7))


def _safe_request() -> httpx.Request:
    return httpx.Request("GET", "https://x/v3/sms-campaigns", extensions={OPERATION_EXTENSION: "list_sms_campaigns"})


def test_retry_after_is_honoured_up_to_the_cap() -> None:
    slept: list[float] = []
    fake = FakeClickSend().then(envelope(429, "TOO_MANY_REQUESTS", "x", retry_after="3"))
    response = _transport(fake, RetryPolicy(retry_after_cap=10), slept).handle_request(_safe_request())
    assert (response.status_code, slept) == (200, [3.0])

    slept.clear()
    fake = FakeClickSend().then(envelope(429, "TOO_MANY_REQUESTS", "x", retry_after="30"))
    response = _transport(fake, RetryPolicy(retry_after_cap=10), slept).handle_request(_safe_request())
    assert (response.status_code, slept, len(fake.requests)) == (429, [], 1), "a longer wait is not blocked on"


def test_backoff_grows_exponentially_within_bounds_with_jitter() -> None:
    policy = RetryPolicy(max_retries=6, backoff_base=0.5, backoff_max=4.0)
    rng = random.Random(1)
    for retry, ceiling in enumerate([0.5, 1.0, 2.0, 4.0, 4.0, 4.0]):
        delays = {policy.backoff(retry, rng) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays), retry
        assert len(delays) > 40, "jitter spreads the delays"


def test_transport_uses_backoff_between_attempts() -> None:
    slept: list[float] = []
    fake = FakeClickSend().then(UNAVAILABLE, UNAVAILABLE)
    _transport(fake, RetryPolicy(max_retries=2, backoff_base=1.0, backoff_max=8.0), slept).handle_request(
        _safe_request()
    )
    assert len(slept) == 2 and 0.5 <= slept[0] <= 1.0 and 1.0 <= slept[1] <= 2.0


def test_a_request_that_names_no_operation_is_not_retried() -> None:
    slept: list[float] = []
    fake = FakeClickSend().then(UNAVAILABLE)
    response = _transport(fake, RetryPolicy(), slept).handle_request(httpx.Request("GET", "https://x/v3/sms-campaigns"))
    assert (response.status_code, len(fake.requests)) == (503, 1)


def test_each_retry_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="clicksend_sms_campaigns")
    fake = FakeClickSend().then(UNAVAILABLE, httpx.ReadTimeout("slow"))
    with fake.client() as client:
        list_sms_campaigns.sync(client=client, q="from:+61411111111")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert messages[0].startswith("Retrying GET /v3/sms-campaigns after HTTP 503: retry 1 of 2 in ")
    assert messages[1].startswith("Retrying GET /v3/sms-campaigns after ReadTimeout: retry 2 of 2 in ")
    assert all("61411111111" not in m for m in messages), "the query, which may hold phone numbers, is not logged"


@pytest.mark.parametrize(
    "field", [{"max_retries": -1}, {"backoff_base": -0.1}, {"backoff_max": "1"}, {"retry_after_cap": True}]
)
def test_retry_policy_rejects_nonsense(field: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must be a number >= 0"):
        RetryPolicy(**field)


# --- Against a real socket: the request leaves, the answer never comes. ------------------


class _SlowServer(BaseHTTPRequestHandler):
    received: ClassVar[list[str]] = []
    delay: ClassVar[float] = 2.0

    def _answer_late(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        _SlowServer.received.append(f"{self.command} {self.path}")
        time.sleep(self.delay)
        body = success_example("/sms-campaigns/send", "post")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(str(body).encode())

    do_GET = do_POST = _answer_late

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    _SlowServer.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowServer)
    server.daemon_threads = True
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]  # the client hung up on purpose
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v3"
    finally:
        server.shutdown()
        server.server_close()


def test_a_send_that_times_out_after_leaving_is_outcome_unknown_and_sent_exactly_once(slow_server: str) -> None:
    client = ClickSendClient("u", "k", base_url=slow_server, timeout=0.3, retry_policy=RetryPolicy(backoff_base=0))
    with client, pytest.raises(OutcomeUnknownError, match="outcome is unknown"):
        send_sms_campaign.sync(client=client, body=SEND)
    assert _SlowServer.received == ["POST /v3/sms-campaigns/send"]


def test_a_get_that_times_out_is_retried(slow_server: str) -> None:
    client = ClickSendClient("u", "k", base_url=slow_server, timeout=0.3, retry_policy=RetryPolicy(backoff_base=0))
    with client, pytest.raises(OutcomeUnknownError):
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
    assert _SlowServer.received == ["GET /v3/sms-campaigns/7"] * 3


def test_a_refused_connection_is_connection_failed_and_nothing_arrives() -> None:
    with socket.socket() as placeholder:  # a port that was free a moment ago and has no listener
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
    client = ClickSendClient("u", "k", base_url=f"http://127.0.0.1:{port}/v3", retry_policy=RetryPolicy(backoff_base=0))
    with client, pytest.raises(ConnectionFailedError):
        send_sms_campaign.sync(client=client, body=SEND)
