"""Work on many campaigns at once, a few at a time: cancel (or read) them by id, or cancel what a filter matches.

Every campaign is handled by its own request, up to `concurrency` requests in flight at once
(ClickSend is far away: a cancel is a round trip of 100 ms or more, and 500 of them one after
another take a minute). Each campaign is asked for once, whatever the input repeats, so never more
than one attempt is in flight for a campaign; the client's retries repeat a cancel (it is safe to
repeat) one attempt after another. A campaign that cannot be cancelled does not stop the others:
each gets an outcome, in the order given, with the campaign as ClickSend answered or the
`ClickSendError` that said why not. A 429 slows the whole job down (pacing.py): no request starts
before its Retry-After has passed, fewer are sent at once, and the rate-limited one is sent again.

Cancelling by filter (`cancel_matching_sms_campaigns`) walks what the filter matches in id order
(pagination.py), leaves out the campaigns no cancel can stop (NOT_CANCELLABLE: already cancelled,
sending, sent or failed), cancels the rest, then walks again and reports what still matches and
could still be cancelled: a campaign added, or one whose cancel failed, is not claimed as done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TypeVar, Unpack

from ..models.sms_campaign import SmsCampaign
from ..models.sms_campaign_envelope import SmsCampaignEnvelope
from .clicksend_client import ClickSendClient
from .exceptions import ClickSendError
from .operations import endpoint
from .pacing import AsyncPace, Pace, paced_client
from .pagination import SearchFilters, aiter_sms_campaigns, iter_sms_campaigns

_CANCEL, _GET = endpoint("cancel_sms_campaign"), endpoint("get_sms_campaign")
#: Requests in flight at once by default.
DEFAULT_CONCURRENCY = 4
#: Statuses of campaigns a cancel cannot stop: cancelled already, sending or sent (ClickSend cancels
#: only campaigns that have not started sending), or failed (its time passed and it was not sent).
NOT_CANCELLABLE = frozenset({"Cancelled", "Sending", "Sent", "Failed"})

Outcome = TypeVar("Outcome", bound="CampaignOutcome")


class CancelInterrupted(KeyboardInterrupt):
    """Ctrl-C (or a KeyboardInterrupt from `on_outcome`) stopped cancel_sms_campaigns.

    No further cancel was started, and the ones in flight were finished first, since a request
    sent cannot be called back: `outcomes` holds what became of every campaign whose cancel was
    sent, in the order given, and `not_started` the ids never asked for. It is a KeyboardInterrupt,
    so code that does not look at it stops as on any Ctrl-C.
    """

    def __init__(self, outcomes: list[CancelOutcome], not_started: list[int]) -> None:
        super().__init__(f"stopped: {len(outcomes)} cancel(s) sent, {len(not_started)} not started")
        self.outcomes, self.not_started = outcomes, not_started


@dataclass(frozen=True)
class CampaignOutcome:
    """What one request for one campaign gave: `campaign` as ClickSend answered, or the `error`."""

    sms_campaign_id: int
    campaign: SmsCampaign | None = None
    error: ClickSendError | None = None


@dataclass(frozen=True)
class CancelOutcome(CampaignOutcome):
    """What became of one cancel: `campaign` when ClickSend cancelled it, `error` when it did not."""

    @property
    def cancelled(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class CancelSelection:
    """The campaigns a filter (or a list of ids) matched: those a cancel can stop, in id order,
    and those left out because no cancel can (by status)."""

    to_cancel: list[SmsCampaign] = field(default_factory=list)
    left_out: dict[str, list[SmsCampaign]] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return [campaign.sms_campaign_id for campaign in self.to_cancel]

    def left_out_counts(self) -> dict[str, int]:
        """How many were left out, by status."""
        return {status: len(campaigns) for status, campaigns in sorted(self.left_out.items())}


@dataclass(frozen=True)
class MatchingCancel:
    """What cancel_matching_sms_campaigns did: what it chose, what became of each cancel, and what
    still matched the filter afterwards and could still be cancelled (empty when all is done)."""

    selection: CancelSelection
    outcomes: list[CancelOutcome]
    still_matching: list[SmsCampaign]

    @property
    def done(self) -> bool:
        """Every cancel succeeded and nothing cancellable matches any more."""
        return not self.still_matching and all(outcome.cancelled for outcome in self.outcomes)


def select_for_cancel(campaigns: Iterable[SmsCampaign]) -> CancelSelection:
    """Split campaigns into those a cancel can stop and those it cannot (NOT_CANCELLABLE, by status).
    A campaign whose status ClickSend did not report, or reported as another value, is kept for
    the cancel: only ClickSend can say."""
    selection = CancelSelection()
    for campaign in campaigns:
        if campaign.status in NOT_CANCELLABLE:
            selection.left_out.setdefault(campaign.status, []).append(campaign)
        else:
            selection.to_cancel.append(campaign)
    return selection


def _campaign_ids(sms_campaign_ids: Iterable[int], concurrency: int) -> list[int]:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a whole number of requests, at least 1; got {concurrency!r}")
    return list(dict.fromkeys(sms_campaign_ids))  # each campaign once, in the order first given


def _run_each(
    client: ClickSendClient,
    ids: list[int],
    request: Callable[[ClickSendClient, int], SmsCampaignEnvelope],
    outcome: type[Outcome],
    concurrency: int,
    on_outcome: Callable[[Outcome], None] | None,
) -> list[Outcome]:
    """One paced request per id, up to `concurrency` in flight; an outcome each, in the order given.
    Stopped (Ctrl-C, `on_outcome` raising), it starts nothing more and finishes what is in flight."""
    paced, pace = paced_client(client), Pace(concurrency, client.retry_policy)

    def one(campaign_id: int) -> Outcome:
        try:
            answer = pace.call(lambda: request(paced, campaign_id))
        except ClickSendError as error:
            return outcome(campaign_id, error=error)
        return outcome(campaign_id, campaign=answer.data)

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="clicksend-bulk")
    futures = [pool.submit(one, campaign_id) for campaign_id in ids]
    try:
        try:
            for future in as_completed(futures):
                if on_outcome is not None:
                    on_outcome(future.result())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # the queued are dropped, those in flight finish
    except KeyboardInterrupt:
        if outcome is not CancelOutcome:
            raise  # reads: nothing was changed, so there is nothing to account for
        sent = [future.result() for future in futures if not future.cancelled()]
        not_started = [campaign_id for campaign_id, future in zip(ids, futures, strict=True) if future.cancelled()]
        raise CancelInterrupted(sent, not_started) from None  # type: ignore[arg-type]
    return [future.result() for future in futures]


async def _arun_each(
    client: ClickSendClient,
    ids: list[int],
    request: Callable[[ClickSendClient, int], Awaitable[SmsCampaignEnvelope]],
    outcome: type[Outcome],
    concurrency: int,
    on_outcome: Callable[[Outcome], None] | None,
) -> list[Outcome]:
    paced, pace = paced_client(client), AsyncPace(concurrency, client.retry_policy)
    # The pace limits what is in flight; the semaphore keeps all but `concurrency` tasks off its
    # condition, so that 20,000 campaigns are not 20,000 waiters woken at each step.
    workers = asyncio.Semaphore(concurrency)

    async def one(campaign_id: int) -> Outcome:
        async with workers:
            try:
                answer = await pace.call(lambda: request(paced, campaign_id))
            except ClickSendError as error:
                result = outcome(campaign_id, error=error)
            else:
                result = outcome(campaign_id, campaign=answer.data)
        if on_outcome is not None:
            on_outcome(result)
        return result

    return list(await asyncio.gather(*(one(campaign_id) for campaign_id in ids)))


def cancel_sms_campaigns(
    client: ClickSendClient,
    sms_campaign_ids: Iterable[int],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CancelOutcome], None] | None = None,
) -> list[CancelOutcome]:
    """Cancel every campaign, up to `concurrency` at once; one outcome per campaign, in the order given.

    `on_outcome` is called with each outcome as it arrives (for a progress bar), in this thread.
    When the call is stopped (Ctrl-C, or `on_outcome` raising), no further cancel starts and the
    ones already in flight finish, since a request sent cannot be called back; a Ctrl-C then
    raises CancelInterrupted, which says what became of each campaign. Every id is sent as given:
    a campaign already cancelled is answered as cancelled again (`select_for_cancel` or
    `get_sms_campaigns` tell it apart first).
    """
    ids = _campaign_ids(sms_campaign_ids, concurrency)

    def cancel(paced: ClickSendClient, campaign_id: int) -> SmsCampaignEnvelope:
        answer: SmsCampaignEnvelope = _CANCEL.sync(client=paced, sms_campaign_id=campaign_id, checks=checks)
        return answer

    return _run_each(client, ids, cancel, CancelOutcome, concurrency, on_outcome)


async def acancel_sms_campaigns(
    client: ClickSendClient,
    sms_campaign_ids: Iterable[int],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CancelOutcome], None] | None = None,
) -> list[CancelOutcome]:
    """The async twin of cancel_sms_campaigns."""
    ids = _campaign_ids(sms_campaign_ids, concurrency)

    def cancel(paced: ClickSendClient, campaign_id: int) -> Awaitable[SmsCampaignEnvelope]:
        return _CANCEL.asyncio(client=paced, sms_campaign_id=campaign_id, checks=checks)

    return await _arun_each(client, ids, cancel, CancelOutcome, concurrency, on_outcome)


def get_sms_campaigns(
    client: ClickSendClient,
    sms_campaign_ids: Iterable[int],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CampaignOutcome], None] | None = None,
) -> list[CampaignOutcome]:
    """Read every campaign, up to `concurrency` at once; one outcome per campaign, in the order given
    (a campaign that is not found has its NotFoundError)."""
    ids = _campaign_ids(sms_campaign_ids, concurrency)

    def get(paced: ClickSendClient, campaign_id: int) -> SmsCampaignEnvelope:
        answer: SmsCampaignEnvelope = _GET.sync(client=paced, sms_campaign_id=campaign_id, checks=checks)
        return answer

    return _run_each(client, ids, get, CampaignOutcome, concurrency, on_outcome)


async def aget_sms_campaigns(
    client: ClickSendClient,
    sms_campaign_ids: Iterable[int],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CampaignOutcome], None] | None = None,
) -> list[CampaignOutcome]:
    """The async twin of get_sms_campaigns."""
    ids = _campaign_ids(sms_campaign_ids, concurrency)

    def get(paced: ClickSendClient, campaign_id: int) -> Awaitable[SmsCampaignEnvelope]:
        return _GET.asyncio(client=paced, sms_campaign_id=campaign_id, checks=checks)

    return await _arun_each(client, ids, get, CampaignOutcome, concurrency, on_outcome)


def find_cancellable_sms_campaigns(
    client: ClickSendClient, *, checks: bool | None = None, **filters: Unpack[SearchFilters]
) -> CancelSelection:
    """Every campaign the filters match (all of them without filters), split by select_for_cancel.
    The walk keeps its own order, by id, which updates during the walk do not change, and raises
    IncompleteWalkError rather than miss a campaign."""
    walk = iter_sms_campaigns(client, checks=checks, **filters)
    return select_for_cancel(walk)


async def afind_cancellable_sms_campaigns(
    client: ClickSendClient, *, checks: bool | None = None, **filters: Unpack[SearchFilters]
) -> CancelSelection:
    """The async twin of find_cancellable_sms_campaigns."""
    walk = aiter_sms_campaigns(client, checks=checks, **filters)
    return select_for_cancel([campaign async for campaign in walk])


def cancel_matching_sms_campaigns(
    client: ClickSendClient,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CancelOutcome], None] | None = None,
    **filters: Unpack[SearchFilters],
) -> MatchingCancel:
    """Cancel every campaign the filters match that a cancel can still stop, then look again.

    No filter means every campaign of the account. `still_matching` lists what matches after the
    cancels and could still be cancelled (a campaign sent meanwhile, or one whose cancel failed):
    check `done` before saying that all is cancelled.
    """

    def find() -> CancelSelection:
        return find_cancellable_sms_campaigns(client, checks=checks, **filters)

    selection = find()
    outcomes = cancel_sms_campaigns(
        client, selection.ids, concurrency=concurrency, checks=checks, on_outcome=on_outcome
    )
    return MatchingCancel(selection, outcomes, find().to_cancel)


async def acancel_matching_sms_campaigns(
    client: ClickSendClient,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    checks: bool | None = None,
    on_outcome: Callable[[CancelOutcome], None] | None = None,
    **filters: Unpack[SearchFilters],
) -> MatchingCancel:
    """The async twin of cancel_matching_sms_campaigns."""

    async def find() -> CancelSelection:
        return await afind_cancellable_sms_campaigns(client, checks=checks, **filters)

    selection = await find()
    outcomes = await acancel_sms_campaigns(
        client, selection.ids, concurrency=concurrency, checks=checks, on_outcome=on_outcome
    )
    return MatchingCancel(selection, outcomes, (await find()).to_cancel)
