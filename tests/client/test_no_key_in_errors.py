"""No error the client raises carries the API key, in any form, to whoever catches it.

A crash reporter (Sentry, rich's tracebacks with locals) prints an exception's message, its
chain (`__cause__`, `__context__`) and the locals of every frame of every traceback in it: it
descends into containers, dataclasses and exceptions and shows other objects by repr(). The walk
below does that and more: it also descends into the client's own objects and into httpx's and
httpcore's requests and responses (their headers). It looks for the key, `username:key`, and the
Base64 of both, as text and as bytes.

Each error class is raised the way a user meets it, through real sockets where the failure is a
transport one (httpcore's frames are where the Authorization header used to be reachable).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import socket
import time
import types
from collections.abc import Callable, Iterator
from typing import Any

import httpcore
import httpx
import pytest
from clicksend_sms_campaigns import (
    AnswerTooLargeError,
    AuthenticationError,
    BadRequestError,
    ClickSendClient,
    ClickSendError,
    ConnectionFailedError,
    DeadlineExceededError,
    IncompleteWalkError,
    InvalidFieldError,
    MalformedResponseError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    RetryPolicy,
    ServerError,
    aiter_sms_campaigns,
    iter_sms_campaigns,
)
from clicksend_sms_campaigns.api.sms_campaigns import get_sms_campaign, send_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaign, SmsCampaignSendRequest

from tests.hostile.server import Behaviour, hostile_server

USERNAME, API_KEY = "canary-user", "CANARY-9f3b2c71-KEY"


def secret_forms(username: str, api_key: str) -> list[str]:
    pair = f"{username}:{api_key}"
    return [api_key, pair, base64.b64encode(pair.encode()).decode(), base64.b64encode(api_key.encode()).decode()]


SECRETS = secret_forms(USERNAME, API_KEY)


def _ours(value: object) -> bool:
    return type(value).__module__.startswith("clicksend_sms_campaigns")


def where_the_key_is(root: object, secrets: list[str] = SECRETS) -> list[str]:
    """The paths from `root` at which one of `secrets` can be read; [] when none."""
    found: list[str] = []
    seen: set[int] = set()
    pending: list[tuple[str, object, int]] = [("error", root, 0)]

    def holds(text: str) -> bool:
        return any(secret in text for secret in secrets)

    while pending:
        path, value, depth = pending.pop()
        if id(value) in seen or depth > 12:
            continue
        seen.add(id(value))
        children: list[tuple[str, object]] = []
        if isinstance(value, str):
            found.extend([path] if holds(value) else [])
            continue
        if isinstance(value, bytes | bytearray | memoryview):
            found.extend([path] if holds(bytes(value).decode("latin-1")) else [])
            continue
        if isinstance(value, int | float | bool | type(None) | type | types.ModuleType | types.FunctionType):
            continue
        if isinstance(value, BaseException):
            children += [("str()", str(value)), ("repr()", repr(value)), ("args", value.args)]
            children += [("__cause__", value.__cause__), ("__context__", value.__context__)]
            children += [("__traceback__", value.__traceback__), ("vars", vars(value))]
        elif isinstance(value, types.TracebackType):
            tb: types.TracebackType | None = value
            while tb is not None:
                frame = tb.tb_frame
                children.append((f"frame {frame.f_code.co_qualname}", dict(frame.f_locals)))
                tb = tb.tb_next
        elif isinstance(value, httpx.Request):
            children += [("headers", value.headers.raw), ("url", str(value.url)), ("repr()", repr(value))]
        elif isinstance(value, httpx.Response):
            children += [("headers", value.headers.raw), ("repr()", repr(value))]
            children += [("request", value._request)]
        elif isinstance(value, httpcore.Request):
            children += [("headers", value.headers), ("url", bytes(value.url))]
        elif isinstance(value, dict):
            children += [(f"[{key!r}]", item) for key, item in value.items()]
            children += [("key", key) for key in value]
        elif isinstance(value, list | tuple | set | frozenset):
            children += [(f"[{index}]", item) for index, item in enumerate(value)]
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            children += [(f".{field.name}", getattr(value, field.name, None)) for field in dataclasses.fields(value)]
        elif _ours(value) and hasattr(value, "__dict__"):
            children += [(f".{name}", item) for name, item in vars(value).items()]
            children.append(("repr()", repr(value)))
        else:
            with contextlib.suppress(Exception):  # some objects cannot be shown; a reporter skips them too
                children.append(("repr()", repr(value)))
        pending.extend((f"{path}{'' if step.startswith('[') else ' > '}{step}", child, depth + 1)
                       for step, child in children)  # fmt: skip
    return found


def _envelope(status: int, code: str) -> Behaviour:
    body = f'{{"http_code": {status}, "response_code": "{code}", "response_msg": "no", "data": null}}'
    return Behaviour.answer(status, body.encode(), [("Content-Type", "application/json")])


SEND = SmsCampaignSendRequest(list_id=428, name="Spring sale", body="Hello", schedule=int(time.time()) + 7 * 86400)
#: The id of no campaign: the hostile server answers whatever it is told to.
CAMPAIGN_ID = 7
_PAGE_LIES = (
    b'{"http_code": 200, "response_code": "SUCCESS", "response_msg": "ok", "data": '
    b'{"total": 5, "per_page": 15, "current_page": 2, "last_page": 1, "data": []}}'
)

#: (error class, the server's answer or None for no server, how the call is made)
CASES: list[tuple[type[ClickSendError], Behaviour | None, str]] = [
    (BadRequestError, _envelope(400, "BAD_REQUEST"), "get"),
    (AuthenticationError, _envelope(401, "INVALID_CREDENTIALS"), "get"),
    (PermissionDeniedError, _envelope(403, "FORBIDDEN"), "get"),
    (NotFoundError, _envelope(404, "NOT_FOUND"), "get"),
    (RateLimitError, _envelope(429, "TOO_MANY_REQUESTS"), "get"),
    (ServerError, _envelope(500, "INTERNAL_ERROR"), "send"),
    (MalformedResponseError, Behaviour.answer(200, b"<html>down for maintenance</html>"), "get"),
    (AnswerTooLargeError, Behaviour.answer(200, b"x" * 5000), "get"),
    (IncompleteWalkError, Behaviour.answer(200, _PAGE_LIES, [("Content-Type", "application/json")]), "walk"),
    (OutcomeUnknownError, Behaviour([], end="reset"), "send"),
    (DeadlineExceededError, Behaviour([], end="hang"), "send"),
    (ConnectionFailedError, None, "get"),
    (RequestValidationError, None, "invalid"),
]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=CASES, ids=[f"{case[0].__name__}" for case in CASES])
def base_url_and_call(request: pytest.FixtureRequest) -> Iterator[tuple[type[ClickSendError], str, str]]:
    error_class, behaviour, call = request.param
    if behaviour is None:
        yield error_class, f"http://127.0.0.1:{_closed_port()}/v3", call
        return
    with hostile_server(behaviour) as server:
        yield error_class, server.base_url, call


def _client(base_url: str) -> ClickSendClient:
    return ClickSendClient(
        USERNAME,
        API_KEY,
        base_url=base_url,
        retry_policy=RetryPolicy(max_retries=0),
        deadline=2.0,
        max_answer_bytes=1000,
    )


def _call_sync(client: ClickSendClient, call: str) -> None:
    calls: dict[str, Callable[[], object]] = {
        "get": lambda: get_sms_campaign.sync(client=client, sms_campaign_id=CAMPAIGN_ID),
        "send": lambda: send_sms_campaign.sync(client=client, body=SEND, deadline=0.5),
        "walk": lambda: list(iter_sms_campaigns(client)),
        "invalid": lambda: get_sms_campaign.sync(client=client, sms_campaign_id=-1),
    }
    calls[call]()


async def _call_async(client: ClickSendClient, call: str) -> None:
    if call == "get":
        await get_sms_campaign.asyncio(client=client, sms_campaign_id=CAMPAIGN_ID)
    elif call == "send":
        await send_sms_campaign.asyncio(client=client, body=SEND, deadline=0.5)
    elif call == "invalid":
        await get_sms_campaign.asyncio(client=client, sms_campaign_id=-1)
    else:
        async for _ in aiter_sms_campaigns(client):
            pass


def test_no_sync_error_carries_the_key(base_url_and_call: tuple[type[ClickSendError], str, str]) -> None:
    error_class, base_url, call = base_url_and_call
    with _client(base_url) as client, pytest.raises(error_class) as raised:
        _call_sync(client, call)
    assert where_the_key_is(raised.value) == []


def test_no_async_error_carries_the_key(base_url_and_call: tuple[type[ClickSendError], str, str]) -> None:
    error_class, base_url, call = base_url_and_call

    async def run() -> BaseException:
        async with _client(base_url) as client:
            try:
                await _call_async(client, call)
            except ClickSendError as error:
                return error
        raise AssertionError("no error")

    error = asyncio.run(run())
    assert isinstance(error, error_class)
    assert where_the_key_is(error) == []


def test_a_model_error_carries_no_key() -> None:
    with pytest.raises(InvalidFieldError) as raised:
        SmsCampaign.from_dict({"sms_campaign_id": "not a number"})
    assert where_the_key_is(raised.value) == []


def test_a_response_kept_after_the_call_does_not_hold_the_key() -> None:
    body = b'{"http_code": 200, "response_code": "SUCCESS", "response_msg": "ok", "data": {"sms_campaign_id": 7}}'
    answer = Behaviour.answer(200, body, [("Content-Type", "application/json")])
    with hostile_server(answer, answer) as server, _client(server.base_url) as client:
        kept = get_sms_campaign.sync_detailed(client=client, sms_campaign_id=CAMPAIGN_ID)
        assert server.requests[0].headers.get("authorization", "").startswith("Basic ")  # it was sent
        response = client.get_httpx_client().get("/sms-campaigns/7")
    assert where_the_key_is(kept) == [] and where_the_key_is(response) == []


def test_the_walk_finds_a_key_where_one_is() -> None:
    """The walk itself can fail: it finds the key where the old client left it, in httpcore's frames."""
    try:
        try:
            raise httpcore.ConnectError("refused")
        except httpcore.ConnectError:
            headers = [(b"Authorization", b"Basic " + base64.b64encode(f"{USERNAME}:{API_KEY}".encode()))]
            assert headers
            raise
    except httpcore.ConnectError as error:
        leaked: Any = ConnectionFailedError("GET /v3/sms-campaigns: could not send")
        leaked.__cause__ = error
    assert where_the_key_is(leaked) != []
    request = httpx.Request("GET", "https://x.test", headers={"Authorization": f"Basic {SECRETS[2]}"})
    assert where_the_key_is(request) == ["error > headers[1][1]"]  # after Host
