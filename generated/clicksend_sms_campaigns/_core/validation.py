"""What every generated operation checks before a request leaves, and how its body is encoded.

Two kinds of client-side check, each naming the field:

- refused (RequestValidationError, nothing is sent): only what ClickSend's reference says it
  refuses, or what cannot be meant (an id, page or limit below 1, a list id of 0, a blank name
  or body, a value of a JSON type the field cannot hold);
- warned (a ClickSendWarning, and the request is sent as given): what ClickSend accepts but is
  probably a mistake (a past schedule, one beyond about four months or in milliseconds, a sender
  that is neither a number nor an alpha tag, a limit outside 15..100, ...).

The README lists every rule with its source. Every check can be switched off, for a client
(`ClickSendClient(checks=False)`) or for one call (`checks=False`); the request is then sent as
given. What cannot be switched off is encoding: a body or parameter that cannot be written as
UTF-8 JSON or as a URL (a lone surrogate, NaN, an object JSON does not know) is refused naming the
field, because there is nothing to send. Bounds, patterns and enumerations come from the spec
(spec_facts.py); the documented rules ClickSend is not known to enforce are its
`x-documented-rule`s.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import sys
import time
import warnings
from collections.abc import Mapping
from typing import Any

from ..spec_facts import PARAMETERS, SCHEMAS
from .exceptions import ClickSendWarning, InvalidFieldError, RequestValidationError
from .operations import operation_by_id
from .query import parse_order_by, parse_search_query

#: A schedule this far in the past is warned about (a little slack for clocks and slow callers).
SCHEDULE_GRACE_SECONDS = 60
#: "About four months" ahead (help.clicksend.com "Scheduling messages"), counted generously.
MAX_SCHEDULE_AHEAD_SECONDS = 122 * 24 * 3600
#: A schedule from here up is a time in milliseconds (seconds would be the year 5138).
MILLISECONDS_FROM = 100_000_000_000
#: Integers longer than this are not written into a URL (Python refuses above 4,300 digits).
_LONGEST_WRITABLE_INT_BITS = 4096
# The package (generated and hand-written code alike): warnings point at the first frame outside it.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

_SENDER_ID_RULE = SCHEMAS["SenderId"]["x-documented-rule"]
_SENDER_INPUT = SCHEMAS["SenderInput"]
_STRING_FIELDS = ("from", "source", "url_to_shorten")


def json_body(model: Any) -> dict[str, Any]:
    """The body a request model sends: its fields and every extra field it was given."""
    try:
        body: dict[str, Any] = model.to_dict()
    except InvalidFieldError as error:
        raise RequestValidationError(error.field, error.problem) from None
    return body


def encode_json(body: Any) -> bytes:
    """The body as UTF-8 JSON bytes, as it goes on the wire; RequestValidationError naming the field
    that cannot be encoded (a lone surrogate, NaN or infinity, a value that is not JSON)."""
    try:
        return json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        field, problem = _unencodable(body, "body")
        raise RequestValidationError(field, problem or "cannot be written as JSON") from None


def _unencodable(value: Any, where: str, depth: int = 0) -> tuple[str, str]:
    if depth > 100:
        return where, "is nested too deeply to encode"
    if isinstance(value, str):
        return (where, "") if _utf8(value) else (where, "contains a lone surrogate, which UTF-8 cannot encode")
    if isinstance(value, float) and not math.isfinite(value):
        return where, f"is {value}, which JSON cannot carry"
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return where, f"has a key of type {type(key).__name__}; JSON keys are strings"
            if not _utf8(key):
                return where, f"has a key {key!r} with a lone surrogate"
            found = _unencodable(item, f"{where}.{key}" if where != "body" else key, depth + 1)
            if found[1]:
                return found
        return where, ""
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _unencodable(item, f"{where}[{index}]", depth + 1)
            if found[1]:
                return found
        return where, ""
    if value is None or isinstance(value, bool | int | float):
        return where, ""
    return where, f"is a {type(value).__name__}, which JSON cannot carry"


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_request(
    operation: str,
    params: Mapping[str, Any],
    path_parameters: Mapping[str, Any],
    body: Mapping[str, Any] | None,
    *,
    checks: bool = True,
    now: float | None = None,
) -> None:
    """Refuse or warn about an operation's arguments; see the module docstring.

    `params` are the query parameters, `path_parameters` the path's, `body` the JSON body.
    With `checks=False` only what cannot be encoded is refused.
    """
    values = {**params, **path_parameters}
    for name, value in values.items():
        if isinstance(value, str) and not _utf8(value):
            raise RequestValidationError(name, "contains a lone surrogate, which a URL cannot carry")
        if isinstance(value, int) and value.bit_length() > _LONGEST_WRITABLE_INT_BITS:
            raise RequestValidationError(name, f"is an integer of {value.bit_length()} bits, too long to write")
    if not checks:
        return
    for name, schema in PARAMETERS.get(operation, {}).items():
        if values.get(name) is not None:
            _check_parameter(name, values[name], schema)
    date_from, date_to = values.get("date_from"), values.get("date_to")
    if isinstance(date_from, int) and isinstance(date_to, int) and date_from > date_to:
        _warn("date_from", f"{date_from} is after date_to {date_to}, so no campaign can match")
    body_schema = operation_by_id(operation).body
    if body_schema is not None:
        _check_campaign(body, now=time.time() if now is None else now)
        assert isinstance(body, Mapping)  # _check_campaign refuses anything else
        _warn_if_absent(body, SCHEMAS[body_schema])


def _warn_if_absent(body: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
    """The spec's `x-warn-if-absent`: fields whose absence ClickSend documents as risky (an update
    without `schedule` may send the campaign now)."""
    for field, problem in schema.get("x-warn-if-absent", {}).items():
        if field not in body:
            _warn(field, f"missing: {problem}")


def _warn(field: str, problem: str) -> None:
    warnings.warn(ClickSendWarning(field, problem), stacklevel=_caller_outside_the_package())


def _caller_outside_the_package() -> int:
    """The stacklevel of the first frame outside this package, so a warning points at the caller's line."""
    level, frame = 1, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    return level


# --- Parameters ---------------------------------------------------------------------------


def _check_parameter(name: str, value: Any, schema: Mapping[str, Any]) -> None:
    if name == "q":
        _warn_unless_parses(name, parse_search_query, value)
    elif name == "order_by":
        _warn_unless_parses(name, parse_order_by, value)
    elif schema.get("type") == "integer":
        _check_integer_parameter(name, value, schema)
    elif "enum" in schema and value not in schema["enum"]:
        _warn(name, f"{value!r} is not one of {schema['enum']}, the documented values")


def _warn_unless_parses(name: str, parse: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise RequestValidationError(name, f"must be a string, got {type(value).__name__}")
    try:
        parse(value)
    except ValueError as error:
        _warn(name, str(error))


def _check_integer_parameter(name: str, value: Any, schema: Mapping[str, Any]) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError(name, f"must be an integer, got {value!r}")
    if name in ("page", "limit", "sms_campaign_id") and value < 1:
        raise RequestValidationError(name, f"must be at least 1, got {value}")
    documented = schema.get("x-documented-rule") or schema  # the reference's bounds, warned about
    low, high = documented.get("minimum"), documented.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
        _warn(name, f"ClickSend documents {bounds}, got {value}")


# --- Campaign bodies ------------------------------------------------------------------------


def _check_campaign(body: Any, *, now: float) -> None:
    if not isinstance(body, Mapping):
        raise RequestValidationError("body", "the request needs a JSON object body")
    check_list_id(body.get("list_id"))
    for field in ("name", "body"):
        value = body.get(field)
        if not isinstance(value, str) or not value.strip():
            raise RequestValidationError(field, "is required and must not be blank")
    for field in _STRING_FIELDS:
        if field in body and not isinstance(body[field], str):
            raise RequestValidationError(field, f"must be a string, got {type(body[field]).__name__}")
    if "from" in body:
        check_sender_id("from", body["from"])
    if "schedule" in body:
        check_schedule(body["schedule"], now=now)
    if "url_to_shorten" in body:
        _warn_unless_documented("url_to_shorten", body["url_to_shorten"], SCHEMAS["UrlToShorten"])
    if "senders" in body:
        _check_senders(body["senders"])


def check_list_id(value: Any) -> None:
    """A positive integer, or a string; a string that is not a number is warned about."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise RequestValidationError("list_id", f"must be a contact list id, got {value!r}")
    if isinstance(value, int) and value < 1:
        raise RequestValidationError("list_id", f"must be at least 1, got {value}")
    if isinstance(value, str) and not value.strip():
        raise RequestValidationError("list_id", "must not be blank")
    _warn_unless_documented(
        "list_id", value, SCHEMAS["ListIdInput"], "is not a number; ClickSend answers 404 'Your list is not found.'"
    )


def check_sender_id(field: str, value: Any) -> None:
    """An E.164 number or an alpha tag, as the reference documents; anything else is warned about."""
    if not isinstance(value, str):
        raise RequestValidationError(field, f"must be a string, got {type(value).__name__}")
    if not _breaks(_SENDER_ID_RULE, value):
        return
    alpha_tag = _SENDER_ID_RULE["anyOf"][1]
    if value.startswith("+") or value.isdigit():
        problem = "is not an E.164 number (+, the country code, then up to 15 digits in all)"
    else:
        problem = (
            f"is neither an E.164 number nor an alpha tag ({alpha_tag['minLength']} to {alpha_tag['maxLength']} "
            "characters from a-z, A-Z, 0-9 and +, with a letter)"
        )
    _warn(field, f"{value!r} {problem}; ClickSend may replace it with another sender")


def check_schedule(value: Any, *, now: float) -> None:
    """A Unix time in whole seconds; past, far-future and millisecond values are warned about."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError("schedule", f"must be a Unix time in whole seconds (an int), got {value!r}")
    if value < 0:
        raise RequestValidationError("schedule", f"must not be negative, got {value}")
    if value >= MILLISECONDS_FROM:
        _warn("schedule", f"{value} looks like milliseconds; ClickSend takes seconds and would never send it")
    elif value < now - SCHEDULE_GRACE_SECONDS:
        _warn(
            "schedule",
            f"{value} ({utc_time(value)}) is in the past; ClickSend echoes a past schedule and sends the "
            "campaign at once",
        )
    elif value > now + MAX_SCHEDULE_AHEAD_SECONDS:
        days = MAX_SCHEDULE_AHEAD_SECONDS // 86400
        _warn(
            "schedule",
            f"{value} ({utc_time(value)}) is more than {days} days ahead; ClickSend does not send messages "
            "scheduled that far",
        )


def utc_time(seconds: int) -> str:
    """A Unix time as an ISO 8601 UTC time to the minute, for messages (2020-01-01T00:00Z)."""
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%dT%H:%MZ")


def _check_senders(senders: Any) -> None:
    if not isinstance(senders, list):
        raise RequestValidationError("senders", f"must be a list, got {type(senders).__name__}")
    properties = _SENDER_INPUT["properties"]
    for index, sender in enumerate(senders):
        where = f"senders[{index}]"
        if not isinstance(sender, Mapping):
            raise RequestValidationError(where, f"must be an object, got {type(sender).__name__}")
        if _breaks(_SENDER_INPUT["x-documented-rule"], sender):
            _warn(where, "the reference asks for recipient_country_code, and sender_id unless sender_type is given")
        if "sender_id" in sender:
            check_sender_id(f"{where}.sender_id", sender["sender_id"])
        for name in ("recipient_country_code", "sender_type", "sender_country_code"):
            if name in sender:
                _warn_unless_documented(f"{where}.{name}", sender[name], properties[name])


def _warn_unless_documented(field: str, value: Any, schema: Mapping[str, Any], problem: str | None = None) -> None:
    rule = schema.get("x-documented-rule") or _resolve(schema).get("x-documented-rule")
    if rule is not None and _breaks(rule, value):
        _warn(field, f"{value!r} " + (problem or f"does not follow the documented rule {_describe(rule)}"))


def _resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref")
    return SCHEMAS[ref.rsplit("/", 1)[-1]] if isinstance(ref, str) else schema


def _breaks(rule: Mapping[str, Any], value: Any) -> bool:
    """Whether `value` breaks a documented rule, written in the JSON Schema keywords used by the spec."""
    if "anyOf" in rule and all(_breaks(branch, value) for branch in rule["anyOf"]):
        return True
    if rule.get("type") == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return True
    if "enum" in rule and value not in rule["enum"]:
        return True
    if isinstance(value, str):  # as in JSON Schema, string keywords apply to strings only
        if "pattern" in rule and not re.search(rule["pattern"], value):
            return True
        if not rule.get("minLength", 0) <= len(value) <= rule.get("maxLength", len(value)):
            return True
    return isinstance(value, Mapping) and any(name not in value for name in rule.get("required", ()))


def _describe(rule: Mapping[str, Any]) -> str:
    parts = [f"{key} {rule[key]!r}" for key in ("pattern", "minLength", "maxLength", "enum") if key in rule]
    return ", ".join(parts) or "of the reference"
