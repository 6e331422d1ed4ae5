import math
from http import HTTPStatus
from typing import Any

import httpx

from ...bounds import DEADLINE_EXTENSION
from ...client import AuthenticatedClient, Client
from ...exceptions import error_from_response, parse_success
from ...models.sms_campaign_send_envelope import SmsCampaignSendEnvelope
from ...models.sms_campaign_send_request import SmsCampaignSendRequest
from ...retries import OPERATION_EXTENSION
from ...types import Response
from ...validation import check_request, encode_json, json_body


def _get_kwargs(
    *,
    body: SmsCampaignSendRequest,
    checks: bool = True,
    deadline: float | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    body_json = json_body(body)
    body_bytes = encode_json(body_json)
    path_parameters: dict[str, Any] = {}
    check_request(
        "send_sms_campaign",
        {},
        path_parameters,
        body_json,
        checks=checks,
    )
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms-campaigns/send".format(),
        "extensions": {
            OPERATION_EXTENSION: "send_sms_campaign",
            DEADLINE_EXTENSION: None if deadline is None or deadline == math.inf else deadline,
        },
    }
    _kwargs["content"] = body_bytes
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SmsCampaignSendEnvelope:
    if 200 <= response.status_code <= 200:
        return parse_success(response, SmsCampaignSendEnvelope.from_dict, "send_sms_campaign")
    raise error_from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SmsCampaignSendEnvelope]:
    # Parsed first: it raises for every status but a success, which HTTPStatus() always knows.
    parsed = _parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignSendEnvelope]:
    """Send an SMS campaign to a contact list

    Creates a campaign that sends one message to every contact of a single contact list
    (at most 20,000 recipients). Without `schedule` the campaign is queued for sending at
    once; with a future `schedule` it waits until then and can still be updated or
    cancelled. The answer describes the campaign, not the individual messages; use the
    SMS send endpoint for fewer than 1,000 recipients.

    Marketing messages must end with an opt-out: "reply STOP" or the placeholder
    `StopMsg.me/xxxxx`, which becomes a per-recipient opt-out link.

    Not safe to repeat: ClickSend has no idempotency key, so sending the same request
    twice creates and sends two campaigns.

    Args:
        body (SmsCampaignSendRequest): A campaign to send. The reference flags `from` and
            `senders` as required, but its
            prose says a shared number is used when no sender is given and the default senders
            when `senders` is missing, and its curl example sends neither; both are optional
            here. Fields the reference does not list are allowed and sent as given (integrations
            send `senderIDgroup` and `subject`, and ClickSend answered 200).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignSendEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        body=body,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignSendEnvelope:
    """Send an SMS campaign to a contact list

    Creates a campaign that sends one message to every contact of a single contact list
    (at most 20,000 recipients). Without `schedule` the campaign is queued for sending at
    once; with a future `schedule` it waits until then and can still be updated or
    cancelled. The answer describes the campaign, not the individual messages; use the
    SMS send endpoint for fewer than 1,000 recipients.

    Marketing messages must end with an opt-out: "reply STOP" or the placeholder
    `StopMsg.me/xxxxx`, which becomes a per-recipient opt-out link.

    Not safe to repeat: ClickSend has no idempotency key, so sending the same request
    twice creates and sends two campaigns.

    Args:
        body (SmsCampaignSendRequest): A campaign to send. The reference flags `from` and
            `senders` as required, but its
            prose says a shared number is used when no sender is given and the default senders
            when `senders` is missing, and its curl example sends neither; both are optional
            here. Fields the reference does not list are allowed and sent as given (integrations
            send `senderIDgroup` and `subject`, and ClickSend answered 200).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignSendEnvelope
    """

    kwargs = _get_kwargs(
        body=body,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignSendEnvelope]:
    """Send an SMS campaign to a contact list

    Creates a campaign that sends one message to every contact of a single contact list
    (at most 20,000 recipients). Without `schedule` the campaign is queued for sending at
    once; with a future `schedule` it waits until then and can still be updated or
    cancelled. The answer describes the campaign, not the individual messages; use the
    SMS send endpoint for fewer than 1,000 recipients.

    Marketing messages must end with an opt-out: "reply STOP" or the placeholder
    `StopMsg.me/xxxxx`, which becomes a per-recipient opt-out link.

    Not safe to repeat: ClickSend has no idempotency key, so sending the same request
    twice creates and sends two campaigns.

    Args:
        body (SmsCampaignSendRequest): A campaign to send. The reference flags `from` and
            `senders` as required, but its
            prose says a shared number is used when no sender is given and the default senders
            when `senders` is missing, and its curl example sends neither; both are optional
            here. Fields the reference does not list are allowed and sent as given (integrations
            send `senderIDgroup` and `subject`, and ClickSend answered 200).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignSendEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        body=body,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignSendEnvelope:
    """Send an SMS campaign to a contact list

    Creates a campaign that sends one message to every contact of a single contact list
    (at most 20,000 recipients). Without `schedule` the campaign is queued for sending at
    once; with a future `schedule` it waits until then and can still be updated or
    cancelled. The answer describes the campaign, not the individual messages; use the
    SMS send endpoint for fewer than 1,000 recipients.

    Marketing messages must end with an opt-out: "reply STOP" or the placeholder
    `StopMsg.me/xxxxx`, which becomes a per-recipient opt-out link.

    Not safe to repeat: ClickSend has no idempotency key, so sending the same request
    twice creates and sends two campaigns.

    Args:
        body (SmsCampaignSendRequest): A campaign to send. The reference flags `from` and
            `senders` as required, but its
            prose says a shared number is used when no sender is given and the default senders
            when `senders` is missing, and its curl example sends neither; both are optional
            here. Fields the reference does not list are allowed and sent as given (integrations
            send `senderIDgroup` and `subject`, and ClickSend answered 200).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignSendEnvelope
    """

    kwargs = _get_kwargs(
        body=body,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)
