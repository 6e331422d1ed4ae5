"""The spec is valid, complete, and carries every example ClickSend's reference gives."""

from __future__ import annotations

import re
from typing import Any

import pytest

from scripts.contract import speclib

# The six operations and where the reference puts them.
OPERATIONS = {
    "send_sms_campaign": ("POST", "/sms-campaigns/send"),
    "calculate_sms_campaign_price": ("POST", "/sms-campaigns/price"),
    "update_sms_campaign": ("PUT", "/sms-campaigns/{sms_campaign_id}"),
    "get_sms_campaign": ("GET", "/sms-campaigns/{sms_campaign_id}"),
    "cancel_sms_campaign": ("PUT", "/sms-campaigns/{sms_campaign_id}/cancel"),
    "list_sms_campaigns": ("GET", "/sms-campaigns"),
}

# The fields the reference lists for `q` and for `order_by` on "View SMS Campaigns".
SEARCH_FIELDS = {
    "sms_campaign_id",
    "name",
    "user_id",
    "subaccount_id",
    "list_id",
    "from",
    "body",
    "schedule",
    "status",
    "date_added",
    "custom_string",
    "url_to_shorten",
    "unsubscribe_link",
    "source",
}
SORT_FIELDS = {
    "name",
    "status",
    "schedule",
    "from",
    "date_added",  # the usual ones
    "sms_campaign_id",
    "user_id",
    "subaccount_id",
    "list_id",
    "body",
    "custom_string",
    "url_to_shorten",
    "unsubscribe_link",
    "source",  # "less common in practice"
}

_BODY_HEY = "Hey (First Name), I want to ask if this is your lastname: (Last Name)?"
_CAMPAIGN_7 = {
    "sms_campaign_id": 7,
    "name": "My Campaign 1",
    "user_id": 1,
    "subaccount_id": 1,
    "list_id": 428,
    "from": "+61353787448",
    "body": "This is my new campaign message. StopMsg.me/xxxxx",
    "schedule": "1444821615",
    "status": "Queued",
    "date_added": "1444962630",
    "custom_string": None,
    "url_to_shorten": "string",
    "unsubscribe_link": 0,
    "source": None,
    "senders": [],
    "_total_count": 10,
    "_list_name": "string",
}
_CAMPAIGN_IN_LIST_EXAMPLE = {
    "sms_campaign_id": 2145880,
    "name": "taz",
    "user_id": 496596,
    "subaccount_id": 563840,
    "list_id": 2760107,
    "from": "+61428584957",
    "body": "Hey (First Name), I want to ask if this is your lastname: (Last Name)?",
    "schedule": 1925594636,
    "status": "Scheduled",
    "date_added": 1726466470,
    "custom_string": "custom_name",
    "url_to_shorten": "",
    "unsubscribe_link": 0,
    "source": "sample_soruce",
    "senders": [
        {"sender_id": "+12124567890", "recipient_country_code": "US"},
        {"sender_type": "shared_longcode", "sender_country_code": "FR", "recipient_country_code": "BG"},
    ],
    "_total_count": 1,
    "_list_name": "frrfe",
}
_PAGE = {
    "total": 1,
    "per_page": 15,
    "current_page": 1,
    "last_page": 1,
    "next_page_url": None,
    "prev_page_url": None,
    "from": 1,
    "to": 1,
}
_LIST_MSG = "Here are your SMS campaign(s) (shared included)."


def _ok(msg: str, data: Any) -> dict[str, Any]:
    return {"http_code": 200, "response_code": "SUCCESS", "response_msg": msg, "data": data}


# Every JSON example in ClickSend's reference, transcribed as data: (operationId, "request" or
# the response status, value). Postman placeholders ("{{listId}}") are replaced by the curl
# example's list id, 428, in the form the field list gives (number or string), as the spec notes.
DOCUMENTED_EXAMPLES: list[tuple[str, str, Any]] = [
    (
        "send_sms_campaign",
        "request",
        {"list_id": 428, "name": "My Campaign 1", "body": "This is my new campaign message."},
    ),
    (
        "send_sms_campaign",
        "request",
        {
            "list_id": 428,
            "name": "My Campaign",
            "from": "+6141111111",
            "body": _BODY_HEY + " Visit http://smsg.io/xxxxx for more details.",
            "url_to_shorten": "http://www.google.com/",
        },
    ),
    ("send_sms_campaign", "200", _ok("Your new campaign has been added.", _CAMPAIGN_7)),
    (
        "calculate_sms_campaign_price",
        "request",
        {"list_id": 428, "name": "My Campaign 1", "body": "(First Name), this is your new campaign message."},
    ),
    (
        "calculate_sms_campaign_price",
        "request",
        {"list_id": "428", "name": "My Campaign", "from": "+61411111111", "body": _BODY_HEY},
    ),
    (
        "calculate_sms_campaign_price",
        "200",
        _ok(
            "Here is your price for your SMS Campaign.",
            {"total_count": 1, "total_price": "0.035", "data": {}, "_currency": {}},
        ),
    ),
    (
        "update_sms_campaign",
        "request",
        {"list_id": 428, "name": "Awesome campaign.", "body": "his is an awesome message."},
    ),
    (
        "update_sms_campaign",
        "request",
        {"list_id": "428", "name": "My Campaign2", "from": "+61411111111", "body": _BODY_HEY},
    ),
    ("update_sms_campaign", "200", _ok("Your SMS Campaign has been updated.", _CAMPAIGN_7)),
    ("get_sms_campaign", "200", _ok("Your SMS Campaign.", _CAMPAIGN_7)),
    (
        "cancel_sms_campaign",
        "200",
        _ok(
            "Your SMS Campaign.",
            {
                "sms_campaign_id": 2135501,
                "name": "kkde",
                "user_id": 496596,
                "subaccount_id": 563840,
                "list_id": 2484219,
                "from": "edwardo3312",
                "body": "new message2\U0001f44d\U0001f44e smsu.io/xxxxx Reply STOP to opt-out ",
                "schedule": 2147483647,
                "status": "Scheduled",
                "date_added": 1726199079,
                "custom_string": "testz1",
                "url_to_shorten": "https://developers.clicksend.com/docs/",
                "unsubscribe_link": 0,
                "source": "new_soruce",
                "senders": [],
                "_total_count": 5,
                "_list_name": "Opt-Out List",
            },
        ),
    ),
    ("list_sms_campaigns", "200", _ok(_LIST_MSG, {**_PAGE, "data": []})),
    ("list_sms_campaigns", "200", _ok(_LIST_MSG, {**_PAGE, "data": [_CAMPAIGN_IN_LIST_EXAMPLE]})),
    # The 400 validation error from ClickSend's own spec, declared as a shared response.
    (
        "send_sms_campaign",
        "400",
        {
            "http_code": 400,
            "response_code": "BAD_REQUEST",
            "response_msg": "Invalid input.",
            "data": {"name": "Name field is required."},
        },
    ),
]
# Query parameter examples the reference gives on "View SMS Campaigns" (values after URL decoding).
DOCUMENTED_QUERY_EXAMPLES = [
    ("page", 1),
    ("q", "status:Scheduled"),
    ("q", "from:+61437085284"),
    ("order_by", "schedule:desc"),
]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return speclib.load_spec()


def _operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    method, path = OPERATIONS[operation_id]
    operation: dict[str, Any] = spec["paths"][path][method.lower()]
    return operation


def _example_values(spec: dict[str, Any], operation_id: str, where: str) -> list[Any]:
    method, path = OPERATIONS[operation_id]
    prefix = f"{method} {path} " + ("request " if where == "request" else f"response {where} ")
    return [example.value for example in speclib.iter_examples(spec) if example.place.startswith(prefix)]


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    assert speclib.validity_problems(spec) == []
    assert spec["openapi"].startswith("3.1.")
    assert spec["servers"][0]["url"] == "https://rest.clicksend.com/v3"
    basic = spec["components"]["securitySchemes"]["basicAuth"]
    assert (basic["type"], basic["scheme"]) == ("http", "basic")


def test_every_example_satisfies_its_schema(spec: dict[str, Any]) -> None:
    assert speclib.example_problems(spec) == []


def test_the_spec_has_examples_everywhere_examples_are_checked(spec: dict[str, Any]) -> None:
    # Guards the example walker itself: if it stopped finding examples, the check above would pass vacuously.
    places = [example.place for example in speclib.iter_examples(spec)]
    assert len(places) >= len(DOCUMENTED_EXAMPLES) + len(DOCUMENTED_QUERY_EXAMPLES)
    assert any(" request " in place for place in places)
    assert any(" parameter " in place for place in places)
    assert any(place.startswith("schema ") for place in places)


def test_every_operation_is_complete(spec: dict[str, Any]) -> None:
    assert speclib.operation_problems(spec, OPERATIONS) == []


@pytest.mark.parametrize(
    ("operation_id", "where", "value"), DOCUMENTED_EXAMPLES, ids=lambda v: v if isinstance(v, str) else ""
)
def test_documented_example_is_in_the_spec(spec: dict[str, Any], operation_id: str, where: str, value: Any) -> None:
    assert value in _example_values(spec, operation_id, where), (
        f"{operation_id} {where}: the reference's example is missing"
    )


@pytest.mark.parametrize(("name", "value"), DOCUMENTED_QUERY_EXAMPLES)
def test_documented_query_example_is_in_the_spec(spec: dict[str, Any], name: str, value: Any) -> None:
    parameter = next(p for p in _operation(spec, "list_sms_campaigns")["parameters"] if p["name"] == name)
    assert value in [example["value"] for example in parameter["examples"].values()]


def _query_parameter(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in _operation(spec, "list_sms_campaigns")["parameters"] if p["name"] == name)


def _pattern_fields(pattern: str) -> set[str]:
    """The alternatives of the first group of an anchored `^(a|b|c):...` pattern."""
    match = re.match(r"\^\(([^()]*)\):", pattern)
    assert match, f"pattern {pattern!r} does not start with a field group"
    return set(match.group(1).split("|"))


def test_q_accepts_exactly_the_documented_fields(spec: dict[str, Any]) -> None:
    schema = _query_parameter(spec, "q")["schema"]
    assert _pattern_fields(schema["pattern"]) == SEARCH_FIELDS
    assert set(schema["x-search-fields"]) == SEARCH_FIELDS
    pattern = re.compile(schema["pattern"])
    for field in SEARCH_FIELDS:
        assert pattern.fullmatch(f"{field}:x"), field
        assert pattern.fullmatch(f"{field}:"), f"{field}: an empty value matches any value"
    assert pattern.fullmatch("status:Scheduled,name:spring sale,from:+61411111111")
    for bad in ("senders:x", "_list_name:x", "status", "Status:Sent", "status:a,b", "status:Sent,", ""):
        assert not pattern.fullmatch(bad), bad


def test_order_by_accepts_exactly_the_documented_fields(spec: dict[str, Any]) -> None:
    schema = _query_parameter(spec, "order_by")["schema"]
    assert _pattern_fields(schema["pattern"]) == SORT_FIELDS
    assert set(schema["x-sort-fields"]) == SORT_FIELDS
    pattern = re.compile(schema["pattern"])
    for field in SORT_FIELDS:
        assert pattern.fullmatch(f"{field}:asc") and pattern.fullmatch(f"{field}:desc"), field
    for bad in ("schedule", "schedule:DESC", "schedule:up", "senders:asc", "name:asc,status:desc"):
        assert not pattern.fullmatch(bad), bad


@pytest.mark.parametrize(
    ("name", "minimum", "documented", "default"),
    [("page", 1, None, 1), ("limit", 1, {"minimum": 15, "maximum": 100}, 15)],
)
def test_paging_parameter_bounds(
    spec: dict[str, Any], name: str, minimum: int, documented: dict[str, int] | None, default: int
) -> None:
    # limit: the reference documents 15..100, ClickSend's own SDK sends 10; the rule is warned about.
    schema = _query_parameter(spec, name)["schema"]
    assert (schema["type"], schema["minimum"], schema.get("x-documented-rule"), schema["default"]) == (
        "integer",
        minimum,
        documented,
        default,
    )


def _validates(spec: dict[str, Any], schema_name: str, value: Any) -> bool:
    return speclib.schema_validator(spec, speclib.pointer("components", "schemas", schema_name)).is_valid(value)


def _follows_documented_rule(spec: dict[str, Any], schema_name: str, value: Any) -> bool:
    schema = spec["components"]["schemas"][schema_name]
    return (
        speclib.schema_validator(
            spec, speclib.pointer("components", "schemas", schema_name, "x-documented-rule")
        ).is_valid(value)
        and "x-documented-rule" in schema
    )


@pytest.mark.parametrize(
    ("value", "documented"),
    [
        ("+61411111111", True),
        ("+14055555555", True),
        ("MyBiz", True),
        ("Shop+", True),
        ("A1B", True),
        ("edwardo3312", True),
        ("12345", False),
        ("AB", False),
        ("TwelveChars1", False),
        ("My Biz", False),
        ("my_biz", False),
        ("+0123", False),
        ("+++", False),
        ("+1234567890123456", False),
        ("", False),
        ("abc@gmail.com", False),
    ],
)
def test_any_sender_id_is_accepted_and_the_documented_forms_are_kept(
    spec: dict[str, Any], value: str, documented: bool
) -> None:
    assert _validates(spec, "SenderId", value), "ClickSend is not known to refuse any sender"
    assert _follows_documented_rule(spec, "SenderId", value) is documented


@pytest.mark.parametrize(
    ("schema_name", "two_forms"),
    [
        ("UnixTimestampAnyForm", ("1444821615", 2147483647)),
        ("ListId", ("428", 428)),
    ],
)
def test_values_shown_in_two_forms_accept_both(
    spec: dict[str, Any], schema_name: str, two_forms: tuple[Any, Any]
) -> None:
    assert all(_validates(spec, schema_name, value) for value in two_forms)
    assert not _validates(spec, schema_name, "soon")


def test_price_accepts_total_price_as_string_or_number(spec: dict[str, Any]) -> None:
    for total_price in ("0.035", 0.035, 12):
        assert _validates(spec, "SmsCampaignPrice", {"total_count": 1, "total_price": total_price})
    assert not _validates(spec, "SmsCampaignPrice", {"total_count": 1, "total_price": "free"})


def test_campaign_status_is_an_open_set(spec: dict[str, Any]) -> None:
    campaign = dict(_CAMPAIGN_7, status="SomethingNew", unknown_field={"kept": True})
    assert _validates(spec, "SmsCampaign", campaign)
    assert "enum" not in spec["components"]["schemas"]["SmsCampaign"]["properties"]["status"]


def test_requests_carry_undocumented_fields_but_not_without_the_documented_required_ones(spec: dict[str, Any]) -> None:
    request = {"list_id": 428, "name": "n", "body": "b"}
    for schema_name in ("SmsCampaignSendRequest", "SmsCampaignPriceRequest", "SmsCampaignUpdateRequest"):
        assert _validates(spec, schema_name, request), schema_name
        assert _validates(spec, schema_name, {**request, "senderIDgroup": "Own numbers"}), schema_name
        assert not _validates(spec, schema_name, {"name": "n", "body": "b"}), f"{schema_name} without list_id"
        assert not _validates(spec, schema_name, {**request, "body": ""}), f"{schema_name} with an empty body"


def test_url_to_shorten_keeps_the_documented_rule(spec: dict[str, Any]) -> None:
    assert _follows_documented_rule(spec, "UrlToShorten", "https://example.com/" + "a" * 230)
    assert not _follows_documented_rule(spec, "UrlToShorten", "https://example.com/" + "a" * 231)
    assert not _follows_documented_rule(spec, "UrlToShorten", "ftp://example.com/")
    assert _validates(spec, "UrlToShorten", "ftp://example.com/")


def test_sender_input_accepts_clicksends_own_example_and_keeps_the_documented_rule(spec: dict[str, Any]) -> None:
    assert _follows_documented_rule(spec, "SenderInput", {"recipient_country_code": "US", "sender_id": "+12124567890"})
    assert _follows_documented_rule(
        spec, "SenderInput", {"recipient_country_code": "BG", "sender_type": "shared_longcode"}
    )
    assert not _follows_documented_rule(spec, "SenderInput", {"recipient_country_code": "BG"})
    assert not _follows_documented_rule(spec, "SenderInput", {"sender_id": "+12124567890"})
    clicksends_own = {"country": "AU", "sender_id": "+6141111111", "sender_type": "longcode"}
    assert _validates(spec, "SenderInput", clicksends_own)


def test_send_links_to_get_update_and_cancel(spec: dict[str, Any]) -> None:
    links = _operation(spec, "send_sms_campaign")["responses"]["200"]["links"]
    targets = {link["operationId"] for link in links.values()}
    assert targets == {"get_sms_campaign", "update_sms_campaign", "cancel_sms_campaign"}
    for link in links.values():
        assert link["parameters"] == {"sms_campaign_id": "$response.body#/data/sms_campaign/sms_campaign_id"}
    # The expression must point at a field the nested answer really has.
    assert "sms_campaign" in spec["components"]["schemas"]["SmsCampaignSendWrapper"]["required"]
    assert "sms_campaign_id" in spec["components"]["schemas"]["SmsCampaign"]["required"]


def _schemas_reached(spec: dict[str, Any], node: Any, seen: set[str]) -> set[str]:
    """The names of the component schemas a schema reaches through $refs."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                _schemas_reached(spec, spec["components"]["schemas"][name], seen)
        for value in node.values():
            _schemas_reached(spec, value, seen)
    elif isinstance(node, list):
        for value in node:
            _schemas_reached(spec, value, seen)
    return seen


def test_every_answer_schema_is_read_tolerantly_and_no_request_schema_is(spec: dict[str, Any]) -> None:
    answers: set[str] = set()
    requests: set[str] = set()
    for _, _, operation in speclib.iter_operations(spec):
        _schemas_reached(spec, operation["responses"]["200"], answers)
        _schemas_reached(spec, operation.get("requestBody", {}), requests)
    objects = {name for name in answers if name in spec["components"]["schemas"]}
    objects = {
        n
        for n in objects
        if "properties" in spec["components"]["schemas"][n] or "allOf" in spec["components"]["schemas"][n]
    }
    assert {"SmsCampaign", "Sender", "SmsCampaignPage", "SmsCampaignPrice", "SmsCampaignPriceCurrency"} <= objects
    for name in objects:
        assert spec["components"]["schemas"][name].get("x-tolerant-reader") is True, name
    for name in requests:
        assert "x-tolerant-reader" not in spec["components"]["schemas"][name], name
    assert not answers & requests, "no schema is both an answer and a request"


def test_answer_schemas_require_only_what_the_client_cannot_work_without(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    required = {
        name: sorted(
            {*schema.get("required", []), *(r for part in schema.get("allOf", []) for r in part.get("required", []))}
        )
        for name, schema in schemas.items()
        if schema.get("x-tolerant-reader")
    }
    assert {name: fields for name, fields in required.items() if fields} == {
        "SmsCampaign": ["sms_campaign_id"],
        "SmsCampaignEnvelope": ["data"],
        "SmsCampaignSendEnvelope": ["data"],
        "SmsCampaignSendWrapper": ["sms_campaign"],
    }


def test_every_other_name_of_a_field_is_declared_beside_it_with_the_same_schema(spec: dict[str, Any]) -> None:
    # x-also-named: a field ClickSend's references spell two ways, read as one (the price's currency).
    named = {
        name: schema["x-also-named"]
        for name, schema in spec["components"]["schemas"].items()
        if "x-also-named" in schema
    }
    assert named == {"SmsCampaignPrice": {"_currency": ["currency"]}}
    for name, fields in named.items():
        schema = spec["components"]["schemas"][name]
        assert schema.get("x-tolerant-reader") is True, f"{name}: only answers are read under other names"
        properties = schema["properties"]
        for field, others in fields.items():
            for other in others:
                assert properties[other].get("$ref") == properties[field].get("$ref"), f"{name}.{other}"


def test_the_fields_whose_absence_clicksend_documents_as_risky_are_warned_about(spec: dict[str, Any]) -> None:
    warned = {
        name: sorted(schema["x-warn-if-absent"])
        for name, schema in spec["components"]["schemas"].items()
        if "x-warn-if-absent" in schema
    }
    assert warned == {"SmsCampaignUpdateRequest": ["schedule"]}
    for name, fields in warned.items():
        assert set(fields) <= set(spec["components"]["schemas"][name]["properties"]), name
