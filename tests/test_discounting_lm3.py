"""Green Book discounting and the LM3 local multiplier: the named examples."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest

import socialvalue as sv
from socialvalue.review.discounting import discount_factor, value_factors
from tests.scoring_fixtures import D, catalogue, submission


def _power(rate: str, years: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return 1 / (1 + Decimal(rate)) ** years


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) < Decimal("1e-25")  # products below use 28 digits


def test_green_book_schedule_steps_down_by_band() -> None:
    """Green Book 2022: 3.5% to year 30, 3.0% to 75, 2.5% to 125, 2.0% to 200, 1.5% to 300."""
    assert discount_factor(0) == 1
    assert _close(discount_factor(1), _power("0.035", 1))
    assert _close(discount_factor(30), _power("0.035", 30))
    assert _close(discount_factor(31), _power("0.035", 30) * _power("0.03", 1))
    assert _close(discount_factor(75), _power("0.035", 30) * _power("0.03", 45))
    d75, d76 = discount_factor(75), discount_factor(76)
    assert _close(d76, d75 / Decimal("1.025"))
    assert _close(discount_factor(126), discount_factor(125) / Decimal("1.02"))
    assert _close(discount_factor(201), discount_factor(200) / Decimal("1.015"))
    assert _close(discount_factor(301), discount_factor(300) / Decimal("1.01"))
    years = (0, 30, 31, 75, 76, 125, 126, 200, 201, 300, 301)
    expected = ["0.035", "0.035", "0.03", "0.03", "0.025", "0.025"]
    expected += ["0.02", "0.02", "0.015", "0.015", "0.01"]
    assert [sv.GREEN_BOOK_2022.rate(y) for y in years] == [D(r) for r in expected]


def test_discount_factor_refuses_negative_years() -> None:
    with pytest.raises(ValueError, match="year"):
        discount_factor(-1)


def test_schedules_start_at_year_zero_in_order() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.DiscountSchedule("bad", [sv.DiscountBand(1, D("0.03"))])
    assert info.value.code == "discount.bad_schedule"
    with pytest.raises(sv.RuleViolation):
        sv.DiscountSchedule(
            "bad",
            [
                sv.DiscountBand(0, D("0.03")),
                sv.DiscountBand(50, D("0.02")),
                sv.DiscountBand(10, D("0.01")),
            ],
        )


def test_value_factors_for_three_years() -> None:
    undiscounted, present = value_factors(D("1"), D("0.25"), 3, sv.GREEN_BOOK_2022)
    assert undiscounted == D("2.3125")
    exact = 1 + D("0.75") * _power("0.035", 1) + D("0.5625") * _power("0.035", 2)
    assert Decimal(0) <= exact - present < Decimal("1e-24")


def test_a_zero_rate_schedule_does_not_discount() -> None:
    flat = sv.ScoringMethod(discounting=sv.DiscountSchedule("none", [sv.DiscountBand(0, D("0"))]))
    sub = submission([sv.ReportedLine("VOL-HOURS", D("100"))])
    report = sv.score(sub, catalogue(), flat)
    assert report.present_value == report.undiscounted


def test_lm3_example_and_records() -> None:
    result = sv.lm3(sv.Money("100000"), sv.Money("76000"), sv.Money("40000"))
    assert result.multiplier == D("2.16")
    assert result.local_share == D("0.76")
    (record,) = result.to_records()
    assert record["lm3"] == D("2.16")
    assert "2.16" in result._repr_html_()


def test_lm3_bounds() -> None:
    assert sv.lm3(sv.Money("10"), sv.Money("0"), sv.Money("0")).multiplier == 1
    assert sv.lm3(sv.Money("10"), sv.Money("10"), sv.Money("10")).multiplier == 3


@pytest.mark.parametrize(
    ("rounds", "code", "path"),
    [
        (("100", "101", "0"), "lm3.local_exceeds_round", "$.round2"),
        (("100", "50", "60"), "lm3.local_exceeds_round", "$.round3"),
        (("0", "0", "0"), "lm3.no_income", "$.round1"),
        (("100", "-1", "0"), "decimal.out_of_range", "$.round2"),
    ],
)
def test_lm3_refuses_impossible_rounds(rounds: tuple[str, str, str], code: str, path: str) -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.lm3(*(sv.Money(r) for r in rounds))
    assert (info.value.code, info.value.issue().path) == (code, path)
    with pytest.raises(TypeError):
        sv.lm3(D("1"), sv.Money("1"), sv.Money("1"))  # type: ignore[arg-type]
