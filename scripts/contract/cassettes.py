"""The recorded evidence: its format, its scrubbing, and the scan that proves nothing leaked.

A target's recordings live in contract_tests/cassettes/<target>/:

    RECORDED.json       which target recorded them and when, tool versions, spec sha256, counts, facts
    schemathesis.yaml   every request schemathesis generated and the answer it got
    properties.yaml     the requests and answers of the hypothesis properties (price, search, limits)
    flow.yaml           the stateful flow through the generated client (a vcrpy cassette)

Interactions in schemathesis.yaml and properties.yaml are plain data:
    {scenario, phase, mode, request: {method, path, query, auth, body}, response: {status, headers, body}}
`auth` says whether the request carried credentials; the credentials themselves never are kept.

Scrubbing, applied before anything is written: the Authorization header is reduced to
present/absent (vcrpy's is replaced by a marker), cookies and volatile headers are dropped, every
phone number that is not one of ClickSend's test numbers has its digits after the first replaced
by zeros (same length, so it still reads as E.164 and is no one's number), the loopback host and
port become `emulator.invalid`, and timestamps near the recording moment are shifted to a fixed
epoch, so that two recordings of the emulator are byte-identical.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from clicksend_emulator import seed

CONTRACT_TESTS = Path(__file__).resolve().parents[2] / "contract_tests"
CASSETTES = CONTRACT_TESTS / "cassettes"
TARGETS = ("emulator", "live")
EVIDENCE_FILES = ("schemathesis.yaml", "properties.yaml")
FLOW_FILE = "flow.yaml"
META_FILE = "RECORDED.json"

#: ClickSend's published test numbers: kept as they are (one list, the emulator's seed).
TEST_NUMBERS = frozenset(seed.TEST_NUMBERS)
_PHONE = re.compile(r"\+[1-9][0-9]{7,14}(?![0-9])")
_LOOPBACK = re.compile(r"https?://(?:127\.0\.0\.1|localhost):[0-9]+")
AUTH_MARKER = "[redacted]"
#: Timestamps within this distance of the recording moment are shifted to FIXED_EPOCH.
_TIMESTAMP_WINDOW = 400 * 24 * 3600
FIXED_EPOCH = 1_800_000_000
TIMESTAMP_KEYS = frozenset({"schedule", "date_added", "date_from", "date_to"})
KEPT_RESPONSE_HEADERS = ("content-type", "allow", "retry-after")


def scrub_text(text: str) -> str:
    """Phone numbers other than test numbers lose their digits; the loopback address is neutralised."""
    text = _LOOPBACK.sub("http://emulator.invalid", text)
    return _PHONE.sub(
        lambda m: m.group() if m.group() in TEST_NUMBERS else m.group()[:2] + "0" * (len(m.group()) - 2), text
    )


def normalise_time(value: Any, now: int | None) -> Any:
    """Shift timestamps near `now` to FIXED_EPOCH (same offset), recursively through JSON data."""
    if now is None:
        return value
    if isinstance(value, dict):
        return {
            key: _shift(item, now) if key in TIMESTAMP_KEYS else normalise_time(item, now)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [normalise_time(item, now) for item in value]
    return value


def _shift(value: Any, now: int) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value - now) <= _TIMESTAMP_WINDOW:
        return FIXED_EPOCH + (value - now)
    if isinstance(value, str) and value.isdigit() and abs(int(value) - now) <= _TIMESTAMP_WINDOW:
        return str(FIXED_EPOCH + (int(value) - now))
    return value


def scrub_body(text: str | None, now: int | None) -> Any:
    """A body for the evidence: parsed JSON when it is JSON (scrubbed, times normalised), else scrubbed text."""
    if text is None or text == "":
        return None
    try:
        return normalise_time(json.loads(scrub_text(text)), now)
    except ValueError:
        return {"raw": scrub_text(text)}


def scrub_query(query: dict[str, str], now: int | None) -> dict[str, str]:
    scrubbed = {key: scrub_text(value) for key, value in query.items()}
    return {key: str(_shift(value, now)) if key in TIMESTAMP_KEYS and now else value for key, value in scrubbed.items()}


# libyaml's C loader and dumper when PyYAML has them (same YAML, several times faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_yaml(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(text, encoding="utf-8")


def read_yaml(path: Path) -> Any:
    return copy.deepcopy(_read_yaml(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=32)
def _read_yaml(path: Path, mtime_ns: int) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def read_meta(folder: Path) -> dict[str, Any]:
    """A recorded set's RECORDED.json: which target recorded it, when, with what."""
    meta: dict[str, Any] = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    return meta


def recorded_sets() -> list[Path]:
    """The folders of the targets that have recordings, in TARGETS order."""
    return [CASSETTES / target for target in TARGETS if (CASSETTES / target / META_FILE).exists()]


def load_interactions(folder: Path) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(file name, index, interaction) for every evidence interaction of a recorded set."""
    for name in EVIDENCE_FILES:
        path = folder / name
        if path.exists():
            for index, interaction in enumerate(read_yaml(path)["interactions"]):
                yield name, index, interaction


# --- The scan ---------------------------------------------------------------------------

_BASIC_CREDENTIALS = re.compile(r"Basic\s+(?!\[redacted\])[A-Za-z0-9+/=]{4,}")
_KNOWN_SECRETS = ("emulator-key", "emulator-other-key", "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE")


def leaks(path: Path, extra_secrets: tuple[str, ...] = ()) -> list[str]:
    """What in this cassette file looks like a credential, a cookie or a real phone number."""
    text = path.read_text(encoding="utf-8")
    found = [f"{path.name}: Basic credentials {m.group()[:12]}..." for m in _BASIC_CREDENTIALS.finditer(text)]
    for secret in (*_KNOWN_SECRETS, *extra_secrets):
        if secret and secret in text:
            found.append(f"{path.name}: contains a credential")
    for header in ("cookie", "set-cookie"):
        if re.search(rf"^\s*['\"]?{header}['\"]?\s*:", text, re.IGNORECASE | re.MULTILINE):
            found.append(f"{path.name}: has a {header} header")
    for number in set(_PHONE.findall(text)):
        if number not in TEST_NUMBERS and set(number[2:]) != {"0"}:
            found.append(f"{path.name}: phone number {number[:4]}... is not a test number")
    return found
