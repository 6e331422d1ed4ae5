from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsCampaignPrice")


@_attrs_define
class SmsCampaignPrice:
    """The price of a campaign. ClickSend has returned `total_price` both as a number and as a string of a decimal
    ("0.035"); both are accepted. The reference shows `data` and `_currency` only as empty objects, so their contents
    are kept as given.

    Attributes:
        total_count (int): The number of messages (recipients) the campaign sends to.
        total_price (float | str): The total price in the account's currency.
        data (SmsCampaignPriceData | Unset): ClickSend's breakdown of the price; not documented.
        currency (SmsCampaignPriceCurrency | Unset): The account's currency; not documented.
    """

    total_count: int
    total_price: float | str
    data: SmsCampaignPriceData | Unset = UNSET
    currency: SmsCampaignPriceCurrency | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        total_price: float | str
        total_price = self.total_price

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        currency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["total_count"] = total_count
        field_dict["total_price"] = total_price
        if data is not UNSET:
            field_dict["data"] = data
        if currency is not UNSET:
            field_dict["_currency"] = currency
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_count = d.pop("total_count")
        total_price = d.pop("total_price")
        _data = d.pop("data", UNSET)
        data: SmsCampaignPriceData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = SmsCampaignPriceData.from_dict(_data)

        _currency = d.pop("_currency", UNSET)
        currency: SmsCampaignPriceCurrency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = SmsCampaignPriceCurrency.from_dict(_currency)

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


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sms_campaign_price_currency import SmsCampaignPriceCurrency  # noqa: E402
from ..models.sms_campaign_price_data import SmsCampaignPriceData  # noqa: E402
