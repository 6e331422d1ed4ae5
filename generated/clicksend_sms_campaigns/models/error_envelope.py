from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """A failed request. `response_code` is an open set; known values include BAD_REQUEST,
    UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, TOO_MANY_REQUESTS,
    INTERNAL_SERVER_ERROR, MISSING_CREDENTIALS, ACCOUNT_NOT_ACTIVATED, INVALID_RECIPIENT,
    THROTTLED, INVALID_SENDER_ID, INSUFFICIENT_CREDIT, INVALID_CREDENTIALS, ALREADY_EXISTS,
    EMPTY_MESSAGE, TOO_MANY_RECIPIENTS, MISSING_REQUIRED_FIELDS, INVALID_SCHEDULE,
    NOT_ENOUGH_PERMISSION_TO_LIST_ID, INTERNAL_ERROR and SOMETHING_IS_WRONG. `data` is
    usually null; for validation errors it can map field names to messages. Any other
    shape of `data` is accepted.

    Attributes:
        http_code (int): The HTTP status code, repeated in the body.
        response_code (str): ClickSend's application code, for example SUCCESS or BAD_REQUEST. Open set; see
            `ErrorEnvelope` for the known error codes.
        response_msg (str): A human-readable description of the outcome.
        data (Any | Unset): Null, or details such as a map from field name to message.
    """

    http_code: int
    response_code: str
    response_msg: str
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        http_code = self.http_code

        response_code = self.response_code

        response_msg = self.response_msg

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["http_code"] = http_code
        field_dict["response_code"] = response_code
        field_dict["response_msg"] = response_msg
        if data is not UNSET:
            field_dict["data"] = data
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        http_code = d.pop("http_code")
        response_code = d.pop("response_code")
        response_msg = d.pop("response_msg")
        data = d.pop("data", UNSET)
        error_envelope = cls(
            http_code=http_code,
            response_code=response_code,
            response_msg=response_msg,
            data=data,
        )
        error_envelope.additional_properties = d
        return error_envelope

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
