from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError
from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsCampaignUpdateRequest")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "list_id",
        "name",
        "body",
        "from",
        "schedule",
    }
)


@_attrs_define
class SmsCampaignUpdateRequest:
    """The new state of a campaign that has not started sending, with the fields the reference lists for updates. `from` is
    flagged required in the reference's table but left out of its curl example, so it is optional here. Other fields are
    allowed and sent as given (ClickSend's older spec used one campaign model for send, price and update).

    Attributes:
        list_id (int | str): The id of the contact list to send to, as a number (428) or a string of digits ("428"). Any
            other integer or non-empty string is accepted too, because ClickSend accepts the request and answers it as an
            unknown list (404 NOT_FOUND "Your list is not found.", public evidence from a request with `list_id` "wrong-
            id"); the client refuses an id below 1, which cannot be meant, and warns about a string that is not a number.
        name (str): The campaign's name, for your own reference. Required and not empty (ClickSend answers a missing
            name with "Name field is required.").
        body (str): The message. A message with only GSM 03.38 characters fits 160 characters in one part
            and 153 per part when longer; any other character makes it Unicode, 70 in one part and
            67 per part. Line breaks count as two characters. Placeholders are replaced per
            recipient: `(First Name)`, `(Last Name)`, `(Cust. 1)`..`(Cust. 4)`, the opt-out link
            `StopMsg.me/xxxxx` and the short link `smsu.io/xxxxx`. Marketing messages must carry
            an opt-out ("reply STOP" or `StopMsg.me/xxxxx`). ClickSend refuses an empty message
            (EMPTY_MESSAGE).
        from_ (str | Unset): A sender. The reference documents two forms: a dedicated, shared or own number in E.164
            form (`+` and up to 15 digits), and an alpha tag of 3 to 11 characters from a-z, A-Z,
            0-9 and `+` with at least one character that is not a digit. It does not say that
            ClickSend refuses anything else: it replaces a sender it cannot use (a number of
            another country, a blocked number) and falls back to the default sender for an invalid
            one, and integrations send other values (an email address, public evidence) whose
            outcome is not recorded. So any string is accepted here; `x-documented-rule` holds the
            two documented forms, and the client warns about a value that has neither. The rule
            asks an alpha tag for a letter, because a value of only digits and `+` (such as
            `+0412`) is a mistyped number. Recipients cannot reply to an alpha tag.
        schedule (int | Unset): Seconds since 1970-01-01 UTC. The reference types request timestamps as int32, but
            ClickSend accepted and echoed a schedule in milliseconds (1734591600000, public evidence), so no upper bound is
            declared; the client warns about such values.
    """

    list_id: int | str
    name: str
    body: str
    from_: str | Unset = UNSET
    schedule: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        list_id: int | str
        list_id = self.list_id

        name = self.name

        body = self.body

        from_ = self.from_

        schedule = self.schedule

        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
        field_dict.update(self.additional_properties)
        field_dict["list_id"] = list_id
        field_dict["name"] = name
        field_dict["body"] = body
        if from_ is not UNSET:
            field_dict["from"] = from_
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        for required in (
            "list_id",
            "name",
            "body",
        ):
            if required not in d:
                raise InvalidFieldError.missing(required)
        list_id = d.pop("list_id")
        name = d.pop("name")
        body = d.pop("body")
        from_ = d.pop("from", UNSET)
        schedule = d.pop("schedule", UNSET)
        sms_campaign_update_request = cls(
            list_id=list_id,
            name=name,
            body=body,
            from_=from_,
            schedule=schedule,
        )
        sms_campaign_update_request.additional_properties = d
        return sms_campaign_update_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _refuse_shadowing_extras(extras: Mapping[str, Any]) -> None:
    """An extra field named like a declared one would be sent twice, or lost: refuse it."""
    shadowing = _FIELD_NAMES.intersection(extras)
    if shadowing:
        name = min(shadowing)
        raise InvalidFieldError(
            name, "is a field of SmsCampaignUpdateRequest: set the attribute, not an entry of additional_properties"
        )
