"""Contracts: agreements with suppliers, valued over their whole life.

A :class:`Contract` is an agreement with a supplier: its whole-life value (all
years, options and extensions, as the Procurement Act 2023 values contracts), the
VAT basis of that value, its term, category and how it was let, and the social
value KPIs the commissioner holds the supplier to. A policy on the contract basis
compares this value with its threshold.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from typing import ClassVar

import attrs

from socialvalue._fields import Code, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money, NotNegative
from socialvalue.periods import Period
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.payments import _check_day
from socialvalue.targets import MeasureTarget

__all__ = ["Contract", "ContractCategory", "LettingRoute"]


class ContractCategory(enum.Enum):
    """What a contract buys, in the Procurement Act's categories."""

    GOODS = "goods"
    SERVICES = "services"
    WORKS = "works"


class LettingRoute(enum.Enum):
    """How a contract was let."""

    PROCURED = "procured"
    """Awarded after a competitive procurement."""
    GRANT = "grant"
    """A grant agreement rather than a procurement."""
    DIRECT_AWARD = "direct-award"
    """Awarded directly, without competition."""


def _check_end(instance: Contract, attribute: attrs.Attribute[date], value: date) -> None:
    _check_day(instance, attribute, value)
    if value < instance.start:
        raise RuleViolation(
            "period.end_before_start",
            f"a contract cannot end ({value.isoformat()}) before it starts"
            f" ({instance.start.isoformat()})",
            field=["end"],
        )


def _kpis(value: Iterable[MeasureTarget]) -> tuple[MeasureTarget, ...]:
    return tuple(value)


def _kpi_measure(target: MeasureTarget) -> str:
    return target.measure


@attrs.frozen(field_transformer=typed_fields)
class Contract:
    """An agreement with a supplier, valued over its whole life.

    ``value`` covers every year, option and extension; ``vat_basis`` says whether it
    includes VAT. ``early_intervention`` records whether the contract serves the
    policy's aim of early intervention and prevention.

    ``kpis`` are the targets the commissioner holds the supplier to, at most one per
    measure: under PPN 06/20 the winning bid's reporting metrics become contract KPIs
    (``EvaluationResult.kpi_targets``). Kept on the commissioner's record of the
    contract, they are what a Review's delivery is compared with, rather than
    targets the supplier copies into its own return; like a Review's commitments,
    each quantity is for one reporting period (a year of the contract).

    >>> from decimal import Decimal
    >>> contract = Contract(
    ...     "C-2025-017", "100234", "Security guarding", ContractCategory.SERVICES,
    ...     Money("180000"), VatBasis.NET, date(2025, 4, 1), date(2028, 3, 31),
    ...     kpis=[MeasureTarget("GM-JOBS-LOCAL", Decimal(2))],
    ... )
    >>> contract.kpis
    (MeasureTarget(measure='GM-JOBS-LOCAL', quantity=Decimal('2')),)
    """

    #: Rules across fields that no schema can state, by issue code (named in the schema).
    CROSS_FIELD_RULES: ClassVar[Mapping[str, str]] = {
        "period.end_before_start": "the term's end is not before its start",
    }

    id: str = attrs.field(validator=Code(), metadata={"description": "The buyer's contract id."})
    supplier_id: str = attrs.field(
        validator=Code(), metadata={"description": "The buyer's id of the supplier."}
    )
    title: str = attrs.field(
        validator=Text(300), metadata={"description": "What the contract is for."}
    )
    category: ContractCategory = attrs.field(metadata={"description": "Goods, services or works."})
    value: Money = attrs.field(
        validator=NotNegative("value.invalid", "a contract's whole-life value cannot be negative"),
        metadata={"description": "Whole-life value, never negative."},
    )
    vat_basis: VatBasis = attrs.field(
        metadata={"description": "Whether the value excludes (net) or includes (gross) VAT."}
    )
    start: date = attrs.field(
        validator=_check_day, metadata={"description": "First day of the term."}
    )
    end: date = attrs.field(
        validator=_check_end,
        metadata={"description": "Last day of the term, on or after the start."},
    )
    letting: LettingRoute = attrs.field(
        default=LettingRoute.PROCURED,
        metadata={"description": "How the contract was let; 'procured' if absent."},
    )
    early_intervention: bool = attrs.field(
        default=False,
        metadata={
            "description": (
                "Whether the contract serves early intervention and prevention; false if absent."
            )
        },
    )
    kpis: tuple[MeasureTarget, ...] = attrs.field(
        default=(),
        converter=_kpis,
        validator=Items(0, 1000, unique_by=_kpi_measure, what="KPI for measure"),
        metadata={
            "description": (
                "KPIs the commissioner holds the supplier to (the winning bid's commitments): a "
                "target per review measure for each reporting period, at most one per measure; [] "
                "if absent."
            )
        },
    )

    @property
    def term(self) -> Period:
        """The contract's term, start to end inclusive."""
        return Period(self.start, self.end)

    def describe(self) -> str:
        """A short description for messages: id, supplier and value."""
        return (
            f"contract {self.id} (supplier {self.supplier_id}, {self.value.format()}"
            f" {self.vat_basis.value} of VAT)"
        )
