"""Retries with exponential backoff and jitter, as httpx transports wrapped around the real one.

What is retried:
- a connection that could not be made (nothing was sent), for every operation;
- a timeout or dropped connection after the request may have left, a 429, or a 5xx answer,
  only for operations that are safe to repeat: list, get, price, update and cancel.

send_sms_campaign is never repeated once its request may have reached ClickSend: ClickSend has
no idempotency key, and a repeat sends the campaign again to up to 20,000 people. It raises
OutcomeUnknownError instead. A request whose operation is unknown counts as unsafe.

A 429's Retry-After is honoured when it is at most `retry_after_cap` seconds; a longer wait is
not worth blocking for, so the RateLimitError is raised at once. Each retry is logged on the
`clicksend_sms_campaigns` logger at WARNING, with the method and path only.

The transports also bound each call (bounds.py): the answer's body is read here, decoded and
counted against `max_answer_bytes`, and the whole call, retries and waits included, ends by its
deadline. A wait that would end after the deadline is not started: the last answer (or failure)
stands. A call that runs out of time after its request may have left raises DeadlineExceededError,
an OutcomeUnknownError.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from ..spec_facts import OPERATIONS
from .bounds import DEADLINE_EXTENSION, aread_answer, capped_timeouts, deadline_scope, expired, read_answer, time_left
from .exceptions import (
    ConnectionFailedError,
    DeadlineExceededError,
    OutcomeUnknownError,
    TransportError,
    parse_retry_after,
)

logger = logging.getLogger("clicksend_sms_campaigns")

#: The request extension in which each generated operation names itself.
OPERATION_EXTENSION = "clicksend_operation"
#: Operations that may be sent twice without harm: the spec's x-safe-to-repeat.
SAFE_TO_REPEAT = frozenset(operation.id for operation in OPERATIONS if operation.safe_to_repeat)
# Failures that happen before a byte of the request is sent. A LocalProtocolError is h11 refusing to
# write the request (a header it cannot carry): nothing left the machine, and a retry cannot help.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_NEVER_RETRIED = (httpx.UnsupportedProtocol, httpx.LocalProtocolError)


def operation_of(request: httpx.Request) -> str | None:
    name = request.extensions.get(OPERATION_EXTENSION)
    return name if isinstance(name, str) else None


def is_safe_to_repeat(request: httpx.Request) -> bool:
    return operation_of(request) in SAFE_TO_REPEAT


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. `max_retries=0` turns retries off."""

    max_retries: int = 2
    #: The first backoff is about this many seconds; each further one doubles, up to backoff_max.
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    #: The longest Retry-After that is waited for.
    retry_after_cap: float = 60.0
    #: False returns a 429 at once (as RateLimitError), for a caller that paces itself: the page
    #: walk and the bulk cancel do, so that all their requests slow down together (pacing.py).
    retry_rate_limited: bool = True

    def __post_init__(self) -> None:
        for name in ("max_retries", "backoff_base", "backoff_max", "retry_after_cap"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"RetryPolicy.{name} must be a number >= 0, got {value!r}")
        if not isinstance(self.retry_rate_limited, bool):
            raise ValueError(f"RetryPolicy.retry_rate_limited must be True or False, got {self.retry_rate_limited!r}")

    def backoff(self, retry: int, rng: random.Random) -> float:
        """Equal jitter: half the exponential delay is fixed, half random, so clients spread out."""
        ceiling = min(float(self.backoff_max), self.backoff_base * 2.0**retry)
        return ceiling / 2 + rng.uniform(0, ceiling / 2)

    def delay_after_error(
        self, request: httpx.Request, error: httpx.TransportError, retry: int, rng: random.Random
    ) -> float | None:
        """Seconds to wait before retrying after a transport failure, or None to give up."""
        if retry >= self.max_retries or isinstance(error, _NEVER_RETRIED):
            return None
        if isinstance(error, _NOT_SENT) or is_safe_to_repeat(request):
            return self.backoff(retry, rng)
        return None

    def delay_after_response(
        self, request: httpx.Request, response: httpx.Response, retry: int, rng: random.Random
    ) -> float | None:
        """Seconds to wait before retrying after this answer, or None to return it."""
        status = response.status_code
        if status != 429 and status < 500:
            return None
        if retry >= self.max_retries or not is_safe_to_repeat(request):
            return None
        if status == 429 and not self.retry_rate_limited:
            return None
        if status == 429:
            asked = parse_retry_after(response.headers.get("retry-after"))
            if asked is not None:
                return asked if asked <= self.retry_after_cap else None
        return self.backoff(retry, rng)


def transport_failure(request: httpx.Request, error: httpx.TransportError) -> TransportError:
    """The ClickSendError for a request that got no answer.

    The message names the host and httpx's reason (refused, a DNS failure, TLS). httpx's exception
    is not chained to it: its traceback holds httpcore's frames, whose locals carry the request's
    headers, Authorization included, and a crash reporter that dumps locals would print them.
    """
    where = f"{request.method} {request.url.scheme}://{request.url.netloc.decode('ascii')}{request.url.path}"
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    out_of_time = " before the call's deadline" if expired() else ""
    if isinstance(error, _NOT_SENT + _NEVER_RETRIED):
        return ConnectionFailedError(f"{where}: could not send ({reason}){out_of_time}; the request was not sent")
    if out_of_time:
        return DeadlineExceededError(
            f"{where}: no answer{out_of_time} ({reason}); the request may have reached ClickSend, its outcome is unknown"
        )
    return OutcomeUnknownError(
        f"{where}: no answer ({reason}) after the request may have reached ClickSend; its outcome is unknown"
    )


def _within_deadline(delay: float | None) -> float | None:
    """The delay, or None when waiting it would end after the deadline (so no retry is started)."""
    left = time_left()
    if delay is None or (left is not None and delay >= left):
        return None
    return delay


def _log_retry(request: httpx.Request, reason: str, retry: int, policy: RetryPolicy, delay: float) -> None:
    logger.warning(
        "Retrying %s %s after %s: retry %d of %d in %.2f s",
        request.method,
        request.url.path,
        reason,
        retry + 1,
        policy.max_retries,
        delay,
    )


class RetryingTransport(httpx.BaseTransport):
    """Wraps a sync transport; retries per the policy; reads each answer within its size limit and the
    call's deadline; turns transport failures into ClickSendErrors."""

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        max_answer_bytes: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped, self._policy, self._sleep = wrapped, policy, sleep
        self._max_answer_bytes = max_answer_bytes
        self._rng = rng or random.Random()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with deadline_scope(request.extensions.get(DEADLINE_EXTENSION)):
            retry = 0
            while True:
                capped_timeouts(request)
                try:
                    # The body is read here: a connection that breaks mid-body is handled like any
                    # other failure after the request left, not surfaced later as a raw httpx error.
                    answer = self._wrapped.handle_request(request)
                    response = read_answer(answer, request, self._max_answer_bytes, operation_of(request))
                except httpx.TransportError as error:
                    delay = _within_deadline(self._policy.delay_after_error(request, error, retry, self._rng))
                    reason = type(error).__name__
                    if delay is None:
                        failure = transport_failure(request, error)
                else:
                    delay = _within_deadline(self._policy.delay_after_response(request, response, retry, self._rng))
                    if delay is None:
                        return response
                    reason = f"HTTP {response.status_code}"
                if delay is None:
                    raise failure  # outside the except block, so httpx's error is not its __context__
                _log_retry(request, reason, retry, self._policy, delay)
                self._sleep(delay)
                retry += 1

    def close(self) -> None:
        self._wrapped.close()


class AsyncRetryingTransport(httpx.AsyncBaseTransport):
    """The async twin of RetryingTransport, with the same policy and bounds."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        max_answer_bytes: int | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped, self._policy, self._sleep = wrapped, policy, sleep
        self._max_answer_bytes = max_answer_bytes
        self._rng = rng or random.Random()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with deadline_scope(request.extensions.get(DEADLINE_EXTENSION)):
            retry = 0
            while True:
                capped_timeouts(request)
                try:
                    answer = await self._wrapped.handle_async_request(request)
                    response = await aread_answer(answer, request, self._max_answer_bytes, operation_of(request))
                except httpx.TransportError as error:
                    delay = _within_deadline(self._policy.delay_after_error(request, error, retry, self._rng))
                    reason = type(error).__name__
                    if delay is None:
                        failure = transport_failure(request, error)
                else:
                    delay = _within_deadline(self._policy.delay_after_response(request, response, retry, self._rng))
                    if delay is None:
                        return response
                    reason = f"HTTP {response.status_code}"
                if delay is None:
                    raise failure  # outside the except block, so httpx's error is not its __context__
                _log_retry(request, reason, retry, self._policy, delay)
                await self._sleep(delay)
                retry += 1

    async def aclose(self) -> None:
        await self._wrapped.aclose()
