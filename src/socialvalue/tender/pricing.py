"""Price scoring: the named methods that turn a bid's price into a share of the price weight.

Each method returns the *fraction* of the price criterion's weight a bid earns,
between 0 and 1, with a derivation a panel can check by hand. Only bids that
passed every pass mark are priced: an excluded bid can neither set the lowest
price nor be scored against it (the usual two-stage order: quality gate, then
price).

Known distortions (read before choosing):

- :attr:`PriceMethod.LOWEST_PRICE` (lowest price ÷ bid price), the most common UK
  method, is *relative*: the lowest bid sets everyone's score, so an abnormally low
  bid compresses the others, and adding or withdrawing a bid can reverse the order
  of two others ("rank reversal"). The curve is hyperbolic, not linear: a bid 50%
  dearer than the lowest loses a third of the price weight, not half, so the
  effective weight of price is lower than its nominal weight when bids are far
  apart.
- :attr:`PriceMethod.BUDGET_LINEAR` (1 − (bid − lowest) ÷ budget) is linear, so each
  pound costs the same score, but it is still anchored on the lowest bid, and the
  budget sets the slope: a generous budget flattens price differences (price
  weighs less than it says), a tight one sharpens them; bids more than one whole
  budget above the lowest all score 0.

Sources: Bergman, M. A. and Lundberg, S. (2013), "Tender evaluation and supplier
selection methods in public procurement", *Journal of Purchasing and Supply
Management* 19(2), 73–83 (relative scoring, rank reversal and the non-linear
ratio method). The lowest-price ratio is the method most UK tender documents state;
no statute prescribes it, so both methods are offered by name.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import CONTEXT, in_library_context
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = ["PriceMethod", "price_fraction"]

#: Enough precision that a ratio of two bounded amounts is exact to far below a
#: penny of score; results are rounded to the model's places before anyone sees them.
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)


class PriceMethod(enum.Enum):
    """How a bid's price becomes a share of the price weight."""

    LOWEST_PRICE = "lowest-price"
    """Lowest compliant price ÷ this bid's price (the common UK method)."""
    BUDGET_LINEAR = "budget-linear"
    """1 − (this price − lowest compliant price) ÷ budget, never below 0."""


@in_library_context
@typed_arguments
def price_fraction(
    method: PriceMethod, price: Money, lowest: Money, budget: Money | None
) -> tuple[Decimal, str]:
    """The share of the price weight ``price`` earns, and how it was worked out.

    ``lowest`` is the lowest price among the bids being scored (those that passed
    every pass mark); ``budget`` is needed by :attr:`PriceMethod.BUDGET_LINEAR`.

    >>> price_fraction(PriceMethod.LOWEST_PRICE, Money("500000"), Money("400000"), None)[0]
    Decimal('0.8')
    >>> price_fraction(
    ...     PriceMethod.BUDGET_LINEAR, Money("500000"), Money("400000"), Money("1000000")
    ... )[0]
    Decimal('0.9')
    """
    if method is PriceMethod.LOWEST_PRICE:
        if price.amount <= 0:
            raise RuleViolation(
                "evaluation.bad_price",
                f"the lowest-price method needs prices above zero; got {price}",
            )
        fraction = CONTEXT.divide(lowest.amount, price.amount)
        return fraction, f"lowest price {lowest} ÷ this price {price}"
    if budget is None or budget.amount <= 0:
        raise RuleViolation(
            "evaluation.budget_missing",
            "the budget-linear price method needs a budget above zero",
        )
    over = price - lowest
    fraction = max(_ZERO, _ONE - CONTEXT.divide(over.amount, budget.amount))
    return (
        min(fraction, _ONE),
        f"1 − (this price {price} − lowest price {lowest}) ÷ budget {budget}",
    )
