"""Each spec check fails on a broken copy of the spec, and says where the break is."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from contract_tests.test_spec import OPERATIONS
from scripts.contract import speclib


@pytest.fixture
def spec() -> dict[str, Any]:
    return copy.deepcopy(speclib.load_spec())


def test_an_invalid_spec_is_reported_with_its_place(spec: dict[str, Any]) -> None:
    spec["paths"]["/sms-campaigns"]["get"]["responses"]["200"]["content"] = "not a mapping"
    problems = speclib.validity_problems(spec)
    assert len(problems) == 1
    assert "/sms-campaigns" in problems[0] and "content" in problems[0]


def test_an_unknown_reference_is_invalid(spec: dict[str, Any]) -> None:
    spec["components"]["responses"]["NotFound"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Nowhere"
    }
    assert speclib.validity_problems(spec) == ["spec has a reference that points nowhere: /components/schemas/Nowhere"]
    assert any("response 404" in p and "points nowhere" in p for p in speclib.example_problems(spec))


def test_an_example_that_no_longer_matches_names_example_and_field(spec: dict[str, Any]) -> None:
    examples = spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["examples"]
    examples["referenceResponse"]["value"]["data"]["status"] = 7
    problems = speclib.example_problems(spec)
    assert problems == [
        "GET /sms-campaigns/{sms_campaign_id} response 200 application/json example 'referenceResponse': "
        "at data/status: 7 is not of type 'string'"
    ]


def test_a_schema_change_breaks_the_examples_that_relied_on_it(spec: dict[str, Any]) -> None:
    # Making schedule a plain integer breaks every example that shows it as a string.
    spec["components"]["schemas"]["SmsCampaign"]["properties"]["schedule"] = {"type": "integer"}
    problems = speclib.example_problems(spec)
    assert any("GET /sms-campaigns/{sms_campaign_id} response 200" in p and "at data/schedule" in p for p in problems)


def test_a_bad_parameter_example_is_reported(spec: dict[str, Any]) -> None:
    q = next(p for p in spec["paths"]["/sms-campaigns"]["get"]["parameters"] if p["name"] == "q")
    q["examples"]["scheduledCampaigns"]["value"] = "colour:blue"
    problems = speclib.example_problems(spec)
    assert len(problems) == 1 and "GET /sms-campaigns parameter 'q' example 'scheduledCampaigns'" in problems[0]


def test_a_bad_example_in_a_shared_response_is_reported(spec: dict[str, Any]) -> None:
    spec["components"]["responses"]["BadRequest"]["content"]["application/json"]["examples"]["validationError"][
        "value"
    ]["http_code"] = "400"
    problems = speclib.example_problems(spec)
    # The shared 400 stands on all six operations, so each reports it.
    assert len(problems) == len(OPERATIONS)
    assert all("response 400" in p and "at http_code" in p for p in problems)


def test_a_missing_operation_is_named(spec: dict[str, Any]) -> None:
    del spec["paths"]["/sms-campaigns/{sms_campaign_id}/cancel"]
    assert speclib.operation_problems(spec, OPERATIONS) == [
        "operation 'cancel_sms_campaign' (PUT /sms-campaigns/{sms_campaign_id}/cancel) is missing from the spec"
    ]


def test_a_renamed_operation_is_named_twice(spec: dict[str, Any]) -> None:
    spec["paths"]["/sms-campaigns"]["get"]["operationId"] = "getCampaigns"
    problems = speclib.operation_problems(spec, OPERATIONS)
    assert any("'list_sms_campaigns'" in p and "missing" in p for p in problems)
    assert any("'getCampaigns'" in p for p in problems)


@pytest.mark.parametrize("status", speclib.ERROR_STATUSES)
def test_a_missing_error_response_is_named(spec: dict[str, Any], status: str) -> None:
    del spec["paths"]["/sms-campaigns/price"]["post"]["responses"][status]
    assert speclib.operation_problems(spec, OPERATIONS) == [
        f"operation 'calculate_sms_campaign_price' does not declare the {status} response"
    ]


def test_an_operation_without_examples_is_named(spec: dict[str, Any]) -> None:
    operation = spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["get"]
    operation["responses"] = {status: {"description": "x"} for status in ("200", *speclib.ERROR_STATUSES)}
    assert speclib.operation_problems(spec, OPERATIONS) == ["operation 'get_sms_campaign' has no example"]


def test_an_operation_without_security_or_tags_is_named(spec: dict[str, Any]) -> None:
    operation = spec["paths"]["/sms-campaigns/send"]["post"]
    del operation["security"], operation["tags"]
    problems = speclib.operation_problems(spec, OPERATIONS)
    assert sorted(problems) == [
        "operation 'send_sms_campaign' does not declare the basicAuth security scheme",
        "operation 'send_sms_campaign' has no tags",
    ]
