"""Bids: what a supplier offers in a tender, and the £ social value of its commitments.

A :class:`Bid` carries the supplier's id, whether the supplier is new to the
commissioner, its price, the panel's marks and its social value commitments
(targets per review measure). :func:`offer_value` prices commitments with a
measure catalogue's proxy values, for quantitative social value scoring;
:func:`check_bids` reports every way a tender's bids do not fit its evaluation model.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, DecimalRange, Items, Text
from socialvalue._numbers import in_library_context
from socialvalue._typed import typed_fields
from socialvalue.errors import InvalidDocument, Issue, RuleViolation
from socialvalue.money import Money
from socialvalue.review.targets import MeasureTarget
from socialvalue.tender.criteria import EvaluationModel, ScoreBasis

__all__ = ["Bid", "Mark", "ProxyCatalogue", "check_bids", "offer_value", "price_offers"]


def _marks(value: Iterable[Mark]) -> tuple[Mark, ...]:
    return tuple(value)


def _targets(value: Iterable[MeasureTarget]) -> tuple[MeasureTarget, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed_fields)
class Mark:
    """The panel's mark for one criterion of a bid, with the panel's reason."""

    criterion: str = attrs.field(validator=Code())
    points: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
    reason: str | None = attrs.field(
        default=None, validator=Text(2000, optional=True, multiline=True)
    )


@attrs.frozen(field_transformer=typed_fields)
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

    @typed_arguments
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


@in_library_context
@typed_arguments
def offer_value(commitments: Iterable[MeasureTarget], catalogue: ProxyCatalogue) -> Money:
    """The £ social value of ``commitments``: Σ quantity × the measure's proxy value.

    Record-only measures and measures without a proxy value add nothing: they are
    counted, never given a borrowed price. The result is in the proxies' currency
    (GBP when nothing is valued); proxies in two currencies are refused.
    """
    values = []
    for target in commitments:
        measure = catalogue.measure(target.measure)
        if measure.proxy is None or measure.kind.value == "record-only":
            continue
        values.append(measure.proxy.value * target.quantity)
    return sum(values[1:], values[0]) if values else Money.zero()


def check_bids(model: EvaluationModel, bids: Sequence[Bid]) -> None:
    """Raise :class:`InvalidDocument` with every way ``bids`` do not fit ``model``.

    One bid per supplier, prices above zero in one currency, one mark on the scale for every marked
    criterion and no mark for any other; paths are ``$[bid].marks[n].points``.
    """
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    marked = {c.id for c in model.criteria if c.basis is ScoreBasis.MARKS}
    currencies = {b.price.currency for b in bids}
    for index, bid in enumerate(bids):
        if bid.supplier_id in seen:
            issues.append(
                Issue.at(
                    [index, "supplier_id"],
                    "list.duplicate",
                    f"supplier {bid.supplier_id} already bid at index {seen[bid.supplier_id]};"
                    " a supplier has one bid per tender",
                )
            )
        seen.setdefault(bid.supplier_id, index)
        if bid.price.amount <= 0:
            issues.append(
                Issue.at(
                    [index, "price", "amount"],
                    "evaluation.bad_price",
                    f"a bid price must be above zero; got {bid.price}",
                )
            )
        if len(currencies) > 1:
            issues.append(
                Issue.at(
                    [index, "price", "currency"],
                    "money.currency_mismatch",
                    f"bids are in several currencies ({', '.join(sorted(currencies))});"
                    " convert them to one first",
                )
            )
        for number, mark in enumerate(bid.marks):
            if mark.criterion not in marked:
                issues.append(
                    Issue.at(
                        [index, "marks", number, "criterion"],
                        "evaluation.unknown_criterion",
                        f"{mark.criterion} is not a marked criterion of {model.id};"
                        f" marked criteria: {', '.join(sorted(marked)) or 'none'}",
                    )
                )
            elif mark.points not in model.scale:
                try:
                    model.scale.band(mark.points)
                except RuleViolation as exc:
                    issues.append(exc.issue([index, "marks", number, "points"]))
        for criterion in sorted(marked - {m.criterion for m in bid.marks}):
            issues.append(
                Issue.at(
                    [index, "marks"],
                    "evaluation.mark_missing",
                    f"bid from {bid.supplier_id} has no mark for criterion {criterion}",
                )
            )
    if issues:
        raise InvalidDocument(issues)


def price_offers(
    model: EvaluationModel, bids: Sequence[Bid], catalogue: ProxyCatalogue | None
) -> list[Money | None]:
    """The £ social value each bid offers, or ``None`` for each when there is no catalogue.

    Raises when the model scores offers but no catalogue is given, and
    :class:`InvalidDocument` for commitments to measures the catalogue lacks.
    """
    if catalogue is None:
        if any(c.basis is ScoreBasis.OFFER for c in model.criteria):
            raise RuleViolation(
                "evaluation.catalogue_missing",
                f"model {model.id} scores the £ social value offered, so evaluate() needs a"
                " measure catalogue (catalogue=...) to price the commitments",
            )
        return [None] * len(bids)
    issues = [
        Issue.at(
            [index, "commitments", number, "measure"],
            "evaluation.unknown_measure",
            f"measure {target.measure} is not in the catalogue",
        )
        for index, bid in enumerate(bids)
        for number, target in enumerate(bid.commitments)
        if not _known(catalogue, target.measure)
    ]
    if issues:
        raise InvalidDocument(issues)
    return [offer_value(bid.commitments, catalogue) for bid in bids]


def _known(catalogue: ProxyCatalogue, code: str) -> bool:
    try:
        catalogue.measure(code)
    except KeyError:
        return False
    return True
