from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsCampaignPageEnvelope")


@_attrs_define
class SmsCampaignPageEnvelope:
    """A response that carries one page of campaigns.

    Attributes:
        http_code (int): The HTTP status code, repeated in the body.
        response_code (str): ClickSend's application code, for example SUCCESS or BAD_REQUEST. Open set; see
            `ErrorEnvelope` for the known error codes.
        response_msg (str): A human-readable description of the outcome.
        data (SmsCampaignPage): One page of campaigns, in ClickSend's page envelope. `from` and `to` number the first
            and last campaign on the page; ClickSend's paginator gives null for them on an empty page, so null is accepted.
            The page URLs are null when there is no such page.
    """

    http_code: int
    response_code: str
    response_msg: str
    data: SmsCampaignPage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        http_code = self.http_code

        response_code = self.response_code

        response_msg = self.response_msg

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["http_code"] = http_code
        field_dict["response_code"] = response_code
        field_dict["response_msg"] = response_msg
        field_dict["data"] = data
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        http_code = d.pop("http_code")
        response_code = d.pop("response_code")
        response_msg = d.pop("response_msg")
        data = SmsCampaignPage.from_dict(d.pop("data"))

        sms_campaign_page_envelope = cls(
            http_code=http_code,
            response_code=response_code,
            response_msg=response_msg,
            data=data,
        )
        sms_campaign_page_envelope.additional_properties = d
        return sms_campaign_page_envelope

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
from ..models.sms_campaign_page import SmsCampaignPage  # noqa: E402
