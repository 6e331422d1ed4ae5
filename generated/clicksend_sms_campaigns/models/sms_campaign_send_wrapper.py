from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignSendWrapper")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "sms_campaign",
        "total_count",
    }
)


@_attrs_define
class SmsCampaignSendWrapper:
    """The send answer's `data` as integrations observe it: the new campaign under
    `sms_campaign`, beside `total_count` and possibly other fields. ClickSend's reference
    shows the campaign directly in `data` instead; both shapes are declared.

    Read tolerantly: a field that is missing or null in the answer reads None (a required one raises InvalidFieldError);
    a value of a type the spec does not allow raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        sms_campaign (SmsCampaign): A campaign as ClickSend returns it. Only `sms_campaign_id` is required: it is what
            every later call needs, and the only field without which a created campaign could be
            lost. Any other field may be missing (ClickSend's own spec requires none); null is
            declared where ClickSend has sent or documented it. Unknown fields are kept.
        total_count (int | None): The number of recipients, as integrations read it beside the campaign.
    """

    sms_campaign: SmsCampaign
    total_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.sms_campaign is not None:
            field_dict["sms_campaign"] = self.sms_campaign.to_dict()

        if self.total_count is not None:
            field_dict["total_count"] = self.total_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _sms_campaign = d.pop("sms_campaign", None)
        sms_campaign: SmsCampaign | None = None
        if _sms_campaign is not None:
            if type(_sms_campaign) is not dict and not isinstance(_sms_campaign, Mapping):
                raise InvalidFieldError.wrong_type("sms_campaign", _sms_campaign, "an object")
            try:
                sms_campaign = SmsCampaign.from_dict(_sms_campaign)
            except InvalidFieldError as error:
                raise error.within("sms_campaign") from None
        if sms_campaign is None:
            raise InvalidFieldError.missing("sms_campaign")

        total_count = d.pop("total_count", None)
        if (
            type(total_count) is not int
            and total_count is not None
            and (type(total_count) is bool or not isinstance(total_count, int))
        ):
            raise InvalidFieldError.wrong_type("total_count", total_count, "an integer")

        sms_campaign_send_wrapper = cls(
            sms_campaign=sms_campaign,
            total_count=total_count,
        )
        sms_campaign_send_wrapper.additional_properties = d
        return sms_campaign_send_wrapper

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
            name, "is a field of SmsCampaignSendWrapper: set the attribute, not an entry of additional_properties"
        )


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sms_campaign import SmsCampaign  # noqa: E402
