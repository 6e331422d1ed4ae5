"""edit_sms_campaign keeps what is not given, the schedule above all: against the emulator, which
replaces the schedule of an update without one with now, as ClickSend's older reference documents."""

from __future__ import annotations

import asyncio
import time
import warnings
from typing import Any

import httpx
import pytest
from clicksend_emulator import RunningEmulator
from clicksend_sms_campaigns import (
    KEEP_SCHEDULE,
    SEND_NOW,
    ClickSendClient,
    ClickSendWarning,
    RequestValidationError,
    aedit_sms_campaign,
    edit_sms_campaign,
    plan_edit,
)
from clicksend_sms_campaigns.api.sms_campaigns import (
    cancel_sms_campaign,
    get_sms_campaign,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaign, SmsCampaignSendRequest, SmsCampaignUpdateRequest

from tests.client.fakes import FakeClickSend, success_example

IN_A_WEEK = int(time.time()) + 7 * 86400


def _scheduled(client: ClickSendClient, schedule: int = IN_A_WEEK, name: str = "Spring sale") -> int:
    body = SmsCampaignSendRequest(list_id=428, name=name, body="Hi. Reply STOP to opt out", schedule=schedule)
    return send_sms_campaign.sync(client=client, body=body).data.sms_campaign_id


def _now(client: ClickSendClient, campaign_id: int) -> SmsCampaign:
    return get_sms_campaign.sync(client=client, sms_campaign_id=campaign_id).data


def test_a_plain_update_without_schedule_sends_the_campaign_now_and_warns(clicksend_client: ClickSendClient) -> None:
    campaign_id = _scheduled(clicksend_client)
    renamed = SmsCampaignUpdateRequest(list_id=428, name="Renamed", body="Hi. Reply STOP to opt out")
    with pytest.warns(ClickSendWarning, match="may be sent now"):
        update_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id, body=renamed)
    assert _now(clicksend_client, campaign_id).status == "Queued", "the risk the edit exists for"


def test_an_edit_changes_what_is_given_and_keeps_the_schedule(clicksend_client: ClickSendClient) -> None:
    campaign_id = _scheduled(clicksend_client)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to warn about: the schedule is sent
        answer = edit_sms_campaign(clicksend_client, campaign_id, name="Spring sale (final)")
    after = _now(clicksend_client, campaign_id)
    assert answer.data.sms_campaign_id == campaign_id
    assert (after.name, after.body, after.list_id) == ("Spring sale (final)", "Hi. Reply STOP to opt out", 428)
    assert (after.schedule, after.status) == (IN_A_WEEK, "Scheduled")


def test_an_edit_takes_a_new_schedule_or_send_now(clicksend_client: ClickSendClient) -> None:
    campaign_id = _scheduled(clicksend_client)
    edit_sms_campaign(clicksend_client, campaign_id, schedule=IN_A_WEEK + 3600)
    assert _now(clicksend_client, campaign_id).schedule == IN_A_WEEK + 3600
    edit_sms_campaign(clicksend_client, campaign_id, body="Now. Reply STOP to opt out", schedule=SEND_NOW)
    assert _now(clicksend_client, campaign_id).status == "Queued"


def test_the_async_edit_keeps_the_schedule_too(clicksend_client: ClickSendClient) -> None:
    campaign_id = _scheduled(clicksend_client)

    async def edit() -> None:
        await aedit_sms_campaign(clicksend_client, campaign_id, list_id=2000)

    asyncio.run(edit())
    after = _now(clicksend_client, campaign_id)
    assert (after.list_id, after.schedule, after.status) == (2000, IN_A_WEEK, "Scheduled")


def test_a_schedule_that_has_passed_is_kept_as_it_is(
    clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    with pytest.warns(ClickSendWarning, match="is in the past"):
        campaign_id = _scheduled(clicksend_client, schedule=1_000_000_000)  # due at once: Queued
    with pytest.warns(ClickSendWarning, match="is in the past"):
        edit_sms_campaign(clicksend_client, campaign_id, name="Late")
    after = _now(clicksend_client, campaign_id)
    assert (after.name, after.schedule) == ("Late", 1_000_000_000), "not moved: it was already due"


def test_a_finished_campaign_is_not_edited_unless_checks_are_off(clicksend_client: ClickSendClient) -> None:
    campaign_id = _scheduled(clicksend_client)
    cancel_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id)
    with pytest.raises(RequestValidationError) as raised:
        edit_sms_campaign(clicksend_client, campaign_id, name="Back")
    assert raised.value.field == "sms_campaign_id" and "is Cancelled" in raised.value.problem
    assert _now(clicksend_client, campaign_id).name == "Spring sale"


def _fake_with(campaign: dict[str, Any]) -> FakeClickSend:
    envelope = success_example("/sms-campaigns/{sms_campaign_id}", "get")
    return FakeClickSend().then(httpx.Response(200, json={**envelope, "data": campaign}))


CURRENT = {**success_example("/sms-campaigns/{sms_campaign_id}", "get")["data"], "status": "Scheduled"}


@pytest.mark.parametrize("unreadable", [None, "", "soon"], ids=["null", "empty", "words"])
def test_no_schedule_to_keep_is_refused_after_the_read_and_nothing_is_updated(unreadable: Any) -> None:
    fake = _fake_with({**CURRENT, "schedule": unreadable})
    # Refused even with the checks off: there is nothing to keep.
    with fake.client(checks=False) as client, pytest.raises(RequestValidationError) as raised:
        edit_sms_campaign(client, 7, name="x")
    assert raised.value.field == "schedule" and "there is none to keep" in raised.value.problem
    assert [request.method for request in fake.requests] == ["GET"]


def test_schedule_none_is_ambiguous_and_refused() -> None:
    campaign = SmsCampaign.from_dict(CURRENT)
    with pytest.raises(RequestValidationError, match="KEEP_SCHEDULE"):
        plan_edit(campaign, schedule=None)  # type: ignore[arg-type]


def test_the_plan_says_what_changes() -> None:
    campaign = SmsCampaign.from_dict({**CURRENT, "schedule": "1444821615", "from": "+61353787448"})
    kept = plan_edit(campaign, name="New")
    assert kept.request.to_dict() == {
        "list_id": 428, "name": "New", "body": CURRENT["body"], "from": "+61353787448", "schedule": 1444821615,
    }  # fmt: skip
    assert (kept.schedule_before, kept.schedule_after, kept.changes_list) == (1444821615, 1444821615, False)
    assert kept.sends_within(60, now=time.time()), "a schedule that has passed goes now"
    moved = plan_edit(campaign, list_id="2000", schedule=IN_A_WEEK, extra_fields={"subject": "x"})
    assert moved.changes_list and not moved.sends_within(60, now=time.time())
    assert moved.request.to_dict()["subject"] == "x"
    assert abs(plan_edit(campaign, schedule=SEND_NOW).schedule_after - time.time()) < 5
    assert plan_edit(campaign, schedule=KEEP_SCHEDULE).schedule_after == 1444821615
