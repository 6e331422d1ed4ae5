"""One function per command. Each reads its arguments from the session, writes its result, and
returns the exit code; a failure is raised (CommandError or ClickSendError) and reported by main.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..api.sms_campaigns import (
    calculate_sms_campaign_price,
    get_sms_campaign,
    send_sms_campaign,
    update_sms_campaign,
)
from ..bulk import CancelInterrupted, CancelOutcome, cancel_sms_campaigns
from ..message import PERSONALISATION_FIELDS, MessageAnalysis, analyze_message
from ..models.sms_campaign import SmsCampaign
from ..models.sms_campaign_price import SmsCampaignPrice
from ..models.sms_campaign_price_request import SmsCampaignPriceRequest
from ..models.sms_campaign_send_request import SmsCampaignSendRequest
from ..models.sms_campaign_update_request import SmsCampaignUpdateRequest
from ..pagination import iter_sms_campaigns
from ..query import search_query
from ..types import UNSET
from ..values import as_unix_seconds
from . import analysis as analysing
from . import render
from .credentials import config_path, save_credentials
from .failures import CommandError, ExitCode
from .session import Session

#: The campaign name a price is asked with when --name is not given (ClickSend requires one).
PRICE_ONLY_NAME = "Price estimate"
#: How many matching campaigns a bulk cancel lists before asking.
PREVIEW = 10


def read_body(args: argparse.Namespace, session: Session, *, positional: str | None = None) -> str | None:
    """The body from --body (or the positional BODY) or --body-file (- for standard input). One
    trailing line break is dropped from a file: editors add it, and it would count two characters."""
    given = [value for value in (positional, getattr(args, "body_file", None)) if value is not None]
    if len(given) > 1:
        raise CommandError("give the body once: as text or with --body-file", hint="not both")
    if not given:
        return None
    if isinstance(given[0], str):
        return given[0]
    path: Path = given[0]
    try:
        text = session.terminal.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CommandError(
            f"cannot read the body from {path}: {reason}", hint="--body-file takes a UTF-8 text file, or - for stdin"
        ) from None
    return text.removesuffix("\n").removesuffix("\r")


def _required_body(args: argparse.Namespace, session: Session) -> str:
    body = read_body(args, session, positional=args.body)
    if body is None:
        raise CommandError("the message is missing", hint="give --body TEXT or --body-file FILE")
    return body


def _list_id(text: str) -> int | str:
    # ClickSend documents an integer; anything else is sent as given (the client warns about it).
    return int(text) if text.strip().isdigit() else text


def _when(schedule: int | None) -> str:
    return "now" if schedule is None else f"at {render.show_time(schedule)}"


def analyze(session: Session) -> ExitCode:
    args, terminal = session.args, session.terminal
    body = _required_body(args, session)
    url = args.url_to_shorten
    whole = analyze_message(body, url_to_shorten=url)
    rewrite = analysing.gsm_rewrite(body, url)
    totals = analysing.Totals()
    recipients: list[dict[str, Any]] = []
    if args.recipients is not None:
        rows = analysing.analyze_recipients(body, analysing.read_recipients(args.recipients), url, totals)
        if not args.json and not args.summary:
            terminal.print(f"{'ROW':<8}{'ENCODING':<10}{'LENGTH':<8}{'PARTS':<7}FORCES UNICODE")
        for row, each in rows:
            if args.json:
                recipients.append({"row": row, **analysing.as_json(each)})
            elif not args.summary:
                forcing = analysing.forcing_unicode(each)
                terminal.print(f"{row:<8}{each.encoding:<10}{each.length:<8}{each.parts:<7}{forcing}")
        _warn_missing_columns(session, body, args.recipients, totals)
    said = analysing.advice(whole, max(totals.most_parts, whole.parts))
    if args.json:
        report: dict[str, Any] = {
            "body": {**analysing.as_json(whole), "has_opt_out": whole.has_opt_out},
            "unicode_characters": [
                {"position": c.position, "character": c.character, "replacement": c.replacement}
                for c in whole.unicode_characters
            ],
            "gsm_rewrite": None if rewrite is None else {"body": rewrite[0], **analysing.as_json(rewrite[1])},
            "warnings": said,
        }
        if args.recipients is not None:
            report["recipients"] = recipients
            report["total"] = totals.as_json()
        terminal.print(json.dumps(report, ensure_ascii=False, indent=2))
        return ExitCode.OK
    _print_analysis(session, whole, rewrite, totals if args.recipients is not None else None)
    for line in said:
        terminal.warning(line)
    return ExitCode.OK


def _warn_missing_columns(session: Session, body: str, path: Path, totals: analysing.Totals) -> None:
    wanted = {name for placeholder, name in PERSONALISATION_FIELDS.items() if placeholder in body}
    missing = sorted(wanted - set(analysing.recipient_columns(path)))
    if missing and totals.recipients:
        session.terminal.warning(f"{path} has no column for {', '.join(missing)}; those placeholders were left empty")


def _print_analysis(
    session: Session,
    whole: MessageAnalysis,
    rewrite: tuple[str, MessageAnalysis] | None,
    totals: analysing.Totals | None,
    *,
    to_stderr: bool = False,
) -> None:
    def say(text: str) -> None:
        session.terminal.print(text, to_stderr=to_stderr)

    placeholders = " (placeholders as written)" if any(p in whole.text for p in PERSONALISATION_FIELDS) else ""
    say(f"Message: {analysing.summary(whole)}{placeholders}")
    if totals is not None:
        say(
            f"Recipients: {totals.recipients}; {totals.gsm} GSM-7, {totals.unicode} Unicode; "
            f"{totals.parts} part(s) in all, at most {totals.most_parts} per message, "
            f"longest {totals.longest} characters"
        )
        for character, count in totals.unicode_from_values.most_common():
            say(f"  {analysing.describe_character(character)}: in the values of {count} recipient(s)")
    characters = whole.unicode_characters
    if characters:
        say("Forces Unicode:")
        for character in dict.fromkeys(c.character for c in characters):  # in order of first use
            # Counted from 1, as a person counts (the JSON keeps the library's index from 0).
            positions = [str(c.position + 1) for c in characters if c.character == character]
            where = f"character{'s' if len(positions) > 1 else ''} {', '.join(positions)}"
            say(f"  {analysing.describe_character(character)} at {where}")
    if rewrite is not None:
        text, analysed = rewrite
        say(f"GSM-7 rewrite ({analysing.summary(analysed)}): {text}")


def _price_request(args: argparse.Namespace, body: str, name: str) -> SmsCampaignPriceRequest:
    request = SmsCampaignPriceRequest(
        list_id=_list_id(args.list_id),
        name=name,
        body=body,
        from_=UNSET if args.sender is None else args.sender,
        schedule=UNSET if args.schedule is None else args.schedule,
    )
    if getattr(args, "url_to_shorten", None):
        # Not among the price request's documented fields; sent so the price counts the link too.
        request.additional_properties["url_to_shorten"] = args.url_to_shorten
    return request


def _price(session: Session, request: SmsCampaignPriceRequest) -> SmsCampaignPrice | None:
    return calculate_sms_campaign_price.sync(client=session.client(), body=request).data


def price(session: Session) -> ExitCode:
    args = session.args
    body = _required_body(args, session)
    priced = _price(session, _price_request(args, body, args.name or PRICE_ONLY_NAME))
    if args.json:
        session.terminal.print(json.dumps(None if priced is None else priced.to_dict(), ensure_ascii=False))
    else:
        session.terminal.print(f"Price: {render.price_line(priced)}")
    return ExitCode.OK


def send(session: Session) -> ExitCode:
    args, terminal = session.args, session.terminal
    body = _required_body(args, session)
    request = SmsCampaignSendRequest(
        list_id=_list_id(args.list_id),
        name=args.name,
        body=body,
        from_=UNSET if args.sender is None else args.sender,
        schedule=UNSET if args.schedule is None else args.schedule,
        url_to_shorten=UNSET if args.url_to_shorten is None else args.url_to_shorten,
    )
    whole = analyze_message(body, url_to_shorten=args.url_to_shorten)
    _print_analysis(session, whole, analysing.gsm_rewrite(body, args.url_to_shorten), None, to_stderr=args.json)
    for line in analysing.advice(whole, whole.parts):
        terminal.warning(line)
    priced = _price(session, _price_request(args, body, args.name))
    terminal.print(f"Price: {render.price_line(priced)}", to_stderr=args.json)
    plan = f"Send {args.name!r} to list {args.list_id} {_when(args.schedule)}"
    if args.dry_run:
        terminal.print(f"Dry run: would {plan[0].lower()}{plan[1:]}; nothing was sent.", to_stderr=args.json)
        if args.json:
            terminal.print(json.dumps({"request": request.to_dict(), "price": priced and priced.to_dict()}))
        return ExitCode.OK
    terminal.confirm(f"{plan}, for {render.price_line(priced)}?", assume_yes=args.yes)
    try:
        answer = send_sms_campaign.sync(client=session.client(), body=request)
    except KeyboardInterrupt:
        raise CommandError(
            "interrupted while sending",
            hint=f"the campaign may have been created; look with `clicksend-campaigns list --name {args.name!r}`",
            code=ExitCode.OUTCOME_UNKNOWN,
        ) from None
    _print_campaign(session, answer.data, "Sent")
    return ExitCode.OK


def _print_campaign(session: Session, campaign: SmsCampaign, verb: str) -> None:
    if session.args.json:
        session.terminal.print(render.campaign_json(campaign))
        return
    shown = render.show_time(campaign.schedule)
    schedule = "" if shown == "-" else f", at {shown}"
    session.terminal.print(
        f"{verb}: campaign {campaign.sms_campaign_id}, {campaign.status or 'status unknown'}{schedule}"
    )


def as_unix_seconds_or_none(value: Any) -> int | None:
    try:
        return as_unix_seconds(value)
    except ValueError:
        return None


def get(session: Session) -> ExitCode:
    campaign = get_sms_campaign.sync(client=session.client(), sms_campaign_id=session.args.sms_campaign_id).data
    if session.args.json:
        session.terminal.print(render.campaign_json(campaign))
    else:
        for line in render.campaign_details(campaign):
            session.terminal.print(line)
    return ExitCode.OK


def update(session: Session) -> ExitCode:
    """Fields not given are sent as ClickSend reports them now (it requires list_id, name and body);
    a schedule still ahead is kept."""
    args, terminal = session.args, session.terminal
    body = read_body(args, session, positional=args.body)
    given = {"list_id": args.list_id, "name": args.name, "body": body, "from": args.sender, "schedule": args.schedule}
    if all(value is None for value in given.values()):
        raise CommandError(
            "nothing to change", hint="give --name, --body, --body-file, --list-id, --from or --schedule"
        )
    current = get_sms_campaign.sync(client=session.client(), sms_campaign_id=args.sms_campaign_id).data
    now_schedule = as_unix_seconds_or_none(current.schedule)
    before = {
        "list_id": current.list_id,
        "name": current.name,
        "body": current.body,
        "from": current.from_ or None,
        "schedule": now_schedule if now_schedule is not None and now_schedule > time.time() else None,
    }
    after: dict[str, Any] = {key: before[key] if value is None else value for key, value in given.items()}
    for field in ("list_id", "name", "body"):
        if after[field] in (None, ""):
            raise CommandError(
                f"ClickSend did not report the campaign's {field}", hint=f"give --{field.replace('_', '-')}"
            )
    request = SmsCampaignUpdateRequest(
        list_id=_list_id(str(after["list_id"])),
        name=after["name"],
        body=after["body"],
        from_=UNSET if after["from"] is None else after["from"],
        schedule=UNSET if after["schedule"] is None else after["schedule"],
    )
    for field, value in given.items():
        if value is not None and str(value) != str(before[field]):
            shown = render.show_time if field == "schedule" else repr
            terminal.print(f"{field}: {shown(before[field])} -> {shown(value)}", to_stderr=args.json)
    if args.dry_run:
        terminal.print("Dry run: would send " + json.dumps(request.to_dict(), ensure_ascii=False), to_stderr=args.json)
        return ExitCode.OK
    answer = update_sms_campaign.sync(client=session.client(), sms_campaign_id=args.sms_campaign_id, body=request)
    _print_campaign(session, answer.data, "Updated")
    return ExitCode.OK


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    conditions = [(field, getattr(args, field)) for field in ("status", "name") if getattr(args, field) is not None]
    conditions += args.search
    try:
        q = search_query(conditions) if conditions else None
    except ValueError as error:  # an undocumented field, or a comma in a value
        raise CommandError(str(error), hint="--search takes FIELD:VALUE; search for a part of a value") from None
    return {"q": q, "operator": args.operator, "order_by": args.order, "date_from": args.since, "date_to": args.until}


def _has_filter(args: argparse.Namespace) -> bool:
    return any(value is not None for value in (args.status, args.name, args.since, args.until)) or bool(args.search)


def list_campaigns(session: Session) -> ExitCode:
    args, terminal = session.args, session.terminal
    with contextlib.closing(iter_sms_campaigns(session.client(), **_filters(args))) as walk:
        campaigns = walk if args.max is None else itertools.islice(walk, args.max)
        if args.json:
            written = render.write_json_lines(terminal.stdout, campaigns)
        elif args.csv:
            written = render.write_csv(terminal.stdout, campaigns)
        else:
            room = terminal.width() - render.TABLE_WIDTH if terminal.out_is_terminal else None
            written = render.write_table(terminal.stdout, campaigns, name_width=room)
    terminal.stdout.flush()
    if not written:
        terminal.print("No campaign matches.", to_stderr=True)
    return ExitCode.OK


def cancel(session: Session) -> ExitCode:
    args, terminal = session.args, session.terminal
    if args.sms_campaign_ids and (_has_filter(args) or args.all):
        raise CommandError(
            "give campaign ids or a filter, not both", hint="ids cancel those campaigns; a filter, what it matches"
        )
    if not args.sms_campaign_ids and not _has_filter(args) and not args.all:
        raise CommandError(
            "say which campaigns to cancel", hint="give their ids, a filter such as --status Scheduled, or --all"
        )
    if args.sms_campaign_ids:
        ids = list(dict.fromkeys(args.sms_campaign_ids))
        chosen = f"{len(ids)} campaign(s)"
        if args.dry_run:
            terminal.print(f"Dry run: would cancel {chosen}: {', '.join(map(str, ids))}")
            return ExitCode.OK
    else:
        ids, already = _matching(session)
        if already:
            terminal.print(f"{already} matching campaign(s) already cancelled, left out.", to_stderr=args.json)
        if not ids:
            nothing = "Nothing left to cancel." if already else "No campaign matches; nothing to cancel."
            terminal.print(nothing, to_stderr=args.json)
            return ExitCode.OK
        chosen = f"{len(ids)} matching campaign(s)"
        if args.dry_run:
            terminal.print(f"Dry run: would cancel {chosen}; nothing was cancelled.", to_stderr=args.json)
            return ExitCode.OK
    terminal.confirm(f"Cancel {chosen}?", assume_yes=args.yes)
    outcomes = _cancel_all(session, ids)
    if len(outcomes) == 1 and outcomes[0].error is not None:
        raise outcomes[0].error  # one campaign: its error, reported as any other
    return _summarise(session, outcomes)


def _matching(session: Session) -> tuple[list[int], int]:
    """The ids of the campaigns the filters match that are not cancelled already, and how many
    were; the first few are shown (all with --dry-run)."""
    args, terminal = session.args, session.terminal
    ids: list[int] = []
    shown: list[SmsCampaign] = []
    already = 0
    with contextlib.closing(iter_sms_campaigns(session.client(), **_filters(args))) as walk:
        for campaign in walk:
            if (campaign.status or "").lower() == "cancelled":
                already += 1  # nothing to do; asking again would only count as done
                continue
            ids.append(campaign.sms_campaign_id)
            if args.dry_run or len(shown) < PREVIEW:
                shown.append(campaign)
    if ids:
        to_stderr = args.json
        on_terminal = terminal.err_is_terminal if to_stderr else terminal.out_is_terminal
        render.write_table(
            terminal.stderr if to_stderr else terminal.stdout,
            shown,
            name_width=terminal.width() - render.TABLE_WIDTH if on_terminal else None,
        )
        if len(ids) > len(shown):
            terminal.print(f"... and {len(ids) - len(shown)} more", to_stderr=to_stderr)
    return ids, already


def _cancel_all(session: Session, ids: list[int]) -> list[CancelOutcome]:
    args, terminal = session.args, session.terminal
    bar = terminal.progress(len(ids), "cancelled")
    try:
        return cancel_sms_campaigns(
            session.client(),
            ids,
            concurrency=args.concurrency,
            on_outcome=lambda outcome: bar.advance(failed=not outcome.cancelled),
        )
    except CancelInterrupted as stop:
        # The cancels in flight were finished before it stopped: what it says is what ClickSend did.
        done = sum(outcome.cancelled for outcome in stop.outcomes)
        raise CommandError(
            f"interrupted: {done} of {len(ids)} campaign(s) cancelled, {len(stop.outcomes) - done} failed, "
            f"{len(stop.not_started)} not tried",
            hint="run the same command again to go on",
            code=ExitCode.INTERRUPTED,
        ) from None
    finally:
        bar.finish()


def _summarise(session: Session, outcomes: list[CancelOutcome]) -> ExitCode:
    terminal, json_lines = session.terminal, session.args.json
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    if json_lines:
        for outcome in outcomes:
            terminal.print(json.dumps(_outcome_json(outcome), ensure_ascii=False))
    terminal.print(f"Cancelled {len(outcomes) - len(failed)} of {len(outcomes)} campaign(s).", to_stderr=json_lines)
    for outcome in failed:
        assert outcome.error is not None
        terminal.print(f"  {outcome.sms_campaign_id}: not cancelled: {outcome.error}", to_stderr=json_lines)
    if not failed:
        return ExitCode.OK
    return ExitCode.FAILED if len(failed) == len(outcomes) else ExitCode.PARTLY_FAILED


def _outcome_json(outcome: CancelOutcome) -> dict[str, Any]:
    if outcome.error is None:
        status = outcome.campaign.status if outcome.campaign is not None else None
        return {"sms_campaign_id": outcome.sms_campaign_id, "cancelled": True, "status": status}
    error = outcome.error
    return {
        "sms_campaign_id": outcome.sms_campaign_id,
        "cancelled": False,
        "error": {
            "type": type(error).__name__,
            "status": error.status,
            "response_code": error.response_code,
            "message": str(error),
        },
    }


def configure(session: Session) -> ExitCode:
    args, terminal = session.args, session.terminal
    path = config_path(session.environ, args.config)
    username = terminal.ask("ClickSend username").strip()
    api_key = terminal.ask("API key (not shown)", secret=True).strip()
    if not username or not api_key:
        raise CommandError(
            "a username and an API key are both needed; nothing was saved",
            hint="find them under API Credentials in ClickSend's dashboard",
        )
    save_credentials(path, args.profile, username, api_key, args.base_url)
    terminal.print(f"Saved profile {args.profile!r} to {path}, readable only by you.")
    return ExitCode.OK


#: Each command, and whether it changes anything at ClickSend (so that a lost answer leaves the outcome unknown).
COMMANDS: Mapping[str, tuple[Callable[[Session], ExitCode], bool]] = {
    "analyze": (analyze, False),
    "price": (price, False),
    "send": (send, True),
    "get": (get, False),
    "update": (update, True),
    "list": (list_campaigns, False),
    "cancel": (cancel, True),
    "configure": (configure, False),
}
