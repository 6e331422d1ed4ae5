import math
from http import HTTPStatus
from typing import Any

import httpx

from ...bounds import DEADLINE_EXTENSION
from ...client import AuthenticatedClient, Client
from ...exceptions import error_from_response, parse_success
from ...models.list_sms_campaigns_operator import ListSmsCampaignsOperator
from ...models.sms_campaign_page_envelope import SmsCampaignPageEnvelope
from ...retries import OPERATION_EXTENSION
from ...types import UNSET, Response, Unset
from ...validation import check_request


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = UNSET,
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    checks: bool = True,
    deadline: float | None = None,
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

    path_parameters: dict[str, Any] = {}
    check_request(
        "list_sms_campaigns",
        params,
        path_parameters,
        None,
        checks=checks,
    )
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-campaigns".format(),
        "params": params,
        "extensions": {
            OPERATION_EXTENSION: "list_sms_campaigns",
            DEADLINE_EXTENSION: None if deadline is None or deadline == math.inf else deadline,
        },
    }
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SmsCampaignPageEnvelope:
    if 200 <= response.status_code <= 200:
        return parse_success(response, SmsCampaignPageEnvelope.from_dict, "list_sms_campaigns")
    raise error_from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SmsCampaignPageEnvelope]:
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
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = UNSET,
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignPageEnvelope]:
    """List SMS campaigns, one page at a time

    Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):
        limit (int | Unset):
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        date_to (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignPageEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = UNSET,
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignPageEnvelope:
    """List SMS campaigns, one page at a time

    Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):
        limit (int | Unset):
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        date_to (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignPageEnvelope
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = UNSET,
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignPageEnvelope]:
    """List SMS campaigns, one page at a time

    Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):
        limit (int | Unset):
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        date_to (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignPageEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    q: str | Unset = UNSET,
    operator: ListSmsCampaignsOperator | Unset = UNSET,
    order_by: str | Unset = UNSET,
    date_from: int | Unset = UNSET,
    date_to: int | Unset = UNSET,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignPageEnvelope:
    """List SMS campaigns, one page at a time

    Returns one page of the account's campaigns (shared ones included), filtered by `q`,
    `date_from` and `date_to`, sorted by `order_by`. Follow `next_page_url`, or raise
    `page` until `current_page` equals `last_page`, to see them all. Safe to repeat.

    Args:
        page (int | Unset):
        limit (int | Unset):
        q (str | Unset):
        operator (ListSmsCampaignsOperator | Unset):
        order_by (str | Unset):
        date_from (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        date_to (int | Unset): Seconds since 1970-01-01 UTC. The reference types request
            timestamps as int32, but ClickSend accepted and echoed a schedule in milliseconds
            (1734591600000, public evidence), so no upper bound is declared; the client warns about
            such values.
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignPageEnvelope
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        q=q,
        operator=operator,
        order_by=order_by,
        date_from=date_from,
        date_to=date_to,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)
