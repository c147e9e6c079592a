"""The regional report's figures: what :func:`socialvalue.report.regional_report` returns.

The source policy asks for the Social Value Review so that the commissioner can
"measure the social contribution we and our suppliers are making to the Greater
Manchester region" (Greater Manchester policing and crime Social Value Policy). One
supplier's score is not that measure; the sum across the year's suppliers is.
:func:`regional_report` builds it from the objects the rest of the library makes
(threshold assessments, Charter signups, Review submissions scored with a measure
catalogue, the supplier list) as a :class:`RegionalReport`:

- **spend**: total, with local suppliers and its share (the commissioner reported
  £59m of £110m with Greater Manchester organisations in 2016), by supplier type and
  by borough;
- **duties**: how many suppliers owed a Charter and a Review, how many delivered,
  and the gaps (from :func:`socialvalue.charter.compliance_report.compliance`);
- **contribution**: social value from the year's Reviews (gross, net and present
  value), by priority of the chosen framework, by kind, and per £1 of the spend
  the Reviews cover;
- **counts**: record-only measures (no proxy value) as summed quantities;
- **coverage**: active Charter commitments per priority;
- **local multiplier**: LM3 per supplier and for the region, from the local
  re-spend the Reviews report (:mod:`socialvalue.report.lm3`);

with the change against a previous year's report and the caveats the numbers carry.

Every figure is a :class:`ReportFigure` that keeps its derivation: the suppliers it sums,
how many spend or Review lines stand behind it, and the arithmetic in words. Figures
are exact (``Decimal``); :meth:`RegionalReport.published` rounds them for
publication as a :class:`PublishedReport`, the ``regional-report`` document kind.
How each figure is built is in :mod:`socialvalue.report.sections`.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text
from socialvalue._numbers import library_context_methods
from socialvalue._records import records_frame
from socialvalue._typed import typed_fields
from socialvalue.money import Money, Rounding
from socialvalue.periods import Period
from socialvalue.policy.provenance import PolicyProvenance
from socialvalue.report.breakdowns import Breakdown, ReportCut, breakdown
from socialvalue.report.figures import (
    CaveatKind,
    Key,
    ReportCaveat,
    ReportChange,
    ReportFigure,
    ReportSection,
)
from socialvalue.review.method import ValueBasis

__all__ = ["PublishedReport", "RegionalReport"]

_CURRENCY_PLACES: Final = 2
_RATIO_PLACES: Final = 6
#: Units whose figures are fractions or percentages (rounded to 6 places to publish).
RATIO_UNITS: Final = frozenset({"share", "ratio", "percent"})


def _figure_key(figure: ReportFigure) -> Key:
    return figure.key


def _change_key(change: ReportChange) -> Key:
    return change.key


def _figures(value: Iterable[ReportFigure]) -> tuple[ReportFigure, ...]:
    return tuple(value)


def _caveats(value: Iterable[ReportCaveat]) -> tuple[ReportCaveat, ...]:
    return tuple(value)


def _changes(value: Iterable[ReportChange]) -> tuple[ReportChange, ...]:
    return tuple(value)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class RegionalReport:
    """The year's social value across all suppliers, every figure exact and explained.

    Built by :func:`regional_report`. Look figures up with :meth:`figure` (or
    :meth:`amount` for money); ``to_records()`` gives one row per figure for
    ``pandas.DataFrame``; :meth:`summary` one screen of plain text;
    :meth:`published` the rounded ``regional-report`` document. ``provenance`` names
    the policy applied: its owner since when, effective date and source (``None``
    only in a document published before it was recorded).
    """

    policy_id: str = attrs.field(
        validator=Code(), metadata={"description": "Id of the commissioner's policy."}
    )
    policy_version: str = attrs.field(
        validator=Code(), metadata={"description": "Version of that policy."}
    )
    period: Period = attrs.field(metadata={"description": "The year reported on."})
    as_of: date = attrs.field(
        metadata={"description": "The day the report was drawn up (what had arrived by then)."}
    )
    currency: str = attrs.field(
        validator=Code(),
        metadata={"description": "The currency of every money figure, e.g. 'GBP'."},
    )
    area: str = attrs.field(
        validator=Text(100),
        metadata={"description": "The area counted as local, e.g. 'Greater Manchester'."},
    )
    framework_id: str = attrs.field(
        validator=Code(),
        metadata={"description": "Id of the framework priorities are reported under."},
    )
    framework_version: str = attrs.field(
        validator=Code(), metadata={"description": "Version of that framework."}
    )
    catalogue_id: str = attrs.field(
        validator=Code(),
        metadata={"description": "Id of the measure catalogue the Reviews were scored with."},
    )
    catalogue_version: str = attrs.field(
        validator=Text(60), metadata={"description": "Version of that catalogue."}
    )
    value_basis: ValueBasis = attrs.field(
        metadata={"description": "Which social value figure the ratio per £1 uses."}
    )
    apportionment: str = attrs.field(
        validator=Text(4000, multiline=True),
        metadata={
            "description": "How priorities were carried to the framework, and value apportioned."
        },
    )
    figures: tuple[ReportFigure, ...] = attrs.field(
        converter=_figures,
        validator=Items(0, 100_000, unique_by=_figure_key, what="figure"),
        metadata={
            "description": "Every figure, at most 100,000 (section, group, item, measure unique)."
        },
    )
    caveats: tuple[ReportCaveat, ...] = attrs.field(
        converter=_caveats,
        validator=Items(0, 1000, what="caveat"),
        metadata={"description": "The caveats, at most 1,000."},
    )
    changes: tuple[ReportChange, ...] = attrs.field(
        converter=_changes,
        validator=Items(0, 100_000, unique_by=_change_key, what="change"),
        metadata={"description": "Change per figure against the previous report; [] if none."},
    )
    previous_period: Period | None = attrs.field(
        default=None, metadata={"description": "The previous report's year, or null."}
    )
    provenance: PolicyProvenance | None = attrs.field(
        default=None,
        metadata={
            "description": "The policy's owner, effective date and source; null in reports"
            " published before it was recorded."
        },
    )

    @typed_arguments
    def figure(
        self, section: str, group: str, item: str = "all", measure: str = "amount"
    ) -> ReportFigure:
        """The figure named by its key; ``KeyError`` if the report has none."""
        key = (section, group, item, measure)
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    @typed_arguments
    def value(
        self, section: str, group: str, item: str = "all", measure: str = "amount"
    ) -> Decimal:
        """The value of :meth:`figure`, or ``0`` when the report has no such figure."""
        try:
            return self.figure(section, group, item, measure).value
        except KeyError:
            return Decimal(0)

    @typed_arguments
    def amount(self, section: str, group: str, item: str = "all", measure: str = "amount") -> Money:
        """The money value of :meth:`figure` (zero when absent), in the report's currency."""
        return Money(self.value(section, group, item, measure), self.currency)

    @typed_arguments
    def of(
        self, section: ReportSection | str, group: str | None = None
    ) -> tuple[ReportFigure, ...]:
        """The figures of ``section`` (and ``group``), in report order."""
        name = section.value if isinstance(section, ReportSection) else section
        return tuple(
            f
            for f in self.figures
            if f.section.value == name and (group is None or f.group == group)
        )

    @typed_arguments
    def change(
        self, section: str, group: str, item: str = "all", measure: str = "amount"
    ) -> ReportChange:
        """The change of one figure against the previous report; ``KeyError`` if none."""
        key = (section, group, item, measure)
        for change in self.changes:
            if change.key == key:
                return change
        raise KeyError(key)

    @typed_arguments
    def caveat(self, kind: CaveatKind) -> ReportCaveat | None:
        """The caveat of ``kind``, if the report carries one."""
        return next((c for c in self.caveats if c.kind is kind), None)

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per figure, with its change when a previous report was given."""
        changes = {c.key: c for c in self.changes}
        base: dict[str, object] = {"period": self.period.label, "framework": self.framework_id}
        if self.provenance is not None:
            base |= self.provenance.to_record()
        else:
            base |= {"policy_id": self.policy_id, "policy_version": self.policy_version}
        rows = []
        for figure in self.figures:
            change = changes.get(figure.key)
            rows.append(
                {
                    **base,
                    **figure.to_record(),
                    "previous": None if change is None else change.previous,
                    "change": None if change is None else change.change,
                    "percent": None if change is None else change.percent,
                }
            )
        return rows

    def caveat_records(self) -> list[dict[str, object]]:
        """One flat dict per caveat."""
        return [c.to_record() for c in self.caveats]

    def change_records(self) -> list[dict[str, object]]:
        """One flat dict per change against the previous report."""
        return [c.to_record() for c in self.changes]

    def by_borough(self) -> Breakdown:
        """Spend, social value and Charter coverage of the suppliers in each borough.

        One row per Greater Manchester borough, then ``borough-unknown``, ``area-edge``,
        ``outside-gm`` and ``unlisted``.
        """
        return breakdown(self, ReportCut.BOROUGH)

    def by_supplier_type(self) -> Breakdown:
        """Spend, social value and Charter coverage by supplier type (SME, VCSE, large …)."""
        return breakdown(self, ReportCut.SUPPLIER_TYPE)

    def by_priority(self) -> Breakdown:
        """Social value and Charter commitments by priority of the report's framework."""
        return breakdown(self, ReportCut.PRIORITY)

    def year_on_year(self) -> list[str]:
        """Spend, duties, delivery and contribution against ``previous``, one sentence each.

        ``"Reviews delivered: 4, up 1 (+33.3%) from 3 in 2024/25."``; empty without a
        previous report.
        """
        from socialvalue.report.summary import year_on_year

        return year_on_year(self)

    @typed_arguments
    def summary(self, width: int = 78) -> str:
        """The report on one screen of plain text (figures rounded to present)."""
        from socialvalue.report.summary import summary

        return summary(self, width)

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        """The report as tables for a notebook: headline figures, each breakdown, caveats."""
        from socialvalue.report.tables import report_tables

        return report_tables(self)

    @typed_arguments
    def published(self, rounding: Rounding = Rounding.HALF_UP) -> PublishedReport:
        """This report rounded for publication, as a :class:`PublishedReport`.

        Money is rounded to pence and shares and ratios to 6 decimal places, each
        figure on its own (so rounded parts need not add up to a rounded total; the
        exact report's do).
        """
        return PublishedReport(
            **{
                field.name: getattr(self, field.name)
                for field in attrs.fields(RegionalReport)
                if field.name not in ("figures", "caveats", "changes")
            },
            figures=[
                attrs.evolve(f, value=_round(f.value, f.unit, rounding)) for f in self.figures
            ],
            caveats=[
                attrs.evolve(c, value=_round_optional(c.value, c.unit or "", rounding))
                for c in self.caveats
            ],
            changes=[
                attrs.evolve(
                    c,
                    previous=_round_optional(c.previous, c.unit, rounding),
                    current=_round_optional(c.current, c.unit, rounding),
                    change=_round_optional(c.change, c.unit, rounding),
                    percent=_round_optional(c.percent, "percent", rounding),
                )
                for c in self.changes
            ],
            rounding=rounding,
        )


def _places(unit: str) -> int | None:
    if unit in RATIO_UNITS:
        return _RATIO_PLACES
    if len(unit) == 3 and unit.isupper():
        return _CURRENCY_PLACES
    return None


_QUANTIZE: Final = decimal.Context(prec=60)


def _round(value: Decimal, unit: str, rounding: Rounding) -> Decimal:
    places = _places(unit)
    if places is None:
        return value
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding.value, context=_QUANTIZE)


def _round_optional(value: Decimal | None, unit: str, rounding: Rounding) -> Decimal | None:
    return None if value is None else _round(value, unit, rounding)


@attrs.frozen(field_transformer=typed_fields)
class PublishedReport(RegionalReport):
    """A :class:`RegionalReport` rounded for publication: the ``regional-report`` document.

    Money is rounded to pence and shares, ratios and percentages to 6 decimal
    places by ``rounding``, each figure on its own; counts are exact. Load one with
    ``socialvalue.load("regional-report", document)``; give it as ``previous`` to
    compare a new year against it.
    """

    rounding: Rounding = attrs.field(
        default=Rounding.HALF_UP,
        metadata={"description": "How figures were rounded to publish; ROUND_HALF_UP if absent."},
    )
