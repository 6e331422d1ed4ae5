import math
from http import HTTPStatus
from typing import Any

import httpx

from ...bounds import DEADLINE_EXTENSION
from ...client import AuthenticatedClient, Client
from ...exceptions import error_from_response, parse_success
from ...models.sms_campaign_price_envelope import SmsCampaignPriceEnvelope
from ...models.sms_campaign_price_request import SmsCampaignPriceRequest
from ...retries import OPERATION_EXTENSION
from ...types import Response
from ...validation import check_request, encode_json, json_body


def _get_kwargs(
    *,
    body: SmsCampaignPriceRequest,
    checks: bool = True,
    deadline: float | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    body_json = json_body(body)
    body_bytes = encode_json(body_json)
    path_parameters: dict[str, Any] = {}
    check_request(
        "calculate_sms_campaign_price",
        {},
        path_parameters,
        body_json,
        checks=checks,
    )
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms-campaigns/price".format(),
        "extensions": {
            OPERATION_EXTENSION: "calculate_sms_campaign_price",
            DEADLINE_EXTENSION: None if deadline is None or deadline == math.inf else deadline,
        },
    }
    _kwargs["content"] = body_bytes
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SmsCampaignPriceEnvelope:
    if 200 <= response.status_code <= 200:
        return parse_success(response, SmsCampaignPriceEnvelope.from_dict, "calculate_sms_campaign_price")
    raise error_from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SmsCampaignPriceEnvelope]:
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
    body: SmsCampaignPriceRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignPriceEnvelope]:
    """Calculate the price of an SMS campaign without sending it

    Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Other fields are allowed and sent as given (a TypeScript
            client sends `source`; ClickSend's older spec used one campaign model for send, price and
            update).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignPriceEnvelope]: the model with the status code and headers.
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
    body: SmsCampaignPriceRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignPriceEnvelope:
    """Calculate the price of an SMS campaign without sending it

    Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Other fields are allowed and sent as given (a TypeScript
            client sends `source`; ClickSend's older spec used one campaign model for send, price and
            update).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignPriceEnvelope
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
    body: SmsCampaignPriceRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignPriceEnvelope]:
    """Calculate the price of an SMS campaign without sending it

    Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Other fields are allowed and sent as given (a TypeScript
            client sends `source`; ClickSend's older spec used one campaign model for send, price and
            update).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignPriceEnvelope]: the model with the status code and headers.
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
    body: SmsCampaignPriceRequest,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignPriceEnvelope:
    """Calculate the price of an SMS campaign without sending it

    Prices the campaign that `send_sms_campaign` would create with the same fields, without
    creating or sending anything. The price depends on the number of recipients in the list
    and on how many message parts each recipient's personalised message needs.
    Safe to repeat.

    Args:
        body (SmsCampaignPriceRequest): The campaign to price, with the fields the reference lists
            for pricing. `from` is flagged required in the reference's table but left out of its curl
            example, so it is optional here. Other fields are allowed and sent as given (a TypeScript
            client sends `source`; ClickSend's older spec used one campaign model for send, price and
            update).
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignPriceEnvelope
    """

    kwargs = _get_kwargs(
        body=body,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)
