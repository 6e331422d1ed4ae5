"""Each command of `clicksend-campaigns` end to end against the emulator: what it prints, what it
leaves at ClickSend, and its exit code."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from typing import Any

import pytest
from clicksend_emulator import Fault, RunningEmulator
from clicksend_sms_campaigns import ClickSendClient, analyze_message, iter_sms_campaigns
from clicksend_sms_campaigns.api.sms_campaigns import calculate_sms_campaign_price, get_sms_campaign
from clicksend_sms_campaigns.models import SmsCampaignPriceRequest

from tests.cli.conftest import Run

LIST_ID = "428"
BODY = "Hi (First Name), spring sale today. Reply STOP to opt out"


def _tomorrow(hours: int = 0) -> int:
    return int(time.time()) + 86400 + 3600 * hours


def _campaigns(client: ClickSendClient) -> list[Any]:
    return list(iter_sms_campaigns(client))


def _send(cli: Run, name: str, *extra: str) -> int:
    ran = cli("send", "--list-id", LIST_ID, "--name", name, "--body", BODY, "--yes", "--json", *extra)
    assert ran.code == 0, ran.err
    return int(json.loads(ran.out)["sms_campaign_id"])


# analyze


def test_analyze_counts_as_the_library_does_and_suggests_a_gsm_rewrite(cli: Run) -> None:
    body = "Big “deals” today — reply STOP"
    expected = analyze_message(body)
    ran = cli("analyze", body, environ={})  # no credentials: analyze never talks to ClickSend
    assert ran.code == 0, ran.err
    assert f"Message: Unicode, {expected.length} characters, {expected.parts} part(s)" in ran.out
    # Positions counted from 1, as a person counts: "Big " comes before the first quotation mark.
    assert "'“' (LEFT DOUBLE QUOTATION MARK, U+201C) -> '\"' at character 5\n" in ran.out
    assert "'—' (EM DASH, U+2014) -> '-' at character 19\n" in ran.out
    assert 'GSM-7 rewrite (GSM-7, 30 characters, 1 part(s)): Big "deals" today - reply STOP' in ran.out
    twice = cli("analyze", "“a” “b”", environ={})
    assert "'“' (LEFT DOUBLE QUOTATION MARK, U+201C) -> '\"' at characters 1, 5\n" in twice.out


def test_analyze_with_a_recipient_csv_reports_each_row_and_the_total_and_never_shows_phone_numbers(
    cli: Run, tmp_path: Any
) -> None:
    people = tmp_path / "people.csv"
    # Written as a spreadsheet saves it: a byte order mark, headers as the placeholders spell them.
    people.write_text("\ufeffPhone,First Name,Cust. 1\n+61411111111,Zoë,x\n+61411111112,Bob,y\n\n", encoding="utf-8")
    ran = cli("analyze", "Hi (First Name) (Cust. 1), reply STOP", "--recipients", str(people), environ={})
    assert ran.code == 0, ran.err
    rows = [line.split() for line in ran.out.splitlines()[1:3]]
    zoe = analyze_message("Hi (First Name) (Cust. 1), reply STOP", recipient={"first_name": "Zoë", "custom_1": "x"})
    assert rows[0] == ["2", "Unicode", str(zoe.length), "1", "ë"]
    assert rows[1][:2] == ["3", "GSM-7"]
    assert "Recipients: 2; 1 GSM-7, 1 Unicode; 2 part(s) in all" in ran.out
    assert "'ë' (LATIN SMALL LETTER E WITH DIAERESIS, U+00EB), no GSM-7 look-alike: in the values of 1" in ran.out
    assert "+6141111111" not in ran.out + ran.err


def test_analyze_json_summary_and_warnings(cli: Run, tmp_path: Any) -> None:
    people = tmp_path / "people.csv"
    people.write_text("phone\n+61411111111\n", encoding="utf-8")
    ran = cli("analyze", "Hi (First Name) " + "x" * 200, "--recipients", str(people), "--json", environ={})
    report = json.loads(ran.out)
    assert report["body"]["parts"] == 2 and report["body"]["has_opt_out"] is False
    assert report["recipients"] == [
        {"row": 2, "encoding": "GSM-7", "length": 204, "parts": 2, "unicode_characters": ""}
    ]
    assert report["total"]["recipients"] == 1 and report["gsm_rewrite"] is None
    assert any("no opt-out" in warning for warning in report["warnings"])
    summary = cli("analyze", "Hi (First Name)", "--recipients", str(people), "--summary", environ={})
    assert "ROW" not in summary.out and "Recipients: 1" in summary.out
    assert "has no column for first_name" in summary.err and "warning: no opt-out" in summary.err


def test_analyze_reads_the_body_from_a_file_without_its_final_line_break(cli: Run, tmp_path: Any) -> None:
    body_file = tmp_path / "body.txt"
    body_file.write_text("x" * 160 + "\n", encoding="utf-8")
    ran = cli("analyze", "--body-file", str(body_file), environ={})
    assert "GSM-7, 160 characters, 1 part(s)" in ran.out, "the editor's newline would make it 162 and 2 parts"
    piped = cli("analyze", "--body-file", "-", stdin="hello\n", environ={})
    assert "GSM-7, 5 characters" in piped.out


# price and send


def test_price_says_what_the_library_says(cli: Run, clicksend_client: ClickSendClient) -> None:
    expected = calculate_sms_campaign_price.sync(
        client=clicksend_client, body=SmsCampaignPriceRequest(list_id=428, name="Price estimate", body=BODY)
    ).data
    assert expected is not None and expected.currency is not None
    ran = cli("price", "--list-id", LIST_ID, "--body", BODY)
    assert ran.code == 0, ran.err
    currency = expected.currency.currency_name_short
    assert ran.out == f"Price: {expected.total_count} recipient(s), {expected.total_price} {currency}\n"
    as_json = json.loads(cli("price", "--list-id", LIST_ID, "--body", BODY, "--json").out)
    assert as_json == expected.to_dict()


def test_send_without_a_terminal_or_yes_sends_nothing(cli: Run, clicksend_client: ClickSendClient) -> None:
    ran = cli("send", "--list-id", LIST_ID, "--name", "Spring", "--body", BODY)
    assert ran.code == 2 and "pass --yes" in ran.err
    dry = cli("send", "--list-id", LIST_ID, "--name", "Spring", "--body", BODY, "--dry-run")
    assert dry.code == 0 and "nothing was sent" in dry.out and "Price: 8 recipient(s)" in dry.out
    assert _campaigns(clicksend_client) == []


def test_send_asks_with_the_price_and_sends_only_on_yes(cli: Run, clicksend_client: ClickSendClient) -> None:
    schedule = _tomorrow()
    args = ("send", "--list-id", LIST_ID, "--name", "Spring", "--body", BODY, "--schedule", str(schedule))
    declined = cli(*args, stdin="n\n", tty=True)
    assert declined.code == 5 and _campaigns(clicksend_client) == []
    assert "Send 'Spring' to list 428 at " in declined.err and "for 8 recipient(s), " in declined.err
    accepted = cli(*args, stdin="y\n", tty=True)
    assert accepted.code == 0, accepted.err
    [campaign] = _campaigns(clicksend_client)
    assert accepted.out.splitlines()[-1].startswith(f"Sent: campaign {campaign.sms_campaign_id}, Scheduled, at ")
    assert (campaign.name, campaign.body, campaign.schedule, campaign.list_id) == ("Spring", BODY, schedule, 428)


def test_send_sends_every_field_given(cli: Run, clicksend_client: ClickSendClient) -> None:
    schedule = _tomorrow()
    # An ISO time with its offset, as a person in any time zone might type it.
    iso = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(schedule))
    url = "https://example.com/spring"
    campaign_id = _send(cli, "All fields", "--from", "+61411111111", "--schedule", iso, "--url-to-shorten", url)
    campaign = get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data
    assert (campaign.from_, campaign.schedule, campaign.url_to_shorten) == (
        "+61411111111",
        schedule,
        "https://example.com/spring",
    )


def test_a_send_without_an_answer_says_the_campaign_may_exist(cli: Run, clicksend_emulator: RunningEmulator) -> None:
    clicksend_emulator.emulator.faults.add(Fault("drop", operation="send_sms_campaign", count=1))
    ran = cli("send", "--list-id", LIST_ID, "--name", "Lost", "--body", BODY, "--yes")
    assert ran.code == 6
    [line] = ran.error_lines
    assert "may have been made" in line and "clicksend-campaigns list --name NAME" in line


def test_the_client_s_warnings_are_warning_lines_each_said_once(cli: Run) -> None:
    ran = cli("send", "--list-id", LIST_ID, "--name", "Past", "--body", BODY, "--schedule", "1000000000", "--yes")
    assert ran.code == 0, ran.err
    # The price and the send check the same schedule: one warning, not two.
    assert [line for line in ran.err.splitlines() if "1000000000" in line] == [
        "warning: schedule: 1000000000 (2001-09-09T01:46Z) is in the past; "
        "ClickSend echoes a past schedule and sends the campaign at once"
    ]
    typed = cli("send", "--list-id", LIST_ID, "--name", "Past", "--body", BODY, "--schedule", "2020-01-01T00:00+00:00")
    assert (
        "warning: schedule: 1577836800 (2020-01-01T00:00Z) is in the past; ClickSend echoes a past schedule "
        in typed.err
    )
    assert "at once (--schedule 2020-01-01T00:00+00:00)" in typed.err, "the warning quotes what was typed"


def test_send_with_a_past_schedule_asks_to_send_now(cli: Run, clicksend_client: ClickSendClient) -> None:
    late = ("send", "--list-id", LIST_ID, "--name", "Late", "--body", BODY, "--schedule", "2020-01-01")
    ran = cli(*late, stdin="n\n", tty=True)
    assert ran.code == 5 and _campaigns(clicksend_client) == []
    assert "Send 'Late' to list 428 now (its schedule, 2020-01-01 00:00" in ran.err
    assert "has passed), for 8 recipient(s)" in ran.err
    soon = cli("send", "--list-id", LIST_ID, "--name", "Soon", "--body", BODY, "--schedule", "now", "--dry-run")
    assert soon.code == 0 and "Dry run: would send 'Soon' to list 428 now; nothing was sent." in soon.out
    sent = cli("send", "--list-id", LIST_ID, "--name", "Now", "--body", BODY, "--schedule", "now", "--yes")
    assert sent.code == 0 and ", Queued" in sent.out, "`now` sends no schedule: ClickSend sends at once"


# get, update, list


def test_get_shows_every_field_and_json_keeps_clicksend_s_names(cli: Run, clicksend_client: ClickSendClient) -> None:
    campaign_id = _send(cli, "Shown")
    ran = cli("get", str(campaign_id))
    assert (
        ran.code == 0 and f"sms_campaign_id:  {campaign_id}\n" in ran.out and "list_name:        Customers" in ran.out
    )
    wire = get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data.to_dict()
    assert json.loads(cli("get", str(campaign_id), "--json").out) == wire


def test_a_missing_campaign_is_one_line_with_a_hint_and_exit_1(cli: Run) -> None:
    ran = cli("get", "99999")
    assert ran.code == 1 and ran.out == ""
    assert ran.err.splitlines() == [
        "error: GET /v3/sms-campaigns/99999 failed with HTTP 404 (NOT_FOUND: The SMS campaign was not found.) "
        "(hint: check the id; a campaign or contact list of another account is not found either)"
    ]
    detailed = cli("get", "99999", "-v")  # the common options go before the command or after it
    assert "  type: clicksend_sms_campaigns._core.exceptions.NotFoundError" in detailed.err
    assert "  status: 404" in detailed.err and "Traceback (most recent call last):" in detailed.err


def test_update_changes_only_what_is_given(cli: Run, clicksend_client: ClickSendClient) -> None:
    schedule = _tomorrow()
    campaign_id = _send(cli, "Before", "--schedule", str(schedule))
    dry = cli("update", str(campaign_id), "--name", "After", "--dry-run")
    assert dry.code == 0 and "name: 'Before' -> 'After'" in dry.out
    assert get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data.name == "Before"
    ran = cli("update", str(campaign_id), "--name", "After")
    assert ran.code == 0 and ran.out.endswith(
        f"Updated: campaign {campaign_id}, Scheduled, at " + ran.out.split(" at ")[-1]
    )
    campaign = get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data
    assert (campaign.name, campaign.body, campaign.list_id, campaign.schedule) == ("After", BODY, 428, schedule)
    assert cli("update", str(campaign_id)).code == 2, "nothing to change"


def test_an_update_that_would_send_now_asks_and_declined_changes_nothing(
    cli: Run, clicksend_client: ClickSendClient
) -> None:
    schedule = _tomorrow()
    campaign_id = _send(cli, "Spring sale", "--schedule", str(schedule))
    mistyped = ("update", str(campaign_id), "--schedule", "2020-01-01")
    piped = cli(*mistyped)
    assert piped.code == 2 and "cannot ask for confirmation: not a terminal" in piped.err
    declined = cli(*mistyped, stdin="n\n", tty=True)
    assert declined.code == 5, declined.err
    question = next(line for line in declined.err.splitlines() if "[y/N]" in line)
    assert (
        f"Update campaign {campaign_id} 'Spring sale': it would be sent now (its schedule, 2020-01-01 00:00" in question
    )
    assert "schedule: " in declined.out and " -> 2020-01-01 00:00" in declined.out, "old and new schedule shown"
    campaign = get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data
    assert (campaign.schedule, campaign.status) == (schedule, "Scheduled"), "declined: nothing changed"
    moved = cli("update", str(campaign_id), "--list-id", "2000", stdin="n\n", tty=True)
    assert moved.code == 5 and "it would go to list 2000 instead of list 428" in moved.err
    assert get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data.list_id == 428
    accepted = cli(*mistyped, "--yes")
    assert accepted.code == 0 and f"Updated: campaign {campaign_id}, Queued" in accepted.out


def test_an_update_keeps_a_schedule_that_has_passed_and_says_the_campaign_goes_now(
    cli: Run, clicksend_client: ClickSendClient
) -> None:
    campaign_id = _send(cli, "Due", "--schedule", "1000000000")  # Queued: due now
    ran = cli("update", str(campaign_id), "--name", "Due (renamed)", stdin="n\n", tty=True)
    assert ran.code == 5 and "it would be sent now (its schedule, 2001-09-09" in ran.err
    assert "schedule: 2001-09-09" in ran.out and "(kept)" in ran.out


def test_an_update_of_a_cancelled_campaign_is_refused_before_anything_is_sent(
    cli: Run, clicksend_client: ClickSendClient
) -> None:
    campaign_id = _send(cli, "Stopped", "--schedule", str(_tomorrow()))
    assert cli("cancel", str(campaign_id), "--yes").code == 0
    ran = cli("update", str(campaign_id), "--name", "Back", "--yes")
    assert ran.code == 2 and f"campaign {campaign_id} is Cancelled" in ran.err and "--no-checks" in ran.err
    assert get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=campaign_id).data.name == "Stopped"


def test_an_update_without_a_schedule_to_keep_asks(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    campaign_id = _send(cli, "No schedule", "--schedule", str(_tomorrow()))
    record = clicksend_emulator.emulator.store._records[campaign_id]
    record["schedule"] = ""  # as if ClickSend answered without a readable schedule
    ran = cli("update", str(campaign_id), "--name", "Renamed", stdin="n\n", tty=True)
    assert ran.code == 5 and "ClickSend reports no schedule for it to keep, so it would be sent now" in ran.err
    assert "schedule: not reported -> " in ran.out


def test_list_as_a_table_json_lines_and_csv_with_filters(cli: Run, clicksend_client: ClickSendClient) -> None:
    first = _send(cli, "Alpha", "--schedule", str(_tomorrow(1)))
    second = _send(cli, "Beta", "--schedule", str(_tomorrow(2)))
    cli("cancel", str(first), "--yes")
    table = cli("list", "--order", "schedule:desc")
    assert table.code == 0
    assert [line.split()[0] for line in table.out.splitlines()] == ["ID", str(second), str(first)]
    assert table.out.splitlines()[2].split()[1] == "Cancelled"
    lines = [json.loads(line) for line in cli("list", "--status", "Scheduled", "--json").out.splitlines()]
    assert lines == [get_sms_campaign.sync(client=clicksend_client, sms_campaign_id=second).data.to_dict()]
    rows = list(csv.DictReader(io.StringIO(cli("list", "--name", "Alpha", "--csv").out)))
    assert [(row["sms_campaign_id"], row["name"], row["status"]) for row in rows] == [
        (str(first), "Alpha", "Cancelled")
    ]
    assert len(cli("list", "--max", "1", "--json").out.splitlines()) == 1
    assert len(cli("list", "--until", "2000-01-01", "--json").out.splitlines()) == 0
    nothing = cli("list", "--status", "Sent")
    assert nothing.code == 0 and nothing.err == "No campaign matches.\n"


# cancel


def test_cancel_by_filter_lists_them_asks_how_many_and_shows_a_bar_on_a_terminal(
    cli: Run, clicksend_client: ClickSendClient
) -> None:
    ids = [_send(cli, f"Batch {n}", "--schedule", str(_tomorrow(n))) for n in range(1, 4)]
    keep = _send(cli, "Keep")
    dry = cli("cancel", "--name", "Batch", "--dry-run")
    assert dry.code == 0 and "would cancel 3 matching campaign(s)" in dry.out
    assert {int(line.split()[0]) for line in dry.out.splitlines()[1:4]} == set(ids)
    ran = cli("cancel", "--name", "Batch", stdin="y\n", tty=True)
    assert ran.code == 0, ran.err
    assert "\x1b[1mCancel 3 matching campaign(s)?\x1b[0m [y/N]" in ran.err
    assert "\r[" in ran.err and "3/3  cancelled 3, failed 0" in ran.err
    assert "Cancelled 3 of 3 campaign(s)." in ran.out
    statuses = {c.sms_campaign_id: c.status for c in _campaigns(clicksend_client)}
    assert statuses == {**dict.fromkeys(ids, "Cancelled"), keep: statuses[keep]} and statuses[keep] != "Cancelled"
    again = cli("cancel", "--name", "Batch", "--yes")
    assert (again.code, again.out) == (
        0,
        "3 matching campaign(s) already cancelled, left out.\nNothing left to cancel.\n",
    )


def test_a_bulk_cancel_with_a_failure_in_the_middle_says_which_and_exits_3(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    ids = [_send(cli, f"Mixed {n}", "--schedule", str(_tomorrow(n))) for n in range(1, 6)]
    ran = cli("cancel", str(ids[0]), str(ids[1]), "99999", str(ids[2]), "--yes", "--concurrency", "2")
    assert ran.code == 3
    assert "\r[" not in ran.err, "no bar when standard error is not a terminal"
    assert ran.out.splitlines()[0] == "Cancelled 3 of 4 campaign(s)."
    assert ran.out.splitlines()[1].startswith(
        "  99999: not cancelled: GET /v3/sms-campaigns/99999 failed with HTTP 404"
    ), "each campaign is read first: this one is not found"
    as_json = [json.loads(line) for line in cli("cancel", str(ids[3]), "99998", "--yes", "--json").out.splitlines()]
    assert as_json[0] == {"sms_campaign_id": ids[3], "cancelled": True, "status": "Cancelled"}
    assert as_json[1]["cancelled"] is False and as_json[1]["error"]["type"] == "NotFoundError"
    assert cli("cancel", "99997", "99996", "--yes").code == 1, "nothing cancelled at all"
    single = cli("cancel", "99995", "--yes")
    assert single.code == 1 and len(single.error_lines) == 1
    statuses = {c.sms_campaign_id: c.status for c in _campaigns(clicksend_client)}
    assert [statuses[i] for i in ids] == ["Cancelled"] * 4 + ["Scheduled"]


def test_cancel_leaves_out_what_no_cancel_can_stop_and_says_how_many_of_each(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    sent = _send(cli, "Gone")  # no schedule: sent at once
    clicksend_emulator.emulator.clock.advance(60)
    cancelled = _send(cli, "Stopped", "--schedule", str(_tomorrow()))
    assert cli("cancel", str(cancelled), "--yes").code == 0
    waiting = [_send(cli, f"Waiting {n}", "--schedule", str(_tomorrow(n))) for n in (1, 2)]
    ran = cli("cancel", "--all", "--yes")
    assert ran.code == 0, ran.err
    assert ran.out.splitlines() == [
        "1 matching campaign(s) already cancelled, left out.",
        "1 matching campaign(s) already sent, left out.",
        "Cancelled 2 of 2 campaign(s).",
        "Listed again: no matching campaign is left to cancel.",
    ]
    statuses = {c.sms_campaign_id: c.status for c in _campaigns(clicksend_client)}
    assert statuses == {sent: "Sent", cancelled: "Cancelled", **dict.fromkeys(waiting, "Cancelled")}
    by_id = cli("cancel", str(sent), "--yes")
    assert by_id.code == 1 and by_id.out.splitlines() == [
        "Cancelled 0 of 1 campaign(s).",
        f"  {sent}: not cancelled: it is Sent, which no cancel can stop",
    ]


def test_cancelling_a_campaign_twice_says_it_was_already_cancelled(cli: Run) -> None:
    campaign_id = _send(cli, "Twice", "--schedule", str(_tomorrow()))
    assert cli("cancel", str(campaign_id), "--yes").out == "Cancelled 1 of 1 campaign(s).\n"
    again = cli("cancel", str(campaign_id), "--yes")
    assert (again.code, again.out) == (0, "1 campaign(s) already cancelled, left out.\nNothing left to cancel.\n")
    as_json = cli("cancel", str(campaign_id), "--yes", "--json")
    assert json.loads(as_json.out) == {
        "sms_campaign_id": campaign_id, "cancelled": False, "status": "Cancelled", "left_out": True,
    }  # fmt: skip


def test_the_question_for_one_campaign_names_it(cli: Run) -> None:
    campaign_id = _send(cli, "Named", "--schedule", str(_tomorrow()))
    ran = cli("cancel", str(campaign_id), stdin="n\n", tty=True)
    assert ran.code == 5
    assert f"Cancel campaign {campaign_id} 'Named' (Scheduled for " in ran.err
    assert ", list 428 'Customers', 8 recipient(s))?" in ran.err


def test_a_cancel_by_filter_lists_again_and_reports_what_still_matches(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    ids = [_send(cli, f"Again {n}", "--schedule", str(_tomorrow(n))) for n in (1, 2, 3)]
    clicksend_emulator.emulator.faults.add(Fault("server_error", operation="cancel_sms_campaign", count=1))
    ran = cli("cancel", "--name", "Again", "--yes", "--retries", "0", "--concurrency", "1")
    assert ran.code == 6, ran.err
    lines = ran.out.splitlines()
    assert lines[0] == "Cancelled 2 of 3 campaign(s)."
    assert lines[1].startswith(f"  {ids[0]}: no answer, it may have been cancelled (cancelling again is safe): ")
    assert lines[2] == f"Listed again: 1 matching campaign(s) are still not cancelled: {ids[0]}."
    rerun = cli("cancel", "--name", "Again", "--yes")
    assert rerun.code == 0 and "Listed again: no matching campaign is left to cancel." in rerun.out


def test_when_the_second_look_fails_what_was_cancelled_is_still_said(
    cli: Run, clicksend_client: ClickSendClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clicksend_sms_campaigns import ServerError
    from clicksend_sms_campaigns._core.cli import commands

    ids = [_send(cli, f"Looked {n}", "--schedule", str(_tomorrow(n))) for n in (1, 2)]
    walks = []
    first_walk = commands.find_cancellable_sms_campaigns  # type: ignore[attr-defined]

    def failing_the_second(*args: Any, **kwargs: Any) -> Any:
        walks.append(1)
        if len(walks) == 2:
            raise ServerError("GET /v3/sms-campaigns failed with HTTP 500", status=500)
        return first_walk(*args, **kwargs)

    monkeypatch.setattr(commands, "find_cancellable_sms_campaigns", failing_the_second)
    ran = cli("cancel", "--name", "Looked", "--yes")
    assert ran.code == 1 and ran.out == "Cancelled 2 of 2 campaign(s).\n", ran
    assert "HTTP 500" in ran.error_lines[0] and "nothing was changed" not in ran.err
    assert {c.sms_campaign_id: c.status for c in _campaigns(clicksend_client)} == dict.fromkeys(ids, "Cancelled")


@pytest.mark.parametrize(
    ("argv", "operation", "code"),
    [
        (["send", "--list-id", LIST_ID, "--name", "F", "--body", BODY, "--yes"], "calculate_sms_campaign_price", 1),
        (["send", "--list-id", LIST_ID, "--name", "F", "--body", BODY, "--yes"], "send_sms_campaign", 6),
        (["update", "{id}", "--name", "F"], "get_sms_campaign", 1),
        (["update", "{id}", "--name", "F"], "update_sms_campaign", 6),
        (["cancel", "{id}", "--yes"], "get_sms_campaign", 1),
        (["cancel", "--all", "--yes"], "list_sms_campaigns", 1),
        (["cancel", "{id}", "--yes"], "cancel_sms_campaign", 6),
    ],
    ids=["send: price", "send: write", "update: read", "update: write", "cancel: read", "cancel: walk",
         "cancel: write"],
)  # fmt: skip
def test_exit_6_only_when_a_write_may_have_reached_clicksend(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator, argv: list[str], operation: str,
    code: int,
) -> None:  # fmt: skip
    campaign_id = _send(cli, "Target", "--schedule", str(_tomorrow()))
    before = {c.sms_campaign_id: (c.name, c.status) for c in _campaigns(clicksend_client)}
    clicksend_emulator.emulator.faults.add(Fault("drop", operation=operation, count=1))
    ran = cli(*(arg.replace("{id}", str(campaign_id)) for arg in argv), "--retries", "0")
    assert ran.code == code, ran.err
    if code == 6:
        assert "may have" in ran.out + ran.err
    else:
        [line] = ran.error_lines
        assert "(hint: nothing was changed; " in line, line
        assert {c.sms_campaign_id: (c.name, c.status) for c in _campaigns(clicksend_client)} == before


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["cancel"], "say which campaigns to cancel"),
        (["cancel", "7", "--status", "Scheduled"], "give campaign ids or a filter, not both"),
        (["cancel", "seven"], "'seven' is not a campaign id"),
        (["send", "--list-id", "428", "--name", "x", "--body", "y", "--schedule", "soon"], "'soon' is not a time"),
        (["list", "--order", "colour"], "'colour' is not a sort field"),
        (["list", "--search", "colour"], "'colour' is not FIELD:VALUE"),
        (["list", "--search", "colour:red"], "'colour' is not a search field ClickSend documents"),
        (["list", "--status", "a,b"], "cannot contain a comma, which separates conditions"),
        (["cancel", "--search", "name:a,b"], "cannot contain a comma, which separates conditions"),
        (["cancel", "--all", "--order", "schedule:desc"], "--order does not apply to cancel"),
        (["send", "--list-id", "428", "--name", "x"], "the message is missing"),
        (["send", "--list-id", "428", "--name", "x", "--body", " "], "refused before sending: body"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_sends_nothing(
    cli: Run, clicksend_client: ClickSendClient, argv: list[str], said: str
) -> None:
    ran = cli(*argv, "--yes") if argv[0] in ("cancel", "send") and "seven" not in argv else cli(*argv)
    assert ran.code == 2, ran
    assert [line for line in ran.err.splitlines() if not line.startswith("warning: ")] == ran.error_lines
    assert len(ran.error_lines) == 1 and said in ran.error_lines[0] and "(hint: " in ran.error_lines[0]
    assert _campaigns(clicksend_client) == []


def test_colour_only_on_a_terminal_and_never_with_no_color(cli: Run, signed_in: dict[str, str]) -> None:
    on_terminal = cli("get", "99999", tty=True)
    assert on_terminal.err.startswith("\x1b[31merror:\x1b[0m GET /v3/sms-campaigns/99999")
    assert not re.search("\x1b", cli("get", "99999").err)
    assert not re.search("\x1b", cli("get", "99999", tty=True, environ={**signed_in, "NO_COLOR": "1"}).err)


def test_timeout_and_retries_apply_to_every_request(cli: Run, clicksend_emulator: RunningEmulator) -> None:
    faults = clicksend_emulator.emulator.faults
    faults.add(Fault("server_error", operation="list_sms_campaigns", count=1))
    once = cli("list", "--retries", "0")
    assert once.code == 1 and "HTTP 500" in once.err
    faults.add(Fault("server_error", operation="list_sms_campaigns", count=1))
    assert cli("list").code == 0, "the default retries ride out one 500"
    faults.add(Fault("latency", operation="get_sms_campaign", count=1, seconds=1.0))
    slow = cli("get", "1", "--timeout", "0.2", "--retries", "0")
    assert (
        slow.code == 1
        and "no answer (ReadTimeout: timed out)" in slow.err
        and "(hint: reading is safe to repeat" in slow.err
    )
    assert cli("get", "1", "--timeout", "0").code == 2


def test_list_and_bulk_cancel_ride_out_a_storm_of_429s(
    cli: Run, clicksend_client: ClickSendClient, clicksend_emulator: RunningEmulator
) -> None:
    ids = [_send(cli, f"Storm {n}", "--schedule", str(_tomorrow(n))) for n in range(1, 13)]
    # A third of all requests refused with Retry-After: 0, even with no retries of the client's own.
    clicksend_emulator.emulator.faults.add(Fault("rate_limit", probability=0.34, seconds=0))
    listed = cli("list", "--name", "Storm", "--json", "--retries", "0")
    assert listed.code == 0, listed.err
    assert sorted(json.loads(line)["sms_campaign_id"] for line in listed.out.splitlines()) == ids
    ran = cli("cancel", *map(str, ids), "--yes", "--retries", "0", "--concurrency", "4")
    assert ran.code == 0, ran.err
    assert ran.out == "Cancelled 12 of 12 campaign(s).\n"
    clicksend_emulator.emulator.faults.clear()
    assert {c.sms_campaign_id: c.status for c in _campaigns(clicksend_client)} == dict.fromkeys(ids, "Cancelled")
