"""Spend and contracts: what the commissioner pays its suppliers, and on what terms.

A :class:`SpendLine` is one payment as a council publishes it in its transparency
data: supplier id, amount, the day it was paid, and whether the amount includes VAT.
**Negative lines are credit notes**: they net off against payments to the same
supplier in the same period (a £10,000 payment and a £10,000 credit note total £0).
A :class:`SpendBatch` is a set of lines published together (a month's file, say).

A :class:`Contract` is an agreement with a supplier: its whole-life value (all
years, options and extensions, as the Procurement Act 2023 values contracts), the
VAT basis of that value, its term, category and how it was let.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from socialvalue._converter import MAX_LIST_ITEMS
from socialvalue._fields import Code, Items, Text
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.periods import Period

__all__ = [
    "Contract",
    "ContractCategory",
    "LettingRoute",
    "SpendBatch",
    "SpendLine",
    "VatBasis",
]


class VatBasis(enum.Enum):
    """Whether an amount excludes or includes VAT.

    English local transparency data (the Local Government Transparency Code 2015)
    publish payments net of recoverable VAT; Procurement Act 2023 thresholds are
    VAT-inclusive. An amount never changes basis silently in this library.
    """

    NET = "net"
    """Excluding VAT."""
    GROSS = "gross"
    """Including VAT."""


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


def _check_day(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    # datetime is a date subclass; a time of day would make period checks ambiguous.
    if type(value) is not date:
        raise TypeError(f"{attribute.name} must be a datetime.date; got {type(value).__name__}")


def _check_money(instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    if not isinstance(value, Money):
        raise TypeError(f"{attribute.name} must be Money; got {type(value).__name__}")


@attrs.frozen
class SpendLine:
    """One payment to a supplier; a negative ``amount`` is a credit note.

    >>> SpendLine("100234", Money("30000.00"), date(2025, 5, 1), VatBasis.NET)
    SpendLine(supplier_id='100234', amount=Money(amount=Decimal('30000.00'), currency='GBP'), \
paid_on=datetime.date(2025, 5, 1), vat_basis=<VatBasis.NET: 'net'>, contract_id=None)
    """

    supplier_id: str = attrs.field(validator=Code())
    amount: Money = attrs.field(validator=_check_money)
    paid_on: date = attrs.field(validator=_check_day)
    vat_basis: VatBasis = attrs.field(validator=attrs.validators.instance_of(VatBasis))
    contract_id: str | None = attrs.field(default=None, validator=Code(optional=True))

    @property
    def is_credit(self) -> bool:
        """Whether this line is a credit note (a negative amount)."""
        return self.amount.amount < 0

    def describe(self) -> str:
        """A short description for messages: supplier, day, amount and VAT basis."""
        return (
            f"supplier {self.supplier_id}, paid {self.paid_on.isoformat()},"
            f" {self.amount.format()} {self.vat_basis.value} of VAT"
        )


def _lines(lines: Iterable[SpendLine]) -> tuple[SpendLine, ...]:
    return tuple(lines)


@attrs.frozen
class SpendBatch:
    """Spend lines published together by one buyer, such as a month's transparency file.

    Iterating a batch yields its lines, so a batch can be passed wherever lines go.
    """

    buyer: str = attrs.field(validator=Text(200))
    lines: tuple[SpendLine, ...] = attrs.field(
        converter=_lines, validator=Items(max_items=MAX_LIST_ITEMS, what="line")
    )

    def __iter__(self) -> Iterator[SpendLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


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


@attrs.frozen
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
