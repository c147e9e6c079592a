"""The regional report's figures cut one way, as a table: by borough, supplier type or priority.

:meth:`RegionalReport.by_borough`, :meth:`~RegionalReport.by_supplier_type` and
:meth:`~RegionalReport.by_priority` gather, for each place, type or priority, the
spend, the spend the counted Reviews cover, the social value (gross, net, present
value), the value per £1 of covered spend and the Charter coverage into one
:class:`BreakdownRow`. Every number is a figure of the report (look it up with
:meth:`RegionalReport.figure` for its derivation), so a breakdown of a published
report is rounded as that report is.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, DecimalRange, Items, Text, Whole
from socialvalue._numbers import library_context_methods
from socialvalue._records import html_table
from socialvalue._typed import typed_fields
from socialvalue.report.sections import PLACES, TYPE_LABELS
from socialvalue.review.method import ValueBasis

if TYPE_CHECKING:
    from socialvalue.report.model import RegionalReport

__all__ = ["Breakdown", "BreakdownRow", "ReportCut", "breakdown"]


class ReportCut(enum.Enum):
    """How a :class:`Breakdown` cuts the year: the report group its rows come from."""

    BOROUGH = "borough"
    """By the supplier's borough; the rest by postcode (``borough-unknown``, ``area-edge``,
    ``outside-gm``) or ``unlisted``."""
    SUPPLIER_TYPE = "type"
    """By supplier type: ``sme``, ``vcse``, ``large``, ``public``, ``unknown``, ``unlisted``."""
    PRIORITY = "priority"
    """By priority of the report's framework (no spend: value is not spent by priority)."""


_AMOUNT = DecimalRange()
_OPTIONAL = DecimalRange(optional=True)
_COUNT = Whole(0, 1_000_000_000)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class BreakdownRow:
    """One place, supplier type or priority: its spend, social value and Charter coverage.

    ``spend`` and ``covered_spend`` are ``None`` for a priority; ``per_pound`` is
    ``None`` when no covered spend stands behind the row; ``charter_suppliers`` is
    ``None`` for a priority (coverage by priority counts commitments only).
    """

    item: str = attrs.field(validator=Code())
    name: str = attrs.field(validator=Text(300))
    spend: Decimal | None = attrs.field(validator=_OPTIONAL)
    covered_spend: Decimal | None = attrs.field(validator=_OPTIONAL)
    gross: Decimal = attrs.field(validator=_AMOUNT)
    net: Decimal = attrs.field(validator=_AMOUNT)
    present_value: Decimal = attrs.field(validator=_AMOUNT)
    per_pound: Decimal | None = attrs.field(validator=_OPTIONAL)
    charter_suppliers: int | None = attrs.field(validator=Whole(0, 1_000_000_000, optional=True))
    commitments: int = attrs.field(validator=_COUNT)

    def to_record(self) -> dict[str, object]:
        """This row as a flat dict of plain values."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(BreakdownRow)}


def _rows(value: Iterable[BreakdownRow]) -> tuple[BreakdownRow, ...]:
    return tuple(value)


def _row_item(row: BreakdownRow) -> str:
    return row.item


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class Breakdown:
    """A regional report's figures by borough, supplier type or priority: one row each.

    ``value_basis`` is the value ``per_pound`` divides; amounts are in ``currency``.
    ``to_records()`` gives one flat dict per row for ``pandas.DataFrame``.
    """

    cut: ReportCut
    period: str = attrs.field(validator=Text(60))
    currency: str = attrs.field(validator=Code())
    value_basis: ValueBasis
    rows: tuple[BreakdownRow, ...] = attrs.field(
        converter=_rows, validator=Items(0, 10_000, unique_by=_row_item, what="row")
    )

    @typed_arguments
    def row(self, item: str) -> BreakdownRow:
        """The row of ``item`` (``"bolton"``, ``"sme"``, a priority code); ``KeyError`` if none."""
        for row in self.rows:
            if row.item == item:
                return row
        raise KeyError(item)

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per row, with the cut, period and currency."""
        base = {"cut": self.cut.value, "period": self.period, "currency": self.currency}
        return [{**base, **row.to_record()} for row in self.rows]

    def _repr_html_(self) -> str:
        caption = f"By {self.cut.name.lower().replace('_', ' ')}, {self.period}"
        return html_table(self.to_records(), caption=html.escape(caption))


def _names(report: RegionalReport, cut: ReportCut) -> list[tuple[str, str]]:
    if cut is ReportCut.BOROUGH:
        words = {
            "borough-unknown": "In Greater Manchester, borough not given",
            "area-edge": "Across Greater Manchester's edge",
            "outside-gm": "Outside Greater Manchester",
            "unlisted": "Not on the supplier list",
        }
        return [(place, words.get(place, place.title())) for place in PLACES]
    if cut is ReportCut.SUPPLIER_TYPE:
        return [(item, label[0].upper() + label[1:]) for item, label in TYPE_LABELS.items()]
    found: dict[str, str] = {}
    for figure in report.figures:
        if figure.group == "priority" and figure.section.value in ("contribution", "coverage"):
            title = figure.label.rpartition(": ")[2 if figure.section.value == "coverage" else 0]
            found.setdefault(figure.item, title.partition(": social value")[0] or figure.item)
    return list(found.items())


def _optional(report: RegionalReport, key: tuple[str, str, str, str]) -> Decimal | None:
    try:
        return report.figure(*key).value
    except KeyError:
        return None


def breakdown(report: RegionalReport, cut: ReportCut) -> Breakdown:
    """``report``'s figures by ``cut``: see :class:`Breakdown`."""
    group = cut.value
    rows = []
    for item, name in _names(report, cut):
        spend = None
        charter: int | None = None
        covered = None
        if cut is not ReportCut.PRIORITY:
            spend = report.value("spend", group, item)
            covered = report.value("contribution", group, item, "covered-spend")
            charter = int(report.value("coverage", group, item, "suppliers"))
        rows.append(
            BreakdownRow(
                item=item,
                name=name,
                spend=spend,
                covered_spend=covered,
                gross=report.value("contribution", group, item, "gross"),
                net=report.value("contribution", group, item, "net"),
                present_value=report.value("contribution", group, item, "present-value"),
                per_pound=_optional(report, ("contribution", group, item, "per-pound")),
                charter_suppliers=charter,
                commitments=int(report.value("coverage", group, item, "commitments")),
            )
        )
    return Breakdown(cut, report.period.label, report.currency, report.value_basis, rows)
