"""How each section of the regional report is built, figure by figure.

Every sum is exact: plain ``Decimal`` additions in a 90-digit context that traps
any rounding, so a total is the sum of its parts to the last place. Shares and
ratios are divisions to 28 significant digits. Suppliers are visited in id order
and every grouping is keyed, so the report does not depend on input order.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from socialvalue.frameworks import Crosswalk, Framework
from socialvalue.money import _formatted
from socialvalue.periods import Period
from socialvalue.report.figures import CaveatKind, ReportCaveat, ReportFigure, ReportSection
from socialvalue.report.priorities import UNMAPPED, apportion, split_targets
from socialvalue.review.measures import MeasureCatalogue, MeasureKind, ReviewMeasure
from socialvalue.review.method import ScoringMethod, ValueBasis
from socialvalue.review.score_figures import ValueTotals
from socialvalue.review.score_report import ScoreReport
from socialvalue.spend.assessment import Assessment
from socialvalue.spend.suppliers import (
    GREATER_MANCHESTER,
    Borough,
    LocalArea,
    Locality,
    OrganisationType,
    Supplier,
)

__all__ = [
    "PLACES",
    "RATIO",
    "SUMS",
    "TYPE_LABELS",
    "Tally",
    "contribution_section",
    "place_name",
    "place_of",
    "share",
    "spend_section",
    "suppliers_text",
    "type_of",
]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
SUMS: Final = decimal.Context(
    prec=90, traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow]
)
RATIO: Final = decimal.Context(prec=28, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
_BASES: Final = (
    ("gross", ValueBasis.GROSS),
    ("net", ValueBasis.NET),
    ("present-value", ValueBasis.PRESENT_VALUE),
)
_KINDS: Final = (MeasureKind.LOCAL_ECONOMIC, MeasureKind.SOCIAL)
_TYPE_GROUP: Final = {
    OrganisationType.MICRO: "sme",
    OrganisationType.SMALL: "sme",
    OrganisationType.MEDIUM: "sme",
    OrganisationType.SME: "sme",
    OrganisationType.VCSE: "vcse",
    OrganisationType.LARGE: "large",
    OrganisationType.PUBLIC: "public",
    OrganisationType.UNKNOWN: "unknown",
}
TYPE_LABELS: Final = {
    "sme": "SMEs (micro, small and medium)",
    "vcse": "VCSE organisations",
    "large": "large organisations",
    "public": "public bodies",
    "unknown": "suppliers of unstated kind",
    "unlisted": "suppliers missing from the supplier list",
}


#: The places spend and value are reported by: each borough; inside the area with no
#: borough given (a supplier known by its postcode); a postcode district across the
#: area's edge; outside the area; missing from the supplier list.
PLACES: Final = (
    *(b.value for b in Borough),
    "borough-unknown",
    "area-edge",
    "outside-gm",
    "unlisted",
)
_PLACE_NAMES: Final = {
    "borough-unknown": "in Greater Manchester, borough not given",
    "area-edge": "in a postcode district across Greater Manchester's edge",
    "outside-gm": "outside Greater Manchester",
    "unlisted": "of unknown location",
}


def type_of(supplier: Supplier | None) -> str:
    """The supplier-type group a supplier is reported under (``"unlisted"`` if unknown)."""
    return "unlisted" if supplier is None else _TYPE_GROUP[supplier.organisation_type]


def place_of(supplier: Supplier | None, area: LocalArea = GREATER_MANCHESTER) -> str:
    """The place a supplier is reported under: one of :data:`PLACES`.

    A supplier with no borough is placed by its postcode, so one known to be inside
    the area is never counted as outside it (and one on the edge is not guessed).
    """
    if supplier is None:
        return "unlisted"
    borough = supplier.location.borough
    if borough is not None:
        return borough.value
    return _NO_BOROUGH[area.locality(supplier.location)]


_NO_BOROUGH: Final = {
    Locality.INSIDE: "borough-unknown",
    Locality.UNCERTAIN: "area-edge",
    Locality.OUTSIDE: "outside-gm",
}


def place_name(place: str) -> str:
    """``"in Bolton"``, ``"outside Greater Manchester"``: a place as words after "suppliers"."""
    return _PLACE_NAMES.get(place, f"in {place.title()}")


class Tally:
    """A running exact sum with the suppliers and lines behind it."""

    __slots__ = ("lines", "suppliers", "value")

    def __init__(self) -> None:
        self.value = _ZERO
        self.suppliers: set[str] = set()
        self.lines = 0

    def add(self, value: Decimal, supplier: str, lines: int) -> None:
        """Add ``value`` from ``supplier``, backed by ``lines`` lines."""
        self.value = SUMS.add(self.value, value)
        self.suppliers.add(supplier)
        self.lines += lines

    def figure(
        self, key: tuple[ReportSection, str, str, str], unit: str, label: str, derivation: str
    ) -> ReportFigure:
        """This tally as a :class:`ReportFigure`."""
        section, group, item, measure = key
        suppliers = sorted(self.suppliers)
        return ReportFigure(
            section, group, item, measure, self.value, unit, label, suppliers, self.lines,
            derivation,
        )  # fmt: skip


def _money(value: Decimal, currency: str) -> str:
    return _formatted(value, currency)


def suppliers_text(count: int) -> str:
    """``'1 supplier'``, ``'2,500 suppliers'``."""
    return f"{count:,} supplier" + ("" if count == 1 else "s")


def share(part: Decimal, whole: Decimal) -> Decimal:
    """``part ÷ whole`` to 28 significant digits."""
    return RATIO.divide(part, whole)


def spend_section(
    assessed: Mapping[str, Assessment],
    listed: Mapping[str, Supplier],
    area: LocalArea,
    currency: str,
    period: Period,
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    """Spend in total, with local suppliers, by supplier type and by borough."""
    total, local, uncertain = Tally(), Tally(), Tally()
    types = {group: Tally() for group in TYPE_LABELS}
    places = {place: Tally() for place in PLACES}
    for supplier_id in sorted(assessed):
        assessment = assessed[supplier_id]
        amount, lines = assessment.amount, assessment.line_count
        total.add(amount, supplier_id, lines)
        supplier = listed.get(supplier_id)
        if supplier is None:
            types["unlisted"].add(amount, supplier_id, lines)
            places["unlisted"].add(amount, supplier_id, lines)
            continue
        locality = area.locality(supplier.location)
        if locality is Locality.INSIDE:
            local.add(amount, supplier_id, lines)
        elif locality is Locality.UNCERTAIN:
            uncertain.add(amount, supplier_id, lines)
        types[type_of(supplier)].add(amount, supplier_id, lines)
        places[place_of(supplier, area)].add(amount, supplier_id, lines)

    def summed(tally: Tally, who: str) -> str:
        whom = " ".join(filter(None, (suppliers_text(len(tally.suppliers)), who)))
        return (
            f"Σ of the spend with {whom} in {period.label}"
            f" ({tally.lines:,} spend lines, as assessed against the threshold):"
            f" {_money(tally.value, currency)}"
        )

    spend = ReportSection.SPEND
    figures = [
        total.figure((spend, "total", "all", "amount"), currency, "Total spend", summed(total, "")),
        local.figure(
            (spend, "local", "all", "amount"),
            currency,
            f"Spend with suppliers in {area.name}",
            summed(local, f"located in {area.name}"),
        ),
    ]
    caveats = []
    if total.value > 0:
        local_share = share(local.value, total.value)
        figures.append(
            ReportFigure(
                spend, "local", "all", "share", local_share, "share",
                f"Share of spend with suppliers in {area.name}", sorted(local.suppliers),
                local.lines,
                f"{_money(local.value, currency)} ÷ {_money(total.value, currency)}"
                f" = {local_share:.4f}",
            )
        )  # fmt: skip
    else:
        caveats.append(
            ReportCaveat(
                CaveatKind.NO_POSITIVE_SPEND,
                f"Total spend is {_money(total.value, currency)}, so no share of it is given.",
                (), total.value, currency,
            )
        )  # fmt: skip
    for group, tally in types.items():
        figures.append(
            tally.figure(
                (spend, "type", group, "amount"),
                currency,
                f"Spend with {TYPE_LABELS[group]}",
                summed(tally, f"that are {TYPE_LABELS[group]}"),
            )
        )
    for place, tally in places.items():
        name = place_name(place)
        figures.append(
            tally.figure(
                (spend, "borough", place, "amount"),
                currency,
                f"Spend with suppliers {name}",
                summed(tally, name),
            )
        )
    if uncertain.suppliers:
        caveats.append(
            ReportCaveat(
                CaveatKind.UNCERTAIN_LOCATION,
                f"{suppliers_text(len(uncertain.suppliers))} with spend of"
                f" {_money(uncertain.value, currency)}"
                f" {'is' if len(uncertain.suppliers) == 1 else 'are'} known by a postcode"
                f" district that crosses the edge of {area.name}: not counted as local.",
                sorted(uncertain.suppliers), uncertain.value, currency,
            )
        )  # fmt: skip
    unlisted = types["unlisted"]
    if unlisted.suppliers:
        caveats.append(
            ReportCaveat(
                CaveatKind.UNLISTED_SUPPLIER,
                f"{suppliers_text(len(unlisted.suppliers))} with spend of"
                f" {_money(unlisted.value, currency)}"
                f" {'is' if len(unlisted.suppliers) == 1 else 'are'} missing from the"
                " supplier list: their type and place are unknown, and they never count as local.",
                sorted(unlisted.suppliers), unlisted.value, currency,
            )
        )  # fmt: skip
    return figures, caveats


def _line_groups(
    report: ScoreReport, catalogue: MeasureCatalogue, exclude_non_local: bool
) -> tuple[dict[str, int], dict[MeasureKind, int], dict[str, int], dict[str, set[MeasureKind]]]:
    """Lines of one Review behind each priority, kind and counted measure; each priority's kinds."""
    by_priority: dict[str, int] = {}
    by_kind: dict[MeasureKind, int] = {}
    by_measure: dict[str, int] = {}
    kinds: dict[str, set[MeasureKind]] = {}
    measures = _measures(catalogue)
    for line in report.submission.lines:
        measure = measures[line.measure]  # every code was found when the Review was scored
        if measure.proxy is None:
            if not (line.local is False and exclude_non_local):
                by_measure[measure.code] = by_measure.get(measure.code, 0) + 1
            continue
        priority = measure.primary_priority
        by_priority[priority] = by_priority.get(priority, 0) + 1
        by_kind[measure.kind] = by_kind.get(measure.kind, 0) + 1
        kinds.setdefault(priority, set()).add(measure.kind)
    return by_priority, by_kind, by_measure, kinds


@functools.lru_cache(maxsize=16)
def _measures(catalogue: MeasureCatalogue) -> dict[str, ReviewMeasure]:
    """The catalogue's measures by code, without a checked method call for each line."""
    return {measure.code: measure for measure in catalogue}


#: Value bases by their values (``"present-value"``): a Review's amounts are keyed
#: by these strings, which hash in C, rather than by the enum members.
_BASIS_NAMES: Final = tuple(basis.value for basis in ValueBasis)


def _amounts(values: ValueTotals) -> dict[str, Decimal]:
    return {
        "gross": values.gross.amount,
        "net": values.net.amount,
        "undiscounted": values.undiscounted.amount,
        "present-value": values.present_value.amount,
    }


def _by_kind(
    report: ScoreReport,
    by_priority: Mapping[str, dict[str, Decimal]],
    kinds: Mapping[str, set[MeasureKind]],
) -> dict[MeasureKind, dict[str, Decimal]]:
    """A Review's value by kind of measure.

    When each priority's lines are all of one kind (the usual catalogue), the kinds'
    value is the exact sum of their priorities'; otherwise the score report splits it.
    """
    if any(len(found) > 1 for found in kinds.values()):
        return {kind: _amounts(values) for kind, values in report.by_kind.items()}
    result = {kind: dict.fromkeys(_BASIS_NAMES, _ZERO) for kind in _KINDS}
    for priority, amounts in by_priority.items():
        into = result[next(iter(kinds[priority]))]
        for basis, amount in amounts.items():
            into[basis] = SUMS.add(into[basis], amount)
    return result


def contribution_section(
    scored: Mapping[str, ScoreReport],
    covered_spend: Tally,
    catalogue: MeasureCatalogue,
    method: ScoringMethod,
    framework: Framework,
    walk: Crosswalk | None,
    currency: str,
) -> tuple[list[ReportFigure], list[ReportCaveat], dict[str, Tally]]:
    """Social value from the counted Reviews: totals, by kind, by priority, per £1.

    Also returns, for the counts section, each record-only measure's summed
    quantity with the lines behind it.
    """
    totals = {name: Tally() for name, _ in _BASES}
    kinds = {(kind, name): Tally() for kind in _KINDS for name, _ in _BASES}
    sources: dict[tuple[str, str], Tally] = {}
    counts: dict[str, Tally] = {}
    declared, ratio_value = Tally(), Tally()
    ratio_basis = method.ratio_basis.value
    for supplier_id in sorted(scored):
        report = scored[supplier_id]
        lines_by_priority, lines_by_kind, lines_by_measure, priority_kinds = _line_groups(
            report, catalogue, method.exclude_non_local
        )
        valued_lines = sum(lines_by_priority.values())
        declared.add(report.spend.amount, supplier_id, len(report.submission.lines))
        by_priority = {code: _amounts(values) for code, values in report.by_priority.items()}
        by_kind = _by_kind(report, by_priority, priority_kinds)
        # The kinds partition a Review's value, so its totals are their exact sums.
        local, social = by_kind[_KINDS[0]], by_kind[_KINDS[1]]
        for name, _ in _BASES:
            totals[name].add(SUMS.add(local[name], social[name]), supplier_id, valued_lines)
        ratio_value.add(
            SUMS.add(local[ratio_basis], social[ratio_basis]), supplier_id, valued_lines
        )
        for kind, amounts in by_kind.items():
            if lines_by_kind.get(kind, 0):
                for name, _ in _BASES:
                    kinds[(kind, name)].add(amounts[name], supplier_id, lines_by_kind[kind])
        for code, amounts in by_priority.items():
            for name, _ in _BASES:
                sources.setdefault((code, name), Tally()).add(
                    amounts[name], supplier_id, lines_by_priority.get(code, 0)
                )
        for count in report.counts:
            counts.setdefault(count.measure, Tally()).add(
                count.quantity, supplier_id, lines_by_measure.get(count.measure, 0)
            )

    section = ReportSection.CONTRIBUTION
    reviews = len(scored)
    figures = []
    for name, _ in _BASES:
        tally = totals[name]
        words = name.replace("-", " ")
        figures.append(
            tally.figure(
                (section, "total", "all", name),
                currency,
                f"Social value ({words})",
                f"Σ of the {words} of {reviews:,} Reviews ({tally.lines:,} valued lines), each"
                f" scored against {catalogue.id} {catalogue.version}:"
                f" {_money(tally.value, currency)}",
            )
        )
    for (kind, name), tally in kinds.items():
        words = name.replace("-", " ")
        what = "Local economic" if kind is MeasureKind.LOCAL_ECONOMIC else "Other social"
        figures.append(
            tally.figure(
                (section, "kind", kind.value, name),
                currency,
                f"{what} value ({words})",
                f"Σ of the {words} of {tally.lines:,} lines of {kind.value} measures in"
                f" {suppliers_text(len(tally.suppliers))}' Reviews:"
                f" {_money(tally.value, currency)}",
            )
        )
    priority_figures, caveats = _priorities(sources, framework, walk, currency)
    figures += priority_figures
    figures.append(
        covered_spend.figure(
            (section, "spend", "covered", "amount"),
            currency,
            "Spend with the suppliers whose Reviews are counted",
            f"Σ of the assessed spend with {suppliers_text(len(covered_spend.suppliers))} whose"
            f" Review is counted ({covered_spend.lines:,} spend lines):"
            f" {_money(covered_spend.value, currency)}",
        )
    )
    figures.append(
        declared.figure(
            (section, "spend", "declared", "amount"),
            currency,
            "Spend the Reviews declare",
            f"Σ of the spend stated in {reviews:,} Reviews: {_money(declared.value, currency)}",
        )
    )
    if covered_spend.value > 0:
        ratio = share(ratio_value.value, covered_spend.value)
        words = method.ratio_basis.value.replace("-", " ")
        figures.append(
            ReportFigure(
                section, "ratio", "all", "per-pound", ratio, "ratio",
                f"Social value ({words}) per £1 of covered spend",
                sorted(ratio_value.suppliers), ratio_value.lines,
                f"{_money(ratio_value.value, currency)} ({words}) ÷"
                f" {_money(covered_spend.value, currency)} = {ratio:.4f}",
            )
        )  # fmt: skip
    return figures, caveats, counts


def _priorities(
    sources: Mapping[tuple[str, str], Tally],
    framework: Framework,
    walk: Crosswalk | None,
    currency: str,
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    codes = sorted({code for code, _ in sources})
    targets = split_targets(walk, codes)
    out: dict[tuple[str, str], Tally] = {}
    parts: dict[tuple[str, str], list[str]] = {}
    for (code, name), tally in sorted(sources.items()):
        shares = apportion(tally.value, len(targets[code]))
        for target, amount in zip(targets[code], shares, strict=True):
            into = out.setdefault((target, name), Tally())
            into.value = SUMS.add(into.value, amount)
            into.suppliers |= tally.suppliers
            into.lines += tally.lines
            fraction = "" if len(targets[code]) == 1 else f"1/{len(targets[code])} of "
            parts.setdefault((target, name), []).append(
                f"{fraction}{code} ({_money(tally.value, currency)})"
            )
    extra = sorted({t for ts in targets.values() for t in ts} - {*framework.codes, UNMAPPED})
    order = [*framework.codes, *extra, UNMAPPED]
    figures = []
    for target in order:
        for name, _ in _BASES:
            found = out.get((target, name))
            if found is None:
                continue
            title = (
                framework.priority(target).title
                if target in framework
                else ("Not carried by the crosswalk" if target == UNMAPPED else target)
            )
            via = "" if walk is None else f" (through {walk.source.id} priorities)"
            figures.append(
                found.figure(
                    (ReportSection.CONTRIBUTION, "priority", target, name),
                    currency,
                    f"{title}: social value ({name.replace('-', ' ')})",
                    f"Σ{via}: "
                    + " + ".join(parts[(target, name)])
                    + f" = {_money(found.value, currency)}",
                )
            )
    caveats = []
    lost = [code for code in codes if targets[code] == (UNMAPPED,)]
    if lost and walk is not None:
        suppliers = sorted({s for code in lost for s in sources[(code, "gross")].suppliers})
        caveats.append(
            ReportCaveat(
                CaveatKind.UNMAPPED_PRIORITY,
                f"The crosswalk carries no {walk.source.id} priority {', '.join(lost)} to"
                f" {framework.id}: that value is reported under 'unmapped', not dropped.",
                suppliers, out[(UNMAPPED, "present-value")].value, currency,
            )
        )  # fmt: skip
    return figures, caveats
