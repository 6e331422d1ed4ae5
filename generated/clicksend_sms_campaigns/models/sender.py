from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="Sender")
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
class Sender:
    """A per-country sender as ClickSend returns it. No property is required; ClickSend's own examples include sender
    objects with only `sender_id` and `sender_country_code`.

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        recipient_country_code (str | None): The recipients' ISO 3166-1 alpha-2 country code.
        sender_id (str | None): The alpha tag or number used for those recipients.
        sender_type (str | None): The kind of sender. Open set; known values `shared_longcode` and `longcode`.
        sender_country_code (str | None): The country of a shared-pool number.
    """

    recipient_country_code: str | None = None
    sender_id: str | None = None
    sender_type: str | None = None
    sender_country_code: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.recipient_country_code is not None:
            field_dict["recipient_country_code"] = self.recipient_country_code

        if self.sender_id is not None:
            field_dict["sender_id"] = self.sender_id

        if self.sender_type is not None:
            field_dict["sender_type"] = self.sender_type

        if self.sender_country_code is not None:
            field_dict["sender_country_code"] = self.sender_country_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recipient_country_code = d.pop("recipient_country_code", None)
        if (
            type(recipient_country_code) is not str
            and recipient_country_code is not None
            and (not isinstance(recipient_country_code, str))
        ):
            raise InvalidFieldError.wrong_type("recipient_country_code", recipient_country_code, "a string")

        sender_id = d.pop("sender_id", None)
        if type(sender_id) is not str and sender_id is not None and (not isinstance(sender_id, str)):
            raise InvalidFieldError.wrong_type("sender_id", sender_id, "a string")

        sender_type = d.pop("sender_type", None)
        if type(sender_type) is not str and sender_type is not None and (not isinstance(sender_type, str)):
            raise InvalidFieldError.wrong_type("sender_type", sender_type, "a string")

        sender_country_code = d.pop("sender_country_code", None)
        if (
            type(sender_country_code) is not str
            and sender_country_code is not None
            and (not isinstance(sender_country_code, str))
        ):
            raise InvalidFieldError.wrong_type("sender_country_code", sender_country_code, "a string")

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


def _refuse_shadowing_extras(extras: Mapping[str, Any]) -> None:
    """An extra field named like a declared one would be sent twice, or lost: refuse it."""
    shadowing = _FIELD_NAMES.intersection(extras)
    if shadowing:
        name = min(shadowing)
        raise InvalidFieldError(name, "is a field of Sender: set the attribute, not an entry of additional_properties")
