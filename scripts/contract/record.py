"""Record a target's evidence: schemathesis's generated cases, the properties, and the stateful flow.

    python -m scripts.contract.record --target emulator [--out DIR]
    CLICKSEND_USERNAME=... CLICKSEND_API_KEY=... CLICKSEND_LIVE=1 CLICKSEND_LIVE_LIST_ID=... \\
        python -m scripts.contract.record --target live

Recording rewrites the target's folder whole. Against the emulator the clock is frozen at the
recording moment and timestamps are normalised, so two recordings are byte-identical. Against
the live API every request passes the live-safety guard first, schemathesis only gets the
read-only operations, and every campaign the run created is cancelled before it ends.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import vcr
from clicksend_sms_campaigns import (
    APIError,
    ClickSendClient,
    ClickSendWarning,
    RequestValidationError,
    RetryPolicy,
    search_query,
)
from clicksend_sms_campaigns.api.sms_campaigns import (
    calculate_sms_campaign_price,
    cancel_sms_campaign,
    get_sms_campaign,
    list_sms_campaigns,
    send_sms_campaign,
    update_sms_campaign,
)
from clicksend_sms_campaigns.models import SmsCampaignPriceRequest, SmsCampaignSendRequest, SmsCampaignUpdateRequest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from scripts.contract import cassettes, speclib
from scripts.contract.live_safety import LIVE_SCHEMATHESIS_OPERATIONS, LiveSafetyTransport

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "clicksend-sms-campaigns.yaml"
SCHEMATHESIS_CONFIG = ROOT / "contract_tests" / "schemathesis.toml"
FLOW_LEAD_SECONDS = 30 * 24 * 3600
#: Schemathesis and hypothesis settings that shape the recorded cases; changing them means re-recording.
SCHEMATHESIS_EXAMPLES, SCHEMATHESIS_SEED = 25, 1
PRICE_EXAMPLES, SEARCH_EXAMPLES = 40, 25


@dataclass
class Target:
    name: str
    base_url: str
    username: str
    api_key: str
    list_id: int
    run_id: str
    #: The recording moment, when the target's clock is frozen there (the emulator); None for live.
    frozen_now: int | None = None
    live: bool = False
    #: The live guards of this run; each remembers the campaigns created through it.
    guards: list[LiveSafetyTransport] = field(default_factory=list, repr=False)
    #: Switches the shape of the target's send answer ("nested" or "flat"); None where the target
    #: decides (live): the recording then holds whatever shape it gives.
    set_send_answer: Callable[[str], None] | None = field(default=None, repr=False)

    def now(self) -> int:
        return self.frozen_now if self.frozen_now is not None else int(time.time())


@contextlib.contextmanager
def emulator_target() -> Iterator[Target]:
    from clicksend_emulator import SMALL_LIST_ID, Emulator, run_emulator

    emulator = Emulator()
    now = int(time.time())
    emulator.clock.freeze(now)

    def set_send_answer(shape: str) -> None:
        emulator.config.send_answer = shape  # type: ignore[assignment]

    with run_emulator(emulator) as running:
        yield Target(
            "emulator",
            running.base_url,
            "emulator",
            "emulator-key",
            SMALL_LIST_ID,
            "emulator",
            frozen_now=now,
            set_send_answer=set_send_answer,
        )


class LiveNotOptedIn(ValueError):
    """CLICKSEND_LIVE=1 is not set: the live target is skipped."""


class LiveMisconfigured(ValueError):
    """CLICKSEND_LIVE=1 is set but a credential or the list is missing: the live target fails."""


LIVE_SETTINGS = ("CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_LIVE_LIST_ID")


def live_target() -> Target:
    """The live API, from the environment.

    Raises LiveNotOptedIn without the explicit opt-in CLICKSEND_LIVE=1, and LiveMisconfigured,
    naming what is missing, when it is opted in without everything it needs.
    """
    if os.environ.get("CLICKSEND_LIVE") != "1":
        raise LiveNotOptedIn("the live target needs the explicit opt-in CLICKSEND_LIVE=1")
    missing = [name for name in LIVE_SETTINGS if not os.environ.get(name)]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        raise LiveMisconfigured(
            f"CLICKSEND_LIVE=1 is set, but {', '.join(missing)} {verb} not: the live target cannot run"
        )
    if not os.environ["CLICKSEND_LIVE_LIST_ID"].isdigit():
        raise LiveMisconfigured("CLICKSEND_LIVE_LIST_ID must be the number of one of your contact lists")
    return Target(
        "live",
        os.environ.get("CLICKSEND_BASE_URL", "https://rest.clicksend.com/v3"),
        os.environ["CLICKSEND_USERNAME"],
        os.environ["CLICKSEND_API_KEY"],
        int(os.environ["CLICKSEND_LIVE_LIST_ID"]),
        datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S"),
        live=True,
    )


# --- Capturing the client's traffic as evidence ------------------------------------------


class RecordingTransport(httpx.BaseTransport):
    """Keeps every request and answer that passes, as scrubbed evidence, under the current scenario."""

    def __init__(self, wrapped: httpx.BaseTransport, target: Target) -> None:
        self._wrapped, self._target = wrapped, target
        self.scenario = "unnamed"
        self.interactions: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._wrapped.handle_request(request)
        response.read()
        self.interactions.append(
            evidence(self.scenario, request, response.status_code, response.headers, response.text, self._target)
        )
        return response

    def close(self) -> None:
        self._wrapped.close()


def evidence(
    scenario: str, request: httpx.Request, status: int, headers: Any, text: str, target: Target, **extra: Any
) -> dict[str, Any]:
    now = target.frozen_now
    body = request.content.decode("utf-8", "replace") if request.content else None
    return {
        "scenario": scenario,
        **extra,
        "request": {
            "method": request.method,
            "path": request.url.path,
            "query": cassettes.scrub_query(dict(request.url.params), now),
            "auth": "authorization" in request.headers,
            "body": cassettes.scrub_body(body, now),
        },
        "response": {
            "status": status,
            "headers": {k: headers[k] for k in cassettes.KEPT_RESPONSE_HEADERS if k in headers},
            "body": cassettes.scrub_body(text, now),
        },
    }


def client_for(target: Target, recorder: httpx.BaseTransport) -> ClickSendClient:
    return ClickSendClient(
        target.username,
        target.api_key,
        base_url=target.base_url,
        transport=recorder,
        retry_policy=RetryPolicy(max_retries=0),
    )


# --- Schemathesis ------------------------------------------------------------------------


def run_schemathesis(target: Target, report: Path) -> None:
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(SCHEMATHESIS_CONFIG), "--no-color",
        "run", str(SPEC), "--url", target.base_url, "--auth", f"{target.username}:{target.api_key}",
        "--checks", "all", "--mode", "all", "--max-examples", str(SCHEMATHESIS_EXAMPLES),
        "--seed", str(SCHEMATHESIS_SEED), "--workers", "1", "--generation-database", "none",
        "--report", "vcr", "--report-vcr-path", str(report),
    ]  # fmt: skip
    if target.live:
        command += ["--phases", "examples,coverage,fuzzing"]
        for operation in LIVE_SCHEMATHESIS_OPERATIONS:
            command += ["--include-operation-id", operation]
    else:
        command += ["--phases", "examples,coverage,fuzzing,stateful"]
    # In a throwaway folder: schemathesis leaves a cache where it runs, which belongs in no cassette or repository.
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as workdir:
        result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=1800, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"schemathesis found problems against {target.name}:\n{result.stdout[-8000:]}")


def schemathesis_evidence(report: Path, target: Target) -> list[dict[str, Any]]:
    raw = cassettes.read_yaml(report)
    interactions = []
    for item in raw["http_interactions"]:
        if not item.get("response"):
            continue
        recorded = item["request"]
        headers = {name.lower(): values for name, values in (recorded.get("headers") or {}).items()}
        request = httpx.Request(
            recorded["method"], recorded["uri"], content=(recorded.get("body") or {}).get("string", "").encode("utf-8")
        )
        if "authorization" in headers:
            request.headers["authorization"] = cassettes.AUTH_MARKER
        answer = item["response"]
        answer_headers = {name.lower(): values[0] for name, values in (answer.get("headers") or {}).items()}
        interactions.append(
            evidence(
                "schemathesis",
                request,
                int(answer["status"]["code"]),
                answer_headers,
                (answer.get("body") or {}).get("string", ""),
                target,
                phase=item["phase"]["name"],
                mode=(item.get("generation") or {}).get("mode"),
                outcome=item["status"],
            )
        )
    return interactions


# --- Properties --------------------------------------------------------------------------

GSM_BASIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?-:;'\"@£$¥èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà"
BODY_PIECES = st.one_of(
    st.text(st.sampled_from(GSM_BASIC), min_size=1, max_size=120),
    st.sampled_from(["^", "{", "}", "\\", "[", "~", "]", "|", "€"]),
    st.text(st.sampled_from("жщэюяßçłőű"), min_size=1, max_size=30),
    st.sampled_from(["😀", "👍", "🎉"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([" StopMsg.me/xxxxx", " smsu.io/xxxxx", " Reply STOP to opt out"]),
)
BODIES = st.lists(BODY_PIECES, min_size=1, max_size=12).map("".join).filter(lambda body: bool(body.strip()))
_RECORDING_SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@contextlib.contextmanager
def generation_independent_of_imports() -> Iterator[None]:
    """Hypothesis mixes the literals of the project's imported (non-test) modules into what it draws,
    so a recording made in a process that happens to import one more module would differ. Within the
    block it sees none; hypothesis is pinned exactly, and a rename of this internal fails loudly."""
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.floats import float_to_int

    pool = providers._local_constants
    sorted_set: Any = type(pool.integers)
    none = type(pool)(
        integers=sorted_set(), floats=sorted_set(key=float_to_int), bytes=sorted_set(), strings=sorted_set()
    )
    original = providers._get_local_constants
    providers._get_local_constants = lambda: none
    try:
        yield
    finally:
        providers._get_local_constants = original


def record_price_property(client: ClickSendClient, recorder: RecordingTransport, target: Target) -> None:
    """One calibration (a one-part body), then hypothesis-generated bodies priced on the same list."""
    recorder.scenario = "price-calibration"
    calculate_sms_campaign_price.sync(
        client=client, body=SmsCampaignPriceRequest(list_id=target.list_id, name="calibration", body="x")
    )
    recorder.scenario = "price"

    @settings(_RECORDING_SETTINGS, max_examples=PRICE_EXAMPLES)
    @given(body=BODIES)
    def price(body: str) -> None:
        calculate_sms_campaign_price.sync(
            client=client, body=SmsCampaignPriceRequest(list_id=target.list_id, name="p", body=body)
        )

    price()


SEARCH_WORDS = ("Spring", "spring", "SALE", "sale", "Gold", "members", "Ünïcode", "x")


def record_search_property(client: ClickSendClient, recorder: RecordingTransport, target: Target) -> list[int]:
    """Campaigns named from a few words, then hypothesis-generated searches scoped to this run."""
    recorder.scenario = "search-setup"
    prefix = f"contract-{target.run_id}"
    schedule = target.now() + FLOW_LEAD_SECONDS
    created = []
    for index, words in enumerate([("Spring", "sale"), ("spring", "gold"), ("SALE", "members"), ("Ünïcode", "x")]):
        body = SmsCampaignSendRequest(
            list_id=target.list_id,
            name=f"{prefix} {' '.join(words)}",
            body=f"Campaign {index} {words[1]}",
            schedule=schedule,
        )
        created.append(send_sms_campaign.sync(client=client, body=body).data.sms_campaign_id)
    recorder.scenario = "search"
    conditions = st.lists(
        st.tuples(st.sampled_from(["name", "body"]), st.sampled_from([*SEARCH_WORDS, ""])), min_size=1, max_size=2
    )

    @settings(_RECORDING_SETTINGS, max_examples=SEARCH_EXAMPLES)
    @given(conditions=conditions)
    def search(conditions: list[tuple[str, str]]) -> None:
        # AND with this run's prefix scopes every search to this run's campaigns, so that other
        # campaigns (of a live account, or schemathesis's) neither match nor push them off the page.
        q = search_query([("name", prefix), *conditions])
        list_sms_campaigns.sync(client=client, q=q, limit=100)

    search()
    return created


def record_send_shapes(client: ClickSendClient, recorder: RecordingTransport, target: Target) -> list[int]:
    """One send in each answer shape the target can be switched to (or in the shape it gives)."""
    recorder.scenario = "send-shapes"
    shapes = ("flat", "nested") if target.set_send_answer is not None else ("as the target answers",)
    created = []
    for shape in shapes:
        if target.set_send_answer is not None:
            target.set_send_answer(shape)
        body = SmsCampaignSendRequest(
            list_id=target.list_id,
            name=f"contract-{target.run_id} shape",
            body="Send answer shape",
            schedule=target.now() + FLOW_LEAD_SECONDS,
        )
        created.append(send_sms_campaign.sync(client=client, body=body).data.sms_campaign_id)
    if target.set_send_answer is not None:
        target.set_send_answer("nested")
    return created


def record_limits(client: ClickSendClient, recorder: RecordingTransport, target: Target) -> dict[str, str]:
    """Every documented limit through the client; what the target does outside, recorded as facts.

    The client refuses a limit below 1 (it cannot be meant), which is then sent raw; it warns about
    the others outside 15..100 and sends them.
    """
    recorder.scenario = "limit"
    only_this_run = search_query({"name": f"contract-{target.run_id}"})  # small pages; per_page is what counts
    for limit in speclib.DOCUMENTED_LIMITS:
        list_sms_campaigns.sync(client=client, limit=limit, q=only_this_run)
    recorder.scenario = "limit-outside"
    facts = {}
    for limit in speclib.LIMITS_OUTSIDE:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                page = list_sms_campaigns.sync(client=client, limit=limit).data
                facts[f"limit={limit}"] = f"HTTP 200 SUCCESS, per_page {page.per_page if page else None}"
            except RequestValidationError:
                raw = client.get_httpx_client().get("/sms-campaigns", params={"limit": limit})
                facts[f"limit={limit}"] = f"refused by the client; sent raw: HTTP {raw.status_code}"
            except APIError as error:
                facts[f"limit={limit}"] = f"HTTP {error.status} {error.response_code}"
        warned = [w for w in caught if isinstance(w.message, ClickSendWarning) and w.message.field == "limit"]
        if limit >= 1 and not warned:
            raise AssertionError(f"the client sent limit={limit} without a warning")
    return facts


# --- The stateful flow -------------------------------------------------------------------


def flow_vcr(path: Path, record: bool, now: int | None) -> vcr.VCR:
    """The vcrpy set-up for flow.yaml: scrubbed when recording, auth-aware matching on replay."""

    def scrub_request(request: Any) -> Any:
        if "Authorization" in request.headers or "authorization" in request.headers:
            request.headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
            request.headers["Authorization"] = f"Basic {cassettes.AUTH_MARKER}"
        request.headers = {
            k: v for k, v in request.headers.items() if k.lower() not in ("user-agent", "cookie", "host")
        }
        request.uri = cassettes.scrub_text(request.uri)
        if request.body:
            body = cassettes.scrub_body(
                request.body.decode("utf-8") if isinstance(request.body, bytes) else request.body, now
            )
            request.body = json.dumps(body).encode()
        return request

    def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
        response["headers"] = {
            k: v
            for k, v in response["headers"].items()
            if k.lower() in ("content-type", "content-length", "allow", "retry-after")
        }
        text = response["content"] if "content" in response else response["body"]["string"]
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        scrubbed = json.dumps(cassettes.scrub_body(text, now)).encode()
        if "content" in response:
            response["content"] = scrubbed.decode()
        else:
            response["body"]["string"] = scrubbed
        response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() != "content-length"}
        return response

    recorder = vcr.VCR(
        record_mode="all" if record else "none",
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        match_on=["method", "path", "query", "auth_presence", "body_except_times"],
        decode_compressed_response=True,
    )
    recorder.register_matcher("auth_presence", _same_auth_presence)
    recorder.register_matcher("body_except_times", _same_body_except_times)
    return recorder


def _same_auth_presence(recorded: Any, replayed: Any) -> None:
    def present(request: Any) -> bool:
        return any(k.lower() == "authorization" for k in request.headers)

    assert present(recorded) == present(replayed), "one request is authenticated, the other is not"


def _same_body_except_times(recorded: Any, replayed: Any) -> None:
    def comparable(request: Any) -> Any:
        if not request.body:
            return None
        text = request.body.decode("utf-8") if isinstance(request.body, bytes) else request.body
        try:
            body = json.loads(text)
        except ValueError:
            return text
        return {k: v for k, v in body.items() if k not in cassettes.TIMESTAMP_KEYS} if isinstance(body, dict) else body

    assert comparable(recorded) == comparable(replayed), "the request bodies differ"


def stateful_flow(client: ClickSendClient, run_id: str, list_id: int, now: Callable[[], int]) -> list[str | None]:
    """send (far ahead), get, update, list with q, cancel, get: the statuses seen along the way."""
    name = f"contract-{run_id}-flow"
    schedule = now() + FLOW_LEAD_SECONDS
    sent = send_sms_campaign.sync(
        client=client, body=SmsCampaignSendRequest(list_id=list_id, name=name, body="Flow test", schedule=schedule)
    ).data
    campaign_id = sent.sms_campaign_id
    seen = [sent.status, get_sms_campaign.sync(client=client, sms_campaign_id=campaign_id).data.status]
    changed = SmsCampaignUpdateRequest(list_id=list_id, name=name, body="Flow test, changed", schedule=schedule)
    updated = update_sms_campaign.sync(client=client, sms_campaign_id=campaign_id, body=changed).data
    assert updated.body == "Flow test, changed", "the update took"
    page = list_sms_campaigns.sync(client=client, q=search_query({"name": name}), limit=15).data
    found = (page.data or []) if page is not None else []
    assert [c.sms_campaign_id for c in found] == [campaign_id], "list with q finds exactly the flow's campaign"
    seen.append(cancel_sms_campaign.sync(client=client, sms_campaign_id=campaign_id).data.status)
    seen.append(get_sms_campaign.sync(client=client, sms_campaign_id=campaign_id).data.status)
    return seen


# --- Putting it together -----------------------------------------------------------------


def record(target: Target, out: Path) -> dict[str, Any]:
    """Record everything for `target` into `out`, replacing what was there only when all went well."""
    staging = Path(tempfile.mkdtemp(prefix=f"record-{target.name}-"))
    try:
        record_schemathesis(target, staging)
        facts = record_properties(target, staging)
        flow_statuses = record_flow(target, staging)
        meta = write_meta(target, staging, facts, flow_statuses)
        refuse_leaks(target, staging)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
        return meta
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def record_schemathesis(target: Target, staging: Path) -> None:
    raw_report = staging / "schemathesis-report.yaml"
    run_schemathesis(target, raw_report)
    cassettes.write_yaml(staging / "schemathesis.yaml", {"interactions": schemathesis_evidence(raw_report, target)})
    raw_report.unlink()


def _transport(target: Target) -> httpx.BaseTransport:
    """The network, behind the live guard when the target is the live API."""
    if not target.live:
        return httpx.HTTPTransport()
    guard = LiveSafetyTransport(httpx.HTTPTransport())
    target.guards.append(guard)
    return guard


def record_properties(target: Target, staging: Path) -> dict[str, str]:
    """The property runs through the client, each request and answer kept; returns the limit facts."""
    recorder = RecordingTransport(_transport(target), target)
    with client_for(target, recorder) as client, generation_independent_of_imports():
        record_price_property(client, recorder, target)
        created = record_search_property(client, recorder, target)
        created += record_send_shapes(client, recorder, target)
        facts = record_limits(client, recorder, target)
        recorder.scenario = "cleanup"
        for campaign_id in created:
            cancel_sms_campaign.sync(client=client, sms_campaign_id=campaign_id)
    cassettes.write_yaml(staging / "properties.yaml", {"interactions": recorder.interactions})
    return facts


def record_flow(target: Target, staging: Path) -> list[str | None]:
    """The stateful flow, recorded by vcrpy so that it can be replayed through the same code."""
    cassette = staging / cassettes.FLOW_FILE
    with (
        flow_vcr(cassette, record=True, now=target.frozen_now).use_cassette(str(cassette)),
        client_for(target, _transport(target)) as client,
    ):
        return stateful_flow(client, target.run_id, target.list_id, target.now)


def write_meta(target: Target, staging: Path, facts: dict[str, str], flow_statuses: list[str | None]) -> dict[str, Any]:
    counts = {name: len(cassettes.read_yaml(staging / name)["interactions"]) for name in cassettes.EVIDENCE_FILES}
    counts[cassettes.FLOW_FILE] = len(cassettes.read_yaml(staging / cassettes.FLOW_FILE)["interactions"])
    meta = {
        "target": target.name,
        "recorded_at": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "run_id": target.run_id,
        "list_id": target.list_id,
        "spec_sha256": hashlib.sha256(SPEC.read_bytes()).hexdigest(),
        "tools": {name: importlib.metadata.version(name) for name in ("schemathesis", "hypothesis", "vcrpy", "httpx")},
        "interactions": counts,
        "flow_statuses": flow_statuses,
        "facts": facts,
    }
    (staging / cassettes.META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


def refuse_leaks(target: Target, staging: Path) -> None:
    for path in staging.iterdir():
        leaks = cassettes.leaks(path, (target.api_key, target.username if target.live else ""))
        if leaks:
            raise RuntimeError(f"refusing to write cassettes that leak: {leaks}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.contract.record",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--target", choices=cassettes.TARGETS, required=True)
    parser.add_argument("--out", type=Path, help="where to write (default: contract_tests/cassettes/<target>)")
    args = parser.parse_args(argv)
    out = args.out or cassettes.CASSETTES / args.target
    if args.target == "emulator":
        with emulator_target() as target:
            meta = record(target, out)
    else:
        target = live_target()
        try:
            meta = record(target, out)
        finally:
            _cancel_leftovers(target)
    print(json.dumps({"wrote": str(out), **meta["interactions"], "facts": meta["facts"]}, indent=2))
    return 0


def _cancel_leftovers(target: Target) -> None:
    """Cancel anything the live run created and did not cancel (after a failure, say)."""
    created = [campaign_id for guard in target.guards for campaign_id in guard.created]
    if not created:
        return
    with ClickSendClient(target.username, target.api_key, base_url=target.base_url) as client:
        for campaign_id in created:
            with contextlib.suppress(Exception):
                cancel_sms_campaign.sync(client=client, sms_campaign_id=campaign_id)


if __name__ == "__main__":
    sys.exit(main())
