"""Social value and Charter coverage by borough, by supplier type and by priority.

The commissioner asks not only how much social value the year's suppliers gave,
but which suppliers gave it: SMEs or VCSEs, suppliers in Wigan or outside Greater
Manchester. Each counted Review's value is placed whole under its supplier's
borough and type (the supplier list says which; a supplier missing from it is
``unlisted``), so the places, like the types, add up exactly to the total.

The value **per £1 of covered spend** of a cut divides the cut's value (on the
method's ratio basis) by the assessed spend with the suppliers of that cut whose
Reviews count; a cut with no such spend has no ratio. A priority's per £1 divides
its value by all the covered spend, so the priorities' ratios add up to the
report's. Charter coverage by place and type counts the suppliers whose latest
Charter is valid and active (or due for renewal) on the report's date, and their
commitments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from socialvalue.money import Money, _formatted
from socialvalue.report.figures import ReportFigure, ReportSection
from socialvalue.report.sections import (
    PLACES,
    SUMS,
    TYPE_LABELS,
    Tally,
    place_name,
    place_of,
    share,
    suppliers_text,
    type_of,
)
from socialvalue.review.method import ScoringMethod, ValueBasis
from socialvalue.review.score_report import ScoreReport
from socialvalue.spend.assessment import Assessment
from socialvalue.spend.suppliers import GREATER_MANCHESTER, LocalArea, Supplier

__all__ = ["CUT_GROUPS", "contribution_cuts", "coverage_cuts", "priority_ratios"]

#: The report groups that cut the year by who the suppliers are.
CUT_GROUPS: Final = ("borough", "type")
_BASES: Final = (ValueBasis.GROSS, ValueBasis.NET, ValueBasis.PRESENT_VALUE)
#: How many suppliers a derivation names one by one before it only counts the rest.
_NAMED: Final = 12


def _money(value: Decimal, currency: str) -> str:
    # Sums of figures the library computed, in the policy's checked currency.
    return _formatted(value, currency)


_FIGURE: Final = {
    ValueBasis.GROSS: "gross",
    ValueBasis.NET: "net",
    ValueBasis.UNDISCOUNTED: "undiscounted",
    ValueBasis.PRESENT_VALUE: "present_value",
}


def _value(report: ScoreReport, basis: ValueBasis) -> Decimal:
    found: Money = getattr(report.totals, _FIGURE[basis])
    return found.amount


def _by_item(
    group: str, ids: Iterable[str], listed: Mapping[str, Supplier], area: LocalArea
) -> dict[str, list[str]]:
    """The suppliers ``ids`` under each item of ``group``, in the order given.

    Each supplier is placed once, rather than once for every item of the group.
    """
    found: dict[str, list[str]] = {}
    for supplier_id in ids:
        found.setdefault(_item_of(group, listed.get(supplier_id), area), []).append(supplier_id)
    return found


def _parts(values: Mapping[str, Decimal], currency: str) -> str:
    """``100101 £10,645.60 + 100104 £3,386.00`` (the first few suppliers, then a count)."""
    shown = [f"{sid} {_money(values[sid], currency)}" for sid in sorted(values)[:_NAMED]]
    rest = len(values) - _NAMED
    return " + ".join(shown) + (f" + {rest:,} more" if rest > 0 else "")


def _names(group: str) -> list[tuple[str, str]]:
    """Each item of ``group`` with the words naming its suppliers."""
    if group == "borough":
        return [(place, f"suppliers {place_name(place)}") for place in PLACES]
    return [(item, label) for item, label in TYPE_LABELS.items()]


def _item_of(group: str, supplier: Supplier | None, area: LocalArea) -> str:
    return place_of(supplier, area) if group == "borough" else type_of(supplier)


def contribution_cuts(
    scored: Mapping[str, ScoreReport],
    assessed: Mapping[str, Assessment],
    listed: Mapping[str, Supplier],
    method: ScoringMethod,
    currency: str,
    area: LocalArea = GREATER_MANCHESTER,
) -> list[ReportFigure]:
    """Social value (gross, net, present value) and per £1 of covered spend by place and type."""
    section = ReportSection.CONTRIBUTION
    ratio_basis = method.ratio_basis
    words = ratio_basis.value.replace("-", " ")
    figures = []
    for group in CUT_GROUPS:
        placed = _by_item(group, sorted(scored), listed, area)
        for item, whom in _names(group):
            ids = placed.get(item, [])
            lines = {s: len(scored[s].submission.lines) for s in ids}
            for basis in _BASES:
                values = {s: _value(scored[s], basis) for s in ids}
                tally = Tally()
                for s in ids:
                    tally.add(values[s], s, lines[s])
                name = basis.value.replace("-", " ")
                figures.append(
                    tally.figure(
                        (section, group, item, basis.value),
                        currency,
                        f"Social value ({name}) from {whom}",
                        f"Σ of the {name} of the counted Reviews from {whom}"
                        f" ({len(ids):,}"
                        + (f": {_parts(values, currency)}" if ids else "")
                        + f"): {_money(tally.value, currency)}",
                    )
                )
            covered, value = Tally(), Tally()
            for s in ids:
                if s in assessed:
                    covered.add(assessed[s].amount, s, assessed[s].line_count)
                    value.add(_value(scored[s], ratio_basis), s, lines[s])
            figures.append(
                covered.figure(
                    (section, group, item, "covered-spend"),
                    currency,
                    f"Spend with {whom} whose Reviews are counted",
                    f"Σ of the assessed spend with the {whom} whose Review is counted"
                    f" ({suppliers_text(len(covered.suppliers))}, {covered.lines:,} spend"
                    f" lines): {_money(covered.value, currency)}",
                )
            )
            if covered.value > 0:
                ratio = share(value.value, covered.value)
                figures.append(
                    ReportFigure(
                        section, group, item, "per-pound", ratio, "ratio",
                        f"Social value ({words}) per £1 of covered spend, {whom}",
                        sorted(value.suppliers), value.lines,
                        f"{_money(value.value, currency)} ({words}) ÷"
                        f" {_money(covered.value, currency)} = {ratio:.4f}",
                    )
                )  # fmt: skip
    return figures


def priority_ratios(
    figures: list[ReportFigure], covered: Decimal, method: ScoringMethod, currency: str
) -> list[ReportFigure]:
    """Each priority's value (on the ratio basis) per £1 of all the covered spend."""
    basis = method.ratio_basis.value
    words = basis.replace("-", " ")
    found: list[ReportFigure] = []
    if covered <= 0:
        return found
    for figure in figures:
        if not (
            figure.section is ReportSection.CONTRIBUTION
            and figure.group == "priority"
            and figure.measure == basis
        ):
            continue
        ratio = share(figure.value, covered)
        title = figure.label.rpartition(": social value")[0] or figure.item
        found.append(
            ReportFigure(
                figure.section, "priority", figure.item, "per-pound", ratio, "ratio",
                f"{title}: social value ({words}) per £1 of covered spend",
                figure.suppliers, figure.lines,
                f"{_money(figure.value, currency)} ({words}) ÷ {_money(covered, currency)}"
                f" of spend the counted Reviews cover = {ratio:.4f}",
            )
        )  # fmt: skip
    return found


def coverage_cuts(
    commitments: Mapping[str, int],
    listed: Mapping[str, Supplier],
    on: str,
    area: LocalArea = GREATER_MANCHESTER,
) -> list[ReportFigure]:
    """Suppliers with an active Charter, and their commitments, by place and type.

    ``commitments`` maps each supplier whose latest Charter counts on the day ``on``
    to the number of commitments it makes.
    """
    figures = []
    for group in CUT_GROUPS:
        placed = _by_item(group, sorted(commitments), listed, area)
        for item, whom in _names(group):
            ids = placed.get(item, [])
            total = SUMS.add(Decimal(0), Decimal(sum(commitments[s] for s in ids)))
            figures += [
                ReportFigure(
                    ReportSection.COVERAGE, group, item, "suppliers", Decimal(len(ids)),
                    "suppliers", f"Suppliers with an active Charter, {whom}", ids, 0,
                    f"Of the {whom}, {suppliers_text(len(ids))} whose latest Charter is"
                    f" valid and active or due for renewal on {on}",
                ),
                ReportFigure(
                    ReportSection.COVERAGE, group, item, "commitments", total, "commitments",
                    f"Active Charter commitments, {whom}", ids, 0,
                    f"Σ of the commitments in the active Charters of the {whom}"
                    f" ({suppliers_text(len(ids))})"
                    + (f" ({' + '.join(str(commitments[s]) for s in ids[:_NAMED])}"
                       + (" + …" if len(ids) > _NAMED else "") + ")" if ids else "")
                    + f": {total}",
                ),
            ]  # fmt: skip
    return figures
