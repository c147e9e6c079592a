"""The Social Value Charter: signups, their status, and compliance with the policy.

A supplier with spend of £50k or less "signs the Social Value Charter", committing
to the commissioner's priorities (the source policy). :mod:`.signups` holds the
Charter, its commitments and when a signup is current; :mod:`.coverage` which
priorities the signups cover; :mod:`.compliance_rules` who owes a Charter or a
Review for a period and who has delivered it, as a report
(:mod:`.compliance_report`). Compliance reads Review submissions,
so this area sits above the review area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.charter.compliance_report import (
        ComplianceReport,
        ComplianceRow,
        ComplianceStatus,
        Gap,
    )
    from socialvalue.charter.compliance_rules import compliance
    from socialvalue.charter.coverage import PriorityCoverage, priority_coverage
    from socialvalue.charter.signups import (
        CharterCommitment,
        CharterSignup,
        CharterStatus,
        charter_status,
        check_signup,
    )

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.charter.signups": (
            "CharterCommitment",
            "CharterSignup",
            "CharterStatus",
            "charter_status",
            "check_signup",
        ),
        "socialvalue.charter.coverage": (
            "PriorityCoverage",
            "priority_coverage",
        ),
        "socialvalue.charter.compliance_report": (
            "ComplianceReport",
            "ComplianceRow",
            "ComplianceStatus",
            "Gap",
        ),
        "socialvalue.charter.compliance_rules": ("compliance",),
    },
)

__all__ = [
    "CharterCommitment",
    "CharterSignup",
    "CharterStatus",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "Gap",
    "PriorityCoverage",
    "charter_status",
    "check_signup",
    "compliance",
    "priority_coverage",
]
