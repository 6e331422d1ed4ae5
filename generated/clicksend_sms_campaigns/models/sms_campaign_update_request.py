from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsCampaignUpdateRequest")


@_attrs_define
class SmsCampaignUpdateRequest:
    """The new state of a campaign that has not started sending, with the fields the reference lists for updates. `from` is
    flagged required in the reference's table but left out of its curl example, so it is optional here. Fields the
    reference does not document are rejected.

    Attributes:
        list_id (int | str): The id of the contact list to send to. The reference shows it as a number (428) in its curl
            examples and types it as a string in its field lists; both forms are accepted.
        name (str): The campaign's name, for your own reference.
        body (str): The message. A message with only GSM 03.38 characters fits 160 characters in one part
            and 153 per part when longer; any other character makes it Unicode, 70 in one part and
            67 per part. Line breaks count as two characters. Placeholders are replaced per
            recipient: `(First Name)`, `(Last Name)`, `(Cust. 1)`..`(Cust. 4)`, the opt-out link
            `StopMsg.me/xxxxx` and the short link `smsu.io/xxxxx`. Marketing messages must carry
            an opt-out ("reply STOP" or `StopMsg.me/xxxxx`).
        from_ (str | Unset): A sender: a dedicated or own number in E.164 form (`+` and up to 15 digits), or an
            alpha tag of 3 to 11 characters from a-z, A-Z, 0-9 and `+`. ClickSend asks an alpha
            tag for at least one character that is not a digit; this spec asks for at least one
            letter, because a value of only digits and `+` (such as `+0412`) is a mistyped number
            and is checked as one. Recipients cannot reply to an alpha tag.
        schedule (int | Unset): Seconds since 1970-01-01 UTC, within 32 bits as the reference's int32 says.
    """

    list_id: int | str
    name: str
    body: str
    from_: str | Unset = UNSET
    schedule: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        list_id: int | str
        list_id = self.list_id

        name = self.name

        body = self.body

        from_ = self.from_

        schedule = self.schedule

        field_dict: dict[str, Any] = {}
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
        return sms_campaign_update_request
