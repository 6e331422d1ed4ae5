"""`analyze`: what a body costs for each recipient of a CSV and in total, and a GSM-7 rewrite.

The CSV's header names the recipient fields the placeholders take: first_name, last_name and
custom_1..custom_4, also written as the placeholders are ("First Name", "Cust. 1") in any case;
other columns (a phone number, say) are ignored and never shown. Rows are read one at a time,
so a list of 20,000 recipients is analysed in flat memory.
"""

from __future__ import annotations

import contextlib
import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..message import GSM_REPLACEMENTS, PERSONALISATION_FIELDS, MessageAnalysis, analyze_message, to_gsm
from . import inputs
from .failures import CommandError

#: The most parts ClickSend is known to send whole on every account; longer bodies may be cut.
SAFE_PARTS = 6
_FIELDS = set(PERSONALISATION_FIELDS.values())


def _column_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


#: Header spellings (after _column_key) for each recipient field.
_COLUMN_ALIASES = {
    **{name: name for name in _FIELDS},
    **{_column_key(placeholder.strip("()")): name for placeholder, name in PERSONALISATION_FIELDS.items()},
    "firstname": "first_name",
    "lastname": "last_name",
}


_RECIPIENTS_HINT = 'save it from the spreadsheet as "CSV UTF-8"'


@contextlib.contextmanager
def _csv_reader(path: Path) -> Iterator[Any]:
    """A csv reader over the regular file at `path`, reading one bounded line at a time."""
    with inputs.open_regular_file(path, what="the recipients CSV", hint="check the path given to --recipients") as file:
        yield csv.reader(inputs.bounded_lines(file, what=str(path), hint=_RECIPIENTS_HINT))


def _fields_by_column(header: list[str]) -> dict[int, str]:
    return {index: _COLUMN_ALIASES[_column_key(name)] for index, name in enumerate(header)
            if _column_key(name) in _COLUMN_ALIASES}  # fmt: skip


def read_recipients(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, recipient fields) for each row of the CSV at `path`, one line in memory at a time."""
    with _csv_reader(path) as reader:
        try:
            header = next(reader, None)
            if header is None:
                raise CommandError(f"{path} is empty", hint="the first line names the columns, such as first_name")
            columns = _fields_by_column(header)
            for row in reader:
                if any(cell.strip() for cell in row):
                    yield reader.line_num, {name: row[index] for index, name in columns.items() if index < len(row)}
        except csv.Error as error:
            raise CommandError(
                f"{path} line {reader.line_num}: not a CSV file ({error})", hint=_RECIPIENTS_HINT
            ) from None


def recipient_columns(path: Path) -> list[str]:
    """The recipient fields the CSV's header provides."""
    with _csv_reader(path) as reader:
        header: list[str] = next(reader, [])
    return sorted(set(_fields_by_column(header).values()))


def describe_character(char: str) -> str:
    """`'“' (LEFT DOUBLE QUOTATION MARK, U+201C) -> '"'` for a character that forces Unicode."""
    name = unicodedata.name(char, "")
    label = f"{char!r} ({name + ', ' if name else ''}U+{ord(char):04X})"
    replacement = GSM_REPLACEMENTS.get(char)
    if replacement is None:
        return f"{label}, no GSM-7 look-alike"
    return f"{label} -> {replacement!r}" if replacement else f"{label} -> drop it"


@dataclass
class Totals:
    """What the recipients' messages add up to."""

    recipients: int = 0
    gsm: int = 0
    unicode: int = 0
    parts: int = 0
    most_parts: int = 0
    longest: int = 0
    #: Characters from recipients' values that force Unicode, with how many messages hold them.
    unicode_from_values: Counter[str] = field(default_factory=Counter)

    def add(self, analysis: MessageAnalysis, body_characters: set[str]) -> None:
        self.recipients += 1
        if analysis.is_unicode:
            self.unicode += 1
            self.unicode_from_values.update({c.character for c in analysis.unicode_characters} - body_characters)
        else:
            self.gsm += 1
        self.parts += analysis.parts
        self.most_parts = max(self.most_parts, analysis.parts)
        self.longest = max(self.longest, analysis.length)

    def as_json(self) -> dict[str, Any]:
        return {
            "recipients": self.recipients,
            "gsm_7": self.gsm,
            "unicode": self.unicode,
            "parts": self.parts,
            "most_parts": self.most_parts,
            "longest": self.longest,
            "unicode_characters_in_values": dict(self.unicode_from_values),
        }


def analyze_recipients(
    body: str, recipients: Iterable[tuple[int, Mapping[str, str]]], url_to_shorten: str | None, totals: Totals
) -> Iterator[tuple[int, MessageAnalysis]]:
    """Each recipient's message analysed, the totals kept up to date as they go."""
    body_characters = {c.character for c in analyze_message(body).unicode_characters}
    for row, recipient in recipients:
        analysis = analyze_message(body, recipient=recipient, url_to_shorten=url_to_shorten)
        totals.add(analysis, body_characters)
        yield row, analysis


def gsm_rewrite(body: str, url_to_shorten: str | None) -> tuple[str, MessageAnalysis] | None:
    """The body with GSM-7 look-alikes, and its analysis, when that changes anything."""
    rewritten = to_gsm(body)
    if rewritten == body:
        return None
    return rewritten, analyze_message(rewritten, url_to_shorten=url_to_shorten)


def advice(analysis: MessageAnalysis, most_parts: int) -> list[str]:
    """Warnings about a body: no opt-out; more parts (for some recipient) than every account sends."""
    said = []
    if not analysis.has_opt_out:
        said.append('no opt-out: marketing messages need "reply STOP" or the StopMsg.me/xxxxx link')
    if most_parts > SAFE_PARTS:
        said.append(f"{most_parts} parts: some accounts cut messages after {SAFE_PARTS} parts")
    return said


def forcing_unicode(analysis: MessageAnalysis) -> str:
    """The characters that make this message Unicode, each once, in order of first use."""
    return "".join(dict.fromkeys(c.character for c in analysis.unicode_characters))


def as_json(analysis: MessageAnalysis) -> dict[str, Any]:
    return {
        "encoding": analysis.encoding,
        "length": analysis.length,
        "parts": analysis.parts,
        "unicode_characters": forcing_unicode(analysis),
    }


def summary(analysis: MessageAnalysis) -> str:
    return f"{analysis.encoding}, {analysis.length} characters, {analysis.parts} part(s)"
