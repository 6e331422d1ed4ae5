"""The command line's grammar: its commands, options and the values they take.

A bad argument is one line on standard error and exit code 2, like every other failure.
"""

from __future__ import annotations

import argparse
import datetime
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from ..bulk import DEFAULT_CONCURRENCY
from ..editing import SEND_NOW, Schedule
from ..query import SEARCH_FIELDS, parse_order_by
from .credentials import DEFAULT_PROFILE
from .failures import CommandError

PROGRAM = "clicksend-campaigns"
DEFAULT_TIMEOUT, DEFAULT_RETRIES = 30.0, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{self.prog}: {message}", hint=f"see `{self.prog} --help`")


#: The moments a WHEN can name: from the Unix epoch to the last second of year 9999.
LATEST_MOMENT = 253_402_300_799
#: Bounds past which a number is certainly a mistake (and would overflow what it is used for).
MOST_CAMPAIGN_ID = 2**63 - 1
MOST_CAMPAIGNS = 10**9
MOST_CONCURRENCY = 1000
MOST_RETRIES = 100
MOST_SECONDS = 86_400.0
_WHEN_FORMS = "use 2026-12-01, 2026-12-01T09:30, 2026-12-01T09:30+10:00 or Unix seconds"


def _ascii_digits(text: str) -> bool:
    """Only 0-9: str.isdigit() also takes other scripts' digits ('١٠٠٠' would read as 1000)."""
    return text.isascii() and text.isdigit()


def when(text: str) -> int:
    """A moment: Unix seconds, or an ISO 8601 date or time (local time unless it names an offset)."""
    text = text.strip()
    if _ascii_digits(text):
        if len(text) > 12 or int(text) > LATEST_MOMENT:
            raise argparse.ArgumentTypeError(f"{text!r} is past the year 9999; {_WHEN_FORMS}")
        return int(text)
    try:
        if not text.isascii():
            raise ValueError(text)
        moment = datetime.datetime.fromisoformat(text)
        seconds = int(moment.astimezone().timestamp())  # astimezone() reads a naive time as local time
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time; {_WHEN_FORMS}") from None
    except (OverflowError, OSError):  # a time zone that carries the moment past year 1 or 9999
        seconds = -1
    if not 0 <= seconds <= LATEST_MOMENT:
        raise argparse.ArgumentTypeError(f"{text!r} is outside 1970-01-01 to 9999-12-31 (UTC)")
    return seconds


def schedule(text: str) -> int | Schedule:
    """When to send: `now` (SEND_NOW: send sends no schedule, update the current time), or a moment
    as `when` reads it."""
    return SEND_NOW if text.strip().lower() == "now" else when(text)


class _Typed(argparse.Action):
    """Stores the parsed value, and what was typed in `typed[dest]`, so that messages can quote it."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any, option: str | None = None) -> None:
        setattr(namespace, self.dest, values)
        typed = dict(getattr(namespace, "typed", None) or {})
        typed[self.dest] = self.text
        namespace.typed = typed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.text = ""
        kwargs["type"] = self._remember(kwargs["type"])
        super().__init__(*args, **kwargs)

    def _remember(self, convert: Callable[[str], Any]) -> Callable[[str], Any]:
        def parse(text: str) -> Any:
            self.text = text
            return convert(text)

        parse.__name__ = getattr(convert, "__name__", "value")
        return parse


def order(text: str) -> str:
    """`schedule`, `schedule:asc` or `schedule:desc`."""
    value = text if ":" in text else f"{text}:asc"
    try:
        parse_order_by(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def search(text: str) -> tuple[str, str]:
    """FIELD:VALUE; the field and the value are checked by search_query, with the other conditions."""
    field, colon, value = text.partition(":")
    if not colon:
        raise argparse.ArgumentTypeError(f"{text!r} is not FIELD:VALUE with FIELD one of {', '.join(SEARCH_FIELDS)}")
    return field, value


def _whole_number(what: str, least: int, most: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        digits = text.strip()
        if not _ascii_digits(digits) or len(digits) > len(str(most)) or not least <= int(digits) <= most:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} (from {least} to {most:,})")
        return int(digits)

    return parse


campaign_id = _whole_number("a campaign id", 1, MOST_CAMPAIGN_ID)
most_campaigns = _whole_number("a number of campaigns", 1, MOST_CAMPAIGNS)
concurrency = _whole_number("a number of requests in flight", 1, MOST_CONCURRENCY)
retries = _whole_number("a number of retries", 0, MOST_RETRIES)


def seconds(text: str) -> float:
    try:
        value = float(text) if text.isascii() else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 < value <= MOST_SECONDS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0 and at most {MOST_SECONDS:g}")
    return value


def build_parser(version: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROGRAM,
        description="Price, send, inspect and cancel ClickSend SMS campaigns.",
        epilog="Exit codes: 0 done; 1 ClickSend refused or was unreachable; 2 bad arguments or input, nothing sent; "
        "3 some campaigns of a bulk cancel failed; 4 credentials missing, unsafe or refused; "
        "5 not confirmed; 6 no answer: the change may have been made; 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {version}")
    _common_options(parser, defaults=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, description: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=description, description=description)
        _common_options(sub, defaults=False)
        return sub

    analyze = command("analyze", "encoding, length and parts of a body, per recipient with a CSV")
    analyze.add_argument("body", nargs="?", help="the message (or --body-file)")
    _body_file(analyze)
    analyze.add_argument("--recipients", type=Path, metavar="CSV", help="a CSV with first_name, last_name, custom_1..4")
    analyze.add_argument("--url-to-shorten", help="a URL ClickSend shortens and appends")
    analyze.add_argument("--summary", action="store_true", help="only the totals, not a line per recipient")
    analyze.add_argument("--json", action="store_true", help="one JSON object")

    price = command("price", "what a campaign would cost")
    _campaign_fields(price, name_required=False)
    price.add_argument("--json", action="store_true", help="the price as JSON")

    send = command("send", "send a campaign, after showing its price and asking")
    _campaign_fields(send, name_required=True)
    send.add_argument("--url-to-shorten", help="a URL ClickSend shortens and appends")
    _confirmation(send)
    send.add_argument("--json", action="store_true", help="the created campaign as JSON")

    get = command("get", "one campaign")
    get.add_argument("sms_campaign_id", type=campaign_id, metavar="ID")
    get.add_argument("--json", action="store_true")

    update = command("update", "change a campaign that has not been sent")
    update.add_argument("sms_campaign_id", type=campaign_id, metavar="ID")
    update.add_argument("--list-id", help="the contact list")
    update.add_argument("--name")
    _body_fields(update)
    update.add_argument("--from", dest="sender", metavar="SENDER", help="a number (+61...) or an alpha tag")
    update.add_argument(
        "--schedule",
        type=schedule,
        action=_Typed,
        metavar="WHEN",
        help="when to send: Unix seconds, an ISO 8601 date or time, or now (default: the schedule it has)",
    )
    _confirmation(update, asks="before the campaign would be sent within a minute, or to another list")
    update.add_argument("--json", action="store_true", help="the updated campaign as JSON")

    listing = command("list", "campaigns, filtered and sorted")
    _filters(listing)
    _order(listing)
    listing.add_argument("--max", type=most_campaigns, metavar="N", help="stop after N campaigns")
    shape = listing.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="one JSON object per line")
    shape.add_argument("--csv", action="store_true", help="CSV with a header")

    cancel = command("cancel", "cancel campaigns by id or by filter")
    cancel.add_argument("sms_campaign_ids", nargs="*", type=campaign_id, metavar="ID")
    _filters(cancel)
    _order(cancel, shown=False)
    cancel.add_argument("--all", action="store_true", help="every campaign the filters (if any) match")
    cancel.add_argument(
        "--concurrency", type=concurrency, default=DEFAULT_CONCURRENCY, help="cancels in flight (default: %(default)s)"
    )
    _confirmation(cancel)
    cancel.add_argument("--json", action="store_true", help="one JSON object per campaign")

    command("configure", "save a username and API key (and --base-url) to the config file, owner-only")
    return parser


def _common_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options of every command, taken before the command or after it (`list --config FILE`).
    Only the top level sets defaults, so a command's parser does not overwrite what was given before it."""

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="on failure, show the whole error; log retries",
    )
    parser.add_argument(
        "--base-url", default=default(None), help="the API to talk to, such as an emulator (default: ClickSend's)"
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=default(None),
        help="the config file (default: $CLICKSEND_CONFIG, else ~/.config/clicksend/config.ini)",
    )
    parser.add_argument(
        "--profile", default=default(DEFAULT_PROFILE), help=f"the config file's profile (default: {DEFAULT_PROFILE})"
    )
    parser.add_argument(
        "--no-checks",
        action="store_true",
        default=default(False),
        help="send requests as given, without the client-side checks",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=default(DEFAULT_TIMEOUT),
        metavar="SECONDS",
        help=f"for each connect, write and read (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--retries",
        type=retries,
        default=default(DEFAULT_RETRIES),
        metavar="N",
        help=f"retries of a request that is safe to repeat (default: {DEFAULT_RETRIES}; a send is never repeated)",
    )


def _body_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--body-file", type=Path, metavar="FILE", help="read the message from FILE (- for stdin)")


def _body_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--body", help="the message")
    _body_file(parser)


def _campaign_fields(parser: argparse.ArgumentParser, *, name_required: bool) -> None:
    parser.add_argument("--list-id", required=True, help="the contact list to send to")
    parser.add_argument("--name", required=name_required, help="the campaign's name")
    _body_fields(parser)
    parser.add_argument("--from", dest="sender", metavar="SENDER", help="a number (+61...) or an alpha tag")
    parser.add_argument(
        "--schedule",
        type=schedule,
        action=_Typed,
        metavar="WHEN",
        help="when to send: Unix seconds, an ISO 8601 date or time, or now (the default)",
    )


def _confirmation(parser: argparse.ArgumentParser, *, asks: str = "before it changes anything") -> None:
    parser.add_argument("--yes", "-y", action="store_true", help=f"do not ask for confirmation (it asks {asks})")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")


def _order(parser: argparse.ArgumentParser, *, shown: bool = True) -> None:
    # Taken but not shown by cancel, which refuses it: what a cancel finds is walked by id.
    parser.add_argument(
        "--order",
        type=order,
        metavar="FIELD[:asc|desc]",
        help="such as schedule:desc (default: by id, an order updates do not change)" if shown else argparse.SUPPRESS,
    )


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", help="such as Scheduled, Sent, Cancelled")
    parser.add_argument("--name", help="the campaign's name")
    parser.add_argument(
        "--search",
        type=search,
        action="append",
        default=[],
        metavar="FIELD:VALUE",
        help="another condition, such as list_id:428 (repeatable)",
    )
    parser.add_argument("--operator", choices=["AND", "OR"], help="how conditions combine (ClickSend's default: AND)")
    parser.add_argument("--since", type=when, metavar="WHEN", help="only campaigns from this moment (date_from)")
    parser.add_argument("--until", type=when, metavar="WHEN", help="only campaigns up to this moment (date_to)")
