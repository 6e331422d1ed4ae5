from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaignPageEnvelope")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "http_code",
        "response_code",
        "response_msg",
        "data",
    }
)


@_attrs_define
class SmsCampaignPageEnvelope:
    """A response that carries one page of campaigns. `data` may be missing or null, which reads as no campaigns.

    Read tolerantly: a field that is missing or null in the answer reads None; a value of a type the spec does not allow
    raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        http_code (int | None): The HTTP status code, repeated in the body.
        response_code (str | int | None): ClickSend's application code, for example SUCCESS or BAD_REQUEST. Open set; see `ErrorEnvelope` for the known
            error codes. One ClickSend endpoint outside this API has sent it as a number (400, public evidence), so a number
            is accepted too.
        response_msg (str | None): A human-readable description of the outcome.
        data (SmsCampaignPage | None): One page of campaigns, in ClickSend's page envelope. No field is required; a walk over pages stops at an empty
            page or when no next page is known. `from` and `to` number the first and last campaign on the page; the page
            envelope is Laravel's paginator (the fields match it exactly), which gives null for them on an empty page, so
            null is accepted. The page URLs are null when there is no such page, as ClickSend documents.
    """

    http_code: int | None = None
    response_code: str | int | None = None
    response_msg: str | None = None
    data: SmsCampaignPage | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.http_code is not None:
            field_dict["http_code"] = self.http_code

        if self.response_code is not None:
            field_dict["response_code"] = self.response_code

        if self.response_msg is not None:
            field_dict["response_msg"] = self.response_msg

        if self.data is not None:
            field_dict["data"] = self.data.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        http_code = d.pop("http_code", None)
        if (
            type(http_code) is not int
            and http_code is not None
            and (type(http_code) is bool or not isinstance(http_code, int))
        ):
            raise InvalidFieldError.wrong_type("http_code", http_code, "an integer")

        response_code = d.pop("response_code", None)
        if (
            type(response_code) is not str
            and type(response_code) is not int
            and response_code is not None
            and (type(response_code) is bool or not isinstance(response_code, (str, int)))
        ):
            raise InvalidFieldError.wrong_type("response_code", response_code, "a string or an integer")

        response_msg = d.pop("response_msg", None)
        if type(response_msg) is not str and response_msg is not None and (not isinstance(response_msg, str)):
            raise InvalidFieldError.wrong_type("response_msg", response_msg, "a string")

        _data = d.pop("data", None)
        data: SmsCampaignPage | None = None
        if _data is not None:
            if type(_data) is not dict and not isinstance(_data, Mapping):
                raise InvalidFieldError.wrong_type("data", _data, "an object")
            try:
                data = SmsCampaignPage.from_dict(_data)
            except InvalidFieldError as error:
                raise error.within("data") from None

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


def _refuse_shadowing_extras(extras: Mapping[str, Any]) -> None:
    """An extra field named like a declared one would be sent twice, or lost: refuse it."""
    shadowing = _FIELD_NAMES.intersection(extras)
    if shadowing:
        name = min(shadowing)
        raise InvalidFieldError(
            name, "is a field of SmsCampaignPageEnvelope: set the attribute, not an entry of additional_properties"
        )


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sms_campaign_page import SmsCampaignPage  # noqa: E402
