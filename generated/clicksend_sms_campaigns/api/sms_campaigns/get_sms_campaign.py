import math
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...bounds import DEADLINE_EXTENSION
from ...client import AuthenticatedClient, Client
from ...exceptions import error_from_response, parse_success
from ...models.sms_campaign_envelope import SmsCampaignEnvelope
from ...retries import OPERATION_EXTENSION
from ...types import Response
from ...validation import check_request


def _get_kwargs(
    sms_campaign_id: int,
    checks: bool = True,
    deadline: float | None = None,
) -> dict[str, Any]:

    path_parameters: dict[str, Any] = {
        "sms_campaign_id": sms_campaign_id,
    }
    check_request(
        "get_sms_campaign",
        {},
        path_parameters,
        None,
        checks=checks,
    )
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sms-campaigns/{sms_campaign_id}".format(
            sms_campaign_id=quote(str(sms_campaign_id), safe=""),
        ),
        "extensions": {
            OPERATION_EXTENSION: "get_sms_campaign",
            DEADLINE_EXTENSION: None if deadline is None or deadline == math.inf else deadline,
        },
    }
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SmsCampaignEnvelope:
    if 200 <= response.status_code <= 200:
        return parse_success(response, SmsCampaignEnvelope.from_dict, "get_sms_campaign")
    raise error_from_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[SmsCampaignEnvelope]:
    # Parsed first: it raises for every status but a success, which HTTPStatus() always knows.
    parsed = _parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignEnvelope]:
    """Get one SMS campaign

    Returns the campaign with this id, if it belongs to the authenticated account. Safe to repeat.

    Args:
        sms_campaign_id (int):
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


def sync(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignEnvelope:
    """Get one SMS campaign

    Returns the campaign with this id, if it belongs to the authenticated account. Safe to repeat.

    Args:
        sms_campaign_id (int):
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignEnvelope
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = client.get_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
    checks: bool | None = None,
    deadline: float | None = None,
) -> Response[SmsCampaignEnvelope]:
    """Get one SMS campaign

    Returns the campaign with this id, if it belongs to the authenticated account. Safe to repeat.

    Args:
        sms_campaign_id (int):
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        Response[SmsCampaignEnvelope]: the model with the status code and headers.
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _build_response(client=client, response=response)


async def asyncio(
    sms_campaign_id: int,
    *,
    client: AuthenticatedClient,
    checks: bool | None = None,
    deadline: float | None = None,
) -> SmsCampaignEnvelope:
    """Get one SMS campaign

    Returns the campaign with this id, if it belongs to the authenticated account. Safe to repeat.

    Args:
        sms_campaign_id (int):
        checks (bool | None): False sends the request as given, without the client-side checks;
            None (the default) follows the client's `checks`.
        deadline (float | None): seconds this call may take, retries and waits included; None (the
            default) follows the client's `deadline`; math.inf lifts it for this call.

    Raises:
        RequestValidationError: An argument breaks a documented rule; nothing was sent.
        ClickSendError: ClickSend answered with an error, or did not answer (see exceptions.py).

    Returns:
        SmsCampaignEnvelope
    """

    kwargs = _get_kwargs(
        sms_campaign_id=sms_campaign_id,
        checks=client.checks if checks is None else checks,
        deadline=client.deadline if deadline is None else deadline,
    )
    response = await client.get_async_httpx_client().request(**kwargs)
    return _parse_response(client=client, response=response)
