"""Discounting future value to the present: the HM Treasury Green Book schedule.

Source: HM Treasury, *The Green Book: Central Government Guidance on Appraisal and
Evaluation* (2022), the social time preference rate: **3.5%** a year for years 0
to 30, **3.0%** for 31 to 75, **2.5%** for 76 to 125, **2.0%** for 126 to 200,
**1.5%** for 201 to 300 and **1.0%** beyond.

Year-indexing convention (the Green Book's own): year 0 is the present and is not
discounted; the factor for year *t* is the factor for year *t − 1* divided by
(1 + *r*), where *r* is the rate of the band holding year *t*. So year 30's factor
is 1/1.035^30 and year 31's is 1/(1.035^30 × 1.03).

For an outcome that lasts several years, scoring treats its **first year (the
reporting year) as Green Book year 0** and its *n*-th year as year *n* − 1:
what was delivered in the period under review is not discounted, and each later
year of the outcome is. (SROI practice varies here; pass another
:class:`DiscountSchedule`, or a zero rate, to change it.)

Precision: factors are computed to 50 significant digits; the combined factors
scoring uses (:func:`value_factors`) are truncated (rounded toward zero) to 24
decimal places, so a present value is never above its exact mathematical figure and
differs from it by less than 10**-24 per pound of gross value.

>>> discount_factor(0), discount_factor(1)
(Decimal('1'), Decimal('0.96618357487922705314009661835748792270531400966184'))
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import DecimalRange, Items, Whole
from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.review.measures import MAX_DURATION_YEARS

__all__ = [
    "FACTOR_PLACES",
    "GREEN_BOOK_2022",
    "DiscountBand",
    "DiscountSchedule",
    "discount_factor",
    "value_factors",
]

#: Decimal places kept in the combined value factors (truncated toward zero).
FACTOR_PLACES: Final = 24
_QUANTUM: Final = Decimal(1).scaleb(-FACTOR_PLACES)
_PRECISE: Final = decimal.Context(
    prec=50, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.InvalidOperation, decimal.Overflow]
)
_ONE: Final = Decimal(1)


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class DiscountBand:
    """A discount ``rate`` (a fraction, e.g. 0.035) applying from ``from_year`` on."""

    from_year: int = attrs.field(validator=Whole(0, 10_000))
    rate: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0), maximum=_ONE))


def _band_year(band: DiscountBand) -> int:
    return band.from_year


def _bands(value: Iterable[DiscountBand]) -> tuple[DiscountBand, ...]:
    return tuple(value)


@library_context_methods
@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class DiscountSchedule:
    """Discount rates by year band; the first band starts at year 0.

    Each band runs until the next one starts; the last runs for ever.

    >>> GREEN_BOOK_2022.rate(30), GREEN_BOOK_2022.rate(31)
    (Decimal('0.035'), Decimal('0.030'))
    """

    name: str
    bands: tuple[DiscountBand, ...] = attrs.field(
        converter=_bands, validator=Items(1, 50, unique_by=_band_year, what="band start year")
    )

    def __attrs_post_init__(self) -> None:
        years = [band.from_year for band in self.bands]
        if years[0] != 0 or years != sorted(years):
            raise RuleViolation(
                "discount.bad_schedule",
                f"discount bands must start at year 0 and run in year order; got starts {years}",
                field=["bands"],
            )

    @typed_arguments
    def rate(self, year: int) -> Decimal:
        """The rate that discounts year ``year`` back to year ``year − 1``."""
        rate = self.bands[0].rate
        for band in self.bands:
            if band.from_year > year:
                break
            rate = band.rate
        return rate


#: HM Treasury Green Book (2022) social time preference rate schedule.
GREEN_BOOK_2022: Final = DiscountSchedule(
    "HM Treasury Green Book (2022) social time preference rate",
    (
        DiscountBand(0, Decimal("0.035")),
        DiscountBand(31, Decimal("0.030")),
        DiscountBand(76, Decimal("0.025")),
        DiscountBand(126, Decimal("0.020")),
        DiscountBand(201, Decimal("0.015")),
        DiscountBand(301, Decimal("0.010")),
    ),
)


@functools.lru_cache(maxsize=256)
def _factors(schedule: DiscountSchedule, years: int) -> tuple[Decimal, ...]:
    factors = [_ONE]
    for year in range(1, years):
        factors.append(_PRECISE.divide(factors[-1], _ONE + schedule.rate(year)))
    return tuple(factors)


def discount_factor(year: int, schedule: DiscountSchedule = GREEN_BOOK_2022) -> Decimal:
    """The factor that brings value in Green Book year ``year`` to year 0 (50 digits).

    >>> round(discount_factor(31), 6)
    Decimal('0.345901')
    """
    if type(year) is not int or year < 0:
        raise ValueError(f"year must be a whole number of years from 0; got {year!r}")
    return _factors(schedule, year + 1)[year]


@functools.lru_cache(maxsize=4096)
def value_factors(
    net_factor: Decimal, drop_off: Decimal, years: int, schedule: DiscountSchedule
) -> tuple[Decimal, Decimal]:
    """Multipliers of gross value giving (undiscounted, present) value over ``years``.

    With net factor *f* (the product of the (1 − adjustment) terms), drop-off *d*
    and discount factors *DF* from ``schedule``:

    - undiscounted = *f* × Σ (1 − *d*)^(n − 1), for n = 1 … years;
    - present = *f* × Σ (1 − *d*)^(n − 1) × DF(n − 1).

    Both are truncated to :data:`FACTOR_PLACES` places. For one year both equal *f*
    exactly (it has at most 24 places).

    >>> value_factors(Decimal("0.8"), Decimal("0.25"), 3, GREEN_BOOK_2022)[0]
    Decimal('1.850000000000000000000000')
    """
    Whole(1, MAX_DURATION_YEARS).check(years)
    remain = _ONE - drop_off
    discount = _factors(schedule, years)
    weight = _ONE
    undiscounted = Decimal(0)
    present = Decimal(0)
    for year in range(years):
        undiscounted = _PRECISE.add(undiscounted, weight)
        present = _PRECISE.add(present, _PRECISE.multiply(weight, discount[year]))
        weight = _PRECISE.multiply(weight, remain)
    return (
        _PRECISE.multiply(net_factor, undiscounted).quantize(
            _QUANTUM, rounding=decimal.ROUND_DOWN, context=_PRECISE
        ),
        _PRECISE.multiply(net_factor, present).quantize(
            _QUANTUM, rounding=decimal.ROUND_DOWN, context=_PRECISE
        ),
    )
