"""The emulator answers the public evidence's requests as ClickSend did (contract_tests/evidence/public)."""

from __future__ import annotations

from typing import Any

import pytest
from clicksend_emulator import RunningEmulator

from contract_tests.public_evidence import Sample, load_samples, operation_route
from contract_tests.speclib import load_spec
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
