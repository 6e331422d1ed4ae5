"""From an HTTP answer to the operation's model or the ClickSendError it amounts to.

`parse_success` reads a success (through answers.py, which settles the forms ClickSend sends one
answer in) and `error_from_response` builds the error for anything else; both name the method and
the path, never the query, which may carry phone numbers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol, Self, TypeVar

import httpx

from .answers import read
from .exceptions import APIError, InvalidFieldError, MalformedResponseError, error_class_for_status

#: An answer whose envelope reports an `http_code` from here up is an error, even with HTTP 200.
_ERROR_STATUS_FLOOR = 400


class _Model(Protocol):
    """A generated model: it reads itself from a JSON object."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


Answer = TypeVar("Answer", bound=_Model)


def _where(response: httpx.Response) -> str:
    # The path only: the query may carry search values such as phone numbers.
    return f"{response.request.method} {response.request.url.path}"


def _envelope(response: httpx.Response) -> tuple[Mapping[str, Any] | None, str]:
    """The decoded JSON object and the raw text; None when the body is not a JSON object.

    The bytes are read as JSON reads them (UTF-8, or UTF-16/32 by their first bytes), never by the
    charset the server names: a bogus charset must not make an error unreadable."""
    content = response.content
    text = content.decode("utf-8", "replace")
    try:
        decoded = json.loads(content) if text.strip() else None
    except (ValueError, RecursionError):
        return None, text
    return (decoded if isinstance(decoded, Mapping) else None), text


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def error_from_response(response: httpx.Response, *, status: int | None = None) -> APIError:
    """The error for an answer that is not a success. `status` overrides the HTTP status."""
    status = response.status_code if status is None else status
    envelope, text = _envelope(response)
    error_class = error_class_for_status(status)
    headers = dict(response.headers)
    if envelope is None:
        described = "an empty body" if not text.strip() else "a body that is not a JSON envelope"
        return error_class(
            f"{_where(response)} failed with HTTP {status} and {described}",
            status=status,
            headers=headers,
            body=text[:2000],
        )
    response_code = _text_or_none(envelope.get("response_code"))
    response_msg = _text_or_none(envelope.get("response_msg"))
    summary = ": ".join(part for part in (response_code, response_msg) if part)
    return error_class(
        f"{_where(response)} failed with HTTP {status}" + (f" ({summary})" if summary else ""),
        status=status,
        response_code=response_code,
        response_msg=response_msg,
        data=envelope.get("data"),
        headers=headers,
    )


def envelope_error_status(body: Any) -> int | None:
    """The error status a 200 answer's envelope reports, if it reports one."""
    if isinstance(body, Mapping):
        code = body.get("http_code")
        if isinstance(code, int) and not isinstance(code, bool) and code >= _ERROR_STATUS_FLOOR:
            return code
    return None


def malformed(
    response: httpx.Response, reason: str, *, operation: str | None = None, field: str | None = None
) -> MalformedResponseError:
    envelope, text = _envelope(response)
    named = f"{operation} ({_where(response)})" if operation else _where(response)
    return MalformedResponseError(
        f"{named} returned HTTP {response.status_code} that could not be read: {reason}",
        operation=operation,
        field=field,
        status=response.status_code,
        response_code=_text_or_none(envelope.get("response_code")) if envelope else None,
        response_msg=_text_or_none(envelope.get("response_msg")) if envelope else None,
        data=envelope.get("data") if envelope else None,
        headers=dict(response.headers),
        body=text[:2000],
    )


def parse_success(response: httpx.Response, model: type[Answer], operation: str | None = None) -> Answer:
    """The operation's model from a success answer; otherwise the error the answer amounts to.

    A 200 whose envelope reports an error status raises that error. A body that is not a JSON
    object, that lacks what the model requires, or that holds a value of a type the spec does not
    allow raises MalformedResponseError naming the operation and the field: never KeyError,
    TypeError or AttributeError. The answer passes through answers.read first, which settles the
    forms ClickSend sends one answer in (the nested send answer, an id as a string) as the
    model's schema in the spec says (the model is named after its schema).
    """
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
        raise malformed(response, "the body is not JSON", operation=operation) from None
    reported = envelope_error_status(body)
    if reported is not None:
        raise error_from_response(response, status=reported)
    if not isinstance(body, Mapping):
        raise malformed(response, f"the body is a JSON {type(body).__name__}, not an object", operation=operation)
    try:
        return read(model.__name__, body, model.from_dict)
    except InvalidFieldError as error:
        raise malformed(response, str(error), operation=operation, field=error.field) from None
