"""Every answer that is not a success becomes a typed ClickSendError carrying what the server said."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ClickSendError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from clicksend_sms_campaigns._core.exceptions import parse_retry_after
from clicksend_sms_campaigns.api.sms_campaigns import get_sms_campaign, list_sms_campaigns
from clicksend_sms_campaigns.models import SmsCampaignEnvelope
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.client.fakes import FakeClickSend, envelope, success_example

NO_RETRIES = RetryPolicy(max_retries=0)


def _get(fake: FakeClickSend) -> SmsCampaignEnvelope:
    with fake.client(retry_policy=NO_RETRIES) as client:
        return get_sms_campaign.sync(client=client, sms_campaign_id=7)


def _raised(answer: httpx.Response) -> ClickSendError:
    with pytest.raises(ClickSendError) as raised:
        _get(FakeClickSend().then(answer))
    return raised.value


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, APIError),
        (418, APIError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (302, APIError),
    ],
)
def test_status_maps_to_its_error_class(status: int, error_class: type[APIError]) -> None:
    error = _raised(envelope(status, "SOME_CODE", "Something happened.", {"x": 1}, x_request_id="abc"))
    assert type(error) is error_class
    assert (error.status, error.response_code, error.response_msg, error.data) == (
        status,
        "SOME_CODE",
        "Something happened.",
        {"x": 1},
    )
    assert error.headers["x-request-id"] == "abc"
    assert str(error) == f"GET /v3/sms-campaigns/7 failed with HTTP {status} (SOME_CODE: Something happened.)"


def test_bad_request_exposes_per_field_messages() -> None:
    error = _raised(envelope(400, "BAD_REQUEST", "Invalid input.", {"name": "Name field is required."}))
    assert isinstance(error, BadRequestError)
    assert error.field_errors == {"name": "Name field is required."}
    assert BadRequestError("x", data=None).field_errors == {}


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), ("0.5", 0.5), (None, None), ("soon", None)])
def test_rate_limit_exposes_retry_after(header: str | None, seconds: float | None) -> None:
    headers = {"retry-after": header} if header is not None else {}
    error = _raised(httpx.Response(429, json={"http_code": 429, "response_code": "TOO_MANY_REQUESTS"}, headers=headers))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == seconds


def test_retry_after_as_an_http_date() -> None:
    assert parse_retry_after("Fri, 27 Nov 2026 05:00:30 GMT", now=1795755600.0) == 30.0
    assert parse_retry_after("Fri, 27 Nov 2026 04:00:00 GMT", now=1795755600.0) == 0.0, "a date in the past"


@pytest.mark.parametrize(
    ("answer", "error_class", "text"),
    [
        (httpx.Response(502, text="<html><body>Bad gateway</body></html>"), ServerError, "not a JSON envelope"),
        (httpx.Response(500, content=b""), ServerError, "an empty body"),
        (httpx.Response(200, content=b""), MalformedResponseError, "the body is not JSON"),
        (httpx.Response(200, text="<html>maintenance</html>"), MalformedResponseError, "the body is not JSON"),
        (httpx.Response(200, json=[1, 2]), MalformedResponseError, "a JSON list, not an object"),
        (
            httpx.Response(200, json={"http_code": 200, "response_code": "SUCCESS"}),
            MalformedResponseError,
            "get_sms_campaign (GET /v3/sms-campaigns/7) returned HTTP 200 that could not be read: "
            "data: is required but missing or null",
        ),
        (
            httpx.Response(200, json={"http_code": 200, "response_code": "SUCCESS", "response_msg": "", "data": [1]}),
            MalformedResponseError,
            "data: expected an object, got an array",
        ),
        (
            httpx.Response(
                200, json={"http_code": 200, "response_code": "SUCCESS", "response_msg": "", "data": {"name": 1}}
            ),
            MalformedResponseError,
            "data.sms_campaign_id: is required but missing or null",
        ),
        (
            httpx.Response(200, json={"data": {"sms_campaign_id": 7, "status": ["Sent"]}}),
            MalformedResponseError,
            "data.status: expected a string, got an array",
        ),
        (
            httpx.Response(200, json={"data": {"sms_campaign_id": {"id": 7}}}),
            MalformedResponseError,
            "data.sms_campaign_id: expected an integer, got an object",
        ),
        (httpx.Response(200, content=b"[" * 100_000), MalformedResponseError, "the body is not JSON"),
    ],
)
def test_unreadable_answers_are_clickSend_errors(
    answer: httpx.Response, error_class: type[APIError], text: str
) -> None:
    error = _raised(answer)
    assert type(error) is error_class
    assert text in str(error)
    assert error.status == answer.status_code


def test_a_200_whose_envelope_reports_an_error_raises_that_error() -> None:
    reported = {"http_code": 401, "response_code": "INVALID_CREDENTIALS", "response_msg": "Bad key", "data": None}
    error = _raised(httpx.Response(200, json=reported))
    assert isinstance(error, AuthenticationError)
    assert (error.status, error.response_code) == (401, "INVALID_CREDENTIALS")


def test_a_response_code_that_is_not_a_string_is_kept_as_text() -> None:
    error = _raised(httpx.Response(404, json={"http_code": 404, "response_code": 404, "response_msg": ["gone"]}))
    assert isinstance(error, NotFoundError)
    assert (error.response_code, error.response_msg) == ("404", "['gone']")


def test_unknown_fields_and_status_values_are_kept() -> None:
    body = success_example("/sms-campaigns/{sms_campaign_id}", "get")
    body = {**body, "extra_top": 1, "data": {**body["data"], "status": "Paused", "new_field": {"a": 1}}}
    campaign = _get(FakeClickSend().then(httpx.Response(200, json=body)))
    assert campaign.data.status == "Paused"
    assert campaign.data.additional_properties == {"new_field": {"a": 1}}
    assert campaign.additional_properties == {"extra_top": 1}


@pytest.mark.parametrize(
    ("schedule", "date_added", "list_id"), [("1444821615", "1444962630", 428), (2147483647, 1726199079, "428")]
)
def test_values_in_either_documented_form_parse(schedule: Any, date_added: Any, list_id: Any) -> None:
    body = success_example("/sms-campaigns/{sms_campaign_id}", "get")
    body = {**body, "data": {**body["data"], "schedule": schedule, "date_added": date_added, "list_id": list_id}}
    campaign = _get(FakeClickSend().then(httpx.Response(200, json=body))).data
    assert (campaign.schedule, campaign.date_added, campaign.list_id) == (schedule, date_added, list_id)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
ENVELOPE_KEYS = st.sampled_from(["http_code", "response_code", "response_msg", "data", "other"])
BODIES = (
    st.binary(max_size=40)
    | JSON.map(lambda value: json.dumps(value).encode())
    | st.dictionaries(ENVELOPE_KEYS, JSON, max_size=5).map(lambda value: json.dumps(value).encode())
    | st.builds(
        lambda data, changes: json.dumps(
            {**success_example("/sms-campaigns", "get"), **changes, "data": data}
        ).encode(),
        st.dictionaries(st.sampled_from(["total", "per_page", "last_page", "data", "from"]), JSON, max_size=3).map(
            lambda changes: {**success_example("/sms-campaigns", "get")["data"], **changes}
        ),
        st.dictionaries(ENVELOPE_KEYS, JSON, max_size=2),
    )
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(status=st.integers(min_value=200, max_value=599), body=BODIES)
def test_whatever_the_server_sends_the_caller_gets_a_model_or_a_clicksend_error(status: int, body: bytes) -> None:
    fake = FakeClickSend().then(httpx.Response(status, content=body, headers={"Content-Type": "application/json"}))
    with fake.client(retry_policy=NO_RETRIES) as client:
        try:
            page = list_sms_campaigns.sync(client=client)
        except ClickSendError as error:
            assert error.status is not None
            return
    assert status == 200
    assert page.data is None or page.data.data is None or isinstance(page.data.data, list)
