"""Commissioning decisions: each rule fires where it should, and says why."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import socialvalue as sv

D = Decimal
B = sv.BenefitType


def outcome(
    benefit: sv.BenefitType, quantity: int, unit_cost: str, grade: int = 1, deadweight: str = "0"
) -> sv.ServiceOutcome:
    return sv.ServiceOutcome(
        f"{benefit.value} outcome {quantity} x {unit_cost} g{grade}",
        benefit,
        D(quantity),
        sv.Money(unit_cost),
        grade,
        "test unit cost",
        D(deadweight),
    )


def service(
    cost: str, budget: str, *outcomes: sv.ServiceOutcome, prevention: bool = False
) -> sv.Service:
    return sv.Service("S", "Service", sv.Money(cost), sv.Money(budget), prevention, outcomes)


def test_benefits_are_adjusted_for_deadweight_and_optimism_bias() -> None:
    decision = sv.assess_service(
        service(
            "100000",
            "100000",
            outcome(B.FISCAL, 10, "5000", grade=3, deadweight="0.2"),  # 50,000 × 0.8 × 0.8
            outcome(B.ECONOMIC, 4, "10000", grade=2),  # 40,000 × 0.9
            outcome(B.SOCIAL, 1, "30000", grade=6),  # 30,000 × 0.4
        )
    )
    assert decision.gross_benefit == sv.Money("120000")
    assert decision.fiscal == sv.Money("32000")
    assert decision.economic == sv.Money("36000")
    assert decision.social == sv.Money("12000")
    assert decision.adjusted_benefit == sv.Money("80000")
    assert decision.value_for_money == D("0.80")
    assert decision.roi == D("-0.20")
    assert decision.payback_years == D("3.13")  # 100,000 ÷ 32,000 = 3.125 → 3.13
    assert decision.recommendation is sv.Recommendation.REDESIGN
    assert decision.rule == "redesign-middling-value"
    assert decision.affordable


@pytest.mark.parametrize(
    ("cost", "budget", "quantity", "prevention", "advice", "rule"),
    [
        ("100000", "100000", 12, False, "retain", "retain-value-and-affordable"),
        ("100000", "90000", 12, False, "redesign", "redesign-over-budget"),
        ("100000", "100000", 7, False, "redesign", "redesign-middling-value"),
        ("100000", "90000", 7, False, "decommission", "decommission-unaffordable"),
        ("100000", "100000", 4, False, "decommission", "decommission-low-value"),
        ("100000", "100000", 9, True, "retain", "retain-value-and-affordable"),
        ("100000", "100000", 4, True, "redesign", "redesign-middling-value"),
        ("100000", "100000", 3, True, "decommission", "decommission-low-value"),
    ],
)
def test_decision_table(
    cost: str, budget: str, quantity: int, prevention: bool, advice: str, rule: str
) -> None:
    decision = sv.assess_service(
        service(cost, budget, outcome(B.FISCAL, quantity, "10000"), prevention=prevention)
    )
    assert (decision.recommendation.value, decision.rule) == (advice, rule)
    assert decision.reasons[-1].startswith("Value for money")
    if prevention:
        assert "scaled by 0.8 (retain from 0.8, decommission under 0.4)" in decision.explanation


def test_prevention_rule_is_configurable() -> None:
    s = service("100000", "100000", outcome(B.FISCAL, 9, "10000"), prevention=True)
    assert sv.assess_service(s).recommendation is sv.Recommendation.RETAIN
    neutral = sv.DecisionRules(prevention_factor=D(1))
    decision = sv.assess_service(s, neutral)
    assert decision.recommendation is sv.Recommendation.REDESIGN
    assert "prevention" not in decision.explanation


def test_budget_tolerance() -> None:
    s = service("105000", "100000", outcome(B.FISCAL, 20, "10000"))
    assert not sv.assess_service(s).affordable
    assert sv.assess_service(s, sv.DecisionRules(budget_tolerance=D("0.05"))).affordable


def test_no_fiscal_benefit_never_pays_back() -> None:
    decision = sv.assess_service(service("1000", "1000", outcome(B.SOCIAL, 1, "5000")))
    assert decision.payback_years is None
    assert "never pays back" in decision.explanation
    empty = sv.assess_service(service("1000", "1000"))
    assert empty.value_for_money == 0
    assert empty.recommendation is sv.Recommendation.DECOMMISSION


def test_records_and_html() -> None:
    decision = sv.assess_service(service("1000", "1000", outcome(B.FISCAL, 1, "5000")))
    (row,) = decision.to_records()
    assert row["value_for_money"] == D("5.00")
    assert row["payback_years"] == D("0.20")
    assert row["recommendation"] == "retain"
    assert "<caption>Service costs £1,000.00 a year" in decision._repr_html_()


def test_rules_are_validated() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.DecisionRules(retain_ratio=D("0.4"))
    assert info.value.code == "commissioning.thresholds_out_of_order"
    with pytest.raises(sv.RuleViolation) as info:
        sv.DecisionRules(prevention_factor=D(0))
    assert info.value.field == ("prevention_factor",)
    with pytest.raises(sv.RuleViolation, match="above 0"):
        sv.DecisionRules(retain_ratio=D(0))
    with pytest.raises(sv.RuleViolation) as info:
        sv.default_optimism_bias().reduction(7)
    assert info.value.code == "commissioning.unknown_grade"
    with pytest.raises(sv.RuleViolation) as info:
        sv.assess_service(service("1", "1", outcome(B.FISCAL, 1, "1", grade=9)))
    assert info.value.code == "commissioning.unknown_grade"
    assert not sv.default_optimism_bias().confirmed
    own = sv.OptimismBias("our table", (sv.GradeReduction(9, D("0.5"), "guess"),), True)
    decision = sv.assess_service(
        service("1", "1", outcome(B.FISCAL, 1, "4", grade=9)),
        sv.DecisionRules(optimism_bias=own),
    )
    assert decision.fiscal == sv.Money("2")


def test_service_rules() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        service("0", "1")
    assert info.value.code == "commissioning.bad_cost"
    assert info.value.field == ("annual_cost",)
    with pytest.raises(sv.RuleViolation) as info:
        sv.Service("S", "s", sv.Money("1"), sv.Money("1", "EUR"))
    assert info.value.field == ("budget", "currency")
    euro = sv.ServiceOutcome("o", B.FISCAL, D(1), sv.Money("1", "EUR"), 1, "s")
    with pytest.raises(sv.RuleViolation) as info:
        sv.Service("S", "s", sv.Money("1"), sv.Money("1"), outcomes=(euro,))
    assert info.value.field == ("outcomes", 0, "unit_cost", "currency")
    with pytest.raises(sv.RuleViolation):
        outcome(B.FISCAL, 1, "1", grade=0)
    with pytest.raises(TypeError):
        sv.ServiceOutcome("o", B.FISCAL, D(1), sv.Money("1"), True, "s")  # type: ignore[arg-type]


def test_portfolio_ranks_and_totals() -> None:
    services = [
        attrs.evolve(service("100000", "100000", outcome(B.FISCAL, 7, "10000")), id="MID"),
        attrs.evolve(service("100000", "100000", outcome(B.FISCAL, 20, "10000")), id="TOP"),
        attrs.evolve(service("50000", "100000", outcome(B.FISCAL, 1, "10000")), id="LOW"),
        attrs.evolve(
            service("100000", "100000", outcome(B.FISCAL, 9, "10000"), prevention=True),
            id="PREV",
        ),
    ]
    board = sv.portfolio(services)
    assert [d.service.id for d in board.decisions] == ["TOP", "PREV", "MID", "LOW"]
    assert board.total_cost == sv.Money("350000")
    assert board.total_budget == sv.Money("400000")
    assert board.released == sv.Money("50000")
    assert board.count(sv.Recommendation.RETAIN) == 2
    assert board.explanation == (
        "4 services costing £350,000.00 a year against budgets of £400,000.00: 2 retain,"
        " 1 redesign, 1 decommission. Decommissioning releases £50,000.00 a year."
    )
    assert [r["rank"] for r in board.to_records()] == [1, 2, 3, 4]
    assert "<td>PREV</td>" in board._repr_html_()
    with pytest.raises(sv.RuleViolation) as info:
        sv.portfolio([services[0], services[0]])
    assert info.value.code == "list.duplicate"
    euro = sv.Service("EU", "Euro service", sv.Money("10", "EUR"), sv.Money("10", "EUR"))
    with pytest.raises(sv.RuleViolation) as info:
        sv.portfolio([services[0], euro])
    assert info.value.field == (1, "annual_cost", "currency")
    assert sv.portfolio([euro]).total_cost == sv.Money("10", "EUR")
    empty = sv.portfolio([])
    assert empty.total_cost == sv.Money("0")
    assert empty.explanation.startswith("0 services")
