"""Bulk work that tells the truth, against the emulator: walks in an order updates do not change,
cancels by filter that leave out what no cancel can stop, and look again afterwards."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from clicksend_emulator import Fault, RunningEmulator
from clicksend_sms_campaigns import (
    NOT_CANCELLABLE,
    ClickSendClient,
    NotFoundError,
    acancel_matching_sms_campaigns,
    cancel_matching_sms_campaigns,
    edit_sms_campaign,
    find_cancellable_sms_campaigns,
    get_sms_campaigns,
    iter_sms_campaigns,
    search_query,
    select_for_cancel,
)
from clicksend_sms_campaigns.api.sms_campaigns import cancel_sms_campaign, send_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaign, SmsCampaignSendRequest

IN_A_WEEK = int(time.time()) + 7 * 86400


def _send(client: ClickSendClient, name: str, schedule: int | None = IN_A_WEEK) -> int:
    body = SmsCampaignSendRequest(list_id=428, name=name, body="Hi. Reply STOP to opt out")
    if schedule is not None:
        body.schedule = schedule
    return send_sms_campaign.sync(client=client, body=body).data.sms_campaign_id


def _seed(emulator: RunningEmulator, count: int) -> list[int]:
    """`count` scheduled campaigns of the first account, stored at once (as a big account has them)."""
    now, account = int(time.time()), emulator.emulator.config.accounts[0]
    first = 5000
    records = [
        {
            "sms_campaign_id": first + i, "user_id": account.user_id, "subaccount_id": account.subaccount_id,
            "list_id": 428, "name": f"Seeded {i}",
            "body": "Hi", "total_count": 8, "list_name": "Customers", "date_added": now - count + i,
            "schedule": IN_A_WEEK, "send_at": IN_A_WEEK,
        }
        for i in range(count)
    ]  # fmt: skip
    emulator.emulator.store.load(records)
    return [first + i for i in range(count)]


def test_an_update_during_a_walk_moves_nothing_in_the_walk_s_own_order(
    clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    ids = _seed(clicksend_emulator, 45)
    clock = clicksend_emulator.emulator.clock

    def walk_updating_the_first(order_by: str | None) -> list[int]:
        walk = iter_sms_campaigns(clicksend_client, order_by=order_by, limit=15, prefetch=1)
        came = [next(walk).sms_campaign_id for _ in range(15)]  # page 1, and no page more asked for
        clock.advance(1)
        edit_sms_campaign(clicksend_client, came[0], name="Updated during the walk")
        return came + [campaign.sms_campaign_id for campaign in walk]

    assert walk_updating_the_first(None) == ids, "every campaign once, in id order"
    # ClickSend's default order is date_added, which the update changed: one is skipped, one repeated.
    by_date = walk_updating_the_first("date_added:asc")
    assert sorted(by_date) != sorted(set(by_date)) or set(by_date) != set(ids)


def test_a_walk_under_concurrent_updates_yields_every_campaign_once(
    clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    ids = _seed(clicksend_emulator, 300)
    slow_pages = Fault("latency", operation="list_sms_campaigns", probability=1.0, seconds=0.01)
    clicksend_emulator.emulator.faults.add(slow_pages)
    stop, updated = threading.Event(), []

    def update_others() -> None:
        index = 0
        while not stop.is_set():
            campaign_id = ids[(index * 37) % len(ids)]
            edit_sms_campaign(clicksend_client, campaign_id, name=f"Updated {index}")
            updated.append(campaign_id)
            index += 1

    other = threading.Thread(target=update_others)
    other.start()
    try:
        came = [campaign.sms_campaign_id for campaign in iter_sms_campaigns(clicksend_client, limit=15)]
    finally:
        stop.set()
        other.join()
    assert len(updated) > 10, "the updates ran during the walk"
    assert came == ids


def test_select_for_cancel_leaves_out_what_no_cancel_can_stop() -> None:
    campaigns = [
        SmsCampaign(sms_campaign_id=n, status=status)
        for n, status in enumerate(["Scheduled", "Sent", "Queued", "Cancelled", None, "Sending", "Draft", "Failed"])
    ]
    selection = select_for_cancel(campaigns)
    assert selection.ids == [0, 2, 4, 6], "an unknown or missing status is left to ClickSend"
    assert selection.left_out_counts() == {"Cancelled": 1, "Failed": 1, "Sending": 1, "Sent": 1}
    assert set(selection.left_out) == NOT_CANCELLABLE


def test_cancel_by_filter_cancels_what_can_be_and_finds_nothing_left(
    clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    gone = _send(clicksend_client, "Spring gone", schedule=None)
    clicksend_emulator.emulator.clock.advance(60)  # sent by now
    already = _send(clicksend_client, "Spring stopped")
    cancel_sms_campaign.sync(client=clicksend_client, sms_campaign_id=already)
    waiting = [_send(clicksend_client, f"Spring {n}") for n in range(3)]
    other = _send(clicksend_client, "Autumn")
    done = cancel_matching_sms_campaigns(clicksend_client, q=search_query({"name": "Spring"}), concurrency=2)
    assert done.done and done.still_matching == []
    assert [outcome.sms_campaign_id for outcome in done.outcomes] == waiting
    assert {status: [c.sms_campaign_id for c in found] for status, found in done.selection.left_out.items()} == {
        "Sent": [gone], "Cancelled": [already],
    }  # fmt: skip
    assert find_cancellable_sms_campaigns(clicksend_client).ids == [other]


def test_cancel_by_filter_says_what_still_matches_when_a_cancel_failed(
    clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    waiting = [_send(clicksend_client, f"Batch {n}") for n in range(3)]
    clicksend_emulator.emulator.faults.add(Fault("server_error", operation="cancel_sms_campaign", count=1))
    done = cancel_matching_sms_campaigns(clicksend_client, concurrency=1)
    assert not done.done
    assert [outcome.cancelled for outcome in done.outcomes] == [False, True, True]
    assert [campaign.sms_campaign_id for campaign in done.still_matching] == [waiting[0]]


def test_the_async_cancel_by_filter_does_the_same(clicksend_client: ClickSendClient) -> None:
    waiting = [_send(clicksend_client, f"Async {n}") for n in range(3)]

    async def cancel() -> list[int]:
        done = await acancel_matching_sms_campaigns(clicksend_client, q="name:Async")
        assert done.done
        return [outcome.sms_campaign_id for outcome in done.outcomes]

    assert asyncio.run(cancel()) == waiting


def test_campaigns_read_by_id_come_in_the_order_given_with_an_error_for_a_missing_one(
    clicksend_client: ClickSendClient,
) -> None:
    first, second = _send(clicksend_client, "One"), _send(clicksend_client, "Two")
    outcomes = get_sms_campaigns(clicksend_client, [second, 99999, first, second])
    assert [outcome.sms_campaign_id for outcome in outcomes] == [second, 99999, first]
    assert [outcome.campaign.name if outcome.campaign else None for outcome in outcomes] == ["Two", None, "One"]
    assert isinstance(outcomes[1].error, NotFoundError)


@pytest.mark.parametrize("total", [0, 1, 16])
def test_a_cancel_by_filter_of_nothing_or_a_few_is_done(clicksend_client: ClickSendClient, total: int) -> None:
    for n in range(total):
        _send(clicksend_client, f"Few {n}")
    done = cancel_matching_sms_campaigns(clicksend_client, q="name:Few")
    assert done.done and len(done.outcomes) == total
