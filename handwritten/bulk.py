"""Cancel many campaigns at once, a few at a time: `cancel_sms_campaigns` and its async twin.

Every campaign is cancelled by its own request, up to `concurrency` requests in flight at once
(ClickSend is far away: a cancel is a round trip of 100 ms or more, and 500 of them one after
another take a minute). Each campaign is asked for once, whatever the input repeats, so never more
than one attempt is in flight for a campaign; the client's retries repeat a cancel (it is safe to
repeat) one attempt after another. A campaign that cannot be cancelled does not stop the others:
each gets an outcome, in the order given, with the campaign as ClickSend answered or the
`ClickSendError` that said why not. A 429 slows the whole job down (pacing.py): no cancel starts
before its Retry-After has passed, fewer are sent at once, and the rate-limited cancel is sent again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from .api.sms_campaigns import cancel_sms_campaign
from .clicksend_client import ClickSendClient
from .exceptions import ClickSendError
from .models.sms_campaign import SmsCampaign
from .pacing import AsyncPace, Pace, paced_client

#: Cancels in flight at once by default.
DEFAULT_CONCURRENCY = 4


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
class CancelOutcome:
    """What became of one campaign: `campaign` when ClickSend cancelled it, `error` when it did not."""

    sms_campaign_id: int
    campaign: SmsCampaign | None = None
    error: ClickSendError | None = None

    @property
    def cancelled(self) -> bool:
        return self.error is None


def _campaign_ids(sms_campaign_ids: Iterable[int], concurrency: int) -> list[int]:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a whole number of requests, at least 1; got {concurrency!r}")
    return list(dict.fromkeys(sms_campaign_ids))  # each campaign once, in the order first given


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
    raises CancelInterrupted, which says what became of each campaign.
    """
    ids = _campaign_ids(sms_campaign_ids, concurrency)
    paced, pace = paced_client(client), Pace(concurrency, client.retry_policy)

    def cancel(campaign_id: int) -> CancelOutcome:
        try:
            answer = pace.call(
                lambda: cancel_sms_campaign.sync(client=paced, sms_campaign_id=campaign_id, checks=checks)
            )
        except ClickSendError as error:
            return CancelOutcome(campaign_id, error=error)
        return CancelOutcome(campaign_id, campaign=answer.data)

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="clicksend-cancel")
    futures = [pool.submit(cancel, campaign_id) for campaign_id in ids]
    try:
        try:
            for future in as_completed(futures):
                if on_outcome is not None:
                    on_outcome(future.result())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # the queued are dropped, those in flight finish
    except KeyboardInterrupt:
        sent = [future.result() for future in futures if not future.cancelled()]
        not_started = [campaign_id for campaign_id, future in zip(ids, futures, strict=True) if future.cancelled()]
        raise CancelInterrupted(sent, not_started) from None
    return [future.result() for future in futures]


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
    paced, pace = paced_client(client), AsyncPace(concurrency, client.retry_policy)
    # The pace limits what is in flight; the semaphore keeps all but `concurrency` tasks off its
    # condition, so that 20,000 campaigns are not 20,000 waiters woken at each step.
    workers = asyncio.Semaphore(concurrency)

    async def cancel(campaign_id: int) -> CancelOutcome:
        async with workers:
            try:
                answer = await pace.call(
                    lambda: cancel_sms_campaign.asyncio(client=paced, sms_campaign_id=campaign_id, checks=checks)
                )
            except ClickSendError as error:
                outcome = CancelOutcome(campaign_id, error=error)
            else:
                outcome = CancelOutcome(campaign_id, campaign=answer.data)
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    return list(await asyncio.gather(*(cancel(campaign_id) for campaign_id in ids)))
