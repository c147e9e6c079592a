"""The rules a commissioning board decides by: thresholds and the optimism-bias table.

:class:`DecisionRules` holds every threshold :func:`~.decisions.assess_service`
uses (value-for-money ratios to retain and to decommission, the priority given to
prevention, the budget tolerance, the rounding) and the :class:`OptimismBias`
table that cuts benefits by the confidence grade of their evidence, from the
Greater Manchester cost-benefit analysis model (HM Treasury, Public Service
Transformation Network and New Economy, April 2014). The default table
(:func:`default_optimism_bias`) is an unconfirmed placeholder, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import DecimalRange, Items, Text, Whole
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation

__all__ = ["DecisionRules", "GradeReduction", "OptimismBias", "default_optimism_bias"]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_FRACTION: Final = DecimalRange(minimum=_ZERO, maximum=_ONE)


@attrs.frozen(field_transformer=typed_fields)
class GradeReduction:
    """The optimism-bias cut for one evidence confidence grade."""

    grade: int = attrs.field(validator=Whole(1, 9))
    reduction: Decimal = attrs.field(validator=_FRACTION)
    evidence: str = attrs.field(validator=Text(300))


def _grades(value: Iterable[GradeReduction]) -> tuple[GradeReduction, ...]:
    return tuple(value)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class OptimismBias:
    """A table of optimism-bias cuts by evidence confidence grade, with its source."""

    source: str = attrs.field(validator=Text(300))
    grades: tuple[GradeReduction, ...] = attrs.field(
        converter=_grades,
        validator=Items(min_items=1, max_items=9, unique_by=lambda g: g.grade, what="grade"),
    )
    confirmed: bool = False

    @typed_arguments
    def reduction(self, grade: int) -> Decimal:
        """The cut for ``grade``; ``RuleViolation`` if the table has no such grade."""
        for row in self.grades:
            if row.grade == grade:
                return row.reduction
        known = ", ".join(str(g.grade) for g in self.grades)
        raise RuleViolation(
            "commissioning.unknown_grade",
            f"confidence grade {grade} is not in the optimism bias table (grades {known})",
        )


@in_library_context
def default_optimism_bias() -> OptimismBias:
    """An optimism-bias table by confidence grade, 1 (best evidence) to 6 (weakest).

    *Unconfirmed placeholder.* The GM CBA model cuts benefits by evidence
    confidence, but we could not read its published table in full; these cuts
    (0%, 10%, 20%, 30%, 40%, 60%) follow its shape, rising as evidence weakens.
    ``confirmed`` is ``False`` so reports can say so; pass your own table in
    :class:`DecisionRules` to use your body's figures.
    """
    rows = (
        (1, "0", "Independently audited data or a robust evaluation, locally relevant"),
        (2, "0.1", "Independent data or a good evaluation, recent"),
        (3, "0.2", "Credible data from a reputable source, partly local"),
        (4, "0.3", "Data from a single source or older than three years"),
        (5, "0.4", "Expert judgement or data from a different context"),
        (6, "0.6", "Anecdote, assumption or a commissioner's own estimate"),
    )
    return OptimismBias(
        "socialvalue default, shaped on the GM CBA model (New Economy, 2014); unconfirmed",
        tuple(GradeReduction(grade, Decimal(cut), text) for grade, cut, text in rows),
    )


def _positive(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise RuleViolation(
            "decimal.out_of_range", f"{attribute.name} must be above 0; got {value}"
        )


@attrs.frozen(field_transformer=typed_fields)
class DecisionRules:
    """The thresholds a commissioning board decides by; every one is configurable.

    ``retain_ratio`` and ``decommission_ratio`` are value-for-money ratios (benefit
    per £1 of cost); ``prevention_factor`` scales both for prevention services;
    ``budget_tolerance`` is the share over budget still counted as affordable;
    ``places`` is the rounding of published ratios, which decisions use.
    """

    retain_ratio: Decimal = attrs.field(default=_ONE, validator=_positive)
    decommission_ratio: Decimal = attrs.field(default=Decimal("0.5"), validator=_positive)
    prevention_factor: Decimal = attrs.field(default=Decimal("0.8"), validator=_FRACTION)
    budget_tolerance: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    optimism_bias: OptimismBias = attrs.field(factory=default_optimism_bias)
    places: int = attrs.field(default=2, validator=Whole(0, 6))

    def __attrs_post_init__(self) -> None:
        if self.decommission_ratio > self.retain_ratio:
            raise RuleViolation(
                "commissioning.thresholds_out_of_order",
                f"the decommission ratio ({self.decommission_ratio}) must not be above the"
                f" retain ratio ({self.retain_ratio})",
                field=["decommission_ratio"],
            )
        if self.prevention_factor == 0:
            raise RuleViolation(
                "decimal.out_of_range",
                "prevention_factor must be above 0 (1 gives prevention no priority)",
                field=["prevention_factor"],
            )
