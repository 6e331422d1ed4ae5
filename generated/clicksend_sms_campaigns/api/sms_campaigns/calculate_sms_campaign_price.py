from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sms_campaign_price_envelope import SmsCampaignPriceEnvelope
from ...models.sms_campaign_price_request import SmsCampaignPriceRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SmsCampaignPriceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms-campaigns/price",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SmsCampaignPriceEnvelope | None:
    if response.status_code == 200:
        response_200 = SmsCampaignPriceEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SmsCampaignPriceEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignPriceRequest,
) -> Response[ErrorEnvelope | SmsCampaignPriceEnvelope]:
    """Calculate the price of an SMS campaign without sending it

     Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignPriceEnvelope]
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
    body: SmsCampaignPriceRequest,
) -> ErrorEnvelope | SmsCampaignPriceEnvelope | None:
    """Calculate the price of an SMS campaign without sending it

     Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignPriceEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignPriceRequest,
) -> Response[ErrorEnvelope | SmsCampaignPriceEnvelope]:
    """Calculate the price of an SMS campaign without sending it

     Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignPriceEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SmsCampaignPriceRequest,
) -> ErrorEnvelope | SmsCampaignPriceEnvelope | None:
    """Calculate the price of an SMS campaign without sending it

     Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Fields the reference does not document are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignPriceEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
