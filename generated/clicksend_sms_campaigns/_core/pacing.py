"""How a job of many requests at once keeps to ClickSend's rate limit: `Pace` and `AsyncPace`.

The page walk (pagination.py) and the bulk cancel (bulk.py) send several requests at once. A 429
(Too Many Requests) to any of them means the account is over its rate, so the whole job slows down
together instead of each request waiting on its own while the others go on asking:

- no request of the job starts until the 429's `Retry-After` has passed (without one, a backoff
  from the client's RetryPolicy);
- the job sends fewer at once: the number allowed in flight halves on a 429 (once for the requests
  that were in flight together) and grows back by one after as many successes as are allowed;
- the rate-limited request is sent again: a 429 means ClickSend did not carry it out, so repeating
  it is safe whatever the operation.

The job gives up on a request, raising its RateLimitError, after RATE_LIMITED_TIMES 429s in a row for
it, or at once on a `Retry-After` longer than the policy's `retry_after_cap`: a server that only
ever answers 429 ends the job rather than holding it forever. The job's requests go through a view
of the client whose retries leave 429 to the pace (`RetryPolicy.retry_rate_limited=False`) and
retry timeouts, dropped connections and 5xx as the client's own retries do.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import random
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TypeVar

from .clicksend_client import ClickSendClient
from .exceptions import RateLimitError
from .retries import RetryPolicy

T = TypeVar("T")

#: 429s in a row for one request before the job gives up on it.
RATE_LIMITED_TIMES = 8


def paced_client(client: ClickSendClient) -> ClickSendClient:
    """A view of `client` (sharing its connections) whose retries leave 429 answers to the pace."""
    return client.with_options(retry_policy=dataclasses.replace(client.retry_policy, retry_rate_limited=False))


class _PaceBook:
    """The pace's state, without waiting: how many may be in flight, how many are, and until when
    nothing starts. Both Pace and AsyncPace keep one, under their own lock."""

    def __init__(self, most: int, policy: RetryPolicy, clock: Callable[[], float]) -> None:
        self.most = self.allowed = most
        self.policy, self.clock = policy, clock
        self.in_flight = 0
        self.resume_at = 0.0  # on the clock: nothing starts before
        self.cut_at = float("-inf")  # when `allowed` was last halved
        self.successes = 0  # since `allowed` last changed
        self.rng = random.Random()

    def wait(self) -> float | None:
        """0 when a request may start now; else seconds until it may, or None to wait for a slot."""
        left = self.resume_at - self.clock()
        if left > 0:
            return left
        return 0.0 if self.in_flight < self.allowed else None

    def start(self) -> float:
        self.in_flight += 1
        return self.clock()

    def finish(self) -> None:
        self.in_flight -= 1

    def succeeded(self) -> None:
        self.successes += 1
        if self.allowed < self.most and self.successes >= self.allowed:
            self.allowed += 1
            self.successes = 0

    def rate_limited(self, error: RateLimitError, started: float, times: int) -> bool:
        """Slow the job down after a 429 to a request sent at `started`; False when it gives up on it."""
        asked = error.retry_after
        if times >= RATE_LIMITED_TIMES or (asked is not None and asked > self.policy.retry_after_cap):
            return False
        delay = asked if asked is not None else self.policy.backoff(times - 1, self.rng)
        self.resume_at = max(self.resume_at, self.clock() + delay)
        if started > self.cut_at:  # the requests in flight with it hit the same limit: one cut for all
            self.allowed = max(1, self.allowed // 2)
            self.cut_at = self.clock()
            self.successes = 0
        return True


class Pace:
    """Runs the requests of one job from several threads, at most `most` at once, slowing down on 429."""

    def __init__(self, most: int, policy: RetryPolicy, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._book = _PaceBook(most, policy, clock)
        self._changed = threading.Condition()

    @property
    def allowed(self) -> int:
        """How many requests may be in flight now."""
        return self._book.allowed

    @contextlib.contextmanager
    def _slot(self) -> Iterator[float]:
        with self._changed:
            while (wait := self._book.wait()) != 0:
                self._changed.wait(timeout=wait)
            started = self._book.start()
        try:
            yield started
        finally:
            with self._changed:
                self._book.finish()
                self._changed.notify_all()

    def call(self, send: Callable[[], T]) -> T:
        """`send()`, in turn with the job's other requests; again after each 429, as the pace allows."""
        times = 0
        while True:
            with self._slot() as started:
                try:
                    result = send()
                except RateLimitError as error:
                    times += 1
                    with self._changed:
                        if not self._book.rate_limited(error, started, times):
                            raise
                    continue
            with self._changed:
                self._book.succeeded()
                self._changed.notify_all()
            return result


class AsyncPace:
    """The async twin of Pace, for tasks of one event loop."""

    def __init__(self, most: int, policy: RetryPolicy, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._book = _PaceBook(most, policy, clock)
        self._changed = asyncio.Condition()

    @property
    def allowed(self) -> int:
        return self._book.allowed

    @contextlib.asynccontextmanager
    async def _slot(self) -> AsyncIterator[float]:
        async with self._changed:
            while (wait := self._book.wait()) != 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout=wait)
            started = self._book.start()
        try:
            yield started
        finally:
            async with self._changed:
                self._book.finish()
                self._changed.notify_all()

    async def call(self, send: Callable[[], Awaitable[T]]) -> T:
        times = 0
        while True:
            async with self._slot() as started:
                try:
                    result = await send()
                except RateLimitError as error:
                    times += 1
                    if not self._book.rate_limited(error, started, times):
                        raise
                    continue
            async with self._changed:
                self._book.succeeded()
                self._changed.notify_all()
            return result
