from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.sms_campaign_envelope import SmsCampaignEnvelope
from ...types import Response


def _get_kwargs(
    sms_campaign_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/sms-campaigns/{sms_campaign_id}/cancel".format(
            sms_campaign_id=quote(str(sms_campaign_id), safe=""),
        ),
    }

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
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | SmsCampaignEnvelope]:
    """Cancel a scheduled SMS campaign

     Cancels a campaign that has not started sending. Takes no request body. A repeat can only fail or
    cancel the same campaign again and never sends anything, so it is safe to repeat.

    Args:
        sms_campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignEnvelope]
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | SmsCampaignEnvelope | None:
    """Cancel a scheduled SMS campaign

     Cancels a campaign that has not started sending. Takes no request body. A repeat can only fail or
    cancel the same campaign again and never sends anything, so it is safe to repeat.

    Args:
        sms_campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignEnvelope
    """

    return sync_detailed(
        sms_campaign_id=sms_campaign_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | SmsCampaignEnvelope]:
    """Cancel a scheduled SMS campaign

     Cancels a campaign that has not started sending. Takes no request body. A repeat can only fail or
    cancel the same campaign again and never sends anything, so it is safe to repeat.

    Args:
        sms_campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignEnvelope]
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | SmsCampaignEnvelope | None:
    """Cancel a scheduled SMS campaign

     Cancels a campaign that has not started sending. Takes no request body. A repeat can only fail or
    cancel the same campaign again and never sends anything, so it is safe to repeat.

    Args:
        sms_campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignEnvelope
    """

    return (
        await asyncio_detailed(
            sms_campaign_id=sms_campaign_id,
            client=client,
        )
    ).parsed
