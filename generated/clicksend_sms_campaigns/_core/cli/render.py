"""Campaigns and prices as people and programs read them: a table, key/value lines, JSON or CSV.

JSON and CSV carry every field as ClickSend sent it (times as Unix seconds, unknown fields kept);
the table and the detail view show times in the local time zone with its offset.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ...models.sms_campaign import SmsCampaign
from ...models.sms_campaign_price import SmsCampaignPrice
from ..values import as_decimal, as_unix_seconds

#: The CSV columns, named as ClickSend names the fields.
CSV_COLUMNS = (
    "sms_campaign_id", "name", "status", "schedule", "date_added", "list_id", "list_name", "from",
    "total_count", "body", "url_to_shorten", "custom_string", "source", "user_id", "subaccount_id",
)  # fmt: skip
_TABLE = (("ID", 10), ("STATUS", 12), ("SCHEDULE", 23), ("LIST", 8), ("RECIPIENTS", 11), ("FROM", 14))
#: What the columns before NAME take.
TABLE_WIDTH = sum(width for _, width in _TABLE)


def show_time(value: Any) -> str:
    """A Unix time (int or digits) as local time with its offset; "-" when absent or 0; else as sent."""
    if value in (None, "", 0, "0"):
        return "-"
    try:
        moment = datetime.datetime.fromtimestamp(as_unix_seconds(value)).astimezone()
    except (ValueError, OverflowError, OSError):
        return str(value)
    return moment.isoformat(sep=" ", timespec="minutes")


def _text(value: Any) -> str:
    return "-" if value is None or value == "" else str(value)


def campaign_json(campaign: SmsCampaign) -> str:
    return json.dumps(campaign.to_dict(), ensure_ascii=False)


def _wire(campaign: SmsCampaign) -> dict[str, Any]:
    """The campaign's fields under ClickSend's names, without the leading underscore of _total_count."""
    return {key.lstrip("_"): value for key, value in campaign.to_dict().items()}


def write_table(out: TextIO, campaigns: Iterable[SmsCampaign], *, name_width: int | None) -> int:
    """One line per campaign, written as they come (so a long walk shows at once). The name comes
    last; `name_width` cuts it on a terminal. Returns how many were written."""
    out.write("".join(title.ljust(width) for title, width in _TABLE) + "NAME\n")
    written = 0
    for campaign in campaigns:
        cells = (
            str(campaign.sms_campaign_id),
            _text(campaign.status),
            show_time(campaign.schedule),
            _text(campaign.list_id),
            _text(campaign.total_count),
            _text(campaign.from_),
        )
        line = "".join(cell.ljust(width - 1)[: width - 1] + " " for cell, (_, width) in zip(cells, _TABLE, strict=True))
        name = _text(campaign.name).replace("\n", " ")
        if name_width is not None and len(name) > name_width:
            name = name[: max(name_width - 1, 0)] + "…"
        out.write(line + name + "\n")
        out.flush()
        written += 1
    return written


def write_csv(out: TextIO, campaigns: Iterable[SmsCampaign]) -> int:
    """A header, then one row per campaign; fields ClickSend added beyond CSV_COLUMNS are left out."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    written = 0
    for campaign in campaigns:
        writer.writerow({key: "" if value is None else value for key, value in _wire(campaign).items()})
        written += 1
    return written


def write_json_lines(out: TextIO, campaigns: Iterable[SmsCampaign]) -> int:
    written = 0
    for campaign in campaigns:
        out.write(campaign_json(campaign) + "\n")
        written += 1
    return written


def campaign_details(campaign: SmsCampaign) -> list[str]:
    """Every field ClickSend sent, one per line, times also shown as local times."""
    lines = []
    for key, value in _wire(campaign).items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else _text(value)
        if key in ("schedule", "date_added") and show_time(value) not in ("-", shown):
            shown = f"{show_time(value)} ({value})"
        lines.append(f"{key + ':':<18}{shown}")
    return lines


def campaign_line(campaign: SmsCampaign) -> str:
    """One campaign in a sentence, as a question names it: campaign 1000 'Spring sale' (Scheduled
    for 2027-03-01 09:00+11:00, list 428 'Customers', 8 recipients)."""
    details = [campaign.status or "status unknown"]
    shown = show_time(campaign.schedule)
    if shown != "-":
        details[0] += f" for {shown}"
    if campaign.list_id is not None:
        details.append(f"list {campaign.list_id}" + (f" {campaign.list_name!r}" if campaign.list_name else ""))
    if campaign.total_count is not None:
        details.append(f"{campaign.total_count} recipient(s)")
    name = f" {campaign.name!r}" if campaign.name else ""
    return f"campaign {campaign.sms_campaign_id}{name} ({', '.join(details)})"


def price_line(price: SmsCampaignPrice | None) -> str:
    if price is None:
        return "ClickSend gave no price"
    currency = price.currency.currency_name_short if price.currency is not None else None
    total = _text(price.total_price)
    if price.total_price is not None:
        with contextlib.suppress(ValueError):  # a price that is not a number is shown as sent
            total = format(as_decimal(price.total_price), "f")
    recipients = "" if price.total_count is None else f"{price.total_count} recipient(s), "
    return f"{recipients}{total} {currency or ''}".rstrip()
