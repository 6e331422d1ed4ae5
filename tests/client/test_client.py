"""ClickSendClient: construction, auth, User-Agent, every operation sync and async, no leaked credentials."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import clicksend_sms_campaigns
import httpx
import pytest
from clicksend_sms_campaigns import ClickSendClient, ClickSendError
from clicksend_sms_campaigns._core.operations import OPERATIONS as REGISTRY
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    cancel_sms_campaign,
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import (
    SmsCampaignEnvelope,
    SmsCampaignPageEnvelope,
    SmsCampaignPriceEnvelope,
    SmsCampaignPriceRequest,
    SmsCampaignSendEnvelope,
    SmsCampaignSendRequest,
    SmsCampaignUpdateRequest,
)

from tests.client.fakes import API_KEY, USERNAME, FakeClickSend, envelope, success_example

IN_A_WEEK = int(time.time()) + 7 * 86400
SEND = SmsCampaignSendRequest(
    list_id=428, name="Spring", body="Hi (First Name). Reply STOP to opt out", schedule=IN_A_WEEK
)
PRICE = SmsCampaignPriceRequest(list_id=428, name="Spring", body="Hi")
UPDATE = SmsCampaignUpdateRequest(list_id="428", name="Spring", body="Hi again", schedule=IN_A_WEEK)

# operation name -> (module, keyword arguments, expected method, expected path, expected model)
# Example arguments for each operation, by operationId: (module, arguments, method, path, answer model).
OPERATIONS: dict[str, tuple[Any, dict[str, Any], str, str, type]] = {
    "send_sms_campaign": (send_sms_campaign, {"body": SEND}, "POST", "/v3/sms-campaigns/send", SmsCampaignSendEnvelope),
    "calculate_sms_campaign_price": (
        calculate_sms_campaign_price,
        {"body": PRICE},
        "POST",
        "/v3/sms-campaigns/price",
        SmsCampaignPriceEnvelope,
    ),
    "update_sms_campaign": (
        update_sms_campaign,
        {"sms_campaign_id": 7, "body": UPDATE},
        "PUT",
        "/v3/sms-campaigns/7",
        SmsCampaignEnvelope,
    ),
    "get_sms_campaign": (get_sms_campaign, {"sms_campaign_id": 7}, "GET", "/v3/sms-campaigns/7", SmsCampaignEnvelope),
    "cancel_sms_campaign": (
        cancel_sms_campaign,
        {"sms_campaign_id": 7},
        "PUT",
        "/v3/sms-campaigns/7/cancel",
        SmsCampaignEnvelope,
    ),
    "list_sms_campaigns": (
        list_sms_campaigns,
        {"page": 2, "limit": 50},
        "GET",
        "/v3/sms-campaigns",
        SmsCampaignPageEnvelope,
    ),
}


def test_every_operation_of_the_registry_has_call_arguments_here() -> None:
    # The one hand-written table of example calls: a new operation in the spec fails here, by name.
    assert sorted(OPERATIONS) == sorted(operation.id for operation in REGISTRY)


def _call(module: Any, form: str, client: ClickSendClient, kwargs: dict[str, Any]) -> Any:
    function: Callable[..., Any] = getattr(module, form)
    if form.startswith("asyncio"):

        async def run() -> Any:
            async with client:
                result: Awaitable[Any] = function(client=client, **kwargs)
                return await result

        return asyncio.run(run())
    with client:
        return function(client=client, **kwargs)


@pytest.mark.parametrize("form", ["sync", "sync_detailed", "asyncio", "asyncio_detailed"])
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_operation_works_sync_and_async(name: str, form: str) -> None:
    module, kwargs, method, path, model = OPERATIONS[name]
    fake = FakeClickSend()
    result = _call(module, form, fake.client(), kwargs)
    parsed = result.parsed if form.endswith("detailed") else result
    assert isinstance(parsed, model)
    if form.endswith("detailed"):
        assert result.status_code == 200
    [request] = fake.requests
    assert (request.method, request.url.path) == (method, path)


def test_requests_carry_basic_auth_user_agent_and_the_body() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        send_sms_campaign.sync(client=client, body=SEND)
        list_sms_campaigns.sync(client=client, q="status:Scheduled", page=2, limit=50)
    send, listing = fake.requests
    assert send.headers["Authorization"] == "Basic " + base64.b64encode(f"{USERNAME}:{API_KEY}".encode()).decode()
    assert send.headers["User-Agent"].startswith(f"clicksend-sms-campaigns/{clicksend_sms_campaigns.__version__} ")
    assert send.headers["Content-Type"] == "application/json"
    assert fake.bodies()[0] == {"list_id": 428, "name": "Spring", "body": SEND.body, "schedule": IN_A_WEEK}
    assert dict(listing.url.params) == {"page": "2", "limit": "50", "q": "status:Scheduled"}


def test_update_sends_schedule() -> None:
    # ClickSend's own SDK drops `schedule` on update; this client must not.
    fake = FakeClickSend()
    with fake.client() as client:
        update_sms_campaign.sync(client=client, sms_campaign_id=7, body=UPDATE)
    assert fake.bodies()[0]["schedule"] == IN_A_WEEK


def test_extra_headers_and_timeout_are_applied() -> None:
    fake = FakeClickSend()
    client = fake.client(headers={"X-Team": "growth"}, timeout=4.5)
    with client:
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
        assert client.get_httpx_client().timeout == httpx.Timeout(4.5)
    assert fake.requests[0].headers["X-Team"] == "growth"


def test_from_env_reads_credentials_and_base_url() -> None:
    env = {"CLICKSEND_USERNAME": "u", "CLICKSEND_API_KEY": "k", "CLICKSEND_BASE_URL": "http://127.0.0.1:9/v3"}
    client = ClickSendClient.from_env(env, max_retries=0)
    assert client.base_url == "http://127.0.0.1:9/v3"
    assert client.retry_policy.max_retries == 0
    assert ClickSendClient.from_env({"CLICKSEND_USERNAME": "u", "CLICKSEND_API_KEY": "k"}).base_url == (
        "https://rest.clicksend.com/v3"
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "CLICKSEND_USERNAME and CLICKSEND_API_KEY"),
        ({"CLICKSEND_USERNAME": "someone"}, "CLICKSEND_API_KEY"),
        ({"CLICKSEND_API_KEY": "sekrit-value"}, "CLICKSEND_USERNAME"),
    ],
)
def test_from_env_names_what_is_missing_without_showing_values(env: dict[str, str], named: str) -> None:
    with pytest.raises(ValueError, match=named) as raised:
        ClickSendClient.from_env(env)
    assert "someone" not in str(raised.value) and "sekrit-value" not in str(raised.value)


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (("", "key"), {}, "non-empty username"),
        (("user", "  "), {}, "non-empty api_key"),
        (("user", "key"), {"base_url": "rest.clicksend.com/v3"}, "http or https URL"),
        (("user", "key"), {"base_url": "ftp://example.com"}, "http or https URL"),
        (("user", "key"), {"max_retries": -1}, "max_retries must be a number >= 0"),
    ],
)
def test_bad_construction_is_a_clear_value_error(args: tuple[str, str], options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ClickSendClient(*args, **options)


def test_credentials_never_appear_in_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeClickSend().then(
        envelope(503, "SOMETHING_IS_WRONG", "Try later"),
        envelope(401, "UNAUTHORIZED", "Authentication credentials were missing or incorrect."),
        httpx.ReadTimeout("timed out"),
    )
    client = fake.client()
    seen = [repr(client), str(client)]
    with client:
        calls: list[Callable[[], object]] = [
            lambda: get_sms_campaign.sync(client=client, sms_campaign_id=7),
            lambda: send_sms_campaign.sync(client=client, body=SEND),
        ]
        for call in calls:
            with pytest.raises(ClickSendError) as raised:
                call()
            seen += [str(raised.value), repr(raised.value), str(raised.value.__dict__)]
    seen += [record.getMessage() for record in caplog.records]
    assert any("Retrying GET /v3/sms-campaigns/7" in text for text in seen), "the retry was logged"
    encoded = base64.b64encode(f"{USERNAME}:{API_KEY}".encode()).decode()
    for text in seen:
        for secret in (USERNAME, API_KEY, encoded):
            assert secret not in text


def test_closing_releases_the_httpx_clients() -> None:
    fake = FakeClickSend()
    client = fake.client()
    with client:
        first = client.get_httpx_client()
    assert first.is_closed
    assert client.get_httpx_client() is not first, "a closed client is replaced on next use"
    client.close()


def test_cookies_the_server_sets_are_not_kept() -> None:
    # Every request carries Basic auth; a kept cookie would make a request depend on an earlier answer.
    def with_cookie(request: httpx.Request) -> httpx.Response:
        campaign = success_example("/sms-campaigns/{sms_campaign_id}", "get")["data"]
        return envelope(200, "SUCCESS", "", campaign, set_cookie="session=abc; Path=/")

    fake = FakeClickSend().then(with_cookie, with_cookie, with_cookie, with_cookie)
    with fake.client() as client:
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
        assert list(client.get_httpx_client().cookies) == []

    async def twice() -> None:
        async with fake.client() as client:
            await get_sms_campaign.asyncio(client=client, sms_campaign_id=7)
            await get_sms_campaign.asyncio(client=client, sms_campaign_id=7)
            assert list(client.get_async_httpx_client().cookies) == []

    asyncio.run(twice())
    assert [request.headers.get("Cookie") for request in fake.requests] == [None] * 4


def test_cookies_set_by_hand_are_still_sent() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        client.get_httpx_client().cookies.set("region", "au")
        get_sms_campaign.sync(client=client, sms_campaign_id=7)
    assert fake.requests[0].headers["Cookie"] == "region=au"


def test_clicksends_underscore_fields_have_plain_names_and_round_trip() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        campaign = get_sms_campaign.sync(client=client, sms_campaign_id=7).data
    assert (campaign.total_count, campaign.list_name) == (10, "string")
    wire = campaign.to_dict()
    assert (wire["_total_count"], wire["_list_name"]) == (10, "string")
    assert "total_count" not in wire and "list_name" not in wire
