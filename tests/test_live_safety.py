"""The live target refuses, before anything leaves, every request that could send a real SMS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from scripts.contract.live_safety import (
    LIVE_SCHEMATHESIS_OPERATIONS,
    MAX_LEAD_SECONDS,
    MIN_LEAD_SECONDS,
    LiveSafetyError,
    LiveSafetyTransport,
    check_request,
)
from scripts.contract.record import LiveMisconfigured, LiveNotOptedIn, live_target

ROOT = Path(__file__).resolve().parent.parent
NOW = 1_800_000_000.0
BASE = "https://rest.clicksend.com/v3"


def _request(method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Request:
    return httpx.Request(method, BASE + path, content=json.dumps(body).encode() if body is not None else b"")


CAMPAIGN = {"list_id": 1, "name": "n", "body": "b"}
REFUSED = [
    ("send now", _request("POST", "/sms-campaigns/send", CAMPAIGN)),
    ("send in an hour", _request("POST", "/sms-campaigns/send", {**CAMPAIGN, "schedule": int(NOW) + 3600})),
    ("send in the past", _request("POST", "/sms-campaigns/send", {**CAMPAIGN, "schedule": int(NOW) - 1})),
    (
        "send beyond four months",
        _request("POST", "/sms-campaigns/send", {**CAMPAIGN, "schedule": int(NOW) + MAX_LEAD_SECONDS + 60}),
    ),
    (
        "schedule as a string",
        _request("POST", "/sms-campaigns/send", {**CAMPAIGN, "schedule": str(int(NOW) + MIN_LEAD_SECONDS + 60)}),
    ),
    ("update dropping the schedule", _request("PUT", "/sms-campaigns/7", CAMPAIGN)),
    ("send with a body that is not JSON", httpx.Request("POST", BASE + "/sms-campaigns/send", content=b"{oops")),
    ("an undeclared method", _request("DELETE", "/sms-campaigns/7")),
    ("another API", _request("POST", "/sms/send", {"messages": []})),
]
ALLOWED = [
    (
        "send far ahead",
        _request("POST", "/sms-campaigns/send", {**CAMPAIGN, "schedule": int(NOW) + MIN_LEAD_SECONDS + 60}),
    ),
    (
        "update keeping a far schedule",
        _request("PUT", "/sms-campaigns/7", {**CAMPAIGN, "schedule": int(NOW) + 30 * 86400}),
    ),
    ("get", _request("GET", "/sms-campaigns/7")),
    ("list", _request("GET", "/sms-campaigns?q=name:x")),
    ("price", _request("POST", "/sms-campaigns/price", CAMPAIGN)),
    ("cancel", _request("PUT", "/sms-campaigns/7/cancel")),
]


@pytest.mark.parametrize("request_", [r for _, r in REFUSED], ids=[name for name, _ in REFUSED])
def test_the_live_target_refuses_and_nothing_leaves(request_: httpx.Request) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    guard = LiveSafetyTransport(httpx.MockTransport(answer), clock=lambda: NOW)
    with pytest.raises(LiveSafetyError):
        guard.handle_request(request_)
    assert sent == []


@pytest.mark.parametrize("request_", [r for _, r in ALLOWED], ids=[name for name, _ in ALLOWED])
def test_the_live_target_allows_what_cannot_send(request_: httpx.Request) -> None:
    check_request(request_, NOW)


@pytest.mark.parametrize(
    "data",
    [{"sms_campaign_id": 42}, {"sms_campaign": {"sms_campaign_id": 42}, "_total_count": 1}],
    ids=["flat answer", "nested answer, as the live API sends"],
)
def test_campaigns_created_through_the_guard_are_remembered_for_cancelling(data: dict[str, Any]) -> None:
    answer = {"http_code": 200, "response_code": "SUCCESS", "response_msg": "", "data": data}
    guard = LiveSafetyTransport(httpx.MockTransport(lambda r: httpx.Response(200, json=answer)), clock=time.time)
    guard.handle_request(
        _request("POST", "/v3/sms-campaigns/send", {**CAMPAIGN, "schedule": int(time.time()) + MIN_LEAD_SECONDS + 600})
    )
    assert guard.created == [42]


def test_an_operation_the_guard_has_no_rule_for_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    from clicksend_sms_campaigns._core.operations import Operation

    from scripts.contract import live_safety

    # A seventh operation, not safe to repeat and not one that schedules: the guard has no rule for it.
    unsafe = Operation("merge_sms_campaigns", "GET", "/sms-campaigns/{sms_campaign_id}", "module", False)
    monkeypatch.setattr(live_safety, "operation_for", lambda method, path: unsafe)
    with pytest.raises(LiveSafetyError, match="knows no rule that makes it safe"):
        check_request(_request("GET", "/v3/sms-campaigns/7"), NOW)


def test_schemathesis_only_gets_read_only_operations_against_live() -> None:
    assert set(LIVE_SCHEMATHESIS_OPERATIONS) == {
        "list_sms_campaigns",
        "get_sms_campaign",
        "calculate_sms_campaign_price",
    }


@pytest.mark.parametrize(
    ("env", "missing", "kind"),
    [
        ({}, "CLICKSEND_LIVE=1", LiveNotOptedIn),
        (
            {"CLICKSEND_USERNAME": "u", "CLICKSEND_API_KEY": "k", "CLICKSEND_LIVE_LIST_ID": "1"},
            "CLICKSEND_LIVE=1",
            LiveNotOptedIn,
        ),
        ({"CLICKSEND_LIVE": "1"}, "CLICKSEND_USERNAME, CLICKSEND_API_KEY, CLICKSEND_LIVE_LIST_ID", LiveMisconfigured),
        (
            {"CLICKSEND_LIVE": "1", "CLICKSEND_USERNAME": "u", "CLICKSEND_API_KEY": "k"},
            "CLICKSEND_LIVE_LIST_ID is not",
            LiveMisconfigured,
        ),
        (
            {"CLICKSEND_LIVE": "1", "CLICKSEND_USERNAME": "u", "CLICKSEND_API_KEY": "k", "CLICKSEND_LIVE_LIST_ID": "x"},
            "CLICKSEND_LIVE_LIST_ID must be the number",
            LiveMisconfigured,
        ),
    ],
)
def test_live_needs_credentials_and_an_explicit_opt_in(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], missing: str, kind: type[ValueError]
) -> None:
    for name in ("CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_LIVE_LIST_ID", "CLICKSEND_LIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(kind) as raised:
        live_target()
    assert missing in str(raised.value)


LIVE_ENV = ("CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_LIVE_LIST_ID", "CLICKSEND_LIVE", "CONTRACT_TARGET")


def _contract_run_against_live(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if name not in LIVE_ENV}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "contract_tests/test_contract.py",
         "--target", "live", "-k", "every_recorded_interaction"],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.slow  # runs the contract suite in a subprocess
def test_live_opted_in_without_credentials_fails_naming_what_is_missing() -> None:
    result = _contract_run_against_live(CLICKSEND_LIVE="1", CLICKSEND_USERNAME="someone")
    assert result.returncode != 0, result.stdout[-2000:]
    said = result.stdout + result.stderr
    assert "misconfigured: CLICKSEND_LIVE=1 is set, but CLICKSEND_API_KEY, CLICKSEND_LIVE_LIST_ID are not" in said
    assert "skipped" not in said


@pytest.mark.slow  # runs the contract suite in a subprocess
def test_live_without_the_opt_in_is_skipped_saying_why() -> None:
    result = _contract_run_against_live()
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1 skipped" in result.stdout.splitlines()[-1]
    assert "CLICKSEND_LIVE=1" in result.stdout
