"""Running `clicksend-campaigns` in this process against a fresh emulator, as `main(argv)` with its
own streams and environment, so each test sees exactly what a person or a pipe would."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pytest
from clicksend_emulator import RunningEmulator
from clicksend_sms_campaigns._core.cli import main


class TerminalStream(io.StringIO):
    """A stream that says it is a terminal, as a person's would."""

    def isatty(self) -> bool:
        return True


@dataclass
class Ran:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]


Run = Callable[..., Ran]


@pytest.fixture
def signed_in(clicksend_emulator: RunningEmulator) -> dict[str, str]:
    account = clicksend_emulator.emulator.config.accounts[0]
    return {
        "CLICKSEND_USERNAME": account.username,
        "CLICKSEND_API_KEY": account.api_key,
        "CLICKSEND_BASE_URL": clicksend_emulator.base_url,
        "HOME": "/nonexistent",  # no config file of the person running the tests is read
    }


@pytest.fixture
def cli(signed_in: dict[str, str]) -> Run:
    """cli("list", "--json", stdin="y\\n", tty=True, environ={...}) -> Ran(code, out, err)."""

    def run(*argv: str, stdin: str = "", tty: bool = False, environ: Mapping[str, str] | None = None) -> Ran:
        stream = TerminalStream if tty else io.StringIO
        out, err = stream(), stream()
        code = main(
            list(argv),
            environ=signed_in if environ is None else environ,
            stdin=stream(stdin),
            stdout=out,
            stderr=err,
        )
        return Ran(int(code), out.getvalue(), err.getvalue())

    return run
