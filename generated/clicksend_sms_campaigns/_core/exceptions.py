"""One error hierarchy for everything that can go wrong when calling ClickSend. The rules that
turn an answer into the operation's model or one of these errors are in responses.py.

    ClickSendError                      catch this to catch everything below
    ├── RequestValidationError          rejected before sending; also a ValueError
    ├── InvalidFieldError               a model's from_dict or to_dict met a value it cannot
    │                                   hold; also a ValueError
    ├── APIError                        ClickSend answered, with an error
    │   ├── BadRequestError             400; `field_errors` maps field names to messages
    │   ├── AuthenticationError         401
    │   ├── PermissionDeniedError       403 (for example an account not active or suspended)
    │   ├── NotFoundError               404 (also a campaign or list of another account)
    │   ├── RateLimitError              429; `retry_after` in seconds when the server said
    │   ├── ServerError                 5xx
    │   └── MalformedResponseError      an answer that could not be understood (HTML, empty,
    │       │                           a 200 without the campaign id, a value of a wrong type)
    │       ├── IncompleteWalkError     pages of a walk that do not add up: campaigns may be missing
    │       └── AnswerTooLargeError     an answer larger than max_answer_bytes, not read further
    └── TransportError                  no answer
        ├── ConnectionFailedError       the request never reached ClickSend; safe to repeat
        └── OutcomeUnknownError         the request may have reached ClickSend; for
            │                           send_sms_campaign the campaign may exist
            └── DeadlineExceededError   the call ran out of time after the request may have left

Every error carries `status`, `response_code`, `response_msg`, `data` and `headers` (None or
empty when there was no answer). Messages and reprs never include credentials: only the
method, the path and what the server said.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from typing import Any


class ClickSendError(Exception):
    """Base of every error this client raises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        response_code: str | None = None,
        response_msg: str | None = None,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        body: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.response_code = response_code
        self.response_msg = response_msg
        self.data = data
        self.headers: dict[str, str] = dict(headers or {})
        #: The raw response text, for answers that could not be parsed.
        self.body = body

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r}, response_code={self.response_code!r})"


class RequestValidationError(ClickSendError, ValueError):
    """The request breaks a documented rule; it was not sent."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class ClickSendWarning(UserWarning):
    """A request ClickSend would accept but that is probably a mistake; it is sent as given.

    Issued with Python's warnings module, so `warnings.simplefilter("error", ClickSendWarning)`
    turns these into exceptions, and "ignore" silences them. `field` and `problem` say what.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class InvalidFieldError(ClickSendError, ValueError):
    """A model's from_dict met a required field missing or a value of a type it does not allow, or
    its to_dict met an extra field that reuses a declared field's name. `field` is the path
    (`data.senders[0].sender_id`). Reading an answer turns it into MalformedResponseError.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

    @classmethod
    def missing(cls, field: str) -> InvalidFieldError:
        return cls(field, "is required but missing or null")

    @classmethod
    def wrong_type(cls, field: str, value: Any, expected: str) -> InvalidFieldError:
        return cls(field, f"expected {expected}, got {_json_type_name(value)}")

    def within(self, outer: str) -> InvalidFieldError:
        """The same problem, with the path of the object that holds the field in front."""
        joined = f"{outer}{self.field}" if self.field.startswith("[") else f"{outer}.{self.field}"
        return type(self)(joined, self.problem)


def _json_type_name(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "an object" if isinstance(value, Mapping) else type(value).__name__


class APIError(ClickSendError):
    """ClickSend answered with an error."""


class BadRequestError(APIError):
    """400. `field_errors` maps field names to ClickSend's messages, when it gave them."""

    @property
    def field_errors(self) -> dict[str, str]:
        if isinstance(self.data, Mapping):
            return {str(key): str(value) for key, value in self.data.items()}
        return {}


class AuthenticationError(APIError):
    """401: the username or API key is missing or wrong."""


class PermissionDeniedError(APIError):
    """403: the account may not do this."""


class NotFoundError(APIError):
    """404: no such campaign or list for this account."""


class RateLimitError(APIError):
    """429. `retry_after` is the wait in seconds the server asked for, if it did."""

    @property
    def retry_after(self) -> float | None:
        return parse_retry_after(self.headers.get("retry-after"))


class ServerError(APIError):
    """5xx. For send_sms_campaign, the campaign may or may not have been created."""


class MalformedResponseError(APIError):
    """An answer that is not the documented envelope, lacks what the operation returns, or holds
    a value of a type the spec does not allow. `operation` names the operation and `field` the
    path of the offending field (`data.status`) when one is to blame."""

    def __init__(self, message: str, *, operation: str | None = None, field: str | None = None, **details: Any) -> None:
        super().__init__(message, **details)
        self.operation = operation
        self.field = field


class IncompleteWalkError(MalformedResponseError):
    """The pages of a walk (iter_sms_campaigns) do not add up, so campaigns may be missing.

    Raised instead of ending the walk short: a page other than the one asked for, an empty page
    or a page without data while ClickSend said more were to come, a count that no sequence of
    its pages can reach, or fewer matching campaigns than ClickSend counted (campaigns added,
    or dropping out of the filter, while the pages were read). `walked` says how many campaigns
    the walk had yielded; walking again from the start gives a fresh, whole answer.
    """

    def __init__(self, message: str, *, walked: int, **details: Any) -> None:
        super().__init__(message, operation="list_sms_campaigns", **details)
        self.walked = walked


class AnswerTooLargeError(MalformedResponseError):
    """An answer larger than the client's max_answer_bytes (decoded); reading stopped at the limit.

    For send_sms_campaign the campaign may exist: ClickSend answered, but the answer was not read.
    """


class TransportError(ClickSendError):
    """No answer came back."""


class ConnectionFailedError(TransportError):
    """The connection could not be made, so the request never reached ClickSend."""


class OutcomeUnknownError(TransportError):
    """The request may have reached ClickSend, but no answer came back.

    For send_sms_campaign this means the campaign may have been created and sent. It is never
    repeated automatically: look for it (list_sms_campaigns with q=name:...) before sending again.
    """


class DeadlineExceededError(OutcomeUnknownError):
    """The call's overall deadline passed after its request may have reached ClickSend."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[APIError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return APIError


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(value)
            seconds = moment.timestamp() - (time.time() if now is None else now)
        except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a year such as 99999
            return None
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN or infinite
        return None
    return max(0.0, seconds)
