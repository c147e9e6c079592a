"""A supplier's local re-spend, read from its Review: the rounds that LM3 follows.

LM3 (New Economics Foundation, *The Money Trail: measuring your impact on the local
economy using LM3*, Sacks, 2002; :mod:`socialvalue.review.local_multiplier`) follows
money through three rounds in a defined local area. For a commissioner's supplier:

- **round 1** is the supplier's income from the commissioner: the spend its Review
  declares for the period (:attr:`ReviewSubmission.spend`);
- **round 2** is what the supplier spends of it *in the area*: with local suppliers
  (its supply chain) and on staff who live there. The Review reports both, each as
  a measure in pounds;
- **round 3** is what those local suppliers and staff re-spend in the area in turn.
  A supplier knows it only from a survey of them, so the measure is optional.

:class:`RespendMeasures` names the catalogue measures that carry these figures (the
bundled Greater Manchester catalogue's are
:data:`~socialvalue.review.gm_catalogue.GM_RESPEND_MEASURES`), and
:func:`respend_of` reads them from one Review. A line marked ``local: false`` is
not local re-spend and is left out; several lines of one measure are added up.

Missing is not zero: a Review that does not report both parts of round 2 has no
LM3 (the regional report says so in a caveat). An unreported round 3 counts as
nothing re-spent, so the LM3 given is a lower bound, and the report says that too.

>>> from datetime import date
>>> from socialvalue.money import Money
>>> from socialvalue.periods import parse_financial_year
>>> from socialvalue.review.submissions import Declaration, ReportedLine, ReviewSubmission
>>> review = ReviewSubmission(
...     "100101", (), parse_financial_year("2025/26"), Money("320000"),
...     [ReportedLine("GM-SPEND-LOCAL-SUPPLY-CHAIN", Decimal("96000")),
...      ReportedLine("GM-SPEND-LOCAL-STAFF", Decimal("112000"))],
...     Declaration("A. Person", "Director", date(2026, 5, 2)),
... )
>>> respend = respend_of(review, RespendMeasures(
...     "GM-SPEND-LOCAL-SUPPLY-CHAIN", "GM-SPEND-LOCAL-STAFF", "GM-LM3-ROUND3"))
>>> respend.round2.format(), respend.multiplier().multiplier
('£208,000.00', Decimal('1.65'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Whole
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.review.local_multiplier import LocalMultiplier
from socialvalue.review.submissions import ReviewSubmission

__all__ = ["LocalRespend", "RespendMeasures", "respend_of"]

_ZERO: Final = Decimal(0)


def _check_distinct(instance: RespendMeasures) -> None:
    codes = [instance.supply_chain, instance.staff]
    if instance.round3 is not None:
        codes.append(instance.round3)
    if len(set(codes)) < len(codes):
        raise RuleViolation(
            "lm3.measure_reused",
            f"the supply-chain, staff and round-3 measures must be different; got"
            f" {', '.join(codes)}",
            field=["staff" if instance.staff == instance.supply_chain else "round3"],
        )


@attrs.frozen(field_transformer=typed_fields)
class RespendMeasures:
    """The catalogue measures that carry a supplier's local re-spend, in pounds.

    ``supply_chain`` is the measure for the supplier's spend with suppliers in the
    area and ``staff`` for its pay to staff who live there (together, LM3's round
    2); ``round3``, if any, the measure for what those suppliers and staff re-spend
    in the area. The three must differ.
    """

    supply_chain: str = attrs.field(validator=Code())
    staff: str = attrs.field(validator=Code())
    round3: str | None = attrs.field(default=None, validator=Code(optional=True))

    def __attrs_post_init__(self) -> None:
        _check_distinct(self)

    @property
    def codes(self) -> tuple[str, ...]:
        """The measure codes, round 2's first."""
        found = (self.supply_chain, self.staff, self.round3)
        return tuple(code for code in found if code is not None)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class LocalRespend:
    """One supplier's LM3 rounds as its Review reports them.

    ``income`` is round 1 (the spend the Review declares); ``supply_chain`` and
    ``staff`` the two parts of round 2 and ``round3`` round 3, each ``None`` when
    the Review does not report it; ``lines`` how many Review lines stand behind them.
    """

    supplier_id: str = attrs.field(validator=Code())
    income: Money
    supply_chain: Money | None
    staff: Money | None
    round3: Money | None
    lines: int = attrs.field(validator=Whole(0, 1_000_000))

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts of round 2 the Review does not report: ``"supply chain"``, ``"staff"``."""
        parts = (("supply chain", self.supply_chain), ("staff", self.staff))
        return tuple(name for name, value in parts if value is None)

    @property
    def round2(self) -> Money | None:
        """Supply chain plus staff re-spend; ``None`` unless the Review reports both."""
        if self.supply_chain is None or self.staff is None:
            return None
        return self.supply_chain + self.staff

    def multiplier(self) -> LocalMultiplier:
        """The supplier's LM3, round 3 counting as zero when unreported (a lower bound).

        Raises :class:`~socialvalue.errors.RuleViolation` when round 2 is not
        reported in full (``lm3.round_unreported``), or when the rounds are
        impossible (``lm3.no_income``, ``lm3.local_exceeds_round``).
        """
        round2 = self.round2
        if round2 is None:
            raise RuleViolation(
                "lm3.round_unreported",
                f"supplier {self.supplier_id}'s Review does not report its local"
                f" {' or '.join(self.missing)} spend, so round 2 is unknown",
                field=["supply_chain" if self.supply_chain is None else "staff"],
            )
        round3 = self.round3 if self.round3 is not None else Money(_ZERO, round2.currency)
        return LocalMultiplier(self.income, round2, round3)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict with the rounds (``None`` where unreported)."""

        def amount(value: Money | None) -> Decimal | None:
            return None if value is None else value.amount

        return [
            {
                "supplier_id": self.supplier_id,
                "round1": self.income.amount,
                "supply_chain": amount(self.supply_chain),
                "staff": amount(self.staff),
                "round2": amount(self.round2),
                "round3": amount(self.round3),
                "currency": self.income.currency,
                "lines": self.lines,
            }
        ]


def _sum(review: ReviewSubmission, code: str | None) -> tuple[Money | None, int]:
    if code is None:
        return None, 0
    found = [line for line in review.lines if line.measure == code and line.local is not False]
    if not found:
        return None, 0
    total = sum((line.quantity for line in found), _ZERO)
    return Money(total, review.spend.currency), len(found)


@in_library_context
@typed_arguments
def respend_of(review: ReviewSubmission, measures: RespendMeasures) -> LocalRespend:
    """The LM3 rounds that ``review`` reports under ``measures`` (see the module docstring)."""
    parts = [_sum(review, code) for code in (measures.supply_chain, measures.staff)]
    round3 = _sum(review, measures.round3)
    return LocalRespend(
        review.supplier_id,
        review.spend,
        parts[0][0],
        parts[1][0],
        round3[0],
        sum(lines for _, lines in (*parts, round3)),
    )
