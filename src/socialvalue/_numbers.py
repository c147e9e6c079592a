"""Shared number helpers for scores and ratios: a decimal context, rounding, whole numbers."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Final

__all__ = ["CONTEXT", "half_up"]

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
