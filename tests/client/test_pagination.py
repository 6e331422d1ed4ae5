"""iter_sms_campaigns and aiter_sms_campaigns walk every page, a few ahead and in order, with the same filters."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import (
    ClickSendClient,
    IncompleteWalkError,
    MalformedResponseError,
    aiter_sms_campaigns,
    iter_sms_campaigns,
)

from tests.client.fakes import FakeClickSend, success_example

CAMPAIGN = success_example("/sms-campaigns/{sms_campaign_id}", "get")["data"]


def paged(total: int, *, empty_from_page: int | None = None) -> Any:
    """An answer function serving `total` campaigns in the pages the request asks for."""

    def answer(request: httpx.Request) -> httpx.Response:
        page, per_page = int(request.url.params["page"]), int(request.url.params["limit"])
        last_page = max(1, math.ceil(total / per_page))
        first = (page - 1) * per_page
        ids = range(first + 1, min(total, first + per_page) + 1)
        if empty_from_page is not None and page >= empty_from_page:
            ids = range(0)
        data = {
            "total": total,
            "per_page": per_page,
            "current_page": page,
            "last_page": last_page,
            "next_page_url": None,
            "prev_page_url": None,
            "from": first + 1 if ids else None,
            "to": first + len(ids) if ids else None,
            "data": [{**CAMPAIGN, "sms_campaign_id": i} for i in ids],
        }
        return httpx.Response(
            200, json={"http_code": 200, "response_code": "SUCCESS", "response_msg": "", "data": data}
        )

    return answer


def _fake(total: int, pages: int, **kwargs: Any) -> FakeClickSend:
    return FakeClickSend().then(*[paged(total, **kwargs)] * pages)


@pytest.mark.parametrize(
    ("total", "limit", "pages"), [(0, 100, 1), (1, 100, 1), (100, 100, 1), (101, 100, 2), (250, 15, 17)]
)
def test_walks_every_page_and_stops_after_the_last(total: int, limit: int, pages: int) -> None:
    fake = _fake(total, pages + 5)
    with fake.client() as client:
        ids = [
            c.sms_campaign_id
            for c in iter_sms_campaigns(client, q="status:Scheduled", order_by="name:asc", limit=limit)
        ]
    assert ids == list(range(1, total + 1))
    assert _pages_asked(fake) == list(range(1, pages + 1)), "every page once, none beyond last_page"
    for request in fake.requests:
        assert dict(request.url.params) | {"page": "-"} == {
            "page": "-",
            "limit": str(limit),
            "q": "status:Scheduled",
            "order_by": "name:asc",
        }


def _pages_asked(fake: FakeClickSend) -> list[int]:
    return sorted(int(r.url.params["page"]) for r in fake.requests)


@pytest.mark.parametrize("prefetch", [1, 4])
def test_an_empty_page_before_the_last_ends_the_walk_with_an_error(prefetch: int) -> None:
    fake = _fake(1000, 10, empty_from_page=3)
    came: list[int] = []
    with fake.client() as client, pytest.raises(IncompleteWalkError) as raised:
        came.extend(c.sms_campaign_id for c in iter_sms_campaigns(client, prefetch=prefetch))
    assert came == list(range(1, 201)), "the campaigns before the empty page came, in order"
    assert raised.value.walked == 200
    assert "page 3 brought nothing, though ClickSend said there are 10 pages" in str(raised.value)
    assert isinstance(raised.value, MalformedResponseError) and raised.value.operation == "list_sms_campaigns"
    # Fetching ahead may have asked for up to prefetch - 1 pages past the empty one; never one twice.
    asked = _pages_asked(fake)
    assert asked[:3] == [1, 2, 3] and len(set(asked)) == len(asked), "never a page twice"
    assert len(asked) <= 3 + prefetch - 1, "at most prefetch - 1 pages asked for past the empty one"
    if prefetch == 1:
        assert asked == [1, 2, 3]


def test_fetches_a_page_only_when_the_previous_one_is_used_up() -> None:
    fake = _fake(250, 3)
    with fake.client() as client:
        campaigns = iter_sms_campaigns(client, prefetch=1)
        assert fake.requests == [], "nothing is fetched before iteration starts"
        for _ in range(100):
            next(campaigns)
        assert len(fake.requests) == 1
        next(campaigns)
        assert len(fake.requests) == 2


def test_default_page_size_is_the_largest_clicksend_serves() -> None:
    fake = _fake(5, 1)
    with fake.client() as client:
        list(iter_sms_campaigns(client))
    assert fake.requests[0].url.params["limit"] == "100"


def test_async_twin_gives_the_same_campaigns() -> None:
    fake = _fake(230, 5)

    async def walk() -> list[int]:
        async with fake.client() as client:
            return [c.sms_campaign_id async for c in aiter_sms_campaigns(client, date_from=0, date_to=2_000_000_000)]

    assert asyncio.run(walk()) == list(range(1, 231))
    assert _pages_asked(fake) == [1, 2, 3]
    assert fake.requests[0].url.params["date_to"] == "2000000000"


def test_an_answer_is_freed_as_soon_as_it_is_dropped() -> None:
    # httpx makes every response a reference cycle (response <-> stream); the client breaks it, so
    # walking thousands of pages never waits for the cyclic garbage collector to free old pages.
    import gc
    import weakref

    fake = _fake(5, 1)
    with fake.client() as client:
        gc.disable()
        try:
            response = client.get_httpx_client().get("/sms-campaigns", params={"page": 1, "limit": 15})
            assert response.status_code == 200
            freed = weakref.ref(response)
            del response
            assert freed() is None, "the response outlived its last reference"
        finally:
            gc.enable()


def test_paging_leaves_the_standard_librarys_url_cache_alone() -> None:
    # httpx parses each response's URL through urllib to store cookies, and urllib caches up to
    # 128 parsed URLs: one per page. The client keeps no cookies, so nothing per page stays behind.
    import urllib.parse

    fake = _fake(300, 20)
    urllib.parse.urlsplit.cache_clear()  # type: ignore[attr-defined]
    with fake.client() as client:
        assert sum(1 for _ in iter_sms_campaigns(client, limit=15)) == 300
    assert urllib.parse.urlsplit.cache_info().currsize == 0  # type: ignore[attr-defined]


# --- Page fields ClickSend does not promise ------------------------------------------------


def _page_answer(items: list[int], **fields: Any) -> httpx.Response:
    data = {**fields, "data": [{**CAMPAIGN, "sms_campaign_id": i} for i in items]}
    return httpx.Response(200, json={"data": data})


def _walk(*answers: httpx.Response | Any) -> tuple[list[int], list[str]]:
    fake = FakeClickSend().then(*answers)
    with fake.client() as client:
        # Scripted answers come in the order asked for: one page at a time.
        ids = [c.sms_campaign_id for c in iter_sms_campaigns(client, limit=15, prefetch=1)]
    return ids, [r.url.params["page"] for r in fake.requests]


def test_without_any_page_field_it_reads_one_page_and_stops() -> None:
    assert _walk(_page_answer([1, 2]), _page_answer([3])) == ([1, 2], ["1"])


@pytest.mark.parametrize("absent", ["missing", "null"])
def test_without_last_page_it_follows_next_page_url_until_there_is_none(absent: str) -> None:
    last_page = {} if absent == "missing" else {"last_page": None}
    answers = [
        _page_answer([1, 2], next_page_url="https://x/?page=2", **last_page),
        _page_answer([3, 4], next_page_url="https://x/?page=3", **last_page),
        _page_answer([5], next_page_url=None, **last_page),
    ]
    assert _walk(*answers) == ([1, 2, 3, 4, 5], ["1", "2", "3"])


def test_a_first_page_without_data_and_without_a_promise_is_no_campaigns() -> None:
    assert _walk(httpx.Response(200, json={"data": None}), _page_answer([1])) == ([], ["1"])
    assert _walk(httpx.Response(200, json={"data": {"data": None}}), _page_answer([1])) == ([], ["1"])


def _walk_fails(*answers: httpx.Response) -> tuple[list[int], IncompleteWalkError]:
    fake = FakeClickSend().then(*answers)
    came: list[int] = []
    with fake.client() as client, pytest.raises(IncompleteWalkError) as raised:
        came.extend(c.sms_campaign_id for c in iter_sms_campaigns(client, limit=15, prefetch=1))
    assert raised.value.walked == len(came)
    return came, raised.value


@pytest.mark.parametrize(
    ("answers", "came", "said"),
    [
        (
            [_page_answer([1, 2], last_page=5, total=10), httpx.Response(200, json={"data": None})],
            [1, 2],
            "page 2 brought no data, though ClickSend said there are 5 pages",
        ),
        (
            [httpx.Response(200, json={"data": {"data": None, "last_page": 5}})],
            [],
            "page 1 brought no data, though ClickSend said there are 5 pages",
        ),
        (
            [_page_answer([1, 2], next_page_url="https://x/?page=2"), _page_answer([])],
            [1, 2],
            "page 2 brought nothing, though page 1 said there is a next page",
        ),
        (
            [_page_answer([1, 2], total=5)],
            [1, 2],
            "ClickSend counted 5 matching campaign(s), the walk got 2",
        ),
        (
            [_page_answer([1], total=50, per_page=15, last_page=2)],
            [],
            "ClickSend counted 50 campaigns on 2 page(s) of 15: too few pages",
        ),
        (
            [_page_answer([1, 2], total=30, last_page=2), _page_answer([4, 5], total=29, last_page=2)],
            [1, 2],
            "ClickSend counted 30 matching campaigns, then 29 on page 2: campaigns left the filter",
        ),
    ],
    ids=["null page before last_page", "null first page", "empty page after next_page_url", "short of total",
         "total beyond the pages", "total shrinks"],
)  # fmt: skip
def test_pages_that_do_not_add_up_end_the_walk_with_an_error(
    answers: list[httpx.Response], came: list[int], said: str
) -> None:
    got, error = _walk_fails(*answers)
    assert got == came
    assert said in str(error)


def test_a_server_that_ignores_page_cannot_make_it_loop_nor_end_it_short() -> None:
    same = _page_answer([1, 2, 3], last_page=10, next_page_url="https://x/?page=2")
    came, error = _walk_fails(*[same] * 10)
    assert came == [1, 2, 3] and "page 2 brought only repeats, though ClickSend said there are 10 pages" in str(error)
    echoing = [_page_answer([1, 2], current_page=1, last_page=3), _page_answer([1, 2], current_page=1, last_page=3)]
    came, error = _walk_fails(*echoing)
    assert came == [1, 2] and "asked for page 2, ClickSend answered with page 1" in str(error)


def test_a_page_answered_for_another_number_fails_the_async_walk_too() -> None:
    fake = FakeClickSend().then(_page_answer([1], current_page=1, last_page=3), _page_answer([3], current_page=3))

    async def walk() -> list[int]:
        async with fake.client() as client:
            return [c.sms_campaign_id async for c in aiter_sms_campaigns(client, prefetch=1)]

    with pytest.raises(IncompleteWalkError, match="asked for page 2, ClickSend answered with page 3"):
        asyncio.run(walk())


def test_the_walk_sorts_by_the_id_unless_told_otherwise() -> None:
    fake = FakeClickSend().then(_page_answer([1]), _page_answer([1]))
    with fake.client() as client:
        list(iter_sms_campaigns(client))
        list(iter_sms_campaigns(client, order_by="schedule:desc"))
    assert [r.url.params["order_by"] for r in fake.requests] == ["sms_campaign_id:asc", "schedule:desc"]


def test_a_campaign_pushed_onto_the_next_page_is_not_yielded_twice() -> None:
    # A campaign added during the walk shifts the offsets: the last one of page 1 comes again on page 2.
    answers = [
        _page_answer([1, 2, 3], last_page=3),
        _page_answer([3, 4, 5], last_page=3),
        _page_answer([6], last_page=3),
    ]
    assert _walk(*answers) == ([1, 2, 3, 4, 5, 6], ["1", "2", "3"])


@pytest.mark.parametrize("last_page", ["2", 1.5, True, [2]])
def test_a_last_page_of_another_type_is_a_malformed_answer(last_page: Any) -> None:
    fake = FakeClickSend().then(_page_answer([1], last_page=last_page))
    with fake.client() as client, pytest.raises(MalformedResponseError) as raised:
        list(iter_sms_campaigns(client))
    assert raised.value.field == "data.last_page"


def test_the_async_walk_reads_missing_page_fields_the_same_way() -> None:
    fake = FakeClickSend().then(_page_answer([1, 2], next_page_url="u"), _page_answer([2, 3]), _page_answer([9]))

    async def walk() -> list[int]:
        async with fake.client() as client:
            return [c.sms_campaign_id async for c in aiter_sms_campaigns(client, prefetch=1)]

    assert asyncio.run(walk()) == [1, 2, 3]
    assert len(fake.requests) == 2


# --- Fetching ahead ------------------------------------------------------------------------


class _InFlight:
    """Counts requests in flight at once; each answer takes `seconds`."""

    def __init__(self, total: int, seconds: float) -> None:
        self.answer, self.seconds = paged(total), seconds
        self.now = self.most = 0
        self.lock = threading.Lock()
        self.pages: list[int] = []

    def _enter(self, request: httpx.Request) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self.pages.append(int(request.url.params["page"]))

    def _leave(self) -> None:
        with self.lock:
            self.now -= 1

    def handle(self, request: httpx.Request) -> httpx.Response:
        self._enter(request)
        time.sleep(self.seconds)
        self._leave()
        return self.answer(request)  # type: ignore[no-any-return]

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        self._enter(request)
        await asyncio.sleep(self.seconds)
        self._leave()
        return self.answer(request)  # type: ignore[no-any-return]

    def client(self) -> ClickSendClient:
        return ClickSendClient(
            "user", "key", base_url="https://clicksend.test/v3", max_retries=0,
            transport=httpx.MockTransport(self.handle), async_transport=httpx.MockTransport(self.ahandle),
        )  # fmt: skip


@pytest.mark.parametrize("prefetch", [1, 2, 4])
def test_pages_are_fetched_ahead_at_most_prefetch_at_once_and_come_in_order(prefetch: int) -> None:
    server = _InFlight(1000, 0.02)
    with server.client() as client:
        ids = [c.sms_campaign_id for c in iter_sms_campaigns(client, prefetch=prefetch)]
    assert ids == list(range(1, 1001))
    assert sorted(server.pages) == list(range(1, 11)), "every page once"
    assert server.most == prefetch


@pytest.mark.parametrize("prefetch", [1, 3])
def test_the_async_walk_fetches_ahead_the_same_way(prefetch: int) -> None:
    server = _InFlight(1000, 0.02)

    async def walk() -> list[int]:
        async with server.client() as client:
            return [c.sms_campaign_id async for c in aiter_sms_campaigns(client, prefetch=prefetch)]

    assert asyncio.run(walk()) == list(range(1, 1001))
    assert sorted(server.pages) == list(range(1, 11))
    assert server.most == prefetch


def test_stopping_early_leaves_no_page_waited_for() -> None:
    server = _InFlight(1000, 0.05)
    with server.client() as client:
        started = time.monotonic()
        walk = iter_sms_campaigns(client, prefetch=4)
        first = next(walk)
        walk.close()  # the caller stops: the pages in flight are not waited for
        assert time.monotonic() - started < 0.5
    assert first.sms_campaign_id == 1 and len(server.pages) <= 5


@pytest.mark.parametrize("prefetch", [0, -1, 1.5, True, "2"])
def test_prefetch_must_be_a_whole_number_of_pages(prefetch: Any) -> None:
    with FakeClickSend().client() as client, pytest.raises(ValueError, match="prefetch"):
        next(iter_sms_campaigns(client, prefetch=prefetch))
