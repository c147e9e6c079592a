"""The threshold rule: how much a body spends with a supplier decides what it asks.

The Greater Manchester policing-and-crime social value policy says: a supplier we
spend **£50k or less** with signs the Social Value *Charter*; one we spend **£50k or
more** with completes the Social Value *Review*. Those two bands, as the source
states them, both contain exactly £50,000. This module keeps the rule as data:

- a :class:`ThresholdRule` is one band, with explicit lower and upper bounds and
  whether each is inclusive, mapping to an :class:`Obligation`;
- a :class:`~.social_value_policy.Policy` holds the bands in order, plus the
  choices the source leaves open: the :class:`Basis` (annual spend per supplier, or
  whole-life contract value), the VAT basis it tests, and the
  :class:`BoundaryChoice` that settles an amount lying exactly where two bands meet
  and both include it.

The checks here refuse bands that leave a gap or overlap by more than that single
point, so every amount falls in exactly one resolved band. A net negative total
(more credit notes than payments) falls in the lowest band.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from decimal import Decimal
from itertools import pairwise
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = ["Basis", "BoundaryChoice", "Obligation", "ThresholdRule"]


class Obligation(enum.Enum):
    """What the policy asks of a supplier. The Review is the stricter duty."""

    CHARTER = "charter"
    """Sign the Social Value Charter (a set of pledges)."""
    REVIEW = "review"
    """Complete the Social Value Review (measured social contribution)."""

    @property
    def title(self) -> str:
        """``"Charter"`` or ``"Review"``, for sentences."""
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """0 for the Charter, 1 for the stricter Review: obligations order by duty."""
        return _RANK[self]


_RANK: Final = {Obligation.CHARTER: 0, Obligation.REVIEW: 1}


class BoundaryChoice(enum.Enum):
    """Which band applies to an amount where two bands meet and both include it.

    The source's "£50k or less" and "£50k or more" both contain exactly £50,000.
    ``REVIEW`` (the default) gives that amount the stricter duty; ``CHARTER`` the
    lighter one.
    """

    CHARTER = "charter"
    """At the boundary, the band asking for the Charter applies."""
    REVIEW = "review"
    """At the boundary, the band asking for the Review applies."""

    @property
    def obligation(self) -> Obligation:
        """The obligation this choice gives an amount at the boundary."""
        return Obligation(self.value)


class Basis(enum.Enum):
    """What amount the threshold is tested against."""

    ANNUAL_SPEND = "annual-spend"
    """Spend with a supplier, aggregated over a financial year (the default: the source
    speaks of what "we spend with you")."""
    CONTRACT_VALUE = "contract-value"
    """The whole-life value of each contract live in the period; a supplier's largest
    contract decides (procurement law values contracts this way)."""


def _short(money: Money) -> str:
    """``£50,000`` for whole pounds, ``£49,999.99`` otherwise."""
    text = money.format()
    if money.amount == money.amount.to_integral_value():
        text = text.replace(".00", "", 1)
    return text


def _check_bound(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Money):
        raise TypeError(f"{attribute.name} must be Money or None; got {type(value).__name__}")


@attrs.frozen(field_transformer=typed_fields)
class ThresholdRule:
    """One band of amounts and the obligation it carries.

    ``lower=None`` means no lower bound (every amount below, credits included);
    ``upper=None`` means no upper bound. Inclusivity is explicit on each side and
    ignored on an unbounded side.

    >>> charter = ThresholdRule(Obligation.CHARTER, upper=Money("50000"))
    >>> charter.contains(Money("50000.00")), charter.describe()
    (True, '£50,000 or less')
    """

    obligation: Obligation = attrs.field(
        metadata={"description": "What the band asks: the Charter or the Review."}
    )
    lower: Money | None = attrs.field(
        default=None,
        validator=_check_bound,
        metadata={"description": "Lowest amount of the band, or null."},
    )
    upper: Money | None = attrs.field(
        default=None,
        validator=_check_bound,
        metadata={"description": "Highest amount of the band, or null."},
    )
    lower_inclusive: bool = attrs.field(
        default=True, metadata={"description": "Whether the lower bound is in the band."}
    )
    upper_inclusive: bool = attrs.field(
        default=True, metadata={"description": "Whether the upper bound is in the band."}
    )

    def __attrs_post_init__(self) -> None:
        low, high = self.lower, self.upper
        if low is None or high is None:
            return
        if low.currency != high.currency:
            raise RuleViolation(
                "money.currency_mismatch",
                f"a band's bounds must share one currency; got {low.currency} and {high.currency}",
                field=["upper"],
            )
        if low > high or (low == high and not (self.lower_inclusive and self.upper_inclusive)):
            raise RuleViolation(
                "threshold.empty_band",
                f"this band holds no amount: it runs from {self._from()} to {self._to()}",
                field=["upper"],
            )

    def _from(self) -> str:
        assert self.lower is not None
        return _short(self.lower) + (" inclusive" if self.lower_inclusive else " exclusive")

    def _to(self) -> str:
        assert self.upper is not None
        return _short(self.upper) + (" inclusive" if self.upper_inclusive else " exclusive")

    @typed_arguments
    def contains(self, amount: Money) -> bool:
        """Whether ``amount`` is in this band."""
        low, high = self.lower, self.upper
        if low is not None and (amount < low or (amount == low and not self.lower_inclusive)):
            return False
        return high is None or amount < high or (amount == high and self.upper_inclusive)

    def describe(self) -> str:
        """The band in words: ``'£50,000 or less'``, ``'more than £50,000'``."""
        low, high = self.lower, self.upper
        if low is None and high is None:
            return "any amount"
        if low is None:
            assert high is not None
            return (
                f"{_short(high)} or less" if self.upper_inclusive else f"less than {_short(high)}"
            )
        if high is None:
            return f"{_short(low)} or more" if self.lower_inclusive else f"more than {_short(low)}"
        if low == high:
            return f"exactly {_short(low)}"
        return f"from {self._from()} to {self._to()}"


class _Locator:
    """Finds the resolved band of a ``Decimal`` amount by bisection (the hot path).

    ``points`` are the bounds between neighbouring bands, ascending; an amount equal
    to a point belongs to the band below when that band includes its upper bound.
    """

    __slots__ = ("bands", "below_wins", "overlaps", "points")

    def __init__(self, bands: tuple[ThresholdRule, ...], overlaps: frozenset[Decimal]) -> None:
        self.bands = bands
        self.points = [band.upper.amount for band in bands[:-1] if band.upper is not None]
        self.below_wins = [band.upper_inclusive for band in bands[:-1]]
        self.overlaps = overlaps

    def find(self, amount: Decimal) -> tuple[ThresholdRule, bool]:
        """The band holding ``amount``, and whether ``amount`` is a source overlap."""
        points = self.points
        index = bisect_left(points, amount)
        if index < len(points) and amount == points[index]:
            on_boundary = amount in self.overlaps
            return self.bands[index if self.below_wins[index] else index + 1], on_boundary
        return self.bands[index], False


def _check_partition(rules: tuple[ThresholdRule, ...]) -> None:
    """Refuse bands that leave a gap or overlap by more than one shared bound."""
    first, last = rules[0], rules[-1]
    if first.lower is not None:
        raise RuleViolation(
            "threshold.bands_gap",
            f"amounts below {_short(first.lower)} fall in no band: the lowest band must have no"
            " lower bound, so that credits and small amounts are covered",
            field=["rules", 0, "lower"],
        )
    if last.upper is not None:
        raise RuleViolation(
            "threshold.bands_gap",
            f"amounts above {_short(last.upper)} fall in no band: the highest band must have no"
            " upper bound",
            field=["rules", len(rules) - 1, "upper"],
        )
    for index, (below, above) in enumerate(pairwise(rules), 1):
        _check_pair(index, below, above)


def _check_pair(index: int, below: ThresholdRule, above: ThresholdRule) -> None:
    where: list[str | int] = ["rules", index, "lower"]
    names = f"bands {index - 1} and {index}"
    if below.upper is None or above.lower is None:
        raise RuleViolation(
            "threshold.bands_overlap",
            f"{names} overlap: band {index - 1} has no upper bound or band {index} no lower"
            " bound, so both hold the same amounts",
            field=where,
        )
    if below.lower is not None and above.lower < below.lower:
        raise RuleViolation(
            "threshold.bands_unordered",
            f"band {index} starts at {_short(above.lower)}, below band {index - 1}'s start at"
            f" {_short(below.lower)}: list bands from the lowest amount to the highest",
            field=where,
        )
    top, bottom = below.upper, above.lower
    if top < bottom:
        raise RuleViolation(
            "threshold.bands_gap",
            f"amounts between {_short(top)} and {_short(bottom)} fall in no band: band"
            f" {index - 1} ends at {below._to()} and band {index} starts at {above._from()}",
            field=where,
        )
    if top > bottom:
        raise RuleViolation(
            "threshold.bands_overlap",
            f"{names} overlap from {_short(bottom)} to {_short(top)}: band {index - 1} ends at"
            f" {below._to()} and band {index} starts at {above._from()}",
            field=where,
        )
    if not (below.upper_inclusive or above.lower_inclusive):
        raise RuleViolation(
            "threshold.bands_gap",
            f"exactly {_short(top)} falls in no band: band {index - 1} ends before it and band"
            f" {index} starts after it; make one of the two bounds inclusive",
            field=where,
        )
    if above.obligation.rank < below.obligation.rank:
        raise RuleViolation(
            "threshold.not_monotone",
            f"band {index} asks for the {above.obligation.title} though band {index - 1}, for"
            f" smaller amounts, asks for the stricter {below.obligation.title}: more spend must"
            " never lighten the duty",
            field=["rules", index, "obligation"],
        )
