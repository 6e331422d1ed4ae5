from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignPrice")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "total_count",
        "total_price",
        "data",
        "_currency",
    }
)


@_attrs_define
class SmsCampaignPrice:
    """The price of a campaign. No field is required. ClickSend has returned `total_price` both as a number and as a string
    of a decimal ("0.035"); both are accepted.

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        total_count (int | None): The number of messages (recipients) the campaign sends to.
        total_price (float | str | None): A decimal amount. ClickSend has returned amounts both as a number and as a string of a decimal ("0.035"), and
            changed from one to the other between releases; both are accepted.
        data (SmsCampaignPriceDetails | None): What was priced, as ClickSend's spec describes the price answer's inner `data` (the reference's example shows it
            empty).
        currency (SmsCampaignPriceCurrency | None): The account's currency, with the six fields ClickSend's spec lists (the reference's example shows it empty).
    """

    total_count: int | None = None
    total_price: float | str | None = None
    data: SmsCampaignPriceDetails | None = None
    currency: SmsCampaignPriceCurrency | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.total_count is not None:
            field_dict["total_count"] = self.total_count

        if self.total_price is not None:
            field_dict["total_price"] = self.total_price

        if self.data is not None:
            field_dict["data"] = self.data.to_dict()

        if self.currency is not None:
            field_dict["_currency"] = self.currency.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_count = d.pop("total_count", None)
        if (
            type(total_count) is not int
            and total_count is not None
            and (type(total_count) is bool or not isinstance(total_count, int))
        ):
            raise InvalidFieldError.wrong_type("total_count", total_count, "an integer")

        total_price = d.pop("total_price", None)
        if (
            type(total_price) is not int
            and type(total_price) is not float
            and type(total_price) is not str
            and total_price is not None
            and (type(total_price) is bool or not isinstance(total_price, (int, float, str)))
        ):
            raise InvalidFieldError.wrong_type("total_price", total_price, "a number or a string")

        _data = d.pop("data", None)
        data: SmsCampaignPriceDetails | None = None
        if _data is not None:
            if type(_data) is not dict and not isinstance(_data, Mapping):
                raise InvalidFieldError.wrong_type("data", _data, "an object")
            try:
                data = SmsCampaignPriceDetails.from_dict(_data)
            except InvalidFieldError as error:
                raise error.within("data") from None

        _currency = d.pop("_currency", None)
        currency: SmsCampaignPriceCurrency | None = None
        if _currency is not None:
            if type(_currency) is not dict and not isinstance(_currency, Mapping):
                raise InvalidFieldError.wrong_type("_currency", _currency, "an object")
            try:
                currency = SmsCampaignPriceCurrency.from_dict(_currency)
            except InvalidFieldError as error:
                raise error.within("_currency") from None

        sms_campaign_price = cls(
            total_count=total_count,
            total_price=total_price,
            data=data,
            currency=currency,
        )
        sms_campaign_price.additional_properties = d
        return sms_campaign_price

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
            name, "is a field of SmsCampaignPrice: set the attribute, not an entry of additional_properties"
        )


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sms_campaign_price_currency import SmsCampaignPriceCurrency  # noqa: E402
from ..models.sms_campaign_price_details import SmsCampaignPriceDetails  # noqa: E402
