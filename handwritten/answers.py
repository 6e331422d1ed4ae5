"""ClickSend's answers as they really come, settled into the one shape the models read.

ClickSend sends some answers in more than one form (see the spec's descriptions and the public
evidence). Each operation's answer passes through `read` before its model sees it:

- send: the new campaign is `data` (the reference's example) or `data.sms_campaign` beside
  `data.total_count` (what integrations observe). Either way the model's `data` is the campaign;
  a nested answer's wrapper is kept, untouched, as `data_wrapper`.
- every answer that carries campaigns (send, get, update, cancel, list): a campaign id sent as a
  string of ASCII digits becomes the same integer, so `sms_campaign_id` is always an `int`.

A problem found here raises InvalidFieldError naming the field where ClickSend put it, as the
models do; parse_success turns it into MalformedResponseError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .exceptions import InvalidFieldError

Model = TypeVar("Model")
_ONE_CAMPAIGN = frozenset({"get_sms_campaign", "update_sms_campaign", "cancel_sms_campaign"})


def read(operation: str | None, body: Mapping[str, Any], parse: Callable[[Mapping[str, Any]], Model]) -> Model:
    """The model for one operation's success answer (an envelope already known to be a JSON object)."""
    if operation == "send_sms_campaign":
        return _read_send(body, parse)
    if operation in _ONE_CAMPAIGN:
        data = body.get("data")
        if isinstance(data, Mapping):
            body = {**body, "data": _with_integer_id(data, "data")}
    elif operation == "list_sms_campaigns":
        body = _with_integer_ids_on_page(body)
    return parse(body)


def _read_send(body: Mapping[str, Any], parse: Callable[[Mapping[str, Any]], Model]) -> Model:
    data = body.get("data")
    nested = isinstance(data, Mapping) and "sms_campaign_id" not in data and "sms_campaign" in data
    if not nested:
        if isinstance(data, Mapping):
            body = {**body, "data": _with_integer_id(data, "data")}
        return parse(body)
    assert isinstance(data, Mapping)
    campaign = data["sms_campaign"]
    if campaign is None:
        raise InvalidFieldError.missing("data.sms_campaign")
    if not isinstance(campaign, Mapping):
        raise InvalidFieldError.wrong_type("data.sms_campaign", campaign, "an object")
    campaign = _with_integer_id(campaign, "data.sms_campaign")
    wrapper = {**data, "sms_campaign": campaign}
    try:
        return parse({**body, "data": campaign, "data_wrapper": wrapper})
    except InvalidFieldError as error:
        # The model saw the campaign as `data`; name the field where ClickSend put it.
        if error.field == "data" or error.field.startswith(("data.", "data[")):
            raise type(error)("data.sms_campaign" + error.field[len("data") :], error.problem) from None
        if error.field.startswith("data_wrapper"):
            raise type(error)("data" + error.field[len("data_wrapper") :], error.problem) from None
        raise


def _with_integer_id(campaign: Mapping[str, Any], where: str) -> Mapping[str, Any]:
    campaign_id = campaign.get("sms_campaign_id")
    if not isinstance(campaign_id, str):
        return campaign  # an integer, or something the model refuses with the right message
    if not (campaign_id.isascii() and campaign_id.isdigit()) or len(campaign_id) > 30:
        raise InvalidFieldError(
            f"{where}.sms_campaign_id", f"expected an integer or a string of digits, got {campaign_id[:40]!r}"
        )
    return {**campaign, "sms_campaign_id": int(campaign_id)}


def _with_integer_ids_on_page(body: Mapping[str, Any]) -> Mapping[str, Any]:
    page = body.get("data")
    items = page.get("data") if isinstance(page, Mapping) else None
    if not isinstance(items, list) or not any(
        isinstance(item, Mapping) and isinstance(item.get("sms_campaign_id"), str) for item in items
    ):
        return body  # the common case: nothing to change, nothing copied
    assert isinstance(page, Mapping)
    settled = [
        _with_integer_id(item, f"data.data[{index}]") if isinstance(item, Mapping) else item
        for index, item in enumerate(items)
    ]
    return {**body, "data": {**page, "data": settled}}
