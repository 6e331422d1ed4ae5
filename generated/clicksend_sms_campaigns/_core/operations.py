"""The operations of the API, from the spec: look one up by id, find which one a request is, or
reach its generated module.

`spec_facts.OPERATIONS` is the one registry: retries, the test fakes, the emulator's routes, the
live guard, the evidence checks and the hand-written helpers all take their operations from it, so
a new operation in the spec reaches them all by regenerating. The hand-written layer calls an
operation through `endpoint(id)`, never by importing its module: the registry says where it is,
and an id the spec no longer has fails at import, naming the ones it has.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Awaitable
from typing import Any, Protocol

from ..spec_facts import OPERATIONS, Operation

__all__ = ["OPERATIONS", "Endpoint", "Operation", "endpoint", "operation_by_id", "operation_for"]


class Endpoint(Protocol):
    """An operation's generated module: its four functions (their answers typed by the module)."""

    def sync(self, *args: Any, **kwargs: Any) -> Any: ...

    def sync_detailed(self, *args: Any, **kwargs: Any) -> Any: ...

    def asyncio(self, *args: Any, **kwargs: Any) -> Awaitable[Any]: ...

    def asyncio_detailed(self, *args: Any, **kwargs: Any) -> Awaitable[Any]: ...


_BY_ID = {operation.id: operation for operation in OPERATIONS}


def _pattern(path: str) -> re.Pattern[str]:
    """A path template as a regular expression: each {parameter} is one path segment."""
    return re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")


# Templates with fewer parameters first, so that /sms-campaigns/send is never read as a campaign id.
_PATTERNS = sorted(
    ((operation.path.count("{"), _pattern(operation.path), operation) for operation in OPERATIONS),
    key=lambda entry: entry[0],
)


def operation_by_id(operation_id: str) -> Operation:
    """The operation with this operationId; KeyError naming the known ones when there is none."""
    try:
        return _BY_ID[operation_id]
    except KeyError:
        raise KeyError(f"no operation {operation_id!r}; the spec has {sorted(_BY_ID)}") from None


def operation_for(method: str, path: str) -> Operation | None:
    """The operation a request is, by its method and URL path (the server's prefix, such as /v3, is
    allowed before the spec's path), or None when it is none of them."""
    for _, pattern, operation in _PATTERNS:
        if operation.method == method.upper() and pattern.search(path):
            return operation
    return None


def endpoint(operation_id: str) -> Endpoint:
    """The generated module of the operation with this operationId, imported from where the
    registry says it is; KeyError naming the known ones when there is none."""
    module: Endpoint = importlib.import_module(operation_by_id(operation_id).module)
    return module
