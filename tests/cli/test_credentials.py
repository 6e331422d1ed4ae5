"""Where `clicksend-campaigns` finds the account: the environment, else an owner-only config file,
never the command line; and what it says when they are missing, unsafe or refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from clicksend_emulator import RunningEmulator

from tests.cli.conftest import Run


def _config(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def _profile(running: RunningEmulator, name: str = "default", *, base_url: bool = True) -> str:
    account = running.emulator.config.accounts[0]
    url = f"base_url = {running.base_url}\n" if base_url else ""
    return f"[{name}]\nusername = {account.username}\napi_key = {account.api_key}\n{url}"


def test_without_credentials_it_says_how_to_give_them(cli: Run, tmp_path: Path) -> None:
    ran = cli("list", environ={"HOME": str(tmp_path)})
    assert ran.code == 4 and ran.out == ""
    assert ran.err == (
        "error: no ClickSend credentials (hint: set CLICKSEND_USERNAME and CLICKSEND_API_KEY, "
        "or run `clicksend-campaigns configure`)\n"
    )
    half = cli("list", environ={"HOME": str(tmp_path), "CLICKSEND_USERNAME": "someone"})
    assert half.code == 4 and "CLICKSEND_API_KEY is not set" in half.err


def test_a_config_file_profile_is_used_with_its_base_url(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator
) -> None:
    config = _config(tmp_path / "clicksend.ini", _profile(clicksend_emulator) + _profile(clicksend_emulator, "work"))
    ran = cli("list", "--config", str(config), environ={"HOME": str(tmp_path)})
    assert ran.code == 0 and ran.err == "No campaign matches.\n"
    # The default place, under XDG_CONFIG_HOME, and a profile chosen by name.
    (tmp_path / "xdg" / "clicksend").mkdir(parents=True)
    config.rename(tmp_path / "xdg" / "clicksend" / "config.ini")
    chosen = cli("list", "--profile", "work", environ={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert chosen.code == 0, chosen.err
    missing = cli("list", "--profile", "home", environ={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert missing.code == 4 and "has no profile 'home' (profiles: default, work)" in missing.err


def test_a_config_file_others_can_read_is_not_used(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator
) -> None:
    config = _config(tmp_path / "config.ini", _profile(clicksend_emulator), mode=0o644)
    ran = cli("list", "--config", str(config), environ={})
    assert ran.code == 4
    assert ran.err == (
        f"error: {config} is open to others (mode 644); it holds an API key, so it is not used "
        f"(hint: chmod 600 {config})\n"
    )


def test_a_config_file_of_another_user_is_not_used(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path / "config.ini", _profile(clicksend_emulator))
    owner = config.stat().st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    ran = cli("list", "--config", str(config), environ={})
    assert ran.code == 4 and "belongs to another user" in ran.err


def test_base_url_comes_from_the_option_then_the_environment_then_the_profile(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator
) -> None:
    nowhere = "http://127.0.0.1:9/v3"  # the discard port: nothing listens
    config = _config(tmp_path / "config.ini", _profile(clicksend_emulator, base_url=False) + f"base_url = {nowhere}\n")
    from_profile = cli("list", "--config", str(config), "--retries", "0", environ={})
    assert from_profile.code == 1 and "could not send" in from_profile.err
    env = {"CLICKSEND_BASE_URL": clicksend_emulator.base_url}
    assert cli("list", "--config", str(config), environ=env).code == 0, "the environment wins over the profile"
    option = cli("--base-url", clicksend_emulator.base_url, "list", "--config", str(config), environ={})
    assert option.code == 0, option.err
    bad = cli("--base-url", "ftp://example.com", "list", "--config", str(config), environ={})
    assert bad.code == 2 and "base_url must be an http or https URL" in bad.err


def test_credentials_clicksend_refuses_name_where_they_came_from(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator
) -> None:
    config = _config(tmp_path / "config.ini", "[default]\nusername = emulator\napi_key = wrong-key\n")
    ran = cli("--base-url", clicksend_emulator.base_url, "list", "--config", str(config), environ={})
    assert ran.code == 4
    assert f"(hint: ClickSend refused the username or API key (profile 'default' of {config}))" in ran.err
    assert "wrong-key" not in ran.out + ran.err


def test_credentials_are_never_taken_from_the_command_line(cli: Run) -> None:
    ran = cli("list", "--api-key", "secret")
    assert ran.code == 2 and "unrecognized arguments: --api-key secret" in ran.err


def test_configure_writes_an_owner_only_file_and_keeps_other_profiles(
    cli: Run, tmp_path: Path, clicksend_emulator: RunningEmulator
) -> None:
    home = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    first = cli("configure", "--base-url", clicksend_emulator.base_url, stdin="emulator\nemulator-key\n", environ=home)
    assert first.code == 0, first.err
    path = tmp_path / "xdg" / "clicksend" / "config.ini"
    assert first.out == f"Saved profile 'default' to {path}, readable only by you.\n"
    assert "emulator-key" not in first.out + first.err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    second = cli("--profile", "other", "configure", stdin="someone\nkey-2\n", environ=home)
    assert second.code == 0, second.err
    text = path.read_text(encoding="utf-8")
    assert "[default]" in text and "api_key = emulator-key" in text and "[other]" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [name for name in os.listdir(path.parent) if name != "config.ini"], "no temporary file is left"
    assert cli("list", environ=home).code == 0, "the saved profile, with its base_url, signs in"
    empty = cli("configure", stdin="someone\n\n", environ=home)
    assert empty.code == 2 and "nothing was saved" in empty.err
