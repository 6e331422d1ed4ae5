from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignPriceCurrency")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "currency_name_short",
        "currency_prefix_d",
        "currency_prefix_c",
        "currency_name_long",
        "min_recharge_amount",
        "max_recharge_amount",
    }
)


@_attrs_define
class SmsCampaignPriceCurrency:
    """The account's currency, with the six fields ClickSend's spec lists (the reference's example shows it empty).

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        currency_name_short (str | None): The currency's code, for example AUD.
        currency_prefix_d (str | None): The symbol written before an amount in dollars, for example "$".
        currency_prefix_c (str | None): The symbol written after an amount in cents, for example "c".
        currency_name_long (str | None): The currency's name, for example "Australian Dollars".
        min_recharge_amount (float | str | None): A decimal amount. ClickSend has returned amounts both as a number and as a string of a decimal ("0.035"), and
            changed from one to the other between releases; both are accepted.
        max_recharge_amount (float | str | None): A decimal amount. ClickSend has returned amounts both as a number and as a string of a decimal ("0.035"), and
            changed from one to the other between releases; both are accepted.
    """

    currency_name_short: str | None = None
    currency_prefix_d: str | None = None
    currency_prefix_c: str | None = None
    currency_name_long: str | None = None
    min_recharge_amount: float | str | None = None
    max_recharge_amount: float | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.currency_name_short is not None:
            field_dict["currency_name_short"] = self.currency_name_short

        if self.currency_prefix_d is not None:
            field_dict["currency_prefix_d"] = self.currency_prefix_d

        if self.currency_prefix_c is not None:
            field_dict["currency_prefix_c"] = self.currency_prefix_c

        if self.currency_name_long is not None:
            field_dict["currency_name_long"] = self.currency_name_long

        if self.min_recharge_amount is not None:
            field_dict["min_recharge_amount"] = self.min_recharge_amount

        if self.max_recharge_amount is not None:
            field_dict["max_recharge_amount"] = self.max_recharge_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency_name_short = d.pop("currency_name_short", None)
        if (
            type(currency_name_short) is not str
            and currency_name_short is not None
            and (not isinstance(currency_name_short, str))
        ):
            raise InvalidFieldError.wrong_type("currency_name_short", currency_name_short, "a string")

        currency_prefix_d = d.pop("currency_prefix_d", None)
        if (
            type(currency_prefix_d) is not str
            and currency_prefix_d is not None
            and (not isinstance(currency_prefix_d, str))
        ):
            raise InvalidFieldError.wrong_type("currency_prefix_d", currency_prefix_d, "a string")

        currency_prefix_c = d.pop("currency_prefix_c", None)
        if (
            type(currency_prefix_c) is not str
            and currency_prefix_c is not None
            and (not isinstance(currency_prefix_c, str))
        ):
            raise InvalidFieldError.wrong_type("currency_prefix_c", currency_prefix_c, "a string")

        currency_name_long = d.pop("currency_name_long", None)
        if (
            type(currency_name_long) is not str
            and currency_name_long is not None
            and (not isinstance(currency_name_long, str))
        ):
            raise InvalidFieldError.wrong_type("currency_name_long", currency_name_long, "a string")

        min_recharge_amount = d.pop("min_recharge_amount", None)
        if (
            type(min_recharge_amount) is not int
            and type(min_recharge_amount) is not float
            and type(min_recharge_amount) is not str
            and min_recharge_amount is not None
            and (type(min_recharge_amount) is bool or not isinstance(min_recharge_amount, (int, float, str)))
        ):
            raise InvalidFieldError.wrong_type("min_recharge_amount", min_recharge_amount, "a number or a string")

        max_recharge_amount = d.pop("max_recharge_amount", None)
        if (
            type(max_recharge_amount) is not int
            and type(max_recharge_amount) is not float
            and type(max_recharge_amount) is not str
            and max_recharge_amount is not None
            and (type(max_recharge_amount) is bool or not isinstance(max_recharge_amount, (int, float, str)))
        ):
            raise InvalidFieldError.wrong_type("max_recharge_amount", max_recharge_amount, "a number or a string")

        sms_campaign_price_currency = cls(
            currency_name_short=currency_name_short,
            currency_prefix_d=currency_prefix_d,
            currency_prefix_c=currency_prefix_c,
            currency_name_long=currency_name_long,
            min_recharge_amount=min_recharge_amount,
            max_recharge_amount=max_recharge_amount,
        )
        sms_campaign_price_currency.additional_properties = d
        return sms_campaign_price_currency

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
            name, "is a field of SmsCampaignPriceCurrency: set the attribute, not an entry of additional_properties"
        )
