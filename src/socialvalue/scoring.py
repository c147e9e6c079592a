"""Scoring a Social Value Review: reported quantities × proxy values, adjusted and discounted.

The method (SROI, *A Guide to Social Return on Investment*, Cabinet Office 2012; HM
Treasury Green Book 2022), for each reported line of a measure with a proxy value:

1. **gross** = quantity × proxy value;
2. **net** = gross × (1 − deadweight) × (1 − displacement) × (1 − attribution) ×
   (1 − leakage), each adjustment a fraction from 0 to 1;
3. over the outcome's duration of *D* years with drop-off *d*, year *n* is worth
   net × (1 − *d*)^(n − 1): their sum is the **undiscounted** value;
4. **present value** discounts year *n* by the Green Book factor of year *n* − 1
   (:mod:`socialvalue.discounting`: the reporting year is year 0).

Adjustments come from the measure (its catalogue) unless the
:class:`ScoringMethod` overrides them, for every measure or by measure code; pick a
method per submission to adjust one submission differently.

Lines of record-only measures get no value: they are summed as counts in their
unit, never given a borrowed value. Lines flagged ``local=False`` are, by default,
wholly leaked (SROI leakage of 1): their gross value is shown, their net and
present value are zero, and they count neither towards counts nor delivery.

Totals are exact. Quantities and proxies have at most 6 decimal places and the
combined factors 24, so every line figure has at most 36 places and is held
exactly; totals are exact sums of their lines (computed in a 90-digit context
that traps any rounding). A measure serving several priorities gives its whole
value to its **primary (first) priority**, so the by-priority breakdown also sums
exactly to the total. Rounding happens only when presenting.

Problems are reported together: :func:`check_submission` returns every issue (unknown measure
codes, wrong units, fractional people or counts, percentages over 100, commitments
to unknown measures, currency mismatches) with JSON paths into the submission;
:func:`score` raises :class:`~socialvalue.errors.InvalidDocument` carrying all of
them. (Negative quantities cannot reach either: a ``ReportedLine`` refuses them, and
loading a document reports them at ``$.lines[i].quantity``.)

Speed: :func:`score` computes every figure eagerly, aggregating lines by measure
(the arithmetic is linear, so this is exact); it builds the per-line
:class:`ScoredLine` objects, ``Money`` wrappers and derivation text only when they
are first read.
"""

from __future__ import annotations

import decimal
import enum
import functools
import html
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from socialvalue.discounting import GREEN_BOOK_2022, DiscountSchedule, value_factors
from socialvalue.errors import InvalidDocument, Issue
from socialvalue.measures import (
    Adjustments,
    MeasureCatalogue,
    MeasureKind,
    ReviewMeasure,
    Unit,
)
from socialvalue.money import MAX_INTEGER_DIGITS, Money
from socialvalue.periods import Period
from socialvalue.submissions import ReportedLine, ReviewSubmission

__all__ = [
    "Delivery",
    "MeasureCount",
    "ScoreReport",
    "ScoredLine",
    "ScoringMethod",
    "SocialValueRatio",
    "ValueBasis",
    "ValueTotals",
    "check_submission",
    "score",
]

_CONTEXT: Final = decimal.Context(
    prec=90,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact, decimal.DivisionByZero],
)
_RATIO: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
_LIMIT: Final = Decimal(10) ** MAX_INTEGER_DIGITS
_VALUED_KINDS: Final = (MeasureKind.LOCAL_ECONOMIC, MeasureKind.SOCIAL)
_UNIT_LABELS: Final = {
    Unit.FTE: "FTE",
    Unit.PEOPLE: "people",
    Unit.HOURS: "hours",
    Unit.WEEKS: "weeks",
    Unit.GBP: "GBP",
    Unit.TONNES_CO2E: "tonnes CO2e",
    Unit.COUNT: "",
    Unit.PERCENT: "%",
}


_PER_UNIT: Final = {
    Unit.FTE: "FTE",
    Unit.PEOPLE: "person",
    Unit.HOURS: "hour",
    Unit.WEEKS: "week",
    Unit.GBP: "£1",
    Unit.TONNES_CO2E: "tonne CO2e",
    Unit.COUNT: "unit",
    Unit.PERCENT: "percentage point",
}


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


@attrs.frozen(cache_hash=True)
class ScoringMethod:
    """How a submission is scored: discounting, adjustments, locality and ratio basis.

    The default uses the Green Book schedule and each measure's own adjustments.

    - ``discounting``: the discount rate schedule (HM Treasury Green Book 2022);
    - ``adjustments``: if given, used for *every* measure instead of its own;
    - ``overrides``: adjustments by measure code, taking precedence over both;
    - ``exclude_non_local``: value lines flagged ``local=False`` at zero (leaked);
    - ``ratio_basis``: which figure the social value ratio divides by spend.

    >>> from socialvalue.catalogues import default_catalogue
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

    def adjustments_for(self, measure: ReviewMeasure) -> Adjustments:
        """The adjustments that apply to ``measure`` under this method."""
        for code, adjustments in self.overrides:
            if code == measure.code:
                return adjustments
        return self.adjustments if self.adjustments is not None else measure.adjustments


@attrs.frozen
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
    with decimal.localcontext(_CONTEXT):
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


@attrs.frozen
class ValueTotals:
    """Gross, net, undiscounted and present value of a set of lines."""

    gross: Money
    net: Money
    undiscounted: Money
    present_value: Money

    def figure(self, basis: ValueBasis) -> Money:
        """The figure named by ``basis``."""
        return {
            ValueBasis.GROSS: self.gross,
            ValueBasis.NET: self.net,
            ValueBasis.UNDISCOUNTED: self.undiscounted,
            ValueBasis.PRESENT_VALUE: self.present_value,
        }[basis]


def _totals(figures: Iterable[Decimal], currency: str) -> ValueTotals:
    gross, net, undiscounted, present = figures
    return ValueTotals(
        Money(gross, currency),
        Money(net, currency),
        Money(undiscounted, currency),
        Money(present, currency),
    )


@attrs.frozen
class MeasureCount:
    """The summed quantity of one measure's lines (record-only or excluded)."""

    measure: str
    title: str
    unit: Unit
    quantity: Decimal

    @property
    def text(self) -> str:
        """E.g. ``'12 FTE'``, ``'£4,000'`` or ``'3'``."""
        return _quantity_text(self.quantity, self.unit)


@attrs.frozen
class Delivery:
    """Delivery against one commitment: delivered ÷ committed, and the shortfall.

    ``ratio`` is ``None`` when nothing was committed; ``shortfall`` is zero when
    delivery meets or beats the commitment.
    """

    measure: str
    unit: Unit
    committed: Decimal
    delivered: Decimal
    ratio: Decimal | None
    shortfall: Decimal

    @property
    def met(self) -> bool:
        """Whether the commitment was delivered in full."""
        return self.delivered >= self.committed


@attrs.frozen
class SocialValueRatio:
    """Social value per £1 of spend, and as a percentage of spend.

    ``per_pound`` = value ÷ spend (Essex aims for £0.25 per £1); ``percent`` = 100 ×
    value ÷ spend (Hammersmith & Fulham: 10% rising to 20% of contract value). Both
    are ``None`` when spend is zero. Computed to 28 significant digits.
    """

    basis: ValueBasis
    value: Money
    spend: Money
    per_pound: Decimal | None
    percent: Decimal | None

    @property
    def text(self) -> str:
        """E.g. ``'£0.31 per £1 of spend (31.2%)'``."""
        if self.per_pound is None or self.percent is None:
            return f"{self.value.format()} of {self.basis.value} value; no spend to compare"
        per_pound = Money(self.per_pound.quantize(Decimal("0.01"), context=_RATIO))
        percent = self.percent.quantize(Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
        return f"{per_pound.format()} per £1 of spend ({percent}%)"


def _quantity_text(quantity: Decimal, unit: Unit) -> str:
    number = f"{quantity.normalize():,f}" if quantity else "0"
    if unit is Unit.GBP:
        return f"£{number}"
    if unit is Unit.PERCENT:
        return f"{number}%"
    label = _UNIT_LABELS[unit]
    return f"{number} {label}" if label else number


def _fraction_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


@attrs.frozen
class ScoredLine:
    """One reported line with its value and how it was derived.

    Figures are ``None`` for record-only measures (no proxy, no value). For lines
    excluded as not local, ``gross`` is shown and ``net``, ``undiscounted`` and
    ``present_value`` are zero.
    """

    index: int
    line: ReportedLine
    measure: ReviewMeasure
    adjustments: Adjustments | None
    excluded: bool
    gross: Money | None
    net: Money | None
    undiscounted: Money | None
    present_value: Money | None
    undiscounted_factor: Decimal | None
    present_factor: Decimal | None
    discounting: DiscountSchedule

    @property
    def quantity(self) -> Decimal:
        """The reported quantity, in the measure's unit."""
        return self.line.quantity

    @property
    def priority(self) -> str:
        """The priority this line's value is attributed to (the measure's primary)."""
        return self.measure.primary_priority

    @property
    def derivation(self) -> str:
        """The arithmetic behind this line's figures, in words (amounts shown to pence).

        E.g. ``12 FTE × £X = £… gross; × (1 − 0.2 deadweight) = £… net; …``.
        """
        quantity = _quantity_text(self.line.quantity, self.measure.unit)
        proxy = self.measure.proxy
        if proxy is None or self.gross is None:
            return (
                f"{quantity} recorded for {self.measure.code} (record-only: no proxy value,"
                " so no £ value is claimed)"
            )
        per = _PER_UNIT[self.measure.unit]
        text = (
            f"{quantity} × {proxy.value.format()} per {per} ({proxy.source}, {proxy.edition},"
            f" {proxy.base_year} prices) = {self.gross.format()} gross"
        )
        if self.excluded:
            return text + "; not local, so wholly leaked: £0.00 net and present value"
        assert self.adjustments is not None
        assert self.net is not None
        assert self.undiscounted is not None
        assert self.present_value is not None
        terms = " × ".join(
            f"(1 − {_fraction_text(v)} {name})" for name, v in self.adjustments.named()
        )
        if terms:
            text += f"; × {terms} = {self.net.format()} net"
        else:
            text += "; no adjustments, so net = gross"
        years = self.adjustments.duration_years
        if years == 1:
            return text + "; one year, not discounted (the reporting year is year 0)"
        drop = _fraction_text(self.adjustments.drop_off)
        return (
            text + f"; over {years} years, year n worth net × (1 − {drop})^(n − 1):"
            f" {self.undiscounted.format()} undiscounted; year n discounted by the"
            f" {self.discounting.name} factor for year n − 1: {self.present_value.format()}"
            " present value"
        )

    def to_record(self) -> dict[str, Any]:
        """This line as a flat dict of plain values."""
        proxy = self.measure.proxy
        adjustments = self.adjustments
        return {
            "index": self.index,
            "measure": self.measure.code,
            "title": self.measure.title,
            "unit": self.measure.unit.value,
            "kind": self.measure.kind.value,
            "priority": self.priority,
            "quantity": self.line.quantity,
            "local": self.line.local,
            "evidence": self.line.evidence,
            "excluded": self.excluded,
            "proxy": None if proxy is None else proxy.value.amount,
            "proxy_source": None if proxy is None else proxy.source,
            "proxy_edition": None if proxy is None else proxy.edition,
            "proxy_base_year": None if proxy is None else proxy.base_year,
            "deadweight": None if adjustments is None else adjustments.deadweight,
            "displacement": None if adjustments is None else adjustments.displacement,
            "attribution": None if adjustments is None else adjustments.attribution,
            "leakage": None if adjustments is None else adjustments.leakage,
            "drop_off": None if adjustments is None else adjustments.drop_off,
            "duration_years": None if adjustments is None else adjustments.duration_years,
            "gross": None if self.gross is None else self.gross.amount,
            "net": None if self.net is None else self.net.amount,
            "undiscounted": None if self.undiscounted is None else self.undiscounted.amount,
            "present_value": None if self.present_value is None else self.present_value.amount,
            "derivation": self.derivation,
        }


class _State(NamedTuple):
    """The figures :func:`score` computes eagerly (a tuple: cheap to build)."""

    currency: str
    sums: dict[str, Decimal]
    excluded: dict[str, Decimal]
    buckets: dict[tuple[str, str], list[Decimal]]
    totals: tuple[Decimal, Decimal, Decimal, Decimal]


def _line_issues(index: int, line: ReportedLine, plan: _Plan) -> list[Issue]:
    found = []
    unit = plan.unit
    if line.unit is not None and line.unit is not unit:
        found.append(
            Issue.at(
                ["lines", index, "unit"],
                "score.wrong_unit",
                f"measure {plan.measure.code} is reported in {unit.value!r};"
                f" this line says {line.unit.value!r}",
            )
        )
    quantity = line.quantity
    if unit.whole and quantity != quantity.to_integral_value():
        found.append(
            Issue.at(
                ["lines", index, "quantity"],
                "score.bad_quantity",
                f"must be a whole number for measure {plan.measure.code} (unit"
                f" {unit.value!r}); got {quantity}",
            )
        )
    if unit is Unit.PERCENT and quantity > _HUNDRED:
        found.append(
            Issue.at(
                ["lines", index, "quantity"],
                "score.bad_quantity",
                f"measure {plan.measure.code} is a percentage from 0 to 100; got {quantity}",
            )
        )
    return found


def _aggregate(
    submission: ReviewSubmission, catalogue: MeasureCatalogue, method: ScoringMethod
) -> tuple[_State | None, list[Issue]]:
    plans = _plans(catalogue, method)
    exclude = method.exclude_non_local
    sums: dict[str, Decimal] = {}
    excluded: dict[str, Decimal] = {}
    issues: list[Issue] = []
    currency = submission.spend.currency
    with decimal.localcontext(_CONTEXT):
        for index, line in enumerate(submission.lines):
            code = line.measure
            plan = plans[code]
            if plan is None:
                issues.append(_unknown(["lines", index, "measure"], code, catalogue))
                continue
            if (line.unit is not None and line.unit is not plan.unit) or plan.checked:
                found = _line_issues(index, line, plan)
                if found:
                    issues.extend(found)
                    continue
            target = excluded if (line.local is False and exclude) else sums
            previous = target.get(code)
            target[code] = line.quantity if previous is None else previous + line.quantity
        for index, commitment in enumerate(submission.commitments):
            if plans[commitment.measure] is None:
                issues.append(
                    _unknown(["commitments", index, "measure"], commitment.measure, catalogue)
                )
        buckets: dict[tuple[str, str], list[Decimal]] = {}
        grosses: dict[int, Decimal] = {}
        for code, quantity in sums.items():
            plan = plans[code]
            assert plan is not None
            if not plan.valued:
                continue
            if plan.currency != currency:
                issues.append(_currency_issue(plan, currency))
                continue
            gross = quantity * plan.proxy
            previous = grosses.get(plan.group)
            grosses[plan.group] = gross if previous is None else previous + gross
        groups = plans.groups
        for group, gross in grosses.items():
            bucket, net_factor, undiscounted_factor, present_factor = groups[group]
            net = gross * net_factor
            undiscounted = gross * undiscounted_factor
            present = gross * present_factor
            figures = buckets.get(bucket)
            if figures is None:
                buckets[bucket] = [gross, net, undiscounted, present]
            else:
                figures[0] += gross
                figures[1] += net
                figures[2] += undiscounted
                figures[3] += present
        for code, quantity in excluded.items():
            plan = plans[code]
            assert plan is not None
            if not plan.valued:
                continue
            if plan.currency != currency:
                issues.append(_currency_issue(plan, currency))
                continue
            figures = buckets.setdefault(plan.bucket, [_ZERO, _ZERO, _ZERO, _ZERO])
            figures[0] += quantity * plan.proxy
        if issues:
            return None, issues
        totals = [_ZERO, _ZERO, _ZERO, _ZERO]
        for figures in buckets.values():
            totals[0] += figures[0]
            totals[1] += figures[1]
            totals[2] += figures[2]
            totals[3] += figures[3]
    if totals[0] >= _LIMIT:
        return None, [
            Issue.at(
                ["lines"],
                "score.too_large",
                f"the gross value of these lines is {totals[0]:.2E}, over the largest amount"
                f" this library holds (10**{MAX_INTEGER_DIGITS}); check the quantities",
            )
        ]
    grand = (totals[0], totals[1], totals[2], totals[3])
    return _State(currency, sums, excluded, buckets, grand), []


def _unknown(steps: list[str | int], code: str, catalogue: MeasureCatalogue) -> Issue:
    return Issue.at(
        steps,
        "score.unknown_measure",
        f"measure {code!r} is not in catalogue {catalogue.id!r} (version {catalogue.version})",
    )


def _currency_issue(plan: _Plan, currency: str) -> Issue:
    return Issue.at(
        ["spend", "currency"],
        "score.currency_mismatch",
        f"spend is in {currency} but measure {plan.measure.code}'s proxy value is in"
        f" {plan.currency}; this library never converts currencies",
    )


def check_submission(
    submission: ReviewSubmission,
    catalogue: MeasureCatalogue,
    method: ScoringMethod | None = None,
) -> tuple[Issue, ...]:
    """Every problem that stops ``submission`` being scored against ``catalogue``.

    Returns the issues (sorted by path) rather than raising; an empty tuple means
    :func:`score` will succeed.
    """
    _, issues = _aggregate(submission, catalogue, method or _DEFAULT_METHOD)
    return tuple(sorted(issues, key=Issue.sort_key))


_DEFAULT_METHOD: Final = ScoringMethod()


def score(
    submission: ReviewSubmission,
    catalogue: MeasureCatalogue,
    method: ScoringMethod | None = None,
) -> ScoreReport:
    """Score a Review submission against a measure catalogue.

    Raises :class:`~socialvalue.errors.InvalidDocument` (kind ``review-submission``)
    carrying *every* issue :func:`check_submission` finds.

    >>> from datetime import date
    >>> from socialvalue import Money, Period
    >>> from socialvalue.catalogues import default_catalogue
    >>> from socialvalue.submissions import Declaration
    >>> submission = ReviewSubmission(
    ...     "100234", ("C-1",), Period(date(2025, 4, 1), date(2026, 3, 31)), Money("60000"),
    ...     [ReportedLine("GM-VOLUNTEER-HOURS", Decimal("120")),
    ...      ReportedLine("GM-EXPERT-HOURS", Decimal("10")),
    ...      ReportedLine("GM-JOBS-LOCAL", Decimal("3.5"))],
    ...     Declaration("A. Smith", "Director", date(2026, 4, 20)),
    ... )
    >>> report = score(submission, default_catalogue())
    >>> report.present_value.format(), report.ratio.text
    ('£3,041.60', '£0.05 per £1 of spend (5.1%)')
    >>> [count.text for count in report.counts]
    ['3.5 FTE']
    """
    method = method or _DEFAULT_METHOD
    state, issues = _aggregate(submission, catalogue, method)
    if state is None:
        raise InvalidDocument(issues, kind="review-submission")
    return ScoreReport(submission, catalogue, method, state)


@attrs.frozen
class ScoreReport:
    """A scored submission: totals, breakdowns, counts, delivery and lines.

    Every figure is exact ``Money``; round only to present. The by-priority
    breakdown attributes each measure to its primary priority, so it sums exactly
    to the totals, as does the by-kind breakdown (local economic value apart from
    other social value).
    """

    submission: ReviewSubmission = attrs.field(repr=False)
    catalogue: MeasureCatalogue = attrs.field(repr=False)
    method: ScoringMethod = attrs.field(repr=False)
    _state: _State = attrs.field(repr=False, alias="state")
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @property
    def supplier_id(self) -> str:
        """The reporting supplier."""
        return self.submission.supplier_id

    @property
    def period(self) -> Period:
        """The reporting period."""
        return self.submission.period

    @property
    def spend(self) -> Money:
        """Spend with the supplier in the period."""
        return self.submission.spend

    def _money(self, amount: Decimal) -> Money:
        return Money(amount, self._state.currency)

    @property
    def gross(self) -> Money:
        """Σ quantity × proxy over valued lines (excluded non-local lines included)."""
        return self._money(self._state.totals[0])

    @property
    def net(self) -> Money:
        """Gross after deadweight, displacement, attribution and leakage (first year)."""
        return self._money(self._state.totals[1])

    @property
    def undiscounted(self) -> Money:
        """Net value over each outcome's duration, with drop-off, before discounting."""
        return self._money(self._state.totals[2])

    @property
    def present_value(self) -> Money:
        """The undiscounted value discounted to the reporting year (Green Book)."""
        return self._money(self._state.totals[3])

    @property
    def totals(self) -> ValueTotals:
        """All four total figures."""
        return _totals(self._state.totals, self._state.currency)

    @property
    def by_priority(self) -> dict[str, ValueTotals]:
        """Totals by priority code (each measure's primary priority), sorted by code."""
        grouped: dict[str, list[Decimal]] = {}
        with decimal.localcontext(_CONTEXT):
            for (priority, _), figures in sorted(self._state.buckets.items(), key=_bucket_key):
                into = grouped.setdefault(priority, [_ZERO, _ZERO, _ZERO, _ZERO])
                for position, amount in enumerate(figures):
                    into[position] += amount
        return {code: _totals(f, self._state.currency) for code, f in grouped.items()}

    @property
    def by_kind(self) -> dict[MeasureKind, ValueTotals]:
        """Totals of local economic value and of other social value (both always present)."""
        grouped = {kind: [_ZERO, _ZERO, _ZERO, _ZERO] for kind in _VALUED_KINDS}
        with decimal.localcontext(_CONTEXT):
            for (_, kind), figures in self._state.buckets.items():
                for position, amount in enumerate(figures):
                    grouped[MeasureKind(kind)][position] += amount
        return {kind: _totals(f, self._state.currency) for kind, f in grouped.items()}

    def _counts(self, sums: Mapping[str, Decimal], valued: bool) -> tuple[MeasureCount, ...]:
        found = []
        for code in sorted(sums):
            measure = self.catalogue.measure(code)
            if valued or measure.proxy is None:
                found.append(MeasureCount(code, measure.title, measure.unit, sums[code]))
        return tuple(found)

    @property
    def counts(self) -> tuple[MeasureCount, ...]:
        """Record-only measures: summed quantities by measure code (no £ value)."""
        return self._counts(self._state.sums, valued=False)

    @property
    def excluded(self) -> tuple[MeasureCount, ...]:
        """Quantities left out as not local, by measure code."""
        return self._counts(self._state.excluded, valued=True)

    @property
    def delivery(self) -> tuple[Delivery, ...]:
        """Delivery against each commitment, in the submission's order."""
        found = []
        for target in self.submission.commitments:
            measure = self.catalogue.measure(target.measure)
            delivered = self._state.sums.get(target.measure, _ZERO)
            committed = target.quantity
            ratio = _RATIO.divide(delivered, committed) if committed else None
            shortfall = max(committed - delivered, _ZERO)
            found.append(
                Delivery(target.measure, measure.unit, committed, delivered, ratio, shortfall)
            )
        return tuple(found)

    @property
    def ratio(self) -> SocialValueRatio:
        """Value (on the method's ``ratio_basis``) per £1 of spend and as % of spend."""
        basis = self.method.ratio_basis
        value = self.totals.figure(basis)
        spend = self.submission.spend
        if not spend.amount:
            return SocialValueRatio(basis, value, spend, None, None)
        per_pound = _RATIO.divide(value.amount, spend.amount)
        percent = _RATIO.multiply(per_pound, _HUNDRED)
        return SocialValueRatio(basis, value, spend, per_pound, percent)

    @property
    def lines(self) -> tuple[ScoredLine, ...]:
        """Every reported line, scored, in the submission's order (built on first read)."""
        cached = self._cache.get("lines")
        if cached is None:
            cached = self._cache["lines"] = tuple(self._scored_lines())
        result: tuple[ScoredLine, ...] = cached
        return result

    def _scored_lines(self) -> Iterable[ScoredLine]:
        plans = _plans(self.catalogue, self.method)
        exclude = self.method.exclude_non_local
        currency = self._state.currency
        schedule = self.method.discounting
        with decimal.localcontext(_CONTEXT):
            for index, line in enumerate(self.submission.lines):
                plan = plans[line.measure]
                assert plan is not None
                if not plan.valued:
                    yield ScoredLine(
                        index, line, plan.measure, None, False,
                        None, None, None, None, None, None, schedule,
                    )  # fmt: skip
                    continue
                quantity = line.quantity
                gross = Money(quantity * plan.proxy, currency)
                if line.local is False and exclude:
                    nothing = Money(_ZERO, currency)
                    yield ScoredLine(
                        index, line, plan.measure, plan.adjustments, True,
                        gross, nothing, nothing, nothing, None, None, schedule,
                    )  # fmt: skip
                    continue
                yield ScoredLine(
                    index,
                    line,
                    plan.measure,
                    plan.adjustments,
                    False,
                    gross,
                    Money(quantity * plan.net_unit, currency),
                    Money(quantity * plan.undiscounted_unit, currency),
                    Money(quantity * plan.present_unit, currency),
                    plan.undiscounted_factor,
                    plan.present_factor,
                    schedule,
                )

    @property
    def explanation(self) -> str:
        """A plain-English summary of the score.

        The ratio's basis is named: "… per £1 of spend (4.5%) on present value."
        """
        sub = self.submission
        parts = [
            f"Supplier {sub.supplier_id}, {sub.period.label}: {len(sub.lines)} lines scored"
            f" against {self.catalogue.id} {self.catalogue.version}.",
            f"Gross {self.gross.format()}, net {self.net.format()},"
            f" present value {self.present_value.format()}; {self.ratio.text}"
            f" on {self.method.ratio_basis.value.replace('-', ' ')}.",
        ]
        counts = self.counts
        if counts:
            parts.append(
                "Recorded without a £ value: "
                + ", ".join(f"{c.text} ({c.measure})" for c in counts)
                + "."
            )
        short = [d for d in self.delivery if not d.met]
        if self.delivery:
            parts.append(
                f"{len(self.delivery) - len(short)} of {len(self.delivery)} commitments met"
                + (
                    "; short: "
                    + ", ".join(f"{d.measure} by {d.shortfall.normalize():f}" for d in short)
                    if short
                    else ""
                )
                + "."
            )
        return " ".join(parts)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per line (amounts as ``Decimal``), ready for ``pandas.DataFrame``."""
        base = {
            "supplier_id": self.submission.supplier_id,
            "period_start": self.submission.period.start,
            "period_end": self.submission.period.end,
        }
        return [{**base, **line.to_record()} for line in self.lines]

    def breakdown_records(self) -> list[dict[str, Any]]:
        """Totals, by priority and by kind, one flat dict per row."""
        rows: list[tuple[str, str, ValueTotals]] = [("total", "all", self.totals)]
        rows += [("priority", code, t) for code, t in self.by_priority.items()]
        rows += [("kind", kind.value, t) for kind, t in self.by_kind.items()]
        return [
            {
                "supplier_id": self.submission.supplier_id,
                "group": group,
                "key": key,
                "gross": t.gross.amount,
                "net": t.net.amount,
                "undiscounted": t.undiscounted.amount,
                "present_value": t.present_value.amount,
            }
            for group, key, t in rows
        ]

    def _repr_html_(self) -> str:
        escape = html.escape
        head = "<tr><th>group</th><th>key</th><th>gross</th><th>net</th><th>present value</th></tr>"
        body = "".join(
            f"<tr><td>{escape(r['group'])}</td><td>{escape(r['key'])}</td>"
            f"<td>{Money(r['gross'], self._state.currency).format()}</td>"
            f"<td>{Money(r['net'], self._state.currency).format()}</td>"
            f"<td>{Money(r['present_value'], self._state.currency).format()}</td></tr>"
            for r in self.breakdown_records()
        )
        lines = "".join(
            f"<tr><td>{line.index}</td><td>{escape(line.measure.code)}</td>"
            f"<td>{escape(line.derivation)}</td></tr>"
            for line in self.lines
        )
        return (
            f"<div><p>{escape(self.explanation)}</p>"
            f"<table>{head}{body}</table>"
            f"<table><tr><th>line</th><th>measure</th><th>derivation</th></tr>{lines}</table>"
            "</div>"
        )


def _bucket_key(item: tuple[tuple[str, str], Any]) -> tuple[str, str]:
    key: tuple[str, str] = item[0]
    return key
