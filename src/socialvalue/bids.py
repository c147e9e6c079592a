"""Bids: what a supplier offers in a tender, and the £ social value of its commitments.

A :class:`Bid` carries the supplier's id, whether the supplier is new to the
commissioner, its price, the panel's marks and its social value commitments
(targets per review measure). :func:`offer_value` prices commitments with a
measure catalogue's proxy values, for quantitative social value scoring.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

import attrs

from socialvalue._fields import Code, DecimalRange, Items, Text
from socialvalue.money import Money
from socialvalue.targets import MeasureTarget

__all__ = ["Bid", "Mark", "ProxyCatalogue", "offer_value"]


def _marks(value: Iterable[Mark]) -> tuple[Mark, ...]:
    return tuple(value)


def _targets(value: Iterable[MeasureTarget]) -> tuple[MeasureTarget, ...]:
    return tuple(value)


@attrs.frozen
class Mark:
    """The panel's mark for one criterion of a bid, with the panel's reason."""

    criterion: str = attrs.field(validator=Code())
    points: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
    reason: str | None = attrs.field(default=None, validator=Text(2000, optional=True))


@attrs.frozen
class Bid:
    """A supplier's bid: price, the panel's marks and its social value commitments.

    ``new_supplier`` records whether the supplier is new to the commissioner (the
    policy invites bids from suppliers old and new); it is reported, never scored.
    ``commitments`` are targets per review measure; the winner's become contract KPIs.

    >>> Bid("100234", Money("480000"), (Mark("Q", Decimal(75)),)).supplier_id
    '100234'
    """

    supplier_id: str = attrs.field(validator=Code())
    price: Money
    marks: tuple[Mark, ...] = attrs.field(
        converter=_marks,
        validator=Items(max_items=50, unique_by=lambda m: m.criterion, what="mark"),
    )
    commitments: tuple[MeasureTarget, ...] = attrs.field(
        default=(),
        converter=_targets,
        validator=Items(max_items=200, unique_by=lambda t: t.measure, what="commitment"),
    )
    new_supplier: bool = False
    supplier_name: str | None = attrs.field(default=None, validator=Text(optional=True))

    def mark_for(self, criterion_id: str) -> Mark | None:
        """The mark for ``criterion_id``, if the bid has one."""
        return next((m for m in self.marks if m.criterion == criterion_id), None)


class _Proxy(Protocol):
    @property
    def value(self) -> Money: ...


class _Measure(Protocol):
    @property
    def proxy(self) -> _Proxy | None: ...

    @property
    def kind(self) -> enum.Enum: ...


class ProxyCatalogue(Protocol):
    """What :func:`evaluate` needs of a measure catalogue: ``measure(code)``.

    :class:`socialvalue.MeasureCatalogue` fits; ``measure`` raises a ``KeyError``
    for an unknown code.
    """

    def measure(self, code: str) -> _Measure:
        """The measure with ``code``."""
        ...


def offer_value(commitments: Iterable[MeasureTarget], catalogue: ProxyCatalogue) -> Money:
    """The £ social value of ``commitments``: Σ quantity × the measure's proxy value.

    Record-only measures and measures without a proxy value add nothing: they are
    counted, never given a borrowed price.
    """
    total = Money.zero()
    for target in commitments:
        measure = catalogue.measure(target.measure)
        if measure.proxy is None or measure.kind.value == "record-only":
            continue
        total = total + measure.proxy.value * target.quantity
    return total
