from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError
from ..types import UNSET, Unset

T = TypeVar("T", bound="SenderInput")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "recipient_country_code",
        "sender_id",
        "sender_type",
        "sender_country_code",
    }
)


@_attrs_define
class SenderInput:
    """The sender to use for recipients of one country (beta, for accounts in ClickSend's
    Smart Assign programme). The reference flags `recipient_country_code` as required and
    `sender_id` as required unless `sender_type` is `shared_longcode`, but ClickSend's own
    request example sends senders with `country` instead of `recipient_country_code` and a
    `sender_type` of `longcode`, and the reference says an invalid or missing sender falls
    back to the account's default. So nothing is required and other properties are allowed
    here; the client warns about a sender that breaks the documented rules.

    Attributes:
        recipient_country_code (str | Unset): An ISO 3166-1 alpha-2 country code, in capitals as the reference writes
            it. What ClickSend does with another value is not documented (a sender it cannot use falls back to the default),
            so any string is accepted and the client warns.
        sender_id (str | Unset): A sender. The reference documents two forms: a dedicated, shared or own number in E.164
            form (`+` and up to 15 digits), and an alpha tag of 3 to 11 characters from a-z, A-Z,
            0-9 and `+` with at least one character that is not a digit. It does not say that
            ClickSend refuses anything else: it replaces a sender it cannot use (a number of
            another country, a blocked number) and falls back to the default sender for an invalid
            one, and integrations send other values (an email address, public evidence) whose
            outcome is not recorded. So any string is accepted here; `x-documented-rule` holds the
            two documented forms, and the client warns about a value that has neither. The rule
            asks an alpha tag for a letter, because a value of only digits and `+` (such as
            `+0412`) is a mistyped number. Recipients cannot reply to an alpha tag.
        sender_type (str | Unset): The kind of sender. The reference names only `shared_longcode` (a number from a
            shared pool); ClickSend's own request example also uses `longcode`. Open set.
        sender_country_code (str | Unset): With `shared_longcode`, the country the pool number comes from. Empty or
            absent means the recipient's country.
    """

    recipient_country_code: str | Unset = UNSET
    sender_id: str | Unset = UNSET
    sender_type: str | Unset = UNSET
    sender_country_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        recipient_country_code = self.recipient_country_code

        sender_id = self.sender_id

        sender_type = self.sender_type

        sender_country_code = self.sender_country_code

        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
        field_dict.update(self.additional_properties)
        if recipient_country_code is not UNSET:
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
        recipient_country_code = d.pop("recipient_country_code", UNSET)
        sender_id = d.pop("sender_id", UNSET)
        sender_type = d.pop("sender_type", UNSET)
        sender_country_code = d.pop("sender_country_code", UNSET)
        sender_input = cls(
            recipient_country_code=recipient_country_code,
            sender_id=sender_id,
            sender_type=sender_type,
            sender_country_code=sender_country_code,
        )
        sender_input.additional_properties = d
        return sender_input

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
            name, "is a field of SenderInput: set the attribute, not an entry of additional_properties"
        )
