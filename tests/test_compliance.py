"""Compliance: what each supplier owes, what it has provided, the gap and the action."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import frameworks
from socialvalue.charter.compliance_report import ComplianceReport, ComplianceStatus, Gap
from socialvalue.charter.compliance_rules import _compliance, compliance
from socialvalue.policy.gm_policing import default_policy
from socialvalue.policy.thresholds import Obligation
from socialvalue.policy.vat import VatBasis
from socialvalue.review.submissions import Declaration, ReviewSubmission
from socialvalue.spend.assessment import Assessment
from socialvalue.spend.assessment_rules import assess
from socialvalue.spend.payments import SpendLine

POLICY = default_policy()
YEAR = sv.parse_financial_year("2025/26")
AS_OF = date(2026, 4, 30)


def assessments(spend: dict[str, str], year: str = "2025/26") -> tuple[Assessment, ...]:
    period = sv.parse_financial_year(year)
    lines = [
        SpendLine(supplier, sv.Money(amount), period.start, VatBasis.NET)
        for supplier, amount in spend.items()
    ]
    return tuple(assess(POLICY, lines, period))


def signup(
    supplier: str,
    signed_on: date,
    framework_id: str = "gm-sv-framework-2020",
    codes: tuple[str, ...] = ("local-community",),
) -> sv.CharterSignup:
    framework = frameworks.get(framework_id)
    return sv.CharterSignup(
        supplier,
        "A. Signatory",
        "Director",
        signed_on,
        "2025",
        framework.id,
        framework.version,
        tuple(sv.CharterCommitment(code, f"Pledge for {code}.") for code in codes),
    )


def review(supplier: str, declared: date, period: sv.Period = YEAR) -> ReviewSubmission:
    return ReviewSubmission(
        supplier_id=supplier,
        contract_ids=(),
        period=period,
        spend=sv.Money("100000"),
        lines=(sv.ReportedLine("GM-VOLUNTEER-HOURS", Decimal(10)),),
        declaration=Declaration("B. Declarer", "Finance Director", declared),
    )


FIVE = {
    "100001": "12000",  # owes a Charter, has none
    "100002": "120000",  # owes a Review, signed only the Charter
    "100003": "30000",  # owes a Charter, has an active one
    "100004": "20000",  # owes a Charter, it has expired
    "100005": "80000",  # owes a Review, has nothing
}


def five_suppliers() -> ComplianceReport:
    return compliance(
        POLICY,
        assessments(FIVE),
        [
            signup("100002", date(2025, 7, 1)),
            signup("100003", date(2025, 6, 1), codes=("clean-air", "local-community")),
            signup("100004", date(2024, 4, 15)),
        ],
        [],
        AS_OF,
    )


def test_five_suppliers_each_with_their_gap_and_action() -> None:
    report = five_suppliers()
    assert [(r.supplier_id, r.owes, r.status, r.gap) for r in report.rows] == [
        ("100001", Obligation.CHARTER, ComplianceStatus.ACTION_NEEDED, Gap.MISSING_CHARTER),
        ("100002", Obligation.REVIEW, ComplianceStatus.ACTION_NEEDED, Gap.CHARTER_NOT_REVIEW),
        ("100003", Obligation.CHARTER, ComplianceStatus.COMPLIANT, None),
        ("100004", Obligation.CHARTER, ComplianceStatus.ACTION_NEEDED, Gap.EXPIRED_CHARTER),
        ("100005", Obligation.REVIEW, ComplianceStatus.ACTION_NEEDED, Gap.MISSING_REVIEW),
    ]
    assert report.counts == {"compliant": 1, "renewal-due": 0, "action-needed": 4}
    assert report.gap_counts == {
        "missing-charter": 1,
        "expired-charter": 1,
        "missing-review": 1,
        "charter-not-review": 1,
        "invalid-charter": 0,
        "incomplete-review": 0,
    }
    assert "sign the Social Value Charter: its spend of £12,000.00 in 2025/26" in (
        report["100001"].action
    )
    assert "calls for the Social Value Review" in report["100002"].action
    assert "ended on 2025-04-14" in report["100004"].action
    assert report["100001"].provided == "nothing"
    assert report["100001"].name == "100001"  # no supplier name was given
    assert (
        report["100003"].provided
    ) == "Charter signed 2025-06-01, valid until 2026-05-31 (active)"
    assert [r.supplier_id for r in report.needing_action()] == [
        "100001",
        "100002",
        "100004",
        "100005",
    ]
    assert "5 suppliers assessed: 1 compliant" in report.summary
    assert "1 missing charter" in report.summary
    assert len(report) == 5
    assert [r.supplier_id for r in report] == sorted(FIVE)
    with pytest.raises(KeyError):
        report["999"]


def test_records_and_html() -> None:
    report = five_suppliers()
    records = report.to_records()
    assert records[2] == {
        "supplier_id": "100003",
        "supplier_name": None,
        "owes": "charter",
        "spend": sv.Money("30000").amount,
        "currency": "GBP",
        "period": "2025/26",
        "status": "compliant",
        "gap": None,
        "charter_status": "active",
        "charter_valid_until": "2026-05-31",
        "charter_issues": 0,
        "review_declared_on": None,
        "review_issues": 0,
        "provided": "Charter signed 2025-06-01, valid until 2026-05-31 (active)",
        "action": "No action: the Charter is active.",
    }
    for record in records + report.coverage_records():
        assert all(isinstance(v, (str, int, type(None), Decimal)) for v in record.values())
    html = report._repr_html_()
    assert html.count("<tr>") == 1 + 5 + 1 + len(report.coverage)
    assert "Compliance by supplier" in html


def test_the_same_supplier_on_a_later_date_needs_renewal() -> None:
    report = compliance(
        POLICY, assessments(FIVE), [signup("100003", date(2025, 6, 1))], [], date(2026, 5, 20)
    )
    row = report["100003"]
    assert row.status is ComplianceStatus.RENEWAL_DUE
    assert row.charter_status is sv.CharterStatus.RENEWAL_DUE
    assert "ends on 2026-05-31" in row.action
    assert report.needing_action()[-1] is row


def test_reviews_count_only_for_the_period_and_once_declared() -> None:
    spend = assessments({"200001": "90000"})
    last_year = sv.parse_financial_year("2024/25")
    assert (
        compliance(POLICY, spend, [], [review("200001", date(2026, 4, 20))], AS_OF)["200001"].status
        is ComplianceStatus.COMPLIANT
    )
    late = compliance(POLICY, spend, [], [review("200001", date(2026, 5, 20))], AS_OF)
    assert late["200001"].gap is Gap.MISSING_REVIEW
    old = compliance(POLICY, spend, [], [review("200001", date(2025, 4, 20), last_year)], AS_OF)
    assert old["200001"].gap is Gap.MISSING_REVIEW
    row = compliance(POLICY, spend, [], [review("200001", date(2026, 4, 20))], AS_OF)["200001"]
    assert row.to_record()["review_declared_on"] == "2026-04-20"
    assert row.provided == "Review for 2025/26 declared 2026-04-20"


def test_a_review_where_a_charter_is_owed() -> None:
    spend = assessments({"300001": "10000"})
    reviews = [review("300001", date(2026, 4, 20))]
    assert compliance(POLICY, spend, [], reviews, AS_OF)["300001"].status is (
        ComplianceStatus.COMPLIANT
    )
    strict = compliance(POLICY, spend, [], reviews, AS_OF, review_satisfies_charter=False)
    assert strict["300001"].gap is Gap.MISSING_CHARTER


def test_the_latest_signup_counts_and_future_signups_do_not() -> None:
    spend = assessments({"400001": "10000"})
    renewed = [signup("400001", date(2024, 4, 1)), signup("400001", date(2025, 9, 1))]
    assert compliance(POLICY, spend, renewed, [], AS_OF)["400001"].status is (
        ComplianceStatus.COMPLIANT
    )
    future = [signup("400001", date(2026, 6, 1))]
    assert compliance(POLICY, spend, future, [], AS_OF)["400001"].gap is Gap.MISSING_CHARTER


def test_several_assessments_of_one_supplier_make_one_row() -> None:
    both = assessments({"500001": "90000"}, "2024/25") + assessments({"500001": "10000"})
    report = compliance(POLICY, both, [signup("500001", date(2025, 9, 1))], [], AS_OF)
    assert len(report) == 1
    assert report["500001"].owes is Obligation.CHARTER
    assert report["500001"].period == YEAR


def custom(codes: tuple[str, ...], fid: str = "my-council") -> sv.Framework:
    return sv.Framework(
        fid, "Mine", "1", "My Council", date(2025, 1, 1), [sv.Priority(c, c, c) for c in codes]
    )


def test_coverage_counts_active_commitments_per_priority() -> None:
    mine = custom(("local-jobs",))
    signups = [
        signup("600001", date(2025, 6, 1), codes=("clean-air", "local-community")),
        signup("600002", date(2025, 6, 1), codes=("clean-air",)),
        signup("600003", date(2024, 1, 1), codes=("clean-air",)),  # expired: not counted
        signup("600004", date(2025, 6, 1), "gm-sv-policy-2014", ("living-standards",)),
        signup("600005", date(2025, 6, 1), "ppn-06-20", ("wellbeing-x",)),  # invalid
        attrs.evolve(
            signup("600006", date(2025, 6, 1), codes=("local-jobs",)),
            framework_id=mine.id,
            framework_version=mine.version,
        ),
    ]
    report = compliance(POLICY, (), signups, [], AS_OF)
    assert len(report) == 0
    assert [(c.framework_id, c.priority, c.commitments, c.suppliers) for c in report.coverage] == [
        ("gm-sv-framework-2020", "clean-air", 2, 2),
        ("gm-sv-framework-2020", "local-community", 1, 1),
        ("gm-sv-policy-2014", "living-standards", 1, 1),
        ("my-council", "local-jobs", 1, 1),  # its framework is unknown: taken as given
    ]
    assert report.coverage[0].title == "Keep the air clean"
    assert report.coverage[-1].title is None
    known = compliance(POLICY, (), signups, [], AS_OF, frameworks=[mine])
    assert known.coverage[-1].title is None  # titles come from built-ins or `framework`

    gm = frameworks.get("gm-sv-framework-2020")
    in_2020 = compliance(POLICY, (), signups, [], AS_OF, framework=gm)
    by_code = {c.priority: (c.commitments, c.suppliers) for c in in_2020.coverage}
    assert [c.priority for c in in_2020.coverage] == list(gm.codes)
    assert by_code["clean-air"] == (2, 2)
    assert by_code["best-employment"] == (1, 1)  # living-standards crosses over
    assert by_code["skills-opportunities"] == (1, 1)
    assert by_code["local-supply-chain"] == (0, 0)
    assert in_2020.unmapped_commitments == 1  # no crosswalk from my-council
    assert in_2020.framework_id == gm.id

    old = frameworks.get("gm-sv-policy-2014")
    partial = sv.Crosswalk(old, gm, [sv.CrosswalkLink("employment", "clean-air", "test")])
    walk_mine = sv.Crosswalk(custom(("other",)), gm, [sv.CrosswalkLink("other", "clean-air", "t")])
    report = compliance(
        POLICY, (), signups, [], AS_OF, framework=gm, crosswalks=[partial, walk_mine]
    )
    # living-standards has no link; my-council's walk does not know local-jobs
    assert report.unmapped_commitments == 2
    in_mine = compliance(POLICY, (), signups, [], AS_OF, framework=mine)
    assert [(c.priority, c.commitments) for c in in_mine.coverage] == [("local-jobs", 1)]
    assert in_mine.coverage[0].title == "local-jobs"


def test_a_charter_that_breaks_the_rules_does_not_count() -> None:
    spend = assessments({"800001": "10000", "800002": "90000"})
    bad = attrs.evolve(signup("800001", date(2025, 9, 1)), signatory="", commitments=())
    report = compliance(POLICY, spend, [bad, signup("800002", date(2025, 9, 1))], [], AS_OF)
    row = report["800001"]
    assert row.gap is Gap.INVALID_CHARTER
    assert [i.code for i in row.charter_issues] == [
        "charter.no_commitments",
        "charter.no_signatory",
    ]
    assert "correct its Charter signup" in row.action
    assert "(and 1 more)" in row.action
    assert row.provided.endswith("(active) with 2 problems")
    assert row.to_record()["charter_issues"] == 2
    assert [(c.priority, c.suppliers) for c in report.coverage] == [("local-community", 1)]
    # A Charter given where a Review is owed is that gap, valid or not.
    assert report["800002"].gap is Gap.CHARTER_NOT_REVIEW
    one = attrs.evolve(bad, commitments=(sv.CharterCommitment("nope", "x"),), signatory="S")
    row = compliance(POLICY, spend, [one], [], AS_OF)["800001"]
    assert "problem" in row.provided
    assert "more" not in row.action
    with_review = compliance(POLICY, spend, [bad], [review("800001", date(2026, 4, 1))], AS_OF)
    assert with_review["800001"].status is ComplianceStatus.COMPLIANT


# Properties ---------------------------------------------------------------

supplier_ids = st.lists(
    st.from_regex(r"[1-9][0-9]{5}", fullmatch=True), min_size=0, max_size=6, unique=True
)


Scenario = tuple[list[Assessment], list[sv.CharterSignup], list[ReviewSubmission], date]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    ids = draw(supplier_ids)
    spend = {i: str(draw(st.integers(1, 150_000))) for i in ids}
    found = list(assessments(spend)) if spend else []
    signups = [
        signup(i, YEAR.start + timedelta(days=draw(st.integers(-400, 500))))
        for i in ids
        for _ in range(draw(st.integers(0, 2)))
    ]
    reviews = [
        review(i, YEAR.start + timedelta(days=draw(st.integers(0, 500))))
        for i in ids
        if draw(st.booleans())
    ]
    as_of = YEAR.start + timedelta(days=draw(st.integers(0, 500)))
    return found, signups, reviews, as_of


@given(scenarios(), st.randoms(use_true_random=False))
def test_compliance_is_independent_of_input_order(scenario: Scenario, rnd: random.Random) -> None:
    found, signups, reviews, as_of = scenario
    first = compliance(POLICY, found, signups, reviews, as_of)
    for items in (found, signups, reviews):
        rnd.shuffle(items)
    assert compliance(POLICY, found, signups, reviews, as_of) == first


@given(scenarios())
def test_every_assessed_supplier_appears_exactly_once(scenario: Scenario) -> None:
    found, signups, reviews, as_of = scenario
    doubled = found + found  # the same assessment twice still makes one row
    report = compliance(POLICY, doubled, signups, reviews, as_of)
    assert [row.supplier_id for row in report.rows] == sorted({a.supplier_id for a in found})
    assert sum(report.counts.values()) == len(report.rows)
    for row in report.rows:
        assert (row.gap is None) == (row.status is not ComplianceStatus.ACTION_NEEDED)


def test_ties_are_broken_the_same_way_whatever_the_order() -> None:
    spend = assessments({"700001": "10000", "700002": "90000"})
    day = date(2025, 9, 1)
    a = signup("700001", day, codes=("clean-air",))
    b = signup("700001", day, codes=("local-community",))
    r1, r2 = (
        review("700002", date(2026, 4, 1)),
        attrs.evolve(review("700002", date(2026, 4, 1)), spend=sv.Money("5")),
    )
    one = compliance(POLICY, spend, [a, b], [r1, r2], AS_OF)
    two = compliance(POLICY, spend, [b, a], [r2, r1], AS_OF)
    assert one == two
    assert one["700001"].charter in (a, b)


def test_charter_targets_are_judged_against_a_catalogue_when_given() -> None:
    from socialvalue.review.gm_catalogue import default_catalogue

    spend = assessments({"900001": "10000"})
    policing = frameworks.get("gm-policing-sv")
    target = sv.MeasureTarget("NOPE", Decimal(1))
    s = attrs.evolve(
        signup("900001", date(2025, 9, 1)),
        framework_id=policing.id,
        framework_version=policing.version,
        commitments=(sv.CharterCommitment("social-capital", "Volunteer.", target),),
    )
    assert compliance(POLICY, spend, [s], [], AS_OF)["900001"].gap is None
    judged = compliance(POLICY, spend, [s], [], AS_OF, catalogue=default_catalogue())
    assert judged["900001"].gap is Gap.INVALID_CHARTER


def test_priority_coverage_on_its_own() -> None:
    signups = [signup("950001", date(2025, 6, 1), "gm-sv-policy-2014", ("participation",))]
    lines, unmapped = sv.priority_coverage(signups)
    assert [(c.framework_id, c.priority, c.commitments) for c in lines] == [
        ("gm-sv-policy-2014", "participation", 1)
    ]
    gm = frameworks.get("gm-sv-framework-2020")
    lines, unmapped = sv.priority_coverage(signups, framework=gm)
    assert {c.priority: c.commitments for c in lines}["local-community"] == 1
    assert unmapped == 0
    lines, unmapped = sv.priority_coverage(signups, framework=gm, crosswalks=())
    assert unmapped == 1
    assert all(c.commitments == 0 for c in lines)


@given(scenarios())
def test_rows_equal_rows_built_through_the_checks(scenario: Scenario) -> None:
    """Rows are built without re-checking their fields; the checking __init__ agrees."""
    found, signups, reviews, as_of = scenario
    report = compliance(POLICY, found, signups, reviews, as_of)
    for row in report.rows:
        fields = {f.name: getattr(row, f.name) for f in attrs.fields(sv.ComplianceRow)}
        rebuilt = sv.ComplianceRow(**fields)
        assert rebuilt == row
        assert repr(rebuilt) == repr(row)
        assert row.spend == sv.Money(row.spend.amount, row.spend.currency)


@given(scenarios())
def test_verdicts_given_by_the_report_change_nothing(scenario: Scenario) -> None:
    """Compliance given the Reviews' completeness, as the regional report gives it, agrees."""
    found, signups, reviews, as_of = scenario
    verdicts = {id(r): (r, YEAR, sv.check_complete(r, YEAR)) for r in reviews}
    given_verdicts = _compliance(POLICY, found, signups, reviews, as_of, verdicts=verdicts)
    assert given_verdicts == compliance(POLICY, found, signups, reviews, as_of)
