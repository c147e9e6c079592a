"""Evaluation models: the published criteria, weights, pass marks and tie rule of a tender.

An :class:`EvaluationModel` is the published method of a tender: its criteria
(price, quality, social value; several criteria of one kind act as sub-criteria)
with weights that add up to exactly 100%, the marking scale, pass marks, and the
price method. :func:`evaluate` scores a tender's :class:`Bid` s against it and
returns an :class:`EvaluationResult` that shows, per bid and criterion, the raw
mark, the weighted score and the reason; the exclusions; the ranking with the tie
rule that decided it; and the winning bid's commitments as contract KPIs.

Rules and their sources:

- **Minimum social value weight.** Central government must give social value at
  least 10% of the total score (PPN 06/20, *Taking account of social value in the
  award of central government contracts*, Cabinet Office, Sept 2020, in force 1 Jan
  2021; the same floor in PPN 002, Feb 2025): :data:`NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT`,
  the default. Local bodies set their own: Manchester City Council uses at least
  20%, of which 10 points are reserved for environmental measures
  (:data:`MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT`,
  :data:`MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT`; the council's own social value
  policy; GMCA's decision of 25 Mar 2022 sets a strong presumption that social value
  is evaluated but no GM-wide minimum). A model under its floor cannot be built.
- **Pass marks.** A bid marked below a criterion's pass mark is excluded before
  price is scored, and the reason is kept.
- **Scores.** A marked criterion earns weight × points ÷ top points of the scale
  (:mod:`socialvalue.tender.scales`); price earns weight × the fraction of the named
  :class:`~socialvalue.tender.pricing.PriceMethod`; a quantitative social value criterion
  earns weight × this bid's £ social value offer ÷ the best compliant offer, the
  offer being Σ commitment quantity × the measure's proxy value in a measure
  catalogue (record-only measures and measures without a proxy add nothing). Each
  weighted score is rounded half-up to the model's ``places`` (2 by default), and
  a total is the sum of the rounded scores, so anyone can add up the published
  figures and get the published total.
- **Ties.** Equal totals are ordered by the model's ``tie_breaks`` (by default the
  higher social value score, then the lower price) and finally by supplier id,
  so the ranking is always a total order.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, DecimalRange, Items, Text, Whole
from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.tender.pricing import PriceMethod
from socialvalue.tender.scales import ScoringScale, common_scale

__all__ = [
    "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
    "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Criterion",
    "CriterionKind",
    "EvaluationModel",
    "ScoreBasis",
    "TieBreak",
]

#: PPN 06/20 (and PPN 002): social value is at least 10% of the total score.
NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT: Final = Decimal(10)
#: Manchester City Council: social value is at least 20% of the total score.
MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT: Final = Decimal(20)
#: Manchester City Council: 10 of those 20 points are for environmental measures.
MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT: Final = Decimal(10)

_HUNDRED: Final = Decimal(100)
_PERCENT: Final = DecimalRange(minimum=Decimal(0), maximum=_HUNDRED)


class CriterionKind(enum.Enum):
    """What a criterion assesses; several criteria of one kind are its sub-criteria."""

    PRICE = "price"
    QUALITY = "quality"
    SOCIAL_VALUE = "social-value"


class ScoreBasis(enum.Enum):
    """How a criterion is scored."""

    MARKS = "marks"
    """The panel's mark on the model's scale (quality and qualitative social value)."""
    PRICE = "price"
    """The bid's price by the model's price method (the price criterion only)."""
    OFFER = "offer"
    """The £ social value offered, relative to the best compliant offer."""


class TieBreak(enum.Enum):
    """A rule that orders bids with equal totals (applied in the model's order)."""

    SOCIAL_VALUE = "social-value"
    """The higher social value score ranks first."""
    QUALITY = "quality"
    """The higher quality score ranks first."""
    PRICE = "price"
    """The lower price ranks first."""


@attrs.frozen(field_transformer=typed_fields)
class Criterion:
    """One weighted criterion of an evaluation model.

    ``weight`` is a percentage of the total score (0 to 100; a weight of 0 with a
    pass mark is a pass/fail question). ``pass_mark``, for marked criteria, is the
    lowest mark a bid may get and stay in the competition. ``environmental`` marks
    a social value criterion that counts towards an environmental minimum.

    >>> Criterion("SV1", "Local jobs", CriterionKind.SOCIAL_VALUE, Decimal("10")).basis
    <ScoreBasis.MARKS: 'marks'>
    """

    id: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text())
    kind: CriterionKind
    weight: Decimal = attrs.field(validator=_PERCENT)
    basis: ScoreBasis = ScoreBasis.MARKS
    pass_mark: Decimal | None = attrs.field(
        default=None, validator=DecimalRange(minimum=Decimal(0), optional=True)
    )
    environmental: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.kind is CriterionKind.PRICE) != (self.basis is ScoreBasis.PRICE):
            raise RuleViolation(
                "evaluation.criterion_mismatch",
                "a price criterion is scored on price, and only a price criterion is;"
                f" got kind {self.kind.value!r} with basis {self.basis.value!r}",
                field=["basis"],
            )
        if self.basis is ScoreBasis.OFFER and self.kind is not CriterionKind.SOCIAL_VALUE:
            raise RuleViolation(
                "evaluation.criterion_mismatch",
                "only a social value criterion can be scored on the £ social value offered;"
                f" got kind {self.kind.value!r}",
                field=["basis"],
            )
        if self.pass_mark is not None and self.basis is not ScoreBasis.MARKS:
            raise RuleViolation(
                "evaluation.criterion_mismatch",
                f"a pass mark needs a marked criterion; {self.id} is scored on {self.basis.value}",
                field=["pass_mark"],
            )
        if self.environmental and self.kind is not CriterionKind.SOCIAL_VALUE:
            raise RuleViolation(
                "evaluation.criterion_mismatch",
                f"only a social value criterion can be environmental; {self.id} is"
                f" {self.kind.value}",
                field=["environmental"],
            )


def _criteria(value: Iterable[Criterion]) -> tuple[Criterion, ...]:
    return tuple(value)


def _tie_breaks(value: Iterable[TieBreak]) -> tuple[TieBreak, ...]:
    return tuple(value)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class EvaluationModel:
    """The published evaluation method of a tender.

    Weights must add up to exactly 100; social value criteria together must carry
    at least ``minimum_social_value_weight`` (default 10, the PPN 06/20 floor) and
    environmental ones at least ``minimum_environmental_weight`` (default 0).

    >>> model = EvaluationModel(
    ...     "T-1", "Cleaning services",
    ...     (
    ...         Criterion("P", "Price", CriterionKind.PRICE, Decimal(30), ScoreBasis.PRICE),
    ...         Criterion("Q", "Method", CriterionKind.QUALITY, Decimal(60)),
    ...         Criterion("SV", "Social value", CriterionKind.SOCIAL_VALUE, Decimal(10)),
    ...     ),
    ... )
    >>> model.social_value_weight
    Decimal('10')
    >>> attrs.evolve(model, minimum_social_value_weight=Decimal(20))
    Traceback (most recent call last):
    ...
    socialvalue.errors.RuleViolation: social value criteria carry 10% of the score, under ...
    """

    id: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text())
    criteria: tuple[Criterion, ...] = attrs.field(
        converter=_criteria,
        validator=Items(min_items=1, max_items=50, unique_by=lambda c: c.id, what="criterion"),
    )
    scale: ScoringScale = attrs.field(factory=common_scale)
    price_method: PriceMethod = PriceMethod.LOWEST_PRICE
    budget: Money | None = None
    minimum_social_value_weight: Decimal = attrs.field(
        default=NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT, validator=_PERCENT
    )
    minimum_environmental_weight: Decimal = attrs.field(default=Decimal(0), validator=_PERCENT)
    tie_breaks: tuple[TieBreak, ...] = attrs.field(
        default=(TieBreak.SOCIAL_VALUE, TieBreak.PRICE),
        converter=_tie_breaks,
        validator=Items(max_items=3, unique_by=lambda t: t, what="tie break"),
    )
    places: int = attrs.field(default=2, validator=Whole(0, 6))

    def __attrs_post_init__(self) -> None:
        total = sum((c.weight for c in self.criteria), Decimal(0))
        if total != _HUNDRED:
            shares = " + ".join(f"{c.weight} ({c.id})" for c in self.criteria)
            raise RuleViolation(
                "evaluation.weights_not_100",
                f"criterion weights must add up to exactly 100%; {shares} = {total}%",
                field=["criteria"],
            )
        prices = [i for i, c in enumerate(self.criteria) if c.kind is CriterionKind.PRICE]
        if len(prices) > 1:
            raise RuleViolation(
                "evaluation.criterion_mismatch",
                "a model has at most one price criterion; criteria"
                f" {', '.join(self.criteria[i].id for i in prices)} are all price",
                field=["criteria", prices[1], "kind"],
            )
        for index, criterion in enumerate(self.criteria):
            if criterion.pass_mark is not None and criterion.pass_mark > self.scale.top:
                raise RuleViolation(
                    "evaluation.pass_mark_out_of_range",
                    f"the pass mark of {criterion.id} ({criterion.pass_mark}) is above the"
                    f" top of the scale ({self.scale.top})",
                    field=["criteria", index, "pass_mark"],
                )
        if self.social_value_weight < self.minimum_social_value_weight:
            raise RuleViolation(
                "evaluation.social_value_below_floor",
                f"social value criteria carry {self.social_value_weight}% of the score, under"
                f" the minimum social value weight of {self.minimum_social_value_weight}%"
                " (PPN 06/20 sets 10% for central government; set"
                " minimum_social_value_weight to your body's own floor)",
                field=["criteria"],
            )
        if self.environmental_weight < self.minimum_environmental_weight:
            raise RuleViolation(
                "evaluation.environmental_below_floor",
                f"environmental social value criteria carry {self.environmental_weight}% of"
                f" the score, under the minimum environmental weight of"
                f" {self.minimum_environmental_weight}%",
                field=["criteria"],
            )
        if self.price_method is PriceMethod.BUDGET_LINEAR and (
            self.budget is None or self.budget.amount <= 0
        ):
            raise RuleViolation(
                "evaluation.budget_missing",
                "the budget-linear price method needs a budget above zero",
                field=["budget"],
            )

    @typed_arguments
    def weight_of(self, kind: CriterionKind) -> Decimal:
        """The total weight of the criteria of ``kind``."""
        return sum((c.weight for c in self.criteria if c.kind is kind), Decimal(0))

    @property
    def social_value_weight(self) -> Decimal:
        """The total weight of the social value criteria, in percent."""
        return self.weight_of(CriterionKind.SOCIAL_VALUE)

    @property
    def environmental_weight(self) -> Decimal:
        """The total weight of the environmental social value criteria, in percent."""
        return sum((c.weight for c in self.criteria if c.environmental), Decimal(0))

    @typed_arguments
    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with ``criterion_id``; ``KeyError`` if there is none."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)
