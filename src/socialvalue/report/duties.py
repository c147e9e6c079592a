"""The regional report's duties, Charter coverage, counts and year-on-year change.

Duties come from :func:`socialvalue.charter.compliance_report.compliance`: one row per assessed
supplier saying what it owed (a Charter or a Review) and whether it delivered. A
Charter due for renewal counts as delivered; a gap is a row needing action.
Charter coverage is compliance's count of active commitments per priority of the
reporting framework (a commitment supporting several priorities through a
crosswalk counts under each: counts are not apportioned, since no total of them is
claimed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Final

from socialvalue.charter.compliance_report import ComplianceReport, ComplianceStatus, Gap
from socialvalue.charter.compliance_rules import Judged, _compliance
from socialvalue.charter.coverage import priority_coverage
from socialvalue.charter.signups import CharterSignup, CharterStatus, charter_status, check_signup
from socialvalue.frameworks import Crosswalk, Framework, UnknownCrosswalk, UnknownFramework
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Obligation
from socialvalue.report.cuts import coverage_cuts
from socialvalue.report.figures import (
    CaveatKind,
    ReportCaveat,
    ReportChange,
    ReportFigure,
    ReportSection,
)
from socialvalue.report.model import RegionalReport
from socialvalue.report.priorities import find_crosswalk, framework_named
from socialvalue.report.sections import RATIO, SUMS, Tally, suppliers_text
from socialvalue.review.measures import MeasureCatalogue, Unit
from socialvalue.review.submissions import ReviewSubmission
from socialvalue.spend.assessment import Assessment
from socialvalue.spend.suppliers import GREATER_MANCHESTER, LocalArea, Supplier

__all__ = ["changes", "counts_section", "duties_section"]

_HUNDRED: Final = Decimal(100)
_DELIVERED: Final = (ComplianceStatus.COMPLIANT, ComplianceStatus.RENEWAL_DUE)
_ACTIVE: Final = (CharterStatus.ACTIVE, CharterStatus.RENEWAL_DUE)


def _count(
    key: tuple[str, str, str], suppliers: Iterable[str], label: str, derivation: str
) -> ReportFigure:
    ids = sorted(suppliers)
    group, item, unit = key
    return ReportFigure(
        ReportSection.DUTIES, group, item, "suppliers", Decimal(len(ids)), unit, label, ids, 0,
        derivation.format(n=len(ids)),
    )  # fmt: skip


def _walks(
    signups: Sequence[CharterSignup], target: Framework, given: Sequence[Crosswalk]
) -> list[Crosswalk]:
    walks = []
    for framework_id in sorted({s.framework_id for s in signups} - {target.id}):
        try:
            walk, _ = find_crosswalk(framework_id, target.id, given)
        except UnknownCrosswalk:
            continue  # compliance counts these commitments as unmapped
        if walk is not None:
            walks.append(walk)
    return walks


def duties_section(
    policy: Policy,
    assessed: Mapping[str, Assessment],
    signups: Sequence[CharterSignup],
    submissions: Sequence[ReviewSubmission],
    as_of: date,
    target: Framework,
    given: Sequence[Crosswalk],
    catalogue: MeasureCatalogue,
    listed: Mapping[str, Supplier],
    area: LocalArea = GREATER_MANCHESTER,
    judged: Judged | None = None,
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    """Who owed a Charter or a Review, who delivered, the gaps; Charter coverage.

    ``judged``: the Reviews the report has already judged complete or not (see
    :func:`socialvalue.charter.compliance_rules._compliance`).
    """
    walks = _walks(signups, target, given)
    report: ComplianceReport = _compliance(
        policy,
        assessed.values(),
        signups,
        submissions,
        as_of,
        framework=target,
        crosswalks=walks,
        catalogue=catalogue,
        verdicts=judged,
    )
    on = as_of.isoformat()
    figures = []
    for obligation in (Obligation.CHARTER, Obligation.REVIEW):
        rows = [row for row in report.rows if row.owes is obligation]
        name = obligation.value
        figures += [
            _count((name, "owed", "suppliers"), (r.supplier_id for r in rows),
                   f"Suppliers that owed the {obligation.title}",
                   f"{{n}} suppliers whose assessed spend falls in the {name} band"),
            _count((name, "delivered", "suppliers"),
                   (r.supplier_id for r in rows if r.status in _DELIVERED),
                   f"Suppliers that delivered the {obligation.title}",
                   f"{{n}} of them compliant on {on} (compliance; a Charter due for"
                   " renewal counts as delivered)"),
            _count((name, "gaps", "suppliers"),
                   (r.supplier_id for r in rows if r.status is ComplianceStatus.ACTION_NEEDED),
                   f"Suppliers with a {obligation.title} gap",
                   f"{{n}} of them needing action on {on} (compliance)"),
        ]  # fmt: skip
    figures.append(
        _count(
            ("review", "incomplete", "suppliers"),
            (r.supplier_id for r in report.rows if r.gap is Gap.INCOMPLETE_REVIEW),
            "Suppliers whose Review was received but is not complete",
            f"{{n}} suppliers owing a Review whose latest Review declared by {on} does not"
            " cover the period, reports nothing or does not score: received, not delivered",
        )
    )
    for gap in Gap:
        figures.append(
            _count(
                ("gap", gap.value, "suppliers"),
                (r.supplier_id for r in report.rows if r.gap is gap),
                f"Suppliers with gap: {gap.value.replace('-', ' ')}",
                f"{{n}} suppliers whose compliance row on {on} shows this gap",
            )
        )
    figures.append(
        _count(
            ("charter", "renewal-due", "suppliers"),
            (r.supplier_id for r in report.rows if r.status is ComplianceStatus.RENEWAL_DUE),
            "Suppliers whose Charter is due for renewal",
            f"{{n}} suppliers whose Charter ends within the renewal window after {on}",
        )
    )
    supporters, commitments = _supporters(signups, as_of, target, walks, catalogue)
    figures += _coverage(report, supporters, as_of)
    figures += coverage_cuts(commitments, listed, on, area)
    caveats = []
    if report.unmapped_commitments:
        caveats.append(
            ReportCaveat(
                CaveatKind.UNMAPPED_COMMITMENTS,
                f"{report.unmapped_commitments} active Charter commitments are under priorities"
                f" no crosswalk carries to {target.id}; coverage leaves them out.",
                (), Decimal(report.unmapped_commitments), "commitments",
            )
        )  # fmt: skip
    return figures, caveats


def _supporters(
    signups: Sequence[CharterSignup],
    as_of: date,
    target: Framework,
    walks: Sequence[Crosswalk],
    catalogue: MeasureCatalogue,
) -> tuple[dict[str, set[str]], dict[str, int]]:
    """The suppliers behind each priority's coverage, judged as compliance judges them.

    A supplier counts through its latest Charter signed by ``as_of`` when that is
    valid under the Charter's rules and active or due for renewal. Also returns how
    many commitments each counted supplier's Charter makes.
    """
    # Each supplier's latest signup by (signed_on, valid_months), ties going to the
    # greatest repr: repr is costly, so it is worked out only on genuine ties.
    theirs: dict[str, list[CharterSignup]] = {}
    for signup in signups:
        if signup.signed_on <= as_of:
            theirs.setdefault(signup.supplier_id, []).append(signup)
    chosen: dict[str, CharterSignup] = {}
    for supplier_id in sorted(theirs):
        found = theirs[supplier_id]
        best = max((s.signed_on, s.valid_months) for s in found)
        tied = [s for s in found if (s.signed_on, s.valid_months) == best]
        chosen[supplier_id] = tied[0] if len(tied) == 1 else max(tied, key=repr)
    supporters: dict[str, set[str]] = {}
    commitments: dict[str, int] = {}
    # Signups committing to the same priorities under the same framework support the
    # same target priorities: work each pattern out once.
    patterns: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
    for supplier_id, signup in chosen.items():
        if charter_status(signup, as_of) not in _ACTIVE:
            continue
        try:
            framework = framework_named(signup.framework_id, [target])
        except UnknownFramework:
            framework = None
        if framework is not None and check_signup(signup, framework, as_of, catalogue=catalogue):
            continue
        commitments[supplier_id] = len(signup.commitments)
        pattern = (signup.framework_id, tuple(sorted({c.priority for c in signup.commitments})))
        if pattern not in patterns:
            lines, _ = priority_coverage([signup], framework=target, crosswalks=walks)
            patterns[pattern] = tuple(line.priority for line in lines if line.commitments)
        for code in patterns[pattern]:
            supporters.setdefault(code, set()).add(supplier_id)
    return supporters, commitments


def _coverage(
    report: ComplianceReport, supporters: Mapping[str, set[str]], as_of: date
) -> list[ReportFigure]:
    figures = []
    for line in report.coverage:
        figures.append(
            ReportFigure(
                ReportSection.COVERAGE, "priority", line.priority, "commitments",
                Decimal(line.commitments), "commitments",
                f"Active Charter commitments: {line.title or line.priority}",
                sorted(supporters.get(line.priority, ())), 0,
                f"{line.commitments} commitments from {line.suppliers} suppliers whose latest"
                f" Charter is valid and active or due for renewal on {as_of.isoformat()},"
                f" under {line.framework_id} priority {line.priority} (compliance coverage)",
            )
        )  # fmt: skip
    return figures


def counts_section(
    counts: Mapping[str, Tally], catalogue: MeasureCatalogue
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    """Record-only measures as summed quantities; percentages are not summed."""
    figures, caveats = [], []
    for code in sorted(counts):
        tally = counts[code]
        measure = catalogue.measure(code)
        if measure.unit is Unit.PERCENT:
            caveats.append(
                ReportCaveat(
                    CaveatKind.NOT_SUMMED,
                    f"{measure.code} ({measure.title}) is a percentage reported by"
                    f" {suppliers_text(len(tally.suppliers))}; percentages are not summed, so the"
                    " report gives no figure for it.",
                    sorted(tally.suppliers), None, None,
                )
            )  # fmt: skip
            continue
        figures.append(
            tally.figure(
                (ReportSection.COUNTS, "measure", code, "quantity"),
                measure.unit.value,
                measure.title,
                f"Σ of the quantities in {tally.lines:,} lines from"
                f" {suppliers_text(len(tally.suppliers))}: {tally.value.normalize():,f}"
                f" {measure.unit.value} (record-only: no proxy value, so no £ value)",
            )
        )
    if counts:
        reporters = sorted({s for tally in counts.values() for s in tally.suppliers})
        caveats.append(
            ReportCaveat(
                CaveatKind.NO_PROXY,
                f"{len(counts)} measures reported have no proxy value"
                f" ({', '.join(sorted(counts))}):"
                " they are counted in their units and never valued in £.",
                reporters, None, None,
            )
        )  # fmt: skip
    return figures, caveats


def changes(current: Sequence[ReportFigure], previous: RegionalReport | None) -> list[ReportChange]:
    """Each figure against the previous report's figure with the same key."""
    if previous is None:
        return []
    before = {f.key: f for f in previous.figures}
    now = {f.key: f for f in current}
    keys = [f.key for f in current] + [f.key for f in previous.figures if f.key not in now]
    found = []
    for key in keys:
        old, new = before.get(key), now.get(key)
        shown = new if new is not None else old
        assert shown is not None
        change = percent = None
        if old is not None and new is not None:
            change = SUMS.subtract(new.value, old.value)
            if old.value:
                percent = RATIO.multiply(RATIO.divide(change, abs(old.value)), _HUNDRED)
        found.append(
            ReportChange(
                shown.section, shown.group, shown.item, shown.measure, shown.unit,
                None if old is None else old.value, None if new is None else new.value,
                change, percent,
            )
        )  # fmt: skip
    return found
