"""The figures a score report is made of: totals, counts, delivery and the ratio.

:class:`ValueTotals` (gross, net, undiscounted and present value of a set of lines),
:class:`MeasureCount` (a record-only or excluded measure's summed quantity),
:class:`Delivery` (delivery against one commitment) and :class:`SocialValueRatio`
(value per £1 of spend). :class:`~.score_report.ScoreReport` builds them from the
exact results of library arithmetic on checked amounts, through the trusted
constructors here, which skip the input checks that hold by construction.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import library_context_methods
from socialvalue._typed import filler, typed_fields
from socialvalue.money import Money
from socialvalue.review.measures import Unit
from socialvalue.review.method import ValueBasis

__all__ = ["Delivery", "MeasureCount", "SocialValueRatio", "ValueTotals"]

_RATIO: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
_UNIT_LABELS: Final = {
    Unit.FTE: "FTE",
    Unit.PEOPLE: "people",
    Unit.HOURS: "hours",
    Unit.WEEKS: "weeks",
    Unit.GBP: "GBP",
    Unit.TONNES_CO2E: "tonnes CO2e",
    Unit.COUNT: "",
    Unit.PERCENT: "%",
}


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ValueTotals:
    """Gross, net, undiscounted and present value of a set of lines."""

    gross: Money
    net: Money
    undiscounted: Money
    present_value: Money

    @typed_arguments
    def figure(self, basis: ValueBasis) -> Money:
        """The figure named by ``basis``."""
        return {
            ValueBasis.GROSS: self.gross,
            ValueBasis.NET: self.net,
            ValueBasis.UNDISCOUNTED: self.undiscounted,
            ValueBasis.PRESENT_VALUE: self.present_value,
        }[basis]


#: Money of an amount known to be within Money's bounds (see ``ScoreReport._parts``).
_bounded: Final[Callable[..., Money]] = filler(Money)


def _totals(
    figures: Iterable[Decimal],
    currency: str,
    money: Callable[[Decimal, str], Money] = Money._computed,
) -> ValueTotals:
    # Exact results of library arithmetic on checked amounts, in a checked currency:
    # the trusted route skips Money's input gate and the field type checks, which
    # hold by construction (never used for user input). A test compares the result
    # with the checking constructor's.
    gross, net, undiscounted, present = figures
    return _fill_totals(
        money(gross, currency),
        money(net, currency),
        money(undiscounted, currency),
        money(present, currency),
    )


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class MeasureCount:
    """The summed quantity of one measure's lines (record-only or excluded)."""

    measure: str
    title: str
    unit: Unit
    quantity: Decimal

    @property
    def text(self) -> str:
        """E.g. ``'12 FTE'``, ``'£4,000'`` or ``'3'``."""
        return _quantity_text(self.quantity, self.unit)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class Delivery:
    """Delivery against one commitment: delivered ÷ committed, and the shortfall.

    ``ratio`` is ``None`` when nothing was committed; ``shortfall`` is zero when
    delivery meets or beats the commitment.
    """

    measure: str
    unit: Unit
    committed: Decimal
    delivered: Decimal
    ratio: Decimal | None
    shortfall: Decimal

    @property
    def met(self) -> bool:
        """Whether the commitment was delivered in full."""
        return self.delivered >= self.committed


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class SocialValueRatio:
    """Social value per £1 of spend, and as a percentage of spend.

    ``per_pound`` = value ÷ spend (Essex aims for £0.25 per £1); ``percent`` = 100 ×
    value ÷ spend (Hammersmith & Fulham: 10% rising to 20% of contract value). Both
    are ``None`` when spend is zero. Computed to 28 significant digits.
    """

    basis: ValueBasis
    value: Money
    spend: Money
    per_pound: Decimal | None
    percent: Decimal | None

    @property
    def text(self) -> str:
        """E.g. ``'£0.31 per £1 of spend (31.2%)'``."""
        if self.per_pound is None or self.percent is None:
            words = self.basis.value.replace("-", " ")
            return f"{self.value.format()} of {words}; no spend to compare"
        per_pound = Money._computed(self.per_pound.quantize(Decimal("0.01"), context=_RATIO), "GBP")
        percent = self.percent.quantize(Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
        if not per_pound and self.per_pound > 0:
            # "£0.00 per £1" beside a non-zero percentage reads as nothing at all.
            return f"less than £0.01 per £1 of spend ({percent}%)"
        return f"{per_pound.format()} per £1 of spend ({percent}%)"


def _quantity_text(quantity: Decimal, unit: Unit) -> str:
    number = f"{quantity.normalize():,f}" if quantity else "0"
    if unit is Unit.GBP:
        return f"£{number}"
    if unit is Unit.PERCENT:
        return f"{number}%"
    label = _UNIT_LABELS[unit]
    if quantity == 1 and unit in _SINGULAR:
        label = _SINGULAR[unit]
    return f"{number} {label}" if label else number


# One of a unit reads differently; FTE, tonnes CO2e and counts do not change.
_SINGULAR: Final = {Unit.PEOPLE: "person", Unit.HOURS: "hour", Unit.WEEKS: "week"}


_fill_totals: Final[Callable[..., ValueTotals]] = filler(ValueTotals)
