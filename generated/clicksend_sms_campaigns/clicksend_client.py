# Copied by `python3 tasks.py regenerate` from handwritten/clicksend_client.py; do not edit this copy:
# edit handwritten/clicksend_client.py (`python3 tasks.py test` copies it again).
"""ClickSendClient: credentials, base URL, timeout, retries and the httpx clients behind every operation.

The generated operations take it as their `client` argument (client.py names it
AuthenticatedClient for them), sync and async alike.
"""

from __future__ import annotations

import logging
import os
import platform
import re
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from .bounds import ACCEPTED_ENCODINGS, with_deadline_backend
from .build_info import VERSION
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


class _CookielessClient(_KeepsNoCookies, httpx.Client):
    pass


class _AsyncCookielessClient(_KeepsNoCookies, httpx.AsyncClient):
    pass


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
            "timeout": self.timeout,
            "follow_redirects": False,
        }

    def get_httpx_client(self) -> httpx.Client:
        """The sync httpx client, created on first use."""
        if self._client is None:
            _redact_queries_in_httpx_logs(self.base_url)
            transport = RetryingTransport(
                self._transport or _bounded(httpx.HTTPTransport()),
                self.retry_policy,
                max_answer_bytes=self.max_answer_bytes,
            )
            hooks = {"response": [_detach_stream]}
            self._client = _CookielessClient(transport=transport, event_hooks=hooks, **self._options())
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The async httpx client, created on first use."""
        if self._async_client is None:
            _redact_queries_in_httpx_logs(self.base_url)
            transport = AsyncRetryingTransport(
                self._async_transport or _bounded(httpx.AsyncHTTPTransport()),
                self.retry_policy,
                max_answer_bytes=self.max_answer_bytes,
            )
            hooks = {"response": [_adetach_stream]}
            self._async_client = _AsyncCookielessClient(transport=transport, event_hooks=hooks, **self._options())
        return self._async_client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None

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
