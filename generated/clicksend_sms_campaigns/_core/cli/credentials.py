"""Where the command line finds the account: the environment, else a config file only its owner can read.

Never from the command line, where other users see arguments (`ps`) and shells keep them in history.

1. CLICKSEND_USERNAME and CLICKSEND_API_KEY (and CLICKSEND_BASE_URL), when set;
2. otherwise the profile (`--profile`, default "default") of the config file: `--config`, else
   CLICKSEND_CONFIG, else $XDG_CONFIG_HOME/clicksend/config.ini (~/.config/clicksend/config.ini):

       [default]
       username = ...
       api_key = ...
       # optional: another API, such as the emulator
       base_url = http://127.0.0.1:8765/v3

On POSIX systems the file must belong to the user and be closed to group and others (chmod 600),
as ssh requires of its keys; `clicksend-campaigns configure` writes it that way.
"""

from __future__ import annotations

import configparser
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import inputs
from .failures import CommandError, ExitCode

USERNAME_VARIABLE, API_KEY_VARIABLE, BASE_URL_VARIABLE = "CLICKSEND_USERNAME", "CLICKSEND_API_KEY", "CLICKSEND_BASE_URL"
CONFIG_VARIABLE = "CLICKSEND_CONFIG"
DEFAULT_PROFILE = "default"
_SETUP_HINT = f"set {USERNAME_VARIABLE} and {API_KEY_VARIABLE}, or run `clicksend-campaigns configure`"


@dataclass(frozen=True)
class Credentials:
    username: str
    api_key: str
    #: The profile's base URL; --base-url and CLICKSEND_BASE_URL come first.
    base_url: str | None
    #: Where they came from, for messages ("the environment", "profile 'default' of ~/...").
    source: str

    def __repr__(self) -> str:
        return f"Credentials(username={self.username!r}, api_key=<hidden>, source={self.source!r})"


def config_path(environ: Mapping[str, str], given: Path | None) -> Path:
    if given is not None:
        return given
    if environ.get(CONFIG_VARIABLE):
        return Path(environ[CONFIG_VARIABLE])
    if environ.get("XDG_CONFIG_HOME"):
        base = Path(environ["XDG_CONFIG_HOME"])
    else:
        base = (Path(environ["HOME"]) if environ.get("HOME") else Path.home()) / ".config"
    return base / "clicksend" / "config.ini"


def load_credentials(environ: Mapping[str, str], path: Path, profile: str) -> Credentials:
    username, api_key = environ.get(USERNAME_VARIABLE, ""), environ.get(API_KEY_VARIABLE, "")
    if username or api_key:
        if not (username and api_key):
            missing = API_KEY_VARIABLE if username else USERNAME_VARIABLE
            raise CommandError(f"{missing} is not set", hint=_SETUP_HINT, code=ExitCode.CREDENTIALS)
        return Credentials(username, api_key, None, "the environment")
    if not path.exists():
        raise CommandError("no ClickSend credentials", hint=_SETUP_HINT, code=ExitCode.CREDENTIALS)
    section = _read_profile(path, profile)
    values = {key: section.get(key, "").strip() for key in ("username", "api_key", "base_url")}
    missing_keys = [key for key in ("username", "api_key") if not values[key]]
    if missing_keys:
        raise CommandError(
            f"profile {profile!r} of {path} has no {' or '.join(missing_keys)}",
            hint="run `clicksend-campaigns configure` to write it",
            code=ExitCode.CREDENTIALS,
        )
    source = f"profile {profile!r} of {path}"
    return Credentials(values["username"], values["api_key"], values["base_url"] or None, source)


def _read_profile(path: Path, profile: str) -> configparser.SectionProxy:
    _check_private(path)
    parser = _parsed(path)
    if not parser.has_section(profile):
        # Only whole profiles are named: a section without a key may be a key typed as a header.
        whole = [name for name in parser.sections() if {"username", "api_key"} <= set(parser[name])]
        others = len(parser.sections()) - len(whole)
        known = ", ".join(whole) or "none"
        known += f", and {others} section(s) without a username and api_key" if others else ""
        raise CommandError(
            f"{path} has no profile {profile!r} (profiles: {known})",
            hint="pass --profile, or run `clicksend-campaigns configure --profile NAME`",
            code=ExitCode.CREDENTIALS,
        )
    return parser[profile]


_CONFIG_HINT = "see `clicksend-campaigns configure --help`, or write it again with `clicksend-campaigns configure`"


def _parsed(path: Path) -> configparser.ConfigParser:
    """The config file, parsed; a CommandError that never quotes the file, whatever is wrong with it.

    configparser's own messages quote the offending line, and in a config file that line may be
    the API key (a file without its [profile] header, or a key on a line of its own). So the
    message here says only where the problem is, and configparser's error is not chained to it.
    """
    text = inputs.read_text_file(path, what="the config file", hint=_CONFIG_HINT, limit=inputs.MAX_CONFIG_BYTES)
    parser = configparser.ConfigParser(interpolation=None)
    problem: str | None = None
    try:
        parser.read_string(text, source=str(path))
    except configparser.MissingSectionHeaderError as error:
        problem = f"line {error.lineno} comes before any [profile] header"
    except configparser.DuplicateSectionError as error:
        problem = f"profile [{error.section}] appears twice"
    except configparser.DuplicateOptionError as error:
        problem = f"{error.option!r} appears twice in profile [{error.section}]"
    except configparser.ParsingError as error:
        lines = ", ".join(str(number) for number, _ in error.errors)
        problem = f"line {lines} is not `name = value`" if "," not in lines else f"lines {lines} are not `name = value`"
    except configparser.Error as error:
        problem = f"configparser's {type(error).__name__}"
    if problem is not None:
        raise CommandError(f"cannot read the config file {path}: {problem}", hint=_CONFIG_HINT)
    return parser


def _check_private(path: Path) -> None:
    if os.name != "posix":
        return  # Windows keeps access in ACLs, which the profile directory already restricts
    try:
        info = path.stat()
    except OSError as error:
        raise CommandError(
            f"cannot read the config file {path}: {error.strerror or type(error).__name__}", hint=_CONFIG_HINT
        ) from None
    if info.st_uid != os.getuid():
        raise CommandError(
            f"{path} belongs to another user; it holds an API key, so it is not used",
            hint="write your own with `clicksend-campaigns configure`",
            code=ExitCode.CREDENTIALS,
        )
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CommandError(
            f"{path} is open to others (mode {stat.S_IMODE(info.st_mode):o}); it holds an API key, so it is not used",
            hint=f"chmod 600 {path}",
            code=ExitCode.CREDENTIALS,
        )


def save_credentials(path: Path, profile: str, username: str, api_key: str, base_url: str | None) -> None:
    """Write one profile, keeping the file's others; the file is created owner-only and replaced at once."""
    parser = configparser.ConfigParser(interpolation=None)
    if path.exists():
        _check_private(path)
        parser = _parsed(path)
    parser[profile] = {"username": username, "api_key": api_key, **({"base_url": base_url} if base_url else {})}
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp makes the file 0600 before anything is written to it; replace() swaps it in whole.
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".ini")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            parser.write(file)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
