"""The hand-written layer of the client: everything the generator does not write.

It lives once, here, inside the package it serves, and the regeneration never touches it
(scripts/regenerate.py replaces only the generator's own paths: api/, models/, client.py, types.py,
spec_facts.py, build_info.py, __init__.py, py.typed). The generated code reaches it through one
module, runtime.py; it reaches the generated code through the registry of operations (operations.py)
and the models. Its public names are re-exported by the package (`from clicksend_sms_campaigns
import ...`); import them from there, since the modules here may move.
"""

from .bulk import (
    NOT_CANCELLABLE,
    CampaignOutcome,
    CancelInterrupted,
    CancelOutcome,
    CancelSelection,
    MatchingCancel,
    acancel_matching_sms_campaigns,
    acancel_sms_campaigns,
    afind_cancellable_sms_campaigns,
    aget_sms_campaigns,
    cancel_matching_sms_campaigns,
    cancel_sms_campaigns,
    find_cancellable_sms_campaigns,
    get_sms_campaigns,
    select_for_cancel,
)
from .clicksend_client import DEFAULT_BASE_URL, ClickSendClient
from .editing import (
    KEEP_SCHEDULE,
    SEND_NOW,
    CampaignChanges,
    CampaignEdit,
    aedit_sms_campaign,
    edit_sms_campaign,
    plan_edit,
)
from .exceptions import (
    AnswerTooLargeError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ClickSendError,
    ClickSendWarning,
    ConnectionFailedError,
    DeadlineExceededError,
    IncompleteWalkError,
    InvalidFieldError,
    MalformedResponseError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ServerError,
    TransportError,
)
from .message import MessageAnalysis, UnicodeCharacter, analyze_message, render_message, to_gsm
from .operations import OPERATIONS, Operation, operation_by_id, operation_for
from .pagination import SearchFilters, WalkFilters, aiter_sms_campaigns, iter_sms_campaigns
from .query import order_by, parse_order_by, parse_search_query, search_query
from .retries import RetryPolicy
from .values import as_decimal, as_unix_seconds

__all__ = (
    "DEFAULT_BASE_URL",
    "KEEP_SCHEDULE",
    "NOT_CANCELLABLE",
    "OPERATIONS",
    "SEND_NOW",
    "APIError",
    "AnswerTooLargeError",
    "AuthenticationError",
    "BadRequestError",
    "CampaignChanges",
    "CampaignEdit",
    "CampaignOutcome",
    "CancelInterrupted",
    "CancelOutcome",
    "CancelSelection",
    "ClickSendClient",
    "ClickSendError",
    "ClickSendWarning",
    "ConnectionFailedError",
    "DeadlineExceededError",
    "IncompleteWalkError",
    "InvalidFieldError",
    "MalformedResponseError",
    "MatchingCancel",
    "MessageAnalysis",
    "NotFoundError",
    "Operation",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "RetryPolicy",
    "SearchFilters",
    "ServerError",
    "TransportError",
    "UnicodeCharacter",
    "WalkFilters",
    "acancel_matching_sms_campaigns",
    "acancel_sms_campaigns",
    "aedit_sms_campaign",
    "afind_cancellable_sms_campaigns",
    "aget_sms_campaigns",
    "aiter_sms_campaigns",
    "analyze_message",
    "as_decimal",
    "as_unix_seconds",
    "cancel_matching_sms_campaigns",
    "cancel_sms_campaigns",
    "edit_sms_campaign",
    "find_cancellable_sms_campaigns",
    "get_sms_campaigns",
    "iter_sms_campaigns",
    "operation_by_id",
    "operation_for",
    "order_by",
    "parse_order_by",
    "parse_search_query",
    "plan_edit",
    "render_message",
    "search_query",
    "select_for_cancel",
    "to_gsm",
)
