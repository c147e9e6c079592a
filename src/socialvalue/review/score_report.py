"""What scoring returns: a :class:`ScoreReport`.

A report explains itself: totals (gross, net, undiscounted, present value), the
breakdowns by priority and by kind, record-only counts, delivery against
commitments, the social value ratio (those values are in :mod:`.score_figures`),
and each line with its derivation (:mod:`.scored_lines`). Figures are
computed by :func:`socialvalue.review.scoring.score`; ``Money`` wrappers, line objects and
derivation text are built when first read. ``to_records()`` gives flat rows for
``pandas.DataFrame`` and ``_repr_html_()`` a table for notebooks.
"""

from __future__ import annotations

import decimal
import html
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from socialvalue._numbers import library_context_methods
from socialvalue._records import records_frame
from socialvalue._typed import filler, typed_fields
from socialvalue.money import MAX_INTEGER_DIGITS, Money
from socialvalue.periods import Period
from socialvalue.review.measures import (
    MeasureCatalogue,
    MeasureKind,
)
from socialvalue.review.method import EXACT, ScoringMethod, ValueBasis, _plans
from socialvalue.review.score_figures import (
    _RATIO,
    Delivery,
    MeasureCount,
    SocialValueRatio,
    ValueTotals,
    _bounded,
    _totals,
)
from socialvalue.review.scored_lines import ScoredLine
from socialvalue.review.submissions import ReviewSubmission

__all__ = ["ScoreReport"]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
_VALUED_KINDS: Final = (MeasureKind.LOCAL_ECONOMIC, MeasureKind.SOCIAL)
_VALUED_VALUES: Final = tuple(kind.value for kind in _VALUED_KINDS)
_NOTHING: Final = (_ZERO, _ZERO, _ZERO, _ZERO)
_LIMIT: Final = Decimal(10) ** MAX_INTEGER_DIGITS
_POSITION: Final = {
    ValueBasis.GROSS: 0,
    ValueBasis.NET: 1,
    ValueBasis.UNDISCOUNTED: 2,
    ValueBasis.PRESENT_VALUE: 3,
}
# Constructors of checked values (see _typed.filler), made once, not looked up a row.
_count: Final[Callable[..., MeasureCount]] = filler(MeasureCount)
_delivery: Final[Callable[..., Delivery]] = filler(Delivery)
_ratio: Final[Callable[..., SocialValueRatio]] = filler(SocialValueRatio)


class _State(NamedTuple):
    """The figures :func:`score` computes eagerly (a tuple: cheap to build)."""

    currency: str
    sums: dict[str, Decimal]
    excluded: dict[str, Decimal]
    buckets: dict[tuple[str, str], list[Decimal]]
    totals: tuple[Decimal, Decimal, Decimal, Decimal]


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
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

    def __repr__(self) -> str:
        # The inputs are long; what a reader at a prompt wants is whose score and what.
        return (
            f"<ScoreReport supplier {self.supplier_id}, {self.period.label}:"
            f" {len(self.submission.lines)} line{'' if len(self.submission.lines) == 1 else 's'},"
            f" present value {self.present_value.format(self.method.rounding)}>"
        )

    def __str__(self) -> str:
        return self.explanation

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

    def _money(self, position: int) -> Money:
        """Total figure ``position``: from the cached ``totals`` when all four are bounded.

        Otherwise each is checked on its own, so that reading one figure within
        Money's bounds never fails for another figure that is not.
        """
        cached: ValueTotals | None = self._cache.get("totals")
        if cached is None and self._parts() is _bounded:
            cached = self.totals
        if cached is not None:
            return (cached.gross, cached.net, cached.undiscounted, cached.present_value)[position]
        return Money._computed(self._state.totals[position], self._state.currency)

    @property
    def gross(self) -> Money:
        """Σ quantity × proxy over valued lines (excluded non-local lines included)."""
        return self._money(0)

    @property
    def net(self) -> Money:
        """Gross after deadweight, displacement, attribution and leakage (first year)."""
        return self._money(1)

    @property
    def undiscounted(self) -> Money:
        """Net value over each outcome's duration, with drop-off, before discounting."""
        return self._money(2)

    @property
    def present_value(self) -> Money:
        """The undiscounted value discounted to the reporting year (Green Book)."""
        return self._money(3)

    @property
    def totals(self) -> ValueTotals:
        """All four total figures."""
        cached: ValueTotals | None = self._cache.get("totals")
        if cached is None:
            cached = self._cache["totals"] = _totals(self._state.totals, self._state.currency)
        return cached

    def _parts(self) -> Callable[[Decimal, str], Money]:
        """How to make the Money of a priority's or a kind's totals.

        Quantities, proxy values and every factor are never negative, so each figure
        of a part (a priority, a kind) is at most the report's total of that figure:
        when the totals are within Money's bounds, so is every part, and checking the
        magnitude of each part's amounts again would find nothing.
        """
        found: Callable[[Decimal, str], Money] | None = self._cache.get("parts")
        if found is None:
            totals = self._state.totals
            bounded = min(totals) >= 0 and max(totals) < _LIMIT
            found = self._cache["parts"] = _bounded if bounded else Money._computed
        return found

    @property
    def by_priority(self) -> dict[str, ValueTotals]:
        """Totals by priority code (each measure's primary priority), sorted by code."""
        grouped: dict[str, tuple[Decimal, Decimal, Decimal, Decimal]] = {}
        buckets = self._state.buckets
        with decimal.localcontext(EXACT):
            # Bucket keys are unique (priority, kind) pairs: sorting the keys sorts
            # by priority, then kind. Each sum starts from zero, as it always has.
            for key in sorted(buckets):
                gross, net, undiscounted, present = buckets[key]
                was = grouped.get(key[0], _NOTHING)
                grouped[key[0]] = (
                    was[0] + gross,
                    was[1] + net,
                    was[2] + undiscounted,
                    was[3] + present,
                )
        currency, money = self._state.currency, self._parts()
        return {code: _totals(f, currency, money) for code, f in grouped.items()}

    @property
    def by_kind(self) -> dict[MeasureKind, ValueTotals]:
        """Totals of local economic value and of other social value (both always present)."""
        # Keyed by the kinds' values: strings hash in C, enum members in Python.
        grouped = dict.fromkeys(_VALUED_VALUES, _NOTHING)
        with decimal.localcontext(EXACT):
            for (_, kind), (gross, net, undiscounted, present) in self._state.buckets.items():
                was = grouped[kind]
                grouped[kind] = (
                    was[0] + gross,
                    was[1] + net,
                    was[2] + undiscounted,
                    was[3] + present,
                )
        currency, money = self._state.currency, self._parts()
        return {kind: _totals(grouped[kind.value], currency, money) for kind in _VALUED_KINDS}

    def _counts(self, sums: Mapping[str, Decimal], valued: bool) -> tuple[MeasureCount, ...]:
        found = []
        measures = self.catalogue._by_code  # every code was found there when scoring
        for code in sorted(sums):
            measure = measures[code]
            if valued or measure.proxy is None:
                count = _count(  # fields of checked values
                    measure=code,
                    title=measure.title,
                    unit=measure.unit,
                    quantity=sums[code],
                )
                found.append(count)
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
            measure = self.catalogue._by_code[target.measure]  # found when scoring
            delivered = self._state.sums.get(target.measure, _ZERO)
            committed = target.quantity
            ratio = _RATIO.divide(delivered, committed) if committed else None
            shortfall = max(_RATIO.subtract(committed, delivered), _ZERO)
            delivery = _delivery(  # fields of checked values
                measure=target.measure,
                unit=measure.unit,
                committed=committed,
                delivered=delivered,
                ratio=ratio,
                shortfall=shortfall,
            )
            found.append(delivery)
        return tuple(found)

    @property
    def ratio(self) -> SocialValueRatio:
        """Value (on the method's ``ratio_basis``) per £1 of spend and as % of spend."""
        basis = self.method.ratio_basis
        totals = self.totals
        value = (totals.gross, totals.net, totals.undiscounted, totals.present_value)[
            _POSITION[basis]
        ]
        spend = self.submission.spend
        per_pound = percent = None
        if spend.amount:
            per_pound = _RATIO.divide(value.amount, spend.amount)
            percent = _RATIO.multiply(per_pound, _HUNDRED)
        ratio = _ratio(  # fields of checked values
            basis=basis,
            value=value,
            spend=spend,
            per_pound=per_pound,
            percent=percent,
        )
        return ratio

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
        rounding = self.method.rounding
        with decimal.localcontext(EXACT):
            for index, line in enumerate(self.submission.lines):
                plan = plans[line.measure]
                assert plan is not None
                if not plan.valued:
                    yield ScoredLine(
                        index, line, plan.measure, None, False, None, currency, None, None,
                        schedule, rounding,
                    )  # fmt: skip
                    continue
                quantity = line.quantity
                gross = quantity * plan.proxy
                if line.local is False and exclude:
                    yield ScoredLine(
                        index, line, plan.measure, plan.adjustments, True,
                        (gross, _ZERO, _ZERO, _ZERO), currency, None, None, schedule, rounding,
                    )  # fmt: skip
                    continue
                figures = (
                    gross,
                    quantity * plan.net_unit,
                    quantity * plan.undiscounted_unit,
                    quantity * plan.present_unit,
                )
                yield ScoredLine(
                    index, line, plan.measure, plan.adjustments, False, figures, currency,
                    plan.undiscounted_factor, plan.present_factor, schedule, rounding,
                )  # fmt: skip

    @property
    def explanation(self) -> str:
        """A plain-English summary of the score, amounts rounded by the method's policy.

        The ratio's basis is named: "… per £1 of spend (4.5%) on present value."
        """
        rounding = self.method.rounding
        sub = self.submission
        parts = [
            f"Supplier {sub.supplier_id}, {sub.period.label}: {len(sub.lines)}"
            f" line{'' if len(sub.lines) == 1 else 's'} scored"
            f" against {self.catalogue.id} {self.catalogue.version}.",
            f"Gross {self.gross.format(rounding)}, net {self.net.format(rounding)},"
            f" present value {self.present_value.format(rounding)}; {self.ratio.text}"
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
            "period": self.submission.period.label,
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
                "period": self.submission.period.label,
                "group": group,
                "key": key,
                "gross": t.gross.amount,
                "net": t.net.amount,
                "undiscounted": t.undiscounted.amount,
                "present_value": t.present_value.amount,
            }
            for group, key, t in rows
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        escape = html.escape
        currency, rounding = self._state.currency, self.method.rounding
        head = "<tr><th>group</th><th>key</th><th>gross</th><th>net</th><th>present value</th></tr>"
        body = "".join(
            f"<tr><td>{escape(r['group'])}</td><td>{escape(r['key'])}</td>"
            f"<td>{Money._computed(r['gross'], currency).format(rounding)}</td>"
            f"<td>{Money._computed(r['net'], currency).format(rounding)}</td>"
            f"<td>{Money._computed(r['present_value'], currency).format(rounding)}</td></tr>"
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


#: :class:`ScoreReport` of checked values (see ``_typed.filler``).
_score_report: Final[Callable[..., ScoreReport]] = filler(ScoreReport)


def _report(
    submission: ReviewSubmission, catalogue: MeasureCatalogue, method: ScoringMethod, state: _State
) -> ScoreReport:
    """A :class:`ScoreReport` of arguments :func:`~socialvalue.score` has already checked.

    The attrs ``__init__`` would check the four fields' types again on every score.
    """
    report = _score_report(
        submission=submission,
        catalogue=catalogue,
        method=method,
        _state=state,
        _cache={},
    )
    return report


def _bucket_key(item: tuple[tuple[str, str], Any]) -> tuple[str, str]:
    key: tuple[str, str] = item[0]
    return key
