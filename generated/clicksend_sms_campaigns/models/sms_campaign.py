from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SmsCampaign")


@_attrs_define
class SmsCampaign:
    """A campaign as ClickSend returns it. Every example in the reference carries all of these
    fields; the ones that look like later additions (senders, url_to_shorten, the
    underscore fields, custom_string, source, unsubscribe_link) are optional so that an
    older or leaner answer still parses. Unknown fields are kept.

    Attributes:
        sms_campaign_id (int): The campaign's id.
        name (str): The campaign's name.
        user_id (int): The account that owns the campaign.
        subaccount_id (int): The subaccount that created the campaign.
        list_id (int | str): The id of the contact list to send to. The reference shows it as a number (428) in its curl
            examples and types it as a string in its field lists; both forms are accepted.
        from_ (str): The sender as ClickSend resolved it (number or alpha tag). Not checked against the sender rules,
            since ClickSend may substitute a local or shared number.
        body (str): The message, with placeholders as they were sent (the opt-out link may have been appended).
        schedule (int | str): Seconds since 1970-01-01 UTC. ClickSend returns timestamps both as a number (2147483647)
            and as a string of digits ("1444821615"); both are accepted.
        status (str): Where the campaign is in its life. Open set; values seen include Approved, Cancelled, Draft,
            Failed, Queued, Scheduled, Sending, Sent and WaitApproval, and new values may appear.
        date_added (int | str): Seconds since 1970-01-01 UTC. ClickSend returns timestamps both as a number (2147483647)
            and as a string of digits ("1444821615"); both are accepted.
        custom_string (None | str | Unset): A custom reference string; null when none was set.
        url_to_shorten (None | str | Unset): The URL that was shortened into the body; may be empty. Null is accepted
            though the reference never shows it.
        unsubscribe_link (int | Unset): Whether an unsubscribe link was added; the reference only shows 0.
        source (None | str | Unset): The application that sent the campaign; null when not given.
        senders (list[Sender] | Unset): The per-country senders given when the campaign was sent.
        total_count (int | Unset): The number of recipients in the campaign's list.
        list_name (None | str | Unset): The name of the campaign's list. Null is accepted (a deleted list) though the
            reference never shows it.
    """

    sms_campaign_id: int
    name: str
    user_id: int
    subaccount_id: int
    list_id: int | str
    from_: str
    body: str
    schedule: int | str
    status: str
    date_added: int | str
    custom_string: None | str | Unset = UNSET
    url_to_shorten: None | str | Unset = UNSET
    unsubscribe_link: int | Unset = UNSET
    source: None | str | Unset = UNSET
    senders: list[Sender] | Unset = UNSET
    total_count: int | Unset = UNSET
    list_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sms_campaign_id = self.sms_campaign_id

        name = self.name

        user_id = self.user_id

        subaccount_id = self.subaccount_id

        list_id: int | str
        list_id = self.list_id

        from_ = self.from_

        body = self.body

        schedule: int | str
        schedule = self.schedule

        status = self.status

        date_added: int | str
        date_added = self.date_added

        custom_string: None | str | Unset
        if isinstance(self.custom_string, Unset):
            custom_string = UNSET
        else:
            custom_string = self.custom_string

        url_to_shorten: None | str | Unset
        if isinstance(self.url_to_shorten, Unset):
            url_to_shorten = UNSET
        else:
            url_to_shorten = self.url_to_shorten

        unsubscribe_link = self.unsubscribe_link

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        senders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.senders, Unset):
            senders = []
            for senders_item_data in self.senders:
                senders_item = senders_item_data.to_dict()
                senders.append(senders_item)

        total_count = self.total_count

        list_name: None | str | Unset
        if isinstance(self.list_name, Unset):
            list_name = UNSET
        else:
            list_name = self.list_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["sms_campaign_id"] = sms_campaign_id
        field_dict["name"] = name
        field_dict["user_id"] = user_id
        field_dict["subaccount_id"] = subaccount_id
        field_dict["list_id"] = list_id
        field_dict["from"] = from_
        field_dict["body"] = body
        field_dict["schedule"] = schedule
        field_dict["status"] = status
        field_dict["date_added"] = date_added
        if custom_string is not UNSET:
            field_dict["custom_string"] = custom_string
        if url_to_shorten is not UNSET:
            field_dict["url_to_shorten"] = url_to_shorten
        if unsubscribe_link is not UNSET:
            field_dict["unsubscribe_link"] = unsubscribe_link
        if source is not UNSET:
            field_dict["source"] = source
        if senders is not UNSET:
            field_dict["senders"] = senders
        if total_count is not UNSET:
            field_dict["_total_count"] = total_count
        if list_name is not UNSET:
            field_dict["_list_name"] = list_name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sms_campaign_id = d.pop("sms_campaign_id")
        name = d.pop("name")
        user_id = d.pop("user_id")
        subaccount_id = d.pop("subaccount_id")
        list_id = d.pop("list_id")
        from_ = d.pop("from")
        body = d.pop("body")
        schedule = d.pop("schedule")
        status = d.pop("status")
        date_added = d.pop("date_added")
        custom_string = d.pop("custom_string", UNSET)
        url_to_shorten = d.pop("url_to_shorten", UNSET)
        unsubscribe_link = d.pop("unsubscribe_link", UNSET)
        source = d.pop("source", UNSET)
        _senders = d.pop("senders", UNSET)
        senders: list[Sender] | Unset = UNSET
        if _senders is not UNSET:
            senders = []
            for senders_item_data in _senders:
                senders_item = Sender.from_dict(senders_item_data)

                senders.append(senders_item)

        total_count = d.pop("_total_count", UNSET)
        list_name = d.pop("_list_name", UNSET)
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


# Other models are imported after this class exists, so that models referring to one another can
# be imported in any order (annotations are strings, so the class body does not need them).
from ..models.sender import Sender  # noqa: E402
