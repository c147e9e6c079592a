"""What compliance returns: a :class:`ComplianceReport` of one :class:`ComplianceRow` a supplier.

Each row says what the supplier owes (a Charter or a Review, from the threshold
assessment), what it has provided, its :class:`ComplianceStatus`, each
:class:`Gap` and what a council officer should do about it. The rules that fill the
rows, stated so they can be argued with, are in :mod:`.compliance_rules`
(:func:`~.compliance_rules.compliance`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from socialvalue._numbers import library_context_methods
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.charter.coverage import PriorityCoverage
from socialvalue.charter.signups import (
    CharterSignup,
    CharterStatus,
)
from socialvalue.errors import Issue
from socialvalue.money import Money
from socialvalue.periods import Period
from socialvalue.policy.thresholds import Obligation
from socialvalue.review.submissions import ReviewSubmission

__all__ = ["ComplianceReport", "ComplianceRow", "ComplianceStatus", "Gap"]


class ComplianceStatus(enum.Enum):
    """Where a supplier stands: nothing to do, a reminder, or a gap to close."""

    COMPLIANT = "compliant"
    """The supplier has provided what it owes."""
    RENEWAL_DUE = "renewal-due"
    """The supplier's Charter is still valid but ends within the renewal window."""
    ACTION_NEEDED = "action-needed"
    """The supplier has not provided what it owes: see the row's :class:`Gap`."""


class Gap(enum.Enum):
    """What is missing, when a supplier has not provided what it owes."""

    MISSING_CHARTER = "missing-charter"
    """A Charter is owed and none has been signed."""
    EXPIRED_CHARTER = "expired-charter"
    """A Charter is owed and the latest one signed has expired."""
    MISSING_REVIEW = "missing-review"
    """A Review is owed and neither a Review nor a Charter has been received."""
    CHARTER_NOT_REVIEW = "charter-not-review"
    """A Review is owed but the supplier has (only) signed the Charter."""
    INVALID_CHARTER = "invalid-charter"
    """A Charter is owed and the latest one signed breaks the Charter's rules."""
    INCOMPLETE_REVIEW = "incomplete-review"
    """A Review is owed and one was received, but it is not complete (see ``review_issues``)."""


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ComplianceRow:
    """One supplier: what it owes, what it has provided, the gap and the action to take."""

    supplier_id: str
    supplier_name: str | None
    owes: Obligation
    spend: Money
    period: Period
    status: ComplianceStatus
    gap: Gap | None
    provided: str
    action: str
    charter: CharterSignup | None = attrs.field(default=None, repr=False)
    charter_status: CharterStatus | None = None
    review: ReviewSubmission | None = attrs.field(default=None, repr=False)
    charter_issues: tuple[Issue, ...] = attrs.field(default=(), repr=False)
    review_issues: tuple[Issue, ...] = attrs.field(default=(), repr=False)

    @property
    def name(self) -> str:
        """The supplier's name, or its id when the name is not known."""
        return self.supplier_name or self.supplier_id

    def to_record(self) -> dict[str, object]:
        """This row as a flat dict of plain values."""
        return {
            "supplier_id": self.supplier_id,
            "supplier_name": self.supplier_name,
            "owes": self.owes.value,
            "spend": self.spend.amount,
            "currency": self.spend.currency,
            "period": self.period.label,
            "status": self.status.value,
            "gap": None if self.gap is None else self.gap.value,
            "charter_status": None if self.charter_status is None else self.charter_status.value,
            "charter_valid_until": (
                None if self.charter is None else self.charter.valid_until.isoformat()
            ),
            "charter_issues": len(self.charter_issues),
            "review_declared_on": (
                None if self.review is None else self.review.declaration.signed_on.isoformat()
            ),
            "review_issues": len(self.review_issues),
            "provided": self.provided,
            "action": self.action,
        }


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ComplianceReport:
    """Compliance of every assessed supplier on ``as_of``, with counts and priority coverage.

    ``rows`` hold one :class:`ComplianceRow` per supplier, sorted by supplier id;
    ``coverage`` the active commitments per priority; ``unmapped_commitments`` the
    active commitments that could not be reported under ``framework_id``.
    """

    policy_id: str
    policy_version: str
    as_of: date
    rows: tuple[ComplianceRow, ...] = attrs.field(repr=False)
    coverage: tuple[PriorityCoverage, ...] = attrs.field(repr=False)
    framework_id: str | None = None
    unmapped_commitments: int = 0

    def __iter__(self) -> Iterator[ComplianceRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, supplier_id: str) -> ComplianceRow:
        for row in self.rows:
            if row.supplier_id == supplier_id:
                return row
        raise KeyError(supplier_id)

    @property
    def counts(self) -> Mapping[str, int]:
        """How many suppliers have each :class:`ComplianceStatus` (every status, zeros too)."""
        counts = dict.fromkeys((s.value for s in ComplianceStatus), 0)
        for row in self.rows:
            counts[row.status.value] += 1
        return counts

    @property
    def gap_counts(self) -> Mapping[str, int]:
        """How many suppliers have each :class:`Gap` (every gap, zeros too)."""
        counts = dict.fromkeys((g.value for g in Gap), 0)
        for row in self.rows:
            if row.gap is not None:
                counts[row.gap.value] += 1
        return counts

    def needing_action(self) -> tuple[ComplianceRow, ...]:
        """The rows a council officer must act on: gaps first, then renewals due."""
        order = {ComplianceStatus.ACTION_NEEDED: 0, ComplianceStatus.RENEWAL_DUE: 1}
        rows = [row for row in self.rows if row.status in order]
        return tuple(sorted(rows, key=lambda row: (order[row.status], row.supplier_id)))

    @property
    def summary(self) -> str:
        """One sentence for the commissioner's report."""
        counts, gaps = self.counts, self.gap_counts
        parts = ", ".join(f"{n} {gap.replace('-', ' ')}" for gap, n in gaps.items() if n)
        return (
            f"On {self.as_of.isoformat()}, {len(self.rows)} suppliers assessed:"
            f" {counts['compliant']} compliant, {counts['renewal-due']} with a Charter"
            f" renewal due, {counts['action-needed']} needing action"
            + (f" ({parts})." if parts else ".")
        )

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per supplier, ready for ``pandas.DataFrame``."""
        return [row.to_record() for row in self.rows]

    def coverage_records(self) -> list[dict[str, object]]:
        """One flat dict per priority covered."""
        return [line.to_record() for line in self.coverage]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return (
            f"<p>{self.summary}</p>"
            + html_table(self.to_records(), caption="Compliance by supplier")
            + html_table(self.coverage_records(), caption="Active commitments per priority")
        )
