"""The six operations, as the emulator carries them out: one method each, named by its operationId.

The routes come from the spec's registry (`spec_facts.OPERATIONS`); an operation of the spec with no
method here is answered "not emulated" (501), so a new operation in the spec shows up at once.
"""

from __future__ import annotations

import asyncio
import math
from concurrent.futures import Executor
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from .pricing import price_campaign
from .protocol import ApiError, envelope
from .request_checks import RequestChecks
from .seed import Account, ContactList
from .store import EDITABLE_STATUSES, STORED_SORT_FIELDS, CampaignStore, Clock, matches, sort_key

#: The six `_currency` fields ClickSend's spec lists; the values are the emulator's (an AUD account).
ACCOUNT_CURRENCY = {
    "currency_name_short": "AUD",
    "currency_prefix_d": "$",
    "currency_prefix_c": "c",
    "currency_name_long": "Australian Dollars",
    "min_recharge_amount": 20,
    "max_recharge_amount": 10000,
}


_MAX_ID = 2_147_483_647


class CampaignOperations(RequestChecks):
    """The handlers, as methods of the emulator (which sets these attributes)."""

    lists: dict[int, ContactList]
    clock: Clock
    store: CampaignStore
    public_base_url: str
    #: Where prices are worked out: one thread, so the event loop shares the interpreter with one at most.
    pricing: Executor

    def _campaign_id(self, request: Request) -> int:
        # The route only matches digits, so /sms-campaigns/send is never taken for an id.
        campaign_id: int = request.path_params["sms_campaign_id"]
        if not 1 <= campaign_id <= _MAX_ID:
            raise ApiError(404, "NOT_FOUND", "The SMS campaign was not found.")
        return campaign_id

    def _own_list(self, account: Account, list_id: Any) -> ContactList:
        """The account's list; any other id, in whatever form, is ClickSend's recorded 404 (public evidence)."""
        number = list_id if isinstance(list_id, int) else int(list_id) if _is_list_number(list_id) else None
        contact_list = self.lists.get(number) if number is not None else None
        if contact_list is None or contact_list.user_id != account.user_id:
            raise ApiError(404, "NOT_FOUND", "Your list is not found.")
        return contact_list

    def _beyond_schedule_limit(self, body: dict[str, Any]) -> bool:
        """ClickSend accepts a schedule beyond about four months, but never sends it."""
        schedule = body.get("schedule")
        return schedule is not None and schedule > self.clock.now() + self.config.max_schedule_ahead_seconds

    def _own_campaign(self, account: Account, request: Request) -> dict[str, Any]:
        record = self.store.get(account.user_id, self._campaign_id(request))
        if record is None:
            raise ApiError(404, "NOT_FOUND", "The SMS campaign was not found.")
        return record

    async def send_sms_campaign(self, request: Request, account: Account) -> Response:
        body = await self._json_body(request, "send_sms_campaign")
        contact_list = self._own_list(account, body["list_id"])
        if account.status == "nocredit":
            raise ApiError(403, "FORBIDDEN", "You have insufficient credit to send this campaign.")
        fields: dict[str, Any] = {
            **{k: body[k] for k in ("name", "body", "from", "source", "url_to_shorten", "schedule") if k in body},
            **({"senders": _documented_sender_fields(body["senders"])} if "senders" in body else {}),
            "list_id": contact_list.list_id,
            "subaccount_id": account.subaccount_id,
            "total_count": len(contact_list.contacts),
            "list_name": contact_list.name,
            "never_sent": self._beyond_schedule_limit(body),
        }
        record = await asyncio.to_thread(self.store.create, account.user_id, fields)
        campaign = self.store.view(record)
        if self.config.send_answer == "flat":
            return envelope(200, "SUCCESS", "Your new campaign has been added.", campaign)
        nested = {"sms_campaign": campaign, "total_count": len(contact_list.contacts)}
        return envelope(200, "SUCCESS", "Your new campaign has been added.", nested)

    async def calculate_sms_campaign_price(self, request: Request, account: Account) -> Response:
        body = await self._json_body(request, "calculate_sms_campaign_price")
        contact_list = self._own_list(account, body["list_id"])
        # Off the event loop, one price at a time: a large list takes a while, and the other
        # accounts' requests go on meanwhile.
        loop = asyncio.get_running_loop()
        count, total, breakdown = await loop.run_in_executor(
            self.pricing, price_campaign, body["body"], contact_list.contacts
        )
        priced = {key: body[key] for key in ("from", "body", "schedule") if key in body}
        data = {
            "total_count": count,
            "total_price": f"{total:.3f}",
            "data": priced,
            "_currency": ACCOUNT_CURRENCY,
            # The emulator's own, not ClickSend's: how it arrived at the price.
            "_emulator": {"by_country": breakdown},
        }
        return envelope(200, "SUCCESS", "Here is your price for your SMS Campaign.", data)

    async def update_sms_campaign(self, request: Request, account: Account) -> Response:
        record = self._own_campaign(account, request)
        body = await self._json_body(request, "update_sms_campaign")
        status = self.store.status(record)
        if status not in EDITABLE_STATUSES:
            raise ApiError(400, "BAD_REQUEST", f"The campaign is {status} and can no longer be changed.")
        contact_list = self._own_list(account, body["list_id"])
        fields: dict[str, Any] = {
            **{k: body[k] for k in ("name", "body", "from", "schedule") if k in body},
            "list_id": contact_list.list_id,
            "total_count": len(contact_list.contacts),
            "list_name": contact_list.name,
            # "the date you created or updated the SMS campaign" (the reference's order_by text).
            "date_added": int(self.clock.now()),
        }
        if "schedule" not in body and self.config.update_without_schedule == "sends_now":
            fields["schedule"] = int(self.clock.now())  # "Leave blank for immediate delivery"
        if "schedule" in fields:
            fields["never_sent"] = self._beyond_schedule_limit(fields)
        changed = await asyncio.to_thread(self.store.change, account.user_id, record["sms_campaign_id"], fields)
        if changed is None:  # gone between the read and the write: only another account's id could be
            raise ApiError(404, "NOT_FOUND", "The SMS campaign was not found.")
        return envelope(200, "SUCCESS", "Your SMS Campaign has been updated.", self.store.view(changed))

    async def get_sms_campaign(self, request: Request, account: Account) -> Response:
        record = self._own_campaign(account, request)
        return envelope(200, "SUCCESS", "Your SMS Campaign.", self.store.view(record))

    async def cancel_sms_campaign(self, request: Request, account: Account) -> Response:
        record = self._own_campaign(account, request)
        status = self.store.status(record)
        if status != "Cancelled":
            if status not in EDITABLE_STATUSES:
                raise ApiError(400, "BAD_REQUEST", f"The campaign is {status} and can no longer be cancelled.")
            changed = await asyncio.to_thread(
                self.store.change, account.user_id, record["sms_campaign_id"], {"cancelled": True}
            )
            if changed is None:
                raise ApiError(404, "NOT_FOUND", "The SMS campaign was not found.")
            record = changed
        return envelope(200, "SUCCESS", "Your SMS Campaign has been cancelled.", self.store.view(record))

    async def list_sms_campaigns(self, request: Request, account: Account) -> Response:
        query = self._query(request)
        page, per_page = query.get("page", 1), query.get("limit", 15)
        date_from, date_to = query.get("date_from"), query.get("date_to")
        records = [
            r
            for r in self.store.of_account(account.user_id)
            if (date_from is None or r["date_added"] >= date_from) and (date_to is None or r["date_added"] <= date_to)
        ]
        field_name, _, direction = query.get("order_by", "date_added:asc").partition(":")
        if "q" not in query and field_name in STORED_SORT_FIELDS:
            # Fast path for plain paging: sort the stored records, build views for the page only.
            records.sort(key=sort_key(field_name), reverse=direction == "desc")
            views = [self.store.view(r) for r in records[(page - 1) * per_page : page * per_page]]
            total = len(records)
        else:
            views = [self.store.view(r) for r in records]
            if "q" in query:
                conditions = [(c.partition(":")[0], c.partition(":")[2]) for c in query["q"].split(",")]
                views = [v for v in views if matches(v, conditions, query.get("operator", "AND"))]
            views.sort(key=sort_key(field_name), reverse=direction == "desc")
            total = len(views)
            views = views[(page - 1) * per_page : page * per_page]
        last_page = max(1, math.ceil(total / per_page))
        start = (page - 1) * per_page
        shown = views

        def page_url(number: int) -> str:
            query = urlencode(
                [*((k, v) for k, v in request.query_params.multi_items() if k != "page"), ("page", number)]
            )
            return f"{self.public_base_url}{request.url.path}?{query}"

        data = {
            "total": total,
            "per_page": per_page,
            "current_page": page,
            "last_page": last_page,
            "next_page_url": page_url(page + 1) if page < last_page else None,
            "prev_page_url": page_url(page - 1) if page > 1 else None,
            "from": start + 1 if shown else None,
            "to": start + len(shown) if shown else None,
            "data": shown,
        }
        return envelope(200, "SUCCESS", "Here are your SMS campaign(s) (shared included).", data)


def _is_list_number(value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


#: The sender fields the reference documents; the emulator keeps these and ignores the rest, as it
#: does with unknown body fields (a guess: ClickSend's answers show no others).
_SENDER_FIELDS = ("recipient_country_code", "sender_id", "sender_type", "sender_country_code")


def _documented_sender_fields(senders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{name: sender[name] for name in _SENDER_FIELDS if name in sender} for sender in senders]
