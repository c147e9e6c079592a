"""LM3 from the data: the Reviews' local re-spend feeds the regional report's multiplier."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from tests.report_fixtures import DECLARED, YEAR, hand_year

D = Decimal
CHAIN, STAFF, ROUND3 = "GM-SPEND-LOCAL-SUPPLY-CHAIN", "GM-SPEND-LOCAL-STAFF", "GM-LM3-ROUND3"


def review(supplier_id: str, spend: str, *lines: sv.ReportedLine) -> sv.ReviewSubmission:
    return sv.ReviewSubmission(supplier_id, (), YEAR, sv.Money(spend), lines, DECLARED)


def line(code: str, amount: str, local: bool | None = None) -> sv.ReportedLine:
    return sv.ReportedLine(code, D(amount), local=local)


def report_of(*reviews: sv.ReviewSubmission, **options: Any) -> sv.RegionalReport:
    year = hand_year()
    return sv.regional_report(**{**year, "submissions": reviews}, **options)


def test_the_example_year_by_hand() -> None:
    """100101: (320,000 + 96,000 + 112,000 + 62,400) ÷ 320,000 = 590,400 ÷ 320,000 = 1.845.

    100109: (180,000 + 27,000 + 81,000 + 0) ÷ 180,000 = 288,000 ÷ 180,000 = 1.6, a lower
    bound (no round 3). The region: (500,000 + 316,000 + 62,400) ÷ 500,000 = 1.7568.
    """
    report = sv.example_year().report()
    value = report.value
    assert value("local-multiplier", "supplier", "100101", "lm3") == D("1.845")
    assert value("local-multiplier", "supplier", "100101", "round2") == D(208000)
    assert value("local-multiplier", "supplier", "100109", "lm3") == D("1.6")
    assert value("local-multiplier", "supplier", "100109", "round3") == 0
    assert value("local-multiplier", "total", "all", "round1") == D(500000)
    assert value("local-multiplier", "total", "all", "round2") == D(316000)
    assert value("local-multiplier", "total", "all", "round3") == D(62400)
    region = report.figure("local-multiplier", "total", "all", "lm3")
    assert region.value == D("1.7568")
    assert region.suppliers == ("100101", "100109")
    assert region.unit == "ratio"
    assert "£878,400.00" not in region.derivation  # the sum is shown by its three rounds
    assert "(£500,000.00 + £316,000.00 + £62,400.00) ÷ £500,000.00 = 1.76" in region.derivation
    per = report.figure("local-multiplier", "supplier", "100109", "lm3")
    assert per.derivation.endswith("(a lower bound: round 3 is not reported)")
    round2 = report.figure("local-multiplier", "supplier", "100101", "round2")
    assert round2.derivation == (
        "GM-SPEND-LOCAL-SUPPLY-CHAIN £96,000.00 + GM-SPEND-LOCAL-STAFF £112,000.00 in"
        " 100101's Review: £208,000.00"
    )
    unreported = report.caveat(sv.CaveatKind.RESPEND_UNREPORTED)
    assert unreported is not None
    assert unreported.suppliers == ("100104", "100110")
    assert unreported.value == D("364200.00")  # 305,000 + 59,200 declared
    lower = report.caveat(sv.CaveatKind.ROUND3_UNREPORTED)
    assert lower is not None
    assert lower.suppliers == ("100109",)
    assert report.caveat(sv.CaveatKind.RESPEND_IMPOSSIBLE) is None
    assert "Local multiplier (LM3) of the 2 Reviews reporting local re-spend: 1.76" in (
        report.summary(200)
    )


def test_the_published_report_keeps_the_section() -> None:
    published = sv.example_year().report().published()
    document = sv.dump(published)
    assert sv.validate("regional-report", json.loads(json.dumps(document))).ok
    loaded = sv.load("regional-report", document)
    assert loaded.value("local-multiplier", "total", "all", "lm3") == D("1.7568")
    assert loaded.caveat(sv.CaveatKind.ROUND3_UNREPORTED) is not None


def test_no_review_reports_re_spend_gives_a_caveat_and_no_figure() -> None:
    report = report_of(review("S1", "60000", line("GM-VOLUNTEER-HOURS", "10")))
    assert report.of("local-multiplier") == ()
    caveat = report.caveat(sv.CaveatKind.RESPEND_UNREPORTED)
    assert caveat is not None
    assert caveat.suppliers == ("S1",)
    assert "unknown, not zero" in caveat.message
    assert "Local multiplier" not in report.summary()


def test_a_catalogue_without_the_measures_says_so() -> None:
    year = hand_year()
    own = attrs.evolve(
        year["catalogue"],  # type: ignore[arg-type]
        measures=[
            m
            for m in year["catalogue"]  # type: ignore[attr-defined]
            if m.code not in (CHAIN, STAFF, ROUND3)
        ],
    )
    report = sv.regional_report(**{**year, "catalogue": own})
    caveat = report.caveat(sv.CaveatKind.RESPEND_UNREPORTED)
    assert caveat is not None
    assert f"has no measure {CHAIN} or {STAFF}" in caveat.message


def test_only_half_of_round_2_is_no_lm3() -> None:
    report = report_of(review("S1", "60000", line(CHAIN, "1000")))
    assert report.of("local-multiplier") == ()
    assert report.caveat(sv.CaveatKind.RESPEND_UNREPORTED) is not None
    respend = sv.respend_of(review("S1", "60000", line(STAFF, "5")), sv.GM_RESPEND_MEASURES)
    assert respend.missing == ("supply chain",)
    assert respend.round2 is None
    with pytest.raises(sv.RuleViolation) as caught:
        respend.multiplier()
    assert caught.value.code == "lm3.round_unreported"
    assert caught.value.field == ("supply_chain",)


def test_lines_add_up_and_non_local_lines_are_left_out() -> None:
    found = sv.respend_of(
        review(
            "S1", "100",
            line(CHAIN, "10"), line(CHAIN, "15"), line(CHAIN, "50", local=False),
            line(STAFF, "20", local=True), line(ROUND3, "5"),
        ),
        sv.GM_RESPEND_MEASURES,
    )  # fmt: skip
    assert found.supply_chain == sv.Money("25")
    assert found.round2 == sv.Money("45")
    assert found.lines == 4
    assert found.multiplier().multiplier == D("1.5")  # (100 + 45 + 5) ÷ 100
    record = found.to_records()[0]
    assert record["round2"] == D(45)
    assert record["round3"] == D(5)
    none = sv.respend_of(review("S1", "100"), sv.RespendMeasures(CHAIN, STAFF))
    assert none.to_records()[0]["round2"] is None


def test_impossible_re_spend_is_a_caveat_not_a_figure() -> None:
    report = report_of(
        review("S1", "60000", line(CHAIN, "50000"), line(STAFF, "20000")),  # 70,000 > 60,000
        review("S3", "0", line(CHAIN, "0"), line(STAFF, "0")),
    )
    assert report.of("local-multiplier") == ()
    caveat = report.caveat(sv.CaveatKind.RESPEND_IMPOSSIBLE)
    assert caveat is not None
    assert caveat.suppliers == ("S1", "S3")
    assert "cannot exceed round 1" in caveat.message
    assert "must be more than zero" in caveat.message


def test_many_impossible_reviews_are_listed_briefly() -> None:
    reviews = [review(f"S{n}", "10", line(CHAIN, "20"), line(STAFF, "0")) for n in range(1, 9)]
    caveat = report_of(*reviews).caveat(sv.CaveatKind.RESPEND_IMPOSSIBLE)
    assert caveat is not None
    assert caveat.message.endswith("; and 3 more")
    assert len(caveat.suppliers) == 8


def test_measures_in_another_unit_are_refused() -> None:
    year = hand_year()
    with pytest.raises(sv.RuleViolation) as caught:
        sv.regional_report(**year, respend=sv.RespendMeasures("GM-VOLUNTEER-HOURS", STAFF))
    assert caught.value.code == "lm3.measure_not_money"
    assert "hours" in caught.value.message


def test_the_measures_must_differ() -> None:
    with pytest.raises(sv.RuleViolation) as caught:
        sv.RespendMeasures(CHAIN, CHAIN)
    assert (caught.value.code, caught.value.field) == ("lm3.measure_reused", ("staff",))
    with pytest.raises(sv.RuleViolation) as caught:
        sv.RespendMeasures(CHAIN, STAFF, CHAIN)
    assert caught.value.field == ("round3",)
    assert sv.RespendMeasures(CHAIN, STAFF).codes == (CHAIN, STAFF)


def test_a_caller_names_its_own_measures() -> None:
    measures = sv.RespendMeasures("GM-SPEND-LOCAL-SME", "GM-DONATIONS")  # any two gbp measures
    report = report_of(
        review("S1", "1000", line("GM-SPEND-LOCAL-SME", "300"), line("GM-DONATIONS", "100")),
        respend=measures,
    )
    assert report.value("local-multiplier", "total", "all", "lm3") == D("1.4")
    caveat = report.caveat(sv.CaveatKind.ROUND3_UNREPORTED)
    assert caveat is not None
    assert "no measure is named for it" in caveat.message


amounts = st.integers(0, 10**9).map(lambda n: D(n).scaleb(-2))


@st.composite
def respending_reviews(draw: st.DrawFn) -> list[sv.ReviewSubmission]:
    found = []
    for n in range(draw(st.integers(1, 6))):
        income = draw(amounts.filter(bool))
        chain = draw(st.decimals(0, income, places=2))
        staff = draw(st.decimals(0, income - chain, places=2))
        lines = [line(CHAIN, str(chain)), line(STAFF, str(staff))]
        if draw(st.booleans()):
            lines.append(line(ROUND3, str(draw(st.decimals(0, chain + staff, places=2)))))
        found.append(review(f"S{n + 1}", str(income), *lines))
    return found


@given(respending_reviews())
def test_the_region_is_the_income_weighted_mean_of_its_suppliers(
    reviews: list[sv.ReviewSubmission],
) -> None:
    """1 ≤ LM3 ≤ 3 for each supplier and the region, and the region's lies between theirs."""
    report = report_of(*reviews)
    region = report.value("local-multiplier", "total", "all", "lm3")
    each = [report.value("local-multiplier", "supplier", r.supplier_id, "lm3") for r in reviews]
    assert all(1 <= value <= 3 for value in [*each, region])
    assert min(each) - D("1e-26") <= region <= max(each) + D("1e-26")
    r1 = sum((r.spend.amount for r in reviews), D(0))
    assert report.value("local-multiplier", "total", "all", "round1") == r1
    assert report.caveat(sv.CaveatKind.RESPEND_UNREPORTED) is None


def test_respend_of_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="measures"):
        sv.respend_of(review("S1", "1"), "GM")  # type: ignore[arg-type]
