"""Evaluate a tender: score bids against an evaluation model, rank them and explain why.

:func:`evaluate` takes an :class:`~socialvalue.tender.criteria.EvaluationModel` and the
tender's :class:`Bid` s and returns an :class:`EvaluationResult` that shows, per
bid and criterion, the raw mark, the weighted score and the reason; the
exclusions; the ranking with the tie rule that decided it; and the winning bid's
social value commitments as :class:`ContractKpi` s.

The order of work, as a panel does it:

1. **Check the marks.** Every marked criterion needs one mark per bid, on the
   model's scale; all problems are reported at once.
2. **Pass marks.** A bid marked below a criterion's pass mark is excluded, with the
   reason. Excluded bids keep their marks in the result but get no price score,
   total or rank, and neither set the lowest price nor the best offer.
3. **Score.** Marked criteria earn weight × points ÷ top points; price earns
   weight × the price method's fraction (:mod:`socialvalue.tender.pricing`); a
   quantitative social value criterion earns weight × this bid's £ offer ÷ the
   best compliant offer. Each score is rounded half-up to the model's ``places``
   and the total is the sum of the rounded scores.
4. **Rank.** Higher total first; equal totals by the model's tie breaks, then by
   supplier id, so the ranking is a total order and does not depend on the order
   the bids were given in.
5. **KPIs.** The winner's commitments become contract KPIs, the targets that a
   Social Value Review's delivery is later compared against (PPN 06/20: the
   winning bid's reporting metrics become contract KPIs).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import CONTEXT, half_up, in_library_context, library_context_methods
from socialvalue._records import html_grid, records_frame
from socialvalue._typed import typed_fields
from socialvalue.money import Money
from socialvalue.targets import MeasureTarget
from socialvalue.tender.bids import Bid, Mark, ProxyCatalogue, check_bids, offer_value, price_offers
from socialvalue.tender.criteria import (
    Criterion,
    CriterionKind,
    EvaluationModel,
    ScoreBasis,
    TieBreak,
)
from socialvalue.tender.pricing import price_fraction

__all__ = ["BidResult", "ContractKpi", "CriterionScore", "EvaluationResult", "evaluate"]

_ZERO: Final = Decimal(0)
_FRACTION_PLACES: Final = 6


def _weigh(weight: Decimal, fraction: Decimal, places: int) -> Decimal:
    return half_up(CONTEXT.multiply(weight, fraction), places)


@attrs.frozen(field_transformer=typed_fields)
class CriterionScore:
    """One bid's score on one criterion: raw mark, share of weight, weighted score, reason.

    ``mark`` and ``label`` are the panel's mark and its band (marked criteria only);
    ``fraction`` is the share of the weight earned, to 6 places; ``score`` is
    weight × fraction rounded to the model's places.
    """

    criterion: str
    kind: CriterionKind
    weight: Decimal
    fraction: Decimal
    score: Decimal
    reason: str
    mark: Decimal | None = None
    label: str | None = None


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class BidResult:
    """How one bid fared: its scores, total, rank, exclusions and any tie note.

    ``total`` and ``rank`` are ``None`` for an excluded bid; ``exclusions`` then
    says why. ``tie_note`` explains the order of bids with equal totals.
    ``offer`` is the £ social value the bid's commitments are worth, when the
    evaluation had a measure catalogue.
    """

    bid: Bid
    scores: tuple[CriterionScore, ...]
    total: Decimal | None
    rank: int | None
    exclusions: tuple[str, ...] = ()
    tie_note: str | None = None
    offer: Money | None = None

    @property
    def supplier_id(self) -> str:
        """The bidding supplier's id."""
        return self.bid.supplier_id

    @property
    def excluded(self) -> bool:
        """Whether the bid failed a pass mark."""
        return bool(self.exclusions)

    @typed_arguments
    def score_of(self, kind: CriterionKind) -> Decimal:
        """The sum of this bid's scores on criteria of ``kind``."""
        # Scores are bounded, so 40 digits add them exactly, whatever the caller's context.
        return functools.reduce(
            CONTEXT.add, (s.score for s in self.scores if s.kind is kind), _ZERO
        )

    @property
    def social_value_score(self) -> Decimal:
        """The sum of this bid's social value scores."""
        return self.score_of(CriterionKind.SOCIAL_VALUE)


@attrs.frozen(field_transformer=typed_fields)
class ContractKpi:
    """A contract KPI from the winning bid: a target quantity of one review measure.

    ``value`` is the target's £ social value (quantity × proxy) when the evaluation
    had a catalogue. :meth:`as_target` gives the :class:`~socialvalue.MeasureTarget`
    that a Review's delivery comparison uses.
    """

    supplier_id: str
    measure: str
    target: Decimal
    value: Money | None = None

    def as_target(self) -> MeasureTarget:
        """This KPI as a :class:`~socialvalue.MeasureTarget`."""
        return MeasureTarget(self.measure, self.target)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class EvaluationResult:
    """The outcome of a tender evaluation.

    ``bids`` holds one :class:`BidResult` per bid: ranked bids first in rank order,
    then excluded bids by supplier id. ``kpis`` are the winner's commitments as
    contract KPIs; ``explanation`` says in plain English who won and why.
    """

    model: EvaluationModel
    bids: tuple[BidResult, ...]
    kpis: tuple[ContractKpi, ...]
    explanation: str

    @property
    def ranking(self) -> tuple[BidResult, ...]:
        """The bids still in the competition, best first."""
        return tuple(b for b in self.bids if b.rank is not None)

    @property
    def excluded(self) -> tuple[BidResult, ...]:
        """The bids excluded by a pass mark."""
        return tuple(b for b in self.bids if b.rank is None)

    @property
    def winner(self) -> BidResult | None:
        """The top-ranked bid, or ``None`` when every bid was excluded."""
        ranking = self.ranking
        return ranking[0] if ranking else None

    @property
    def kpi_targets(self) -> tuple[MeasureTarget, ...]:
        """The winner's KPIs as targets: a Review submission's ``commitments``."""
        return tuple(kpi.as_target() for kpi in self.kpis)

    @typed_arguments
    def result_for(self, supplier_id: str) -> BidResult:
        """The result of the bid from ``supplier_id``; ``KeyError`` if there is none."""
        for result in self.bids:
            if result.supplier_id == supplier_id:
                return result
        raise KeyError(supplier_id)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per bid, ready for ``pandas.DataFrame``."""
        return [
            {
                "supplier_id": b.supplier_id,
                "new_supplier": b.bid.new_supplier,
                "price": b.bid.price.amount,
                "currency": b.bid.price.currency,
                "price_score": None if b.rank is None else b.score_of(CriterionKind.PRICE),
                "quality_score": b.score_of(CriterionKind.QUALITY),
                "social_value_score": b.social_value_score,
                "offer": None if b.offer is None else b.offer.amount,
                "total": b.total,
                "rank": b.rank,
                "excluded": b.excluded,
                "exclusions": "; ".join(b.exclusions) or None,
                "tie_note": b.tie_note,
            }
            for b in self.bids
        ]

    def score_records(self) -> list[dict[str, Any]]:
        """One flat row per bid and criterion: raw mark, weighted score and reason."""
        return [
            {
                "supplier_id": b.supplier_id,
                "criterion": s.criterion,
                "kind": s.kind.value,
                "weight": s.weight,
                "mark": s.mark,
                "label": s.label,
                "fraction": s.fraction,
                "score": s.score,
                "reason": s.reason,
            }
            for b in self.bids
            for s in b.scores
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        criteria = [c.id for c in self.model.criteria]
        rows = []
        for b in self.bids:
            by_id = {s.criterion: s.score for s in b.scores}
            rows.append(
                [
                    b.rank if b.rank is not None else "excluded",
                    b.supplier_id,
                    b.bid.price,
                    *(by_id.get(c) for c in criteria),
                    b.total,
                    "; ".join(b.exclusions) or b.tie_note,
                ]
            )
        headers = ["rank", "supplier", "price", *criteria, "total", "note"]
        return html_grid(headers, rows, caption=self.explanation)


def _marked_score(model: EvaluationModel, criterion: Criterion, mark: Mark) -> CriterionScore:
    band = model.scale.band(mark.points)
    fraction = model.scale.fraction(mark.points)
    score = _weigh(criterion.weight, fraction, model.places)
    said = f": {mark.reason}" if mark.reason else ""
    return CriterionScore(
        criterion.id,
        criterion.kind,
        criterion.weight,
        half_up(fraction, _FRACTION_PLACES),
        score,
        f"{band.label} ({mark.points} of {model.scale.top}) × {criterion.weight}% = {score}{said}",
        mark.points,
        band.label,
    )


def _exclusions(model: EvaluationModel, bid: Bid) -> tuple[str, ...]:
    reasons = []
    for criterion in model.criteria:
        mark = bid.mark_for(criterion.id)
        if (
            criterion.pass_mark is not None
            and mark is not None
            and mark.points < criterion.pass_mark
        ):
            band = model.scale.band(mark.points)
            reasons.append(
                f"marked {mark.points} ({band.label}) on {criterion.id} {criterion.title},"
                f" under its pass mark of {criterion.pass_mark}"
            )
    return tuple(reasons)


@attrs.frozen(field_transformer=typed_fields)
class _Pool:
    """What relative scores are relative to: the bids that passed every pass mark."""

    lowest: Money | None
    best: Money | None

    @classmethod
    def of(cls, pool: Sequence[tuple[Bid, Money | None]]) -> _Pool:
        offers = [o for _, o in pool if o is not None]
        return cls(min((b.price for b, _ in pool), default=None), max(offers, default=None))


def _relative_score(
    model: EvaluationModel, criterion: Criterion, bid: Bid, pool: _Pool, offer: Money | None
) -> CriterionScore:
    if criterion.basis is ScoreBasis.PRICE:
        assert pool.lowest is not None  # only bids in the pool are scored on price
        fraction, how = price_fraction(model.price_method, bid.price, pool.lowest, model.budget)
    else:
        # price_offers() insists on a catalogue for offer criteria
        assert offer is not None
        assert pool.best is not None
        best = pool.best
        if best.amount > 0:
            fraction = CONTEXT.divide(offer.amount, best.amount)
            how = f"this offer {offer} ÷ best offer {best}"
        else:
            fraction = _ZERO
            how = "no compliant bid offers social value with a proxy value, so"
    score = _weigh(criterion.weight, fraction, model.places)
    return CriterionScore(
        criterion.id,
        criterion.kind,
        criterion.weight,
        half_up(fraction, _FRACTION_PLACES),
        score,
        f"{how} = {half_up(fraction, _FRACTION_PLACES)} × {criterion.weight}% = {score}",
    )


def _order_key(model: EvaluationModel, result: BidResult) -> tuple[Any, ...]:
    assert result.total is not None
    keys: list[Any] = [-result.total]
    for rule in model.tie_breaks:
        if rule is TieBreak.SOCIAL_VALUE:
            keys.append(-result.social_value_score)
        elif rule is TieBreak.QUALITY:
            keys.append(-result.score_of(CriterionKind.QUALITY))
        else:
            keys.append(result.bid.price.amount)
    keys.append(result.supplier_id)
    return tuple(keys)


_TIE_WORDS: Final[dict[TieBreak, tuple[str, Callable[[BidResult], object]]]] = {
    TieBreak.SOCIAL_VALUE: ("higher social value score", lambda r: r.social_value_score),
    TieBreak.QUALITY: ("higher quality score", lambda r: r.score_of(CriterionKind.QUALITY)),
    TieBreak.PRICE: ("lower price", lambda r: r.bid.price),
}


def _decider(model: EvaluationModel, above: BidResult, below: BidResult) -> str:
    for rule in model.tie_breaks:
        words, value = _TIE_WORDS[rule]
        if value(above) != value(below):
            return (
                f"{above.supplier_id} above {below.supplier_id} by {words}"
                f" ({value(above)} against {value(below)})"
            )
    return f"{above.supplier_id} above {below.supplier_id} by supplier id (the last tie rule)"


def _tie_notes(model: EvaluationModel, ranked: list[BidResult]) -> list[BidResult]:
    groups: dict[Decimal, list[BidResult]] = {}
    for result in ranked:
        assert result.total is not None
        groups.setdefault(result.total, []).append(result)
    noted = []
    for result in ranked:
        assert result.total is not None
        group = groups[result.total]
        if len(group) == 1:
            noted.append(result)
            continue
        steps = "; ".join(_decider(model, a, b) for a, b in itertools.pairwise(group))
        names = ", ".join(r.supplier_id for r in group)
        note = f"{names} tie on {result.total}: {steps}"
        noted.append(attrs.evolve(result, tie_note=note))
    return noted


def _explain(model: EvaluationModel, ranked: list[BidResult], excluded: list[BidResult]) -> str:
    count = len(ranked) + len(excluded)
    parts = [f"{model.title}: {count} bid{'s' if count != 1 else ''} evaluated"]
    if excluded:
        reasons = "; ".join(f"{r.supplier_id} ({', '.join(r.exclusions)})" for r in excluded)
        parts.append(f"{len(excluded)} excluded: {reasons}")
    if ranked:
        top = ranked[0]
        won = f"{top.supplier_id} wins with {top.total} of 100"
        parts.append(f"{won}, after a tie ({top.tie_note})" if top.tie_note else won)
    else:
        parts.append("no bid passed every pass mark, so there is no winner")
    return ". ".join(parts) + "."


@in_library_context
@typed_arguments
def evaluate(
    model: EvaluationModel, bids: Sequence[Bid], *, catalogue: ProxyCatalogue | None = None
) -> EvaluationResult:
    """Score ``bids`` against ``model``, rank them and explain the result.

    ``catalogue`` (a measure catalogue such as
    ``socialvalue.review.gm_catalogue.default_catalogue()``) prices each bid's commitments;
    it is required when the model has a criterion scored on the £ offer.

    Raises :class:`~socialvalue.errors.InvalidDocument` listing every problem with
    the bids at once (a missing mark, a mark not on the scale, a mark for an
    unknown criterion, a supplier bidding twice, several currencies, a measure the
    catalogue does not hold), with paths such as ``$[2].marks[0].points``.
    """
    bids = tuple(bids)
    check_bids(model, bids)
    offers = price_offers(model, bids, catalogue)
    exclusions = [_exclusions(model, bid) for bid in bids]
    pool = _Pool.of([(b, o) for b, o, e in zip(bids, offers, exclusions, strict=True) if not e])
    ranked: list[BidResult] = []
    excluded: list[BidResult] = []
    for bid, offer, reasons in zip(bids, offers, exclusions, strict=True):
        scores = []
        for criterion in model.criteria:
            mark = bid.mark_for(criterion.id)
            if mark is not None:
                scores.append(_marked_score(model, criterion, mark))
            elif not reasons:
                scores.append(_relative_score(model, criterion, bid, pool, offer))
        if reasons:
            excluded.append(BidResult(bid, tuple(scores), None, None, reasons, offer=offer))
        else:
            total = sum((s.score for s in scores), _ZERO)
            ranked.append(BidResult(bid, tuple(scores), total, None, offer=offer))
    ranked.sort(key=lambda r: _order_key(model, r))
    ranked = [attrs.evolve(r, rank=n) for n, r in enumerate(ranked, 1)]
    ranked = _tie_notes(model, ranked)
    excluded.sort(key=lambda r: r.supplier_id)
    winner = ranked[0] if ranked else None
    kpis = () if winner is None else _kpis(winner, catalogue)
    return EvaluationResult(model, (*ranked, *excluded), kpis, _explain(model, ranked, excluded))


def _kpis(winner: BidResult, catalogue: ProxyCatalogue | None) -> tuple[ContractKpi, ...]:
    kpis = []
    for target in winner.bid.commitments:
        value = None
        if catalogue is not None:
            value = offer_value((target,), catalogue)
        kpis.append(ContractKpi(winner.supplier_id, target.measure, target.quantity, value))
    return tuple(kpis)
