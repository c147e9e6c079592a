"""A target quantity for one review measure: the unit of every social value promise.

The same small value runs through the policy: a Charter commitment may name a
measurable target, a bid commits to targets, the winning bid's targets become
contract KPIs, and a Review's delivery is compared against them. It is a core
value, below every policy area, because contracts (in the spend area) hold their
KPIs as targets while the measures themselves live in the Review area.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from socialvalue._fields import Code, DecimalRange
from socialvalue._typed import typed_fields

__all__ = ["MeasureTarget"]


@attrs.frozen(field_transformer=typed_fields)
class MeasureTarget:
    """A promised quantity of one measure, e.g. 12 FTE local jobs.

    ``measure`` is a measure code from a :class:`MeasureCatalogue`; ``quantity`` is
    in that measure's unit and is never negative.

    >>> MeasureTarget("GM-JOBS-LOCAL", Decimal("12"))
    MeasureTarget(measure='GM-JOBS-LOCAL', quantity=Decimal('12'))
    """

    measure: str = attrs.field(validator=Code(), metadata={"description": "The measure's code."})
    quantity: Decimal = attrs.field(
        validator=DecimalRange(minimum=Decimal(0)),
        metadata={"description": "The promised quantity."},
    )
