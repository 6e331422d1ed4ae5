"""Bounded answers and bounded time, for the transports in retries.py.

Answers: `read_answer` reads a response's raw bytes and decodes them itself (identity, gzip,
deflate), a piece of at most 64 KiB at a time, counting the decoded bytes; past the limit it stops
and raises AnswerTooLargeError. A gzip bomb therefore costs about the limit in memory (plus the
network buffers), however far it would inflate, and a body announced larger than the limit is not
read at all.

Time: a call's deadline (seconds for the whole call: every attempt, every wait between attempts,
every read of a slow body) is held in a context variable while the transport works. Each attempt's
httpx timeouts are capped to the time left, and the network backends of the transports this
client builds cap every single socket wait to it as well, so a server that drips a byte at a time
cannot hold a call past its deadline. (With a transport of your own, the deadline is checked
between attempts and between pieces of the body, and each attempt's timeouts are capped.)
"""

from __future__ import annotations

import contextlib
import time
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from .exceptions import AnswerTooLargeError, MalformedResponseError

#: Read by the transport: the seconds the whole call may take (None: no deadline).
DEADLINE_EXTENSION = "clicksend_deadline"
#: Decoded bytes produced per step; what a step can add to memory.
PIECE_BYTES = 64 * 1024
#: The encodings the client asks for and decodes; it says so in Accept-Encoding.
ACCEPTED_ENCODINGS = "gzip, deflate"

_DEADLINE: ContextVar[float | None] = ContextVar("clicksend_deadline", default=None)


# --- Time ------------------------------------------------------------------------------------


@contextlib.contextmanager
def deadline_scope(seconds: float | None) -> Iterator[None]:
    """Within the block, the call must end `seconds` from now (an enclosing, earlier deadline wins)."""
    if seconds is None:
        yield
        return
    moment = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(moment if outer is None else min(outer, moment))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds until the current call's deadline (possibly negative), or None without one."""
    moment = _DEADLINE.get()
    return None if moment is None else moment - time.monotonic()


def expired() -> bool:
    left = time_left()
    return left is not None and left <= 0


def capped_timeouts(request: httpx.Request) -> None:
    """Cap the request's connect, read, write and pool timeouts to the time left."""
    left = time_left()
    if left is None:
        return
    timeouts = dict(request.extensions.get("timeout") or {})
    for name in ("connect", "read", "write", "pool"):
        given = timeouts.get(name)
        timeouts[name] = max(left, 0.001) if given is None else max(min(given, left), 0.001)
    request.extensions["timeout"] = timeouts


def _capped(timeout: float | None, on_expiry: type[Exception]) -> float | None:
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise on_expiry("the call's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _capped(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def with_deadline_backend(transport: httpx.HTTPTransport | httpx.AsyncHTTPTransport) -> bool:
    """Make every socket wait of an httpx transport end by the call's deadline; False if it cannot.

    httpx builds its httpcore connection pool without a way to pass a network backend, so the
    pool's backend is wrapped in place. That attribute is httpcore's own; if a future httpcore
    renames it, this returns False and the deadline falls back to the coarser checks (a test
    would notice).
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
        return True
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncDeadlineBackend(backend)  # type: ignore[union-attr]
        return True
    return False


# --- Answers ---------------------------------------------------------------------------------


class _Inflater:
    """One zlib stream (gzip or deflate), giving its output a bounded piece at a time."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._inflate: Any = None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflate is None:
            if not data:
                return
            if self._encoding == "deflate":
                # "deflate" is meant to be zlib-wrapped; some servers send it raw.
                wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and ((data[0] << 8) | data[1]) % 31 == 0
                self._inflate = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            else:
                self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while True:
            piece = self._inflate.decompress(data, PIECE_BYTES)
            if piece:
                yield piece
            data = self._inflate.unconsumed_tail
            if not data and len(piece) < PIECE_BYTES:
                return

    def finish(self) -> None:
        if self._inflate is None or not self._inflate.eof:
            raise zlib.error(f"the {self._encoding} stream ends before it is complete")


def _decoders(content_encoding: str) -> list[_Inflater]:
    """Decoders for a Content-Encoding header, outermost first (the last listed was applied last)."""
    names = [name.strip().lower() for name in content_encoding.split(",") if name.strip()]
    decoders = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip", "deflate"):
            decoders.append(_Inflater("deflate" if name == "deflate" else "gzip"))
        elif name != "identity":
            raise ValueError(name)
    return decoders


def _through(decoders: list[_Inflater], data: bytes) -> Iterator[bytes]:
    if not decoders:
        if data:
            yield data
        return
    for piece in decoders[0].feed(data):
        yield from _through(decoders[1:], piece)


def _finished(decoders: list[_Inflater]) -> None:
    for decoder in decoders:
        decoder.finish()


class _Answer:
    """Collects one answer's decoded bytes, up to the limit."""

    def __init__(
        self, response: httpx.Response, request: httpx.Request, limit: int | None, operation: str | None
    ) -> None:
        self.response, self.request, self.limit, self.operation = response, request, limit, operation
        # Pieces, not one growing buffer: a buffer that grows copies itself, so it would briefly hold
        # twice what it had read; the pieces are joined once, when the whole answer is in.
        self.pieces: list[bytes] = []
        self.size = 0
        declared = response.headers.get("content-length", "")
        if (
            limit is not None
            and declared.isascii()
            and declared.isdigit()
            and len(declared) < 20
            and int(declared) > limit
        ):
            raise self._too_large(f"it announces {int(declared)} bytes")
        try:
            # A response built in memory (a mock transport) was read, and decoded, when it was made.
            encoding = "" if response.is_stream_consumed else response.headers.get("content-encoding", "")
            self.decoders = _decoders(encoding)
        except ValueError as unknown:
            raise self._malformed(f"it is in the encoding {unknown}, which the client does not read") from None

    def add(self, raw: bytes) -> None:
        try:
            for piece in _through(self.decoders, raw):
                self.size += len(piece)
                if self.limit is not None and self.size > self.limit:
                    raise self._too_large("it is larger")
                self.pieces.append(piece)
        except zlib.error as error:
            raise self._malformed(f"its compressed body is damaged ({error})") from None

    def finish(self) -> httpx.Response:
        try:
            _finished(self.decoders)
        except zlib.error as error:
            raise self._malformed(f"its compressed body is damaged ({error})") from None
        headers = [  # as received, bytes and all: a header outside ASCII is the server's business
            (name, value)
            for name, value in self.response.headers.raw
            if name.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
        ]
        headers.append((b"content-length", str(self.size).encode()))
        body = b"".join(self.pieces)
        self.pieces.clear()
        return httpx.Response(
            self.response.status_code,
            headers=headers,
            content=body,
            request=self.request,
            extensions=self.response.extensions,
        )

    def _where(self) -> str:
        where = f"{self.request.method} {self.request.url.path}"
        named = f"{self.operation} ({where})" if self.operation else where
        return f"{named} answered HTTP {self.response.status_code}, but"

    def _too_large(self, how: str) -> AnswerTooLargeError:
        return AnswerTooLargeError(
            f"{self._where()} {how} than the {self.limit}-byte limit (max_answer_bytes); it was not read further",
            operation=self.operation,
            status=self.response.status_code,
            headers=dict(self.response.headers),
        )

    def _malformed(self, why: str) -> MalformedResponseError:
        return MalformedResponseError(
            f"{self._where()} {why}",
            operation=self.operation,
            status=self.response.status_code,
            headers=dict(self.response.headers),
        )


def read_answer(
    response: httpx.Response, request: httpx.Request, limit: int | None, operation: str | None = None
) -> httpx.Response:
    """The answer with its body read, decoded and in memory; it is closed either way.

    Raises AnswerTooLargeError past `limit` decoded bytes, MalformedResponseError for a body that
    cannot be decoded, httpx.TransportError when the connection fails, and stops between pieces
    once the deadline has passed (httpx.ReadTimeout).
    """
    with contextlib.closing(response):
        answer = _Answer(response, request, limit, operation)
        for raw in [response.content] if response.is_stream_consumed else response.iter_raw():
            answer.add(raw)
            if expired():
                raise httpx.ReadTimeout("the call's deadline passed while the answer was read", request=request)
        return answer.finish()


async def aread_answer(
    response: httpx.Response, request: httpx.Request, limit: int | None, operation: str | None = None
) -> httpx.Response:
    """The async twin of read_answer."""
    try:
        answer = _Answer(response, request, limit, operation)
        if response.is_stream_consumed:
            answer.add(response.content)
        else:
            raw_pieces: AsyncIterator[bytes] = response.aiter_raw()
            async for raw in raw_pieces:
                answer.add(raw)
                if expired():
                    raise httpx.ReadTimeout("the call's deadline passed while the answer was read", request=request)
        return answer.finish()
    finally:
        await response.aclose()
