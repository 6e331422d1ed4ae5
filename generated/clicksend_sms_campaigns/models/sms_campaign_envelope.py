from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsCampaignEnvelope")


@_attrs_define
class SmsCampaignEnvelope:
    """A response that carries one campaign.

    Attributes:
        http_code (int): The HTTP status code, repeated in the body.
        response_code (str): ClickSend's application code, for example SUCCESS or BAD_REQUEST. Open set; see
            `ErrorEnvelope` for the known error codes.
        response_msg (str): A human-readable description of the outcome.
        data (SmsCampaign): A campaign as ClickSend returns it. Every example in the reference carries all of these
            fields; the ones that look like later additions (senders, url_to_shorten, the
            underscore fields, custom_string, source, unsubscribe_link) are optional so that an
            older or leaner answer still parses. Unknown fields are kept.
    """

    http_code: int
    response_code: str
    response_msg: str
    data: SmsCampaign
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
        data = SmsCampaign.from_dict(d.pop("data"))

        sms_campaign_envelope = cls(
            http_code=http_code,
            response_code=response_code,
            response_msg=response_msg,
            data=data,
        )
        sms_campaign_envelope.additional_properties = d
        return sms_campaign_envelope

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
