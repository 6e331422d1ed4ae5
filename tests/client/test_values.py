"""as_unix_seconds and as_decimal turn either documented form of a value into one type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from clicksend_sms_campaigns import as_decimal, as_unix_seconds


@pytest.mark.parametrize(("value", "seconds"), [(1444821615, 1444821615), ("1444821615", 1444821615), (" 7 ", 7)])
def test_as_unix_seconds(value: int | str, seconds: int) -> None:
    assert as_unix_seconds(value) == seconds


@pytest.mark.parametrize("value", ["soon", "", "-5", "1.5", True, None])
def test_as_unix_seconds_rejects_other_values(value: object) -> None:
    with pytest.raises(ValueError, match="not a Unix timestamp"):
        as_unix_seconds(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "price"), [("0.035", Decimal("0.035")), (0.035, Decimal("0.035")), (12, Decimal(12))]
)
def test_as_decimal(value: float | str, price: Decimal) -> None:
    assert as_decimal(value) == price


@pytest.mark.parametrize("value", ["free", "", True])
def test_as_decimal_rejects_other_values(value: object) -> None:
    with pytest.raises(ValueError, match="not a price"):
        as_decimal(value)  # type: ignore[arg-type]
