"""What the live target may send to ClickSend, enforced before a request leaves.

A campaign goes to every contact of a real list, so against the live API a campaign may only be
created with a schedule far enough ahead that nothing is sent before the same run cancels it:
at least MIN_LEAD_SECONDS ahead (and within ClickSend's four months). An update must keep such a
schedule. Every campaign the guard lets through is remembered, and `cancel_all` cancels them at
the end of the run. Schemathesis, which generates arbitrary bodies, is only given the read-only
operations against the live API.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx

MIN_LEAD_SECONDS = 7 * 24 * 3600
MAX_LEAD_SECONDS = 100 * 24 * 3600
#: The only operations schemathesis may call against the live API.
LIVE_SCHEMATHESIS_OPERATIONS = ("list_sms_campaigns", "get_sms_campaign", "calculate_sms_campaign_price")
_CAMPAIGN_WRITES = {("POST", "/sms-campaigns/send"), ("PUT", "/sms-campaigns/{id}")}


class LiveSafetyError(RuntimeError):
    """A request that could send a real SMS was stopped before it left."""


def _route(request: httpx.Request) -> tuple[str, str]:
    path = request.url.path
    path = path[path.index("/sms-campaigns") :] if "/sms-campaigns" in path else path
    parts = path.split("/")
    if len(parts) >= 3 and parts[2].isdigit():
        parts[2] = "{id}"
    return request.method, "/".join(parts)


def check_request(request: httpx.Request, now: float | None = None) -> None:
    """Raise LiveSafetyError unless this request is safe to send to the live API."""
    method, route = _route(request)
    if (method, route) not in _CAMPAIGN_WRITES:
        if method not in ("GET", "PUT", "POST") or route not in (
            "/sms-campaigns",
            "/sms-campaigns/{id}",
            "/sms-campaigns/{id}/cancel",
            "/sms-campaigns/price",
        ):
            raise LiveSafetyError(f"{method} {route} is not an operation the live target may call")
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
        if _route(request) == ("POST", "/sms-campaigns/send") and response.status_code == 200:
            response.read()
            campaign_id = (json.loads(response.content).get("data") or {}).get("sms_campaign_id")
            if isinstance(campaign_id, int):
                self.created.append(campaign_id)
        return response

    def close(self) -> None:
        self._wrapped.close()
