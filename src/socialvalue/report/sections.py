"""How the regional report's sections are built, figure by figure: spend, and the shared parts.

The contribution section (social value by priority, kind, place and type) is
built in :mod:`.contribution`, from the tallies, places and contexts here.

Every sum is exact: plain ``Decimal`` additions in a 90-digit context that traps
any rounding, so a total is the sum of its parts to the last place. Shares and
ratios are divisions to 28 significant digits. Suppliers are visited in id order
and every grouping is keyed, so the report does not depend on input order.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from socialvalue.money import _formatted
from socialvalue.periods import Period
from socialvalue.report.figures import CaveatKind, ReportCaveat, ReportFigure, ReportSection
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
    "place_name",
    "money_text",
    "place_of",
    "share",
    "spend_section",
    "suppliers_text",
    "type_of",
]

_ZERO: Final = Decimal(0)
SUMS: Final = decimal.Context(
    prec=90, traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow]
)
RATIO: Final = decimal.Context(prec=28, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
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


def money_text(value: Decimal, currency: str) -> str:
    """``value`` as ``Money.format`` shows it, for sums the report made and checked."""
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
            f" {money_text(tally.value, currency)}"
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
                f"{money_text(local.value, currency)} ÷ {money_text(total.value, currency)}"
                f" = {local_share:.4f}",
            )
        )  # fmt: skip
    else:
        caveats.append(
            ReportCaveat(
                CaveatKind.NO_POSITIVE_SPEND,
                f"Total spend is {money_text(total.value, currency)}, so no share of it is given.",
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
                f" {money_text(uncertain.value, currency)}"
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
                f" {money_text(unlisted.value, currency)}"
                f" {'is' if len(unlisted.suppliers) == 1 else 'are'} missing from the"
                " supplier list: their type and place are unknown, and they never count as local.",
                sorted(unlisted.suppliers), unlisted.value, currency,
            )
        )  # fmt: skip
    return figures, caveats
