from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sms_campaign_envelope import SmsCampaignEnvelope
from ...models.sms_campaign_send_request import SmsCampaignSendRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SmsCampaignSendRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms-campaigns/send",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SmsCampaignEnvelope | None:
    if response.status_code == 200:
        response_200 = SmsCampaignEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorEnvelope.from_dict(response.json())

        return response_405

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SmsCampaignEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
) -> Response[ErrorEnvelope | SmsCampaignEnvelope]:
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
            here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
) -> ErrorEnvelope | SmsCampaignEnvelope | None:
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
            here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
) -> Response[ErrorEnvelope | SmsCampaignEnvelope]:
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
            here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignSendRequest,
) -> ErrorEnvelope | SmsCampaignEnvelope | None:
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
            here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
