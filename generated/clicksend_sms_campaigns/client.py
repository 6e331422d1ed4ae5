"""The client the generated operations take. ClickSendClient (clicksend_client.py) is hand-written;
the generated code refers to it by the generator's names."""

from .clicksend_client import ClickSendClient

AuthenticatedClient = ClickSendClient
Client = ClickSendClient

__all__ = ("AuthenticatedClient", "Client", "ClickSendClient")
