from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsCampaignPage")


@_attrs_define
class SmsCampaignPage:
    """One page of campaigns, in ClickSend's page envelope. `from` and `to` number the first and last campaign on the page;
    ClickSend's paginator gives null for them on an empty page, so null is accepted. The page URLs are null when there
    is no such page.

    Attributes:
        total (int): How many campaigns match, across all pages.
        per_page (int): The page size in effect (the `limit` that was honoured).
        current_page (int): The number of this page.
        last_page (int): The number of the last page.
        next_page_url (None | str): The URL of the next page; null on the last page.
        prev_page_url (None | str): The URL of the previous page; null on the first page.
        from_ (int | None): The position of the first campaign on this page, counting from 1.
        to (int | None): The position of the last campaign on this page.
        data (list[SmsCampaign]): The campaigns on this page.
    """

    total: int
    per_page: int
    current_page: int
    last_page: int
    next_page_url: None | str
    prev_page_url: None | str
    from_: int | None
    to: int | None
    data: list[SmsCampaign]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        per_page = self.per_page

        current_page = self.current_page

        last_page = self.last_page

        next_page_url: None | str
        next_page_url = self.next_page_url

        prev_page_url: None | str
        prev_page_url = self.prev_page_url

        from_: int | None
        from_ = self.from_

        to: int | None
        to = self.to

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["total"] = total
        field_dict["per_page"] = per_page
        field_dict["current_page"] = current_page
        field_dict["last_page"] = last_page
        field_dict["next_page_url"] = next_page_url
        field_dict["prev_page_url"] = prev_page_url
        field_dict["from"] = from_
        field_dict["to"] = to
        field_dict["data"] = data
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")
        per_page = d.pop("per_page")
        current_page = d.pop("current_page")
        last_page = d.pop("last_page")
        next_page_url = d.pop("next_page_url")
        prev_page_url = d.pop("prev_page_url")
        from_ = d.pop("from")
        to = d.pop("to")
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = SmsCampaign.from_dict(data_item_data)

            data.append(data_item)

        sms_campaign_page = cls(
            total=total,
            per_page=per_page,
            current_page=current_page,
            last_page=last_page,
            next_page_url=next_page_url,
            prev_page_url=prev_page_url,
            from_=from_,
            to=to,
            data=data,
        )
        sms_campaign_page.additional_properties = d
        return sms_campaign_page

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
from ..models.sms_campaign import SmsCampaign  # noqa: E402
