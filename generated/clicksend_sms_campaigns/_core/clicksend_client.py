"""ClickSendClient: credentials, base URL, timeout, retries and the httpx clients behind every operation.

The generated operations take it as their `client` argument (client.py names it
AuthenticatedClient for them), sync and async alike.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import platform
import re
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from ..build_info import VERSION
from .bounds import ACCEPTED_ENCODINGS, with_deadline_backend
from .exceptions import RequestValidationError
from .retries import AsyncRetryingTransport, RetryingTransport, RetryPolicy

DEFAULT_BASE_URL = "https://rest.clicksend.com/v3"
#: Seconds a whole call may take by default: every attempt, wait and read. None turns it off.
DEFAULT_DEADLINE = 120.0
#: The largest answer read by default, decoded. A page of 100 campaigns is about 60 KB.
DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024
# A header name is an HTTP token; a value is visible ASCII, spaces and tabs (no CR, LF or NUL).
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e]*")
USER_AGENT = f"clicksend-sms-campaigns/{VERSION} httpx/{httpx.__version__} Python/{platform.python_version()}"


def _detach_stream(response: httpx.Response) -> None:
    """Read the answer, then give it a stream that does not point back at it.

    httpx wraps each response's stream in an object that refers back to the response, so every
    answer is a reference cycle that waits for the cyclic garbage collector; paging through
    thousands of campaigns then holds many old pages at once. Reading closes the stream (and
    returns the connection to the pool); the plain ByteStream left behind lets each page be
    freed as soon as it is dropped.
    """
    response.read()
    response.stream = httpx.ByteStream(response.content)


async def _adetach_stream(response: httpx.Response) -> None:
    await response.aread()
    response.stream = httpx.ByteStream(response.content)


class _DiscardedCookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _KeepsNoCookies:
    """Mixed into the httpx clients: cookies the server sets are not kept.

    Every request carries Basic auth, so a stored cookie could only make one request depend on an
    earlier answer. Keeping none also keeps memory flat when paging: to store cookies, httpx
    parses each response's URL again through the standard library, whose URL cache then holds up
    to 128 page URLs. Cookies set by hand on `client.cookies` are still sent.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._discarding_jar = _DiscardedCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._discarding_jar

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._discarding_jar = _DiscardedCookies(cookies)


def _forget_credentials(request: httpx.Request) -> None:
    """Drop the Authorization header from a request that has been sent (or failed to be).

    The request stays reachable after the call: from the response (`response.request`) and from
    the locals of every frame an error passes through. Without the header, neither a crash
    reporter that dumps locals nor code that keeps a response can read the key from it.
    """
    request.headers.pop("Authorization", None)


class _CookielessClient(_KeepsNoCookies, httpx.Client):
    def send(self, request: httpx.Request, **options: Any) -> httpx.Response:
        try:
            return super().send(request, **options)
        finally:
            _forget_credentials(request)


class _AsyncCookielessClient(_KeepsNoCookies, httpx.AsyncClient):
    async def send(self, request: httpx.Request, **options: Any) -> httpx.Response:
        try:
            return await super().send(request, **options)
        finally:
            _forget_credentials(request)


class _Keep:
    """`deadline` not given to with_options (None means: no deadline)."""


_KEEP = _Keep()


class ClickSendClient:
    """A connection to ClickSend's REST API v3 for one account.

    Args:
        username: the API username.
        api_key: the API key (HTTP Basic password).
        base_url: where the API lives; a local emulator in tests.
        timeout: seconds to wait for each step of a request (connect, write, read), or an httpx.Timeout.
        max_retries: how many times a failed request that is safe to repeat is retried.
        retry_policy: full control over retries; its max_retries wins over `max_retries`.
        headers: extra headers sent with every request (ASCII; no CR, LF or NUL).
        deadline: seconds a whole call may take, retries, waits and slow answers included (default
            120); each operation's own `deadline` argument overrides it for one call. None: no deadline.
        max_answer_bytes: the largest answer read, decoded (default 4 MiB); a larger one raises
            AnswerTooLargeError without being held in memory. None: no limit.
        checks: False sends every request as given, without the client-side checks (see
            validation.py); each operation's own `checks` argument overrides this for one call.
        transport, async_transport: httpx transports to send through (tests, proxies); retries wrap them.

    Use it as a context manager, or call close() / aclose(), to release connections.
    Credentials are never shown by repr() and never put in logs or error messages; a client cannot
    be pickled or copied (it would carry the key), and a base_url with credentials in it is refused.
    """

    def __init__(
        self,
        username: str,
        api_key: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
        max_answer_bytes: int | None = DEFAULT_MAX_ANSWER_BYTES,
        checks: bool = True,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        for name, value in (("username", username), ("api_key", api_key)):
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"ClickSendClient needs a non-empty {name}")
        if ":" in username:
            raise ValueError("ClickSendClient's username cannot contain ':' (HTTP Basic auth splits there)")
        self.base_url = _checked_base_url(base_url)
        self.deadline = _positive_or_none("deadline", deadline)
        self.max_answer_bytes = _positive_or_none("max_answer_bytes", max_answer_bytes, whole=True)
        self.retry_policy = retry_policy or RetryPolicy(max_retries=max_retries)
        #: Whether operations run the client-side checks; an operation's `checks` argument overrides it.
        self.checks = bool(checks)
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._auth = httpx.BasicAuth(username, api_key)
        self._headers = {
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": ACCEPTED_ENCODINGS,
            **_checked_headers(headers or {}),
        }
        self._transport = transport
        self._async_transport = async_transport
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None
        # Pages fetched ahead and bulk cancels call from several threads: one httpx client is made.
        self._creating = threading.Lock()
        # The connection pools (the transports under the retries), shared with with_options() views.
        self._pool: httpx.BaseTransport | None = None
        self._async_pool: httpx.AsyncBaseTransport | None = None
        # Set on a with_options() view: the client whose pools it borrows, and what it adds to requests.
        self._lender: ClickSendClient | None = None
        self._extra_query: dict[str, Any] = {}
        self._extra_body: dict[str, Any] = {}

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        deadline: float | _Keep | None = _KEEP,
        checks: bool | None = None,
    ) -> ClickSendClient:
        """This client with other settings for the calls made through it, sharing its connections.

            get_sms_campaign.sync(client=client.with_options(timeout=5, max_retries=0), sms_campaign_id=7)

        `timeout`, `max_retries` (or a whole `retry_policy`), `deadline` (None lifts it) and `checks`
        replace the client's; `headers` are added to the client's; `extra_query` is added to every
        request's query and `extra_body` to every JSON body (an operation with no body refuses it,
        naming the field). What is not given stays as this client has it. The view borrows this
        client's connection pools: closing the view releases nothing, closing this client closes
        the view's connections too.
        """
        view = object.__new__(type(self))
        view.__dict__.update(self.__dict__)
        view._lender = self._lender or self
        view._client, view._async_client = None, None
        if timeout is not None:
            view.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        if headers:
            view._headers = {**self._headers, **_checked_headers(headers)}
        view._extra_query = {**self._extra_query, **dict(extra_query or {})}
        view._extra_body = {**self._extra_body, **dict(extra_body or {})}
        if retry_policy is not None:
            view.retry_policy = retry_policy
        elif max_retries is not None:
            view.retry_policy = dataclasses.replace(self.retry_policy, max_retries=max_retries)
        if not isinstance(deadline, _Keep):
            view.deadline = _positive_or_none("deadline", deadline)
        if checks is not None:
            view.checks = bool(checks)
        return view

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> ClickSendClient:
        """Build from CLICKSEND_USERNAME, CLICKSEND_API_KEY and optional CLICKSEND_BASE_URL."""
        env = os.environ if environ is None else environ
        missing = [name for name in ("CLICKSEND_USERNAME", "CLICKSEND_API_KEY") if not env.get(name)]
        if missing:
            raise ValueError(f"set {' and '.join(missing)} to build a ClickSendClient from the environment")
        if env.get("CLICKSEND_BASE_URL"):
            options.setdefault("base_url", env["CLICKSEND_BASE_URL"])
        return cls(env["CLICKSEND_USERNAME"], env["CLICKSEND_API_KEY"], **options)

    def __repr__(self) -> str:
        return f"ClickSendClient(base_url={self.base_url!r}, credentials=<hidden>)"

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("a ClickSendClient cannot be pickled or copied: it holds the API key; build one where needed")

    def _options(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self._auth,
            "headers": self._headers,
            "params": self._extra_query,
            "timeout": self.timeout,
            "follow_redirects": False,
        }

    def _pool_for_sync(self) -> httpx.BaseTransport:
        if self._lender is not None:
            return _Borrowed(self._lender._pool_for_sync())
        if self._pool is None:
            self._pool = self._transport or _bounded(httpx.HTTPTransport())
        return self._pool

    def _pool_for_async(self) -> httpx.AsyncBaseTransport:
        if self._lender is not None:
            return _AsyncBorrowed(self._lender._pool_for_async())
        if self._async_pool is None:
            self._async_pool = self._async_transport or _bounded(httpx.AsyncHTTPTransport())
        return self._async_pool

    def get_httpx_client(self) -> httpx.Client:
        """The sync httpx client, created on first use."""
        if self._client is None:
            with self._creating:
                return self._create_httpx_client()
        return self._client

    def _create_httpx_client(self) -> httpx.Client:
        if self._client is None:
            _redact_queries_in_httpx_logs(self.base_url)
            transport: httpx.BaseTransport = RetryingTransport(
                self._pool_for_sync(), self.retry_policy, max_answer_bytes=self.max_answer_bytes
            )
            if self._extra_body:
                transport = _ExtraBody(transport, self._extra_body)
            hooks = {"response": [_detach_stream]}
            self._client = _CookielessClient(transport=transport, event_hooks=hooks, **self._options())
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The async httpx client, created on first use."""
        if self._async_client is None:
            _redact_queries_in_httpx_logs(self.base_url)
            transport: httpx.AsyncBaseTransport = AsyncRetryingTransport(
                self._pool_for_async(), self.retry_policy, max_answer_bytes=self.max_answer_bytes
            )
            if self._extra_body:
                transport = _AsyncExtraBody(transport, self._extra_body)
            hooks = {"response": [_adetach_stream]}
            self._async_client = _AsyncCookielessClient(transport=transport, event_hooks=hooks, **self._options())
        return self._async_client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self._pool = None

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None
        self._async_pool = None

    def __enter__(self) -> ClickSendClient:
        self.get_httpx_client()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> ClickSendClient:
        self.get_async_httpx_client()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()


class _Borrowed(httpx.BaseTransport):
    """A with_options() view's way to the lending client's pool: closing the view leaves it open."""

    def __init__(self, pool: httpx.BaseTransport) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._pool.handle_request(request)


class _AsyncBorrowed(httpx.AsyncBaseTransport):
    def __init__(self, pool: httpx.AsyncBaseTransport) -> None:
        self._pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool.handle_async_request(request)


def _with_extra_body(request: httpx.Request, extra: dict[str, Any]) -> httpx.Request:
    """The request with `extra` merged into its JSON object body; refused when it has none."""
    operation = request.extensions.get("clicksend_operation", "this operation")
    try:
        body = json.loads(request.read()) if request.content else None
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise RequestValidationError(
            next(iter(extra)), f"extra_body was given, but {operation} sends no JSON object body; nothing was sent"
        )
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
    content = json.dumps({**body, **extra}, ensure_ascii=False, separators=(",", ":")).encode()
    return httpx.Request(request.method, request.url, headers=headers, content=content, extensions=request.extensions)


class _ExtraBody(httpx.BaseTransport):
    def __init__(self, wrapped: httpx.BaseTransport, extra: dict[str, Any]) -> None:
        self._wrapped, self._extra = wrapped, extra

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._wrapped.handle_request(_with_extra_body(request, self._extra))

    def close(self) -> None:
        self._wrapped.close()


class _AsyncExtraBody(httpx.AsyncBaseTransport):
    def __init__(self, wrapped: httpx.AsyncBaseTransport, extra: dict[str, Any]) -> None:
        self._wrapped, self._extra = wrapped, extra

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._wrapped.handle_async_request(_with_extra_body(request, self._extra))

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def _checked_base_url(base_url: str) -> str:
    try:
        url = httpx.URL(base_url)
    except (TypeError, ValueError, httpx.InvalidURL):
        # Not httpx's message: it may quote a part of the URL, and the URL may hold a key.
        raise ValueError("base_url is not a URL httpx can read") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an http or https URL, got {url.copy_with(username=None, password=None)}")
    if url.userinfo:
        raise ValueError("base_url must not carry credentials: give them as username and api_key")
    if url.query or url.fragment:
        raise ValueError("base_url must not have a query or fragment")
    return base_url.rstrip("/")


def _positive_or_none(name: str, value: Any, *, whole: bool = False) -> Any:
    kinds = (int,) if whole else (int, float)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds) or not value > 0 or value != value:
        raise ValueError(f"{name} must be a positive {'integer' if whole else 'number'} or None, got {value!r}")
    return value


def _checked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValueError(f"header name {name!r} is not an HTTP token")
        if not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value):
            raise ValueError(f"header {name}: the value must be ASCII without CR, LF or other control characters")
    return dict(headers)


def _bounded(transport: Any) -> Any:
    """One of httpx's own transports, with every socket wait ending by the call's deadline (bounds.py)."""
    with_deadline_backend(transport)
    return transport


_REDACTED_BASES: set[str] = set()


class _QueryRedactingFilter(logging.Filter):
    """httpx logs every request's full URL at INFO; for this client's URLs the query (which may hold
    phone numbers, as in q=from:+614...) is replaced by `?<redacted>`. Other URLs are left alone."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 2 and isinstance(args[1], httpx.URL) and args[1].query:
            url = str(args[1])
            if any(url.startswith(base) for base in _REDACTED_BASES):
                record.args = (args[0], f"{url.split('?', 1)[0]}?<redacted>", *args[2:])
        return True


_HTTPX_FILTER = _QueryRedactingFilter()


def _redact_queries_in_httpx_logs(base_url: str) -> None:
    _REDACTED_BASES.add(base_url)
    httpx_logger = logging.getLogger("httpx")
    if _HTTPX_FILTER not in httpx_logger.filters:
        httpx_logger.addFilter(_HTTPX_FILTER)
