"""Campaign prices: parts x recipients x a per-country unit price, parts counted per recipient.

The parts are counted here independently of the client's analyze_message, with the gsm0338
codec, so that the contract tests compare two implementations rather than one with itself. The
rules are ClickSend's documented ones: GSM-7 160 / 153 per part, Unicode 70 / 67 per part, a
line break counts 2, extension characters take their two septets, Unicode counts UTF-16 units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

from .seed import Contact

#: Price of one message part, by recipient country. Invented figures; the structure is the point.
UNIT_PRICES = {"AU": Decimal("0.035"), "US": Decimal("0.025"), "GB": Decimal("0.040"), "CN": Decimal("0.060")}
OTHER_COUNTRY_PRICE = Decimal("0.050")
_PREFIXES = (("+61", "AU"), ("+1", "US"), ("+44", "GB"), ("+86", "CN"))

_PLACEHOLDERS = ("(First Name)", "(Last Name)", "(Cust. 1)", "(Cust. 2)", "(Cust. 3)", "(Cust. 4)")


def country_of(phone: str) -> str:
    return next((country for prefix, country in _PREFIXES if phone.startswith(prefix)), "ZZ")


def personalise(body: str, contact: Contact) -> str:
    values = (contact.first_name, contact.last_name, *contact.custom)
    for placeholder, value in zip(_PLACEHOLDERS, values, strict=True):
        body = body.replace(placeholder, value)
    return body


@lru_cache(maxsize=4096)
def message_parts(text: str) -> int:
    extra_for_breaks = text.count("\n") + text.count("\r") - 2 * text.count("\r\n")
    try:
        if "\x1b" in text:  # the escape code is not a character a message can carry
            raise UnicodeEncodeError("gsm03.38", text, 0, 1, "escape")
        length, single, per_part = len(text.encode("gsm03.38")) + extra_for_breaks, 160, 153
    except UnicodeEncodeError:
        length, single, per_part = len(text.encode("utf-16-le")) // 2 + extra_for_breaks, 70, 67
    return 1 if length <= single else -(-length // per_part)


def price_campaign(body: str, contacts: Iterable[Contact]) -> tuple[int, Decimal, dict[str, dict[str, str | int]]]:
    """(recipients, total price, per-country breakdown) for sending `body` to `contacts`."""
    parts_by_country: Counter[str] = Counter()
    recipients_by_country: Counter[str] = Counter()
    for contact in contacts:
        country = country_of(contact.phone)
        parts_by_country[country] += message_parts(personalise(body, contact))
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
