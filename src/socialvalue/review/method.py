"""How a submission is scored: the :class:`ScoringMethod`, and what it fixes per measure.

A method names the discount schedule (HM Treasury Green Book 2022 by default), any
adjustments that replace the catalogue's own, for every measure or by measure code,
whether lines flagged not local are wholly leaked, and the basis of the social
value ratio. For each (catalogue, method) pair the scorer caches, per measure, the
exact unit values and combined factors (a *plan*), so scoring a submission is a
few dictionary look-ups and multiplications per line.
"""

from __future__ import annotations

import decimal
import enum
import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields
from socialvalue.money import Rounding
from socialvalue.review.discounting import GREEN_BOOK_2022, DiscountSchedule, value_factors
from socialvalue.review.measures import Adjustments, MeasureCatalogue, ReviewMeasure, Unit

__all__ = ["ScoringMethod", "ValueBasis"]

#: Exact arithmetic: 90 digits, and any rounding (Inexact) raises.
EXACT: Final = decimal.Context(
    prec=90,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact, decimal.DivisionByZero],
)
_ZERO: Final = Decimal(0)


class ValueBasis(enum.Enum):
    """Which figure the social value ratio uses."""

    GROSS = "gross"
    """Quantity × proxy, before adjustments."""
    NET = "net"
    """After deadweight, displacement, attribution and leakage (first year only)."""
    UNDISCOUNTED = "undiscounted"
    """Net value summed over the outcome's years, with drop-off, before discounting."""
    PRESENT_VALUE = "present-value"
    """Undiscounted value discounted by the Green Book schedule (the SROI ratio's basis)."""


def _overrides(
    value: Mapping[str, Adjustments] | Iterable[tuple[str, Adjustments]],
) -> tuple[tuple[str, Adjustments], ...]:
    pairs = list(value.items() if isinstance(value, Mapping) else value)
    for code, adjustments in pairs:
        if not isinstance(code, str) or not isinstance(adjustments, Adjustments):
            raise TypeError(
                "overrides map measure codes to Adjustments;"
                f" got {type(code).__name__} → {type(adjustments).__name__}"
            )
    return tuple(sorted(pairs, key=lambda pair: pair[0]))


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class ScoringMethod:
    """How a submission is scored: discounting, adjustments, locality and ratio basis.

    The default uses the Green Book schedule and each measure's own adjustments.

    - ``discounting``: the discount rate schedule (HM Treasury Green Book 2022);
    - ``adjustments``: if given, used for *every* measure instead of its own;
    - ``overrides``: adjustments by measure code, taking precedence over both (a code
      the catalogue lacks raises :class:`~socialvalue.review.measures.UnknownMeasure` when
      scoring);
    - ``exclude_non_local``: value lines flagged ``local=False`` at zero (leaked);
    - ``ratio_basis``: which figure the social value ratio divides by spend;
    - ``rounding``: how amounts are rounded when *presented* (derivations, the
      explanation, HTML); figures themselves are never rounded.

    >>> from socialvalue.review.gm_catalogue import default_catalogue
    >>> method = ScoringMethod(overrides={"GM-VOLUNTEER-HOURS": Adjustments(Decimal("0.1"))})
    >>> method.adjustments_for(default_catalogue().measure("GM-VOLUNTEER-HOURS")).deadweight
    Decimal('0.1')
    """

    discounting: DiscountSchedule = attrs.field(
        default=GREEN_BOOK_2022, validator=attrs.validators.instance_of(DiscountSchedule)
    )
    adjustments: Adjustments | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Adjustments))
    )
    overrides: tuple[tuple[str, Adjustments], ...] = attrs.field(default=(), converter=_overrides)
    exclude_non_local: bool = attrs.field(
        default=True, validator=attrs.validators.instance_of(bool)
    )
    ratio_basis: ValueBasis = attrs.field(
        default=ValueBasis.PRESENT_VALUE, validator=attrs.validators.instance_of(ValueBasis)
    )
    rounding: Rounding = attrs.field(
        default=Rounding.HALF_UP, validator=attrs.validators.instance_of(Rounding)
    )

    @typed_arguments
    def adjustments_for(self, measure: ReviewMeasure) -> Adjustments:
        """The adjustments that apply to ``measure`` under this method."""
        for code, adjustments in self.overrides:
            if code == measure.code:
                return adjustments
        return self.adjustments if self.adjustments is not None else measure.adjustments


@attrs.frozen(field_transformer=typed_fields)
class _Plan:
    """What scoring needs to know about one measure under one method (cached)."""

    measure: ReviewMeasure
    unit: Unit
    checked: bool  # whole-number or percentage units need a per-line check
    valued: bool
    adjustments: Adjustments | None
    proxy: Decimal
    net_unit: Decimal
    undiscounted_unit: Decimal
    present_unit: Decimal
    undiscounted_factor: Decimal
    present_factor: Decimal
    bucket: tuple[str, str]  # (primary priority, kind value): strings hash in C
    currency: str | None
    group: int  # measures with the same bucket and factors share a group


_Group = tuple[tuple[str, str], Decimal, Decimal, Decimal]


def _make_plan(
    measure: ReviewMeasure, method: ScoringMethod, group_of: Callable[[_Group], int]
) -> _Plan:
    unit = measure.unit
    checked = unit.whole or unit is Unit.PERCENT
    bucket = (measure.primary_priority, measure.kind.value)
    if measure.proxy is None:
        zero = _ZERO
        return _Plan(
            measure,
            unit,
            checked,
            False,
            None,
            zero,
            zero,
            zero,
            zero,
            zero,
            zero,
            bucket,
            None,
            -1,
        )
    adjustments = method.adjustments_for(measure)
    undiscounted_factor, present_factor = value_factors(
        adjustments.net_factor,
        adjustments.drop_off,
        adjustments.duration_years,
        method.discounting,
    )
    proxy = measure.proxy.value.amount
    with decimal.localcontext(EXACT):
        net_unit = proxy * adjustments.net_factor
        undiscounted_unit = proxy * undiscounted_factor
        present_unit = proxy * present_factor
    return _Plan(
        measure,
        unit,
        checked,
        True,
        adjustments,
        proxy,
        net_unit,
        undiscounted_unit,
        present_unit,
        undiscounted_factor,
        present_factor,
        bucket,
        measure.proxy.value.currency,
        group_of((bucket, adjustments.net_factor, undiscounted_factor, present_factor)),
    )


class _Plans(dict[str, _Plan | None]):
    """Plans by measure code, made on first use (``None`` for an unknown code).

    Measures that share a bucket (primary priority and kind) and value factors
    share a *group*: scoring sums their gross value first and applies the factors
    once per group, which is exact because the arithmetic is linear and unrounded.
    """

    def __init__(self, catalogue: MeasureCatalogue, method: ScoringMethod) -> None:
        super().__init__()
        for code, _ in method.overrides:
            catalogue.measure(code)  # a typo in an override must not pass silently
        self.catalogue = catalogue
        self.method = method
        self.groups: list[_Group] = []
        self._group_ids: dict[_Group, int] = {}

    def _group_of(self, key: _Group) -> int:
        found = self._group_ids.get(key)
        if found is None:
            found = self._group_ids[key] = len(self.groups)
            self.groups.append(key)
        return found

    def __missing__(self, code: str) -> _Plan | None:
        measure = self.catalogue.get(code)
        plan = None if measure is None else _make_plan(measure, self.method, self._group_of)
        self[code] = plan
        return plan


@functools.lru_cache(maxsize=64)
def _plans(catalogue: MeasureCatalogue, method: ScoringMethod) -> _Plans:
    return _Plans(catalogue, method)
