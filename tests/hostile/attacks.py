"""Attacks on the client by a hostile server, shared by the tests and the report.

An attack is a server behaviour played against one operation, sync or async, through a fresh
client. What is judged (`Outcome.problems`): the call returns a model or raises a ClickSendError,
and nothing else, including when the error's attributes are read; send reaches the server at most
once; the call ends within its deadline; and, where measured, the memory it takes stays bounded.

The report (`python -m tests.hostile.report`) runs every attack class and counts; it only uses the
client API that existed before the hostile review, so it can measure an older checkout too.
"""

from __future__ import annotations

import asyncio
import copy
import email.utils
import gzip
import inspect
import json
import time
import tracemalloc
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from clicksend_sms_campaigns import (
    ClickSendClient,
    ClickSendError,
    RetryPolicy,
    aiter_sms_campaigns,
    iter_sms_campaigns,
)
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    cancel_sms_campaign,
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaignPriceRequest, SmsCampaignSendRequest, SmsCampaignUpdateRequest
from hypothesis import strategies as st

from tests.hostile.server import Behaviour as Behaviour
from tests.hostile.server import drip, hostile_server

IN_A_WEEK = int(time.time()) + 7 * 86400
_SEND: dict[str, Any] = {
    "list_id": 428,
    "name": "Spring",
    "body": "Hello. Reply STOP to opt out",
    "schedule": IN_A_WEEK,
}

#: name -> (sync call, async call); "walk" pages through the list with the auto-paging iterator.
OPERATIONS: dict[str, tuple[Callable[[ClickSendClient], Any], Callable[[ClickSendClient], Any]]] = {
    "send": (
        lambda c: send_sms_campaign.sync(client=c, body=SmsCampaignSendRequest(**_SEND)),
        lambda c: send_sms_campaign.asyncio(client=c, body=SmsCampaignSendRequest(**_SEND)),
    ),
    "price": (
        lambda c: calculate_sms_campaign_price.sync(
            client=c, body=SmsCampaignPriceRequest(list_id=428, name="n", body="b")
        ),
        lambda c: calculate_sms_campaign_price.asyncio(
            client=c, body=SmsCampaignPriceRequest(list_id=428, name="n", body="b")
        ),
    ),
    "update": (
        lambda c: update_sms_campaign.sync(client=c, sms_campaign_id=7, body=SmsCampaignUpdateRequest(**_SEND)),
        lambda c: update_sms_campaign.asyncio(client=c, sms_campaign_id=7, body=SmsCampaignUpdateRequest(**_SEND)),
    ),
    "get": (
        lambda c: get_sms_campaign.sync(client=c, sms_campaign_id=7),
        lambda c: get_sms_campaign.asyncio(client=c, sms_campaign_id=7),
    ),
    "cancel": (
        lambda c: cancel_sms_campaign.sync(client=c, sms_campaign_id=7),
        lambda c: cancel_sms_campaign.asyncio(client=c, sms_campaign_id=7),
    ),
    "list": (lambda c: list_sms_campaigns.sync(client=c), lambda c: list_sms_campaigns.asyncio(client=c)),
    "walk": (lambda c: list(iter_sms_campaigns(c)), lambda c: _collect(aiter_sms_campaigns(c))),
}
MODES = ("sync", "async")


async def _collect(pages: Any) -> list[Any]:
    return [item async for item in pages]


#: Whether this checkout has the overall deadline and the answer size limit (added for issue 12).
HAS_BOUNDS = "deadline" in inspect.signature(ClickSendClient.__init__).parameters
TIMEOUT = 1.0
DEADLINE = 2.0
#: How far past its deadline a call may end: the scheduler, the closing of the connection.
DEADLINE_SLACK = 0.75
#: Where bounds are missing, a call that lasts longer than this has no bound worth the name.
UNBOUNDED_AFTER = 10.0
MAX_ANSWER_BYTES = 4 * 1024 * 1024
#: Peak memory a call may take while reading an answer, as a multiple of the answer size limit.
MEMORY_FACTOR = 2


def client_for(base_url: str) -> ClickSendClient:
    options: dict[str, Any] = {
        "timeout": TIMEOUT,
        "retry_policy": RetryPolicy(max_retries=2, backoff_base=0.0, retry_after_cap=0.05),
    }
    if HAS_BOUNDS:
        options.update(deadline=DEADLINE, max_answer_bytes=MAX_ANSWER_BYTES)
    return ClickSendClient("hostile", "hostile-key-5d1f", base_url=base_url, **options)


@dataclass
class Outcome:
    result: str
    sends: int
    requests: int
    elapsed: float
    peak_bytes: int | None = None
    problems: list[str] = field(default_factory=list)


def _touch(error: ClickSendError) -> None:
    """Read everything a caller may read on an error; none of it may raise."""
    for name in ("status", "response_code", "response_msg", "data", "headers", "body", "message"):
        getattr(error, name, None)
    for name in ("retry_after", "field_errors", "operation", "field"):
        if hasattr(type(error), name) or hasattr(error, name):
            getattr(error, name)
    str(error)
    repr(error)


def attack(
    behaviour: Behaviour, operation: str, mode: str, *, measure_memory: bool = False, repeat: bool = True
) -> Outcome:
    """Play `behaviour` (for every attempt when `repeat`) against one operation and judge what happened."""
    call_sync, call_async = OPERATIONS[operation]
    with hostile_server(behaviour) as server:
        if repeat:
            server.default = behaviour
        client = client_for(server.base_url)
        if measure_memory:
            tracemalloc.start()
        started = time.monotonic()
        try:
            if mode == "sync":
                with client:
                    call_sync(client)
            else:

                async def run() -> Any:
                    async with client:
                        return await call_async(client)

                asyncio.run(run())
            result = "model"
        except ClickSendError as error:
            try:
                _touch(error)
                result = f"error {type(error).__name__}"
            except Exception as escaped:
                result = f"ESCAPED from an error's attributes: {type(escaped).__name__}: {escaped}"[:300]
        except Exception as escaped:
            result = f"ESCAPED {type(escaped).__name__}: {escaped}"[:300]
        elapsed = time.monotonic() - started
        peak = None
        if measure_memory:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        sends = sum(1 for r in server.requests if r.method == "POST" and r.path.endswith("/sms-campaigns/send"))
        outcome = Outcome(result, sends, len(server.requests), elapsed, peak)
    outcome.problems = judge(outcome, operation)
    return outcome


def judge(outcome: Outcome, operation: str) -> list[str]:
    problems = []
    if outcome.result.startswith("ESCAPED"):
        problems.append(outcome.result)
    if operation == "send" and outcome.sends > 1:
        problems.append(f"send reached the server {outcome.sends} times")
    bound = DEADLINE + DEADLINE_SLACK if HAS_BOUNDS else UNBOUNDED_AFTER
    if outcome.elapsed > bound:
        problems.append(f"took {outcome.elapsed:.1f} s (bound {bound} s)")
    if outcome.peak_bytes is not None and outcome.peak_bytes > MEMORY_FACTOR * MAX_ANSWER_BYTES:
        problems.append(f"peak memory {outcome.peak_bytes / 2**20:.0f} MiB")
    return problems


# --- Answers to attack with ---------------------------------------------------------------

SUCCESS_CAMPAIGN: dict[str, Any] = {
    "sms_campaign_id": 7,
    "name": "Spring",
    "user_id": 1,
    "subaccount_id": 1,
    "list_id": 428,
    "from": "+61411111111",
    "body": "Hello",
    "schedule": IN_A_WEEK,
    "status": "Scheduled",
    "date_added": 1700000000,
    "custom_string": None,
    "url_to_shorten": "",
    "unsubscribe_link": 0,
    "source": None,
    "senders": [{"recipient_country_code": "AU", "sender_id": "+61411111111"}],
    "_total_count": 8,
    "_list_name": "Customers",
}


def success_answer(operation: str) -> dict[str, Any]:
    """A well-formed success answer for an operation, to mutate."""
    if operation in ("list", "walk"):
        data: Any = {
            "total": 1,
            "per_page": 100,
            "current_page": 1,
            "last_page": 1,
            "next_page_url": None,
            "prev_page_url": None,
            "from": 1,
            "to": 1,
            "data": [dict(SUCCESS_CAMPAIGN)],
        }
    elif operation == "price":
        data = {
            "total_count": 8,
            "total_price": "0.280",
            "data": {"body": "b"},
            "_currency": {"currency_name_short": "AUD"},
        }
    elif operation == "send":
        data = {"sms_campaign": dict(SUCCESS_CAMPAIGN), "total_count": 8}
    else:
        data = dict(SUCCESS_CAMPAIGN)
    return copy.deepcopy({"http_code": 200, "response_code": "SUCCESS", "response_msg": "OK", "data": data})


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*prefix, index))
            found += _paths(item, (*prefix, index))
    return found


@st.composite
def mutated_success(draw: st.DrawFn, operation: str) -> bytes:
    """A success answer with one field (at any depth) replaced by any JSON value, or removed."""
    answer = success_answer(operation)
    path = draw(st.sampled_from(_paths(answer)))
    holder: Any = answer
    for part in path[:-1]:
        holder = holder[part]
    if isinstance(path[-1], str) and draw(st.booleans()):
        del holder[path[-1]]
    else:
        holder[path[-1]] = draw(JSON_VALUES)
    return json.dumps(answer).encode()


BODIES = st.one_of(
    st.binary(max_size=64),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda code, message, data: json.dumps(
            {"http_code": code, "response_code": message, "response_msg": message, "data": data}
        ).encode(),
        JSON_VALUES,
        JSON_VALUES,
        JSON_VALUES,
    ),
)
STATUSES = st.integers(min_value=100, max_value=599)


def _http_date(moment: datetime) -> str:
    return email.utils.format_datetime(moment.replace(tzinfo=UTC), usegmt=True)


RETRY_AFTER = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**20).map(str),
    st.floats().map(str),
    st.sampled_from(["nan", "inf", "-inf", "1e308", "1e-308", "", " ", "soon", "0x10", "١٢"]),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(_http_date),
    st.sampled_from(
        ["Fri, 31 Dec 99999 23:59:59 GMT", "Mon, 00 Jan 0000 00:00:00 GMT", "Tue, 1 Jan 1970 00:00:00 +9999"]
    ),
)
HEADER_NAMES = st.sampled_from(
    ["Content-Type", "Retry-After", "Content-Encoding", "Set-Cookie", "Location", "X-Request-Id", "Content-Language"]
)
HEADER_VALUES = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=40),
    st.sampled_from(["application/json; charset=bogus", "application/json; charset=utf-16", "text/html", "gzip", "br"]),
)
HEADERS = st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=4)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _deflate(data: bytes) -> bytes:
    return zlib.compress(data)


ENCODED = st.one_of(
    st.tuples(
        st.sampled_from(["gzip", "x-gzip", "deflate", "identity", "br", "zstd", "compress", "gzip, gzip", "bogus"]),
        st.just("valid"),
    ),
    st.tuples(
        st.sampled_from(["gzip", "deflate"]), st.sampled_from(["corrupt", "truncated", "empty", "trailing-garbage"])
    ),
)


def encoded_answer(encoding: str, damage: str, operation: str) -> Behaviour:
    """A success answer sent with a Content-Encoding, intact or damaged."""
    plain = json.dumps(success_answer(operation)).encode()
    coder = _deflate if encoding == "deflate" else _gzip
    body = (
        coder(plain)
        if encoding in ("gzip", "x-gzip", "deflate")
        else _gzip(_gzip(plain))
        if encoding == "gzip, gzip"
        else plain
    )
    if damage == "corrupt":
        body = body[:10] + bytes(b ^ 0x5A for b in body[10:30]) + body[30:]
    elif damage == "truncated":
        body = body[: len(body) // 2]
    elif damage == "empty":
        body = b""
    elif damage == "trailing-garbage":
        body += b"garbage"
    return Behaviour.answer(200, body, [("Content-Type", "application/json"), ("Content-Encoding", encoding)])


# --- Scripted scenarios --------------------------------------------------------------------

_CHUNK = b"a" * 65536


@cache
def gzip_bomb() -> bytes:
    """About 510 KB of gzip that inflates to 512 MiB of zeros, built without holding the 512 MiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(512)]
    return b"".join(parts) + compressor.flush()


def _head(status: int, headers: list[tuple[str, str]]) -> bytes:
    text = f"HTTP/1.1 {status} X\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers) + "Connection: close\r\n\r\n"
    return text.encode("latin-1")


def scripted(name: str, operation: str) -> Behaviour:
    """The named scenario, for one operation."""
    ok = json.dumps(success_answer(operation)).encode()
    json_type = [("Content-Type", "application/json")]
    scenarios: dict[str, Callable[[], Behaviour]] = {
        "html page, 200": lambda: Behaviour.answer(
            200, b"<html><body>Maintenance</body></html>", [("Content-Type", "text/html")]
        ),
        "html page, 502": lambda: Behaviour.answer(502, b"<html>Bad gateway</html>", [("Content-Type", "text/html")]),
        "empty 200": lambda: Behaviour.answer(200, b""),
        "json null": lambda: Behaviour.answer(200, b"null", json_type),
        "truncated body": lambda: Behaviour(
            [_head(200, [*json_type, ("Content-Length", str(len(ok)))]) + ok[: len(ok) // 2]]
        ),
        "reset mid-body": lambda: Behaviour(
            [_head(200, [*json_type, ("Content-Length", str(len(ok)))]) + ok[: len(ok) // 2], 0.05], end="reset"
        ),
        "close before answering": lambda: Behaviour([], end="close"),
        "reset before answering": lambda: Behaviour([], end="reset"),
        "garbage status line": lambda: Behaviour([b"HELLO WORLD\r\n\r\n"]),
        "nested 100,000 deep, unclosed": lambda: Behaviour.answer(200, b"[" * 100_000, json_type),
        "nested 5,000 deep": lambda: Behaviour.answer(200, b'{"data":' + b"[" * 5000 + b"]" * 5000 + b"}", json_type),
        "a 100 KB header": lambda: Behaviour.answer(200, ok, [("X-Big", "x" * 100_000)]),
        "redirect": lambda: Behaviour.answer(302, b"", [("Location", "https://elsewhere.invalid/steal")]),
        "informational, then close": lambda: Behaviour([b"HTTP/1.1 100 Continue\r\n\r\n"]),
        "gzip bomb, 512 MiB": lambda: Behaviour(
            [
                _head(200, [*json_type, ("Content-Encoding", "gzip"), ("Content-Length", str(len(gzip_bomb())))]),
                gzip_bomb(),
            ]
        ),
        "body of 200 MB": lambda: Behaviour(
            [_head(200, [*json_type, ("Content-Length", str(3200 * len(_CHUNK)))]), *[_CHUNK] * 3200]
        ),
        "body of 200 MB, no length": lambda: Behaviour([_head(200, json_type), *[_CHUNK] * 3200]),
        "a byte every 0.15 s": lambda: Behaviour(
            drip(_head(200, [*json_type, ("Content-Length", str(len(ok)))]) + ok, 0.15)
        ),
        "headers, then silence": lambda: Behaviour([_head(200, [*json_type, ("Content-Length", "100")])], end="hang"),
        "no answer at all": lambda: Behaviour([], end="hang"),
        "body dripped after prompt headers": lambda: Behaviour(
            [_head(200, [*json_type, ("Content-Length", str(len(ok)))]), *drip(ok, 0.15)]
        ),
    }
    return scenarios[name]()


SCRIPTED = (
    "html page, 200",
    "html page, 502",
    "empty 200",
    "json null",
    "truncated body",
    "reset mid-body",
    "close before answering",
    "reset before answering",
    "garbage status line",
    "nested 100,000 deep, unclosed",
    "nested 5,000 deep",
    "a 100 KB header",
    "redirect",
    "informational, then close",
    "gzip bomb, 512 MiB",
    "body of 200 MB",
    "body of 200 MB, no length",
    "a byte every 0.15 s",
    "headers, then silence",
    "no answer at all",
    "body dripped after prompt headers",
)
#: Scenarios whose memory is measured.
MEMORY_SCENARIOS = frozenset({"gzip bomb, 512 MiB", "body of 200 MB", "body of 200 MB, no length"})
