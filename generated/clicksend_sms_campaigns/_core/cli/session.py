"""What one run of the command line works with: its arguments, its terminal, and the client,
built only when a command first talks to ClickSend (`analyze` never does)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Mapping

from ..clicksend_client import DEFAULT_BASE_URL, ClickSendClient
from .credentials import BASE_URL_VARIABLE, config_path, load_credentials
from .failures import CommandError, ExitCode
from .terminal import Terminal


class Session:
    def __init__(self, args: argparse.Namespace, terminal: Terminal, environ: Mapping[str, str]) -> None:
        self.args, self.terminal, self.environ = args, terminal, environ
        #: Where the credentials came from, once read: named when ClickSend refuses them.
        self.credentials_source: str | None = None
        #: Whether a send, update or cancel has been sent, and whether one is in flight: a failure
        #: before any write changed nothing, and only one during a write leaves the outcome unknown.
        self.wrote = False
        self.writing = False
        self._client: ClickSendClient | None = None

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """Around the requests that change something at ClickSend (a send, an update, cancels). An
        error that leaves the block leaves `writing` set, so that main knows where it came from."""
        self.wrote = self.writing = True
        yield
        self.writing = False

    def client(self) -> ClickSendClient:
        if self._client is None:
            credentials = load_credentials(self.environ, config_path(self.environ, self.args.config), self.args.profile)
            self.credentials_source = credentials.source
            self.terminal.hide(credentials.api_key, username=credentials.username)
            base_url = self.args.base_url or self.environ.get(BASE_URL_VARIABLE) or credentials.base_url
            try:
                self._client = ClickSendClient(
                    credentials.username,
                    credentials.api_key,
                    base_url=base_url or DEFAULT_BASE_URL,
                    checks=not self.args.no_checks,
                    timeout=self.args.timeout,
                    max_retries=self.args.retries,
                )
            except ValueError as error:
                if "base_url" in str(error):
                    hint = f"check --base-url, {BASE_URL_VARIABLE} or the profile's base_url"
                    raise CommandError(str(error), hint=hint, code=ExitCode.USAGE) from None
                raise CommandError(str(error), hint=f"from {credentials.source}", code=ExitCode.CREDENTIALS) from None
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
