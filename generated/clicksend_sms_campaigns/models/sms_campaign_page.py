from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignPage")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "total",
        "per_page",
        "current_page",
        "last_page",
        "next_page_url",
        "prev_page_url",
        "from",
        "to",
        "data",
    }
)


@_attrs_define
class SmsCampaignPage:
    """One page of campaigns, in ClickSend's page envelope. No field is required; a walk over pages stops at an empty page
    or when no next page is known. `from` and `to` number the first and last campaign on the page; the page envelope is
    Laravel's paginator (the fields match it exactly), which gives null for them on an empty page, so null is accepted.
    The page URLs are null when there is no such page, as ClickSend documents.

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        total (int | None): How many campaigns match, across all pages.
        per_page (int | None): The page size in effect (the `limit` that was honoured).
        current_page (int | None): The number of this page.
        last_page (int | None): The number of the last page.
        next_page_url (str | None): The URL of the next page; null on the last page.
        prev_page_url (str | None): The URL of the previous page; null on the first page.
        from_ (int | None): The position of the first campaign on this page, counting from 1.
        to (int | None): The position of the last campaign on this page.
        data (list[SmsCampaign] | None): The campaigns on this page.
    """

    total: int | None = None
    per_page: int | None = None
    current_page: int | None = None
    last_page: int | None = None
    next_page_url: str | None = None
    prev_page_url: str | None = None
    from_: int | None = None
    to: int | None = None
    data: list[SmsCampaign] | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.total is not None:
            field_dict["total"] = self.total

        if self.per_page is not None:
            field_dict["per_page"] = self.per_page

        if self.current_page is not None:
            field_dict["current_page"] = self.current_page

        if self.last_page is not None:
            field_dict["last_page"] = self.last_page

        if self.next_page_url is not None:
            field_dict["next_page_url"] = self.next_page_url

        if self.prev_page_url is not None:
            field_dict["prev_page_url"] = self.prev_page_url

        if self.from_ is not None:
            field_dict["from"] = self.from_

        if self.to is not None:
            field_dict["to"] = self.to

        if self.data is not None:
            field_dict["data"] = [item.to_dict() for item in self.data]

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total", None)
        if type(total) is not int and total is not None and (type(total) is bool or not isinstance(total, int)):
            raise InvalidFieldError.wrong_type("total", total, "an integer")

        per_page = d.pop("per_page", None)
        if (
            type(per_page) is not int
            and per_page is not None
            and (type(per_page) is bool or not isinstance(per_page, int))
        ):
            raise InvalidFieldError.wrong_type("per_page", per_page, "an integer")

        current_page = d.pop("current_page", None)
        if (
            type(current_page) is not int
            and current_page is not None
            and (type(current_page) is bool or not isinstance(current_page, int))
        ):
            raise InvalidFieldError.wrong_type("current_page", current_page, "an integer")

        last_page = d.pop("last_page", None)
        if (
            type(last_page) is not int
            and last_page is not None
            and (type(last_page) is bool or not isinstance(last_page, int))
        ):
            raise InvalidFieldError.wrong_type("last_page", last_page, "an integer")

        next_page_url = d.pop("next_page_url", None)
        if type(next_page_url) is not str and next_page_url is not None and (not isinstance(next_page_url, str)):
            raise InvalidFieldError.wrong_type("next_page_url", next_page_url, "a string")

        prev_page_url = d.pop("prev_page_url", None)
        if type(prev_page_url) is not str and prev_page_url is not None and (not isinstance(prev_page_url, str)):
            raise InvalidFieldError.wrong_type("prev_page_url", prev_page_url, "a string")

        from_ = d.pop("from", None)
        if type(from_) is not int and from_ is not None and (type(from_) is bool or not isinstance(from_, int)):
            raise InvalidFieldError.wrong_type("from", from_, "an integer")

        to = d.pop("to", None)
        if type(to) is not int and to is not None and (type(to) is bool or not isinstance(to, int)):
            raise InvalidFieldError.wrong_type("to", to, "an integer")

        _data = d.pop("data", None)
        data: list[SmsCampaign] | None = None
        if _data is not None:
            if type(_data) is not list and not isinstance(_data, list):
                raise InvalidFieldError.wrong_type("data", _data, "an array")
            data = []
            for index, data_item in enumerate(_data):
                if type(data_item) is not dict and not isinstance(data_item, Mapping):
                    raise InvalidFieldError.wrong_type(f"data[{index}]", data_item, "an object")
                try:
                    data.append(SmsCampaign.from_dict(data_item))
                except InvalidFieldError as error:
                    raise error.within(f"data[{index}]") from None

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


def _refuse_shadowing_extras(extras: Mapping[str, Any]) -> None:
    """An extra field named like a declared one would be sent twice, or lost: refuse it."""
    shadowing = _FIELD_NAMES.intersection(extras)
    if shadowing:
        name = min(shadowing)
        raise InvalidFieldError(
            name, "is a field of SmsCampaignPage: set the attribute, not an entry of additional_properties"
        )


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sms_campaign import SmsCampaign  # noqa: E402
