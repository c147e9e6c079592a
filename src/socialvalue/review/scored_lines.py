"""One scored line of a Review: its figures, and the derivation that explains them.

A :class:`ScoredLine` holds what scoring worked out for one reported line (gross,
net, undiscounted and present value, or none for a record-only measure) and puts
the arithmetic into words on demand: quantity × proxy, each adjustment, drop-off
and the Green Book discounting. :class:`~.score_report.ScoreReport` builds them
when its lines are first read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.money import Money, Rounding, _formatted
from socialvalue.review.discounting import DiscountSchedule
from socialvalue.review.measures import Adjustments, ReviewMeasure, Unit
from socialvalue.review.score_figures import _quantity_text
from socialvalue.review.submissions import ReportedLine

__all__ = ["ScoredLine"]

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


def _shown(amount: Decimal, currency: str, policy: Rounding) -> str:
    """``amount`` as ``Money.format`` shows it, rounded by ``policy``.

    Derivations show four amounts a line, all exact results of the library's own
    arithmetic, so they go through ``Money``'s unchecked formatter (a test compares
    the two).
    """
    return _formatted(amount, currency, policy)


def _fraction_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
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
    figures: tuple[Decimal, Decimal, Decimal, Decimal] | None = attrs.field(repr=False)
    currency: str
    undiscounted_factor: Decimal | None
    present_factor: Decimal | None
    discounting: DiscountSchedule = attrs.field(repr=False)
    rounding: Rounding = attrs.field(default=Rounding.HALF_UP, repr=False)

    def _figure(self, position: int) -> Money | None:
        if self.figures is None:
            return None
        return Money._computed(self.figures[position], self.currency)

    @property
    def gross(self) -> Money | None:
        """Quantity × proxy; ``None`` for a record-only measure."""
        return self._figure(0)

    @property
    def net(self) -> Money | None:
        """Gross after the four adjustments (first year); zero if excluded as not local."""
        return self._figure(1)

    @property
    def undiscounted(self) -> Money | None:
        """Net over the outcome's years, with drop-off, before discounting."""
        return self._figure(2)

    @property
    def present_value(self) -> Money | None:
        """The undiscounted value discounted to the reporting year (Green Book)."""
        return self._figure(3)

    @property
    def quantity(self) -> Decimal:
        """The reported quantity, in the measure's unit."""
        return self.line.quantity

    @property
    def priority(self) -> str:
        """The priority this line's value is attributed to (the measure's primary)."""
        return self.measure.primary_priority

    def _shown(self, amount: Decimal) -> str:
        return _shown(amount, self.currency, self.rounding)

    @property
    def derivation(self) -> str:
        """The arithmetic behind this line's figures, in words (amounts shown to pence).

        E.g. ``12 FTE × £X = £… gross; × (1 − 0.2 deadweight) = £… net; …``.
        """
        quantity = _quantity_text(self.line.quantity, self.measure.unit)
        proxy = self.measure.proxy
        figures = self.figures
        if proxy is None or figures is None:
            return (
                f"{quantity} recorded for {self.measure.code} (record-only: no proxy value,"
                " so no £ value is claimed)"
            )
        gross, net, undiscounted, present = (self._shown(amount) for amount in figures)
        per = _PER_UNIT[self.measure.unit]
        text = (
            f"{quantity} × {proxy.value.format(self.rounding)} per {per} ({proxy.source},"
            f" {proxy.edition}, {proxy.base_year} prices) = {gross} gross"
        )
        if self.excluded:
            return text + f"; not local, so wholly leaked: {net} net and present value"
        assert self.adjustments is not None
        terms = " × ".join(
            f"(1 − {_fraction_text(v)} {name})" for name, v in self.adjustments.named()
        )
        if terms:
            text += f"; × {terms} = {net} net"
        else:
            text += "; no adjustments, so net = gross"
        years = self.adjustments.duration_years
        if years == 1:
            return text + "; one year, not discounted (the reporting year is year 0)"
        drop = _fraction_text(self.adjustments.drop_off)
        return (
            text + f"; over {years} years, year n worth net × (1 − {drop})^(n − 1):"
            f" {undiscounted} undiscounted; year n discounted by the"
            f" {self.discounting.name} factor for year n − 1: {present} present value"
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
            "gross": None if self.figures is None else self.figures[0],
            "net": None if self.figures is None else self.figures[1],
            "undiscounted": None if self.figures is None else self.figures[2],
            "present_value": None if self.figures is None else self.figures[3],
            "derivation": self.derivation,
        }
