from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..exceptions import InvalidFieldError

T = TypeVar("T", bound="SmsCampaign")
#: The wire names of the declared fields: an extra field may not reuse one.
_FIELD_NAMES = frozenset(
    {
        "sms_campaign_id",
        "name",
        "user_id",
        "subaccount_id",
        "list_id",
        "from",
        "body",
        "schedule",
        "status",
        "date_added",
        "custom_string",
        "url_to_shorten",
        "unsubscribe_link",
        "source",
        "senders",
        "_total_count",
        "_list_name",
    }
)


@_attrs_define
class SmsCampaign:
    """A campaign as ClickSend returns it. Only `sms_campaign_id` is required: it is what
    every later call needs, and the only field without which a created campaign could be
    lost. Any other field may be missing (ClickSend's own spec requires none); null is
    declared where ClickSend has sent or documented it. Unknown fields are kept.

    Read tolerantly: a field that is missing or null in the answer reads None (a required one raises InvalidFieldError);
    a value of a type the spec does not allow raises InvalidFieldError. to_dict leaves out the fields that read None.

    Attributes:
        sms_campaign_id (int): The campaign's id. The reference types the id both as an integer and as a string (and ClickSend's spec changed
            the path's id from int32 to string), so a string of digits is accepted; the client reads it as the same integer.
        name (str | None): The campaign's name.
        user_id (int | None): The account that owns the campaign.
        subaccount_id (int | None): The subaccount that created the campaign.
        list_id (int | str | None): The id of the contact list to send to. The reference shows it as a number (428) in its curl examples and types
            it as a string in its field lists; both forms are accepted.
        from_ (str | None): The sender as ClickSend resolved it (number or alpha tag). Not checked against the sender rules, since ClickSend
            may substitute a local or shared number.
        body (str | None): The message, with placeholders as they were sent (the opt-out link may have been appended).
        schedule (int | str | None): Seconds since 1970-01-01 UTC. ClickSend returns timestamps both as a number (2147483647) and as a string of
            digits ("1444821615"); both are accepted.
        status (str | None): Where the campaign is in its life. Open set; values seen include Approved, Cancelled, Draft, Failed, Queued,
            Scheduled, Sending, Sent and WaitApproval, and new values may appear.
        date_added (int | str | None): Seconds since 1970-01-01 UTC. ClickSend returns timestamps both as a number (2147483647) and as a string of
            digits ("1444821615"); both are accepted.
        custom_string (str | None): A custom reference string; null when none was set (the reference's example shows null).
        url_to_shorten (str | None): The URL that was shortened into the body; may be empty.
        unsubscribe_link (int | None): Whether an unsubscribe link was added; the reference only shows 0.
        source (str | None): The application that sent the campaign; null when not given (the reference's example shows null).
        senders (list[Sender] | None): The per-country senders given when the campaign was sent. Null when none were given (ClickSend's SDK
            documentation says so, and an integration's recorded answer shows it); the reference's examples show an empty
            list.
        total_count (int | None): The number of recipients in the campaign's list.
        list_name (str | None): The name of the campaign's list.
    """

    sms_campaign_id: int
    name: str | None = None
    user_id: int | None = None
    subaccount_id: int | None = None
    list_id: int | str | None = None
    from_: str | None = None
    body: str | None = None
    schedule: int | str | None = None
    status: str | None = None
    date_added: int | str | None = None
    custom_string: str | None = None
    url_to_shorten: str | None = None
    unsubscribe_link: int | None = None
    source: str | None = None
    senders: list[Sender] | None = None
    total_count: int | None = None
    list_name: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        if self.additional_properties:
            _refuse_shadowing_extras(self.additional_properties)
            field_dict.update(self.additional_properties)
        if self.sms_campaign_id is not None:
            field_dict["sms_campaign_id"] = self.sms_campaign_id

        if self.name is not None:
            field_dict["name"] = self.name

        if self.user_id is not None:
            field_dict["user_id"] = self.user_id

        if self.subaccount_id is not None:
            field_dict["subaccount_id"] = self.subaccount_id

        if self.list_id is not None:
            field_dict["list_id"] = self.list_id

        if self.from_ is not None:
            field_dict["from"] = self.from_

        if self.body is not None:
            field_dict["body"] = self.body

        if self.schedule is not None:
            field_dict["schedule"] = self.schedule

        if self.status is not None:
            field_dict["status"] = self.status

        if self.date_added is not None:
            field_dict["date_added"] = self.date_added

        if self.custom_string is not None:
            field_dict["custom_string"] = self.custom_string

        if self.url_to_shorten is not None:
            field_dict["url_to_shorten"] = self.url_to_shorten

        if self.unsubscribe_link is not None:
            field_dict["unsubscribe_link"] = self.unsubscribe_link

        if self.source is not None:
            field_dict["source"] = self.source

        if self.senders is not None:
            field_dict["senders"] = [item.to_dict() for item in self.senders]

        if self.total_count is not None:
            field_dict["_total_count"] = self.total_count

        if self.list_name is not None:
            field_dict["_list_name"] = self.list_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sms_campaign_id = d.pop("sms_campaign_id", None)
        if (
            type(sms_campaign_id) is not int
            and sms_campaign_id is not None
            and (type(sms_campaign_id) is bool or not isinstance(sms_campaign_id, int))
        ):
            raise InvalidFieldError.wrong_type("sms_campaign_id", sms_campaign_id, "an integer")
        if sms_campaign_id is None:
            raise InvalidFieldError.missing("sms_campaign_id")

        name = d.pop("name", None)
        if type(name) is not str and name is not None and (not isinstance(name, str)):
            raise InvalidFieldError.wrong_type("name", name, "a string")

        user_id = d.pop("user_id", None)
        if type(user_id) is not int and user_id is not None and (type(user_id) is bool or not isinstance(user_id, int)):
            raise InvalidFieldError.wrong_type("user_id", user_id, "an integer")

        subaccount_id = d.pop("subaccount_id", None)
        if (
            type(subaccount_id) is not int
            and subaccount_id is not None
            and (type(subaccount_id) is bool or not isinstance(subaccount_id, int))
        ):
            raise InvalidFieldError.wrong_type("subaccount_id", subaccount_id, "an integer")

        list_id = d.pop("list_id", None)
        if (
            type(list_id) is not int
            and type(list_id) is not str
            and list_id is not None
            and (type(list_id) is bool or not isinstance(list_id, (int, str)))
        ):
            raise InvalidFieldError.wrong_type("list_id", list_id, "an integer or a string")

        from_ = d.pop("from", None)
        if type(from_) is not str and from_ is not None and (not isinstance(from_, str)):
            raise InvalidFieldError.wrong_type("from", from_, "a string")

        body = d.pop("body", None)
        if type(body) is not str and body is not None and (not isinstance(body, str)):
            raise InvalidFieldError.wrong_type("body", body, "a string")

        schedule = d.pop("schedule", None)
        if (
            type(schedule) is not int
            and type(schedule) is not str
            and schedule is not None
            and (type(schedule) is bool or not isinstance(schedule, (int, str)))
        ):
            raise InvalidFieldError.wrong_type("schedule", schedule, "an integer or a string")

        status = d.pop("status", None)
        if type(status) is not str and status is not None and (not isinstance(status, str)):
            raise InvalidFieldError.wrong_type("status", status, "a string")

        date_added = d.pop("date_added", None)
        if (
            type(date_added) is not int
            and type(date_added) is not str
            and date_added is not None
            and (type(date_added) is bool or not isinstance(date_added, (int, str)))
        ):
            raise InvalidFieldError.wrong_type("date_added", date_added, "an integer or a string")

        custom_string = d.pop("custom_string", None)
        if type(custom_string) is not str and custom_string is not None and (not isinstance(custom_string, str)):
            raise InvalidFieldError.wrong_type("custom_string", custom_string, "a string")

        url_to_shorten = d.pop("url_to_shorten", None)
        if type(url_to_shorten) is not str and url_to_shorten is not None and (not isinstance(url_to_shorten, str)):
            raise InvalidFieldError.wrong_type("url_to_shorten", url_to_shorten, "a string")

        unsubscribe_link = d.pop("unsubscribe_link", None)
        if (
            type(unsubscribe_link) is not int
            and unsubscribe_link is not None
            and (type(unsubscribe_link) is bool or not isinstance(unsubscribe_link, int))
        ):
            raise InvalidFieldError.wrong_type("unsubscribe_link", unsubscribe_link, "an integer")

        source = d.pop("source", None)
        if type(source) is not str and source is not None and (not isinstance(source, str)):
            raise InvalidFieldError.wrong_type("source", source, "a string")

        _senders = d.pop("senders", None)
        senders: list[Sender] | None = None
        if _senders is not None:
            if type(_senders) is not list and not isinstance(_senders, list):
                raise InvalidFieldError.wrong_type("senders", _senders, "an array")
            senders = []
            for index, senders_item in enumerate(_senders):
                if type(senders_item) is not dict and not isinstance(senders_item, Mapping):
                    raise InvalidFieldError.wrong_type(f"senders[{index}]", senders_item, "an object")
                try:
                    senders.append(Sender.from_dict(senders_item))
                except InvalidFieldError as error:
                    raise error.within(f"senders[{index}]") from None

        total_count = d.pop("_total_count", None)
        if (
            type(total_count) is not int
            and total_count is not None
            and (type(total_count) is bool or not isinstance(total_count, int))
        ):
            raise InvalidFieldError.wrong_type("_total_count", total_count, "an integer")

        list_name = d.pop("_list_name", None)
        if type(list_name) is not str and list_name is not None and (not isinstance(list_name, str)):
            raise InvalidFieldError.wrong_type("_list_name", list_name, "a string")

        sms_campaign = cls(
            sms_campaign_id=sms_campaign_id,
            name=name,
            user_id=user_id,
            subaccount_id=subaccount_id,
            list_id=list_id,
            from_=from_,
            body=body,
            schedule=schedule,
            status=status,
            date_added=date_added,
            custom_string=custom_string,
            url_to_shorten=url_to_shorten,
            unsubscribe_link=unsubscribe_link,
            source=source,
            senders=senders,
            total_count=total_count,
            list_name=list_name,
        )
        sms_campaign.additional_properties = d
        return sms_campaign

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
            name, "is a field of SmsCampaign: set the attribute, not an entry of additional_properties"
        )


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sender import Sender  # noqa: E402
