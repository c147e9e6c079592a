"""The pieces of a regional report: figures, changes and caveats, each with its key.

A :class:`ReportFigure` is one number named by ``(section, group, item, measure)``
with the suppliers and lines it sums and its derivation in words; a
:class:`ReportChange` compares it with last year's; a :class:`ReportCaveat` says what
the numbers carry. :mod:`socialvalue.report.model` holds the report they make up.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._fields import (
    CODE_PATTERN,
    Code,
    DecimalRange,
    FieldCheck,
    Items,
    Text,
    Whole,
)
from socialvalue._numbers import library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation

__all__ = [
    "CaveatKind",
    "Codes",
    "Key",
    "ReportCaveat",
    "ReportChange",
    "ReportFigure",
    "ReportSection",
]

_CODE: Final = re.compile(CODE_PATTERN)


class ReportSection(enum.Enum):
    """The part of the report a figure belongs to."""

    SPEND = "spend"
    """What was spent, with whom and where (from the threshold assessments)."""
    DUTIES = "duties"
    """Who owed a Charter or a Review, and who delivered (from compliance)."""
    CONTRIBUTION = "contribution"
    """Social value in money from the year's Reviews."""
    COUNTS = "counts"
    """Record-only measures: quantities with no proxy value, summed."""
    COVERAGE = "coverage"
    """Active Charter commitments per priority."""
    LOCAL_MULTIPLIER = "local-multiplier"
    """LM3 from the local re-spend the Reviews report, per supplier and for the region."""


class CaveatKind(enum.Enum):
    """Why a number in the report needs care."""

    UNMEASURED = "unmeasured"
    """A Review was owed but none was counted: the supplier is unmeasured, not zero."""
    UNCOVERED_SPEND = "uncovered-spend"
    """Spend with suppliers whose value no counted Review measures."""
    NO_PROXY = "no-proxy"
    """Measures reported without a proxy value: counted, never valued."""
    NOT_SUMMED = "not-summed"
    """Record-only percentages: a sum of percentages means nothing, so none is shown."""
    UNMAPPED_PRIORITY = "unmapped-priority"
    """Value under priorities the crosswalk does not carry to the reporting framework."""
    SUPERSEDED_REVIEW = "superseded-review"
    """A supplier sent more than one Review; only the latest declared counts."""
    REVIEW_NOT_COUNTED = "review-not-counted"
    """A Review for another period, or declared after the report's date."""
    UNSCORABLE_REVIEW = "unscorable-review"
    """A Review could not be scored against the catalogue (see its issues)."""
    REVIEW_WITHOUT_SPEND = "review-without-spend"
    """A Review from a supplier with no assessed spend in the period."""
    UNLISTED_SUPPLIER = "unlisted-supplier"
    """Spend with suppliers missing from the supplier list: type and place unknown."""
    ASSESSMENT_NOT_COUNTED = "assessment-not-counted"
    """Assessments for another period than the report's."""
    CONTRACT_BASIS = "contract-basis"
    """The policy tests contract values, so 'spend' figures are contract values."""
    NO_POSITIVE_SPEND = "no-positive-spend"
    """Total spend is not positive, so no share of it can be given."""
    UNMAPPED_COMMITMENTS = "unmapped-commitments"
    """Charter commitments that could not be reported under the framework."""
    RESPEND_UNREPORTED = "respend-unreported"
    """Reviews that do not report local re-spend: those suppliers have no LM3."""
    ROUND3_UNREPORTED = "round3-unreported"
    """Reviews with no LM3 round 3: counted as zero, so their LM3 is a lower bound."""
    RESPEND_IMPOSSIBLE = "respend-impossible"
    """Reviews whose local re-spend exceeds their income, or with no income: no LM3."""
    UNCERTAIN_LOCATION = "uncertain-location"
    """Suppliers whose postcode district crosses the local area's edge: not counted local."""


@attrs.frozen(field_transformer=typed_fields)
class Codes(FieldCheck):
    """A list of codes (supplier ids), each checked, at most ``max_items``."""

    max_items: int = 100_000
    optional: bool = False

    def check(self, value: Any) -> None:
        """Raise unless ``value`` is a sequence of codes."""
        Items(0, self.max_items, what="supplier id").check(value)
        match = _CODE.fullmatch
        if all(type(item) is str and match(item) for item in value):
            return
        code = Code()
        for index, item in enumerate(value):
            try:
                code.check(item)
            except RuleViolation as exc:
                raise RuleViolation(exc.code, exc.message, field=[index]) from None


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


_FINITE: Final = DecimalRange()
_OPTIONAL_FINITE: Final = DecimalRange(optional=True)
_LINES: Final = Whole(0, 1_000_000_000)
Key = tuple[str, str, str, str]


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ReportFigure:
    """One number in the report, with what it sums and how.

    A figure is named by ``section``, ``group`` (``"total"``, ``"type"``,
    ``"borough"``, ``"priority"`` …), ``item`` (``"all"``, ``"sme"``,
    ``"bolton"``, a priority or measure code) and ``measure`` (``"amount"``,
    ``"share"``, ``"gross"``, ``"net"``, ``"present-value"``, ``"owed"`` …).
    ``unit`` is a currency code for money, ``"share"``/``"ratio"`` for fractions,
    ``"suppliers"`` or ``"commitments"`` for counts, or a measure's unit.
    ``suppliers`` lists the suppliers the figure sums (sorted) and ``lines`` how many
    spend or Review lines stand behind it.
    """

    section: ReportSection
    group: str = attrs.field(validator=Code())
    item: str = attrs.field(validator=Code())
    measure: str = attrs.field(validator=Code())
    value: Decimal = attrs.field(validator=_FINITE)
    unit: str = attrs.field(validator=Code())
    label: str = attrs.field(validator=Text(300))
    suppliers: tuple[str, ...] = attrs.field(converter=_strings, validator=Codes())
    lines: int = attrs.field(validator=_LINES)
    derivation: str = attrs.field(validator=Text(4000, multiline=True))

    @property
    def key(self) -> Key:
        """``(section, group, item, measure)``: unique within a report."""
        return (self.section.value, self.group, self.item, self.measure)

    def to_record(self) -> dict[str, object]:
        """This figure as a flat dict of plain values."""
        return {
            "section": self.section.value,
            "group": self.group,
            "item": self.item,
            "measure": self.measure,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "suppliers": len(self.suppliers),
            "lines": self.lines,
            "derivation": self.derivation,
        }


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ReportChange:
    """One figure against the previous report: absolute and percentage change.

    ``previous`` or ``current`` is ``None`` when the figure is in only one report;
    ``change`` is ``current − previous`` when both are there; ``percent`` is
    ``100 × change ÷ |previous|`` (28 significant digits) when ``previous`` is not zero.
    """

    section: ReportSection
    group: str = attrs.field(validator=Code())
    item: str = attrs.field(validator=Code())
    measure: str = attrs.field(validator=Code())
    unit: str = attrs.field(validator=Code())
    previous: Decimal | None = attrs.field(validator=_OPTIONAL_FINITE)
    current: Decimal | None = attrs.field(validator=_OPTIONAL_FINITE)
    change: Decimal | None = attrs.field(validator=_OPTIONAL_FINITE)
    percent: Decimal | None = attrs.field(validator=_OPTIONAL_FINITE)

    @property
    def key(self) -> Key:
        """``(section, group, item, measure)`` of the figure compared."""
        return (self.section.value, self.group, self.item, self.measure)

    def to_record(self) -> dict[str, object]:
        """This change as a flat dict of plain values."""
        return {
            "section": self.section.value,
            "group": self.group,
            "item": self.item,
            "measure": self.measure,
            "unit": self.unit,
            "previous": self.previous,
            "current": self.current,
            "change": self.change,
            "percent": self.percent,
        }


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ReportCaveat:
    """Something the report's numbers carry: which suppliers, and how much, if money."""

    kind: CaveatKind
    message: str = attrs.field(validator=Text(4000, multiline=True))
    suppliers: tuple[str, ...] = attrs.field(converter=_strings, validator=Codes())
    value: Decimal | None = attrs.field(validator=_OPTIONAL_FINITE)
    unit: str | None = attrs.field(validator=Code(optional=True))

    def to_record(self) -> dict[str, object]:
        """This caveat as a flat dict of plain values."""
        return {
            "kind": self.kind.value,
            "message": self.message,
            "suppliers": len(self.suppliers),
            "value": self.value,
            "unit": self.unit,
        }
