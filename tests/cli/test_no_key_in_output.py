"""The command line never writes the API key, in any form, to standard output or error.

Two ways it could: a config file it cannot parse (configparser quotes the offending line, which
may be the key), and anything that carries the key back, such as a server whose error answer
echoes the request's Authorization header, shown whole under -v. Every source of the key is
tried: the environment, a config file, and `configure`'s prompt.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import Run
from tests.client.fakes import FakeClickSend, serve
from tests.client.test_no_key_in_errors import secret_forms

USERNAME, API_KEY = "canary-user", "CANARY-5d1e77a0-KEY"
SECRETS = secret_forms(USERNAME, API_KEY)


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def _echo(request: httpx.Request) -> httpx.Response:
    """A 400 whose message and data hold the credentials the request came with, decoded too."""
    header = request.headers.get("authorization", "")
    try:
        pair = base64.b64decode(header.removeprefix("Basic ")).decode()
    except (binascii.Error, UnicodeDecodeError):
        pair = ""
    body = {"http_code": 400, "response_code": "BAD_REQUEST", "response_msg": f"you sent {header}",
            "data": {"authorization": header, "pair": pair, "key": pair.partition(":")[2]}}  # fmt: skip
    return httpx.Response(400, json=body, headers={"X-Echo": header})


@pytest.fixture
def echoing() -> Iterator[str]:
    fake = FakeClickSend()
    fake.then(*[_echo] * 20)
    with serve(fake) as base_url:
        yield base_url


def _config(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    path.chmod(0o600)
    return path


K = API_KEY.encode()
#: Config files written wrongly in every way we could think of, each holding the canary key.
MALFORMED = {
    "no section header": b"username = canary-user\napi_key = " + K + b"\n",
    "key on a line alone": b"[default]\nusername = canary-user\n" + K + b"\n",
    "key alone, first line": K + b"\n[default]\nusername = canary-user\n",
    "key as a section": b"[" + K + b"]\nusername = canary-user\n",
    "duplicate keys": b"[default]\nusername = canary-user\napi_key = " + K + b"\napi_key = " + K + b"\n",
    "duplicate sections": b"[default]\napi_key = " + K + b"\n[default]\nusername = canary-user\n",
    "binary after the key": b"[default]\nusername = canary-user\napi_key = " + K + b"\xff\xfe\x00\n",
    "binary before the key": b"\x00\x81[default]\napi_key = " + K + b"\n",
    "UTF-16": "[default]\nusername = canary-user\napi_key = CANARY-5d1e77a0-KEY\n".encode("utf-16"),
    "unclosed section": b"[default\napi_key = " + K + b"\n",
    "key in a continuation line": b"  " + K + b"\n[default]\n",
}
#: Config files that are readable (a BOM, CRLF, a % that interpolation would choke on): the key is used.
READABLE = {
    "BOM and CRLF": b"\xef\xbb\xbf[default]\r\nusername = canary-user\r\napi_key = " + K + b"\r\n",
    "interpolation %": b"[default]\nusername = canary-user\napi_key = " + K + b"\n; 100% %(x)s\nnote = %(api_key)s %\n",
}


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "-v"])
@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_config_file_that_cannot_be_read_is_never_quoted(cli: Run, tmp_path: Path, name: str, verbose: bool) -> None:
    config = _config(tmp_path, "config.ini", MALFORMED[name])
    ran = cli(*(["-v"] if verbose else []), "--config", str(config), "list", environ={"HOME": str(tmp_path)})
    assert ran.code in (2, 4), ran.err
    assert ran.error_lines and str(config) in ran.error_lines[0]
    assert _leaks(ran.out + ran.err) == []
    assert "Traceback" not in ran.err, "a traceback of configparser quotes the file"


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "-v"])
@pytest.mark.parametrize("name", list(READABLE))
def test_a_readable_config_file_with_odd_bytes_is_used_and_its_key_hidden(
    cli: Run, tmp_path: Path, echoing: str, name: str, verbose: bool
) -> None:
    config = _config(tmp_path, "config.ini", READABLE[name] + f"base_url = {echoing}\n".encode())
    ran = cli(*(["-v"] if verbose else []), "--config", str(config), "get", "7", environ={"HOME": str(tmp_path)})
    assert ran.code == 1 and "you sent" in ran.err, "the echoing server was reached with the file's key"
    assert _leaks(ran.out + ran.err) == []
    assert "<hidden>" in ran.err


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "-v"])
def test_a_key_from_the_environment_echoed_back_is_hidden(cli: Run, echoing: str, verbose: bool) -> None:
    environ = {"CLICKSEND_USERNAME": USERNAME, "CLICKSEND_API_KEY": API_KEY, "CLICKSEND_BASE_URL": echoing,
               "HOME": "/nonexistent"}  # fmt: skip
    ran = cli(*(["-v"] if verbose else []), "get", "7", environ=environ)
    assert ran.code == 1 and "<hidden>" in ran.err
    assert _leaks(ran.out + ran.err) == []
    if verbose:  # the whole answer is shown, every copy of the key hidden in it
        assert '"pair": "<hidden>"' in ran.err and '"key": "<hidden>"' in ran.err


def test_a_key_typed_into_configure_is_hidden(cli: Run, tmp_path: Path, echoing: str) -> None:
    config = tmp_path / "config.ini"
    environ = {"HOME": str(tmp_path)}
    saved = cli("--config", str(config), "--base-url", echoing, "configure", stdin=f"{USERNAME}\n{API_KEY}\n",
                environ=environ)  # fmt: skip
    assert saved.code == 0 and _leaks(saved.out + saved.err) == []
    ran = cli("-v", "--config", str(config), "get", "7", environ=environ)
    assert ran.code == 1 and "<hidden>" in ran.err and _leaks(ran.out + ran.err) == []


def test_without_hiding_the_echo_would_show_the_key(cli: Run, echoing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests above can fail: with hide() turned off, the same run prints the key."""
    from clicksend_sms_campaigns._core.cli.terminal import Terminal

    monkeypatch.setattr(Terminal, "hide", lambda self, api_key, username="": None)
    environ = {"CLICKSEND_USERNAME": USERNAME, "CLICKSEND_API_KEY": API_KEY, "CLICKSEND_BASE_URL": echoing,
               "HOME": "/nonexistent"}  # fmt: skip
    ran = cli("-v", "get", "7", environ=environ)
    assert set(_leaks(ran.err)) >= {API_KEY, f"{USERNAME}:{API_KEY}"}
