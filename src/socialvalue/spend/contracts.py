"""Contracts: agreements with suppliers, valued over their whole life.

A :class:`Contract` is an agreement with a supplier: its whole-life value (all
years, options and extensions, as the Procurement Act 2023 values contracts), the
VAT basis of that value, its term, category and how it was let. A policy on the
contract basis compares this value with its threshold.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from socialvalue._fields import Code, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.periods import Period
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.payments import _check_day, _check_money

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


def _check_value(instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    _check_money(instance, attribute, value)
    # "-0" too: the schema's non-negative amount refuses it, and both must agree.
    if value.amount < 0 or value.amount.is_signed():
        raise RuleViolation(
            "value.invalid",
            f"a contract's whole-life value cannot be negative; got {value.amount}",
            field=[attribute.name],
        )


def _check_end(instance: Contract, attribute: attrs.Attribute[date], value: date) -> None:
    _check_day(instance, attribute, value)
    if value < instance.start:
        raise RuleViolation(
            "period.end_before_start",
            f"a contract cannot end ({value.isoformat()}) before it starts"
            f" ({instance.start.isoformat()})",
            field=["end"],
        )


@attrs.frozen(field_transformer=typed_fields)
class Contract:
    """An agreement with a supplier, valued over its whole life.

    ``value`` covers every year, option and extension; ``vat_basis`` says whether it
    includes VAT. ``early_intervention`` records whether the contract serves the
    policy's aim of early intervention and prevention.
    """

    id: str = attrs.field(validator=Code())
    supplier_id: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text(300))
    category: ContractCategory
    value: Money = attrs.field(validator=_check_value)
    vat_basis: VatBasis
    start: date = attrs.field(validator=_check_day)
    end: date = attrs.field(validator=_check_end)
    letting: LettingRoute = LettingRoute.PROCURED
    early_intervention: bool = False

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
