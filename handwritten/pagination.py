"""Walk every page of list_sms_campaigns: `iter_sms_campaigns` and its async twin.

Pages are fetched ahead: once the first page has said how many there are (`last_page`), up to
`prefetch` pages are in flight at once (default 4; 1 fetches each page only when the previous one
has been consumed). Campaigns still come in page order, and at most `prefetch` pages are held
besides the one being consumed, so memory stays flat however many campaigns there are. A 429
slows the whole walk down (pacing.py): no page is asked for before its Retry-After has passed,
fewer pages are in flight, and the rate-limited page is asked for again, so a rate-limited walk
slows down rather than fails.

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

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Generator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from .api.sms_campaigns import list_sms_campaigns
from .clicksend_client import ClickSendClient
from .models.sms_campaign import SmsCampaign
from .models.sms_campaign_page import SmsCampaignPage
from .pacing import AsyncPace, Pace, paced_client
from .spec_facts import PARAMETERS
from .types import UNSET

#: The largest page ClickSend documents; fewer round trips for a full walk.
MAX_PAGE_SIZE: int = PARAMETERS["list_sms_campaigns"]["limit"]["maximum"]
#: Pages in flight at once by default: four round trips overlap, and at most four pages wait in memory.
DEFAULT_PREFETCH = 4


def _filters(
    q: str | None, order_by: str | None, date_from: int | None, date_to: int | None, operator: str | None
) -> dict[str, Any]:
    given = {"q": q, "order_by": order_by, "date_from": date_from, "date_to": date_to, "operator": operator}
    return {name: (UNSET if value is None else value) for name, value in given.items()}


class _Walk:
    """The state of one walk: which page comes next, and which campaigns the last page brought."""

    def __init__(self, prefetch: int) -> None:
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 1:
            raise ValueError(f"prefetch must be a whole number of pages, at least 1; got {prefetch!r}")
        self.prefetch = prefetch
        self.number = 1
        self.previous_ids: set[int] = set()
        self.done = False
        self.requested = 0  # the highest page number asked for
        self.last_page: int | None = None  # as the latest page said

    def to_request(self, in_flight: int) -> list[int]:
        """The page numbers to ask for now: the next ones in order, as far as `last_page` says pages
        exist and `prefetch` allows; only the next one while the number of pages is unknown."""
        if self.done:
            return []
        known_end = self.number if self.last_page is None else self.last_page
        end = min(known_end, self.number + self.prefetch - 1, self.requested + self.prefetch - in_flight)
        numbers = list(range(max(self.requested + 1, self.number), end + 1))
        if numbers:
            self.requested = numbers[-1]
        return numbers

    def take(self, page: SmsCampaignPage | None) -> list[SmsCampaign]:
        """The campaigns of the page just fetched that were not on the previous page; decides whether to go on."""
        campaigns = (page.data if page is not None else None) or []
        if page is not None and page.current_page is not None and page.current_page != self.number:
            self.done = True  # the server did not serve the page asked for
            return []
        fresh = [c for c in campaigns if c.sms_campaign_id not in self.previous_ids]
        self.previous_ids = {c.sms_campaign_id for c in campaigns}
        self.last_page = page.last_page if page is not None else None
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
    prefetch: int = DEFAULT_PREFETCH,
) -> Generator[SmsCampaign, None, None]:
    """Every campaign matching the filters, page after page, with the same filters on each page;
    up to `prefetch` pages in flight at once (threads), yielded in order. Stopping early (`close()`,
    or leaving a `for` loop and dropping the iterator) abandons the pages still in flight."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    walk = _Walk(prefetch)
    paced, pace = paced_client(client), Pace(prefetch, client.retry_policy)

    def fetch(number: int) -> SmsCampaignPage | None:
        return pace.call(
            lambda: list_sms_campaigns.sync(client=paced, page=number, limit=limit, checks=checks, **filters)
        ).data

    pool = ThreadPoolExecutor(max_workers=prefetch, thread_name_prefix="clicksend-pages")
    pending: deque[Future[SmsCampaignPage | None]] = deque()
    try:
        while not walk.done:
            pending.extend(pool.submit(fetch, number) for number in walk.to_request(len(pending)))
            yield from walk.take(pending.popleft().result())
    finally:
        # Pages asked for beyond the end, or left when the caller stops early, are not waited for.
        pool.shutdown(wait=False, cancel_futures=True)


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
    prefetch: int = DEFAULT_PREFETCH,
) -> AsyncIterator[SmsCampaign]:
    """The async twin of iter_sms_campaigns: up to `prefetch` pages in flight as tasks."""
    filters = _filters(q, order_by, date_from, date_to, operator)
    walk = _Walk(prefetch)
    paced, pace = paced_client(client), AsyncPace(prefetch, client.retry_policy)

    async def fetch(number: int) -> SmsCampaignPage | None:
        answer = await pace.call(
            lambda: list_sms_campaigns.asyncio(client=paced, page=number, limit=limit, checks=checks, **filters)
        )
        return answer.data

    pending: deque[asyncio.Task[SmsCampaignPage | None]] = deque()
    try:
        while not walk.done:
            pending.extend(asyncio.ensure_future(fetch(number)) for number in walk.to_request(len(pending)))
            for campaign in walk.take(await pending.popleft()):
                yield campaign
    finally:
        for task in pending:
            task.cancel()
