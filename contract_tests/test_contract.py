"""Spec, generated client and server agree: judged on recorded evidence (see conftest.py for targets)."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from clicksend_sms_campaigns import ClickSendClient, RetryPolicy

from contract_tests.conftest import CHECKED, PUBLIC_CHECKED
from scripts.contract import cassettes, evidence_checks, public_evidence, speclib
from scripts.contract.record import flow_vcr, stateful_flow

REQUIRED_META = {
    "target",
    "recorded_at",
    "run_id",
    "list_id",
    "spec_sha256",
    "tools",
    "interactions",
    "flow_statuses",
    "facts",
}


def _meta(folder: Path) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((folder / cassettes.META_FILE).read_text(encoding="utf-8"))
    return meta


def _interactions(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    return [(f"{folder.name}/{name}#{index}", item) for name, index, item in cassettes.load_interactions(folder)]


def _scenario_interactions(folder: Path) -> list[dict[str, Any]]:
    return cassettes.read_yaml(folder / "properties.yaml")["interactions"]  # type: ignore[no-any-return]


def test_each_recorded_set_says_who_recorded_it_and_is_whole(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        meta = _meta(folder)
        assert set(meta) >= REQUIRED_META, f"{folder.name}: {sorted(REQUIRED_META - set(meta))} missing"
        assert meta["target"] in cassettes.TARGETS
        for name, count in meta["interactions"].items():
            played = len(cassettes.read_yaml(folder / name)["interactions"])
            assert played == count, f"{folder.name}/{name}: {played} interactions, but {count} were recorded"


def test_every_recorded_interaction_agrees_with_the_spec_and_the_client(evidence_sets: list[Path]) -> None:
    spec = speclib.load_spec()
    everything = [pair for folder in evidence_sets for pair in _interactions(folder)]
    counts, problems = evidence_checks.check_all(spec, everything)
    CHECKED.update(counts)
    assert sum(counts.values()) == len(everything) > 500
    assert set(evidence_checks.OPERATION_MODULES) <= set(counts), "every operation has evidence"
    assert not problems, f"{len(problems)} problems, the first ones:\n" + "\n".join(problems[:25])


def test_schemathesis_covered_positive_negative_and_stateful_and_found_nothing(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        recorded = cassettes.read_yaml(folder / "schemathesis.yaml")["interactions"]
        outcomes = {item["outcome"] for item in recorded}
        assert outcomes <= {"SUCCESS", "SKIP"}, f"{folder.name}: schemathesis recorded {outcomes}"
        assert {item["mode"] for item in recorded} >= {"positive", "negative"}
        if _meta(folder)["target"] == "emulator":
            assert "stateful" in {item["phase"] for item in recorded}
            sends = [i for i in recorded if i["phase"] == "stateful" and i["request"]["path"].endswith("/send")]
            assert sends, "the stateful phase really sent POST /send"


def test_price_parts_agree_with_analyze_message(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        count, problems = evidence_checks.price_problems(_scenario_interactions(folder))
        assert count >= 30
        assert not problems, "\n".join(problems)


def test_the_server_search_returns_exactly_the_matching_campaigns(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        count, problems = evidence_checks.search_problems(_scenario_interactions(folder))
        assert count >= 10
        assert not problems, "\n".join(problems)


def test_every_limit_in_bounds_is_honoured_and_outside_is_recorded_as_fact(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        count, problems = evidence_checks.limit_problems(_scenario_interactions(folder))
        assert count == len(speclib.DOCUMENTED_LIMITS) and not problems, "\n".join(problems)
        facts = _meta(folder)["facts"]
        assert set(facts) == {f"limit={limit}" for limit in speclib.LIMITS_OUTSIDE}


def test_the_stateful_flow_replays_through_the_generated_client(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        meta = _meta(folder)
        assert meta["flow_statuses"] == ["Scheduled", "Scheduled", "Cancelled", "Cancelled"]
        replayer = flow_vcr(folder / cassettes.FLOW_FILE, record=False, now=None)
        with replayer.use_cassette(str(folder / cassettes.FLOW_FILE)) as cassette:
            client = ClickSendClient(
                "replay",
                "replay",
                base_url="https://clicksend.replay.invalid/v3",
                retry_policy=RetryPolicy(max_retries=0),
            )
            with client:
                statuses = stateful_flow(client, meta["run_id"], meta["list_id"], lambda: int(time.time()))
            assert cassette.all_played, (
                f"{folder.name}: the replay played {cassette.play_count} of {len(cassette)} interactions"
            )
        assert statuses == meta["flow_statuses"]


def test_a_replay_that_plays_fewer_interactions_fails(evidence_sets: list[Path], tmp_path: Path) -> None:
    folder = evidence_sets[0]
    flow = cassettes.read_yaml(folder / cassettes.FLOW_FILE)
    flow["interactions"].append(copy.deepcopy(flow["interactions"][1]))  # one more than the flow will play
    cassettes.write_yaml(tmp_path / cassettes.FLOW_FILE, flow)
    meta = _meta(folder)
    with flow_vcr(tmp_path / cassettes.FLOW_FILE, record=False, now=None).use_cassette(
        str(tmp_path / cassettes.FLOW_FILE)
    ) as cassette:
        with ClickSendClient("replay", "replay", base_url="https://clicksend.replay.invalid/v3") as client:
            stateful_flow(client, meta["run_id"], meta["list_id"], lambda: int(time.time()))
        assert not cassette.all_played


def test_matching_is_aware_of_auth(evidence_sets: list[Path]) -> None:
    folder = evidence_sets[0]
    recorded_get = cassettes.read_yaml(folder / cassettes.FLOW_FILE)["interactions"][1]["request"]
    path = httpx.URL(recorded_get["uri"]).path
    with flow_vcr(folder / cassettes.FLOW_FILE, record=False, now=None).use_cassette(str(folder / cassettes.FLOW_FILE)):
        raw = httpx.Client(base_url="https://clicksend.replay.invalid")
        with pytest.raises(Exception, match="no recorded interaction matches") as refused:
            raw.get(path)  # recorded with credentials; this one has none
        assert "authenticated" in str(refused.value)
        assert raw.get(path, headers={"Authorization": "Basic eDp5"}).status_code == 200, "with credentials it plays"


def test_a_wrong_field_type_in_the_spec_fails_replay_naming_operation_and_field(evidence_sets: list[Path]) -> None:
    spec = copy.deepcopy(speclib.load_spec())
    spec["components"]["schemas"]["SmsCampaign"]["properties"]["sms_campaign_id"] = {"type": "string"}
    everything = [pair for folder in evidence_sets for pair in _interactions(folder)]
    _, problems = evidence_checks.check_all(spec, everything)
    assert problems
    assert any(p.startswith("get_sms_campaign (") and "at data/sms_campaign_id" in p for p in problems), problems[:5]


def test_cassettes_hold_no_credentials_cookies_or_real_numbers(evidence_sets: list[Path]) -> None:
    files = [path for path in cassettes.CASSETTES.rglob("*") if path.is_file()]
    files += [path for folder in evidence_sets for path in folder.iterdir() if path.is_file()]
    assert files
    found = [leak for path in files for leak in cassettes.leaks(path)]
    assert not found, found


def test_replay_opens_no_connection(target: str) -> None:
    import socket

    with socket.socket() as probe:
        try:
            probe.connect(("127.0.0.1", 9))
            message = ""
        except OSError as error:
            message = str(error)
    assert ("replay must not open connections" in message) == (target == "replay")


def test_the_public_evidence_agrees_with_the_spec_and_the_client() -> None:
    samples = public_evidence.load_samples()
    assert len(samples) >= 10
    problems = []
    for sample, found in public_evidence.check_all(speclib.load_spec(), samples):
        problems += found
        if not found:
            PUBLIC_CHECKED[sample.data["operation"]] += 1
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_evidence_holds_clicksend_s_documentation_and_sdk_defaults_too() -> None:
    origins = {sample.data.get("origin") for sample in public_evidence.load_samples()}
    assert {"documentation example", "official SDK default", "integration code"} <= origins


def test_a_declared_field_the_client_leaves_unread_is_a_problem() -> None:
    # What the older reference's price answer would give a client that knew only `_currency`.
    from clicksend_sms_campaigns.models import SmsCampaignPrice

    spec = speclib.load_spec()
    unread = SmsCampaignPrice(total_count=1, additional_properties={"currency": {"currency_name_short": "GBP"}})
    assert evidence_checks.unread_fields(spec, unread) == ["currency"]
    read = SmsCampaignPrice.from_dict({"total_count": 1, "currency": {"currency_name_short": "GBP"}})
    assert evidence_checks.unread_fields(spec, read) == [] and read.currency is not None


def test_a_public_sample_that_disagrees_fails_naming_the_sample_and_the_field() -> None:
    spec = copy.deepcopy(speclib.load_spec())
    spec["components"]["schemas"]["SmsCampaign"]["properties"]["senders"]["type"] = "array"  # null no longer allowed
    problems = [p for _, found in public_evidence.check_all(spec, public_evidence.load_samples()) for p in found]
    assert any("public sample #1 " in p and "data/sms_campaign/senders" in p for p in problems), problems


def test_the_recordings_cover_both_send_answer_shapes(evidence_sets: list[Path]) -> None:
    for folder in evidence_sets:
        interactions = [item for _, item in _interactions(folder)]
        shapes = evidence_checks.send_answer_shapes(interactions)
        if _meta(folder)["target"] == "emulator":
            assert shapes == {"flat", "nested"}, f"{folder.name}: {shapes}"
        else:
            assert shapes, f"{folder.name}: no successful send recorded"
