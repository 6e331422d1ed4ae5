"""client.with_options(...): per-call settings for every operation, sync and async, sharing the
client's connections."""

from __future__ import annotations

import asyncio
import json
import math

import httpx
import pytest
from clicksend_sms_campaigns import RequestValidationError, ServerError
from clicksend_sms_campaigns.api.sms_campaigns import (
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaignSendRequest

from tests.client.fakes import FakeClickSend, envelope

SEND = SmsCampaignSendRequest(list_id=428, name="Spring", body="Hi")


def test_timeout_headers_and_extra_query_apply_to_the_calls_through_the_view() -> None:
    fake = FakeClickSend()
    with fake.client(headers={"X-Team": "growth"}, timeout=30) as client:
        view = client.with_options(timeout=2.5, headers={"X-Trace": "abc"}, extra_query={"include": "stats"})
        list_sms_campaigns.sync(client=view, page=2)
        list_sms_campaigns.sync(client=client, page=3)
    through_view, plain = fake.requests
    assert through_view.headers["X-Team"] == "growth" and through_view.headers["X-Trace"] == "abc"
    assert dict(through_view.url.params) == {"include": "stats", "page": "2"}
    assert through_view.extensions["timeout"]["read"] == 2.5
    assert "X-Trace" not in plain.headers and dict(plain.url.params) == {"page": "3"}, "the client is unchanged"
    assert plain.extensions["timeout"]["read"] == 30


def test_extra_body_fields_are_sent_and_an_operation_without_a_body_refuses_them() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        view = client.with_options(extra_body={"subject": "Spring sale", "name": "Renamed"})
        send_sms_campaign.sync(client=view, body=SEND)
        with pytest.raises(RequestValidationError, match="sends no JSON object body") as refused:
            get_sms_campaign.sync(client=view, sms_campaign_id=7)
    assert refused.value.field == "subject"
    assert len(fake.requests) == 1, "the refused call sent nothing"
    sent = json.loads(fake.requests[0].content)
    assert sent == {"list_id": 428, "name": "Renamed", "body": "Hi", "subject": "Spring sale"}


def test_max_retries_for_the_view_only() -> None:
    failing = envelope(500, "INTERNAL_ERROR", "An internal error occurred.")
    fake = FakeClickSend().then(*[failing] * 4)
    with fake.client() as client:  # the fake's client retries twice
        with pytest.raises(ServerError):
            get_sms_campaign.sync(client=client.with_options(max_retries=0), sms_campaign_id=7)
        assert len(fake.requests) == 1
        with pytest.raises(ServerError):
            get_sms_campaign.sync(client=client, sms_campaign_id=7)
    assert len(fake.requests) == 4, "the client itself still retries twice"


def test_checks_and_deadline_for_the_view_only() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        with pytest.raises(RequestValidationError):
            get_sms_campaign.sync(client=client, sms_campaign_id=0)
        get_sms_campaign.sync(client=client.with_options(checks=False), sms_campaign_id=0)
        assert client.with_options(deadline=None).deadline is None
        assert client.with_options(deadline=5).deadline == 5 and client.deadline not in (None, 5)
        assert client.with_options(timeout=1).deadline == client.deadline, "what is not given stays"
    assert fake.requests[-1].url.path.endswith("/sms-campaigns/0")


def test_a_view_shares_the_client_s_connections_and_closing_it_closes_nothing() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        with client.with_options(timeout=3) as view:
            get_sms_campaign.sync(client=view, sms_campaign_id=7)
        get_sms_campaign.sync(client=client, sms_campaign_id=7)  # the client's pool is still open
        nested = client.with_options(headers={"A": "1"}).with_options(headers={"B": "2"})
        get_sms_campaign.sync(client=nested, sms_campaign_id=7)
    assert len(fake.requests) == 3
    assert fake.requests[2].headers["A"] == "1" and fake.requests[2].headers["B"] == "2"
    assert "credentials=<hidden>" in repr(nested)


def test_the_async_forms_take_the_view_too() -> None:
    fake = FakeClickSend()

    async def run() -> None:
        async with fake.client() as client:
            view = client.with_options(headers={"X-Trace": "async"}, extra_query={"q": "status:Sent"}, timeout=1.5)
            await list_sms_campaigns.asyncio(client=view)
            await send_sms_campaign.asyncio(client=client.with_options(extra_body={"subject": "s"}), body=SEND)

    asyncio.run(run())
    listing, sending = fake.requests
    assert listing.headers["X-Trace"] == "async" and listing.url.params["q"] == "status:Sent"
    assert listing.extensions["timeout"]["read"] == 1.5
    assert json.loads(sending.content)["subject"] == "s"


@pytest.mark.parametrize("deadline", [0, -1, math.nan])
def test_a_bad_deadline_is_refused_as_the_constructor_refuses_it(deadline: float) -> None:
    with FakeClickSend().client() as client, pytest.raises(ValueError, match="deadline"):
        client.with_options(deadline=deadline)


def test_headers_are_checked_as_the_constructor_checks_them() -> None:
    with FakeClickSend().client() as client, pytest.raises(ValueError):
        client.with_options(headers={"X-Bad": "line\nbreak"})


def test_an_httpx_timeout_object_is_taken_as_it_is() -> None:
    with FakeClickSend().client() as client:
        assert client.with_options(timeout=httpx.Timeout(1, read=9)).timeout == httpx.Timeout(1, read=9)


def test_threads_that_start_using_a_fresh_client_at_once_share_one_httpx_client() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with FakeClickSend().client() as client, ThreadPoolExecutor(8) as pool:
        made = list(pool.map(lambda _: client.get_httpx_client(), range(64)))
    assert len({id(each) for each in made}) == 1
