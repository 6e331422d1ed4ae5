"""Change a campaign without sending it sooner: `edit_sms_campaign` and its async twin.

ClickSend's update replaces the campaign's list, name, sender, body and schedule, and its older
reference says of `schedule`: "Leave blank for immediate delivery. Will replace existing schedule
(even if left blank)". An update that only meant to rename a campaign scheduled for next month can
therefore send it now. An edit reads the campaign first and sends what it has for every field not
given, its schedule included, so that only what the caller named changes:

    edit_sms_campaign(client, 1000, name="Spring sale (final)")       # the schedule is kept
    edit_sms_campaign(client, 1000, schedule=in_a_week)                # a new schedule
    edit_sms_campaign(client, 1000, body="...", schedule=SEND_NOW)     # due at once

The schedule that is kept is the one ClickSend reports, as it reports it, even when it has passed:
such a campaign is already due (Queued), and sending its schedule back keeps it due; it does not
make it go out sooner, while dropping it could not make it later either. The check before sending
warns about a past schedule as usual. When ClickSend reports no schedule (the field is missing,
null or not a time), there is nothing to keep, and the edit is refused (RequestValidationError
naming `schedule`) instead of guessing: give the schedule, or SEND_NOW, which sends the current
time as the schedule (a time that has come is sent at once; an update without a schedule is too,
by the older reference, but says so less plainly, and the check before sending warns about it). A
campaign that is
Cancelled, Sending or Sent is refused too: ClickSend changes only campaigns that have not started
sending, and an update of a cancelled one could send it. `checks=False` lifts both refusals.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from ..models.sms_campaign import SmsCampaign
from ..models.sms_campaign_envelope import SmsCampaignEnvelope
from ..models.sms_campaign_update_request import SmsCampaignUpdateRequest
from ..types import UNSET
from .clicksend_client import ClickSendClient
from .exceptions import RequestValidationError
from .operations import endpoint
from .values import as_unix_seconds

_GET, _UPDATE = endpoint("get_sms_campaign"), endpoint("update_sms_campaign")
#: Statuses in which ClickSend changes nothing more, and an update could only do harm.
FINISHED_STATUSES = frozenset({"Cancelled", "Sending", "Sent"})


class Schedule(enum.Enum):
    """What an edit does with the schedule when it is not given a time."""

    KEEP = "keep the schedule ClickSend has"
    NOW = "send the current time as the schedule, so that the campaign is due at once"

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


#: The default: the schedule ClickSend reports is sent back unchanged.
KEEP_SCHEDULE = Schedule.KEEP
#: The current time is sent as the schedule: the campaign is due at once.
SEND_NOW = Schedule.NOW


@dataclass(frozen=True)
class CampaignEdit:
    """The update an edit sends: worked out from the campaign as ClickSend has it (`before`)."""

    sms_campaign_id: int
    before: SmsCampaign
    request: SmsCampaignUpdateRequest
    #: The schedule before, in Unix seconds; None when ClickSend reported none.
    schedule_before: int | None
    #: The schedule the update sends (the current time for SEND_NOW).
    schedule_after: int

    @property
    def changes_list(self) -> bool:
        """Whether the update sends the campaign to another contact list."""
        return str(self.before.list_id) != str(self.request.list_id)

    def sends_within(self, seconds: float, *, now: float) -> bool:
        """Whether, after the update, the campaign is due within `seconds` from `now` (or already)."""
        return self.schedule_after <= now + seconds


def kept_schedule(campaign: SmsCampaign) -> int | None:
    """The campaign's schedule in Unix seconds, as an edit keeps it; None when ClickSend reported none."""
    try:
        return None if campaign.schedule is None else as_unix_seconds(campaign.schedule)
    except ValueError:
        return None


class CampaignChanges(TypedDict, total=False):
    """What an edit changes; a field not given is kept as ClickSend has it (the schedule included)."""

    list_id: int | str
    name: str
    body: str
    from_: str
    #: A Unix time, KEEP_SCHEDULE (the default) or SEND_NOW.
    schedule: int | Schedule
    #: Fields the spec does not name, sent as given.
    extra_fields: Mapping[str, Any]


def plan_edit(campaign: SmsCampaign, *, checks: bool = True, **changes: Unpack[CampaignChanges]) -> CampaignEdit:
    """The update that changes what is given and keeps the rest as `campaign` has it; sends nothing.

    Fields not given are sent as ClickSend reported them (ClickSend requires list_id, name and body
    on every update); `schedule` is kept unless a time or SEND_NOW (the current time) is given;
    `extra_fields` are sent as given. Raises RequestValidationError, naming the field, when a field cannot be
    kept because ClickSend did not report it, when `schedule` is None (say KEEP_SCHEDULE or
    SEND_NOW), or (unless `checks` is False) when the campaign has finished (FINISHED_STATUSES).
    """
    list_id, name, body, from_ = changes.get("list_id"), changes.get("name"), changes.get("body"), changes.get("from_")
    schedule = changes.get("schedule", KEEP_SCHEDULE)
    if schedule is None:
        raise RequestValidationError(
            "schedule", "None is ambiguous: give a Unix time, KEEP_SCHEDULE (the default) or SEND_NOW"
        )
    if checks and campaign.status in FINISHED_STATUSES:
        raise RequestValidationError(
            "sms_campaign_id",
            f"campaign {campaign.sms_campaign_id} is {campaign.status}; ClickSend changes only campaigns that have "
            "not started sending, and an update of a cancelled one could send it (checks=False sends it anyway)",
        )
    before = kept_schedule(campaign)
    if schedule is Schedule.KEEP:
        if before is None:
            raise RequestValidationError(
                "schedule",
                f"ClickSend reported no schedule for campaign {campaign.sms_campaign_id} ({campaign.schedule!r}), "
                "so there is none to keep; give a Unix time, or SEND_NOW",
            )
        after = before
    elif schedule is Schedule.NOW:
        after = int(time.time())
    else:
        after = schedule
    sender = (campaign.from_ or None) if from_ is None else from_
    # What the caller gave, else what ClickSend reported: ClickSend requires these on every update.
    contact_list = campaign.list_id if list_id is None else list_id
    title = campaign.name if name is None else name
    message = campaign.body if body is None else body
    for field, value in (("list_id", contact_list), ("name", title), ("body", message)):
        if value is None or value == "":
            raise RequestValidationError(field, f"ClickSend did not report the campaign's {field}, so give it")
    assert contact_list is not None and title is not None and message is not None
    request = SmsCampaignUpdateRequest(
        list_id=contact_list,
        name=title,
        body=message,
        from_=UNSET if sender is None else sender,
        schedule=after,
        additional_properties=dict(changes.get("extra_fields") or {}),
    )
    return CampaignEdit(campaign.sms_campaign_id, campaign, request, before, after)


def edit_sms_campaign(
    client: ClickSendClient,
    sms_campaign_id: int,
    *,
    checks: bool | None = None,
    deadline: float | None = None,
    **changes: Unpack[CampaignChanges],
) -> SmsCampaignEnvelope:
    """Read the campaign, then update what is given and keep the rest, its schedule included.

        edit_sms_campaign(client, 1000, name="Spring sale (final)")

    Two requests: a get, then the update (`plan_edit` says what it sends from the `changes`).
    `checks` and `deadline` apply to each, as to any operation. Returns the update's answer.
    """
    current: SmsCampaignEnvelope = _GET.sync(
        client=client, sms_campaign_id=sms_campaign_id, checks=checks, deadline=deadline
    )
    edit = plan_edit(current.data, checks=client.checks if checks is None else checks, **changes)
    updated: SmsCampaignEnvelope = _UPDATE.sync(
        client=client, sms_campaign_id=sms_campaign_id, body=edit.request, checks=checks, deadline=deadline
    )
    return updated


async def aedit_sms_campaign(
    client: ClickSendClient,
    sms_campaign_id: int,
    *,
    checks: bool | None = None,
    deadline: float | None = None,
    **changes: Unpack[CampaignChanges],
) -> SmsCampaignEnvelope:
    """The async twin of edit_sms_campaign."""
    current: SmsCampaignEnvelope = await _GET.asyncio(
        client=client, sms_campaign_id=sms_campaign_id, checks=checks, deadline=deadline
    )
    edit = plan_edit(current.data, checks=client.checks if checks is None else checks, **changes)
    updated: SmsCampaignEnvelope = await _UPDATE.asyncio(
        client=client, sms_campaign_id=sms_campaign_id, body=edit.request, checks=checks, deadline=deadline
    )
    return updated
