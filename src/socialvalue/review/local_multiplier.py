"""LM3, the local multiplier: how much of a pound stays in the local economy.

Source: New Economics Foundation, *The Money Trail: measuring your impact on the
local economy using LM3* (Sacks, 2002). Follow money through three rounds in a
defined local area:

- **round 1** (R1): the income in question, e.g. a commissioner's spend with a
  supplier;
- **round 2** (R2): how much of R1 the recipient spends *locally* (with local
  suppliers and on local staff);
- **round 3** (R3): how much of R2 those local recipients in turn spend locally.

LM3 = (R1 + R2 + R3) ÷ R1. Because only local spend counts, R2 ≤ R1 and R3 ≤ R2,
so 1 ≤ LM3 ≤ 3: 1 means nothing stays local, 3 that everything does. (In
Northumberland, NEF found local suppliers re-spent 76% locally against 36% for
others.)

>>> result = lm3(Money("100000"), Money("76000"), Money("40000"))
>>> result.multiplier
Decimal('2.16')
>>> result.explanation.split(": ")[0]
'LM3 = (£100,000.00 + £76,000.00 + £40,000.00) ÷ £100,000.00 = 2.16'
"""

from __future__ import annotations

import decimal
import html
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._records import records_frame
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = ["LocalMultiplier", "lm3"]

_CONTEXT: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


def _check_round(instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    if not isinstance(value, Money):
        raise TypeError(f"{attribute.name} must be Money; got {type(value).__name__}")
    if value.amount < 0:
        raise RuleViolation(
            "decimal.out_of_range",
            f"{attribute.name} cannot be negative; got {value.amount}",
            field=[attribute.name],
        )


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class LocalMultiplier:
    """The three rounds of an LM3 study and the multiplier they give.

    ``round1`` is the income; ``round2`` the part of it spent locally; ``round3``
    the part of ``round2`` re-spent locally. Round 1 must be more than zero, and
    no round may exceed the one it comes from (``lm3.local_exceeds_round``).
    """

    round1: Money = attrs.field(validator=_check_round)
    round2: Money = attrs.field(validator=_check_round)
    round3: Money = attrs.field(validator=_check_round)

    def __attrs_post_init__(self) -> None:
        if not self.round1.amount:
            raise RuleViolation(
                "lm3.no_income",
                "round 1 (the income followed) must be more than zero",
                field=["round1"],
            )
        if self.round2 > self.round1:
            raise RuleViolation(
                "lm3.local_exceeds_round",
                f"round 2 local spend ({self.round2.format()}) cannot exceed round 1"
                f" ({self.round1.format()}): it is spent out of round 1",
                field=["round2"],
            )
        if self.round3 > self.round2:
            raise RuleViolation(
                "lm3.local_exceeds_round",
                f"round 3 local spend ({self.round3.format()}) cannot exceed round 2"
                f" ({self.round2.format()}): it is spent out of round 2",
                field=["round3"],
            )

    @property
    def multiplier(self) -> Decimal:
        """(R1 + R2 + R3) ÷ R1, to 28 significant digits; always from 1 to 3."""
        total = self.round1 + self.round2 + self.round3
        return _CONTEXT.divide(total.amount, self.round1.amount)

    @property
    def local_share(self) -> Decimal:
        """R2 ÷ R1: the share of the income spent locally in round 2."""
        return _CONTEXT.divide(self.round2.amount, self.round1.amount)

    @property
    def explanation(self) -> str:
        """The sum, with its figures."""
        shown = self.multiplier.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
        return (
            f"LM3 = ({self.round1.format()} + {self.round2.format()} + {self.round3.format()})"
            f" ÷ {self.round1.format()} = {shown}: each £1 is worth £{shown} to the local"
            " economy."
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict with the rounds and the multiplier."""
        return [
            {
                "round1": self.round1.amount,
                "round2": self.round2.amount,
                "round3": self.round3.amount,
                "currency": self.round1.currency,
                "local_share": self.local_share,
                "lm3": self.multiplier,
                "explanation": self.explanation,
            }
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.explanation)}</p>"


@in_library_context
@typed_arguments
def lm3(round1: Money, round2: Money, round3: Money) -> LocalMultiplier:
    """The LM3 local multiplier of income ``round1`` with local re-spend ``round2``, ``round3``.

    Raises :class:`~socialvalue.errors.RuleViolation` when local spend exceeds the
    round it comes from, or round 1 is zero.
    """
    return LocalMultiplier(round1, round2, round3)
