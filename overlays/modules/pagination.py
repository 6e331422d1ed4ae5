"""Walk every page of list_sms_campaigns: `iter_sms_campaigns` and its async twin.

Each page is fetched only when the previous one has been consumed, and only one page is held at
a time, so memory stays flat however many campaigns there are. The walk stops after the last
page (`current_page >= last_page`) or at the first empty page, whichever comes first.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from .api.sms_campaigns import list_sms_campaigns
from .clicksend_client import ClickSendClient
from .models.sms_campaign import SmsCampaign
from .models.sms_campaign_page import SmsCampaignPage
from .spec_facts import PARAMETERS
from .types import UNSET

#: The largest page ClickSend serves; fewer round trips for a full walk.
MAX_PAGE_SIZE: int = PARAMETERS["list_sms_campaigns"]["limit"]["maximum"]


def _filters(
    q: str | None, order_by: str | None, date_from: int | None, date_to: int | None, operator: str | None
) -> dict[str, Any]:
    given = {"q": q, "order_by": order_by, "date_from": date_from, "date_to": date_to, "operator": operator}
    return {name: (UNSET if value is None else value) for name, value in given.items()}


def _is_last(page: SmsCampaignPage, number: int) -> bool:
    return not page.data or number >= page.last_page


def iter_sms_campaigns(
    client: ClickSendClient,
    *,
    q: str | None = None,
    order_by: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    operator: str | None = None,
    limit: int = MAX_PAGE_SIZE,
) -> Iterator[SmsCampaign]:
    """Every campaign matching the filters, page after page, with the same filters on each page."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    number = 1
    while True:
        page = list_sms_campaigns.sync(client=client, page=number, limit=limit, **filters).data
        yield from page.data
        if _is_last(page, number):
            return
        number += 1


async def aiter_sms_campaigns(
    client: ClickSendClient,
    *,
    q: str | None = None,
    order_by: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    operator: str | None = None,
    limit: int = MAX_PAGE_SIZE,
) -> AsyncIterator[SmsCampaign]:
    """The async twin of iter_sms_campaigns."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    number = 1
    while True:
        page = (await list_sms_campaigns.asyncio(client=client, page=number, limit=limit, **filters)).data
        for campaign in page.data:
            yield campaign
        if _is_last(page, number):
            return
        number += 1
