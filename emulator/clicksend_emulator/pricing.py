"""Campaign prices: parts x recipients x a per-country unit price, parts counted per recipient.

The parts are counted here independently of the client's analyze_message, with the gsm0338
codec, so that the contract tests compare two implementations rather than one with itself. The
rules are ClickSend's documented ones: GSM-7 160 / 153 per part, Unicode 70 / 67 per part, a
line break counts 2, extension characters take their two septets, Unicode counts UTF-16 units.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

from .seed import Contact

#: Price of one message part, by recipient country. Invented figures; the structure is the point.
UNIT_PRICES = {"AU": Decimal("0.035"), "US": Decimal("0.025"), "GB": Decimal("0.040"), "CN": Decimal("0.060")}
OTHER_COUNTRY_PRICE = Decimal("0.050")
_PREFIXES = (("+61", "AU"), ("+1", "US"), ("+44", "GB"), ("+86", "CN"))

_PLACEHOLDERS = ("(First Name)", "(Last Name)", "(Cust. 1)", "(Cust. 2)", "(Cust. 3)", "(Cust. 4)")
_SPLIT = re.compile("(" + "|".join(re.escape(placeholder) for placeholder in _PLACEHOLDERS) + ")")


def country_of(phone: str) -> str:
    return next((country for prefix, country in _PREFIXES if phone.startswith(prefix)), "ZZ")


def _values(contact: Contact) -> tuple[str, ...]:
    return (contact.first_name, contact.last_name, *contact.custom)


def personalise(body: str, contact: Contact) -> str:
    """The body with every placeholder replaced by the contact's value, all at once (a value that
    spells a placeholder stays as it is)."""
    values = dict(zip(_PLACEHOLDERS, _values(contact), strict=True))
    return _SPLIT.sub(lambda match: values[match.group(0)], body)


@lru_cache(maxsize=4096)
def message_parts(text: str) -> int:
    """The parts of one whole message."""
    return _parts(_cost(text))


class _Cost(NamedTuple):
    """What a piece of a message adds to its length: septets (None when it is not GSM-7), UTF-16
    units, and the extra a line break takes (a lone CR or LF counts two)."""

    septets: int | None
    units: int
    breaks: int


@lru_cache(maxsize=65_536)
def _cost(text: str) -> _Cost:
    breaks = text.count("\n") + text.count("\r") - 2 * text.count("\r\n")
    try:
        if "\x1b" in text:  # the escape code is not a character a message can carry
            raise UnicodeEncodeError("gsm03.38", text, 0, 1, "escape")
        septets: int | None = len(text.encode("gsm03.38"))
    except UnicodeEncodeError:
        septets = None
    return _Cost(septets, len(text.encode("utf-16-le")) // 2, breaks)


def _parts(cost: _Cost) -> int:
    if cost.septets is not None:
        length, single, per_part = cost.septets + cost.breaks, 160, 153
    else:
        length, single, per_part = cost.units + cost.breaks, 70, 67
    return 1 if length <= single else -(-length // per_part)


class _Template(NamedTuple):
    """A body as its literal text's cost plus, per placeholder, how often it appears.

    Lengths add up over pieces, so a recipient's message costs the literal text plus each of their
    values times its count: no message is built. The one thing that does not add up is a CR at
    the end of one piece and an LF at the start of the next, which together count two instead of
    four: `joins_line_breaks` says whether the literal pieces could form one with a value, and
    such bodies (and values holding a line break) are counted whole, as message_parts does.
    """

    literal: _Cost
    counts: tuple[int, ...]
    joins_line_breaks: bool


@lru_cache(maxsize=256)
def _template(body: str) -> _Template:
    pieces = _SPLIT.split(body)
    literals, fields = pieces[0::2], pieces[1::2]
    costs = [_cost(literal) for literal in literals]
    septets = None if any(c.septets is None for c in costs) else sum(c.septets or 0 for c in costs)
    literal = _Cost(septets, sum(c.units for c in costs), sum(c.breaks for c in costs))
    joins = any(piece.endswith("\r") for piece in literals[:-1])
    joins = joins or any(piece.startswith("\n") for piece in literals[1:])
    return _Template(literal, tuple(fields.count(placeholder) for placeholder in _PLACEHOLDERS), joins)


def recipient_parts(body: str, contact: Contact) -> int:
    """The parts of `body` personalised for `contact`; the same as message_parts(personalise(...))."""
    template = _template(body)
    values = _values(contact)
    if template.joins_line_breaks or any("\r" in value or "\n" in value for value in values):
        return message_parts(personalise(body, contact))
    septets: int | None = template.literal.septets
    units = template.literal.units
    for count, value in zip(template.counts, values, strict=True):
        if count and value:
            cost = _cost(value)
            units += count * cost.units
            septets = None if septets is None or cost.septets is None else septets + count * cost.septets
    return _parts(_Cost(septets, units, template.literal.breaks))


def price_campaign(body: str, contacts: Iterable[Contact]) -> tuple[int, Decimal, dict[str, dict[str, str | int]]]:
    """(recipients, total price, per-country breakdown) for sending `body` to `contacts`."""
    parts_by_country: Counter[str] = Counter()
    recipients_by_country: Counter[str] = Counter()
    for contact in contacts:
        country = country_of(contact.phone)
        parts_by_country[country] += recipient_parts(body, contact)
        recipients_by_country[country] += 1
    total = Decimal(0)
    breakdown: dict[str, dict[str, str | int]] = {}
    for country in sorted(parts_by_country):
        cost = parts_by_country[country] * UNIT_PRICES.get(country, OTHER_COUNTRY_PRICE)
        total += cost
        breakdown[country] = {
            "recipients": recipients_by_country[country],
            "parts": parts_by_country[country],
            "price": f"{cost:.3f}",
        }
    return sum(recipients_by_country.values()), total, breakdown
