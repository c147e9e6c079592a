"""The commissioner's annual social value report: the contribution of all suppliers.

The source policy asks for the Social Value Review so that the commissioner can
"measure the social contribution we and our suppliers are making to the Greater
Manchester region" (Greater Manchester policing and crime Social Value Policy). One
supplier's score is not that measure; the sum across the year's suppliers is.
:func:`regional_report` builds it from the objects the rest of the library makes.

Rules, stated so that they can be argued with:

- **Spend** is the threshold assessments' totals for the report's period (net of
  credit notes); assessments for other periods are left out and counted in a caveat.
  "Local" is a :class:`~socialvalue.spend.suppliers.LocalArea` (Greater Manchester by
  default); a supplier missing from the supplier list is never local.
- **One Review per supplier** counts: the latest declared on or before ``as_of``
  among those whose period shares a day with the report's (the rule
  :func:`socialvalue.charter.compliance_report.compliance` uses); earlier ones are superseded.
- A supplier that owed a Review and has none counted is **unmeasured**, listed in a
  caveat with its spend, never counted as zero value. A Review is **delivered** when
  it is declared by ``as_of``, covers the whole period, reports at least one line
  and scores against the catalogue with no issue
  (:func:`~socialvalue.check_complete`, as compliance judges it); one received but
  not complete is counted apart, with its reasons in a caveat, and its value left
  out, not guessed at.
- **Contribution** sums each counted Review's score (:func:`socialvalue.score`,
  with ``method``): gross, net and present value, local economic value apart from
  other social value, and by priority. Under another framework than the
  catalogue's, value is carried through a crosswalk and apportioned so that totals
  are preserved exactly (:mod:`socialvalue.report.priorities`).
- The **social value ratio** divides the value (on ``method.ratio_basis``, present
  value by default) by the assessed spend with the suppliers whose Reviews count:
  spend no Review covers is left out of the ratio and reported as a caveat.
- **Record-only measures** are summed in their units; percentages are not summed.
- **LM3** comes from the local re-spend the counted Reviews report, per supplier and
  for the region, with a caveat for the Reviews that do not report it
  (:mod:`socialvalue.report.lm3`).
- **ReportChange** compares each figure with the figure of the same key in ``previous``
  (a :class:`RegionalReport` or a loaded :class:`PublishedReport`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue.charter.signups import CharterSignup
from socialvalue.errors import InvalidDocument, Issue, RuleViolation
from socialvalue.frameworks import Crosswalk, Framework
from socialvalue.money import _formatted
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis, Obligation
from socialvalue.report.contract_kpis import kpi_delivery
from socialvalue.report.contribution import contribution_section
from socialvalue.report.cuts import contribution_cuts, priority_ratios
from socialvalue.report.duties import changes, counts_section, duties_section
from socialvalue.report.figures import (
    CaveatKind,
    ReportCaveat,
    ReportChange,
    ReportFigure,
    ReportSection,
)
from socialvalue.report.lm3 import lm3_section
from socialvalue.report.model import PublishedReport, RegionalReport
from socialvalue.report.priorities import find_crosswalk, framework_named
from socialvalue.report.sections import Tally, spend_section
from socialvalue.review.completeness import _judged_and_scored
from socialvalue.review.gm_catalogue import GM_RESPEND_MEASURES
from socialvalue.review.local_respend import RespendMeasures
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.method import ScoringMethod
from socialvalue.review.score_report import ScoreReport
from socialvalue.review.submissions import ReviewSubmission
from socialvalue.spend.assessment import Assessment
from socialvalue.spend.contracts import Contract
from socialvalue.spend.suppliers import GREATER_MANCHESTER, LocalArea, Supplier

__all__ = [
    "ReportCaveat",
    "CaveatKind",
    "ReportChange",
    "ReportFigure",
    "PublishedReport",
    "RegionalReport",
    "ReportSection",
    "regional_report",
]


def _money(amount: Decimal, currency: str) -> str:
    return _formatted(amount, currency)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _latest(found: list[ReviewSubmission]) -> ReviewSubmission:
    def key(review: ReviewSubmission) -> tuple[date, date, date]:
        return review.declaration.signed_on, review.period.end, review.period.start

    best = max(found, key=key)
    ties = [r for r in found if key(r) == key(best)]
    return best if len(ties) == 1 else max(ties, key=repr)


def _select_reviews(
    submissions: Iterable[ReviewSubmission], period: Period, as_of: date
) -> tuple[dict[str, ReviewSubmission], list[str], list[str]]:
    """The counted Review of each supplier; suppliers with Reviews left out or superseded."""
    candidates: dict[str, list[ReviewSubmission]] = {}
    not_counted: list[str] = []
    for review in submissions:
        if review.period.overlaps(period) and review.declaration.signed_on <= as_of:
            candidates.setdefault(review.supplier_id, []).append(review)
        else:
            not_counted.append(review.supplier_id)
    chosen = {sid: _latest(found) for sid, found in candidates.items()}
    superseded = [sid for sid, found in candidates.items() if len(found) > 1]
    return chosen, sorted(set(not_counted)), sorted(superseded)


def _framework(
    framework: Framework | str | None,
    catalogue: MeasureCatalogue,
    crosswalks: tuple[Crosswalk, ...],
) -> Framework:
    known = [f for walk in crosswalks for f in (walk.source, walk.target)]
    if isinstance(framework, Framework):
        return framework
    return framework_named(framework or catalogue.framework_id, known)


def _assessed(
    assessments: Iterable[Assessment], period: Period
) -> tuple[dict[str, Assessment], list[str]]:
    assessed: dict[str, Assessment] = {}
    other: list[str] = []
    for assessment in assessments:
        if assessment.period != period:
            other.append(assessment.supplier_id)
            continue
        if assessment.supplier_id in assessed:
            raise RuleViolation(
                "report.duplicate_assessment",
                f"supplier {assessment.supplier_id} is assessed twice for {period.label};"
                " give one assessment per supplier (assess() makes exactly one)",
            )
        assessed[assessment.supplier_id] = assessment
    return assessed, sorted(set(other))


@in_library_context
@typed_arguments
def regional_report(
    policy: Policy,
    period: Period | str,
    assessments: Iterable[Assessment],
    signups: Iterable[CharterSignup],
    submissions: Iterable[ReviewSubmission],
    catalogue: MeasureCatalogue,
    suppliers: Iterable[Supplier],
    previous: RegionalReport | None = None,
    *,
    framework: Framework | str | None = None,
    crosswalks: Iterable[Crosswalk] = (),
    method: ScoringMethod | None = None,
    area: LocalArea = GREATER_MANCHESTER,
    as_of: date | None = None,
    respend: RespendMeasures = GM_RESPEND_MEASURES,
    contracts: Iterable[Contract] = (),
) -> RegionalReport:
    """The year's social value report across every supplier (see the module docstring).

    ``assessments`` are the year's threshold assessments (an
    :class:`~socialvalue.spend.assessment.AssessmentResult` will do); ``signups`` and
    ``submissions`` the Charters and Reviews received; ``suppliers`` the supplier
    list (type and place). ``framework`` (a framework or a built-in id; the
    catalogue's own by default) is the one priorities are reported under;
    ``crosswalks`` add to the built-in ones. ``as_of`` is the day the report is drawn
    up: by default the latest of the period's end and every declaration and signup
    date given, so that everything received counts. Pure: no input is changed and
    the result does not depend on the order of any input. ``respend`` names the
    catalogue's measures of local re-spend, which feed LM3 (:mod:`socialvalue.report.lm3`).
    ``contracts`` with KPIs add the ``kpis`` section, delivery against contract KPIs
    (:mod:`socialvalue.report.contract_kpis`).
    """
    if isinstance(period, str):
        period = parse_financial_year(period)
    if previous is not None and not previous.period.end < period.start:
        raise RuleViolation(
            "report.previous_not_earlier",
            f"the previous report is for {previous.period.label}, which does not end before"
            f" {period.label} starts: year on year compares with an earlier period",
            field=["previous"],
        )
    method = method or ScoringMethod()
    signups, submissions = tuple(signups), tuple(submissions)
    walks = tuple(crosswalks)
    listed = {supplier.id: supplier for supplier in suppliers}
    currency = policy.currency
    if as_of is None:
        as_of = max(
            [period.end]
            + [s.declaration.signed_on for s in submissions]
            + [s.signed_on for s in signups]
        )
    target = _framework(framework, catalogue, walks)
    walk, route = find_crosswalk(catalogue.framework_id, target.id, walks)
    assessed, other_periods = _assessed(assessments, period)
    chosen, not_counted, superseded = _select_reviews(submissions, period, as_of)

    scored: dict[str, ScoreReport] = {}
    incomplete: dict[str, tuple[Issue, ...]] = {}
    judged: dict[int, tuple[ReviewSubmission, Period, tuple[Issue, ...]]] = {}
    for supplier_id in sorted(chosen):
        # Judged as compliance judges it, so that "delivered" and the value agree;
        # compliance reuses the verdict rather than scoring the Review again.
        review = chosen[supplier_id]
        try:
            problems, report = _judged_and_scored(review, period, catalogue, method)
        except InvalidDocument as exc:  # the method's own choices can still refuse it
            judged[id(review)] = (review, period, ())
            incomplete[supplier_id] = exc.issues
            continue
        judged[id(review)] = (review, period, problems)
        if report is None:
            incomplete[supplier_id] = problems
        else:
            scored[supplier_id] = report
    covered = Tally()
    for supplier_id in sorted(scored):
        if supplier_id in assessed:
            assessment = assessed[supplier_id]
            covered.add(assessment.amount, supplier_id, assessment.line_count)

    figures, caveats = spend_section(assessed, listed, area, currency, period)
    contribution, more, counts = contribution_section(
        scored, covered, catalogue, method, target, walk, currency
    )
    figures += contribution
    figures += priority_ratios(contribution, covered.value, method, currency)
    figures += contribution_cuts(scored, assessed, listed, method, currency, area)
    caveats += more
    count_figures, more = counts_section(counts, catalogue)
    figures += count_figures
    caveats += more
    duty_figures, more = duties_section(
        policy, assessed, signups, submissions, as_of, target, walks, catalogue, listed, area,
        judged,
    )  # fmt: skip
    figures += duty_figures
    caveats += more
    lm3_figures, more = lm3_section(scored, catalogue, respend, currency)
    figures += lm3_figures
    caveats += more
    figures += kpi_delivery(
        contracts, chosen.values(), catalogue, period, method=method, as_of=as_of
    ).figures()
    caveats += _review_caveats(
        policy, period, assessed, scored, incomplete, not_counted, superseded, other_periods
    )
    apportionment = f"Priorities are reported under {target.label}. {route}." + (
        ""
        if walk is None
        else " Each source priority's value, summed over every supplier, is split in"
        " equal shares among the priorities the crosswalk maps it to; shares that are"
        " not exact decimals of at most 40 places are cut at 1E-40 and the units left"
        " over go one each to the first targets in link order, so every total is"
        " preserved exactly. Value under a priority with no link is shown as 'unmapped'."
    )
    return RegionalReport(
        policy_id=policy.id,
        policy_version=policy.version,
        period=period,
        as_of=as_of,
        currency=currency,
        area=area.name,
        framework_id=target.id,
        framework_version=target.version,
        catalogue_id=catalogue.id,
        catalogue_version=catalogue.version,
        value_basis=method.ratio_basis,
        apportionment=apportionment,
        figures=figures,
        caveats=caveats,
        changes=changes(figures, previous),
        previous_period=None if previous is None else previous.period,
        provenance=policy.provenance,
    )


def _reasons(incomplete: dict[str, tuple[Issue, ...]], shown: int = 10) -> str:
    """``100112: the Review reports no lines; 100113: …``, the first reason of each."""
    parts = []
    for supplier_id in sorted(incomplete)[:shown]:
        issues = incomplete[supplier_id]
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        first = issues[0]
        parts.append(f"{supplier_id}: {first.path}: {first.message[:200]}{more}")
    rest = len(incomplete) - shown
    return "; ".join(parts) + (f"; and {rest:,} more Reviews." if rest > 0 else ".")


def _review_caveats(
    policy: Policy,
    period: Period,
    assessed: dict[str, Assessment],
    scored: dict[str, ScoreReport],
    incomplete: dict[str, tuple[Issue, ...]],
    not_counted: list[str],
    superseded: list[str],
    other_periods: list[str],
) -> list[ReportCaveat]:
    currency = policy.currency
    found: list[ReportCaveat] = []

    def add(kind: CaveatKind, message: str, suppliers: list[str], amount: Tally | None) -> None:
        value = None if amount is None else amount.value
        found.append(
            ReportCaveat(kind, message, suppliers, value, None if value is None else currency)
        )

    unmeasured, uncovered = Tally(), Tally()
    for supplier_id in sorted(assessed):
        if supplier_id in scored:
            continue
        assessment = assessed[supplier_id]
        uncovered.add(assessment.amount, supplier_id, assessment.line_count)
        if assessment.obligation is Obligation.REVIEW:
            unmeasured.add(assessment.amount, supplier_id, assessment.line_count)
    if unmeasured.suppliers:
        add(
            CaveatKind.UNMEASURED,
            f"{_plural(len(unmeasured.suppliers), 'supplier')} owed a Review and none is"
            f" counted: their social value is unmeasured, not zero (spend"
            f" {_money(unmeasured.value, currency)}).",
            sorted(unmeasured.suppliers),
            unmeasured,
        )
    if uncovered.suppliers:
        add(
            CaveatKind.UNCOVERED_SPEND,
            f"{_money(uncovered.value, currency)} of spend, with"
            f" {_plural(len(uncovered.suppliers), 'supplier')}, is covered by no counted"
            " Review: the social value ratio leaves it out.",
            sorted(uncovered.suppliers),
            uncovered,
        )
    orphans = sorted(set(scored) - set(assessed))
    if orphans:
        add(
            CaveatKind.REVIEW_WITHOUT_SPEND,
            f"{_plural(len(orphans), 'Review')} came from suppliers with no assessed spend in"
            f" {period.label}: their value is counted, their spend is not.",
            orphans,
            None,
        )
    if incomplete:
        add(
            CaveatKind.INCOMPLETE_REVIEW,
            f"{_plural(len(incomplete), 'Review')} received"
            f" {'is' if len(incomplete) == 1 else 'are'} not complete, so"
            f" {'it is' if len(incomplete) == 1 else 'they are'} not counted as delivered and"
            " the value left out: " + _reasons(incomplete),
            sorted(incomplete),
            None,
        )
    if superseded:
        add(
            CaveatKind.SUPERSEDED_REVIEW,
            f"{_plural(len(superseded), 'supplier')} sent more than one Review: only the"
            " latest declared counts.",
            superseded,
            None,
        )
    if not_counted:
        add(
            CaveatKind.REVIEW_NOT_COUNTED,
            f"Reviews from {_plural(len(not_counted), 'supplier')} are for another period or"
            " were declared after the report's date, and are not counted.",
            not_counted,
            None,
        )
    if other_periods:
        add(
            CaveatKind.ASSESSMENT_NOT_COUNTED,
            f"Assessments of {_plural(len(other_periods), 'supplier')} are for another period"
            f" than {period.label} and are left out.",
            other_periods,
            None,
        )
    if policy.basis is Basis.CONTRACT_VALUE:
        add(
            CaveatKind.CONTRACT_BASIS,
            "The policy tests contract values, so the spend figures are the whole-life values"
            " of each supplier's largest live contract, not money paid in the year.",
            [],
            None,
        )
    return found
