"""How the command line ends: its exit codes, and one line (with a hint) for every failure.

A failure is reported as `error: <what happened> (hint: <what to do>)` on standard error; with
-v the error's full detail follows. The exit code says what kind of failure it was, so a script
can tell "nothing happened" from "it may have happened".
"""

from __future__ import annotations

from enum import IntEnum

from ..exceptions import (
    AuthenticationError,
    BadRequestError,
    ClickSendError,
    ConnectionFailedError,
    MalformedResponseError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ServerError,
)


class ExitCode(IntEnum):
    OK = 0
    #: ClickSend refused the request or could not be reached; nothing was changed.
    FAILED = 1
    #: Bad arguments or input, refused before anything was sent.
    USAGE = 2
    #: A bulk cancel where some campaigns were cancelled and others were not (the summary says which).
    PARTLY_FAILED = 3
    #: No credentials, a config file others can read, or credentials ClickSend refused (401).
    CREDENTIALS = 4
    #: The confirmation was declined; nothing was sent or cancelled.
    NOT_CONFIRMED = 5
    #: A send, update or cancel may have reached ClickSend but no answer came: the change may have been made.
    #: Only when such a write was sent; a failure before it has the failure's own code.
    OUTCOME_UNKNOWN = 6
    #: Stopped with Ctrl-C.
    INTERRUPTED = 130


class CommandError(Exception):
    """A failure the command line found itself (usage, input files, credentials, declined prompts)."""

    def __init__(self, message: str, *, hint: str | None, code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


def from_clicksend_error(
    error: ClickSendError, *, in_write: bool, nothing_changed: bool, credentials_source: str | None
) -> CommandError:
    """The line, hint and exit code for an error the client raised.

    `in_write`: the failing request was a send, update or cancel, so an answer that never came (or
    came garbled or as a 5xx) leaves the outcome unknown rather than failed. `nothing_changed`: the
    command changes things and no write had been sent when it failed, which the hint says.
    """
    message = _describe(error)
    if isinstance(error, RequestValidationError):
        return CommandError(
            f"refused before sending: {error}",
            hint="nothing was sent; fix the value, or pass --no-checks to send it as given",
        )
    if in_write and may_have_happened(error):
        return CommandError(
            message,
            hint="the change may have been made; look before trying again "
            "(after a send: `clicksend-campaigns list --name NAME`)",
            code=ExitCode.OUTCOME_UNKNOWN,
        )
    before = "nothing was changed; " if nothing_changed else ""
    if isinstance(error, AuthenticationError):
        where = f" ({credentials_source})" if credentials_source else ""
        return CommandError(
            message, hint=f"{before}ClickSend refused the username or API key{where}", code=ExitCode.CREDENTIALS
        )
    hint = _hint(error)
    hint = before + hint if hint else before.removesuffix("; ") or None
    return CommandError(message, hint=hint, code=ExitCode.FAILED)


def may_have_happened(error: ClickSendError) -> bool:
    """Whether a write that failed this way may still have been carried out by ClickSend."""
    if isinstance(error, OutcomeUnknownError | ServerError):
        return True
    # A success status whose body could not be read: ClickSend did it, the answer was lost.
    return isinstance(error, MalformedResponseError) and error.status is not None and error.status < 300


def _describe(error: ClickSendError) -> str:
    if isinstance(error, BadRequestError) and error.field_errors:
        fields = "; ".join(f"{field}: {problem}" for field, problem in error.field_errors.items())
        return f"{error.message}: {fields}"
    return error.message


def _hint(error: ClickSendError) -> str | None:
    if isinstance(error, PermissionDeniedError):
        return "the account may be inactive, suspended or out of credit; see ClickSend's dashboard"
    if isinstance(error, NotFoundError):
        return "check the id; a campaign or contact list of another account is not found either"
    if isinstance(error, BadRequestError):
        return "ClickSend refused the request as it stands; -v shows its whole answer"
    if isinstance(error, RateLimitError):
        wait = error.retry_after
        return f"wait {wait:g} s and try again" if wait is not None else "wait a minute and try again"
    if isinstance(error, ServerError):
        return "ClickSend had a problem; try again later"
    if isinstance(error, MalformedResponseError):
        return "the answer was not what ClickSend documents; -v shows it"
    if isinstance(error, ConnectionFailedError):
        return "check the network, the host's name, or --base-url"
    if isinstance(error, OutcomeUnknownError):
        return "reading is safe to repeat: try again"
    return None
