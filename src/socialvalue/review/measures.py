"""Review measures and measure catalogues: what a supplier reports, and what it is worth.

A Social Value Review asks a supplier how much it did of each *measure* ("local
people employed, in FTE", "staff volunteering hours"). A :class:`ReviewMeasure`
names one such quantity: a stable code, a unit, the framework priorities it serves,
its kind, and optionally a **proxy value**, money per unit, with the source, edition
and price-base year it comes from.

Proxy values follow the National TOMs pattern (Social Value Portal, Themes →
Outcomes → Measures; values revised yearly, so each carries its edition and base
year). A measure with no published proxy is **record-only**: it is reported as a
count and never given a borrowed value (HACT Social Value Bank guidance on outcomes
without a value; SROI principle "do not over-claim"). Licensed tables (National
TOMs, HACT) are not bundled: load your own with
``socialvalue.load("measure-catalogue", {...})``.

Each measure also carries its SROI :class:`Adjustments` (deadweight, displacement,
attribution, leakage, drop-off and duration), which a
:class:`~socialvalue.review.scoring.ScoringMethod` may override.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, DecimalRange, FieldCheck, Items, Text, Whole
from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation, SocialValueError
from socialvalue.money import Money

__all__ = [
    "MAX_DURATION_YEARS",
    "Adjustments",
    "MeasureCatalogue",
    "MeasureKind",
    "ProxyValue",
    "Quantity",
    "ReviewMeasure",
    "Unit",
    "UnknownMeasure",
]

#: The longest an outcome may be said to last, in years.
MAX_DURATION_YEARS: Final = 100
_QUANTITY_LIMIT: Final = Decimal(10) ** 15
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)


class Unit(enum.Enum):
    """The unit a measure's quantity is reported in."""

    FTE = "fte"
    """Full-time equivalent posts for the reporting period."""
    PEOPLE = "people"
    """Whole people (e.g. apprentices started)."""
    HOURS = "hours"
    """Hours of time (e.g. staff volunteering hours)."""
    WEEKS = "weeks"
    """Weeks (e.g. weeks of work placement)."""
    GBP = "gbp"
    """Pounds sterling (e.g. spend with local SMEs, donations)."""
    TONNES_CO2E = "tonnes-co2e"
    """Tonnes of carbon dioxide equivalent."""
    COUNT = "count"
    """A whole number of events or things (e.g. school visits)."""
    PERCENT = "percent"
    """A percentage from 0 to 100."""

    @property
    def whole(self) -> bool:
        """Whether quantities in this unit must be whole numbers (people, counts)."""
        return self in _WHOLE_UNITS


_WHOLE_UNITS: Final = frozenset({Unit.PEOPLE, Unit.COUNT})


class MeasureKind(enum.Enum):
    """Which total a measure's value joins.

    Reports keep *local economic value* (local jobs, local spend) apart from other
    social value, as National TOMs reporting does; *record-only* measures have no
    proxy and are reported as counts.
    """

    LOCAL_ECONOMIC = "local-economic"
    """Value that stays in the local economy (local wages, local spend)."""
    SOCIAL = "social"
    """Other social value (volunteering, donations, environmental and wellbeing value)."""
    RECORD_ONLY = "record-only"
    """No proxy value: reported as a summed count in the measure's unit."""


_NON_NEGATIVE: Final = DecimalRange(minimum=_ZERO)


@attrs.frozen(field_transformer=typed_fields)
class Quantity(FieldCheck):
    """A quantity as documents carry it: 0 or more, below 10**15, at most 6 places.

    Bounding places keeps every derived amount exact (see
    :mod:`socialvalue.review.scoring`): quantity × proxy has at most 12 decimal places.
    """

    optional: bool = False

    def check(self, value: Any) -> None:
        """Raise unless ``value`` is a bounded, non-negative quantity."""
        _NON_NEGATIVE.check(value)
        if value >= _QUANTITY_LIMIT:
            raise RuleViolation("decimal.out_of_range", f"must be below 10**15; got {value:E}")
        exponent = value.as_tuple().exponent
        if exponent < -6:
            raise RuleViolation(
                "decimal.bad_format", f"must have at most 6 decimal places; got {value}"
            )


_FRACTION: Final = DecimalRange(minimum=_ZERO, maximum=_ONE)


def _check_proxy_value(instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    if not isinstance(value, Money):
        raise TypeError(f"value must be Money; got {type(value).__name__}")
    if value.amount < 0 or value.amount.is_signed():
        raise RuleViolation(
            "measure.bad_proxy",
            f"a proxy value is money per unit and cannot be negative; got {value.amount}",
            field=["value"],
        )
    exponent = value.amount.as_tuple().exponent
    assert isinstance(exponent, int)  # Money amounts are finite
    if exponent < -6:
        raise RuleViolation(
            "measure.bad_proxy",
            f"a proxy value has at most 6 decimal places; got {value.amount}",
            field=["value"],
        )


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class ProxyValue:
    """Money per unit of a measure, with where the figure comes from.

    ``source`` names the publication, ``edition`` its version or year and
    ``base_year`` the price base of the figure (values are revised yearly, so a
    figure without its base year cannot be compared with another).

    >>> ProxyValue(Money("16.93"), "Essex County Council local TOMs variant", "2023", 2023)
    ProxyValue(value=Money(amount=Decimal('16.93'), currency='GBP'), ...)
    """

    value: Money = attrs.field(validator=_check_proxy_value)
    source: str = attrs.field(validator=Text(300))
    edition: str = attrs.field(validator=Text(60))
    base_year: int = attrs.field(validator=Whole(1900, 2200))


@library_context_methods
@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Adjustments:
    """SROI adjustments to a measure's value, each a fraction from 0 to 1.

    Following *A Guide to Social Return on Investment* (Cabinet Office, 2012) and
    the HM Treasury Green Book (2022):

    - ``deadweight``: the share that would have happened anyway;
    - ``displacement``: the share moved from elsewhere rather than created;
    - ``attribution``: the share due to others;
    - ``leakage``: the share that benefits people outside the area or group;
    - ``drop_off``: the yearly decline of the outcome after its first year;
    - ``duration_years``: how many years the outcome lasts (1 = the reporting year only).

    Year-1 value = quantity × proxy × (1 − deadweight) × (1 − displacement) ×
    (1 − attribution) × (1 − leakage); year *n* = year 1 × (1 − drop_off)^(n − 1).
    The default is no adjustment, for one year.

    >>> Adjustments(deadweight=Decimal("0.2")).net_factor
    Decimal('0.8')
    """

    deadweight: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    displacement: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    attribution: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    leakage: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    drop_off: Decimal = attrs.field(default=_ZERO, validator=_FRACTION)
    duration_years: int = attrs.field(default=1, validator=Whole(1, MAX_DURATION_YEARS))

    @property
    def net_factor(self) -> Decimal:
        """(1 − deadweight) × (1 − displacement) × (1 − attribution) × (1 − leakage), exactly."""
        factor = _ONE
        for fraction in (self.deadweight, self.displacement, self.attribution, self.leakage):
            if fraction:
                factor *= _ONE - fraction
        return factor

    def named(self) -> tuple[tuple[str, Decimal], ...]:
        """The non-zero value adjustments, as ``(name, fraction)`` pairs in order."""
        pairs = (
            ("deadweight", self.deadweight),
            ("displacement", self.displacement),
            ("attribution", self.attribution),
            ("leakage", self.leakage),
        )
        return tuple((name, value) for name, value in pairs if value)


NO_ADJUSTMENTS: Final = Adjustments()


def _check_kind_and_proxy(instance: ReviewMeasure) -> None:
    record_only = instance.kind is MeasureKind.RECORD_ONLY
    if record_only and instance.proxy is not None:
        raise RuleViolation(
            "measure.proxy_mismatch",
            f"measure {instance.code} is record-only, so it cannot have a proxy value;"
            " give it the kind 'social' or 'local-economic', or drop the proxy",
            field=["proxy"],
        )
    if not record_only and instance.proxy is None:
        raise RuleViolation(
            "measure.proxy_mismatch",
            f"measure {instance.code} is {instance.kind.value} and needs a proxy value;"
            " without a published figure make it 'record-only' (never borrow a value)",
            field=["proxy"],
        )


def _unique_priority(code: str) -> str:
    return code


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _measures(value: Iterable[ReviewMeasure]) -> tuple[ReviewMeasure, ...]:
    return tuple(value)


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class ReviewMeasure:
    """One measure of a Social Value Review.

    ``priorities`` are codes of the framework the catalogue is aligned to; the
    first is the measure's **primary** priority, to which scoring attributes its
    whole value (so the by-priority breakdown sums exactly to the total). A measure
    has a proxy exactly when its kind is not ``record-only``.

    >>> hours = ReviewMeasure(
    ...     "GM-VOLUNTEER-HOURS", "Staff volunteering hours", Unit.HOURS, MeasureKind.SOCIAL,
    ...     ("social-capital",),
    ...     ProxyValue(Money("16.93"), "Essex County Council local TOMs variant", "2023", 2023),
    ... )
    >>> hours.primary_priority
    'social-capital'
    """

    code: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text(200))
    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    kind: MeasureKind = attrs.field(validator=attrs.validators.instance_of(MeasureKind))
    priorities: tuple[str, ...] = attrs.field(
        converter=_strings,
        validator=Items(1, 20, unique_by=_unique_priority, what="priority"),
    )
    proxy: ProxyValue | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ProxyValue))
    )
    adjustments: Adjustments = attrs.field(
        default=NO_ADJUSTMENTS, validator=attrs.validators.instance_of(Adjustments)
    )

    def __attrs_post_init__(self) -> None:
        for index, priority in enumerate(self.priorities):
            try:
                Code().check(priority)
            except RuleViolation as exc:
                raise RuleViolation(exc.code, exc.message, field=["priorities", index]) from None
        _check_kind_and_proxy(self)

    @property
    def primary_priority(self) -> str:
        """The first priority: the one a score attributes this measure's value to."""
        return self.priorities[0]


class UnknownMeasure(SocialValueError, KeyError):
    """A measure code that the catalogue does not hold."""

    def __init__(self, code: str, catalogue_id: str) -> None:
        super().__init__(code)
        self.code = code
        self.catalogue_id = catalogue_id

    def __str__(self) -> str:
        return f"measure {self.code!r} is not in catalogue {self.catalogue_id!r}"


def _measure_code(measure: ReviewMeasure) -> str:
    return measure.code


def _index(measures: tuple[ReviewMeasure, ...]) -> dict[str, ReviewMeasure]:
    return {measure.code: measure for measure in measures}


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class MeasureCatalogue:
    """A versioned set of review measures aligned to one priority framework.

    Codes are unique (a repeat is refused at its index). Look measures up by code:

    >>> from socialvalue.review.gm_catalogue import default_catalogue
    >>> catalogue = default_catalogue()
    >>> "GM-VOLUNTEER-HOURS" in catalogue
    True
    >>> catalogue.measure("GM-VOLUNTEER-HOURS").proxy.value
    Money(amount=Decimal('16.93'), currency='GBP')
    """

    id: str = attrs.field(validator=Code())
    version: str = attrs.field(validator=Text(60))
    framework_id: str = attrs.field(validator=Code())
    measures: tuple[ReviewMeasure, ...] = attrs.field(
        converter=_measures,
        validator=Items(1, 5000, unique_by=_measure_code, what="measure code"),
    )
    _by_code: dict[str, ReviewMeasure] = attrs.field(
        init=False, eq=False, repr=False, hash=False, default=attrs.Factory(dict)
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", _index(self.measures))

    @typed_arguments
    def measure(self, code: str) -> ReviewMeasure:
        """The measure with ``code``; :class:`UnknownMeasure` (a ``KeyError``) if none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownMeasure(code, self.id) from None

    @typed_arguments
    def get(self, code: str) -> ReviewMeasure | None:
        """The measure with ``code``, or ``None``."""
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[ReviewMeasure]:
        return iter(self.measures)

    def __len__(self) -> int:
        return len(self.measures)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every measure code, in catalogue order."""
        return tuple(self._by_code)
