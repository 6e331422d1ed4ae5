"""What an SMS body costs before you send it: `analyze_message`.

How length is counted (ClickSend documents most of it; the rest is decided here and tested):
- A message is GSM-7 when every character is in the GSM 03.38 basic set or its extension table;
  any other character makes the whole message Unicode.
- GSM-7: basic characters count 1; the extension characters ^ { } \\ [ ~ ] | € and form feed
  count 2, the septets they take (ClickSend does not say; this is the GSM standard).
- Unicode: UTF-16 code units, so an emoji or other character outside the BMP counts 2.
- A line break counts 2, as ClickSend documents, whether written "\\r\\n", "\\n" or "\\r".
- Parts: GSM-7 fits 160 in one part, else 153 per part; Unicode 70, else 67 per part.

Placeholders are replaced for one recipient before counting: (First Name), (Last Name) and
(Cust. 1)..(Cust. 4) by the recipient's values (empty when missing). StopMsg.me/xxxxx and
smsu.io/xxxxx become per-recipient links of the same length. url_to_shorten, when given, fills
the smsu.io/xxxxx placeholder if the body has one, and is otherwise appended as " smsu.io/xxxxx".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

# GSM 03.38 basic character set in table order, without the escape to the extension table.
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "\f^{}\\[~]|€"
_GSM = frozenset(GSM_BASIC + GSM_EXTENSION)
_GSM_EXTENSION_SET = frozenset(GSM_EXTENSION)

GSM_SINGLE_PART, GSM_PER_PART = 160, 153
UNICODE_SINGLE_PART, UNICODE_PER_PART = 70, 67

SHORT_LINK_PLACEHOLDER = "smsu.io/xxxxx"
OPT_OUT_LINK_PLACEHOLDER = "StopMsg.me/xxxxx"
PERSONALISATION_FIELDS = {
    "(First Name)": "first_name",
    "(Last Name)": "last_name",
    "(Cust. 1)": "custom_1",
    "(Cust. 2)": "custom_2",
    "(Cust. 3)": "custom_3",
    "(Cust. 4)": "custom_4",
}
_OPT_OUT = re.compile(r"\b(?:reply|text|txt|send|sms)\s+stop\b|stopmsg\.me/", re.IGNORECASE)

#: GSM-7 look-alikes for characters that would make a message Unicode ("" means drop it).
GSM_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2022": "-", "\u2026": "...", "\t": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u202f": " ", "\u3000": " ", "\u200b": "", "\u00ad": "", "\ufeff": "", "\u00e7": "Ç",
}  # fmt: skip


@dataclass(frozen=True)
class UnicodeCharacter:
    """A character that makes the message Unicode, where it stands, and its GSM-7 look-alike."""

    position: int
    character: str
    replacement: str | None


class MessageAnalysis(NamedTuple):
    """The analysis of one message. A NamedTuple: immutable and cheap to build 20,000 times."""

    #: The message as the recipient gets it: placeholders replaced, short link appended.
    text: str
    #: "GSM-7" or "Unicode".
    encoding: str
    #: The length as ClickSend counts it (see the module documentation).
    length: int
    parts: int

    @property
    def is_unicode(self) -> bool:
        return self.encoding == "Unicode"

    @property
    def unicode_characters(self) -> tuple[UnicodeCharacter, ...]:
        """Characters that force Unicode, with positions in `text` and GSM-7 look-alikes.

        Computed when asked, so that analysing thousands of messages costs only the counting.
        """
        return tuple(
            UnicodeCharacter(position, character, GSM_REPLACEMENTS.get(character))
            for position, character in enumerate(self.text)
            if character not in _GSM
        )

    @property
    def has_opt_out(self) -> bool:
        """An opt-out: "reply STOP" (or text/txt/send/sms STOP) or the StopMsg.me link."""
        return _OPT_OUT.search(self.text) is not None


def analyze_message(
    body: str, *, recipient: Mapping[str, str] | None = None, url_to_shorten: str | None = None
) -> MessageAnalysis:
    """Encoding, length and parts of `body` as one recipient would get it.

    `recipient` maps first_name, last_name and custom_1..custom_4 to that recipient's values.
    """
    if not isinstance(body, str):
        raise TypeError(f"body must be a string, got {type(body).__name__}")
    if recipient is not None and (template := _template(body)).fields:
        # The body's own characters were looked at once, when it was first seen; for each
        # recipient only the values put into it are new.
        values = [recipient.get(field, "") for field in template.fields]
        text, inserted = template.fill(values), "".join(values)
        literals_gsm, literals_extension = template.cost
    else:
        text, inserted = body, body
        literals_gsm, literals_extension = True, 0
    text = _with_short_link(text, url_to_shorten)
    # A lone line break counts one more than it takes; without "\r" every "\n" is lone.
    extra_for_breaks = _lone_line_breaks(text) if "\r" in text else text.count("\n")
    if literals_gsm and _GSM.issuperset(inserted):
        length = len(text) + extra_for_breaks + literals_extension + _extension_septets(inserted)
        return MessageAnalysis(text, "GSM-7", length, _parts(length, GSM_SINGLE_PART, GSM_PER_PART))
    length = len(text.encode("utf-16-le")) // 2 + extra_for_breaks
    return MessageAnalysis(text, "Unicode", length, _parts(length, UNICODE_SINGLE_PART, UNICODE_PER_PART))


def render_message(body: str, *, recipient: Mapping[str, str] | None = None, url_to_shorten: str | None = None) -> str:
    """`body` as one recipient gets it (placeholder links keep their length, so they stay as they are)."""
    if recipient is not None:
        template = _template(body)
        if template.fields:
            body = template.fill([recipient.get(field, "") for field in template.fields])
    return _with_short_link(body, url_to_shorten)


def _with_short_link(text: str, url_to_shorten: str | None) -> str:
    if url_to_shorten and SHORT_LINK_PLACEHOLDER not in text:
        return f"{text} {SHORT_LINK_PLACEHOLDER}"
    return text


_PLACEHOLDER_SPLIT = re.compile("(" + "|".join(re.escape(p) for p in PERSONALISATION_FIELDS) + ")")


class _Template(NamedTuple):
    """A body split into its literal pieces and the recipient fields between them."""

    literals: tuple[str, ...]
    fields: tuple[str, ...]
    #: Whether every literal character is GSM-7, and the extra septets their extension characters take.
    cost: tuple[bool, int]

    def fill(self, values: list[str]) -> str:
        pieces = [""] * (2 * len(self.literals) - 1)
        pieces[0::2] = self.literals
        pieces[1::2] = values
        return "".join(pieces)


@functools.lru_cache(maxsize=256)
def _template(body: str) -> _Template:
    pieces = _PLACEHOLDER_SPLIT.split(body)
    literals = tuple(pieces[0::2])
    joined = "".join(literals)
    return _Template(
        literals,
        tuple(PERSONALISATION_FIELDS[p] for p in pieces[1::2]),
        (_GSM.issuperset(joined), _extension_septets(joined)),
    )


def _extension_septets(text: str) -> int:
    """How many extension-table characters `text` holds: each takes one septet more than it counts."""
    if _GSM_EXTENSION_SET.isdisjoint(text):
        return 0
    return sum(map(text.count, _GSM_EXTENSION_SET))


def to_gsm(text: str) -> str:
    """`text` with every character that has a GSM-7 look-alike replaced by it; others are kept."""
    return "".join(GSM_REPLACEMENTS.get(character, character) for character in text)


def _lone_line_breaks(text: str) -> int:
    # "\r\n" already takes two; a lone "\n" or "\r" takes one and counts two.
    crlf = text.count("\r\n")
    return text.count("\n") + text.count("\r") - 2 * crlf


def _parts(length: int, single: int, per_part: int) -> int:
    if length <= single:
        return 1
    return -(-length // per_part)
