"""Walk every page of list_sms_campaigns: `iter_sms_campaigns` and its async twin.

Each page is fetched only when the previous one has been consumed, and only one page is held at
a time, so memory stays flat however many campaigns there are.

ClickSend promises none of the page fields, so the walk reads them tolerantly. After page N it
asks for page N + 1 only when a next page is known: `last_page` says there is one, or, when
`last_page` is missing or null, `next_page_url` is a URL. It stops at the first empty page, and
when the server answers with another page than the one asked for (`current_page`), so a server
that ignores `page` cannot make it loop. Page numbers only go up, so no page is asked for twice,
and a campaign that already came on the previous page is not yielded again (offset paging moves
campaigns to the next page when new ones are added during the walk); a page that brings nothing
new ends the walk.
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

#: The largest page ClickSend documents; fewer round trips for a full walk.
MAX_PAGE_SIZE: int = PARAMETERS["list_sms_campaigns"]["limit"]["maximum"]


def _filters(
    q: str | None, order_by: str | None, date_from: int | None, date_to: int | None, operator: str | None
) -> dict[str, Any]:
    given = {"q": q, "order_by": order_by, "date_from": date_from, "date_to": date_to, "operator": operator}
    return {name: (UNSET if value is None else value) for name, value in given.items()}


class _Walk:
    """The state of one walk: which page comes next, and which campaigns the last page brought."""

    def __init__(self) -> None:
        self.number = 1
        self.previous_ids: set[int] = set()
        self.done = False

    def take(self, page: SmsCampaignPage | None) -> list[SmsCampaign]:
        """The campaigns of the page just fetched that were not on the previous page; decides whether to go on."""
        campaigns = (page.data if page is not None else None) or []
        if page is not None and page.current_page is not None and page.current_page != self.number:
            self.done = True  # the server did not serve the page asked for
            return []
        fresh = [c for c in campaigns if c.sms_campaign_id not in self.previous_ids]
        self.previous_ids = {c.sms_campaign_id for c in campaigns}
        self.done = not fresh or not self._next_page_known(page)
        self.number += 1
        return fresh

    def _next_page_known(self, page: SmsCampaignPage | None) -> bool:
        if page is None:
            return False
        if page.last_page is not None:
            return self.number < page.last_page
        return bool(page.next_page_url)


def iter_sms_campaigns(
    client: ClickSendClient,
    *,
    q: str | None = None,
    order_by: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    operator: str | None = None,
    limit: int = MAX_PAGE_SIZE,
    checks: bool | None = None,
) -> Iterator[SmsCampaign]:
    """Every campaign matching the filters, page after page, with the same filters on each page."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    walk = _Walk()
    while not walk.done:
        answer = list_sms_campaigns.sync(client=client, page=walk.number, limit=limit, checks=checks, **filters)
        yield from walk.take(answer.data)


async def aiter_sms_campaigns(
    client: ClickSendClient,
    *,
    q: str | None = None,
    order_by: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    operator: str | None = None,
    limit: int = MAX_PAGE_SIZE,
    checks: bool | None = None,
) -> AsyncIterator[SmsCampaign]:
    """The async twin of iter_sms_campaigns."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    walk = _Walk()
    while not walk.done:
        answer = await list_sms_campaigns.asyncio(
            client=client, page=walk.number, limit=limit, checks=checks, **filters
        )
        for campaign in walk.take(answer.data):
            yield campaign
