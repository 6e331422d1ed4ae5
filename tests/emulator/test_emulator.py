"""The emulator follows ClickSend's documented behaviour and the decisions in README's Emulator section."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from clicksend_emulator import (
    BIG_LIST_ID,
    SMALL_LIST_ID,
    TEST_API_KEY,
    EmulatorConfig,
    Fault,
    Lifecycle,
    RunningEmulator,
    run_emulator,
)
from clicksend_emulator.config import SendAnswer, UpdateWithoutSchedule
from clicksend_emulator.pricing import UNIT_PRICES, country_of, personalise
from clicksend_sms_campaigns import ClickSendClient, NotFoundError, OutcomeUnknownError, RetryPolicy
from clicksend_sms_campaigns.api.sms_campaigns import cancel_sms_campaign, get_sms_campaign, send_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaignSendRequest

from tests.emulator.conftest import http

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN: dict[str, Any] = {
    "list_id": SMALL_LIST_ID,
    "name": "Spring",
    "body": "Hi (First Name). Reply STOP to opt out",
}


def _send(client: httpx.Client, **changes: Any) -> dict[str, Any]:
    """The campaign a send creates (the emulator nests it as data.sms_campaign by default)."""
    answer = client.post("/sms-campaigns/send", json={**CAMPAIGN, **changes})
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()["data"]["sms_campaign"]
    return data


def _error(answer: httpx.Response) -> tuple[int, str]:
    body = answer.json()
    assert set(body) == {"http_code", "response_code", "response_msg", "data"}
    assert body["http_code"] == answer.status_code
    return answer.status_code, body["response_code"]


@pytest.mark.slow  # starts the command line in a subprocess
def test_the_command_line_serves_on_loopback() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated"), str(ROOT / "emulator")])}
    process = subprocess.Popen(
        [sys.executable, "-m", "clicksend_emulator", "--port", "0"], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert first_line.startswith("ClickSend emulator on http://127.0.0.1:")
        base_url = first_line.split()[-1]
        answer = httpx.get(f"{base_url}/sms-campaigns", auth=("emulator", "emulator-key"))
        assert answer.status_code == 200 and answer.json()["response_code"] == "SUCCESS"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


@pytest.mark.parametrize(
    ("credentials", "expected"),
    [
        (None, (401, "UNAUTHORIZED")),
        (("emulator", "wrong"), (401, "UNAUTHORIZED")),
        (("nobody", "emulator-key"), (401, "UNAUTHORIZED")),
        (("notactive", TEST_API_KEY), (403, "FORBIDDEN")),
        (("banned", TEST_API_KEY), (403, "FORBIDDEN")),
    ],
)
def test_authentication_and_the_test_credentials(
    running: RunningEmulator, credentials: Any, expected: tuple[int, str]
) -> None:
    answer = httpx.get(f"{running.base_url}/sms-campaigns", auth=credentials)
    assert _error(answer) == expected


def test_a_malformed_authorization_header_is_invalid_credentials(running: RunningEmulator) -> None:
    for header in ("Basic !!!", "Bearer abc", "Basic " + base64.b64encode(b"\xff\xfe").decode()):
        answer = httpx.get(f"{running.base_url}/sms-campaigns", headers={"Authorization": header})
        assert _error(answer) == (401, "UNAUTHORIZED")


def test_nocredit_can_price_but_not_send(running: RunningEmulator) -> None:
    with http(running, "nocredit", TEST_API_KEY) as client:
        own_list = 3002  # the nocredit account's seeded list
        assert client.post("/sms-campaigns/price", json={**CAMPAIGN, "list_id": own_list}).status_code == 200
        answer = client.post("/sms-campaigns/send", json={**CAMPAIGN, "list_id": own_list})
        assert _error(answer) == (403, "FORBIDDEN")
        assert client.get("/sms-campaigns").json()["data"]["total"] == 0


def test_one_account_never_sees_or_changes_another_accounts_campaign(running: RunningEmulator) -> None:
    in_a_day = int(time.time()) + 86400
    with http(running) as owner, http(running, "emulator-other", "emulator-other-key") as other:
        campaign = _send(owner, schedule=in_a_day)
        path = f"/sms-campaigns/{campaign['sms_campaign_id']}"
        assert _error(other.get(path)) == (404, "NOT_FOUND")
        assert _error(other.put(path, json={**CAMPAIGN, "list_id": 3001, "name": "hijacked"})) == (404, "NOT_FOUND")
        assert _error(other.put(f"{path}/cancel")) == (404, "NOT_FOUND")
        assert other.get("/sms-campaigns").json()["data"]["total"] == 0
        assert _error(other.post("/sms-campaigns/send", json=CAMPAIGN)) == (404, "NOT_FOUND"), "nor use its lists"
        after = owner.get(path).json()["data"]
        assert (after["name"], after["status"]) == ("Spring", "Scheduled")


def test_lifecycle_scheduled_queued_sending_sent(running: RunningEmulator) -> None:
    clock = running.emulator.clock
    with http(running) as client:
        later = _send(client, schedule=int(time.time()) + 3600)
        now = _send(client)
        assert (later["status"], now["status"]) == ("Scheduled", "Queued")
        clock.advance(3)
        assert client.get(f"/sms-campaigns/{now['sms_campaign_id']}").json()["data"]["status"] == "Sending"
        answer = client.put(f"/sms-campaigns/{now['sms_campaign_id']}/cancel")
        assert _error(answer) == (400, "BAD_REQUEST"), "cancel is refused once sending"
        clock.advance(10)
        assert client.get(f"/sms-campaigns/{now['sms_campaign_id']}").json()["data"]["status"] == "Sent"
        update = client.put(f"/sms-campaigns/{now['sms_campaign_id']}", json={**CAMPAIGN, "name": "late"})
        assert _error(update) == (400, "BAD_REQUEST"), "update is refused once sent"
        assert client.get(f"/sms-campaigns/{now['sms_campaign_id']}").json()["data"]["name"] == "Spring"
        clock.advance(3600)
        assert client.get(f"/sms-campaigns/{later['sms_campaign_id']}").json()["data"]["status"] == "Sent"


def test_update_and_cancel_while_scheduled(running: RunningEmulator) -> None:
    in_a_day, in_two_days = int(time.time()) + 86400, int(time.time()) + 2 * 86400
    clock = running.emulator.clock
    with http(running) as client:
        campaign = _send(client, schedule=in_a_day)
        path = f"/sms-campaigns/{campaign['sms_campaign_id']}"
        clock.advance(60)
        changes = {"list_id": str(BIG_LIST_ID), "name": "Bigger", "body": "New text", "schedule": in_two_days}
        updated = client.put(path, json=changes).json()["data"]
        assert (updated["name"], updated["list_id"], updated["_total_count"]) == ("Bigger", BIG_LIST_ID, 20_000)
        assert (updated["schedule"], updated["status"]) == (in_two_days, "Scheduled")
        assert updated["date_added"] == campaign["date_added"] + 60, "date_added is when it was last updated"
        clock.advance(60)
        cancelled = client.put(f"{path}/cancel").json()["data"]
        assert cancelled["status"] == "Cancelled"
        assert cancelled["date_added"] == updated["date_added"], "a cancel is no update: date_added stays"
        assert client.put(f"{path}/cancel").json()["data"]["status"] == "Cancelled", "cancelling again changes nothing"
        clock.advance(3 * 86400)
        assert client.get(path).json()["data"]["status"] == "Cancelled"


@pytest.mark.parametrize(
    ("policy", "then"), [("sends_now", "Queued"), ("keeps_schedule", "Scheduled")], ids=["default", "old guess"]
)
def test_an_update_without_schedule_replaces_it_with_now_as_the_older_reference_says(
    policy: UpdateWithoutSchedule, then: str
) -> None:
    in_a_day = int(time.time()) + 86400
    with run_emulator(config=EmulatorConfig(update_without_schedule=policy)) as server, http(server) as client:
        campaign = _send(client, schedule=in_a_day)
        path = f"/sms-campaigns/{campaign['sms_campaign_id']}"
        updated = client.put(path, json={**CAMPAIGN, "name": "Renamed"}).json()["data"]
        assert (updated["name"], updated["status"]) == ("Renamed", then)
        if policy == "sends_now":
            assert updated["schedule"] <= time.time() + 1, "due now: the schedule was replaced"
        else:
            assert updated["schedule"] == in_a_day


def test_a_schedule_beyond_four_months_is_accepted_but_never_sent(running: RunningEmulator) -> None:
    with http(running) as client:
        campaign = _send(client, schedule=2_147_483_647)
        assert campaign["status"] == "Scheduled"
        running.emulator.clock.advance(2_147_483_647 - time.time() + 60)
        assert client.get(f"/sms-campaigns/{campaign['sms_campaign_id']}").json()["data"]["status"] == "Failed"


@pytest.mark.parametrize("schedule", [1_000_000, 0, 1_444_821_615])
def test_a_past_schedule_is_echoed_as_given_and_the_campaign_goes_out_now(
    running: RunningEmulator, schedule: int
) -> None:
    # The older reference's send example answers schedule 1444821615 with that schedule and Queued;
    # ClickSend's v1 SDKs send 0 when no schedule is given.
    with http(running) as client:
        campaign = _send(client, schedule=schedule)
        assert (campaign["schedule"], campaign["status"]) == (schedule, "Queued")
        running.emulator.clock.advance(60)
        after = client.get(f"/sms-campaigns/{campaign['sms_campaign_id']}").json()["data"]
        assert (after["schedule"], after["status"]) == (schedule, "Sent")


def test_search_sort_dates_and_pages(running: RunningEmulator) -> None:
    with http(running) as client:
        for index in range(40):
            _send(
                client,
                name=f"{'Spring' if index % 2 else 'Autumn'} sale {index}",
                **({"from": "MyShop"} if index % 4 == 0 else {}),
            )
        everything = client.get("/sms-campaigns", params={"limit": 100}).json()["data"]
        assert everything["total"] == 40
        spring = client.get("/sms-campaigns", params={"q": "name:SPRING", "limit": 100}).json()["data"]
        assert spring["total"] == 20 and all("Spring" in c["name"] for c in spring["data"])
        both = client.get("/sms-campaigns", params={"q": "name:spring,from:myshop", "limit": 100}).json()["data"]
        assert both["total"] == 0, "Spring campaigns are the odd ones; MyShop sent every fourth, all even"
        either = client.get("/sms-campaigns", params={"q": "name:spring,from:myshop", "operator": "OR", "limit": 100})
        assert either.json()["data"]["total"] == 30
        any_source = client.get("/sms-campaigns", params={"q": "source:", "limit": 100}).json()["data"]
        assert any_source["total"] == 40, "an empty value matches any value"
        by_id = client.get(
            "/sms-campaigns", params={"q": f"sms_campaign_id:{everything['data'][3]['sms_campaign_id']}"}
        )
        assert by_id.json()["data"]["total"] == 1
        ordered = client.get("/sms-campaigns", params={"order_by": "name:desc", "limit": 100}).json()["data"]["data"]
        assert [c["name"] for c in ordered] == sorted((c["name"] for c in ordered), key=str.casefold, reverse=True)
        first_added = everything["data"][0]["date_added"]
        window = client.get("/sms-campaigns", params={"date_from": first_added + 10**6}).json()["data"]
        assert window["total"] == 0
        page_two = client.get("/sms-campaigns", params={"limit": 15, "page": 2, "q": "name:sale"}).json()["data"]
        assert (page_two["current_page"], page_two["last_page"], page_two["from"], page_two["to"]) == (2, 3, 16, 30)
        assert httpx.URL(page_two["next_page_url"]).params["page"] == "3"
        assert httpx.URL(page_two["next_page_url"]).params["q"] == "name:sale", "the same filters"
        assert httpx.URL(page_two["prev_page_url"]).params["page"] == "1"
        beyond = client.get("/sms-campaigns", params={"limit": 15, "page": 9}).json()["data"]
        assert (beyond["data"], beyond["from"], beyond["to"], beyond["next_page_url"]) == ([], None, None, None)


@pytest.mark.parametrize(("limit", "served"), [("10", 15), ("1", 15), ("14", 15), ("101", 100), ("500", 100)])
def test_a_limit_outside_15_to_100_is_served_as_the_nearest_documented_size(
    running: RunningEmulator, limit: str, served: int
) -> None:
    # ClickSend's own SDK and code samples send limit=10: that cannot be an error.
    with http(running) as client:
        assert client.get("/sms-campaigns", params={"limit": limit}).json()["data"]["per_page"] == served


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_a_limit_below_1_is_refused_as_the_spec_refuses_it(running: RunningEmulator, limit: str) -> None:
    with http(running) as client:
        assert _error(client.get("/sms-campaigns", params={"limit": limit})) == (400, "BAD_REQUEST")


@pytest.mark.parametrize("limit", ["14", "101", "0", "-5"])
def test_the_limit_policy_can_reject_instead(limit: str) -> None:
    with run_emulator(config=EmulatorConfig(limit_policy="reject")) as server, http(server) as client:
        assert _error(client.get("/sms-campaigns", params={"limit": limit})) == (400, "BAD_REQUEST")


def test_the_default_order_is_date_added_ascending_which_an_update_changes(running: RunningEmulator) -> None:
    clock = running.emulator.clock
    with http(running) as client:
        ids = []
        for _ in range(3):
            ids.append(_send(client, schedule=int(time.time()) + 86400)["sms_campaign_id"])
            clock.advance(1)
        client.put(f"/sms-campaigns/{ids[0]}", json={**CAMPAIGN, "schedule": int(time.time()) + 86400})
        listed = [c["sms_campaign_id"] for c in client.get("/sms-campaigns").json()["data"]["data"]]
        assert listed == [ids[1], ids[2], ids[0]], "the updated one moved to the end"
        by_id = client.get("/sms-campaigns", params={"order_by": "sms_campaign_id:asc"}).json()["data"]["data"]
        assert [c["sms_campaign_id"] for c in by_id] == ids


def test_a_blank_required_field_is_answered_as_clicksend_documents(running: RunningEmulator) -> None:
    with http(running) as client:
        answer = client.post("/sms-campaigns/send", json={**CAMPAIGN, "name": ""})
    assert _error(answer) == (400, "BAD_REQUEST")
    assert answer.json()["data"] == {"name": "Name field is required."}


@pytest.mark.slow  # prices the 20,000-contact list many times
def test_price_is_parts_times_recipients_times_unit_price_per_recipient(running: RunningEmulator) -> None:
    body = "Hi (First Name) (Last Name), your code is (Cust. 1). " + "x" * 100
    contacts = running.emulator.lists[BIG_LIST_ID].contacts
    expected = Decimal(0)
    for contact in contacts:
        text = personalise(body, contact)
        try:
            single, per_part, length = 160, 153, len(text.encode("gsm03.38"))
        except UnicodeEncodeError:
            single, per_part, length = 70, 67, len(text.encode("utf-16-le")) // 2
        parts = 1 if length <= single else -(-length // per_part)
        expected += parts * UNIT_PRICES[country_of(contact.phone)]
    with http(running) as client:
        price = client.post("/sms-campaigns/price", json={"list_id": BIG_LIST_ID, "name": "p", "body": body}).json()[
            "data"
        ]
    assert price["total_count"] == 20_000
    assert Decimal(price["total_price"]) == expected
    gsm_only = client_price = None
    with http(running) as client:
        gsm_only = client.post("/sms-campaigns/price", json={"list_id": BIG_LIST_ID, "name": "p", "body": "x" * 100})
        client_price = Decimal(gsm_only.json()["data"]["total_price"])
    assert client_price < Decimal(price["total_price"]), "names outside GSM-7 and longer text cost more parts"


@pytest.mark.parametrize(
    ("request_kwargs", "field"),
    [
        ({"content": b"{not json"}, None),
        ({"content": b"\xff\xfe{}"}, None),
        ({"content": b"[1, 2]"}, None),
        ({"json": {**CAMPAIGN, "list_id": 4.5}}, "list_id"),
        ({"json": {**CAMPAIGN, "list_id": ""}}, "list_id"),
        ({"json": {**CAMPAIGN, "name": 7}}, "name"),
        ({"json": {**CAMPAIGN, "body": ""}}, "body"),
        ({"json": {"name": "n", "body": "b"}}, "list_id"),
        ({"json": {**CAMPAIGN, "senders": "AU"}}, "senders"),
        ({"json": {**CAMPAIGN, "schedule": "tomorrow"}}, "schedule"),
        ({"json": {**CAMPAIGN, "body": "x" * 70_000}}, None),
    ],
)
def test_bad_input_gets_the_error_envelope_and_changes_nothing(
    running: RunningEmulator, request_kwargs: dict[str, Any], field: str | None
) -> None:
    with http(running) as client:
        answer = client.post("/sms-campaigns/send", headers={"Content-Type": "application/json"}, **request_kwargs)
        status, _ = _error(answer)
        assert status in (400, 404)
        if field is not None:
            assert field in answer.json()["data"]
        assert client.get("/sms-campaigns").json()["data"]["total"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/sms-campaigns/0",
        "/sms-campaigns/abc",
        "/sms-campaigns/99999",
        "/sms-campaigns/9/x",
        "/sms-campaigns/" + "9" * 5000,
    ],
)
def test_unknown_ids_and_paths_are_not_found(running: RunningEmulator, path: str) -> None:
    with http(running) as client:
        assert _error(client.get(path)) == (404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/sms-campaigns/7", {"GET", "PUT"}),
        ("PUT", "/sms-campaigns/send", {"POST"}),
        ("GET", "/sms-campaigns/price", {"POST"}),
        ("POST", "/sms-campaigns", {"GET"}),
        ("GET", "/sms-campaigns/7/cancel", {"PUT"}),
    ],
)
def test_undeclared_methods_are_405_with_allow(
    running: RunningEmulator, method: str, path: str, allowed: set[str]
) -> None:
    with http(running) as client:
        answer = client.request(method, path)
    assert _error(answer) == (405, "NOT_FOUND"), "the older reference's status table gives 405 NOT_FOUND"
    assert answer.json()["response_msg"] == "Method doesn't exist or is not allowed."
    assert set(answer.headers["allow"].replace(" ", "").split(",")) - {"HEAD"} == allowed


def test_undocumented_query_parameters_are_rejected(running: RunningEmulator) -> None:
    with http(running) as client:
        answer = client.get("/sms-campaigns", params={"colour": "blue"})
    assert _error(answer) == (400, "BAD_REQUEST") and "colour" in answer.json()["data"]


def test_undocumented_body_fields_are_ignored(running: RunningEmulator) -> None:
    with http(running) as client:
        odd_senders = [{"country": "AU", "sender_id": "+61411111111", "sender_type": "longcode"}]
        campaign = _send(client, senderIDgroup="Own numbers", subject="New", senders=odd_senders, **{"from": "a@b.c"})
        assert "senderIDgroup" not in campaign and "subject" not in campaign
        assert campaign["from"] == "a@b.c", "a sender ClickSend's reference does not describe is taken as given"


@pytest.mark.parametrize("list_id", [999_999, "999999", "wrong-id", 0, -4, "0428x"])
@pytest.mark.parametrize("operation", ["send", "price", "update"])
def test_an_unknown_list_is_404_whatever_the_form_of_its_id(
    running: RunningEmulator, list_id: Any, operation: str
) -> None:
    with http(running) as client:
        path = {"send": "/sms-campaigns/send", "price": "/sms-campaigns/price"}.get(operation)
        if path is None:
            path = f"/sms-campaigns/{_send(client, schedule=int(time.time()) + 86400)['sms_campaign_id']}"
        method = "PUT" if operation == "update" else "POST"
        answer = client.request(method, path, json={**CAMPAIGN, "list_id": list_id})
        assert answer.status_code == 404
        assert answer.json() == {
            "http_code": 404,
            "response_code": "NOT_FOUND",
            "response_msg": "Your list is not found.",
            "data": None,
        }
        assert client.get("/sms-campaigns").json()["data"]["total"] == (1 if operation == "update" else 0)


def test_another_accounts_list_is_the_same_404(running: RunningEmulator) -> None:
    with http(running, "emulator-other", "emulator-other-key") as other:
        answer = other.post("/sms-campaigns/send", json=CAMPAIGN)
    assert (answer.status_code, answer.json()["response_msg"]) == (404, "Your list is not found.")


def test_the_send_answer_is_nested_by_default_and_flat_when_configured(running: RunningEmulator) -> None:
    with http(running) as client:
        nested = client.post("/sms-campaigns/send", json=CAMPAIGN).json()["data"]
    assert set(nested) == {"sms_campaign", "total_count"}
    assert nested["total_count"] == nested["sms_campaign"]["_total_count"] == 8
    with run_emulator(config=EmulatorConfig(send_answer="flat")) as server, http(server) as client:
        flat = client.post("/sms-campaigns/send", json=CAMPAIGN).json()["data"]
    assert flat["sms_campaign_id"] >= 1 and "sms_campaign" not in flat
    answer_shape: SendAnswer
    for answer_shape in ("nested", "flat"):
        with run_emulator(config=EmulatorConfig(send_answer=answer_shape)) as server:
            with ClickSendClient("emulator", "emulator-key", base_url=server.base_url) as generated:
                sent = send_sms_campaign.sync(client=generated, body=SmsCampaignSendRequest(**CAMPAIGN))
            assert sent.data.name == "Spring"
            assert (sent.data_wrapper is None) == (answer_shape == "flat")


def test_the_price_answer_has_clicksends_shape(running: RunningEmulator) -> None:
    with http(running) as client:
        price = client.post(
            "/sms-campaigns/price", json={**CAMPAIGN, "from": "+61411111111", "schedule": 1_900_000_000}
        ).json()["data"]
        bare = client.post("/sms-campaigns/price", json=CAMPAIGN).json()["data"]
    assert price["data"] == {"from": "+61411111111", "body": CAMPAIGN["body"], "schedule": 1_900_000_000}
    assert bare["data"] == {"body": CAMPAIGN["body"]}, "what was not given is not invented"
    assert set(price["_currency"]) == {
        "currency_name_short",
        "currency_prefix_d",
        "currency_prefix_c",
        "currency_name_long",
        "min_recharge_amount",
        "max_recharge_amount",
    }
    assert set(price) == {"total_count", "total_price", "data", "_currency", "_emulator"}, "its own field is marked"


def test_a_schedule_in_milliseconds_is_echoed_and_never_sent(running: RunningEmulator) -> None:
    with http(running) as client:
        campaign = _send(client, schedule=1734591600000)
        assert (campaign["schedule"], campaign["status"]) == (1734591600000, "Scheduled")


def test_faults_are_off_by_default_and_fire_by_count(running: RunningEmulator) -> None:
    faults = running.emulator.faults
    with http(running) as client:
        assert client.get("/sms-campaigns").status_code == 200
        faults.add(Fault("server_error", operation="list_sms_campaigns", count=2))
        faults.add(Fault("rate_limit", operation="get_sms_campaign", count=1, seconds=7))
        assert [client.get("/sms-campaigns").status_code for _ in range(3)] == [500, 500, 200]
        limited = client.get("/sms-campaigns/5")
        assert (limited.status_code, limited.headers["retry-after"]) == (429, "7")
        assert client.get("/sms-campaigns/5").status_code == 404


def test_latency_fault(running: RunningEmulator) -> None:
    running.emulator.faults.add(Fault("latency", count=1, seconds=0.4))
    with http(running) as client:
        started = time.monotonic()
        assert client.get("/sms-campaigns").status_code == 200
        assert time.monotonic() - started >= 0.4


def test_a_dropped_connection_leaves_the_send_outcome_unknown_and_the_campaign_is_not_created(
    running: RunningEmulator,
) -> None:
    running.emulator.faults.add(Fault("drop", operation="send_sms_campaign", count=1))
    client = ClickSendClient(
        "emulator", "emulator-key", base_url=running.base_url, retry_policy=RetryPolicy(backoff_base=0)
    )
    with client, pytest.raises(OutcomeUnknownError):
        send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest(list_id=SMALL_LIST_ID, name="n", body="b"))
    with http(running) as raw:
        assert raw.get("/sms-campaigns").json()["data"]["total"] == 0, "the fault struck before the campaign was made"


def test_a_connection_dropped_mid_answer_is_retried_for_safe_operations(running: RunningEmulator) -> None:
    running.emulator.faults.add(Fault("drop", operation="get_sms_campaign", count=1))
    client = ClickSendClient(
        "emulator", "emulator-key", base_url=running.base_url, retry_policy=RetryPolicy(backoff_base=0)
    )
    with client, pytest.raises(NotFoundError):  # the retry got through, to a campaign that does not exist
        get_sms_campaign.sync(client=client, sms_campaign_id=5)


def test_faults_by_seeded_probability_repeat() -> None:
    def statuses(seed: int) -> list[int]:
        with run_emulator(config=EmulatorConfig(fault_seed=seed)) as server, http(server) as client:
            server.emulator.faults.add(Fault("server_error", probability=0.5))
            return [client.get("/sms-campaigns").status_code for _ in range(20)]

    first = statuses(11)
    assert first == statuses(11)
    assert 500 in first and 200 in first


def test_faults_over_http_admin_endpoint(running: RunningEmulator) -> None:
    admin = httpx.Client(base_url=running.base_url.removesuffix("/v3"))
    assert admin.post("/_emulator/faults", json={"kind": "server_error", "count": 1}).status_code == 200
    assert admin.post("/_emulator/faults", json={"kind": "nonsense", "count": 1}).status_code == 400
    with http(running) as client:
        assert client.get("/sms-campaigns").status_code == 500
    assert admin.post("/_emulator/clock", json={"advance": 10}).status_code == 200


def test_campaigns_survive_a_restart_with_sqlite(tmp_path: Path) -> None:
    config = EmulatorConfig(db_path=tmp_path / "state.sqlite")
    with run_emulator(config=config) as server, http(server) as client:
        first = _send(client, name="kept")
    with run_emulator(config=config) as server, http(server) as client:
        again = client.get(f"/sms-campaigns/{first['sms_campaign_id']}").json()["data"]
        assert again["name"] == "kept"
        assert _send(client)["sms_campaign_id"] == first["sms_campaign_id"] + 1


def test_concurrent_sends_get_distinct_ids(running: RunningEmulator) -> None:
    ids: list[int] = []
    lock = threading.Lock()

    def send_some() -> None:
        with http(running) as client:
            for _ in range(10):
                campaign_id = _send(client)["sms_campaign_id"]
                with lock:
                    ids.append(campaign_id)

    threads = [threading.Thread(target=send_some) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == len(set(ids)) == 80
    with http(running) as client:
        assert client.get("/sms-campaigns").json()["data"]["total"] == 80


def test_the_generated_client_works_against_it(running: RunningEmulator) -> None:
    in_a_day = int(time.time()) + 86400
    with ClickSendClient("emulator", "emulator-key", base_url=running.base_url) as client:
        sent = send_sms_campaign.sync(client=client, body=SmsCampaignSendRequest(**CAMPAIGN, schedule=in_a_day)).data
        assert get_sms_campaign.sync(client=client, sms_campaign_id=sent.sms_campaign_id).data.status == "Scheduled"
        assert cancel_sms_campaign.sync(client=client, sms_campaign_id=sent.sms_campaign_id).data.status == "Cancelled"
        with pytest.raises(NotFoundError):
            get_sms_campaign.sync(client=client, sms_campaign_id=sent.sms_campaign_id + 1)


def test_lifecycle_timing_is_configurable() -> None:
    config = EmulatorConfig(lifecycle=Lifecycle(queued_seconds=0, sending_seconds=0))
    with run_emulator(config=config) as server, http(server) as client:
        assert _send(client)["status"] == "Sent"


def test_the_store_loads_many_records_at_once_and_keeps_them_on_disk(tmp_path: Path) -> None:
    from clicksend_emulator.store import CampaignStore, Clock, Lifecycle

    database = tmp_path / "campaigns.sqlite3"
    records = [
        {"sms_campaign_id": 5000 + i, "user_id": 1001, "subaccount_id": 1, "name": f"Loaded {i}", "list_id": 428,
         "body": "Hi", "date_added": 1_700_000_000 + i, "send_at": 1_700_000_000, "schedule": 1_700_000_000,
         "total_count": 8, "list_name": "Customers"}
        for i in range(3)
    ]  # fmt: skip
    store = CampaignStore(Clock(), Lifecycle(), database)
    store.load(records)
    created = store.create(
        1001, {"name": "After", "list_id": 428, "body": "Hi", "subaccount_id": 1, "total_count": 8, "list_name": "C"}
    )
    assert created["sms_campaign_id"] == 5003, "new ids follow the loaded ones"
    store.close()
    reopened = CampaignStore(Clock(), Lifecycle(), database)
    assert [r["name"] for r in reopened.of_account(1001)] == ["Loaded 0", "Loaded 1", "Loaded 2", "After"]
    assert reopened.get(1002, 5000) is None, "a loaded record belongs to its own account"
