"""Arguments that break a documented rule raise RequestValidationError, and no request leaves."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from clicksend_sms_campaigns import ClickSendClient, ClickSendError, RequestValidationError
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    cancel_sms_campaign,
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import (
    SenderInput,
    SmsCampaignPriceRequest,
    SmsCampaignSendRequest,
    SmsCampaignUpdateRequest,
)
from clicksend_sms_campaigns.validation import MAX_SCHEDULE_AHEAD_SECONDS

from tests.client.fakes import FakeClickSend

NOW = int(time.time())
GOOD: dict[str, Any] = {"list_id": 428, "name": "Spring", "body": "Hello. Reply STOP to opt out"}


def _send(**changes: Any) -> Callable[[ClickSendClient], Any]:
    return lambda c: send_sms_campaign.sync(client=c, body=SmsCampaignSendRequest(**{**GOOD, **changes}))


def _list(**params: Any) -> Callable[[ClickSendClient], Any]:
    return lambda c: list_sms_campaigns.sync(client=c, **params)


CASES: list[tuple[str, Callable[[ClickSendClient], Any], str]] = [
    ("limit below 15", _list(limit=14), "limit"),
    ("limit above 100", _list(limit=101), "limit"),
    ("page 0", _list(page=0), "page"),
    ("q with an undocumented field", _list(q="colour:red"), "q"),
    ("order_by with a bad direction", _list(order_by="name:up"), "order_by"),
    ("date_from after date_to", _list(date_from=200, date_to=100), "date_from"),
    ("negative date_to", _list(date_to=-1), "date_to"),
    ("id 0", lambda c: get_sms_campaign.sync(client=c, sms_campaign_id=0), "sms_campaign_id"),
    ("negative id on cancel", lambda c: cancel_sms_campaign.sync(client=c, sms_campaign_id=-3), "sms_campaign_id"),
    ("empty body", _send(body=""), "body"),
    ("blank body", _send(body="  \n "), "body"),
    ("blank name", _send(name=" "), "name"),
    ("list id 0", _send(list_id=0), "list_id"),
    ("list id not digits", _send(list_id="abc"), "list_id"),
    ("alpha tag too short", _send(from_="AB"), "from"),
    ("alpha tag too long", _send(from_="TwelveChars1"), "from"),
    ("alpha tag with a space", _send(from_="My Shop"), "from"),
    ("alpha tag of digits only", _send(from_="12345"), "from"),
    ("number without +", _send(from_="61411111111"), "from"),
    ("number too long", _send(from_="+1234567890123456"), "from"),
    ("schedule in the past", _send(schedule=NOW - 3600), "schedule"),
    ("schedule beyond four months", _send(schedule=NOW + MAX_SCHEDULE_AHEAD_SECONDS + 3600), "schedule"),
    ("url_to_shorten not http", _send(url_to_shorten="ftp://example.com/a"), "url_to_shorten"),
    ("url_to_shorten without a host", _send(url_to_shorten="https://"), "url_to_shorten"),
    ("url_to_shorten over 250", _send(url_to_shorten="https://example.com/" + "a" * 231), "url_to_shorten"),
    ("sender without id or type", _send(senders=[SenderInput(recipient_country_code="AU")]), "senders[0].sender_id"),
    (
        "sender with a lowercase country",
        _send(senders=[SenderInput(recipient_country_code="au", sender_id="+61411111111")]),
        "senders[0].recipient_country_code",
    ),
    (
        "sender with a bad id",
        _send(senders=[SenderInput(recipient_country_code="AU", sender_id="x")]),
        "senders[0].sender_id",
    ),
    (
        "price with an empty body",
        lambda c: calculate_sms_campaign_price.sync(
            client=c, body=SmsCampaignPriceRequest(list_id=1, name="n", body="")
        ),
        "body",
    ),
    (
        "update with a past schedule",
        lambda c: update_sms_campaign.sync(
            client=c,
            sms_campaign_id=7,
            body=SmsCampaignUpdateRequest(list_id=1, name="n", body="b", schedule=NOW - 3600),
        ),
        "schedule",
    ),
]


@pytest.mark.parametrize(("call", "field"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_arguments_are_rejected_before_sending(call: Callable[[ClickSendClient], Any], field: str) -> None:
    fake = FakeClickSend()
    with fake.client() as client, pytest.raises(RequestValidationError) as raised:
        call(client)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, ClickSendError)
    assert fake.requests == [], "no request may leave"


GOOD_CALLS: list[Callable[[ClickSendClient], Any]] = [
    _list(limit=15),
    _list(limit=100, page=3, q="status:Scheduled,from:+61411111111", order_by="schedule:desc", operator="OR"),
    _list(date_from=100, date_to=100),
    _send(from_="+61411111111", schedule=NOW + 86400, url_to_shorten="https://example.com/x", source="crm"),
    _send(from_="MyShop", list_id="428"),
    _send(from_="Shop+1"),
    _send(schedule=NOW - 10),
    _send(
        senders=[
            SenderInput(recipient_country_code="US", sender_id="+12124567890"),
            SenderInput(recipient_country_code="BG", sender_type="shared_longcode", sender_country_code="FR"),
        ]
    ),
]


@pytest.mark.parametrize("call", GOOD_CALLS)
def test_good_arguments_are_sent(call: Callable[[ClickSendClient], Any]) -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        call(client)
    assert len(fake.requests) == 1
