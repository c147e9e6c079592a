"""A social value policy: its threshold rule, with who owns it and where it comes from.

A :class:`Policy` holds the bands of its threshold rule in order
(:class:`~.thresholds.ThresholdRule`), the choices the source leaves open (the
:class:`~.thresholds.Basis` tested, the VAT basis, the
:class:`~.thresholds.BoundaryChoice` for an amount where two bands meet), the day
the financial year starts, and its provenance: id, version, owner
(:class:`~.provenance.PolicyOwner`), effective date and source. A policy is refused
at construction if its bands leave a gap or overlap by more than a single point, so
every amount falls in exactly one band of :attr:`Policy.bands`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any, ClassVar

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text, Whole
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Currency, Money
from socialvalue.periods import Period, financial_year
from socialvalue.policy.provenance import PolicyOwner, PolicyProvenance
from socialvalue.policy.thresholds import (
    Basis,
    BoundaryChoice,
    Obligation,
    ThresholdRule,
    _check_partition,
    _Locator,
    _short,
)
from socialvalue.policy.vat import VatBasis

__all__ = ["Policy"]


@attrs.frozen(field_transformer=typed_fields)
class _Month(Whole):
    """The month a financial year starts in, from 1 to 12."""

    minimum: int = 1
    maximum: int = 12

    def check(self, value: Any) -> None:
        try:
            super().check(value)
        except RuleViolation:
            raise RuleViolation(
                "value.invalid",
                f"the financial year must start in a month from 1 to 12; got {value!r}",
            ) from None


def _rules(rules: Iterable[ThresholdRule]) -> tuple[ThresholdRule, ...]:
    return tuple(rules)


@attrs.frozen(field_transformer=typed_fields)
class Policy:
    """A social value policy's threshold rule, with who owns it and where it comes from.

    ``rules`` are the bands in ascending order, as the source states them. Two
    adjacent bands may share one bound that both include (the source's
    overlap at exactly £50,000); ``boundary`` settles which applies there. Any other
    overlap, and any gap, is refused when the policy is built. :attr:`bands` are the
    resolved bands, which partition every amount.

    >>> from socialvalue.policy.gm_policing import default_policy
    >>> policy = default_policy()
    >>> policy.obligation_for(Money("50000.00")).title
    'Review'
    >>> policy.with_boundary(BoundaryChoice.CHARTER).obligation_for(Money("50000.00")).title
    'Charter'
    """

    #: Rules across fields that no schema can state, by issue code (named in the schema).
    CROSS_FIELD_RULES: ClassVar[Mapping[str, str]] = {
        "threshold.empty_band": "a band's lower bound is not above its upper bound",
        "threshold.bands_gap": "the bands leave no amount uncovered",
        "threshold.bands_overlap": "no amount falls in two bands",
        "threshold.bands_unordered": "bands run from low to high",
        "threshold.not_monotone": "a higher band never asks for less",
        "money.currency_mismatch": "every bound is in the policy's currency",
    }

    id: str = attrs.field(
        validator=Code(), metadata={"description": "The policy's id, e.g. 'gm-policing-sv'."}
    )
    title: str = attrs.field(validator=Text(200), metadata={"description": "The policy's title."})
    version: str = attrs.field(validator=Code(), metadata={"description": "The policy's version."})
    owner: PolicyOwner = attrs.field(metadata={"description": "Who owns the policy."})
    effective: date = attrs.field(metadata={"description": "The day the policy took effect."})
    source: str = attrs.field(
        validator=Text(1000),
        metadata={"description": "Where the rule comes from: title, publisher, address."},
    )
    rules: tuple[ThresholdRule, ...] = attrs.field(
        converter=_rules,
        validator=Items(min_items=1, max_items=20, what="band"),
        metadata={"description": "The bands, from the lowest amount up; 1 to 20."},
    )
    boundary: BoundaryChoice = attrs.field(
        default=BoundaryChoice.REVIEW,
        metadata={
            "description": "Which obligation applies where two bands meet; 'review' if absent."
        },
    )
    basis: Basis = attrs.field(
        default=Basis.ANNUAL_SPEND,
        metadata={
            "description": (
                "Annual spend per supplier or whole-life contract value; annual if absent."
            )
        },
    )
    vat_basis: VatBasis = attrs.field(
        default=VatBasis.NET,
        metadata={"description": "The VAT basis amounts are tested on; 'net' if absent."},
    )
    currency: str = attrs.field(
        default="GBP",
        validator=Currency(),
        metadata={"description": "The currency amounts are tested in; 'GBP' if absent."},
    )
    year_start_month: int = attrs.field(
        default=4,
        validator=_Month(),
        metadata={"description": "Month the financial year starts (4, April, if absent)."},
    )

    def __attrs_post_init__(self) -> None:
        for index, rule in enumerate(self.rules):
            for side in ("lower", "upper"):
                bound = getattr(rule, side)
                if bound is not None and bound.currency != self.currency:
                    raise RuleViolation(
                        "money.currency_mismatch",
                        f"band {index}'s {side} bound is in {bound.currency}; this policy's"
                        f" currency is {self.currency}",
                        field=["rules", index, side],
                    )
        _check_partition(self.rules)

    @property
    def provenance(self) -> PolicyProvenance:
        """Who owns this policy since when, when it took effect and its source, to cite."""
        return PolicyProvenance(
            self.id,
            self.version,
            self.title,
            self.owner.name,
            self.owner.role,
            self.owner.since,
            self.effective,
            self.source,
        )

    # -- the resolved bands -------------------------------------------------------

    @property
    def bands(self) -> tuple[ThresholdRule, ...]:
        """The bands with the boundary choice applied: every amount is in exactly one."""
        rules = list(self.rules)
        for index, (below, above) in enumerate(pairwise(self.rules)):
            if below.upper is None or not (below.upper_inclusive and above.lower_inclusive):
                continue
            if below.obligation is self.boundary.obligation and above.obligation is not (
                self.boundary.obligation
            ):
                rules[index + 1] = attrs.evolve(above, lower_inclusive=False)
            else:
                rules[index] = attrs.evolve(below, upper_inclusive=False)
        return tuple(rules)

    @property
    def boundaries(self) -> tuple[Money, ...]:
        """The amounts where two source bands overlap (``(£50,000,)`` by default)."""
        return tuple(
            below.upper
            for below, above in pairwise(self.rules)
            if below.upper is not None and below.upper_inclusive and above.lower_inclusive
        )

    def _locator(self) -> _Locator:
        return _Locator(self.bands, frozenset(point.amount for point in self.boundaries))

    # -- questions a caller asks ---------------------------------------------------

    def _amount(self, amount: Money) -> Decimal:
        if amount.currency != self.currency:
            raise RuleViolation(
                "money.currency_mismatch",
                f"this policy tests amounts in {self.currency}; got {amount.format()}"
                " (convert it first: the library never converts currencies)",
            )
        return amount.amount

    @typed_arguments
    def band_for(self, amount: Money) -> ThresholdRule:
        """The resolved band that holds ``amount``."""
        return self._locator().find(self._amount(amount))[0]

    @typed_arguments
    def obligation_for(self, amount: Money) -> Obligation:
        """What this policy asks of a supplier for ``amount`` tested on its basis.

        >>> from socialvalue.policy.gm_policing import default_policy
        >>> [default_policy().obligation_for(Money(a)).value for a in ("49999.99", "50000.01")]
        ['charter', 'review']
        """
        return self.band_for(amount).obligation

    @typed_arguments
    def on_boundary(self, amount: Money) -> bool:
        """Whether ``amount`` is exactly where two source bands overlap."""
        return self._locator().find(self._amount(amount))[1]

    @typed_arguments
    def with_boundary(self, choice: BoundaryChoice) -> Policy:
        """This policy with ``choice`` settling amounts at the boundary."""
        return attrs.evolve(self, boundary=choice)

    @typed_arguments
    def period_for(self, day: date) -> Period:
        """The financial year (the policy's assessment period) holding ``day``."""
        return financial_year(day, self.year_start_month)

    def describe(self) -> Iterator[str]:
        """The rule in words, one line per band and one per boundary."""
        for rule in self.rules:
            yield f"{rule.describe()}: the {rule.obligation.title}"
        for point in self.boundaries:
            yield (
                f"exactly {_short(point)}: the {self.boundary.obligation.title}"
                " (the boundary choice)"
            )
