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

from ...models.sms_campaign import SmsCampaign
from ...models.sms_campaign_envelope import SmsCampaignEnvelope
from ...models.sms_campaign_price import SmsCampaignPrice
from ...models.sms_campaign_price_request import SmsCampaignPriceRequest
from ...models.sms_campaign_send_request import SmsCampaignSendRequest
from ...types import UNSET
from ..bulk import (
    CampaignOutcome,
    CancelInterrupted,
    CancelOutcome,
    CancelSelection,
    cancel_sms_campaigns,
    find_cancellable_sms_campaigns,
    get_sms_campaigns,
    select_for_cancel,
)
from ..editing import KEEP_SCHEDULE, SEND_NOW, CampaignChanges, Schedule, kept_schedule, plan_edit
from ..message import PERSONALISATION_FIELDS, MessageAnalysis, analyze_message
from ..operations import endpoint
from ..pagination import iter_sms_campaigns
from ..query import search_query
from . import analysis as analysing
from . import inputs, render
from .credentials import config_path, save_credentials
from .failures import CommandError, ExitCode, may_have_happened
from .session import Session

_PRICE, _SEND = endpoint("calculate_sms_campaign_price"), endpoint("send_sms_campaign")
_GET, _UPDATE = endpoint("get_sms_campaign"), endpoint("update_sms_campaign")
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
    hint = "--body-file takes a UTF-8 text file, or - for stdin"
    if str(path) == "-":
        text = inputs.read_stdin(session.terminal.stdin, what="the body on standard input", hint=hint,
                                 limit=inputs.MAX_BODY_BYTES)  # fmt: skip
    else:
        text = inputs.read_text_file(path, what="the body file", hint=hint, limit=inputs.MAX_BODY_BYTES)
    return text.removesuffix("\n").removesuffix("\r")


def _required_body(args: argparse.Namespace, session: Session) -> str:
    body = read_body(args, session, positional=args.body)
    if body is None:
        raise CommandError("the message is missing", hint="give --body TEXT or --body-file FILE")
    return body


def _list_id(text: str) -> int | str:
    # ClickSend documents an integer; anything else is sent as given (the client warns about it).
    return int(text) if text.strip().isdigit() else text


#: A schedule this close (or passed) means the campaign goes out at once: the prompt says "now".
IMMINENT_SECONDS = 60


def _given_schedule(args: argparse.Namespace) -> int | None:
    """--schedule as the request carries it: None for none (`now`, or not given)."""
    return None if args.schedule is None or args.schedule is SEND_NOW else int(args.schedule)


def _when(schedule: int | None) -> str:
    """When a campaign with this schedule goes out, as the prompts say it."""
    if schedule is None:
        return "now"
    if schedule <= time.time() + IMMINENT_SECONDS:
        past = "has passed" if schedule < time.time() else "is within a minute"
        return f"now (its schedule, {_shown_schedule(schedule)}, {past})"
    return f"at {render.show_time(schedule)}"


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
    schedule = _given_schedule(args)
    request = SmsCampaignPriceRequest(
        list_id=_list_id(args.list_id),
        name=name,
        body=body,
        from_=UNSET if args.sender is None else args.sender,
        schedule=UNSET if schedule is None else schedule,
    )
    if getattr(args, "url_to_shorten", None):
        # Not among the price request's documented fields; sent so the price counts the link too.
        request.additional_properties["url_to_shorten"] = args.url_to_shorten
    return request


def _price(session: Session, request: SmsCampaignPriceRequest) -> SmsCampaignPrice | None:
    priced: SmsCampaignPrice | None = _PRICE.sync(client=session.client(), body=request).data
    return priced


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
    schedule = _given_schedule(args)
    request = SmsCampaignSendRequest(
        list_id=_list_id(args.list_id),
        name=args.name,
        body=body,
        from_=UNSET if args.sender is None else args.sender,
        schedule=UNSET if schedule is None else schedule,
        url_to_shorten=UNSET if args.url_to_shorten is None else args.url_to_shorten,
    )
    whole = analyze_message(body, url_to_shorten=args.url_to_shorten)
    _print_analysis(session, whole, analysing.gsm_rewrite(body, args.url_to_shorten), None, to_stderr=args.json)
    for line in analysing.advice(whole, whole.parts):
        terminal.warning(line)
    priced = _price(session, _price_request(args, body, args.name))
    terminal.print(f"Price: {render.price_line(priced)}", to_stderr=args.json)
    plan = f"Send {args.name!r} to list {args.list_id} {_when(schedule)}"
    if args.dry_run:
        terminal.print(f"Dry run: would {plan[0].lower()}{plan[1:]}; nothing was sent.", to_stderr=args.json)
        if args.json:
            terminal.print(json.dumps({"request": request.to_dict(), "price": priced and priced.to_dict()}))
        return ExitCode.OK
    terminal.confirm(f"{plan}, for {render.price_line(priced)}?", assume_yes=args.yes)
    try:
        with session.write():
            answer = _SEND.sync(client=session.client(), body=request)
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


def get(session: Session) -> ExitCode:
    campaign: SmsCampaign = _GET.sync(client=session.client(), sms_campaign_id=session.args.sms_campaign_id).data
    if session.args.json:
        session.terminal.print(render.campaign_json(campaign))
    else:
        for line in render.campaign_details(campaign):
            session.terminal.print(line)
    return ExitCode.OK


def update(session: Session) -> ExitCode:
    """CampaignChanges what is given and keeps the rest as ClickSend has it, the schedule included
    (editing.plan_edit); asks first when the campaign would be sent within a minute (a schedule
    that has passed, `now`, or none to keep) or go to another list."""
    args, terminal = session.args, session.terminal
    body = read_body(args, session, positional=args.body)
    given = {"list_id": args.list_id, "name": args.name, "body": body, "from": args.sender, "schedule": args.schedule}
    if all(value is None for value in given.values()):
        raise CommandError(
            "nothing to change", hint="give --name, --body, --body-file, --list-id, --from or --schedule"
        )
    current: SmsCampaign = _GET.sync(client=session.client(), sms_campaign_id=args.sms_campaign_id).data
    schedule: int | Schedule = KEEP_SCHEDULE if args.schedule is None else args.schedule
    no_schedule_to_keep = schedule is KEEP_SCHEDULE and kept_schedule(current) is None
    changes: CampaignChanges = {"schedule": SEND_NOW if no_schedule_to_keep else schedule}
    if args.list_id is not None:
        changes["list_id"] = _list_id(args.list_id)
    if args.name is not None:
        changes["name"] = args.name
    if body is not None:
        changes["body"] = body
    if args.sender is not None:
        changes["from_"] = args.sender
    edit = plan_edit(current, checks=not args.no_checks, **changes)
    before = {"list_id": current.list_id, "name": current.name, "body": current.body, "from": current.from_ or None}
    after = edit.request.to_dict()
    for field in ("list_id", "name", "body", "from"):
        if given[field] is not None and str(after.get(field)) != str(before[field]):
            terminal.print(f"{field}: {before[field]!r} -> {after.get(field)!r}", to_stderr=args.json)
    old = "not reported" if edit.schedule_before is None else _shown_schedule(edit.schedule_before)
    new = _shown_schedule(edit.schedule_after)
    terminal.print(f"schedule: {old} -> {new}" if old != new else f"schedule: {old} (kept)", to_stderr=args.json)
    if args.dry_run:
        terminal.print("Dry run: would send " + json.dumps(after, ensure_ascii=False), to_stderr=args.json)
        return ExitCode.OK
    reasons = []
    if no_schedule_to_keep:
        reasons.append("ClickSend reports no schedule for it to keep, so it would be sent now")
    elif edit.sends_within(IMMINENT_SECONDS, now=time.time()):
        reasons.append(f"it would be sent {_when(edit.schedule_after)}")
    if edit.changes_list:
        reasons.append(f"it would go to list {edit.request.list_id} instead of list {current.list_id}")
    if reasons:
        name = f" {current.name!r}" if current.name else ""
        question = f"Update campaign {current.sms_campaign_id}{name}: {'; and '.join(reasons)}. Go ahead?"
        terminal.confirm(question, assume_yes=args.yes)
    with session.write():
        answer: SmsCampaignEnvelope = _UPDATE.sync(
            client=session.client(), sms_campaign_id=args.sms_campaign_id, body=edit.request
        )
    _print_campaign(session, answer.data, "Updated")
    return ExitCode.OK


def _shown_schedule(schedule: int | None) -> str:
    if schedule is None:
        return "none (sent now)"
    return "0 (none: sent now)" if schedule == 0 else render.show_time(schedule)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    conditions = [(field, getattr(args, field)) for field in ("status", "name") if getattr(args, field) is not None]
    conditions += args.search
    try:
        q = search_query(conditions) if conditions else None
    except ValueError as error:  # an undocumented field, or a comma in a value
        raise CommandError(str(error), hint="--search takes FIELD:VALUE; search for a part of a value") from None
    return {"q": q, "operator": args.operator, "order_by": args.order, "date_from": args.since, "date_to": args.until}


def _cancel_filters(args: argparse.Namespace) -> dict[str, Any]:
    """The filters of a cancel: the walk keeps its own order, by id (--order is refused)."""
    return {key: value for key, value in _filters(args).items() if key != "order_by"}


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
    """Cancels campaigns by id, or what the filters match; leaves out what no cancel can stop
    (bulk.NOT_CANCELLABLE) and says so; after a cancel by filter, lists again and reports what
    still matches."""
    args, terminal = session.args, session.terminal
    by_id = bool(args.sms_campaign_ids)
    if by_id and (_has_filter(args) or args.all):
        raise CommandError(
            "give campaign ids or a filter, not both", hint="ids cancel those campaigns; a filter, what it matches"
        )
    if not by_id and not _has_filter(args) and not args.all:
        raise CommandError(
            "say which campaigns to cancel", hint="give their ids, a filter such as --status Scheduled, or --all"
        )
    if args.order is not None:
        raise CommandError(
            "--order does not apply to cancel",
            hint="a cancel walks what matches by id, an order that updates during the walk cannot change",
        )
    if by_id:
        selection, unreadable = _read_for_cancel(session)
    else:
        selection, unreadable = find_cancellable_sms_campaigns(session.client(), **_cancel_filters(args)), []
    out_to_stderr = args.json
    # Asked for by id, a campaign that is sending or sent is not cancelled: a failure, not a detail.
    finished = [c for status, found in selection.left_out.items() if status != "Cancelled" for c in found]
    for status, count in selection.left_out_counts().items():
        if not by_id or status == "Cancelled":
            whose = "" if by_id else "matching "
            terminal.print(f"{count} {whose}campaign(s) already {status.lower()}, left out.", to_stderr=out_to_stderr)
    if not selection.to_cancel:
        if not by_id or not (finished or unreadable):
            nothing = "Nothing left to cancel." if selection.left_out else "No campaign matches; nothing to cancel."
            terminal.print(nothing, to_stderr=out_to_stderr)
        return _report(session, selection, [], unreadable, finished if by_id else [], look_again=None)
    _preview(session, selection.to_cancel)
    chosen = _what_is_cancelled(selection.to_cancel, by_id)
    if args.dry_run:
        terminal.print(f"Dry run: would cancel {chosen}; nothing was cancelled.", to_stderr=out_to_stderr)
        return ExitCode.OK
    terminal.confirm(f"Cancel {chosen}?", assume_yes=args.yes)
    with session.write():
        outcomes = _cancel_all(session, selection.ids)

    def look_again() -> list[SmsCampaign]:
        return find_cancellable_sms_campaigns(session.client(), **_cancel_filters(args)).to_cancel

    return _report(
        session, selection, outcomes, unreadable, finished if by_id else [], look_again=None if by_id else look_again
    )


def _read_for_cancel(session: Session) -> tuple[CancelSelection, list[CampaignOutcome]]:
    """Each campaign given by id, read first: to leave out what no cancel can stop, and to show
    what is about to be cancelled. A single campaign's read error is raised as it is."""
    ids = list(dict.fromkeys(session.args.sms_campaign_ids))
    outcomes = get_sms_campaigns(session.client(), ids, concurrency=session.args.concurrency)
    if len(outcomes) == 1 and outcomes[0].error is not None:
        raise outcomes[0].error
    found = [outcome.campaign for outcome in outcomes if outcome.campaign is not None]
    return select_for_cancel(found), [outcome for outcome in outcomes if outcome.error is not None]


def _what_is_cancelled(campaigns: list[SmsCampaign], by_id: bool) -> str:
    if len(campaigns) == 1:
        return render.campaign_line(campaigns[0])
    return f"{len(campaigns)} {'' if by_id else 'matching '}campaign(s)"


def _preview(session: Session, campaigns: list[SmsCampaign]) -> None:
    """What is about to be cancelled, as a table: all of it as the result of --dry-run, else the
    first few beside the question (on standard error, with it); nothing with --yes."""
    args, terminal = session.args, session.terminal
    if not args.dry_run and (args.yes or len(campaigns) == 1):
        return  # nothing is asked, or the question names the campaign
    shown = campaigns if args.dry_run else campaigns[:PREVIEW]
    to_stderr = args.json or not args.dry_run
    on_terminal = terminal.err_is_terminal if to_stderr else terminal.out_is_terminal
    render.write_table(
        terminal.stderr if to_stderr else terminal.stdout,
        shown,
        name_width=terminal.width() - render.TABLE_WIDTH if on_terminal else None,
    )
    if len(campaigns) > len(shown):
        terminal.print(f"... and {len(campaigns) - len(shown)} more", to_stderr=to_stderr)


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


#: How many ids of the campaigns still matching after a cancel by filter are named.
STILL_NAMED = 20


def _report(
    session: Session,
    selection: CancelSelection,
    outcomes: list[CancelOutcome],
    unreadable: list[CampaignOutcome],
    finished: list[SmsCampaign],
    *,
    look_again: Callable[[], list[SmsCampaign]] | None,
) -> ExitCode:
    """What became of every campaign: cancelled now, left out (and why), or not cancelled (and why);
    then, after a cancel by filter, what still matches (`look_again` walks again, once all the rest
    is said, so that a failure of that walk hides nothing). Exit 0 only when nothing is left undone."""
    terminal, json_lines = session.terminal, session.args.json
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    if json_lines:
        for outcome in [*outcomes, *unreadable]:
            terminal.print(json.dumps(_outcome_json(outcome), ensure_ascii=False))
        for campaign in [c for found in selection.left_out.values() for c in found]:
            left = {"sms_campaign_id": campaign.sms_campaign_id, "cancelled": False, "status": campaign.status}
            terminal.print(json.dumps({**left, "left_out": True}, ensure_ascii=False))
    asked = len(outcomes) + len(unreadable) + len(finished)
    cancelled = len(outcomes) - len(failed)
    if asked:
        terminal.print(f"Cancelled {cancelled} of {asked} campaign(s).", to_stderr=json_lines)
    unknown = [outcome for outcome in failed if outcome.error is not None and may_have_happened(outcome.error)]
    for outcome in [*failed, *unreadable]:
        said = (
            "no answer, it may have been cancelled (cancelling again is safe)"
            if outcome in unknown
            else "not cancelled"
        )
        terminal.print(f"  {outcome.sms_campaign_id}: {said}: {outcome.error}", to_stderr=json_lines)
    for campaign in finished:
        terminal.print(
            f"  {campaign.sms_campaign_id}: not cancelled: it is {campaign.status}, which no cancel can stop",
            to_stderr=json_lines,
        )
    still_matching = look_again() if look_again is not None else None
    if still_matching is not None:
        if still_matching:
            named = ", ".join(str(c.sms_campaign_id) for c in still_matching[:STILL_NAMED])
            more = f" and {len(still_matching) - STILL_NAMED} more" if len(still_matching) > STILL_NAMED else ""
            terminal.print(
                f"Listed again: {len(still_matching)} matching campaign(s) are still not cancelled: {named}{more}.",
                to_stderr=json_lines,
            )
        else:
            terminal.print("Listed again: no matching campaign is left to cancel.", to_stderr=json_lines)
    if unknown:
        return ExitCode.OUTCOME_UNKNOWN
    if not (failed or unreadable or finished or still_matching):
        return ExitCode.OK
    return ExitCode.FAILED if cancelled == 0 else ExitCode.PARTLY_FAILED


def _outcome_json(outcome: CampaignOutcome) -> dict[str, Any]:
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
    terminal.hide(api_key, username=username)
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
