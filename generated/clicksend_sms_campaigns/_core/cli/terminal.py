"""What the command line writes where: results on standard output; prompts, the progress bar,
warnings and errors on standard error. Colour and the bar appear only on a terminal (and colour
not when NO_COLOR is set or TERM=dumb), so pipes and logs get plain lines.
"""

from __future__ import annotations

import base64
import shutil
import time
from collections.abc import Mapping
from typing import Any, TextIO

from .failures import CommandError, ExitCode

_RED, _YELLOW, _BOLD, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[0m"


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Hiding:
    """A text stream that writes `<hidden>` in place of every secret it was told of."""

    def __init__(self, stream: TextIO, secrets: list[str]) -> None:
        self._stream, self._secrets = stream, secrets

    def write(self, text: str) -> int:
        for secret in self._secrets:
            text = text.replace(secret, "<hidden>")
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class Terminal:
    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO, environ: Mapping[str, str]) -> None:
        #: The API key in every form it is sent or typed in; never written to either stream (see hide()).
        self._secrets: list[str] = []
        self.stdin = stdin
        self.stdout: TextIO = _Hiding(stdout, self._secrets)  # type: ignore[assignment]
        self.stderr: TextIO = _Hiding(stderr, self._secrets)  # type: ignore[assignment]
        self.hide(environ.get("CLICKSEND_API_KEY", ""), username=environ.get("CLICKSEND_USERNAME", ""))
        self.out_is_terminal = _is_terminal(stdout)
        self.err_is_terminal = _is_terminal(stderr)
        self.can_ask = _is_terminal(stdin) and self.err_is_terminal
        no_colour = "NO_COLOR" in environ or environ.get("TERM") == "dumb"
        self._colour = self.err_is_terminal and not no_colour

    def hide(self, api_key: str, *, username: str = "") -> None:
        """Never write `api_key`, `username:api_key` or the Base64 of either (the Authorization
        header's form) to standard output or error, whatever carries them: an error body that
        echoes the request, a traceback under -v. Longest first, so no part of one is left."""
        if len(api_key.strip()) < 4:  # shorter is no key, and hiding it would garble every line
            return
        pair = f"{username}:{api_key}"
        forms = {api_key, api_key.strip(), pair, *(base64.b64encode(f.encode()).decode() for f in (api_key, pair))}
        self._secrets[:] = sorted(set(self._secrets) | forms, key=len, reverse=True)

    def print(self, text: str = "", *, to_stderr: bool = False) -> None:
        stream = self.stderr if to_stderr else self.stdout
        stream.write(text + "\n")
        stream.flush()

    def _label(self, label: str, colour: str) -> str:
        return f"{colour}{label}{_RESET}" if self._colour else label

    def error(self, message: str, hint: str | None) -> None:
        line = f"{self._label('error:', _RED)} {message}"
        self.print(line + (f" (hint: {hint})" if hint else ""), to_stderr=True)

    def warning(self, message: str) -> None:
        self.print(f"{self._label('warning:', _YELLOW)} {message}", to_stderr=True)

    def width(self) -> int:
        return shutil.get_terminal_size((100, 24)).columns

    def confirm(self, question: str, *, assume_yes: bool) -> None:
        """Go on only when the person at the terminal says yes (or --yes was given)."""
        if assume_yes:
            return
        if not self.can_ask:
            raise CommandError(
                "cannot ask for confirmation: not a terminal",
                hint="pass --yes to go ahead without asking, or --dry-run to see what would happen",
            )
        self.stderr.write(f"{self._label(question, _BOLD)} [y/N] ")
        self.stderr.flush()
        answer = self.stdin.readline()
        if answer.strip().lower() not in ("y", "yes"):
            if not answer:
                self.stderr.write("\n")
            raise CommandError(
                "not confirmed; nothing was done", hint="--dry-run shows what would happen", code=ExitCode.NOT_CONFIRMED
            )

    def ask(self, question: str, *, secret: bool = False) -> str:
        """One line from the person at the terminal, or from standard input when it is a pipe."""
        if not self.can_ask:
            return self.stdin.readline().rstrip("\r\n")
        if secret:
            import getpass

            return getpass.getpass(f"{question}: ", stream=self.stderr)
        self.stderr.write(f"{question}: ")
        self.stderr.flush()
        return self.stdin.readline().rstrip("\r\n")

    def progress(self, total: int, verb: str) -> ProgressBar:
        return ProgressBar(self, total, verb, shown=self.err_is_terminal)


class ProgressBar:
    """`[#######.....]  37/120  cancelled 36, failed 1` on one line of standard error, redrawn at
    most ten times a second; nothing when standard error is not a terminal."""

    def __init__(self, terminal: Terminal, total: int, verb: str, *, shown: bool) -> None:
        self.terminal, self.total, self.verb, self.shown = terminal, total, verb, shown
        self.done = self.failed = 0
        self._drawn_at = 0.0

    def advance(self, *, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.shown and (now - self._drawn_at >= 0.1 or self.done == self.total):
            self._drawn_at = now
            self._draw()

    def _draw(self) -> None:
        counts = f" {self.done}/{self.total}  {self.verb} {self.done - self.failed}, failed {self.failed}"
        room = max(10, min(40, self.terminal.width() - len(counts) - 3))
        filled = room * self.done // max(self.total, 1)
        self.terminal.stderr.write(f"\r[{'#' * filled}{'.' * (room - filled)}]{counts}")
        self.terminal.stderr.flush()

    def finish(self) -> None:
        if self.shown and self.done:
            self.terminal.stderr.write("\n")
            self.terminal.stderr.flush()
