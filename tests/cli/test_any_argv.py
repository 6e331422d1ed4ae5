"""Whatever is typed, `clicksend-campaigns` ends with an exit code from its table and, for a usage
error, one line on standard error and no request sent; never a traceback or "this is a bug".

The edge cases the reliability review found are listed one by one; hypothesis then drives the
parser with arbitrary argument lists built from the real commands and options and hostile text
(lone surrogates, as Python carries bytes that are not UTF-8; other scripts' digits; NUL; huge
numbers; times at the ends of the calendar).
"""

from __future__ import annotations

import io
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
from clicksend_sms_campaigns import ClickSendClient
from clicksend_sms_campaigns._core.cli import main
from clicksend_sms_campaigns._core.cli import session as session_module
from clicksend_sms_campaigns._core.cli.failures import ExitCode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENVIRON = {"CLICKSEND_USERNAME": "someone", "CLICKSEND_API_KEY": "key-0000", "HOME": "/nonexistent",
           "CLICKSEND_BASE_URL": "https://clicksend.test/v3"}  # fmt: skip
EXIT_CODES = {int(code) for code in ExitCode}


class Ran:
    def __init__(self, code: int, out: str, err: str, requests: int) -> None:
        self.code, self.out, self.err, self.requests = code, out, err, requests


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty directory to run in, with a FIFO and a directory to name as files."""
    path = tmp_path_factory.mktemp("argv")
    os.mkfifo(path / "fifo", 0o600)
    (path / "folder").mkdir()
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield path
    finally:
        os.chdir(previous)


def run(argv: list[str], stdin: str | bytes = b"") -> Ran:
    """main(argv) with no terminal, its requests answered 401 and counted."""
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        body = {"http_code": 401, "response_code": "UNAUTHORIZED", "response_msg": "no", "data": None}
        return httpx.Response(401, json=body)

    real = ClickSendClient

    def counted(*args: Any, **options: Any) -> Any:
        return real(*args, transport=httpx.MockTransport(answer), **options)

    raw = stdin if isinstance(stdin, bytes) else stdin.encode()
    stdin_stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.object(session_module, "ClickSendClient", counted):
        code = main(argv, environ=ENVIRON, stdin=stdin_stream, stdout=out, stderr=err)
    return Ran(int(code), out.getvalue(), err.getvalue(), len(requests))


def assert_well_behaved(argv: list[str], ran: Ran) -> None:
    assert ran.code in EXIT_CODES, (argv, ran.code, ran.err)
    assert "this is a bug" not in ran.err, (argv, ran.err)
    if not {"-v", "--verbose"} & set(argv):
        assert "Traceback" not in ran.err, (argv, ran.err)
    if ran.code == ExitCode.USAGE:
        assert ran.err.count("\n") == 1 and ran.err.startswith("error: "), (argv, ran.err)
        assert ran.requests == 0, (argv, "a usage error sent a request")


USAGE_ERRORS = [
    ["list", "--since", "9999-12-31T23:59-14:00"],
    ["list", "--since", "0001-01-01T00:00+14:00"],
    ["list", "--until", "99999999999999999999"],
    ["send", "--list-id", "1", "--name", "n", "--body", "b", "--schedule", "9999-12-31T23:59-14:00"],
    ["update", "7", "--schedule", "0001-01-01T00:00+14:00"],
    ["list", "--max", str(10**30)],
    ["list", "--max", "1" * 5000],  # past Python's limit on digits converted to int
    ["cancel", "--all", "--concurrency", "100000"],
    ["get", "\u0661\u0660\u0660\u0660"],  # Arabic-Indic digits
    ["get", "\uff11\uff10\uff10\uff10"],  # fullwidth digits
    ["list", "--timeout", "\u0661\u0660"],
    ["list", "--retries", "1000"],
    ["get", "\udcff"],  # a byte that is not UTF-8, as Python keeps it
    ["list", "--name", "caf\udce9"],
    ["analyze", "--body-file", "fifo"],
    ["analyze", "--body-file", "folder"],
    ["analyze", "--body-file", "/dev/zero"],
    ["analyze", "hi", "--recipients", "fifo"],
    ["analyze", "hi", "--recipients", "folder"],
    ["analyze", "--body-file", "no\0such"],
]


@pytest.mark.parametrize(
    "argv", USAGE_ERRORS, ids=[" ".join(a).encode("unicode_escape").decode() for a in USAGE_ERRORS]
)
def test_each_input_the_review_found_is_one_line_and_exit_2(workdir: Path, argv: list[str]) -> None:
    ran = run(argv)
    assert ran.code == ExitCode.USAGE
    assert_well_behaved(argv, ran)


def test_a_config_fifo_is_refused_without_hanging(workdir: Path) -> None:
    environ = {"HOME": "/nonexistent"}
    out, err = io.StringIO(), io.StringIO()
    code = main(["list", "--config", "fifo"], environ=environ, stdin=io.StringIO(), stdout=out, stderr=err)
    assert code == ExitCode.USAGE and "it is a named pipe (FIFO)" in err.getvalue()


def test_a_body_on_stdin_that_is_not_utf8_is_refused(workdir: Path) -> None:
    ran = run(["analyze", "--body-file", "-"], stdin=b"caf\xe9 au lait")
    assert ran.code == ExitCode.USAGE and "is not UTF-8 text (byte 4 is not)" in ran.err
    assert_well_behaved([], ran)


def test_a_body_file_that_is_not_utf8_is_refused(workdir: Path) -> None:
    Path("latin1.txt").write_bytes(b"caf\xe9")
    ran = run(["analyze", "--body-file", "latin1.txt"])
    assert ran.code == ExitCode.USAGE and "latin1.txt is not UTF-8 text" in ran.err


def test_a_csv_line_past_the_limit_is_refused_in_bounded_memory(workdir: Path) -> None:
    Path("long.csv").write_bytes(b"first_name\n" + b"x" * (16 * 1024 * 1024))  # 16 MiB, no line break
    tracemalloc.start()
    try:
        ran = run(["analyze", "Hi ((First Name))", "--recipients", "long.csv"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ran.code == ExitCode.USAGE and "line 2 is longer than 131,072 bytes" in ran.err
    assert peak < 2 * 1024 * 1024, f"{peak:,} bytes held to refuse one long line"


def test_an_argument_that_is_not_utf8_is_quoted_as_its_bytes(workdir: Path) -> None:
    assert run(["get", "\udcff"]).err.startswith("error: argument 2 (\\xff) is not UTF-8 text")


def test_ids_and_times_that_are_fine_still_work(workdir: Path) -> None:
    assert run(["get", "1000"]).code == ExitCode.CREDENTIALS  # sent, and refused by the 401
    assert run(["list", "--since", "2026-12-01T09:30+10:00", "--max", "5"]).code == ExitCode.CREDENTIALS
    assert run(["list", "--since", "253402300799"]).code == ExitCode.CREDENTIALS


WORDS = ["analyze", "price", "send", "get", "update", "list", "cancel", "configure", "--json", "--csv", "--all",
         "--yes", "--dry-run", "-v", "--max", "--since", "--until", "--schedule", "--status", "--name", "--body",
         "--body-file", "--recipients", "--list-id", "--from", "--search", "--operator", "--order", "--timeout",
         "--retries", "--concurrency", "--config", "--profile", "--base-url", "--no-checks", "-", "fifo", "folder",
         "1", "0", "-1", "7", "now", "2026-12-01", "9999-12-31T23:59-14:00", "0001-01-01T00:00+14:00",
         "\u0661\u0660\u0660\u0660", "1e309", "nan", str(10**30), "status:Scheduled", "name:", "\udcff", "\0",
         "http://127.0.0.1:9/v3"]  # fmt: skip
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(codec="utf-8"), max_size=12),
    st.text(st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF), min_size=1, max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(TOKEN, max_size=7))
def test_any_argument_list_ends_in_the_table_without_a_traceback(workdir: Path, argv: list[str]) -> None:
    assert_well_behaved(argv, run(argv))
