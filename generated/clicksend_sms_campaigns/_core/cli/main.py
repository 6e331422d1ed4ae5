"""The entry point: parse, run one command, and turn every failure into one line and an exit code."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TextIO

from ...build_info import VERSION
from ..exceptions import ClickSendError, ClickSendWarning
from .arguments import build_parser
from .commands import COMMANDS
from .failures import CommandError, ExitCode, from_clicksend_error
from .inputs import check_argument_text
from .session import Session
from .terminal import Terminal


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run `clicksend-campaigns` with `argv` (default: sys.argv[1:]) and return its exit code."""
    environ = os.environ if environ is None else environ
    terminal = Terminal(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr, environ)
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        check_argument_text(argv)
        args = build_parser(VERSION).parse_args(argv)
    except CommandError as error:
        terminal.error(error.message, error.hint)
        return error.code
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else ExitCode.OK
    session = Session(args, terminal, environ)
    command, writes = COMMANDS[args.command]
    with _warnings_as_lines(terminal, getattr(args, "typed", {})), _retries_logged(terminal, shown=args.verbose):
        try:
            return command(session)
        except CommandError as error:
            return _fail(terminal, error, cause=error.__cause__, verbose=args.verbose)
        except ClickSendError as error:
            failure = from_clicksend_error(
                error,
                in_write=session.writing,
                nothing_changed=writes and not session.wrote,
                credentials_source=session.credentials_source,
            )
            return _fail(terminal, failure, cause=error, verbose=args.verbose)
        except KeyboardInterrupt:
            terminal.error("interrupted", None)
            return ExitCode.INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, and keep Python from complaining at exit.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), terminal.stdout.fileno())
            return ExitCode.OK
        except Exception as error:  # a bug here, not a failure of ClickSend's
            failure = CommandError(
                f"unexpected {type(error).__name__}: {error}",
                hint="this is a bug in clicksend-campaigns; -v shows where",
                code=ExitCode.FAILED,
            )
            return _fail(terminal, failure, cause=error, verbose=args.verbose)
        finally:
            session.close()


def _fail(terminal: Terminal, failure: CommandError, *, cause: BaseException | None, verbose: bool) -> int:
    terminal.error(failure.message, failure.hint)
    if verbose and cause is not None:
        for line in _details(cause):
            terminal.print(f"  {line}", to_stderr=True)
    return failure.code


def _details(error: BaseException) -> Iterator[str]:
    """Everything the error carries, then where it was raised."""
    yield f"type: {type(error).__module__}.{type(error).__qualname__}"
    if isinstance(error, ClickSendError):
        fields: dict[str, Any] = {
            "status": error.status,
            "response_code": error.response_code,
            "response_msg": error.response_msg,
            "data": error.data,
            "body": error.body,
            "headers": error.headers or None,
        }
        for name, value in fields.items():
            if value is not None:
                yield f"{name}: {json.dumps(value, ensure_ascii=False, default=str)}"
    for chunk in traceback.format_exception(error):
        yield from chunk.rstrip("\n").splitlines()


@contextlib.contextmanager
def _warnings_as_lines(terminal: Terminal, typed: Mapping[str, str]) -> Iterator[None]:
    """The client's warnings (a schedule in the past, an odd sender) as `warning:` lines, each once:
    `send` checks the same fields for the price and for the send. A warning about an option the
    person typed as something else than the value sent (`--schedule 2020-01-01`) quotes it."""
    shown: set[str] = set()

    def show(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
        text = str(message)
        if text in shown:
            return
        shown.add(text)
        field = message.field if isinstance(message, ClickSendWarning) else None
        as_typed = typed.get(field or "", "").strip()
        if as_typed and not as_typed.isdigit():
            text += f" (--{field.replace('_', '-') if field else ''} {as_typed})"
        terminal.warning(text)

    with warnings.catch_warnings():
        warnings.simplefilter("always", ClickSendWarning)
        warnings.showwarning = show
        yield


@contextlib.contextmanager
def _retries_logged(terminal: Terminal, *, shown: bool) -> Iterator[None]:
    """The client's retry messages: as `warning:` lines with -v, else not at all (they would break
    the progress bar, and the retries' outcome is what counts)."""

    class ToTerminal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            terminal.warning(record.getMessage())

    logger = logging.getLogger("clicksend_sms_campaigns")
    handler = ToTerminal() if shown else logging.NullHandler()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
