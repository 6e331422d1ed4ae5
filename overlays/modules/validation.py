"""Checks every generated operation runs on its arguments before a request leaves.

A broken rule raises RequestValidationError (a ValueError and a ClickSendError) naming the field,
and nothing is sent. Bounds, patterns and enumerations come from the spec (spec_facts.py); the
rules the spec cannot express are written here:

- `schedule` must not lie in the past (more than SCHEDULE_GRACE_SECONDS ago: leave it out to send
  now) nor more than MAX_SCHEDULE_AHEAD_SECONDS ahead, since ClickSend does not send a message
  scheduled beyond about four months;
- `name` and `body` must not be blank;
- a sender id is an E.164 number or an alpha tag, and is required unless sender_type is given;
- `date_from` must not be after `date_to`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .exceptions import RequestValidationError
from .query import parse_order_by, parse_search_query
from .spec_facts import PARAMETERS, REQUEST_SCHEMAS, SCHEMAS

SCHEDULE_GRACE_SECONDS = 60
MAX_SCHEDULE_AHEAD_SECONDS = 120 * 24 * 3600  # "about four months", kept on the safe side

_SENDER_ID_RULES = SCHEMAS["SenderId"]["anyOf"]  # E.164 number, then alpha tag
_SENDER_INPUT = SCHEMAS["SenderInput"]["properties"]


def validate_request(
    operation: str, request: Mapping[str, Any], path_parameters: Mapping[str, Any], *, now: float | None = None
) -> None:
    """Check an operation's path parameters, query parameters (`params`) and JSON body (`json`)."""
    values = {**(request.get("params") or {}), **path_parameters}
    for name, schema in PARAMETERS.get(operation, {}).items():
        if name in values and values[name] is not None:
            _check_parameter(name, values[name], schema)
    date_from, date_to = values.get("date_from"), values.get("date_to")
    if isinstance(date_from, int) and isinstance(date_to, int) and date_from > date_to:
        raise RequestValidationError("date_from", "must not be after date_to")
    if operation in REQUEST_SCHEMAS:
        _check_campaign(request.get("json"), now=time.time() if now is None else now)


def _check_parameter(name: str, value: Any, schema: Mapping[str, Any]) -> None:
    if name == "q":
        _as_value_error(name, parse_search_query, value)
    elif name == "order_by":
        _as_value_error(name, parse_order_by, value)
    elif schema.get("type") == "integer":
        _check_integer(name, value, schema)
    elif "enum" in schema and value not in schema["enum"]:
        raise RequestValidationError(name, f"must be one of {schema['enum']}, got {value!r}")


def _as_value_error(name: str, parse: Any, value: Any) -> None:
    try:
        parse(value)
    except ValueError as error:
        raise RequestValidationError(name, str(error)) from None


def _check_integer(name: str, value: Any, schema: Mapping[str, Any]) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError(name, f"must be an integer, got {value!r}")
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise RequestValidationError(name, f"must be {bounds}, got {value}")


def _check_campaign(body: Any, *, now: float) -> None:
    if not isinstance(body, Mapping):
        raise RequestValidationError("body", "the request needs a JSON object body")
    _check_list_id(body.get("list_id"))
    for field in ("name", "body"):
        value = body.get(field)
        if not isinstance(value, str) or not value.strip():
            raise RequestValidationError(field, "must not be empty")
    if "from" in body:
        check_sender_id("from", body["from"])
    if "schedule" in body:
        check_schedule(body["schedule"], now=now)
    if "url_to_shorten" in body:
        check_url_to_shorten(body["url_to_shorten"])
    if "source" in body and not isinstance(body["source"], str):
        raise RequestValidationError("source", "must be a string")
    if "senders" in body:
        _check_senders(body["senders"])


def _check_list_id(value: Any) -> None:
    as_integer, as_string = SCHEMAS["ListId"]["anyOf"]
    if isinstance(value, str) and re.fullmatch(as_string["pattern"], value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError("list_id", f"must be a contact list id (a positive integer), got {value!r}")
    _check_integer("list_id", value, as_integer)


def check_sender_id(field: str, value: Any) -> None:
    """An E.164 number (+ and up to 15 digits) or an alpha tag (3-11 of a-z A-Z 0-9 +, with a letter)."""
    if not isinstance(value, str):
        raise RequestValidationError(field, f"must be a string, got {type(value).__name__}")
    number, alpha_tag = _SENDER_ID_RULES
    if re.fullmatch(number["pattern"], value):
        return
    if alpha_tag["minLength"] <= len(value) <= alpha_tag["maxLength"] and re.fullmatch(alpha_tag["pattern"], value):
        return
    if value.startswith("+") or value.isdigit():
        problem = "is not an E.164 number: write + and the country code, then up to 15 digits in all"
    else:
        problem = (
            f"is not a valid alpha tag: {alpha_tag['minLength']} to {alpha_tag['maxLength']} characters "
            "from a-z, A-Z, 0-9 and +, with at least one letter"
        )
    raise RequestValidationError(field, f"{value!r} {problem}")


def check_schedule(value: Any, *, now: float) -> None:
    """A Unix time in seconds, not in the past and at most about four months ahead."""
    _check_integer("schedule", value, SCHEMAS["UnixTimestamp"])
    if value < now - SCHEDULE_GRACE_SECONDS:
        raise RequestValidationError("schedule", f"{value} is in the past; leave schedule out to send now")
    if value > now + MAX_SCHEDULE_AHEAD_SECONDS:
        days = MAX_SCHEDULE_AHEAD_SECONDS // 86400
        raise RequestValidationError(
            "schedule", f"{value} is more than {days} days ahead; ClickSend does not send messages scheduled that far"
        )


def check_url_to_shorten(value: Any) -> None:
    rule = SCHEMAS["UrlToShorten"]
    if not isinstance(value, str) or not re.match(rule["pattern"], value) or not urlsplit(value).hostname:
        raise RequestValidationError("url_to_shorten", f"must be an http or https URL, got {value!r}")
    if len(value) > rule["maxLength"]:
        raise RequestValidationError(
            "url_to_shorten", f"must be at most {rule['maxLength']} characters, got {len(value)}"
        )


def _check_senders(senders: Any) -> None:
    if not isinstance(senders, list):
        raise RequestValidationError("senders", "must be a list")
    country_rule = SCHEMAS["CountryCode"]["pattern"]
    sender_types = _SENDER_INPUT["sender_type"]["enum"]
    pool_country_rule = _SENDER_INPUT["sender_country_code"]["pattern"]
    for index, sender in enumerate(senders):
        where = f"senders[{index}]"
        if not isinstance(sender, Mapping):
            raise RequestValidationError(where, "must be an object")
        country = sender.get("recipient_country_code")
        if not isinstance(country, str) or not re.fullmatch(country_rule, country):
            raise RequestValidationError(
                f"{where}.recipient_country_code", f"must be two capital letters, got {country!r}"
            )
        if "sender_type" in sender and sender["sender_type"] not in sender_types:
            raise RequestValidationError(f"{where}.sender_type", f"must be one of {sender_types}")
        if "sender_id" in sender:
            check_sender_id(f"{where}.sender_id", sender["sender_id"])
        elif "sender_type" not in sender:
            raise RequestValidationError(f"{where}.sender_id", "is required unless sender_type is shared_longcode")
        pool_country = sender.get("sender_country_code", "")
        if not isinstance(pool_country, str) or not re.fullmatch(pool_country_rule, pool_country):
            raise RequestValidationError(
                f"{where}.sender_country_code", f"must be two capital letters or empty, got {pool_country!r}"
            )
