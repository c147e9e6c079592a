"""Shared number helpers for scores and ratios: a decimal context, rounding, whole numbers."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._fields import FieldCheck
from socialvalue.errors import RuleViolation

__all__ = ["CONTEXT", "WholeNumber", "half_up"]

#: Context for ratios of bounded amounts (scores, value for money): 40 digits is
#: far below a penny of score, and traps mean a NaN or overflow never passes silently.
CONTEXT: Final = decimal.Context(
    prec=40,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half-up (away from zero) to ``places`` decimal places.

    >>> half_up(Decimal("35.555"), 2)
    Decimal('35.56')
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


@attrs.frozen
class WholeNumber(FieldCheck):
    """A whole number (never a bool) from ``minimum`` to ``maximum`` inclusive."""

    minimum: int
    maximum: int
    optional: bool = False

    def check(self, value: Any) -> None:
        if type(value) is not int:
            raise TypeError(f"must be a whole number; got {type(value).__name__}")
        if not self.minimum <= value <= self.maximum:
            raise RuleViolation(
                "decimal.out_of_range",
                f"must be a whole number from {self.minimum} to {self.maximum}; got {value}",
            )
