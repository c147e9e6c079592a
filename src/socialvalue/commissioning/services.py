"""Commissioned services: what a service costs, its budget, and the outcomes it buys.

A :class:`Service` holds its annual cost and budget, whether it is an early
intervention or prevention service, and its :class:`ServiceOutcome` s: outcomes a
year, each valued by the unit cost it saves in one of the three columns of the
Greater Manchester cost-benefit model (:class:`BenefitType`). Unit costs come from
the Unit Cost Database (New Economy, now GMCA); each outcome names its source,
edition and price base. :func:`socialvalue.assess_service` turns a service into a
recommendation.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from socialvalue._fields import Code, DecimalRange, Items, Text, Whole
from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = ["BenefitType", "Service", "ServiceOutcome"]

_ZERO: Final = Decimal(0)
_FRACTION: Final = DecimalRange(minimum=_ZERO, maximum=Decimal(1))


class BenefitType(enum.Enum):
    """The three benefit columns of the GM cost-benefit model and Unit Cost Database."""

    FISCAL = "fiscal"
    """Savings to the public purse (fewer arrests, court days, hospital stays)."""
    ECONOMIC = "economic"
    """Gains to the local economy (earnings from a job, productivity)."""
    SOCIAL = "social"
    """Gains to people's wellbeing and communities (valued, not cashable)."""


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ServiceOutcome:
    """One outcome a service achieves a year, valued by the unit cost it saves.

    ``quantity`` outcomes a year × ``unit_cost`` saved each, in one benefit column;
    ``confidence`` is the evidence grade (1 best) that sets the optimism-bias cut;
    ``deadweight`` is the share that would have happened anyway; ``source`` names
    the unit cost's origin (e.g. "GMCA Unit Cost Database v2.0, 2019/20 prices").
    """

    description: str = attrs.field(
        validator=Text(),
        metadata={"description": "The outcome, e.g. 'Repeat domestic abuse incidents avoided'."},
    )
    benefit: BenefitType = attrs.field(
        metadata={"description": "The cost-benefit column the saving falls in."}
    )
    quantity: Decimal = attrs.field(
        validator=DecimalRange(minimum=_ZERO), metadata={"description": "How many outcomes a year."}
    )
    unit_cost: Money = attrs.field(metadata={"description": "The cost saved by one outcome."})
    confidence: int = attrs.field(
        validator=Whole(1, 9),
        metadata={"description": "Evidence confidence grade, 1 best; sets the optimism-bias cut."},
    )
    source: str = attrs.field(
        validator=Text(300),
        metadata={"description": "Where the unit cost comes from, with edition and price base."},
    )
    deadweight: Decimal = attrs.field(
        default=_ZERO,
        validator=_FRACTION,
        metadata={"description": "Share that would have happened anyway; '0' if absent."},
    )

    @property
    def gross(self) -> Money:
        """Quantity × unit cost, before any adjustment."""
        return self.unit_cost * self.quantity


def _outcomes(value: Iterable[ServiceOutcome]) -> tuple[ServiceOutcome, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed_fields)
class Service:
    """A commissioned service: what it costs, its budget and the outcomes it buys.

    >>> Service("S1", "Youth outreach", Money("200000"), Money("250000"), True).prevention
    True
    """

    #: Rules across fields that no schema can state, by issue code (named in the schema).
    CROSS_FIELD_RULES: ClassVar[Mapping[str, str]] = {
        "commissioning.bad_cost": "the annual cost is above zero",
        "money.currency_mismatch": "every amount is in one currency",
    }

    id: str = attrs.field(validator=Code(), metadata={"description": "The service's id."})
    name: str = attrs.field(validator=Text(), metadata={"description": "The service's name."})
    annual_cost: Money = attrs.field(
        metadata={"description": "What the service costs a year; above zero."}
    )
    budget: Money = attrs.field(
        metadata={"description": "The budget set for it, in the same currency."}
    )
    prevention: bool = attrs.field(
        default=False,
        metadata={
            "description": (
                "Whether it is an early intervention or prevention service; false if absent."
            )
        },
    )
    outcomes: tuple[ServiceOutcome, ...] = attrs.field(
        default=(),
        converter=_outcomes,
        validator=Items(max_items=200, unique_by=lambda o: o.description, what="outcome"),
        metadata={"description": "The outcomes, at most 200; descriptions unique."},
    )
    description: str | None = attrs.field(
        default=None,
        validator=Text(2000, optional=True, multiline=True),
        metadata={"description": "What the service does, or null."},
    )

    def __attrs_post_init__(self) -> None:
        if self.annual_cost.amount <= 0:
            raise RuleViolation(
                "commissioning.bad_cost",
                f"a service's annual cost must be above zero; got {self.annual_cost}",
                field=["annual_cost"],
            )
        if self.budget.currency != self.annual_cost.currency:
            raise RuleViolation(
                "money.currency_mismatch",
                f"budget ({self.budget.currency}) and annual cost"
                f" ({self.annual_cost.currency}) must be in one currency",
                field=["budget", "currency"],
            )
        for index, outcome in enumerate(self.outcomes):
            if outcome.unit_cost.currency != self.annual_cost.currency:
                raise RuleViolation(
                    "money.currency_mismatch",
                    f"outcome unit costs must be in the service's currency"
                    f" ({self.annual_cost.currency}); got {outcome.unit_cost.currency}",
                    field=["outcomes", index, "unit_cost", "currency"],
                )
