"""The emulator answers the public evidence's requests as ClickSend did (contract_tests/evidence/public)."""

from __future__ import annotations

from typing import Any

import pytest
from clicksend_emulator import RunningEmulator

from scripts.contract.public_evidence import PATH_CAMPAIGN_ID, Sample, load_samples, operation_route
from scripts.contract.speclib import load_spec
from tests.emulator.conftest import http

ANSWERED = [sample for sample in load_samples() if sample.data["kind"] == "request" and "real_answer" in sample.data]


def test_there_is_evidence_of_both_a_success_and_an_error() -> None:
    assert {sample.data["real_answer"]["status"] for sample in ANSWERED} >= {200, 404}


@pytest.mark.parametrize("sample", ANSWERED, ids=[sample.label for sample in ANSWERED])
def test_the_emulator_answers_as_clicksend_did(running: RunningEmulator, sample: Sample) -> None:
    body: dict[str, Any] = dict(sample.data["body"])
    if "emulator_list_id" in sample.data:
        body["list_id"] = sample.data["emulator_list_id"]
    method, path = operation_route(load_spec(), sample.data["operation"])
    with http(running) as client:
        answer = client.request(method, path.removeprefix("/v3"), json=body)
    expected = sample.data["real_answer"]
    assert (answer.status_code, answer.json()["response_code"]) == (expected["status"], expected["response_code"])


#: ClickSend's own request examples and what its SDKs send (reference-samples.json): the emulator
#: must take every one, as ClickSend must (its own SDK would break otherwise), and echo the schedule.
CLICKSEND_S_OWN = ("documentation example", "official SDK default")
DOCUMENTED_REQUESTS = [
    sample
    for sample in load_samples()
    if sample.data["kind"] == "request" and sample.data.get("origin") in CLICKSEND_S_OWN
]


def test_there_are_documented_requests_of_every_kind() -> None:
    assert {sample.data["operation"] for sample in DOCUMENTED_REQUESTS} >= {
        "send_sms_campaign",
        "calculate_sms_campaign_price",
        "update_sms_campaign",
        "list_sms_campaigns",
    }


@pytest.mark.parametrize("sample", DOCUMENTED_REQUESTS, ids=[sample.label for sample in DOCUMENTED_REQUESTS])
def test_the_emulator_takes_clicksend_s_own_requests(running: RunningEmulator, sample: Sample) -> None:
    method, path = operation_route(load_spec(), sample.data["operation"])
    with http(running) as client:
        if sample.data["operation"] == "update_sms_campaign":  # a campaign to update, in place of the path's
            created = client.post("/sms-campaigns/send", json={"list_id": 428, "name": "To update", "body": "Hi"})
            campaign_id = created.json()["data"]["sms_campaign"]["sms_campaign_id"]
            path = path.replace(f"/{PATH_CAMPAIGN_ID}", f"/{campaign_id}")
        if sample.data.get("query") is not None:
            answer = client.request(method, path.removeprefix("/v3"), params=sample.data["query"])
        else:
            body = {**sample.data["body"], "list_id": 428}  # the emulator's list in place of the sample's
            answer = client.request(method, path.removeprefix("/v3"), json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    campaign = data.get("sms_campaign", data) if isinstance(data, dict) else None
    if "schedule" in (sample.data["body"] or {}) and sample.data["operation"] != "calculate_sms_campaign_price":
        assert campaign is not None and campaign["schedule"] == sample.data["body"]["schedule"], "echoed as given"
        assert campaign["status"] == "Queued", "a schedule that has passed: sent at once"
