"""One registry of operations (spec_facts.OPERATIONS, from each operation's x-safe-to-repeat) feeds
every list of operations in the project; a seventh operation in a copy of the spec reaches them all
by regenerating, with no hand edit."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from clicksend_sms_campaigns.operations import OPERATIONS, operation_by_id, operation_for

from scripts import regenerate
from scripts.openapi_spec import SPEC_PATH, load_spec

ROOT = Path(__file__).resolve().parent.parent


def test_the_registry_is_the_spec_s_operations_with_their_retry_safety() -> None:
    spec = load_spec(SPEC_PATH)
    declared = {
        (operation["operationId"], method.upper(), path, operation["x-safe-to-repeat"])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert {(op.id, op.method, op.path, op.safe_to_repeat) for op in OPERATIONS} == declared
    assert [op.id for op in OPERATIONS if not op.safe_to_repeat] == ["send_sms_campaign"]


def test_a_request_is_matched_to_its_operation_by_method_and_path() -> None:
    assert operation_for("POST", "/v3/sms-campaigns/send") == operation_by_id("send_sms_campaign")
    assert operation_for("GET", "/v3/sms-campaigns/7") == operation_by_id("get_sms_campaign")
    assert operation_for("put", "/v3/sms-campaigns/7/cancel") == operation_by_id("cancel_sms_campaign")
    assert operation_for("GET", "/v3/sms-campaigns") == operation_by_id("list_sms_campaigns")
    assert operation_for("DELETE", "/v3/sms-campaigns/7") is None
    assert operation_for("GET", "/v3/sms-campaigns/7/cancel/x") is None


@pytest.mark.slow  # a generator run
def test_an_operation_without_x_safe_to_repeat_stops_the_build(tmp_path: Path) -> None:
    spec = load_spec(SPEC_PATH)
    del spec["paths"]["/sms-campaigns/price"]["post"]["x-safe-to-repeat"]
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    inputs = regenerate.Inputs(spec=tmp_path / "spec.yaml")
    try:
        regenerate.build(inputs, tmp_path / "scratch")
    except regenerate.RegenerationError as error:
        assert "calculate_sms_campaign_price: x-safe-to-repeat must say true or false" in str(error)
    else:
        raise AssertionError("the build went on without x-safe-to-repeat")


# Run against the package generated from the spec with a seventh operation; prints what follows.
PROBE = r"""
import asyncio, base64, json
import httpx
from clicksend_sms_campaigns import ClickSendClient, ClickSendError
from clicksend_sms_campaigns.api.sms_campaigns import get_sms_campaign_stats
from clicksend_sms_campaigns.operations import operation_for
from clicksend_sms_campaigns.retries import SAFE_TO_REPEAT
from clicksend_emulator import Emulator
from contract_tests import evidence_checks, live_safety

found = {"module": get_sms_campaign_stats.__name__}
found["matched"] = operation_for("GET", "/v3/sms-campaigns/7/stats").id
found["retried"] = "get_sms_campaign_stats" in SAFE_TO_REPEAT
found["evidence"] = evidence_checks.OPERATION_MODULES["get_sms_campaign_stats"] is get_sms_campaign_stats
live_safety.check_request(httpx.Request("GET", "https://rest.clicksend.com/v3/sms-campaigns/7/stats"))
found["live guard"] = "allowed"
emulator = Emulator()
client = ClickSendClient("emulator", "emulator-key", base_url="http://emulator/v3",
                         async_transport=httpx.ASGITransport(emulator.app), max_retries=0)
try:
    asyncio.run(get_sms_campaign_stats.asyncio(client=client, sms_campaign_id=7))
except ClickSendError as error:
    found["emulator"] = [error.status, error.response_code]
print(json.dumps(found))
"""


@pytest.mark.slow  # a generator run
def test_a_seventh_operation_reaches_client_retries_evidence_live_guard_and_emulator(tmp_path: Path) -> None:
    spec = load_spec(SPEC_PATH)
    stats = copy.deepcopy(spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["get"])
    stats.update(operationId="get_sms_campaign_stats", summary="Get a campaign's delivery figures")
    spec["paths"]["/sms-campaigns/{sms_campaign_id}/stats"] = {
        "parameters": spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["parameters"],
        "get": stats,
    }
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    built = regenerate.build(regenerate.Inputs(spec=tmp_path / "spec.yaml"), tmp_path / "scratch")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(built), str(ROOT), str(ROOT / "emulator")])}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "module": "clicksend_sms_campaigns.api.sms_campaigns.get_sms_campaign_stats",
        "matched": "get_sms_campaign_stats",
        "retried": True,
        "evidence": True,
        "live guard": "allowed",
        "emulator": [501, "NOT_IMPLEMENTED"],
    }
