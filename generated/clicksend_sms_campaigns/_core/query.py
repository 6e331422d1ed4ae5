"""Builders and parsers for list_sms_campaigns' `q` (search) and `order_by` (sort) values.

    search_query({"status": "Scheduled", "from": "+61411111111"})  -> "status:Scheduled,from:+61411111111"
    order_by("schedule", "desc")                                     -> "schedule:desc"

They return the decoded value; the HTTP layer percent-encodes every reserved character on the
wire (`from:+61...` travels as `from%3A%2B61...`), so values are never encoded twice. A comma
always separates conditions, so a value cannot contain one. The allowed fields are the ones the
spec documents (spec_facts.py is written from it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..spec_facts import PARAMETERS

_LIST = PARAMETERS["list_sms_campaigns"]
SEARCH_FIELDS: tuple[str, ...] = tuple(_LIST["q"]["x-search-fields"])
SORT_FIELDS: tuple[str, ...] = tuple(_LIST["order_by"]["x-sort-fields"])
SORT_DIRECTIONS = ("asc", "desc")


def search_query(conditions: Mapping[str, object] | Iterable[tuple[str, object]]) -> str:
    """The `q` value for one or more field:value conditions (pairs allow one field twice).

    Values are strings or integers; an empty value matches any value. Raises ValueError for an
    undocumented field, another type of value, a value that contains a comma, or no conditions.
    (Typed `object` so that a literal mixing str and int values type-checks; checked here.)
    """
    pairs = list(conditions.items() if isinstance(conditions, Mapping) else conditions)
    if not pairs:
        raise ValueError("search_query needs at least one field:value condition")
    parts = []
    for field, value in pairs:
        _check_field(field, SEARCH_FIELDS, "search")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError(f"search value for {field!r} must be a string or an integer, got {type(value).__name__}")
        text = str(value)
        if "," in text:
            raise ValueError(f"search value for {field!r} cannot contain a comma, which separates conditions")
        parts.append(f"{field}:{text}")
    return ",".join(parts)


def parse_search_query(q: str) -> list[tuple[str, str]]:
    """The (field, value) pairs of a decoded `q` value; ValueError if it is not valid."""
    if not isinstance(q, str) or not q:
        raise ValueError("q must be a non-empty string of field:value conditions")
    pairs = []
    for condition in q.split(","):
        field, colon, value = condition.partition(":")
        if not colon:
            raise ValueError(f"search condition {condition!r} is not field:value")
        _check_field(field, SEARCH_FIELDS, "search")
        pairs.append((field, value))
    return pairs


def order_by(field: str, direction: str = "asc") -> str:
    """The `order_by` value, such as "schedule:desc". ValueError for an unknown field or direction."""
    _check_field(field, SORT_FIELDS, "sort")
    if direction not in SORT_DIRECTIONS:
        raise ValueError(f"sort direction must be 'asc' or 'desc', got {direction!r}")
    return f"{field}:{direction}"


def parse_order_by(value: str) -> tuple[str, str]:
    """(field, direction) of an `order_by` value; ValueError if it is not valid."""
    if not isinstance(value, str):
        raise ValueError(f"order_by must be a string such as 'schedule:desc', got {type(value).__name__}")
    field, colon, direction = value.partition(":")
    if not colon:
        raise ValueError(f"order_by {value!r} is not field:asc or field:desc")
    order_by(field, direction)
    return field, direction


def _check_field(field: object, allowed: tuple[str, ...], kind: str) -> None:
    if field not in allowed:
        raise ValueError(f"{field!r} is not a {kind} field ClickSend documents; use one of: {', '.join(allowed)}")
