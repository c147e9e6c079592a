"""Scoring: the hand-computed example, issues with paths, breakdowns and results."""

from __future__ import annotations

from decimal import Decimal

import pytest

import socialvalue as sv
from tests.scoring_fixtures import D, catalogue, submission, three_lines
from tests.scoring_fixtures import proxy as proxy_value


def test_three_line_submission_matches_the_hand_computation_to_the_penny() -> None:
    """Worked by hand (docs/explanation/scoring-method.md shows the same arithmetic).

    Line 1: 12 FTE × £30,000 = £360,000 gross; × (1 − 0.2) × (1 − 0.1) = £259,200 net;
            one year, so PV = £259,200.00.
    Line 2: 250 h × £16.93 = £4,232.50; × (1 − 0.25) × (1 − 0.1) = £2,856.9375 net;
            3 years, drop-off 25%: × (1 + 0.75 + 0.5625) = £6,606.66796875 undiscounted;
            PV = 2,856.9375 × (1 + 0.75/1.035 + 0.5625/1.035²) = £6,427.3593 → £6,427.36.
    Line 3: 40 h × £101 = £4,040; × (1 − 0.1) = £3,636 net; drop-off 50%:
            × (1 + 0.5 + 0.25) = £6,363 undiscounted;
            PV = 3,636 × (1 + 0.5/1.035 + 0.25/1.035²) = £6,241.0830 → £6,241.08.
    """
    report = sv.score(three_lines(), catalogue())
    pv = [line.present_value for line in report.lines]
    assert [m.round() for m in pv if m is not None] == [
        sv.Money("259200.00"),
        sv.Money("6427.36"),
        sv.Money("6241.08"),
    ]
    assert report.gross == sv.Money("368272.50")
    assert report.net == sv.Money("265692.9375")
    assert report.undiscounted == sv.Money(D("272169.66796875"))
    assert report.present_value.round() == sv.Money("271868.44")
    # 271,868.44 / 500,000 = 0.5437 per pound
    assert report.ratio.per_pound is not None
    assert report.ratio.per_pound.quantize(D("0.0001")) == D("0.5437")
    assert report.ratio.text == "£0.54 per £1 of spend (54.4%)"


def test_lines_explain_their_arithmetic() -> None:
    lines = sv.score(three_lines(), catalogue()).lines
    assert lines[0].derivation == (
        "12 FTE × £30,000.00 per FTE (Test proxy table, test edition, 2025 prices)"
        " = £360,000.00 gross; × (1 − 0.2 deadweight) × (1 − 0.1 displacement)"
        " = £259,200.00 net; one year, not discounted (the reporting year is year 0)"
    )
    assert "× (1 − 0.25 attribution) × (1 − 0.1 leakage) = £2,856.94 net" in lines[1].derivation
    assert "over 3 years, year n worth net × (1 − 0.25)^(n − 1): £6,606.67" in lines[1].derivation
    assert lines[2].derivation.endswith("£6,241.08 present value")
    assert lines[1].priority == "social-capital"


def test_breakdowns_sum_to_the_totals() -> None:
    report = sv.score(three_lines(), catalogue())
    by_priority = report.by_priority
    assert set(by_priority) == {"resilient-communities", "social-capital"}
    assert by_priority["resilient-communities"].present_value == sv.Money("259200")
    assert sum(t.present_value for t in by_priority.values()) == report.present_value
    by_kind = report.by_kind
    assert by_kind[sv.MeasureKind.LOCAL_ECONOMIC].gross == sv.Money("360000")
    assert by_kind[sv.MeasureKind.SOCIAL].gross == sv.Money("8272.50")
    assert report.totals.figure(sv.ValueBasis.NET) == report.net


def test_delivery_against_commitments() -> None:
    report = sv.score(three_lines(), catalogue())
    jobs, hours = report.delivery
    assert (jobs.committed, jobs.delivered, jobs.shortfall, jobs.met) == (
        D("15"),
        D("12"),
        D("3"),
        False,
    )
    assert jobs.ratio == D("0.8")
    assert (hours.ratio, hours.shortfall, hours.met) == (D("1.25"), D("0"), True)
    assert "1 of 2 commitments met; short: LOCAL-JOBS by 3." in report.explanation


def test_zero_commitment_has_no_ratio() -> None:
    sub = submission([], commitments=(sv.MeasureTarget("VOL-HOURS", D("0")),))
    (delivery,) = sv.score(sub, catalogue()).delivery
    assert delivery.ratio is None
    assert delivery.met


def test_record_only_measures_are_counts_never_values() -> None:
    sub = submission(
        [
            sv.ReportedLine("SCHOOL-VISITS", D("3")),
            sv.ReportedLine("SCHOOL-VISITS", D("4")),
            sv.ReportedLine("LIVING-WAGE", D("92.5")),
        ]
    )
    report = sv.score(sub, catalogue())
    assert report.gross == sv.Money("0")
    assert [(c.measure, c.quantity, c.text) for c in report.counts] == [
        ("LIVING-WAGE", D("92.5"), "92.5%"),
        ("SCHOOL-VISITS", D("7"), "7"),
    ]
    line = report.lines[0]
    assert line.present_value is None
    assert "record-only" in line.derivation
    assert "Recorded without a £ value: 92.5% (LIVING-WAGE), 7 (SCHOOL-VISITS)." in (
        report.explanation
    )


def test_non_local_lines_are_wholly_leaked_by_default() -> None:
    sub = submission(
        [
            sv.ReportedLine("VOL-HOURS", D("100"), local=False),
            sv.ReportedLine("VOL-HOURS", D("10")),
        ]
    )
    report = sv.score(sub, catalogue())
    assert report.gross == sv.Money("1862.30")  # 110 × 16.93
    assert report.net == sv.Money("114.2775")  # 10 × 16.93 × 0.675
    assert [(c.measure, c.quantity) for c in report.excluded] == [("VOL-HOURS", D("100"))]
    first = report.lines[0]
    assert first.excluded
    assert first.net == sv.Money("0")
    assert "not local" in first.derivation
    counted = sv.score(sub, catalogue(), sv.ScoringMethod(exclude_non_local=False))
    assert counted.net == sv.Money("1257.0525")
    assert counted.excluded == ()


def test_method_overrides_adjustments() -> None:
    sub = submission([sv.ReportedLine("EXPERT-HOURS", D("10"))])
    plain = sv.score(sub, catalogue(), sv.ScoringMethod(adjustments=sv.Adjustments()))
    assert plain.present_value == sv.Money("1010")
    override = sv.ScoringMethod(
        adjustments=sv.Adjustments(),
        overrides={"EXPERT-HOURS": sv.Adjustments(attribution=D("0.5"))},
    )
    assert sv.score(sub, catalogue(), override).present_value == sv.Money("505")
    assert "no adjustments, so net = gross" in plain.lines[0].derivation


def test_ratio_basis_and_zero_spend() -> None:
    sub = submission([sv.ReportedLine("EXPERT-HOURS", D("10"))], spend="0")
    report = sv.score(sub, catalogue(), sv.ScoringMethod(ratio_basis=sv.ValueBasis.GROSS))
    assert report.ratio.per_pound is None
    assert report.ratio.value == sv.Money("1010")
    assert "no spend to compare" in report.ratio.text


def test_all_problems_are_reported_together_with_paths() -> None:
    sub = submission(
        [
            sv.ReportedLine("LOCAL-JOBS", D("1")),
            sv.ReportedLine("NO-SUCH-MEASURE", D("1")),
            sv.ReportedLine("VOL-HOURS", D("5"), unit=sv.Unit.FTE),
            sv.ReportedLine("SCHOOL-VISITS", D("2.5")),
            sv.ReportedLine("LIVING-WAGE", D("120")),
        ],
        commitments=(sv.MeasureTarget("ALSO-UNKNOWN", D("1")),),
    )
    issues = sv.check_submission(sub, catalogue())
    assert [(i.path, i.code) for i in issues] == [
        ("$.commitments[0].measure", "score.unknown_measure"),
        ("$.lines[1].measure", "score.unknown_measure"),
        ("$.lines[2].unit", "score.wrong_unit"),
        ("$.lines[3].quantity", "score.bad_quantity"),
        ("$.lines[4].quantity", "score.bad_quantity"),
    ]
    with pytest.raises(sv.InvalidDocument) as info:
        sv.score(sub, catalogue())
    assert info.value.issues == issues
    assert info.value.kind == "review-submission"
    assert sv.check_submission(three_lines(), catalogue()) == ()


def test_negative_quantity_is_refused_at_its_path() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReportedLine("VOL-HOURS", D("-1"))
    assert info.value.issue().path == "$.quantity"
    with pytest.raises(sv.RuleViolation):
        sv.ReportedLine("VOL-HOURS", D("1.0000001"))
    with pytest.raises(sv.RuleViolation):
        sv.ReportedLine("VOL-HOURS", D("1E15"))


def test_currency_mismatch_is_an_issue() -> None:
    sub = sv.ReviewSubmission(
        "S1",
        (),
        three_lines().period,
        sv.Money("100", "EUR"),
        [
            sv.ReportedLine("EXPERT-HOURS", D("1")),
            sv.ReportedLine("VOL-HOURS", D("1"), local=False),
        ],
        three_lines().declaration,
    )
    issues = sv.check_submission(sub, catalogue())
    assert {(i.path, i.code) for i in issues} == {("$.spend.currency", "score.currency_mismatch")}
    assert len(issues) == 2


def test_values_beyond_money_are_an_issue() -> None:
    sub = submission([sv.ReportedLine("LOCAL-JOBS", D("999999999999"))])
    (issue,) = sv.check_submission(sub, catalogue())
    assert issue.code == "score.too_large"


def test_to_records_and_html() -> None:
    report = sv.score(three_lines(), catalogue())
    records = report.to_records()
    assert len(records) == 3
    first = records[0]
    assert first["supplier_id"] == "GB-COH-01234567"
    assert first["present_value"] == D("259200.00")
    assert first["deadweight"] == D("0.2")
    assert first["evidence"] == "payroll-2025"
    assert first["period"] == "2025/26"
    plain = (str, int, bool, Decimal, type(None))
    assert all(isinstance(v, plain) for row in records for v in row.values())
    assert all(isinstance(v, plain) for row in report.breakdown_records() for v in row.values())
    rows = report.breakdown_records()
    assert rows[0]["group"] == "total"
    assert rows[0]["present_value"] == report.present_value.amount
    page = report._repr_html_()
    assert "<table>" in page
    assert "£271,868.44" in page
    assert report.lines is report.lines  # built once


def test_report_identity_fields() -> None:
    sub = three_lines()
    report = sv.score(sub, catalogue())
    assert report.supplier_id == sub.supplier_id
    assert report.period == sub.period
    assert report.spend == sub.spend
    assert report.lines[0].quantity == D("12")


def test_rounding_is_a_presentation_policy() -> None:
    cat = sv.MeasureCatalogue(
        "c",
        "1",
        "f",
        [
            sv.ReviewMeasure(
                "M", "m", sv.Unit.HOURS, sv.MeasureKind.SOCIAL, ["p"], proxy_value("0.125")
            )
        ],
    )
    sub = submission([sv.ReportedLine("M", D("1"))])
    half_up = sv.score(sub, cat)
    half_even = sv.score(sub, cat, sv.ScoringMethod(rounding=sv.Rounding.HALF_EVEN))
    assert half_up.present_value == half_even.present_value == sv.Money("0.125")
    assert "= £0.13 gross" in half_up.lines[0].derivation
    assert "= £0.12 gross" in half_even.lines[0].derivation
    assert "Gross £0.12" in half_even.explanation
    assert "£0.12" in half_even._repr_html_()


@pytest.mark.parametrize("amount", ["0.125", "-0.125", "1234567.895", "0", "-0.001", "0.135"])
@pytest.mark.parametrize("policy", list(sv.Rounding))
@pytest.mark.parametrize("currency", ["GBP", "EUR"])
def test_derivation_amounts_show_as_money_does(
    amount: str, policy: sv.Rounding, currency: str
) -> None:
    from socialvalue.review.scored_lines import _shown

    assert _shown(D(amount), currency, policy) == sv.Money(amount, currency).format(policy)


def test_each_kind_of_problem_alone_is_found() -> None:
    """The fast path hands over to the thorough one whatever the first problem is."""
    only_commitment = submission([], commitments=(sv.MeasureTarget("NOPE", D("1")),))
    (issue,) = sv.check_submission(only_commitment, catalogue())
    assert issue.path == "$.commitments[0].measure"
    only_excluded = sv.ReviewSubmission(
        "S1",
        (),
        three_lines().period,
        sv.Money("100", "EUR"),
        [sv.ReportedLine("VOL-HOURS", D("1"), local=False)],
        three_lines().declaration,
    )
    (issue,) = sv.check_submission(only_excluded, catalogue())
    assert issue.code == "score.currency_mismatch"


def test_an_override_for_an_unknown_measure_is_refused() -> None:
    method = sv.ScoringMethod(overrides={"NO-SUCH": sv.Adjustments()})
    with pytest.raises(sv.UnknownMeasure):
        sv.score(three_lines(), catalogue(), method)
    with pytest.raises(TypeError):
        sv.ScoringMethod(overrides={"X": D("0.1")})  # type: ignore[dict-item]


def test_a_score_report_reads_well_at_a_prompt() -> None:
    year = sv.example_year()
    report = sv.score(year.submissions[0], year.catalogue)
    assert repr(report) == "<ScoreReport supplier 100101, 2025/26: 1 line, present value £5,079.00>"
    assert str(report) == report.explanation
    assert report.explanation.startswith("Supplier 100101, 2025/26: 1 line scored against")


def test_an_assessment_result_says_what_it_holds() -> None:
    assert repr(sv.example_year().assessments()) == (
        "<AssessmentResult 2025/26 under gm-policing-sv: 12 suppliers (5 Charter, 7 Review),"
        " 0 outside the period>"
    )


def test_counts_and_ratios_read_as_english() -> None:
    from socialvalue.review.score_figures import SocialValueRatio, _quantity_text

    assert _quantity_text(Decimal(1), sv.Unit.PEOPLE) == "1 person"
    assert _quantity_text(Decimal(2), sv.Unit.PEOPLE) == "2 people"
    assert _quantity_text(Decimal(1), sv.Unit.HOURS) == "1 hour"
    assert _quantity_text(Decimal(1), sv.Unit.FTE) == "1 FTE"
    tiny = SocialValueRatio(
        sv.ValueBasis.PRESENT_VALUE,
        sv.Money("40"),
        sv.Money("10000"),
        Decimal("0.004"),
        Decimal("0.4"),
    )
    assert tiny.text == "less than £0.01 per £1 of spend (0.4%)"
    unspent = SocialValueRatio(
        sv.ValueBasis.PRESENT_VALUE, sv.Money("16.93"), sv.Money("0"), None, None
    )
    assert unspent.text == "£16.93 of present value; no spend to compare"
