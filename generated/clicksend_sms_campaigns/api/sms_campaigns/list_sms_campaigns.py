from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.list_sms_campaigns_operator import ListSmsCampaignsOperator
from ...models.sms_campaign_page_envelope import SmsCampaignPageEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 15,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = "AND",
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["q"] = q

    json_operator: str | Unset = UNSET
    if not isinstance(operator, Unset):
        json_operator = operator

    params["operator"] = json_operator

    params["order_by"] = order_by

    params["date_from"] = date_from

    params["date_to"] = date_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-campaigns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SmsCampaignPageEnvelope | None:
    if response.status_code == 200:
        response_200 = SmsCampaignPageEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SmsCampaignPageEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 15,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = "AND",
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
) -> Response[ErrorEnvelope | SmsCampaignPageEnvelope]:
    """List SMS campaigns, one page at a time

     Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 15.
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):  Default: 'AND'.
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.
        date_to (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignPageEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 15,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = "AND",
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
) -> ErrorEnvelope | SmsCampaignPageEnvelope | None:
    """List SMS campaigns, one page at a time

     Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 15.
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):  Default: 'AND'.
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.
        date_to (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignPageEnvelope
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 15,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = "AND",
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
) -> Response[ErrorEnvelope | SmsCampaignPageEnvelope]:
    """List SMS campaigns, one page at a time

     Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 15.
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):  Default: 'AND'.
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.
        date_to (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SmsCampaignPageEnvelope]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 15,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = "AND",
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
) -> ErrorEnvelope | SmsCampaignPageEnvelope | None:
    """List SMS campaigns, one page at a time

     Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 15.
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):  Default: 'AND'.
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.
        date_to (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's
            int32 says.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SmsCampaignPageEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
            q=q,
            operator=operator,
            order_by=order_by,
            date_from=date_from,
            date_to=date_to,
        )
    ).parsed
