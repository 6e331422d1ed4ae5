"""Typed client for ClickSend's SMS Campaigns API, generated from a hand-written OpenAPI spec.

Start with ClickSendClient; call the operations in clicksend_sms_campaigns.api.sms_campaigns.
`build_info` says which spec and overlays this package was generated from.
"""

from . import build_info
from .clicksend_client import DEFAULT_BASE_URL, ClickSendClient
from .exceptions import (
    AnswerTooLargeError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ClickSendError,
    ClickSendWarning,
    ConnectionFailedError,
    DeadlineExceededError,
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
from .pagination import aiter_sms_campaigns, iter_sms_campaigns
from .query import order_by, parse_order_by, parse_search_query, search_query
from .retries import RetryPolicy
from .values import as_decimal, as_unix_seconds

__version__ = build_info.VERSION

__all__ = (
    "DEFAULT_BASE_URL",
    "APIError",
    "AnswerTooLargeError",
    "AuthenticationError",
    "BadRequestError",
    "ClickSendClient",
    "ClickSendError",
    "ClickSendWarning",
    "ConnectionFailedError",
    "DeadlineExceededError",
    "InvalidFieldError",
    "MalformedResponseError",
    "MessageAnalysis",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "RetryPolicy",
    "ServerError",
    "TransportError",
    "UnicodeCharacter",
    "__version__",
    "aiter_sms_campaigns",
    "analyze_message",
    "as_decimal",
    "as_unix_seconds",
    "build_info",
    "iter_sms_campaigns",
    "order_by",
    "parse_order_by",
    "parse_search_query",
    "render_message",
    "search_query",
    "to_gsm",
)
