"""cancel_sms_campaigns and acancel_sms_campaigns: bounded concurrency, one attempt in flight per
campaign, an outcome for every campaign in the order given."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import (
    CancelInterrupted,
    CancelOutcome,
    ClickSendClient,
    NotFoundError,
    OutcomeUnknownError,
    RetryPolicy,
    acancel_sms_campaigns,
    cancel_sms_campaigns,
)

from tests.client.fakes import envelope, success_example

CAMPAIGN = success_example("/sms-campaigns/{sms_campaign_id}", "get")["data"]


class _Server:
    """Cancels any campaign but 404s `missing` and drops the connection for `broken`; counts what is in flight."""

    def __init__(
        self, seconds: float = 0.0, missing: frozenset[int] = frozenset(), broken: frozenset[int] = frozenset()
    ):
        self.seconds, self.missing, self.broken = seconds, missing, broken
        self.lock = threading.Lock()
        self.in_flight: list[int] = []
        self.most = 0
        self.asked: list[int] = []
        self.twice_at_once: list[int] = []

    def _enter(self, request: httpx.Request) -> int:
        campaign_id = int(request.url.path.split("/")[-2])
        with self.lock:
            if campaign_id in self.in_flight:
                self.twice_at_once.append(campaign_id)
            self.in_flight.append(campaign_id)
            self.most = max(self.most, len(self.in_flight))
            self.asked.append(campaign_id)
        return campaign_id

    def _answer(self, campaign_id: int) -> httpx.Response:
        with self.lock:
            self.in_flight.remove(campaign_id)
        if campaign_id in self.broken:
            raise httpx.ReadError("connection reset")
        if campaign_id in self.missing:
            return envelope(404, "NOT_FOUND", "The SMS campaign was not found.")
        data = {**CAMPAIGN, "sms_campaign_id": campaign_id, "status": "Cancelled"}
        return envelope(200, "SUCCESS", "Your SMS Campaign has been cancelled.", data)

    def handle(self, request: httpx.Request) -> httpx.Response:
        campaign_id = self._enter(request)
        time.sleep(self.seconds)
        return self._answer(campaign_id)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        campaign_id = self._enter(request)
        await asyncio.sleep(self.seconds)
        return self._answer(campaign_id)

    def client(self, **options: Any) -> ClickSendClient:
        return ClickSendClient(
            "user", "key", base_url="https://clicksend.test/v3",
            transport=httpx.MockTransport(self.handle), async_transport=httpx.MockTransport(self.ahandle), **options,
        )  # fmt: skip


def _summary(outcomes: list[CancelOutcome]) -> list[tuple[int, str]]:
    return [
        (o.sms_campaign_id, o.campaign.status if o.campaign else type(o.error).__name__)  # type: ignore[misc]
        for o in outcomes
    ]


def test_every_campaign_gets_an_outcome_in_the_order_given_and_a_failure_stops_nothing() -> None:
    server = _Server(missing=frozenset({3}))
    seen: list[int] = []
    with server.client(max_retries=0) as client:
        outcomes = cancel_sms_campaigns(client, [5, 3, 9, 1], on_outcome=lambda o: seen.append(o.sms_campaign_id))
    assert _summary(outcomes) == [(5, "Cancelled"), (3, "NotFoundError"), (9, "Cancelled"), (1, "Cancelled")]
    assert [o.cancelled for o in outcomes] == [True, False, True, True]
    assert isinstance(outcomes[1].error, NotFoundError) and outcomes[1].error.status == 404
    assert sorted(seen) == [1, 3, 5, 9], "on_outcome hears of each campaign once"


def test_a_campaign_given_twice_is_asked_for_once() -> None:
    server = _Server()
    with server.client() as client:
        outcomes = cancel_sms_campaigns(client, [7, 8, 7, 7])
    assert [o.sms_campaign_id for o in outcomes] == [7, 8] and sorted(server.asked) == [7, 8]


@pytest.mark.parametrize("concurrency", [1, 3, 8])
def test_at_most_concurrency_cancels_in_flight_and_never_two_for_one_campaign(concurrency: int) -> None:
    server = _Server(seconds=0.02, broken=frozenset({4}))
    with server.client(retry_policy=RetryPolicy(max_retries=2, backoff_base=0.0)) as client:
        outcomes = cancel_sms_campaigns(client, range(1, 25), concurrency=concurrency)
    assert server.most == concurrency
    assert server.twice_at_once == [], "a retry of a campaign waits for its previous attempt"
    assert server.asked.count(4) == 3, "the broken one was tried three times, one after another"
    assert isinstance(outcomes[3].error, OutcomeUnknownError)
    assert [o.cancelled for o in outcomes].count(True) == 23


@pytest.mark.parametrize("concurrency", [1, 5])
def test_the_async_twin_does_the_same(concurrency: int) -> None:
    server = _Server(seconds=0.02, missing=frozenset({2}))
    seen: list[int] = []

    async def run() -> list[CancelOutcome]:
        async with server.client(max_retries=0) as client:
            return await acancel_sms_campaigns(
                client, [1, 2, 3, 2, *range(4, 21)], concurrency=concurrency, on_outcome=lambda o: seen.append(1)
            )

    outcomes = asyncio.run(run())
    assert [o.sms_campaign_id for o in outcomes] == list(range(1, 21))
    assert _summary(outcomes)[1] == (2, "NotFoundError") and len(seen) == 20
    assert server.most == concurrency and server.twice_at_once == []


@pytest.mark.parametrize("concurrency", [0, -2, 2.5, True, "4"])
def test_concurrency_must_be_a_whole_number_of_requests(concurrency: Any) -> None:
    with _Server().client() as client, pytest.raises(ValueError, match="concurrency"):
        cancel_sms_campaigns(client, [1], concurrency=concurrency)


def test_a_stop_starts_no_further_cancel() -> None:
    # Ctrl-C reaches the caller's thread while it waits, or in on_outcome; either way the queued
    # cancels must not go on in the background after the call has ended.
    server = _Server(seconds=0.02)

    def stop(outcome: CancelOutcome) -> None:
        raise KeyboardInterrupt

    with server.client() as client, pytest.raises(CancelInterrupted) as stopped:
        cancel_sms_campaigns(client, range(1, 11), concurrency=2, on_outcome=stop)
    asked = len(server.asked)
    time.sleep(0.1)
    assert len(server.asked) == asked <= 4, "only cancels already started when it stopped were sent (of 10)"
    # What it says: an outcome for every cancel sent (those in flight were finished), the rest not started.
    assert sorted(o.sms_campaign_id for o in stopped.value.outcomes) == sorted(server.asked)
    assert all(o.cancelled for o in stopped.value.outcomes)
    assert sorted(stopped.value.not_started) == sorted(set(range(1, 11)) - set(server.asked))
    assert isinstance(stopped.value, KeyboardInterrupt)
