"""Client-side checks never block what ClickSend accepts.

Refused (RequestValidationError, nothing leaves): what ClickSend's reference says it refuses, or
what cannot be meant. Warned (ClickSendWarning, the request leaves unchanged): what ClickSend
accepts but is probably a mistake. Every check can be switched off for a client and for one call,
and the request is then sent as given. What cannot be encoded is refused whatever the setting.
"""

from __future__ import annotations

import datetime
import json
import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from clicksend_sms_campaigns import ClickSendClient, ClickSendError, ClickSendWarning, RequestValidationError
from clicksend_sms_campaigns._core.validation import MAX_SCHEDULE_AHEAD_SECONDS
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

from tests.client.fakes import FakeClickSend

NOW = int(time.time())
GOOD: dict[str, Any] = {"list_id": 428, "name": "Spring", "body": "Hello. Reply STOP to opt out"}
Call = Callable[..., Any]


def _send(**changes: Any) -> Call:
    def call(client: ClickSendClient, **options: Any) -> Any:
        return send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest(**{**GOOD, **changes}), **options)

    return call


def _send_dict(body: dict[str, Any]) -> Call:
    return lambda c, **options: send_sms_campaign.sync(client=c, body=SmsCampaignSendRequest.from_dict(body), **options)


def _list(**params: Any) -> Call:
    return lambda c, **options: list_sms_campaigns.sync(client=c, **params, **options)


def _sender(**fields: Any) -> Call:
    return _send(senders=[SenderInput.from_dict(fields)])


REFUSED: list[tuple[str, Call, str]] = [
    ("id 0", lambda c, **o: get_sms_campaign.sync(client=c, sms_campaign_id=0, **o), "sms_campaign_id"),
    (
        "negative id on cancel",
        lambda c, **o: cancel_sms_campaign.sync(client=c, sms_campaign_id=-3, **o),
        "sms_campaign_id",
    ),
    ("page 0", _list(page=0), "page"),
    ("limit 0", _list(limit=0), "limit"),
    ("limit as a string", _list(limit="15"), "limit"),
    ("q that is not a string", _list(q=5), "q"),
    ("empty body", _send(body=""), "body"),
    ("blank body", _send(body="  \n "), "body"),
    ("blank name", _send(name=" "), "name"),
    ("list id 0", _send(list_id=0), "list_id"),
    ("negative list id", _send(list_id=-428), "list_id"),
    ("list id as a float", _send(list_id=428.0), "list_id"),
    ("list id true", _send(list_id=True), "list_id"),
    ("blank list id", _send(list_id=" "), "list_id"),
    ("negative schedule", _send(schedule=-1), "schedule"),
    ("schedule as a float", _send(schedule=NOW + 86400.5), "schedule"),
    ("schedule as a string", _send(schedule=str(NOW + 86400)), "schedule"),
    ("from as a number", _send(from_=61411111111), "from"),
    ("source as a number", _send(source=7), "source"),
    ("url_to_shorten as a list", _send(url_to_shorten=["https://example.com"]), "url_to_shorten"),
    ("senders not a list", _send(senders="AU"), "senders"),
    ("a sender that is not an object", _send_dict({**GOOD, "senders": ["+61411111111"]}), "senders[0]"),
    (
        "price with an empty body",
        lambda c, **o: calculate_sms_campaign_price.sync(
            client=c, body=SmsCampaignPriceRequest(list_id=1, name="n", body=""), **o
        ),
        "body",
    ),
]

# Refused whatever the setting: there is nothing that could be sent.
UNENCODABLE: list[tuple[str, Call, str]] = [
    ("a lone surrogate in the name", _send(name="Spring \ud800"), "name"),
    ("a lone surrogate in q", _list(q="name:\udfff"), "q"),
    ("NaN in an extra field", _send_dict({**GOOD, "weight": float("nan")}), "weight"),
    ("an object JSON cannot carry", _send_dict({**GOOD, "when": datetime.date(2026, 1, 1)}), "when"),
    (
        "a lone surrogate deep in a sender",
        _sender(recipient_country_code="AU", sender_id="\ud800"),
        "senders[0].sender_id",
    ),
    (
        "an id too long to write",
        lambda c, **o: get_sms_campaign.sync(client=c, sms_campaign_id=10**5000, **o),
        "sms_campaign_id",
    ),
    (
        "an extra field named like a declared one",
        lambda c, **o: send_sms_campaign.sync(
            client=c, body=SmsCampaignSendRequest(**GOOD, additional_properties={"name": "other"}), **o
        ),
        "name",
    ),
]

WARNED: list[tuple[str, Call, str]] = [
    ("limit below 15", _list(limit=14), "limit"),
    ("limit above 100", _list(limit=101), "limit"),
    ("q with an undocumented field", _list(q="colour:red"), "q"),
    ("q without a colon", _list(q="spring"), "q"),
    ("order_by with a bad direction", _list(order_by="name:up"), "order_by"),
    ("date_from after date_to", _list(date_from=200, date_to=100), "date_from"),
    ("negative date_to", _list(date_to=-1), "date_to"),
    ("an undocumented operator", _list(operator="XOR"), "operator"),
    ("list id not a number", _send(list_id="wrong-id"), "list_id"),
    ("alpha tag too short", _send(from_="AB"), "from"),
    ("alpha tag too long", _send(from_="TwelveChars1"), "from"),
    ("alpha tag with a space", _send(from_="My Shop"), "from"),
    ("alpha tag of digits only", _send(from_="12345"), "from"),
    ("number without +", _send(from_="61411111111"), "from"),
    ("number too long", _send(from_="+1234567890123456"), "from"),
    ("an email address as sender", _send(from_="abc@gmail.com"), "from"),
    ("schedule in the past", _send(schedule=NOW - 3600), "schedule"),
    ("schedule beyond four months", _send(schedule=NOW + MAX_SCHEDULE_AHEAD_SECONDS + 3600), "schedule"),
    ("schedule in milliseconds", _send(schedule=1734591600000), "schedule"),
    ("url_to_shorten not http", _send(url_to_shorten="ftp://example.com/a"), "url_to_shorten"),
    ("url_to_shorten without a scheme", _send(url_to_shorten="example.com/a"), "url_to_shorten"),
    ("url_to_shorten over 250", _send(url_to_shorten="https://example.com/" + "a" * 231), "url_to_shorten"),
    ("sender without id or type", _sender(recipient_country_code="AU"), "senders[0]"),
    ("sender without its country", _sender(sender_id="+61411111111"), "senders[0]"),
    (
        "sender with a lowercase country",
        _sender(recipient_country_code="au", sender_id="+61411111111"),
        "senders[0].recipient_country_code",
    ),
    ("sender with a bad id", _sender(recipient_country_code="AU", sender_id="x"), "senders[0].sender_id"),
    ("sender of type longcode", _sender(recipient_country_code="AU", sender_type="longcode"), "senders[0].sender_type"),
    (
        "update with a past schedule",
        lambda c, **o: update_sms_campaign.sync(
            client=c,
            sms_campaign_id=7,
            body=SmsCampaignUpdateRequest(list_id=1, name="n", body="b", schedule=NOW - 3600),
            **o,
        ),
        "schedule",
    ),
]

GOOD_CALLS: list[Call] = [
    _list(limit=15),
    _list(limit=100, page=3, q="status:Scheduled,from:+61411111111", order_by="schedule:desc", operator="OR"),
    _list(date_from=100, date_to=100),
    _send(from_="+61411111111", schedule=NOW + 86400, url_to_shorten="https://example.com/x", source="crm"),
    _send(from_="MyShop", list_id="428"),
    _send(from_="Shop+1"),
    # Ten seconds ago when the request is built (not when this module was imported, minutes earlier).
    lambda c, **options: _send(schedule=int(time.time()) - 10)(c, **options),
    _send(
        senders=[
            SenderInput(recipient_country_code="US", sender_id="+12124567890"),
            SenderInput(recipient_country_code="BG", sender_type="shared_longcode", sender_country_code="FR"),
        ]
    ),
    _send_dict({**GOOD, "senderIDgroup": "Own numbers", "subject": "New sms campaign test"}),
    lambda c, **o: update_sms_campaign.sync(
        client=c, sms_campaign_id=7, body=SmsCampaignUpdateRequest(**GOOD, schedule=NOW + 86400), **o
    ),
]


def _ids(cases: list[tuple[str, Call, str]]) -> list[str]:
    return [case[0] for case in cases]


def _sent(fake: FakeClickSend) -> Any:
    [request] = fake.requests
    return request.content, dict(request.url.params), request.url.path


@pytest.mark.parametrize(("name", "call", "field"), REFUSED + UNENCODABLE, ids=_ids(REFUSED + UNENCODABLE))
def test_what_cannot_be_meant_is_refused_before_sending(name: str, call: Call, field: str) -> None:
    fake = FakeClickSend()
    with fake.client() as client, pytest.raises(RequestValidationError) as raised:
        call(client)
    assert raised.value.field == field, str(raised.value)
    assert str(raised.value).startswith(f"{field}: ")
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, ClickSendError)
    assert fake.requests == [], "no request may leave"


@pytest.mark.parametrize(("name", "call", "field"), UNENCODABLE, ids=_ids(UNENCODABLE))
def test_what_cannot_be_encoded_is_refused_with_the_checks_off_too(name: str, call: Call, field: str) -> None:
    fake = FakeClickSend()
    with fake.client(checks=False) as client, pytest.raises(RequestValidationError) as raised:
        call(client)
    assert raised.value.field == field
    assert fake.requests == []


@pytest.mark.parametrize(("name", "call", "field"), WARNED, ids=_ids(WARNED))
def test_what_clickSend_accepts_but_is_probably_a_mistake_is_warned_about_and_sent(
    name: str, call: Call, field: str
) -> None:
    fake = FakeClickSend()
    with fake.client() as client, pytest.warns(ClickSendWarning) as caught:
        call(client)
    assert next(w.message.field for w in caught if isinstance(w.message, ClickSendWarning)) == field
    assert caught[0].filename == __file__, "the warning points at the caller's line"
    unchecked = FakeClickSend()
    with unchecked.client(checks=False) as client:
        call(client)
    assert _sent(fake) == _sent(unchecked), "a warning changes nothing in the request"


@pytest.mark.parametrize(("name", "call", "field"), REFUSED + WARNED, ids=_ids(REFUSED + WARNED))
@pytest.mark.parametrize("switched_off", ["for the client", "for the call"])
def test_every_check_can_be_switched_off_and_the_request_is_sent_as_given(
    name: str, call: Call, field: str, switched_off: str
) -> None:
    fake = FakeClickSend()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning either
        if switched_off == "for the client":
            with fake.client(checks=False) as client:
                _ignore_answer(lambda: call(client))
        else:
            with fake.client() as client:
                _ignore_answer(lambda: call(client, checks=False))
    [request] = fake.requests
    if request.content:
        assert field.split(".")[0].split("[")[0] in json.loads(request.content)
    else:
        assert (
            field in request.url.params
            or field in request.url.path
            or str(request.url.path).endswith(("/0", "/-3", "/cancel"))
        )


def _ignore_answer(call: Callable[[], Any]) -> None:
    """The request is what matters here; the fake's canned answer may not fit every call."""
    try:
        call()
    except ClickSendError as error:
        assert not isinstance(error, RequestValidationError), error


@pytest.mark.parametrize("call", GOOD_CALLS)
def test_good_arguments_are_sent_without_a_warning(call: Call) -> None:
    fake = FakeClickSend()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with fake.client() as client:
            call(client)
    assert len(fake.requests) == 1


def test_an_update_without_a_schedule_warns_that_clicksend_may_send_the_campaign_now() -> None:
    fake = FakeClickSend()
    without = SmsCampaignUpdateRequest(**GOOD)
    with fake.client() as client:
        with pytest.warns(ClickSendWarning) as caught:
            update_sms_campaign.sync(client=client, sms_campaign_id=7, body=without)
        [warning] = [w.message for w in caught if isinstance(w.message, ClickSendWarning)]
        assert warning.field == "schedule" and caught[0].filename == __file__
        assert "replaces the existing one with immediate delivery, so the campaign may be sent now" in warning.problem
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            update_sms_campaign.sync(client=client, sms_campaign_id=7, body=without, checks=False)
    first, unchecked = fake.bodies()
    assert first == unchecked == GOOD, "sent as given: the warning adds no schedule"


def test_the_call_setting_wins_over_the_client_setting() -> None:
    fake = FakeClickSend()
    with fake.client(checks=False) as client, pytest.raises(RequestValidationError):
        _list(page=0)(client, checks=True)
    assert fake.requests == []


@pytest.mark.parametrize(
    "build",
    [
        lambda: SmsCampaignSendRequest.from_dict({**GOOD, "senderIDgroup": "Own numbers", "subject": "Hi"}),
        lambda: SmsCampaignSendRequest(**GOOD, additional_properties={"senderIDgroup": "Own numbers", "subject": "Hi"}),
    ],
    ids=["from_dict", "explicit mapping"],
)
def test_fields_the_spec_does_not_name_are_sent_unchanged(build: Callable[[], SmsCampaignSendRequest]) -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        send_sms_campaign.sync(client=client, body=build())
    assert fake.bodies() == [{**GOOD, "senderIDgroup": "Own numbers", "subject": "Hi"}]


def test_fields_the_spec_does_not_name_reach_price_and_update_and_senders() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        calculate_sms_campaign_price.sync(
            client=client, body=SmsCampaignPriceRequest.from_dict({**GOOD, "source": "app", "schedule": NOW + 86400})
        )
        update_sms_campaign.sync(
            client=client,
            sms_campaign_id=7,
            body=SmsCampaignUpdateRequest.from_dict(
                {**GOOD, "url_to_shorten": "https://x.io", "schedule": NOW + 86400}
            ),
        )
        senders = [{"country": "AU", "sender_id": "+61411111111", "sender_type": "longcode"}]
        with pytest.warns(ClickSendWarning):
            send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest.from_dict({**GOOD, "senders": senders}))
    price, update, send = fake.bodies()
    assert price == {**GOOD, "source": "app", "schedule": NOW + 86400}
    assert update == {**GOOD, "url_to_shorten": "https://x.io", "schedule": NOW + 86400}
    assert send == {**GOOD, "senders": senders}


def test_a_request_model_without_a_required_field_says_which() -> None:
    from clicksend_sms_campaigns import InvalidFieldError

    with pytest.raises(InvalidFieldError) as raised:
        SmsCampaignSendRequest.from_dict({"list_id": 428, "body": "Hi"})
    assert raised.value.field == "name"
    assert isinstance(raised.value, ClickSendError) and isinstance(raised.value, ValueError)


def test_warnings_can_be_turned_into_errors_or_silenced() -> None:
    fake = FakeClickSend()
    with fake.client() as client:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ClickSendWarning)
            with pytest.raises(ClickSendWarning):
                _send(from_="abc@gmail.com")(client)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ClickSendWarning)
            _send(from_="abc@gmail.com")(client)
    assert len(fake.requests) == 1


def test_a_body_that_holds_itself_is_refused_with_a_reason() -> None:
    loop: list[object] = []
    loop.append(loop)
    fake = FakeClickSend()
    with fake.client(checks=False) as client, pytest.raises(RequestValidationError) as raised:
        _send_dict({**GOOD, "loop": loop})(client)
    assert raised.value.field.startswith("loop") and raised.value.problem
    assert fake.requests == []
