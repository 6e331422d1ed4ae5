"""The emulator's HTTP API: the six SMS-campaign operations under /v3, as ClickSend documents them.

Every answer the emulator's own code gives, success or error, administration included, is
ClickSend's envelope. Requests are validated whole against the spec's own schemas (the generated
package's spec_facts), then against the rules the spec cannot express, before anything is
stored: a request that fails changes nothing. Nothing a client sends produces a traceback or a
500 unless a fault is injected.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from clicksend_sms_campaigns.spec_facts import PARAMETERS, REQUEST_SCHEMAS, SCHEMAS
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .faults import Fault, FaultPlan
from .pricing import price_campaign
from .seed import DEFAULT_ACCOUNTS, Account, ContactList, default_lists
from .store import EDITABLE_STATUSES, STORED_SORT_FIELDS, CampaignStore, Clock, Lifecycle, matches, sort_key

LimitPolicy = Literal["reject", "clamp"]
SendAnswer = Literal["nested", "flat"]


@dataclass
class EmulatorConfig:
    """What the emulator decides where ClickSend's documentation is silent; see README."""

    accounts: tuple[Account, ...] = DEFAULT_ACCOUNTS
    lists: dict[int, ContactList] | None = None  # None: default_lists(accounts)
    #: A limit outside 15..100: "reject" answers 400; "clamp" serves the nearest allowed size.
    limit_policy: LimitPolicy = "reject"
    #: The send answer's shape: "nested" (`data.sms_campaign` beside `data.total_count`, what
    #: integrations observe from the live API) or "flat" (`data` is the campaign, the reference's example).
    send_answer: SendAnswer = "nested"
    #: "About four months" ahead, the furthest a schedule may lie.
    max_schedule_ahead_seconds: int = 122 * 24 * 3600
    max_body_bytes: int = 64 * 1024
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    db_path: Path | None = None
    fault_seed: int = 0
    #: The address page URLs are built on (`next_page_url`); never taken from the Host header.
    #: run_emulator() sets it to the address it serves on when it is None.
    public_base_url: str | None = None
    #: When set, /_emulator/* needs the header `X-Emulator-Token: <token>` (401 otherwise).
    admin_token: str | None = None


class ApiError(Exception):
    """Ends a request with ClickSend's error envelope."""

    def __init__(self, status: int, code: str, message: str, data: Any = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.data, self.headers = status, code, message, data, headers or {}


def envelope(
    status: int, code: str, message: str, data: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"http_code": status, "response_code": code, "response_msg": message, "data": data}
    return JSONResponse(body, status_code=status, headers=headers)


class DroppedConnection(Response):
    """Declares a body it never finishes, so the server must close the connection mid-answer."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"http_code": 200,', "more_body": False})


#: The six `_currency` fields ClickSend's spec lists; the values are the emulator's (an AUD account).
ACCOUNT_CURRENCY = {
    "currency_name_short": "AUD",
    "currency_prefix_d": "$",
    "currency_prefix_c": "c",
    "currency_name_long": "Australian Dollars",
    "min_recharge_amount": 20,
    "max_recharge_amount": 10000,
}


class CampaignIdConvertor(Convertor[int]):
    """Digits, at most 30 of them: a longer "id" is a path that does not exist (404), never an
    integer too long for Python to read (which Starlette's own `int` convertor turns into a 500)."""

    regex = "[0-9]{1,30}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("campaign_id", CampaignIdConvertor())

_STATUS_CODES = {400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
_MAX_ID = 2_147_483_647
_MAX_CLOCK_STEP = 100 * 366 * 24 * 3600
#: Deeper bodies are refused before validation, which walks them recursively.
_MAX_BODY_DEPTH = 32


class Emulator:
    """State plus the ASGI app. Start it over HTTP with clicksend_emulator.run_emulator()."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.accounts = {account.username: account for account in self.config.accounts}
        self.lists = self.config.lists if self.config.lists is not None else default_lists(self.config.accounts)
        self.clock = Clock()
        self.store = CampaignStore(self.clock, self.config.lifecycle, self.config.db_path)
        self.faults = FaultPlan(self.config.fault_seed)
        self.public_base_url = (self.config.public_base_url or "http://127.0.0.1").rstrip("/")
        document = {"components": {"schemas": SCHEMAS}}
        self._registry: Registry[Any] = Registry().with_resource("urn:spec", DRAFT202012.create_resource(document))
        self.app = Starlette(
            routes=[
                Route("/v3/sms-campaigns/send", self._operation("send_sms_campaign", self.send), methods=["POST"]),
                Route(
                    "/v3/sms-campaigns/price",
                    self._operation("calculate_sms_campaign_price", self.price),
                    methods=["POST"],
                ),
                Route("/v3/sms-campaigns", self._operation("list_sms_campaigns", self.list), methods=["GET"]),
                Route(
                    "/v3/sms-campaigns/{sms_campaign_id:campaign_id}",
                    self._by_method(get=self.get, put=self.update),
                    methods=["GET", "PUT"],
                ),
                Route(
                    "/v3/sms-campaigns/{sms_campaign_id:campaign_id}/cancel",
                    self._operation("cancel_sms_campaign", self.cancel),
                    methods=["PUT"],
                ),
                Route("/_emulator/health", self.health, methods=["GET"]),
                Route("/_emulator/clock", self.advance_clock, methods=["POST"]),
                Route("/_emulator/faults", self.change_faults, methods=["POST", "DELETE"]),
            ],
            exception_handlers={HTTPException: self._http_error, Exception: self._unexpected_error},
        )
        # /v3/sms-campaigns/ is not a path of the API: a 404 envelope, not a bodiless 307 to another.
        self.app.router.redirect_slashes = False

    # --- plumbing ------------------------------------------------------------------------

    def _operation(self, name: str, handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            fault = self.faults.draw(name)
            if fault is not None:
                injected = await self._inject(fault)
                if injected is not None:
                    return injected
            try:
                account = self._authenticate(request)
                self._reject_undocumented_query(request, name)
                return await handler(request, account)  # type: ignore[no-any-return]
            except ApiError as error:
                return envelope(error.status, error.code, error.message, error.data, error.headers)

        return endpoint

    def _by_method(self, *, get: Any, put: Any) -> Any:
        get_endpoint = self._operation("get_sms_campaign", get)
        put_endpoint = self._operation("update_sms_campaign", put)

        async def endpoint(request: Request) -> Response:
            # HEAD is GET without the body (the server drops it); it never reaches the update.
            chosen = put_endpoint if request.method == "PUT" else get_endpoint
            return await chosen(request)  # type: ignore[no-any-return]

        return endpoint

    async def _inject(self, fault: Fault) -> Response | None:
        if fault.kind == "latency":
            await asyncio.sleep(fault.seconds)
            return None
        if fault.kind == "rate_limit":
            retry_after = str(math.ceil(fault.seconds))
            return envelope(429, "TOO_MANY_REQUESTS", "Rate Limit Exceeded.", headers={"Retry-After": retry_after})
        if fault.kind == "server_error":
            return envelope(500, "INTERNAL_ERROR", "An internal error occurred (injected).")
        return DroppedConnection()

    async def _http_error(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        code = _STATUS_CODES.get(error.status_code, "BAD_REQUEST")
        message = "The method is not allowed for this resource." if error.status_code == 405 else str(error.detail)
        if error.status_code == 404:
            message = "The URI requested is invalid or the resource requested does not exist."
        headers = dict(error.headers or {})
        if "Allow" in headers:  # Starlette builds it from a set; a fixed order keeps recordings identical
            headers["Allow"] = ", ".join(sorted(method.strip() for method in headers["Allow"].split(",")))
        return envelope(error.status_code, code, message, headers=headers)

    async def _unexpected_error(self, request: Request, error: Exception) -> Response:
        return envelope(500, "INTERNAL_ERROR", "An internal error occurred.")

    def _authenticate(self, request: Request) -> Account:
        header = request.headers.get("authorization", "")
        if not header:
            raise ApiError(401, "UNAUTHORIZED", "Authentication credentials were missing or incorrect.")
        scheme, _, encoded = header.partition(" ")
        try:
            username, _, api_key = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, ValueError):  # ValueError: characters outside ASCII, undecodable UTF-8
            username = api_key = ""
        account = self.accounts.get(username)
        if scheme.lower() != "basic" or account is None or account.api_key != api_key:
            raise ApiError(401, "UNAUTHORIZED", "Authentication credentials were missing or incorrect.")
        if account.status == "notactive":
            raise ApiError(403, "FORBIDDEN", "Your account has not been activated.")
        if account.status == "banned":
            raise ApiError(403, "FORBIDDEN", "Your account has been suspended.")
        return account

    async def _json_body(self, request: Request, operation: str) -> dict[str, Any]:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.config.max_body_bytes):
            raise ApiError(400, "BAD_REQUEST", f"The request body must be at most {self.config.max_body_bytes} bytes.")
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > self.config.max_body_bytes:
                raise ApiError(
                    400, "BAD_REQUEST", f"The request body must be at most {self.config.max_body_bytes} bytes."
                )
        try:
            body = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object in UTF-8.") from None
        if not isinstance(body, dict):
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object.")
        problem = _unstorable(body)
        if problem is not None:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", {problem[0]: problem[1]})
        schema = {"$ref": f"urn:spec#/components/schemas/{REQUEST_SCHEMAS[operation]}"}
        self._validate(Draft202012Validator(schema, registry=self._registry, format_checker=FormatChecker()), body)
        return body

    def _validate(self, validator: Draft202012Validator, instance: Any) -> None:
        problems: dict[str, str] = {}
        for error in validator.iter_errors(instance):
            if error.validator == "required" and isinstance(error.instance, dict):
                for name in error.validator_value:
                    if name not in error.instance:
                        problems.setdefault(_field(error.absolute_path, name), f"The {name} field is required.")
            elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
                allowed = set(error.schema.get("properties", {}))
                for name in error.instance:
                    if name not in allowed:
                        problems.setdefault(_field(error.absolute_path, name), f"The {name} field is not allowed.")
            else:
                problems.setdefault(_field(error.absolute_path), _shorten(error.message))
        if problems:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)

    def _reject_undocumented_query(self, request: Request, operation: str) -> None:
        # A guess (README): unknown query parameters are refused, unlike unknown body fields, which
        # ClickSend is seen to accept. Nothing shows ClickSend taking an unknown parameter.
        documented = PARAMETERS.get(operation, {})
        unknown = [name for name in request.query_params if name not in documented]
        if unknown:
            problems = {name or "(empty name)": f"The {name!r} query parameter is not documented." for name in unknown}
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)

    def _query(self, request: Request) -> dict[str, Any]:
        """The list operation's query parameters, converted and checked against the spec."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, schema in PARAMETERS["list_sms_campaigns"].items():
            if name not in request.query_params:
                continue
            raw = request.query_params[name]
            if schema.get("type") == "integer":
                if not re.fullmatch(r"-?[0-9]{1,100}", raw):
                    problems[name] = f"The {name} must be an integer."
                    continue
                value: Any = int(raw)
                low, high = schema.get("minimum"), schema.get("maximum")
                if name == "limit" and self.config.limit_policy == "clamp":
                    value = min(max(value, low), high)
                elif (low is not None and value < low) or (high is not None and value > high):
                    problems[name] = (
                        f"The {name} must be between {low} and {high}."
                        if high
                        else f"The {name} must be at least {low}."
                    )
                    continue
            else:
                value = raw
                if "enum" in schema and value not in schema["enum"]:
                    problems[name] = f"The {name} must be one of {', '.join(schema['enum'])}."
                    continue
                if "pattern" in schema and not re.search(schema["pattern"], value):
                    problems[name] = f"The {name} is not in the documented field:value form."
                    continue
            values[name] = value
        if problems:
            raise ApiError(400, "BAD_REQUEST", "Invalid input.", problems)
        return values

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

    # --- operations ----------------------------------------------------------------------

    async def send(self, request: Request, account: Account) -> Response:
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
        record = self.store.create(account.user_id, fields)
        campaign = self.store.view(record)
        if self.config.send_answer == "flat":
            return envelope(200, "SUCCESS", "Your new campaign has been added.", campaign)
        nested = {"sms_campaign": campaign, "total_count": len(contact_list.contacts)}
        return envelope(200, "SUCCESS", "Your new campaign has been added.", nested)

    async def price(self, request: Request, account: Account) -> Response:
        body = await self._json_body(request, "calculate_sms_campaign_price")
        contact_list = self._own_list(account, body["list_id"])
        count, total, breakdown = price_campaign(body["body"], contact_list.contacts)
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

    async def update(self, request: Request, account: Account) -> Response:
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
        }
        if "schedule" in body:
            fields["never_sent"] = self._beyond_schedule_limit(body)
        changed = self.store.change(account.user_id, record["sms_campaign_id"], fields)
        assert changed is not None
        return envelope(200, "SUCCESS", "Your SMS Campaign has been updated.", self.store.view(changed))

    async def get(self, request: Request, account: Account) -> Response:
        record = self._own_campaign(account, request)
        return envelope(200, "SUCCESS", "Your SMS Campaign.", self.store.view(record))

    async def cancel(self, request: Request, account: Account) -> Response:
        record = self._own_campaign(account, request)
        status = self.store.status(record)
        if status != "Cancelled":
            if status not in EDITABLE_STATUSES:
                raise ApiError(400, "BAD_REQUEST", f"The campaign is {status} and can no longer be cancelled.")
            changed = self.store.change(account.user_id, record["sms_campaign_id"], {"cancelled": True})
            assert changed is not None
            record = changed
        return envelope(200, "SUCCESS", "Your SMS Campaign has been cancelled.", self.store.view(record))

    async def list(self, request: Request, account: Account) -> Response:
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

    # --- administration (not part of ClickSend's API) ---------------------------------------

    async def health(self, request: Request) -> Response:
        return envelope(200, "SUCCESS", "The emulator is running.", {"status": "ok"})

    def _admin(self, request: Request) -> None:
        token = self.config.admin_token
        if token is not None and request.headers.get("x-emulator-token") != token:
            raise ApiError(401, "UNAUTHORIZED", "The emulator's administration needs its X-Emulator-Token.")

    async def _admin_json(self, request: Request) -> dict[str, Any]:
        raw = await request.body()
        if len(raw) > 4096:
            raise ApiError(400, "BAD_REQUEST", "An administration request is at most 4 KiB.")
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError):
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object.") from None
        if not isinstance(body, dict):
            raise ApiError(400, "BAD_REQUEST", "The request body must be a JSON object.")
        return body

    async def advance_clock(self, request: Request) -> Response:
        try:
            self._admin(request)
            seconds = (await self._admin_json(request)).get("advance")
            if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
                raise ApiError(400, "BAD_REQUEST", "Invalid input.", {"advance": "A finite number of seconds."})
            if abs(seconds) > _MAX_CLOCK_STEP:
                raise ApiError(400, "BAD_REQUEST", "Invalid input.", {"advance": "At most 100 years at a time."})
        except ApiError as error:
            return envelope(error.status, error.code, error.message, error.data)
        self.clock.advance(float(seconds))
        return envelope(200, "SUCCESS", "The clock was advanced.", {"now": self.clock.now()})

    async def change_faults(self, request: Request) -> Response:
        try:
            self._admin(request)
            if request.method == "DELETE":
                self.faults.clear()
                return envelope(200, "SUCCESS", "The faults were cleared.")
            fields = await self._admin_json(request)
            unknown = sorted(set(fields) - {"kind", "operation", "count", "probability", "seconds"})
            if unknown:
                raise ApiError(400, "BAD_REQUEST", "Invalid input.", {name: "Not a fault field." for name in unknown})
            try:
                fault = Fault(**fields)
            except (ValueError, TypeError) as error:
                raise ApiError(400, "BAD_REQUEST", "Invalid input.", {"fault": str(error)}) from None
        except ApiError as error:
            return envelope(error.status, error.code, error.message, error.data)
        self.faults.add(fault)
        return envelope(200, "SUCCESS", "The fault was added.")


def _field(path: Any, name: str | None = None) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    if name is not None:
        parts.append(name)
    return ".".join(parts).replace(".[", "[") or "body"


def _shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."


def _is_list_number(value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


#: The sender fields the reference documents; the emulator keeps these and ignores the rest, as it
#: does with unknown body fields (a guess: ClickSend's answers show no others).
_SENDER_FIELDS = ("recipient_country_code", "sender_id", "sender_type", "sender_country_code")


def _documented_sender_fields(senders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{name: sender[name] for name in _SENDER_FIELDS if name in sender} for sender in senders]


def _unstorable(body: Any) -> tuple[str, str] | None:
    """(field, problem) for a body that could be parsed but not stored or answered: a string with a
    lone surrogate (JSON's \\ud800 escape), which no UTF-8 answer or database row can hold, or
    nesting deeper than any campaign field has."""
    pending: list[tuple[str, Any, int]] = [("body", body, 0)]
    while pending:
        where, value, depth = pending.pop()
        if depth > _MAX_BODY_DEPTH:
            return where, "is nested too deeply."
        if isinstance(value, str) and not _encodable(value):
            return where, "contains a lone surrogate, which is not text."
        if isinstance(value, dict):
            for key, item in value.items():
                if not _encodable(key):
                    return where, "has a field name with a lone surrogate."
                pending.append((key if where == "body" else f"{where}.{key}", item, depth + 1))
        elif isinstance(value, list):
            pending.extend((f"{where}[{index}]", item, depth + 1) for index, item in enumerate(value))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
