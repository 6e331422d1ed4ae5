"""Walk every page of list_sms_campaigns: `iter_sms_campaigns` and its async twin.

Pages are fetched ahead: once the first page has said how many there are (`last_page`), up to
`prefetch` pages are in flight at once (default 4; 1 fetches each page only when the previous one
has been consumed). Campaigns still come in page order, and at most `prefetch` pages are held
besides the one being consumed, so memory stays flat however many campaigns there are. A 429
slows the whole walk down (pacing.py): no page is asked for before its Retry-After has passed,
fewer pages are in flight, and the rate-limited page is asked for again, so a rate-limited walk
slows down rather than fails.

**Order.** Unless `order_by` is given, the walk sorts by `sms_campaign_id` ascending, which never
changes. ClickSend's own default is `date_added`, which it documents as "the date you created or
updated the SMS campaign": with offset paging, a campaign updated during the walk moves to the end,
so one campaign is skipped and another comes twice. In id order a campaign only moves when it
joins or leaves the filter, and new campaigns come last. An explicit `order_by` is the caller's:
updates during the walk (to `schedule`, `name`, ...) can then move campaigns across pages.

**A walk never ends short in silence.** ClickSend promises none of the page fields, so they are
read tolerantly, but whatever they do say must add up; otherwise the walk raises
IncompleteWalkError (a MalformedResponseError) instead of ending with fewer campaigns:

- a page other than the one asked for (`current_page`);
- an empty page, or one without data, while `last_page`, `next_page_url` or `total` said more were
  to come, or a page that only repeats the previous one's campaigns while more were to come;
- a `total` that no sequence of the pages can reach (`total` > `last_page` x `per_page`);
- a `total` that shrinks from one page to the next: campaigns left the filter during the walk, so
  the ones after them moved back a page and one may have been skipped;
- at the end, fewer campaigns than the last page's `total` (campaigns were added, or moved,
  where the walk had already been).

After page N it asks for page N + 1 only when a next page is known: `last_page` says there is one,
or, when `last_page` is missing or null, `next_page_url` is a URL; a page without either ends the
walk (ClickSend said nothing of more). Page numbers only go up, so no page is asked for twice, and
a campaign that already came on the previous page is not yielded again (offset paging moves
campaigns to the next page when new ones are added before them during the walk).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Generator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, NoReturn, TypedDict, Unpack

from ..models.sms_campaign import SmsCampaign
from ..models.sms_campaign_page import SmsCampaignPage
from ..models.sms_campaign_page_envelope import SmsCampaignPageEnvelope
from ..spec_facts import PARAMETERS
from ..types import UNSET
from .clicksend_client import ClickSendClient
from .exceptions import IncompleteWalkError
from .operations import endpoint
from .pacing import AsyncPace, Pace, paced_client
from .query import order_by as order_by_field

_LIST = endpoint("list_sms_campaigns")
#: The largest page ClickSend documents; fewer round trips for a full walk.
MAX_PAGE_SIZE: int = PARAMETERS["list_sms_campaigns"]["limit"]["x-documented-rule"]["maximum"]
#: Pages in flight at once by default: four round trips overlap, and at most four pages wait in memory.
DEFAULT_PREFETCH = 4
#: The walk's order unless told otherwise: the id never changes, so updates during the walk move nothing.
DEFAULT_ORDER = order_by_field("sms_campaign_id", "asc")


class SearchFilters(TypedDict, total=False):
    """Which campaigns: list_sms_campaigns' filters (see its parameters). One left out, or None,
    filters nothing."""

    q: str | None  #: search, such as search_query({"status": "Scheduled"})
    operator: str | None  #: how several conditions of `q` combine: AND (ClickSend's default) or OR
    date_from: int | None  #: added or updated from this Unix time on
    date_to: int | None  #: added or updated up to this Unix time


class WalkFilters(SearchFilters, total=False):
    """A walk's filters and its order."""

    order_by: str | None  #: such as order_by("schedule", "desc"); default DEFAULT_ORDER


def _query(filters: WalkFilters) -> dict[str, Any]:
    """The list operation's arguments for the filters: UNSET for none, the walk's own order by default."""
    given: dict[str, Any] = {**filters, "order_by": filters.get("order_by") or DEFAULT_ORDER}
    return {name: (UNSET if value is None else value) for name, value in given.items()}


class _Walk:
    """The state of one walk: which page comes next, what the pages said, and what came so far."""

    def __init__(self, prefetch: int) -> None:
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 1:
            raise ValueError(f"prefetch must be a whole number of pages, at least 1; got {prefetch!r}")
        self.prefetch = prefetch
        self.number = 1
        self.previous_ids: set[int] = set()
        self.done = False
        self.requested = 0  # the highest page number asked for
        self.last_page: int | None = None  # as the latest page said
        self.total: int | None = None  # as the latest page said
        self.walked = 0  # campaigns yielded

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
        """The campaigns of the page just fetched that were not on the previous page; decides whether
        to go on, and raises IncompleteWalkError when the pages do not add up."""
        if page is not None and page.current_page is not None and page.current_page != self.number:
            self._fail(f"asked for page {self.number}, ClickSend answered with page {page.current_page}")
        self._check_total(page)
        campaigns = (page.data if page is not None else None) or []
        fresh = [c for c in campaigns if c.sms_campaign_id not in self.previous_ids]
        if not fresh and self._more_promised(page):
            what = "no data" if page is None or page.data is None else "nothing" if not campaigns else "only repeats"
            self._fail(f"page {self.number} brought {what}, though {self._promise(page)}")
        self.previous_ids = {c.sms_campaign_id for c in campaigns}
        self.walked += len(fresh)
        self.done = not fresh or not self._next_page_known(page)
        self.number += 1
        return fresh

    def finish(self) -> None:
        """After the last page's campaigns: raise if fewer came than ClickSend counted."""
        if self.total is not None and self.walked < self.total:
            self._fail(
                f"ClickSend counted {self.total} matching campaign(s), the walk got {self.walked}: campaigns "
                "may have been added or moved during the walk where it had already been"
            )

    def _check_total(self, page: SmsCampaignPage | None) -> None:
        if page is None:
            return
        total, per_page, last_page = page.total, page.per_page, page.last_page
        if total is not None and per_page is not None and last_page is not None and total > last_page * per_page:
            self._fail(f"ClickSend counted {total} campaigns on {last_page} page(s) of {per_page}: too few pages")
        if total is not None and self.total is not None and total < self.total:
            self._fail(
                f"ClickSend counted {self.total} matching campaigns, then {total} on page {self.number}: campaigns "
                "left the filter during the walk, so one that came after them may have been skipped"
            )
        if total is not None:
            self.total = total
        self.last_page = last_page

    def _more_promised(self, page: SmsCampaignPage | None) -> bool:
        return bool(self._promise(page))

    def _promise(self, page: SmsCampaignPage | None) -> str:
        """What said that this page holds campaigns, if anything did."""
        if self.last_page is not None and self.number < self.last_page:
            return f"ClickSend said there are {self.last_page} pages"
        if self.total is not None and self.walked < self.total:
            return f"ClickSend counted {self.total} campaigns and {self.walked} had come"
        if self.number > 1:  # a page is only asked for when the one before said it exists
            return f"page {self.number - 1} said there is a next page"
        if page is not None and page.next_page_url:
            return "ClickSend gave the URL of a next page"
        return ""

    def _next_page_known(self, page: SmsCampaignPage | None) -> bool:
        if page is None:
            return False
        if page.last_page is not None:
            return self.number < page.last_page
        return bool(page.next_page_url)

    def _fail(self, problem: str) -> NoReturn:
        self.done = True
        raise IncompleteWalkError(f"GET /sms-campaigns: {problem}; walk again", walked=self.walked)


def iter_sms_campaigns(
    client: ClickSendClient,
    *,
    limit: int = MAX_PAGE_SIZE,
    checks: bool | None = None,
    prefetch: int = DEFAULT_PREFETCH,
    **filters: Unpack[WalkFilters],
) -> Generator[SmsCampaign, None, None]:
    """Every campaign matching the filters, page after page, with the same filters on each page;
    up to `prefetch` pages in flight at once (threads), yielded in order. Stopping early (`close()`,
    or leaving a `for` loop and dropping the iterator) abandons the pages still in flight."""
    query = _query(filters)
    walk = _Walk(prefetch)
    paced, pace = paced_client(client), Pace(prefetch, client.retry_policy)

    def fetch(number: int) -> SmsCampaignPage | None:
        answer: SmsCampaignPageEnvelope = pace.call(
            lambda: _LIST.sync(client=paced, page=number, limit=limit, checks=checks, **query)
        )
        return answer.data

    pool = ThreadPoolExecutor(max_workers=prefetch, thread_name_prefix="clicksend-pages")
    pending: deque[Future[SmsCampaignPage | None]] = deque()
    try:
        while not walk.done:
            pending.extend(pool.submit(fetch, number) for number in walk.to_request(len(pending)))
            yield from walk.take(pending.popleft().result())
        walk.finish()
    finally:
        # Pages asked for beyond the end, or left when the caller stops early, are not waited for.
        pool.shutdown(wait=False, cancel_futures=True)


async def aiter_sms_campaigns(
    client: ClickSendClient,
    *,
    limit: int = MAX_PAGE_SIZE,
    checks: bool | None = None,
    prefetch: int = DEFAULT_PREFETCH,
    **filters: Unpack[WalkFilters],
) -> AsyncIterator[SmsCampaign]:
    """The async twin of iter_sms_campaigns: up to `prefetch` pages in flight as tasks."""
    query = _query(filters)
    walk = _Walk(prefetch)
    paced, pace = paced_client(client), AsyncPace(prefetch, client.retry_policy)

    async def fetch(number: int) -> SmsCampaignPage | None:
        answer: SmsCampaignPageEnvelope = await pace.call(
            lambda: _LIST.asyncio(client=paced, page=number, limit=limit, checks=checks, **query)
        )
        return answer.data

    pending: deque[asyncio.Task[SmsCampaignPage | None]] = deque()
    try:
        while not walk.done:
            pending.extend(asyncio.ensure_future(fetch(number)) for number in walk.to_request(len(pending)))
            for campaign in walk.take(await pending.popleft()):
                yield campaign
        walk.finish()
    finally:
        for task in pending:
            task.cancel()
