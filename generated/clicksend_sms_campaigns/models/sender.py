from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Sender")


@_attrs_define
class Sender:
    """A per-country sender as ClickSend returns it. Looser than `SenderInput` so that values ClickSend adds later still
    parse.

    Attributes:
        recipient_country_code (str): The recipients' ISO 3166-1 alpha-2 country code.
        sender_id (str | Unset): The alpha tag or number used for those recipients.
        sender_type (str | Unset): The kind of sender. Open set; known value `shared_longcode`.
        sender_country_code (str | Unset): The country of a shared-pool number.
    """

    recipient_country_code: str
    sender_id: str | Unset = UNSET
    sender_type: str | Unset = UNSET
    sender_country_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recipient_country_code = self.recipient_country_code

        sender_id = self.sender_id

        sender_type = self.sender_type

        sender_country_code = self.sender_country_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["recipient_country_code"] = recipient_country_code
        if sender_id is not UNSET:
            field_dict["sender_id"] = sender_id
        if sender_type is not UNSET:
            field_dict["sender_type"] = sender_type
        if sender_country_code is not UNSET:
            field_dict["sender_country_code"] = sender_country_code
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipient_country_code = d.pop("recipient_country_code")
        sender_id = d.pop("sender_id", UNSET)
        sender_type = d.pop("sender_type", UNSET)
        sender_country_code = d.pop("sender_country_code", UNSET)
        sender = cls(
            recipient_country_code=recipient_country_code,
            sender_id=sender_id,
            sender_type=sender_type,
            sender_country_code=sender_country_code,
        )
        sender.additional_properties = d
        return sender

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
