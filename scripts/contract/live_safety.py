"""What the live target may send to ClickSend, enforced before a request leaves.

A campaign goes to every contact of a real list, so against the live API a campaign may only be
created with a schedule far enough ahead that nothing is sent before the same run cancels it:
at least MIN_LEAD_SECONDS ahead (and within ClickSend's four months). An update must keep such a
schedule. Every campaign the guard lets through is remembered, and `cancel_all` cancels them at
the end of the run. Schemathesis, which generates arbitrary bodies, is only given the read-only
operations against the live API.

What each operation is comes from the spec, through the registry (each operation's method, whether
it is safe to repeat, and the schemas of its body and answer), never from a list of names, so a new
operation is judged as soon as it is in the spec: one whose answer holds a campaign and that takes a
body or is not safe to repeat sets when a campaign goes out; one of those not safe to repeat creates
campaigns; a GET, or an operation safe to repeat whose answer holds no campaign, only reads.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
from clicksend_sms_campaigns import OPERATIONS, ClickSendError, Operation, operation_for

from scripts.contract import speclib
from scripts.openapi_spec import resolve

MIN_LEAD_SECONDS = 7 * 24 * 3600
MAX_LEAD_SECONDS = 100 * 24 * 3600
_SPEC = speclib.load_spec()


def _holds_campaign(node: Any, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a schema holds a campaign (an object with `sms_campaign_id`), at any depth."""
    resolved = resolve(_SPEC, node)
    if resolved.pointer and resolved.pointer in seen:
        return False
    seen, schema = seen | {resolved.pointer}, resolved.node
    if not isinstance(schema, dict):
        return False
    if "sms_campaign_id" in (schema.get("properties") or {}):
        return True
    parts = [*(schema.get("properties") or {}).values(), schema.get("items")]
    parts += [*schema.get("allOf", ()), *schema.get("anyOf", ()), *schema.get("oneOf", ())]
    return any(_holds_campaign(part, seen) for part in parts if part is not None)


def _answers_a_campaign(operation: Operation) -> bool:
    return operation.answer is not None and _holds_campaign({"$ref": f"#/components/schemas/{operation.answer}"})


#: The operations that set when a campaign goes out; live runs only let them schedule far ahead.
CAMPAIGN_WRITES = frozenset(
    op.id for op in OPERATIONS if _answers_a_campaign(op) and (op.body is not None or not op.safe_to_repeat)
)
#: The operations that create a campaign each time: every one the guard lets through is cancelled later.
CAMPAIGN_CREATES = frozenset(op.id for op in OPERATIONS if op.id in CAMPAIGN_WRITES and not op.safe_to_repeat)
#: The only operations schemathesis may call against the live API: the ones that only read.
LIVE_SCHEMATHESIS_OPERATIONS = tuple(
    op.id for op in OPERATIONS if op.method == "GET" or (op.safe_to_repeat and not _answers_a_campaign(op))
)


class LiveSafetyError(RuntimeError):
    """A request that could send a real SMS was stopped before it left."""


def check_request(request: httpx.Request, now: float | None = None) -> None:
    """Raise LiveSafetyError unless this request is safe to send to the live API.

    The operations come from the spec's registry. One that sets a schedule must schedule far ahead;
    any other must be safe to repeat (a read, a price, a cancel); an operation that is neither, or
    a request that is no operation, is stopped: the guard has no rule that would make it safe.
    """
    method, route = request.method, request.url.path
    operation = operation_for(method, route)
    if operation is None:
        raise LiveSafetyError(f"{method} {route} is not an operation the live target may call")
    if operation.id not in CAMPAIGN_WRITES:
        if not operation.safe_to_repeat:
            raise LiveSafetyError(f"{method} {route} ({operation.id}): the live guard knows no rule that makes it safe")
        return
    try:
        body = json.loads(request.content or b"{}")
    except ValueError:
        raise LiveSafetyError(f"{method} {route}: the body is not JSON, so its schedule cannot be checked") from None
    schedule = body.get("schedule") if isinstance(body, dict) else None
    now = time.time() if now is None else now
    if not isinstance(schedule, int) or isinstance(schedule, bool):
        raise LiveSafetyError(f"{method} {route} without a schedule would send now; live runs only schedule far ahead")
    if not now + MIN_LEAD_SECONDS <= schedule <= now + MAX_LEAD_SECONDS:
        raise LiveSafetyError(
            f"{method} {route} with schedule {schedule}: live runs schedule between "
            f"{MIN_LEAD_SECONDS // 86400} and {MAX_LEAD_SECONDS // 86400} days ahead, then cancel"
        )


class LiveSafetyTransport(httpx.BaseTransport):
    """Checks each request with check_request, and remembers every campaign created."""

    def __init__(self, wrapped: httpx.BaseTransport, clock: Callable[[], float] = time.time) -> None:
        self._wrapped, self._clock = wrapped, clock
        self.created: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        check_request(request, self._clock())
        response = self._wrapped.handle_request(request)
        operation = operation_for(request.method, request.url.path)
        if operation is not None and operation.id in CAMPAIGN_CREATES and response.status_code == 200:
            response.read()
            # The client's own reader: ClickSend answers flat or nested (data.sms_campaign), and a
            # campaign created must be found in either, or it would not be cancelled.
            try:
                campaign = importlib.import_module(operation.module)._parse_response(response).data
            except ClickSendError:
                campaign = None
            if campaign is not None and campaign.sms_campaign_id is not None:
                self.created.append(campaign.sms_campaign_id)
        return response

    def close(self) -> None:
        self._wrapped.close()
