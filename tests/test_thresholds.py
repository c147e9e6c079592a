"""The threshold rule: bands as data, the boundary at £50,000, and refused policies."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import BoundaryChoice, Money, Obligation, ThresholdRule
from tests.strategies import pence, policies

CHARTER, REVIEW = Obligation.CHARTER, Obligation.REVIEW


def policy_with(*rules: ThresholdRule) -> sv.Policy:
    return attrs.evolve(sv.default_policy(), rules=rules)


# -- the examples the issue names ---------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "default", "configured"),
    [
        ("49999.99", CHARTER, CHARTER),
        ("50000.00", REVIEW, CHARTER),
        ("50000", REVIEW, CHARTER),
        ("50000.01", REVIEW, REVIEW),
        ("0", CHARTER, CHARTER),
        ("-1.00", CHARTER, CHARTER),
    ],
)
def test_the_fifty_thousand_pound_line(
    amount: str, default: Obligation, configured: Obligation
) -> None:
    assert sv.default_policy().obligation_for(Money(amount)) is default
    assert sv.default_policy(BoundaryChoice.CHARTER).obligation_for(Money(amount)) is configured
    changed = sv.default_policy().with_boundary(BoundaryChoice.CHARTER)
    assert changed.obligation_for(Money(amount)) is configured


def test_the_default_policy_states_its_choices() -> None:
    policy = sv.default_policy()
    assert policy.owner.name == "Mayor of Greater Manchester"
    assert policy.owner.since == date(2017, 5, 8)
    assert policy.boundary is BoundaryChoice.REVIEW
    assert policy.basis is sv.Basis.ANNUAL_SPEND
    assert policy.vat_basis is sv.VatBasis.NET
    assert policy.boundaries == (Money("50000"),)
    assert "£50k or less" in policy.source
    assert list(policy.describe()) == [
        "£50,000 or less: the Charter",
        "£50,000 or more: the Review",
        "exactly £50,000: the Review (the boundary choice)",
    ]
    assert policy.period_for(date(2026, 3, 31)).label == "2025/26"


def test_on_boundary_only_at_exactly_the_overlap() -> None:
    policy = sv.default_policy()
    assert policy.on_boundary(Money("50000.00"))
    assert not policy.on_boundary(Money("49999.99"))
    assert not policy.on_boundary(Money("50000.000001"))


def test_resolved_bands_move_the_boundary_amount() -> None:
    review = sv.default_policy().bands
    assert [b.describe() for b in review] == ["less than £50,000", "£50,000 or more"]
    charter = sv.default_policy(BoundaryChoice.CHARTER).bands
    assert [b.describe() for b in charter] == ["£50,000 or less", "more than £50,000"]


def test_another_currency_is_refused_not_converted() -> None:
    with pytest.raises(sv.RuleViolation, match="tests amounts in GBP") as info:
        sv.default_policy().obligation_for(Money("50000", "EUR"))
    assert info.value.code == "money.currency_mismatch"


# -- bands that do not partition are refused, naming the problem ------------------


def test_a_gap_between_bands_is_named() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        policy_with(
            ThresholdRule(CHARTER, upper=Money("40000")),
            ThresholdRule(REVIEW, lower=Money("50000")),
        )
    assert info.value.code == "threshold.bands_gap"
    assert "amounts between £40,000 and £50,000 fall in no band" in info.value.message
    assert info.value.field == ("rules", 1, "lower")


def test_an_overlap_is_named() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        policy_with(
            ThresholdRule(CHARTER, upper=Money("60000")),
            ThresholdRule(REVIEW, lower=Money("50000")),
        )
    assert info.value.code == "threshold.bands_overlap"
    assert "overlap from £50,000 to £60,000" in info.value.message


def test_a_boundary_both_bands_exclude_is_a_gap() -> None:
    with pytest.raises(sv.RuleViolation, match=r"exactly £50,000 falls in no band") as info:
        policy_with(
            ThresholdRule(CHARTER, upper=Money("50000"), upper_inclusive=False),
            ThresholdRule(REVIEW, lower=Money("50000"), lower_inclusive=False),
        )
    assert info.value.code == "threshold.bands_gap"


@pytest.mark.parametrize(
    ("rules", "code", "words"),
    [
        (
            [ThresholdRule(CHARTER, lower=Money("0"))],
            "threshold.bands_gap",
            "amounts below £0 fall in no band",
        ),
        (
            [ThresholdRule(CHARTER, upper=Money("10"))],
            "threshold.bands_gap",
            "amounts above £10 fall in no band",
        ),
        (
            [ThresholdRule(CHARTER), ThresholdRule(REVIEW, lower=Money("10"))],
            "threshold.bands_overlap",
            "both hold the same amounts",
        ),
        (
            [
                ThresholdRule(CHARTER, upper=Money("10")),
                ThresholdRule(CHARTER, lower=Money("10"), upper=Money("20")),
                ThresholdRule(REVIEW, lower=Money("5")),
            ],
            "threshold.bands_unordered",
            "list bands from the lowest amount",
        ),
        (
            [ThresholdRule(REVIEW, upper=Money("10")), ThresholdRule(CHARTER, lower=Money("10"))],
            "threshold.not_monotone",
            "more spend must never lighten the duty",
        ),
    ],
)
def test_bands_that_do_not_partition_are_refused(
    rules: list[ThresholdRule], code: str, words: str
) -> None:
    with pytest.raises(sv.RuleViolation, match=words) as info:
        policy_with(*rules)
    assert info.value.code == code


def test_an_empty_band_is_refused() -> None:
    with pytest.raises(sv.RuleViolation, match="holds no amount") as info:
        ThresholdRule(CHARTER, lower=Money("10"), upper=Money("5"))
    assert info.value.code == "threshold.empty_band"
    with pytest.raises(sv.RuleViolation, match="exclusive"):
        ThresholdRule(CHARTER, lower=Money("10"), upper=Money("10"), upper_inclusive=False)
    assert ThresholdRule(CHARTER, lower=Money("10"), upper=Money("10")).describe() == (
        "exactly £10"
    )


def test_bounds_must_share_the_policy_currency() -> None:
    with pytest.raises(sv.RuleViolation, match="share one currency"):
        ThresholdRule(CHARTER, lower=Money("1", "EUR"), upper=Money("5"))
    with pytest.raises(sv.RuleViolation, match="this policy's currency is GBP") as info:
        policy_with(
            ThresholdRule(CHARTER, upper=Money("10", "EUR")),
            ThresholdRule(REVIEW, lower=Money("10", "EUR")),
        )
    assert info.value.field == ("rules", 0, "upper")
    with pytest.raises(sv.RuleViolation) as bad:
        attrs.evolve(sv.default_policy(), currency="pounds")
    assert bad.value.field == ("currency",)
    with pytest.raises(TypeError, match="Money or None"):
        ThresholdRule(CHARTER, upper=50000)  # type: ignore[arg-type]


def test_the_financial_year_month_is_checked() -> None:
    with pytest.raises(sv.RuleViolation, match="month from 1 to 12"):
        attrs.evolve(sv.default_policy(), year_start_month=13)
    calendar = attrs.evolve(sv.default_policy(), year_start_month=1)
    assert calendar.period_for(date(2025, 6, 1)).start == date(2025, 1, 1)


def test_band_descriptions() -> None:
    assert ThresholdRule(CHARTER).describe() == "any amount"
    assert ThresholdRule(CHARTER, lower=Money("1"), upper=Money("2.50")).describe() == (
        "from £1 inclusive to £2.50 inclusive"
    )
    band = ThresholdRule(CHARTER, lower=Money("1"), upper=Money("2"), lower_inclusive=False)
    assert not band.contains(Money("1"))
    assert band.contains(Money("1.5"))
    assert not band.contains(Money("2.01"))


def test_a_single_band_policy_covers_everything() -> None:
    policy = policy_with(ThresholdRule(REVIEW))
    assert policy.obligation_for(Money("-5")) is REVIEW
    assert policy.boundaries == ()


def test_boundary_between_bands_with_the_same_obligation_goes_up() -> None:
    low = ThresholdRule(CHARTER, upper=Money("10"))
    middle = ThresholdRule(CHARTER, lower=Money("10"), upper=Money("20"))
    high = ThresholdRule(REVIEW, lower=Money("20"))
    policy = policy_with(low, middle, high)
    assert policy.band_for(Money("10")).lower == Money("10")
    assert policy.obligation_for(Money("20")) is REVIEW
    assert policy.with_boundary(BoundaryChoice.CHARTER).obligation_for(Money("20")) is CHARTER


# -- properties ---------------------------------------------------------------------


@given(policies(), pence)
def test_every_amount_falls_in_exactly_one_band(policy: sv.Policy, amount: object) -> None:
    """Bands partition all amounts: the resolved bands hold each amount once."""
    money = Money(amount)
    holding = [band for band in policy.bands if band.contains(money)]
    assert len(holding) == 1
    assert policy.band_for(money) == holding[0]


@given(policies(), pence, pence)
def test_obligation_is_monotone_in_spend(policy: sv.Policy, a: object, b: object) -> None:
    """More spend never moves the Review back to the Charter."""
    low, high = sorted([Money(a), Money(b)])
    assert policy.obligation_for(low).rank <= policy.obligation_for(high).rank


@given(policies(), pence)
def test_boundary_flag_only_at_an_overlap(policy: sv.Policy, amount: object) -> None:
    """The boundary flag is true exactly where two source bands both hold the amount."""
    money = Money(amount)
    holding = [rule for rule in policy.rules if rule.contains(money)]
    assert policy.on_boundary(money) == (len(holding) == 2)
    for point in policy.boundaries:
        assert policy.on_boundary(point)
        assert policy.obligation_for(point) in {r.obligation for r in policy.rules}


@given(st.sampled_from(BoundaryChoice), pence)
def test_the_boundary_choice_changes_only_the_boundary(
    choice: BoundaryChoice, amount: object
) -> None:
    money = Money(amount)
    default, chosen = sv.default_policy(), sv.default_policy(choice)
    if money != Money("50000"):
        assert default.obligation_for(money) is chosen.obligation_for(money)
    else:
        assert chosen.obligation_for(money) is choice.obligation
