"""Compliance rules: who owes the commissioner a Charter or a Review, and who has not delivered it.

The source policy (Greater Manchester policing and crime Social Value Policy;
domain notes, section 1) asks suppliers whose spend is at or below the threshold to
sign the *Social Value Charter* and those above it to complete the *Social Value
Review*. :func:`compliance` puts the threshold assessments (what each supplier
owes) next to the Charter signups and Review submissions received (what each has
provided) and says, per supplier, what is missing and what a council officer
should do about it, on a day the caller gives, as a
:class:`~.compliance_report.ComplianceReport`.

Decisions, stated so they can be argued with:

- a Charter counts on ``as_of`` if it was signed on or before that day; the latest
  such signup is the supplier's Charter, and its :func:`~socialvalue.charter_status`
  decides between compliant, renewal due and expired;
- the latest Charter is judged by :func:`~socialvalue.check_signup` against the
  framework it names (built in, or passed in); one that breaks the Charter's rules
  does not count (:attr:`Gap.INVALID_CHARTER`);
- the Review judged is the latest declared on or before ``as_of`` whose period
  shares at least one day with the assessment's period; it is *delivered* only if
  it is complete (:func:`~socialvalue.check_complete`: it covers the whole period,
  reports at least one line and, given a ``catalogue``, scores with no issue).
  One received but not complete is a gap of its own
  (:attr:`Gap.INCOMPLETE_REVIEW`), with its reasons on the row;
- a Review where only a Charter is owed gives more than was asked and is compliant
  unless ``review_satisfies_charter=False``;
- a Charter where a Review is owed is a gap of its own (the supplier may not know
  its spend crossed the threshold);
- if a supplier has several assessments, the one for the latest period counts
  (a Review obligation wins a tie), so every supplier has exactly one row.

Coverage of priorities counts the commitments of every supplier whose latest
Charter is active or due for renewal on ``as_of``, per priority; given a
``framework``, commitments made under other frameworks are carried across by a
:class:`~socialvalue.frameworks.Crosswalk` (the built-in ones unless given).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any, Final, TypeVar

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue._typed import filler
from socialvalue.charter.compliance_report import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    Gap,
)
from socialvalue.charter.coverage import priority_coverage
from socialvalue.charter.signups import (
    DEFAULT_RENEWAL_WINDOW,
    CharterSignup,
    CharterStatus,
    charter_status,
    check_signup,
)
from socialvalue.errors import Issue
from socialvalue.frameworks import BUILTIN_FRAMEWORKS, Crosswalk, Framework
from socialvalue.money import Money, _formatted
from socialvalue.periods import Period
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Obligation
from socialvalue.review.completeness import check_complete
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.submissions import ReviewSubmission
from socialvalue.spend.assessment import Assessment

_T = TypeVar("_T")
#: A :class:`ComplianceRow` of checked values (see ``_typed.filler``), made once.
_compliance_row: Final[Callable[..., ComplianceRow]] = filler(ComplianceRow)

__all__ = ["Judged", "compliance"]


def _pick(items: list[_T], key: Callable[[_T], Any]) -> _T:
    """The item with the greatest ``key``; ties between different items go by ``repr``.

    The tie-break keeps the choice independent of input order; ``repr`` is costly,
    so it runs only on genuine ties.
    """
    if len(items) == 1:
        return items[0]
    best = max(key(item) for item in items)
    tied = [item for item in items if key(item) == best]
    return tied[0] if len(tied) == 1 else max(tied, key=repr)


def _latest_assessment(assessments: list[Assessment]) -> Assessment:
    return _pick(
        assessments,
        lambda a: (a.period.end, a.period.start, a.obligation is Obligation.REVIEW, a.total.amount),
    )


def _latest_signup(signups: Iterable[CharterSignup], as_of: date) -> CharterSignup | None:
    signed = [s for s in signups if s.signed_on <= as_of]
    return _pick(signed, lambda s: (s.signed_on, s.valid_months)) if signed else None


def _review_for(
    reviews: Iterable[ReviewSubmission], period: Period, as_of: date
) -> ReviewSubmission | None:
    found = [r for r in reviews if r.declaration.signed_on <= as_of and r.period.overlaps(period)]
    return _pick(found, lambda r: (r.declaration.signed_on, r.period.end)) if found else None


def _owed(assessment: Assessment, spend: Money) -> str:
    return f"spend of {_formatted(spend.amount, spend.currency)} in {assessment.period.label}"


def _row(
    assessment: Assessment,
    signup: CharterSignup | None,
    issues: tuple[Issue, ...],
    review: ReviewSubmission | None,
    review_issues: tuple[Issue, ...],
    as_of: date,
    renewal_window: timedelta,
    review_satisfies_charter: bool,
) -> ComplianceRow:
    name = assessment.supplier_name or assessment.supplier_id
    spend = assessment.total  # checked once, for the text and the row
    status = (
        None if signup is None else charter_status(signup, as_of, renewal_window=renewal_window)
    )
    provided = []
    if signup is not None and status is not None:
        provided.append(
            f"Charter signed {signup.signed_on.isoformat()}, valid until"
            f" {signup.valid_until.isoformat()} ({status.value})"
            + (f" with {len(issues)} problem{'s' if len(issues) > 1 else ''}" if issues else "")
        )
    if review is not None:
        problems = len(review_issues)
        provided.append(
            f"Review for {review.period.label} declared {review.declaration.signed_on.isoformat()}"
            + (
                f", not complete ({problems} problem{'s' if problems > 1 else ''})"
                if problems
                else ""
            )
        )
    complete = review is not None and not review_issues
    what = "; ".join(provided) or "nothing"
    owed = _owed(assessment, spend)

    def row(state: ComplianceStatus, gap: Gap | None, action: str) -> ComplianceRow:
        # Every field is a value checked where it was made (an assessment, a
        # signup, a Review, their issues) or text made here: the attrs __init__
        # would check the types of fourteen fields again for every supplier.
        made = _compliance_row(
            supplier_id=assessment.supplier_id,
            supplier_name=assessment.supplier_name,
            owes=assessment.obligation,
            spend=spend,
            period=assessment.period,
            status=state,
            gap=gap,
            provided=what,
            action=action,
            charter=signup,
            charter_status=status,
            review=review,
            charter_issues=issues,
            review_issues=review_issues,
        )
        return made

    if assessment.obligation is Obligation.REVIEW:
        if complete:
            return row(ComplianceStatus.COMPLIANT, None, "No action: the Review is in.")
        if review is not None:
            more = f" (and {len(review_issues) - 1} more)" if len(review_issues) > 1 else ""
            return row(
                ComplianceStatus.ACTION_NEEDED,
                Gap.INCOMPLETE_REVIEW,
                f"Ask {name} to complete its Review, which does not count yet:"
                f" {review_issues[0].path}: {review_issues[0].message}{more}.",
            )
        if signup is not None:
            return row(
                ComplianceStatus.ACTION_NEEDED,
                Gap.CHARTER_NOT_REVIEW,
                f"Tell {name} that its {owed} calls for the Social Value Review, not the"
                " Charter it signed, and ask it to complete the Review.",
            )
        return row(
            ComplianceStatus.ACTION_NEEDED,
            Gap.MISSING_REVIEW,
            f"Ask {name} to complete the Social Value Review: its {owed} is above the"
            " Charter band.",
        )
    if issues and not (complete and review_satisfies_charter):
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        return row(
            ComplianceStatus.ACTION_NEEDED,
            Gap.INVALID_CHARTER,
            f"Ask {name} to correct its Charter signup, which does not meet the Charter's"
            f" rules: {issues[0]}{more}.",
        )
    if status is CharterStatus.ACTIVE and not issues:
        return row(ComplianceStatus.COMPLIANT, None, "No action: the Charter is active.")
    if status is CharterStatus.RENEWAL_DUE and signup is not None and not issues:
        return row(
            ComplianceStatus.RENEWAL_DUE,
            None,
            f"Remind {name} that its Charter ends on {signup.valid_until.isoformat()}"
            " and ask it to sign again before then.",
        )
    if complete and review_satisfies_charter:
        return row(
            ComplianceStatus.COMPLIANT,
            None,
            "No action: a Review is in, which gives more than the Charter asks.",
        )
    if status is CharterStatus.EXPIRED and signup is not None:
        return row(
            ComplianceStatus.ACTION_NEEDED,
            Gap.EXPIRED_CHARTER,
            f"Ask {name} to sign the Social Value Charter again: its Charter ended on"
            f" {signup.valid_until.isoformat()} and its {owed} is within the Charter band.",
        )
    return row(
        ComplianceStatus.ACTION_NEEDED,
        Gap.MISSING_CHARTER,
        f"Ask {name} to sign the Social Value Charter: its {owed} is within the Charter band.",
    )


def _judge(
    signup: CharterSignup,
    known: Mapping[tuple[str, str], Framework],
    as_of: date,
    catalogue: MeasureCatalogue | None,
) -> tuple[Issue, ...]:
    """The signup's Charter issues, judged by the framework it names (if that is known)."""
    framework = known.get((signup.framework_id, signup.framework_version))
    if framework is None:
        framework = next((fw for (fid, _), fw in known.items() if fid == signup.framework_id), None)
    if framework is None:
        return ()
    return check_signup(signup, framework, as_of, catalogue=catalogue)


@in_library_context
@typed_arguments
def compliance(
    policy: Policy,
    assessments: Iterable[Assessment],
    signups: Iterable[CharterSignup],
    reviews: Iterable[ReviewSubmission],
    as_of: date,
    *,
    renewal_window: timedelta = DEFAULT_RENEWAL_WINDOW,
    review_satisfies_charter: bool = True,
    framework: Framework | None = None,
    frameworks: Iterable[Framework] = (),
    crosswalks: Iterable[Crosswalk] | None = None,
    catalogue: MeasureCatalogue | None = None,
) -> ComplianceReport:
    """Compliance of every supplier in ``assessments`` with the threshold rule on ``as_of``.

    ``assessments`` say what each supplier owes (an
    :class:`~socialvalue.spend.assessment.AssessmentResult` will do); ``signups`` and
    ``reviews`` are what has been received. Every supplier in ``assessments``
    appears exactly once, and the report does not depend on the order of any input.

    Each supplier's latest signup is judged by :func:`~socialvalue.check_signup`
    against the framework it names, looked up among ``framework``, ``frameworks``
    and the built-in ones; a signup that breaks the Charter's rules does not count
    as a Charter (:attr:`Gap.INVALID_CHARTER`) nor towards coverage. A signup naming
    a framework that none of these holds cannot be judged and is taken as given.
    Given a review ``catalogue``, commitments' targets must name its measures, and a
    Review counts as delivered only if it scores against it with no issue.

    ``framework`` reports priority coverage in that framework's codes, crossing
    other frameworks' commitments over by ``crosswalks`` (default: the built-in ones).
    """
    return _compliance(
        policy,
        assessments,
        signups,
        reviews,
        as_of,
        renewal_window=renewal_window,
        review_satisfies_charter=review_satisfies_charter,
        framework=framework,
        frameworks=frameworks,
        crosswalks=crosswalks,
        catalogue=catalogue,
    )


#: Reviews already judged by ``check_complete(review, period, catalogue)``, by the
#: review's id: (the review itself, so that the id stays its own, the period, issues).
Judged = Mapping[int, tuple[ReviewSubmission, Period, tuple[Issue, ...]]]


def _review_issues(
    review: ReviewSubmission, period: Period, catalogue: MeasureCatalogue | None, judged: Judged
) -> tuple[Issue, ...]:
    """``check_complete(review, period, catalogue)``, from ``judged`` when it is there."""
    known = judged.get(id(review))
    if known is not None and known[0] is review and known[1] == period:
        return known[2]
    return check_complete(review, period, catalogue)


def _compliance(
    policy: Policy,
    assessments: Iterable[Assessment],
    signups: Iterable[CharterSignup],
    reviews: Iterable[ReviewSubmission],
    as_of: date,
    *,
    renewal_window: timedelta = DEFAULT_RENEWAL_WINDOW,
    review_satisfies_charter: bool = True,
    framework: Framework | None = None,
    frameworks: Iterable[Framework] = (),
    crosswalks: Iterable[Crosswalk] | None = None,
    catalogue: MeasureCatalogue | None = None,
    verdicts: Judged | None = None,
) -> ComplianceReport:
    """:func:`compliance`, given (by the regional report) the Reviews it has judged already.

    The arguments are checked by the caller. ``verdicts`` must hold completeness
    judged against the same ``catalogue`` (the regional report judges each Review
    once for both its value and its duties).
    """
    verdicts = verdicts or {}
    known = {(fw.id, fw.version): fw for fw in BUILTIN_FRAMEWORKS.values()}
    known.update({(fw.id, fw.version): fw for fw in frameworks})
    if framework is not None:
        known[(framework.id, framework.version)] = framework

    by_supplier: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        by_supplier.setdefault(assessment.supplier_id, []).append(assessment)
    signups_by: dict[str, list[CharterSignup]] = {}
    for signup in signups:
        signups_by.setdefault(signup.supplier_id, []).append(signup)
    reviews_by: dict[str, list[ReviewSubmission]] = {}
    for review in reviews:
        reviews_by.setdefault(review.supplier_id, []).append(review)

    latest: dict[str, tuple[CharterSignup, tuple[Issue, ...]]] = {}
    for supplier_id, theirs in signups_by.items():
        found = _latest_signup(theirs, as_of)
        if found is not None:
            latest[supplier_id] = (found, _judge(found, known, as_of, catalogue))

    rows = []
    for supplier_id in sorted(by_supplier):
        assessment = _latest_assessment(by_supplier[supplier_id])
        judged = latest.get(supplier_id)
        charter, issues = (None, ()) if judged is None else judged
        chosen = _review_for(reviews_by.get(supplier_id, ()), assessment.period, as_of)
        review_issues = (
            () if chosen is None else _review_issues(chosen, assessment.period, catalogue, verdicts)
        )
        rows.append(
            _row(
                assessment,
                charter,
                issues,
                chosen,
                review_issues,
                as_of,
                renewal_window,
                review_satisfies_charter,
            )
        )

    live = (CharterStatus.ACTIVE, CharterStatus.RENEWAL_DUE)
    active = [
        signup
        for _, (signup, issues) in sorted(latest.items())
        if not issues and charter_status(signup, as_of, renewal_window=renewal_window) in live
    ]
    coverage, unmapped = priority_coverage(active, framework=framework, crosswalks=crosswalks)
    return ComplianceReport(
        policy_id=policy.id,
        policy_version=policy.version,
        as_of=as_of,
        rows=tuple(rows),
        coverage=coverage,
        framework_id=None if framework is None else framework.id,
        unmapped_commitments=unmapped,
    )
