"""Cancel many campaigns at once, a few at a time: `cancel_sms_campaigns` and its async twin.

Every campaign is cancelled by its own request, up to `concurrency` requests in flight at once
(ClickSend is far away: a cancel is a round trip of 100 ms or more, and 500 of them one after
another take a minute). Each campaign is asked for once, whatever the input repeats, so never more
than one attempt is in flight for a campaign; the client's retries repeat a cancel (it is safe to
repeat) one attempt after another. A campaign that cannot be cancelled does not stop the others:
each gets an outcome, in the order given, with the campaign as ClickSend answered or the
`ClickSendError` that said why not.
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

#: Cancels in flight at once by default.
DEFAULT_CONCURRENCY = 4


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
    When the call is stopped (Ctrl-C, or `on_outcome` raising), no further cancel starts; the
    ones already in flight finish, since a request sent cannot be called back.
    """
    ids = _campaign_ids(sms_campaign_ids, concurrency)

    def cancel(campaign_id: int) -> CancelOutcome:
        try:
            answer = cancel_sms_campaign.sync(client=client, sms_campaign_id=campaign_id, checks=checks)
        except ClickSendError as error:
            return CancelOutcome(campaign_id, error=error)
        return CancelOutcome(campaign_id, campaign=answer.data)

    outcomes: dict[int, CancelOutcome] = {}
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="clicksend-cancel")
    try:
        for future in as_completed([pool.submit(cancel, campaign_id) for campaign_id in ids]):
            outcome = future.result()
            outcomes[outcome.sms_campaign_id] = outcome
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [outcomes[campaign_id] for campaign_id in ids]


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
    slots = asyncio.Semaphore(concurrency)

    async def cancel(campaign_id: int) -> CancelOutcome:
        async with slots:
            try:
                answer = await cancel_sms_campaign.asyncio(client=client, sms_campaign_id=campaign_id, checks=checks)
            except ClickSendError as error:
                outcome = CancelOutcome(campaign_id, error=error)
            else:
                outcome = CancelOutcome(campaign_id, campaign=answer.data)
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    return list(await asyncio.gather(*(cancel(campaign_id) for campaign_id in ids)))
