"""Review submissions: what a supplier over the threshold reports for a period.

Suppliers whose spend with the commissioner is £50,000 or more complete the Social
Value Review (Greater Manchester policing and crime social value policy). A
:class:`ReviewSubmission` holds one such return: who reports, for which contracts
and period, the spend in that period, the reported lines (a measure code and a
quantity in the measure's unit, with an optional evidence reference and local
flag), a signed :class:`Declaration`, and optionally the commitments made at bid
stage, to compare delivery against.

Codes and units are checked against a catalogue when the submission is scored
(:func:`socialvalue.review.scoring.check`), since one submission may be scored against
more than one catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from socialvalue._fields import Code, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money, NotNegative
from socialvalue.periods import Period
from socialvalue.review.measures import Quantity, Unit
from socialvalue.targets import MeasureTarget

__all__ = ["Declaration", "ReportedLine", "ReviewSubmission"]


def _check_date(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if type(value) is not date:
        raise TypeError(f"{attribute.name} must be a datetime.date; got {type(value).__name__}")


@attrs.frozen(field_transformer=typed_fields)
class Declaration:
    """The signed statement that a submission is true: who signed, in what role, when."""

    signatory: str = attrs.field(
        validator=Text(200), metadata={"description": "Name of the person signing."}
    )
    role: str = attrs.field(
        validator=Text(200), metadata={"description": "Their role, e.g. 'Managing Director'."}
    )
    signed_on: date = attrs.field(
        validator=_check_date,
        metadata={"description": "The day it was signed (not before the period starts)."},
    )


@attrs.frozen(field_transformer=typed_fields)
class ReportedLine:
    """One reported quantity of one measure.

    ``quantity`` is in the measure's unit (0 or more, at most 6 decimal places).
    ``unit``, when given, must match the measure's unit: it guards against a figure
    reported in the wrong unit (hours given as FTE, say). ``local`` says whether the
    activity happened in, and benefits, the commissioner's area; ``None`` means not
    stated.

    >>> ReportedLine("GM-VOLUNTEER-HOURS", Decimal("120"), evidence="timesheets-2025")
    ReportedLine(measure='GM-VOLUNTEER-HOURS', quantity=Decimal('120'), ...)
    """

    measure: str = attrs.field(
        validator=Code(), metadata={"description": "Code of the measure in the catalogue."}
    )
    quantity: Decimal = attrs.field(
        validator=Quantity(),
        metadata={"description": "How much, in the measure's unit (0 or more)."},
    )
    evidence: str | None = attrs.field(
        default=None,
        validator=Text(300, optional=True),
        metadata={
            "description": "Reference to the evidence held (e.g. 'payroll-2025-26'), or null."
        },
    )
    local: bool | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(bool)),
        metadata={
            "description": (
                "Whether the activity happened in and benefits the commissioner's area; null if not"
                " stated."
            )
        },
    )
    unit: Unit | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Unit)),
        metadata={"description": "The unit the figure is in; must match the measure's, or null."},
    )


def _contract_id(value: str) -> str:
    return value


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _lines(value: Iterable[ReportedLine]) -> tuple[ReportedLine, ...]:
    return tuple(value)


def _targets(value: Iterable[MeasureTarget]) -> tuple[MeasureTarget, ...]:
    return tuple(value)


def _commitment_measure(target: MeasureTarget) -> str:
    return target.measure


@attrs.frozen(field_transformer=typed_fields)
class ReviewSubmission:
    """A supplier's Social Value Review return for one reporting period.

    ``spend`` is what the commissioner spent with the supplier in ``period`` (the
    denominator of the social value ratio). ``commitments`` are the supplier's bid
    targets, at most one per measure. The declaration may not be signed before the
    period starts.
    """

    #: Rules across fields that no schema can state, by issue code (named in the schema).
    CROSS_FIELD_RULES: ClassVar[Mapping[str, str]] = {
        "submission.declared_before_period": (
            "the declaration is not signed before the period starts"
        ),
    }

    supplier_id: str = attrs.field(
        validator=Code(),
        metadata={"description": "The council's id of the supplier, e.g. '100234'."},
    )
    contract_ids: tuple[str, ...] = attrs.field(
        converter=_strings,
        validator=Items(0, 200, unique_by=_contract_id, what="contract id", each=Code()),
        metadata={"description": "Ids of the contracts the return covers (unique, at most 200)."},
    )
    period: Period = attrs.field(
        validator=attrs.validators.instance_of(Period),
        metadata={"description": "The reporting period."},
    )
    spend: Money = attrs.field(
        validator=NotNegative(
            "submission.negative_spend", "spend in the period cannot be negative"
        ),
        metadata={"description": "What the commissioner spent with the supplier in the period."},
    )
    lines: tuple[ReportedLine, ...] = attrs.field(
        converter=_lines,
        validator=Items(0, 10_000, what="line"),
        metadata={"description": "The reported lines, at most 10,000."},
    )
    declaration: Declaration = attrs.field(
        validator=attrs.validators.instance_of(Declaration),
        metadata={"description": "The signed declaration."},
    )
    commitments: tuple[MeasureTarget, ...] = attrs.field(
        default=(),
        converter=_targets,
        validator=Items(0, 1000, unique_by=_commitment_measure, what="commitment for measure"),
        metadata={
            "description": "Targets committed at bid stage, at most one per measure; [] if absent."
        },
    )

    def __attrs_post_init__(self) -> None:
        if self.declaration.signed_on < self.period.start:
            raise RuleViolation(
                "submission.declared_before_period",
                f"the declaration is signed on {self.declaration.signed_on.isoformat()}, before"
                f" the reporting period starts ({self.period.start.isoformat()})",
                field=["declaration", "signed_on"],
            )
