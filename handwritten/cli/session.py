"""What one run of the command line works with: its arguments, its terminal, and the client,
built only when a command first talks to ClickSend (`analyze` never does)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from ..clicksend_client import DEFAULT_BASE_URL, ClickSendClient
from .credentials import BASE_URL_VARIABLE, config_path, load_credentials
from .failures import CommandError, ExitCode
from .terminal import Terminal


class Session:
    def __init__(self, args: argparse.Namespace, terminal: Terminal, environ: Mapping[str, str]) -> None:
        self.args, self.terminal, self.environ = args, terminal, environ
        #: Where the credentials came from, once read: named when ClickSend refuses them.
        self.credentials_source: str | None = None
        self._client: ClickSendClient | None = None

    def client(self) -> ClickSendClient:
        if self._client is None:
            credentials = load_credentials(self.environ, config_path(self.environ, self.args.config), self.args.profile)
            self.credentials_source = credentials.source
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
