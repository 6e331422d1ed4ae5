"""Attacks on the emulator by a hostile client, shared by the tests and the report.

A request is judged by what comes back and by what it leaves behind: never a 500; every answer the
emulator's own code gives is ClickSend's JSON envelope (uvicorn's own plain 400 for a request that
is not HTTP is allowed); and after any 4xx the emulator's state (campaigns, faults, clock) is
exactly what it was.
"""

from __future__ import annotations

import json
import string

import httpx
from clicksend_emulator import RunningEmulator
from hypothesis import strategies as st

API_PATHS = (
    "/v3/sms-campaigns",
    "/v3/sms-campaigns/send",
    "/v3/sms-campaigns/price",
    "/v3/sms-campaigns/1000",
    "/v3/sms-campaigns/1000/cancel",
)
ADMIN_PATHS = ("/_emulator/clock", "/_emulator/faults", "/_emulator/health")
METHODS = ("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS")
GOOD_AUTH = "Basic ZW11bGF0b3I6ZW11bGF0b3Ita2V5"  # emulator:emulator-key


def state(running: RunningEmulator) -> str:
    """Everything a request could change, as text to compare."""
    emulator = running.emulator
    records = sorted(emulator.store._records.values(), key=lambda record: record["sms_campaign_id"])
    faults = [repr(fault) for fault in emulator.faults._faults]
    return json.dumps([records, faults, emulator.clock._offset], sort_keys=True, default=str)


def judge(running: RunningEmulator, request: httpx.Request, before: str) -> list[str]:
    """Send one request and say what is wrong with the answer or with what it left behind."""
    with httpx.Client(timeout=30) as client:
        try:
            answer = client.send(request)
        except httpx.HTTPError as error:
            return [f"no answer ({type(error).__name__}: {error})"]
    problems = []
    where = f"{request.method} {request.url.raw_path[:80]!r}"
    if answer.status_code >= 500:
        problems.append(f"{where}: HTTP {answer.status_code} {answer.text[:200]!r}")
    if request.method != "HEAD" and not _is_envelope(answer):
        problems.append(f"{where}: HTTP {answer.status_code} is not a JSON envelope: {answer.text[:120]!r}")
    if 400 <= answer.status_code < 500 and state(running) != before:
        problems.append(f"{where}: HTTP {answer.status_code} changed the emulator's state")
    return problems


def _is_envelope(answer: httpx.Response) -> bool:
    if answer.status_code == 400 and answer.headers.get("content-type", "").startswith("text/plain"):
        return True  # uvicorn's own answer to bytes that are not an HTTP request (README)
    try:
        body = answer.json()
    except ValueError:
        return False
    return isinstance(body, dict) and {"http_code", "response_code", "response_msg", "data"} <= set(body)


def attack(
    running: RunningEmulator, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes
) -> list[str]:
    before = state(running)
    root = running.base_url.removesuffix("/v3")
    request = httpx.Request(method, root + path, headers=headers, content=body)
    return judge(running, request, before)


# --- What to attack with --------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
CAMPAIGN_FIELDS = ("name", "body", "from", "schedule", "senders", "source", "url_to_shorten", "subject")
CAMPAIGN_BODIES = st.fixed_dictionaries(
    {"list_id": st.sampled_from([428, "428", 2000])},
    optional={field: JSON_VALUES | st.text() for field in CAMPAIGN_FIELDS},
).map(lambda body: json.dumps(body).encode())
RAW_BODIES = st.one_of(
    st.binary(max_size=80),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    CAMPAIGN_BODIES,
    st.sampled_from([b"[" * 3000 + b"]" * 3000, b'{"name": "\\ud800", "list_id": 428, "body": "b"}', b"{" * 5000]),
)


def _query(pairs: list[tuple[str, str]]) -> httpx.QueryParams:
    return httpx.QueryParams([(name, value) for name, value in pairs])


QUERY_TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(["²", "①", "9" * 5000, "-1", "1e9"])
QUERIES = st.lists(
    st.tuples(st.sampled_from(["q", "page", "limit", "order_by", "date_from", "date_to", "operator", "x"]), QUERY_TEXT),
    max_size=3,
).map(_query)
# What h11 will write as a header value: visible bytes (any from 0x80 up too), spaces and tabs
# only between them.
_VISIBLE = [bytes([b]) for b in (*range(0x21, 0x7F), *range(0x80, 0x100))]
HEADER_VALUE = st.lists(st.sampled_from([*_VISIBLE, b" ", b"\t"]), max_size=30).map(
    lambda parts: b"".join(parts).strip(b" \t")
)
HEADERS = st.dictionaries(
    st.sampled_from([b"Authorization", b"Content-Type", b"Host", b"X-Emulator-Token", b"Content-Length"]),
    HEADER_VALUE,
    max_size=3,
).map(lambda headers: [(name, value) for name, value in headers.items() if name != b"Host" or value])
AUTHORIZATION = st.one_of(
    st.just(GOOD_AUTH.encode()), HEADER_VALUE, st.sampled_from([b"Basic Zm9vOmLDpHI=", "Basic ü".encode()])
)
PATH_SEGMENTS = st.text(string.ascii_letters + string.digits + "-._~%/²①", max_size=12)
PATHS = st.one_of(
    st.sampled_from(API_PATHS),
    st.sampled_from(API_PATHS).map(lambda p: p + "/"),
    PATH_SEGMENTS.map(lambda tail: "/v3/sms-campaigns/" + tail),
    st.integers(min_value=0, max_value=10**40).map(lambda n: f"/v3/sms-campaigns/{n}"),
    st.sampled_from(["/v3/sms-campaigns/" + "9" * 5000, "/v3/sms-campaigns/" + "9" * 4301 + "/cancel"]),
)
ADMIN_BODIES = st.one_of(
    st.fixed_dictionaries({"advance": JSON_VALUES}).map(json.dumps),
    st.dictionaries(
        st.sampled_from(["kind", "operation", "count", "probability", "seconds", "other"]), JSON_VALUES, max_size=5
    ).map(json.dumps),
    st.sampled_from(
        [
            '{"advance": NaN}',
            '{"advance": Infinity}',
            '{"kind": "drop", "count": 1.5}',
            '{"kind": "latency", "probability": NaN}',
        ]
    ),
    st.text(max_size=20),
).map(lambda text: text.encode("utf-8", "surrogatepass"))
