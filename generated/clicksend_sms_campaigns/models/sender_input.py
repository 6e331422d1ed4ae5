from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.sender_input_sender_type import SenderInputSenderType, check_sender_input_sender_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="SenderInput")


@_attrs_define
class SenderInput:
    """The sender to use for recipients of one country (beta, for accounts in ClickSend's
    Smart Assign programme). `sender_id` is required unless `sender_type` is
    `shared_longcode`; a missing or invalid sender falls back to the account's default
    for that country.

    Attributes:
        recipient_country_code (str): An ISO 3166-1 alpha-2 country code, in capitals.
        sender_id (str | Unset): A sender: a dedicated or own number in E.164 form (`+` and up to 15 digits), or an
            alpha tag of 3 to 11 characters from a-z, A-Z, 0-9 and `+`. ClickSend asks an alpha
            tag for at least one character that is not a digit; this spec asks for at least one
            letter, because a value of only digits and `+` (such as `+0412`) is a mistyped number
            and is checked as one. Recipients cannot reply to an alpha tag.
        sender_type (SenderInputSenderType | Unset): The kind of sender; only `shared_longcode` (a number from a shared
            pool) exists.
        sender_country_code (str | Unset): With `shared_longcode`, the country the pool number comes from. Empty or
            absent means the recipient's country.
    """

    recipient_country_code: str
    sender_id: str | Unset = UNSET
    sender_type: SenderInputSenderType | Unset = UNSET
    sender_country_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient_country_code = self.recipient_country_code

        sender_id = self.sender_id

        sender_type: str | Unset = UNSET
        if not isinstance(self.sender_type, Unset):
            sender_type = self.sender_type

        sender_country_code = self.sender_country_code

        field_dict: dict[str, Any] = {}
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
        _sender_type = d.pop("sender_type", UNSET)
        sender_type: SenderInputSenderType | Unset
        if isinstance(_sender_type, Unset):
            sender_type = UNSET
        else:
            sender_type = check_sender_input_sender_type(_sender_type)

        sender_country_code = d.pop("sender_country_code", UNSET)
        sender_input = cls(
            recipient_country_code=recipient_country_code,
            sender_id=sender_id,
            sender_type=sender_type,
            sender_country_code=sender_country_code,
        )
        return sender_input
