"""The benchmarks' own pieces are correct (their timings are reported by `tasks.py bench`, not tested)."""

from __future__ import annotations

import json

import pytest
from clicksend_sms_campaigns import analyze_message
from clicksend_sms_campaigns.models import SmsCampaignPageEnvelope

from benchmarks import run as bench


@pytest.mark.parametrize("text", ["plain", "a\nb", "{€}", "Zoë Łukasz", "😀 x", "a" * 200, "ж" * 80])
def test_the_gsm0338_baseline_agrees_with_analyze_message(text: str) -> None:
    analysis = analyze_message(text)
    assert bench.baseline_analysis(text) == (analysis.encoding, analysis.length, analysis.parts)


def test_the_benchmark_page_is_a_valid_100_campaign_page() -> None:
    page = SmsCampaignPageEnvelope.from_dict(json.loads(bench.page_bytes()))
    assert page.data is not None and len(page.data.data or []) == 100 and page.data.per_page == 100


@pytest.mark.parametrize(("name", "hot_spot"), [("decode", "SmsCampaign.from_dict"), ("analyze", "analyze_message")])
def test_a_profile_shows_where_this_client_spends_its_time(name: str, hot_spot: str) -> None:
    report = bench.profile(name)
    assert hot_spot in report
    assert "Duration:" in report


def test_the_sides_of_a_comparison_take_turns_and_each_gets_its_own_best() -> None:
    calls: list[str] = []
    seconds = bench.best_of(lambda: calls.append("ours"), lambda: calls.append("theirs"), number=2, repeat=3)
    assert calls == ["ours", "ours", "theirs", "theirs"] * 3
    assert len(seconds) == 2 and all(0 < each < 1 for each in seconds)


@pytest.mark.slow  # starts emulator processes
def test_the_latency_benchmark_compares_like_with_like() -> None:
    with bench.seeded_emulator(450) as base_url:
        assert bench.ids_sequential(base_url) == bench.ids_ahead(base_url) == list(range(1000, 1450))
    future = 2_000_000_000
    with bench.seeded_emulator(30, latency=0.01, schedule=future) as base_url:
        ids = list(range(1000, 1030))
        assert bench.cancel_sequential(base_url, ids) == ["Cancelled"] * 30
        assert bench.cancel_concurrent(base_url, ids) == ["Cancelled"] * 30
