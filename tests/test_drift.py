"""The drift report: per operation and field, what recordings show against what the spec says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts.contract import cassettes, drift, speclib

ROOT = Path(__file__).resolve().parent.parent
EMULATOR = cassettes.CASSETTES / "emulator"


def _rows(text: str, operation: str) -> dict[str, list[str]]:
    section = text.split(f"## {operation} ")[1].split("\n## ")[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
    return {row[0].strip("| `"): [cell.strip(" |") for cell in row[1:]] for row in rows}


def test_the_emulator_recordings_show_both_send_shapes_and_only_its_own_extra_field() -> None:
    report = drift.build(speclib.load_spec(), [EMULATOR], include_public=False)
    text = report.markdown()
    send = _rows(text, "send_sms_campaign")
    assert "shapes: SmsCampaign 1, SmsCampaignSendWrapper " in send["data"][4]
    assert send["data.sms_campaign.sms_campaign_id"][0] == "required; integer or string"
    flagged = {
        (operation, path)
        for operation, fields in report.fields.items()
        for path, seen in fields.items()
        if seen.drift()
    }
    assert flagged == {("calculate_sms_campaign_price", "data._emulator")}, "the emulator's own field, and only it"


def _folder_with(tmp_path: Path, answers: list[tuple[str, str, int, Any]]) -> Path:
    folder = tmp_path / "observed"
    folder.mkdir()
    interactions = [
        {
            "scenario": "test",
            "request": {"method": method, "path": path, "query": {}, "auth": True, "body": None},
            "response": {"status": status, "headers": {}, "body": body},
        }
        for method, path, status, body in answers
    ]
    cassettes.write_yaml(folder / "properties.yaml", {"interactions": interactions})
    (folder / cassettes.META_FILE).write_text(json.dumps({"target": "live", "recorded_at": "now"}))
    return folder


def test_a_wrong_type_a_null_a_missing_required_field_and_an_unknown_field_are_drift(tmp_path: Path) -> None:
    folder = _folder_with(
        tmp_path,
        [
            (
                "GET",
                "/v3/sms-campaigns/7",
                200,
                {"data": {"sms_campaign_id": 7, "status": 3, "name": None, "colour": "x"}},
            ),
            ("GET", "/v3/sms-campaigns/7", 200, {"data": {"status": "Sent"}}),
            ("GET", "/v3/sms-campaigns/7", 404, {"data": None}),
        ],
    )
    text = drift.build(speclib.load_spec(), [folder], include_public=False).markdown()
    rows = _rows(text, "get_sms_campaign")
    assert "(2 answers)" in text, "only successes are judged"
    assert rows["data.status"][5] == "integer, not allowed"
    assert rows["data.name"][5] == "null, which the spec does not allow"
    assert rows["data.sms_campaign_id"][1:3] == ["1", "1"] and rows["data.sms_campaign_id"][5].startswith("missing")
    assert rows["data.colour"][5] == "not in the spec"
    assert rows["data.custom_string"][5] == "", "a field seen only missing is no drift when optional"


@pytest.mark.slow  # runs the command in a subprocess
def test_the_command_writes_markdown(tmp_path: Path) -> None:
    out = tmp_path / "drift.md"
    result = subprocess.run(
        [sys.executable, "-m", "scripts.contract.drift", "--evidence", str(EMULATOR), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("# Drift report")
    assert "## send_sms_campaign" in result.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "scripts.contract.drift", "--evidence", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert missing.returncode == 2 and "holds no recordings" in missing.stderr
