"""A rate-limited job slows down together and finishes: the page walk and the bulk cancel against a
server that answers 429 to whatever goes over its limit, and the pace's rules one by one."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import (
    ClickSendClient,
    RateLimitError,
    RetryPolicy,
    acancel_sms_campaigns,
    aiter_sms_campaigns,
    cancel_sms_campaigns,
    iter_sms_campaigns,
)
from clicksend_sms_campaigns._core.pacing import RATE_LIMITED_TIMES, _PaceBook
from clicksend_sms_campaigns._core.responses import error_from_response

from tests.client.fakes import envelope
from tests.client.test_bulk import CAMPAIGN
from tests.client.test_pagination import paged


class _LimitedServer:
    """Serves pages of `total` campaigns and cancels any campaign, answering 429 with `Retry-After`
    to a request that arrives while `room` others are in flight, or before an earlier 429's
    Retry-After has passed (as a server that counts what it refused would)."""

    def __init__(self, *, room: int, retry_after: str | None = "0.1", total: int = 600, seconds: float = 0.02) -> None:
        self.room, self.retry_after, self.seconds = room, retry_after, seconds
        self.page = paged(total)
        self.lock = threading.Lock()
        self.in_flight: list[str] = []
        self.answered: list[tuple[str, int]] = []  # (what, status), in the order answered
        self.refused_until = 0.0
        self.early: list[str] = []  # asked for again before the Retry-After it was given had passed
        self.twice_at_once: list[str] = []
        self.most_after_429 = 0
        self.limited = 0

    def _enter(self, request: httpx.Request) -> bool:
        what = request.url.params.get("page", request.url.path)
        now = time.monotonic()
        with self.lock:
            if what in self.in_flight:
                self.twice_at_once.append(what)
            if now < self.refused_until:
                self.early.append(what)
            over = len(self.in_flight) >= self.room or now < self.refused_until
            self.in_flight.append(what)
            if self.limited:
                self.most_after_429 = max(self.most_after_429, len(self.in_flight))
        return over

    def _answer(self, request: httpx.Request, over: bool) -> httpx.Response:
        what = request.url.params.get("page", request.url.path)
        with self.lock:
            self.in_flight.remove(what)
            if over:
                self.limited += 1
                wait = float(self.retry_after or 0)
                self.refused_until = max(self.refused_until, time.monotonic() + wait)
            self.answered.append((what, 429 if over else 200))
        if over:
            headers = {} if self.retry_after is None else {"Retry-After": self.retry_after}
            return envelope(429, "TOO_MANY_REQUESTS", "Rate Limit Exceeded.", **headers)
        if request.method == "GET":
            return self.page(request)  # type: ignore[no-any-return]
        campaign_id = int(request.url.path.split("/")[-2])
        data = {**CAMPAIGN, "sms_campaign_id": campaign_id, "status": "Cancelled"}
        return envelope(200, "SUCCESS", "Your SMS Campaign has been cancelled.", data)

    def handle(self, request: httpx.Request) -> httpx.Response:
        over = self._enter(request)
        time.sleep(self.seconds)
        return self._answer(request, over)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        over = self._enter(request)
        await asyncio.sleep(self.seconds)
        return self._answer(request, over)

    def client(self, **options: Any) -> ClickSendClient:
        options.setdefault("max_retries", 0)  # as the emulator's pytest fixture makes it: no retries at all
        return ClickSendClient(
            "user", "key", base_url="https://clicksend.test/v3",
            transport=httpx.MockTransport(self.handle), async_transport=httpx.MockTransport(self.ahandle), **options,
        )  # fmt: skip


def _check_slowed_down(server: _LimitedServer, most: int) -> None:
    assert server.limited > 0, "the server did rate-limit the job (else this test shows nothing)"
    # A 429 reached the job's other requests too: none was asked for again early, and fewer went at once.
    assert len(server.early) <= most, f"only requests already on their way may arrive early: {server.early}"
    assert server.most_after_429 <= most
    assert server.twice_at_once == []


@pytest.mark.parametrize("max_retries", [0, 2])
def test_a_rate_limited_walk_slows_down_and_brings_every_campaign_in_order(max_retries: int) -> None:
    server = _LimitedServer(room=2)
    with server.client(max_retries=max_retries) as client:
        ids = [c.sms_campaign_id for c in iter_sms_campaigns(client, limit=15, prefetch=6)]
    assert ids == list(range(1, 601))
    assert sorted(int(page) for page, status in server.answered if status == 200) == list(range(1, 41))
    _check_slowed_down(server, 6)


def test_the_async_walk_slows_down_the_same_way() -> None:
    server = _LimitedServer(room=2)

    async def walk() -> list[int]:
        async with server.client() as client:
            return [c.sms_campaign_id async for c in aiter_sms_campaigns(client, limit=15, prefetch=6)]

    assert asyncio.run(walk()) == list(range(1, 601))
    _check_slowed_down(server, 6)


def test_a_rate_limited_bulk_cancel_cancels_every_campaign_one_attempt_at_a_time() -> None:
    server = _LimitedServer(room=2)
    with server.client() as client:
        outcomes = cancel_sms_campaigns(client, range(1, 41), concurrency=8)
    assert [o.sms_campaign_id for o in outcomes] == list(range(1, 41)) and all(o.cancelled for o in outcomes)
    _check_slowed_down(server, 8)


def test_the_async_bulk_cancel_does_the_same() -> None:
    server = _LimitedServer(room=2)

    async def run() -> list[bool]:
        async with server.client() as client:
            return [o.cancelled for o in await acancel_sms_campaigns(client, range(1, 41), concurrency=8)]

    assert asyncio.run(run()) == [True] * 40
    _check_slowed_down(server, 8)


def test_a_429_without_retry_after_backs_off_as_the_policy_says() -> None:
    server = _LimitedServer(room=1, retry_after=None, total=150)
    policy = RetryPolicy(max_retries=0, backoff_base=0.01, backoff_max=0.05)
    with server.client(retry_policy=policy) as client:
        assert len(list(iter_sms_campaigns(client, limit=15, prefetch=4))) == 150
    assert server.limited > 0


def test_a_server_that_only_answers_429_ends_the_job_with_the_rate_limit_error() -> None:
    server = _LimitedServer(room=0, retry_after="0", total=150)
    with server.client() as client:
        with pytest.raises(RateLimitError) as raised:
            list(iter_sms_campaigns(client, limit=15, prefetch=2))
        assert raised.value.status == 429
        outcomes = cancel_sms_campaigns(client, [1, 2, 3], concurrency=2)
    assert [type(o.error) for o in outcomes] == [RateLimitError] * 3
    asked = [what for what, _ in server.answered]
    assert asked.count("/v3/sms-campaigns/2/cancel") == RATE_LIMITED_TIMES, "each request gives up after so many"


def test_a_retry_after_beyond_the_cap_is_not_waited_for() -> None:
    server = _LimitedServer(room=0, retry_after="3600")
    started = time.monotonic()
    with server.client(retry_policy=RetryPolicy(max_retries=0, retry_after_cap=60)) as client:
        [outcome] = cancel_sms_campaigns(client, [1])
    assert isinstance(outcome.error, RateLimitError) and outcome.error.retry_after == 3600
    assert time.monotonic() - started < 1 and len(server.answered) == 1


def test_the_client_s_own_retries_still_wait_out_a_429_outside_a_job() -> None:
    # Only the job's view leaves 429 to the pace; a single call retries as before.
    policy = RetryPolicy(max_retries=2)
    assert policy.retry_rate_limited is True
    with pytest.raises(ValueError, match="retry_rate_limited"):
        RetryPolicy(retry_rate_limited="no")  # type: ignore[arg-type]


# The pace's rules, on a clock of its own.


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _rate_limited(retry_after: str | None) -> RateLimitError:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    response = envelope(429, "TOO_MANY_REQUESTS", "Rate Limit Exceeded.", **headers)
    response.request = httpx.Request("GET", "https://clicksend.test/v3/sms-campaigns")
    error = error_from_response(response)
    assert isinstance(error, RateLimitError)
    return error


def test_a_429_holds_every_request_until_retry_after_and_halves_once_for_those_in_flight_together() -> None:
    clock = _Clock()
    book = _PaceBook(8, RetryPolicy(), clock)
    starts = [book.start() for _ in range(8)]
    assert book.wait() is None, "all eight slots taken"
    for started in starts[:3]:  # three of the eight come back 429: one limit, one cut
        book.finish()
        assert book.rate_limited(_rate_limited("2"), started, 1)
    assert book.allowed == 4
    assert book.wait() == pytest.approx(2.0)
    clock.now += 2.0
    for _ in starts[3:]:
        book.finish()
    assert book.wait() == 0.0 and book.in_flight == 0
    later = book.start()
    book.finish()
    assert book.rate_limited(_rate_limited("1"), later, 1) and book.allowed == 2, "a new 429 cuts again"


def test_the_pace_grows_back_by_one_after_as_many_successes_as_it_allows() -> None:
    book = _PaceBook(4, RetryPolicy(), _Clock())
    book.rate_limited(_rate_limited("0"), book.start(), 1)
    book.finish()
    assert book.allowed == 2
    book.succeeded()
    assert book.allowed == 2
    book.succeeded()
    assert book.allowed == 3
    for _ in range(3):
        book.succeeded()
    assert book.allowed == 4
    for _ in range(10):
        book.succeeded()
    assert book.allowed == 4, "never above what the job asked for"


def test_the_pace_gives_up_after_so_many_429s_or_on_a_wait_beyond_the_cap() -> None:
    book = _PaceBook(2, RetryPolicy(retry_after_cap=30), _Clock())
    assert book.rate_limited(_rate_limited("1"), 0.0, RATE_LIMITED_TIMES - 1)
    assert not book.rate_limited(_rate_limited("1"), 0.0, RATE_LIMITED_TIMES)
    assert not book.rate_limited(_rate_limited("31"), 0.0, 1)
    unbounded = _PaceBook(2, RetryPolicy(backoff_base=0.5, backoff_max=8), _Clock())
    assert unbounded.rate_limited(_rate_limited(None), 0.0, 3)
    assert 1.0 <= unbounded.wait() <= 2.0, "no Retry-After: the policy's backoff for the third time"  # type: ignore[operator]
