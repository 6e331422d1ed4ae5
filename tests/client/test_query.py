"""The q and order_by builders: documented fields only, clear ValueErrors, and a lossless round trip."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import order_by, parse_order_by, parse_search_query, search_query
from clicksend_sms_campaigns._core.query import SEARCH_FIELDS, SORT_FIELDS
from hypothesis import given, settings
from hypothesis import strategies as st

from contract_tests.test_spec import SEARCH_FIELDS as DOCUMENTED_SEARCH_FIELDS
from contract_tests.test_spec import SORT_FIELDS as DOCUMENTED_SORT_FIELDS


def test_fields_are_the_documented_ones() -> None:
    assert set(SEARCH_FIELDS) == DOCUMENTED_SEARCH_FIELDS
    assert set(SORT_FIELDS) == DOCUMENTED_SORT_FIELDS


def test_search_query_from_a_mapping_or_pairs() -> None:
    assert search_query({"status": "Scheduled"}) == "status:Scheduled"
    assert search_query({"from": "+61411111111", "list_id": 428}) == "from:+61411111111,list_id:428"
    assert search_query([("status", "Sent"), ("status", "Queued")]) == "status:Sent,status:Queued"
    assert search_query({"custom_string": ""}) == "custom_string:", "an empty value matches any value"


@pytest.mark.parametrize(
    ("conditions", "message"),
    [
        ({}, "at least one"),
        ({"senders": "x"}, "'senders' is not a search field"),
        ({"Status": "Sent"}, "'Status' is not a search field"),
        ({"name": "a,b"}, "cannot contain a comma"),
        ({"list_id": True}, "must be a string or an integer"),
        ({"list_id": 1.5}, "must be a string or an integer"),
    ],
)
def test_search_query_rejects_bad_conditions(conditions: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        search_query(conditions)


def test_order_by() -> None:
    assert order_by("schedule", "desc") == "schedule:desc"
    assert order_by("name") == "name:asc"
    assert parse_order_by("date_added:desc") == ("date_added", "desc")
    for bad, message in [(("senders",), "not a sort field"), (("name", "DESC"), "'asc' or 'desc'")]:
        with pytest.raises(ValueError, match=message):
            order_by(*bad)
    with pytest.raises(ValueError, match="is not field:asc"):
        parse_order_by("name")


@pytest.mark.parametrize(
    ("q", "message"), [("", "non-empty"), ("status", "not field:value"), ("colour:red", "not a search")]
)
def test_parse_search_query_rejects_bad_values(q: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_search_query(q)


VALUES = st.text(st.characters(blacklist_characters=",", blacklist_categories=["Cs"]), max_size=30)
CONDITIONS = st.lists(st.tuples(st.sampled_from(SEARCH_FIELDS), VALUES), min_size=1, max_size=5)


@settings(max_examples=300, derandomize=True)
@given(conditions=CONDITIONS, sort=st.tuples(st.sampled_from(SORT_FIELDS), st.sampled_from(["asc", "desc"])))
def test_builders_round_trip_through_url_encoding(conditions: list[tuple[str, str]], sort: tuple[str, str]) -> None:
    request = httpx.Request(
        "GET", "https://x/v3/sms-campaigns", params={"q": search_query(conditions), "order_by": order_by(*sort)}
    )
    wire = request.url.query.decode("ascii")
    # Every reserved character of a value travels percent-encoded: nothing but the separators is raw.
    assert set(wire) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%&=+-._~")
    decoded = httpx.URL("https://x/?" + wire).params
    assert parse_search_query(decoded["q"]) == conditions
    assert parse_order_by(decoded["order_by"]) == sort
