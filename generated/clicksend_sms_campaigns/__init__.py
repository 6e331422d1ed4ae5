"""Typed client for ClickSend's SMS Campaigns API, generated from a hand-written OpenAPI spec.

`build_info` says which spec and overlays this package was generated from.
"""

from . import build_info
from .client import AuthenticatedClient, Client

__version__ = build_info.VERSION

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
    "build_info",
)
