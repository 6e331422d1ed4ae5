"""One registry of operations (spec_facts.OPERATIONS, from each operation's x-safe-to-repeat) feeds
every list of operations in the project; a seventh operation in a copy of the spec reaches them all
by regenerating, with no hand edit."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from clicksend_sms_campaigns import OPERATIONS, operation_by_id, operation_for

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
    unsafe = {operation_id for operation_id, _, _, safe in declared if not safe}
    assert {op.id for op in OPERATIONS if not op.safe_to_repeat} == unsafe and unsafe, "read from the spec"


def test_the_registry_names_each_operation_s_body_and_answer_schemas() -> None:
    spec = load_spec(SPEC_PATH)
    for op in OPERATIONS:
        operation = spec["paths"][op.path][op.method.lower()]
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert answer == f"#/components/schemas/{op.answer}", op.id
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        assert (body or {}).get("$ref") == (f"#/components/schemas/{op.body}" if op.body else None), op.id


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


# Run against the package generated from the spec with a seventh operation: one that is not safe to
# repeat and answers with a campaign (a duplicate of a campaign). Prints what every registry user made of it.
PROBE = r"""
import asyncio, json, time
import httpx
from clicksend_sms_campaigns import ClickSendClient, ClickSendError, OutcomeUnknownError, operation_for
from clicksend_sms_campaigns.api.sms_campaigns import duplicate_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaignUpdateRequest
from clicksend_sms_campaigns._core.retries import SAFE_TO_REPEAT
from clicksend_emulator import Emulator
from scripts.contract import evidence_checks, live_safety

URL = "https://rest.clicksend.com/v3/sms-campaigns/7/duplicate"
ahead = int(time.time()) + 30 * 86400
body = SmsCampaignUpdateRequest(list_id=428, name="Copy", body="Hi", schedule=ahead)
found = {"module": duplicate_sms_campaign.__name__, "matched": operation_for("POST", URL).id}
found["retried"] = "duplicate_sms_campaign" in SAFE_TO_REPEAT
found["evidence"] = evidence_checks.OPERATION_MODULES["duplicate_sms_campaign"] is duplicate_sms_campaign

# The client reads the id ClickSend may send as a string of digits, as for every campaign answer.
answer = {"http_code": 200, "response_code": "SUCCESS", "data": {"sms_campaign_id": "4321", "status": "Scheduled"}}
def duplicated(request):
    return httpx.Response(200, json=answer)
def client_of(handler):
    return ClickSendClient("u", "k", base_url="https://rest.clicksend.com/v3", transport=httpx.MockTransport(handler))
with client_of(duplicated) as client:
    found["read id"] = duplicate_sms_campaign.sync(7, client=client, body=body).data.sms_campaign_id

# Not safe to repeat: an answer lost after sending is never sent again.
sent = []
def lost(request):
    sent.append(request)
    raise httpx.ReadTimeout("lost")
with client_of(lost) as client:
    try:
        duplicate_sms_campaign.sync(7, client=client, body=body)
    except OutcomeUnknownError:
        found["sent once"] = len(sent) == 1

# The live guard: it sets a schedule and creates a campaign, so it must schedule far ahead, and what it
# creates is remembered for cancelling; schemathesis never gets it.
found["live writes"] = "duplicate_sms_campaign" in live_safety.CAMPAIGN_WRITES
found["live creates"] = "duplicate_sms_campaign" in live_safety.CAMPAIGN_CREATES
found["live schemathesis"] = "duplicate_sms_campaign" in live_safety.LIVE_SCHEMATHESIS_OPERATIONS
try:
    live_safety.check_request(httpx.Request("POST", URL, json={"list_id": 1, "name": "n", "body": "b"}))
except live_safety.LiveSafetyError:
    found["live guard"] = "refused without a schedule"
guard = live_safety.LiveSafetyTransport(httpx.MockTransport(duplicated))
guard.handle_request(httpx.Request("POST", URL, json={"list_id": 1, "name": "n", "body": "b", "schedule": ahead}))
found["live remembers"] = guard.created

emulator = Emulator()
client = ClickSendClient("emulator", "emulator-key", base_url="http://emulator/v3",
                         async_transport=httpx.ASGITransport(emulator.app), max_retries=0)
try:
    asyncio.run(duplicate_sms_campaign.asyncio(7, client=client, body=body))
except ClickSendError as error:
    found["emulator"] = [error.status, error.response_code]
print(json.dumps(found))
"""


@pytest.mark.slow  # a generator run
def test_a_seventh_operation_reaches_every_registry_user(tmp_path: Path) -> None:
    spec = load_spec(SPEC_PATH)
    duplicate = copy.deepcopy(spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["put"])
    duplicate.update(
        operationId="duplicate_sms_campaign", summary="Copy a campaign", description="Makes a new campaign.",
    )  # fmt: skip
    duplicate["x-safe-to-repeat"] = False
    spec["paths"]["/sms-campaigns/{sms_campaign_id}/duplicate"] = {
        "parameters": spec["paths"]["/sms-campaigns/{sms_campaign_id}"]["parameters"],
        "post": duplicate,
    }
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    built = regenerate.build(regenerate.Inputs(spec=tmp_path / "spec.yaml"), tmp_path / "scratch")
    # The package as it would be: the generator's paths from this spec, beside the hand-written layer.
    package = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", package, ignore=shutil.ignore_patterns("__pycache__"))
    regenerate.replace_owned(built, package, regenerate.owned_paths(built))
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package), str(ROOT), str(ROOT / "emulator")])}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "module": "clicksend_sms_campaigns.api.sms_campaigns.duplicate_sms_campaign",
        "matched": "duplicate_sms_campaign",
        "retried": False,
        "evidence": True,
        "read id": 4321,
        "sent once": True,
        "live writes": True,
        "live creates": True,
        "live schemathesis": False,
        "live guard": "refused without a schedule",
        "live remembers": [4321],
        "emulator": [501, "NOT_IMPLEMENTED"],
    }
