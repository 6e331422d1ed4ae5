"""Fault injection for reliability tests; nothing is injected unless asked.

A fault applies to one operation (or "*" for all): `latency` waits `seconds` before answering
normally; `rate_limit` answers 429 with Retry-After `seconds`; `server_error` answers 500; `drop`
reads the request and then breaks the connection in the middle of the answer, so the client
cannot know the outcome. Each fault fires for the next `count` matching requests, or with
`probability` on each one, drawn from a generator seeded with `seed` so that runs repeat.
"""

from __future__ import annotations

import math
import random
import threading
from dataclasses import dataclass
from typing import Literal

from clicksend_sms_campaigns import OPERATIONS as REGISTRY

FaultKind = Literal["latency", "rate_limit", "server_error", "drop"]
FAULT_KINDS: tuple[FaultKind, ...] = ("latency", "rate_limit", "server_error", "drop")
#: The operations a fault may name: the spec's registry.
OPERATIONS = tuple(operation.id for operation in REGISTRY)
#: The longest latency or Retry-After a fault may ask for.
MAX_FAULT_SECONDS = 3600


@dataclass
class Fault:
    kind: FaultKind
    operation: str = "*"
    count: int | None = None
    probability: float | None = None
    seconds: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {FAULT_KINDS}, got {self.kind!r}")
        if self.operation != "*" and self.operation not in OPERATIONS:
            raise ValueError(f"operation must be '*' or one of {OPERATIONS}, got {self.operation!r}")
        if (self.count is None) == (self.probability is None):
            raise ValueError("a fault needs exactly one of count or probability")
        if self.count is not None and (
            isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1
        ):
            raise ValueError(f"count must be a whole number of at least 1, got {self.count!r}")
        if self.probability is not None and not (_number(self.probability) and 0 < self.probability <= 1):
            raise ValueError(f"probability must be a number in (0, 1], got {self.probability!r}")
        if not (_number(self.seconds) and 0 <= self.seconds <= MAX_FAULT_SECONDS):
            raise ValueError(f"seconds must be a number from 0 to {MAX_FAULT_SECONDS}, got {self.seconds!r}")


def _number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


class FaultPlan:
    def __init__(self, seed: int = 0) -> None:
        self._faults: list[Fault] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def draw(self, operation: str) -> Fault | None:
        """The fault to apply to this request, if any; used-up counted faults are removed."""
        with self._lock:
            for fault in self._faults:
                if fault.operation not in ("*", operation):
                    continue
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                    return fault
                if fault.probability is not None and self._rng.random() < fault.probability:
                    return fault
        return None
