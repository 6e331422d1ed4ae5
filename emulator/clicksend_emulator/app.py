"""The emulator's HTTP API: the six SMS-campaign operations under /v3, as ClickSend documents them.

Every answer the emulator's own code gives, success or error, administration included, is
ClickSend's envelope. Requests are validated whole against the spec's own schemas (the generated
package's spec_facts), then against the rules the spec cannot express, before anything is
stored: a request that fails changes nothing. Nothing a client sends produces a traceback or a
500 unless a fault is injected.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from clicksend_sms_campaigns import OPERATIONS, Operation
from clicksend_sms_campaigns.spec_facts import PARAMETERS, SCHEMAS
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .campaign_operations import CampaignOperations
from .config import EmulatorConfig
from .faults import Fault, FaultPlan
from .protocol import STATUS_CODES, ApiError, DroppedConnection, envelope
from .seed import Account, default_lists
from .store import CampaignStore, Clock, StoreWriteFailed

_MAX_CLOCK_STEP = 100 * 366 * 24 * 3600
#: The server URL's path, which every path of the spec is relative to.
API_PREFIX = "/v3"


class Emulator(CampaignOperations):
    """State plus the ASGI app. Start it over HTTP with clicksend_emulator.run_emulator()."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.accounts = {account.username: account for account in self.config.accounts}
        self.lists = self.config.lists if self.config.lists is not None else default_lists(self.config.accounts)
        self.clock = Clock()
        self.store = CampaignStore(
            self.clock, self.config.lifecycle, self.config.db_path, busy_timeout=self.config.store_busy_timeout
        )
        self.pricing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="emulator-pricing")
        self.faults = FaultPlan(self.config.fault_seed)
        self.public_base_url = (self.config.public_base_url or "http://127.0.0.1").rstrip("/")
        document = {"components": {"schemas": SCHEMAS}}
        self._registry: Registry[Any] = Registry().with_resource("urn:spec", DRAFT202012.create_resource(document))
        self.app = Starlette(
            routes=[
                *self._api_routes(),
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
            except StoreWriteFailed:
                return envelope(500, "INTERNAL_ERROR", "An internal error occurred; nothing was changed.")

        return endpoint

    def _api_routes(self) -> list[Route]:
        """One route per path of the spec's registry, dispatching by method to the handler named by
        the operationId; an operation with no handler answers "not emulated"."""
        by_path: dict[str, dict[str, Operation]] = defaultdict(dict)
        for operation in OPERATIONS:
            by_path[operation.path][operation.method] = operation
        routes = []
        for path, operations in by_path.items():
            endpoints = {method: self._operation(op.id, self._handler(op)) for method, op in operations.items()}
            routes.append(
                Route(API_PREFIX + _starlette_path(path, operations), _by_method(endpoints), methods=list(endpoints))
            )
        return routes

    def _handler(self, operation: Operation) -> Any:
        handler = getattr(self, operation.id, None)
        if handler is not None:
            return handler

        async def not_emulated(request: Request, account: Account) -> Response:
            raise ApiError(501, "NOT_IMPLEMENTED", f"The emulator does not carry out {operation.id} yet.")

        return not_emulated

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
        code = STATUS_CODES.get(error.status_code, "BAD_REQUEST")
        message = "Method doesn't exist or is not allowed." if error.status_code == 405 else str(error.detail)
        if error.status_code == 404:
            message = "The URI requested is invalid or the resource requested does not exist."
        headers = dict(error.headers or {})
        if "Allow" in headers:  # Starlette builds it from a set; a fixed order keeps recordings identical
            headers["Allow"] = ", ".join(sorted(method.strip() for method in headers["Allow"].split(",")))
        return envelope(error.status_code, code, message, headers=headers)

    async def _unexpected_error(self, request: Request, error: Exception) -> Response:
        return envelope(500, "INTERNAL_ERROR", "An internal error occurred.")

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


def _starlette_path(path: str, operations: dict[str, Operation]) -> str:
    """The spec's template, with an integer path parameter matched by digits only (CampaignIdConvertor)."""
    for operation in operations.values():
        for name, schema in PARAMETERS.get(operation.id, {}).items():
            if schema.get("type") == "integer":
                path = path.replace("{" + name + "}", "{" + name + ":campaign_id}")
    return path


def _by_method(endpoints: dict[str, Any]) -> Any:
    async def endpoint(request: Request) -> Response:
        # HEAD is GET without the body (the server drops it); it never reaches another method's handler.
        method = "GET" if request.method == "HEAD" else request.method
        return await endpoints[method](request)  # type: ignore[no-any-return]

    return endpoint
