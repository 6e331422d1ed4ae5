"""Normalise the values ClickSend sends in two forms, for code that wants one.

The models keep what the server sent (`schedule: int | str`, `total_price: float | str`), so
nothing is lost or guessed at parse time; these turn either form into one type.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def as_unix_seconds(value: int | str) -> int:
    """A timestamp sent as 1444821615 or "1444821615", as an int. ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(f"not a Unix timestamp: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValueError(f"not a Unix timestamp: {value!r}")


def as_decimal(value: float | int | str) -> Decimal:
    """A price sent as 0.035 or "0.035", as an exact Decimal. ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(f"not a price: {value!r}")
    try:
        # str() first: Decimal(0.035) would carry the float's binary error.
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"not a price: {value!r}") from None
