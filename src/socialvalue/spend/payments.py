"""Spend: what the commissioner pays its suppliers.

A :class:`SpendLine` is one payment as a council publishes it in its transparency
data: supplier id, amount, the day it was paid, and whether the amount includes VAT.
**Negative lines are credit notes**: they net off against payments to the same
supplier in the same period (a £10,000 payment and a £10,000 credit note total £0).
A :class:`SpendBatch` is a set of lines published together (a month's file, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from socialvalue._fields import MAX_LIST_ITEMS, Code, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis

__all__ = ["SpendBatch", "SpendLine"]


def _check_day(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    # datetime is a date subclass; a time of day would make period checks ambiguous.
    if type(value) is not date:
        raise TypeError(f"{attribute.name} must be a datetime.date; got {type(value).__name__}")


def _check_money(instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    if not isinstance(value, Money):
        raise TypeError(f"{attribute.name} must be Money; got {type(value).__name__}")


@attrs.frozen(field_transformer=typed_fields)
class SpendLine:
    """One payment to a supplier; a negative ``amount`` is a credit note.

    >>> SpendLine("100234", Money("30000.00"), date(2025, 5, 1), VatBasis.NET)
    SpendLine(supplier_id='100234', amount=Money(amount=Decimal('30000.00'), currency='GBP'), \
paid_on=datetime.date(2025, 5, 1), vat_basis=<VatBasis.NET: 'net'>, contract_id=None)
    """

    supplier_id: str = attrs.field(
        validator=Code(), metadata={"description": "The buyer's id of the supplier paid."}
    )
    amount: Money = attrs.field(
        validator=_check_money,
        metadata={"description": "The amount paid; negative for a credit note."},
    )
    paid_on: date = attrs.field(
        validator=_check_day, metadata={"description": "The day it was paid."}
    )
    vat_basis: VatBasis = attrs.field(
        validator=attrs.validators.instance_of(VatBasis),
        metadata={"description": "Whether the amount excludes (net) or includes VAT."},
    )
    contract_id: str | None = attrs.field(
        default=None,
        validator=Code(optional=True),
        metadata={"description": "The contract paid under, or null."},
    )

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


@attrs.frozen(field_transformer=typed_fields)
class SpendBatch:
    """Spend lines published together by one buyer, such as a month's transparency file.

    Iterating a batch yields its lines, so a batch can be passed wherever lines go.
    """

    buyer: str = attrs.field(
        validator=Text(200), metadata={"description": "The public body that paid."}
    )
    lines: tuple[SpendLine, ...] = attrs.field(
        converter=_lines,
        validator=Items(max_items=MAX_LIST_ITEMS, what="line"),
        metadata={"description": "The payments, at most 1,000,000."},
    )

    def __iter__(self) -> Iterator[SpendLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)
