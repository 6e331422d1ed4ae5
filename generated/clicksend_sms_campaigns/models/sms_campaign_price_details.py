from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignPriceDetails")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "from",
        "body",
        "schedule",
    }
)


@_attrs_define
class SmsCampaignPriceDetails:
    """What was priced, as ClickSend's spec describes the price answer's inner `data` (the reference's example shows it
    empty).

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        from_ (str | None): The sender that was priced.
        body (str | None): The message that was priced.
        schedule (int | str | None): Seconds since 1970-01-01 UTC. ClickSend returns timestamps both as a number (2147483647) and as a string of
            digits ("1444821615"); both are accepted.
    """

    from_: str | None = None
    body: str | None = None
    schedule: int | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.from_ is not None:
            field_dict["from"] = self.from_

        if self.body is not None:
            field_dict["body"] = self.body

        if self.schedule is not None:
            field_dict["schedule"] = self.schedule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = d.pop("from", None)
        if type(from_) is not str and from_ is not None and (not isinstance(from_, str)):
            raise InvalidFieldError.wrong_type("from", from_, "a string")

        body = d.pop("body", None)
        if type(body) is not str and body is not None and (not isinstance(body, str)):
            raise InvalidFieldError.wrong_type("body", body, "a string")

        schedule = d.pop("schedule", None)
        if (
            type(schedule) is not int
            and type(schedule) is not str
            and schedule is not None
            and (type(schedule) is bool or not isinstance(schedule, (int, str)))
        ):
            raise InvalidFieldError.wrong_type("schedule", schedule, "an integer or a string")

        sms_campaign_price_details = cls(
            from_=from_,
            body=body,
            schedule=schedule,
        )
        sms_campaign_price_details.additional_properties = d
        return sms_campaign_price_details

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
            name, "is a field of SmsCampaignPriceDetails: set the attribute, not an entry of additional_properties"
        )
