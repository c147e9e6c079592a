"""Money: exact, bounded, one currency at a time, rounded only when asked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import Money, Rounding, RuleViolation
from socialvalue.money import _formatted
from tests import strategies as s


def test_issue_examples() -> None:
    assert sum([Money("0.10")] * 3) == Money("0.30")
    with pytest.raises(TypeError, match="float"):
        Money(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="GBP and EUR"):
        Money("1", "GBP") + Money("1", "EUR")


@pytest.mark.parametrize(
    "bad",
    [
        "1e999999999",
        "1E3",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        " 1",
        "1 ",
        "1.",
        ".5",
        "01",
        "1_000",
        "£50,000",
        "50,000",
        "1.1234567",
        "1" * 16,
        "",
        "+1",
        "0x10",
        "١٢٣",
    ],
)
def test_refuses_text_that_is_not_a_plain_decimal(bad: str) -> None:
    with pytest.raises(RuleViolation) as info:
        Money(bad)
    assert info.value.code == "money.bad_amount"


@pytest.mark.parametrize(
    "bad",
    [
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("1e15"),
        Decimal("-1e999999999"),
        Decimal("1e-41"),
        10**15,
        -(10**15),
    ],
)
def test_refuses_numbers_out_of_bounds(bad: Decimal | int) -> None:
    with pytest.raises(ValueError, match="amount"):
        Money(bad)


@pytest.mark.parametrize("bad", [True, 1.0, None, [1], b"1"])
def test_refuses_other_types(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("currency", ["gbp", "GB", "GBPX", ""])
def test_refuses_bad_currency(currency: str) -> None:
    with pytest.raises(RuleViolation, match="ISO 4217") as info:
        Money("1", currency)
    assert info.value.field == ("currency",)


def test_refuses_a_currency_that_is_not_text() -> None:
    with pytest.raises(TypeError, match=r"Money.currency must be a str; got int 826"):
        Money("1", 826)  # type: ignore[arg-type]


def test_accepts_widest_text_and_ints() -> None:
    assert Money("-999999999999999.999999").amount == Decimal("-999999999999999.999999")
    assert Money(10**15 - 1).amount == Decimal(10**15 - 1)
    assert Money("0").currency == "GBP"


def test_parse_display_text() -> None:
    assert Money.parse("£50,000.00") == Money("50000")
    assert Money.parse("-1,234.5") == Money("-1234.5")
    assert Money.parse("€10", "EUR") == Money("10", "EUR")
    for bad in ["£50,00", "$5", "1e3", "£", "1,0000", "x" * 100]:
        with pytest.raises(RuleViolation):
            Money.parse(bad)


def test_rounding_policies() -> None:
    assert Money("0.125").round() == Money("0.13")
    assert Money("0.125").round(Rounding.HALF_EVEN) == Money("0.12")
    assert Money("-0.125").round() == Money("-0.13")
    assert Money("1234.5").format() == "£1,234.50"
    assert Money("-1234.5").format() == "-£1,234.50"
    assert Money("12", "CHF").format() == "12.00 CHF"
    assert str(Money("1")) == "£1.00"


def test_arithmetic_rejects_other_types() -> None:
    one = Money("1")
    assert one.__add__("1") is NotImplemented
    assert one.__sub__(1) is NotImplemented
    assert one.__mul__(1.5) is NotImplemented
    assert one.__mul__(True) is NotImplemented
    assert one.__eq__(1) is NotImplemented
    assert one.__lt__(1) is NotImplemented
    assert one.__le__(1) is NotImplemented
    assert one.__gt__(1) is NotImplemented
    assert one.__ge__(1) is NotImplemented
    with pytest.raises(ValueError, match="compare"):
        _ = Money("1") < Money("1", "EUR")


def test_multiplication_keeps_bounded_places() -> None:
    third = Decimal(1) / Decimal(3)
    product = Money("1.000001") * third * third
    assert product.amount.as_tuple().exponent >= -40
    assert 3 * Money("2.50") == Money("7.50")
    assert -Money("2") == Money("-2")
    assert abs(Money("-2")) == Money("2")
    assert not Money.zero()
    assert Money("0.01")


@given(s.money, s.money, s.money)
def test_addition_is_associative(a: Money, b: Money, c: Money) -> None:
    assert (a + b) + c == a + (b + c)


@given(s.money, s.money)
def test_adding_then_subtracting_restores(a: Money, b: Money) -> None:
    assert a + b - b == a


@given(s.money, s.money)
def test_ordering_agrees_with_amounts(a: Money, b: Money) -> None:
    assert (a < b) == (a.amount < b.amount)
    assert (a <= b) == (a.amount <= b.amount)
    assert (a > b) == (a.amount > b.amount)
    assert (a >= b) == (a.amount >= b.amount)
    assert (a == b) == (a.amount == b.amount)


@given(s.money, st.sampled_from(Rounding))
def test_rounding_is_idempotent_and_close(m: Money, policy: Rounding) -> None:
    once = m.round(policy)
    assert once.round(policy) == once
    assert abs(once - m) <= Money("0.005")


@given(s.money, st.sampled_from(Rounding))
def test_format_parse_round_trip(m: Money, policy: Rounding) -> None:
    assert Money.parse(m.format(policy)) == m.round(policy)


def test_negation_and_abs_are_exact_beyond_the_default_context() -> None:
    precise = Money(Decimal("123456789012345.0123456789012345678901234567890123456789"))
    assert (-precise).amount.as_tuple().digits == precise.amount.as_tuple().digits
    assert (-precise).amount.is_signed()
    assert -(-precise) == precise  # noqa: B002 - negating twice on purpose
    assert abs(-precise) == precise


def test_arithmetic_results_are_bounded_too() -> None:
    with pytest.raises(ValueError, match="15 integer digits"):
        Money("999999999999999") * 10


def test_sums_beyond_the_bound_raise_rather_than_wrap() -> None:
    big = Money("999999999999999")
    with pytest.raises(ValueError, match="15 integer digits"):
        big + Money("1")


@given(s.any_money)
def test_text_round_trip(m: Money) -> None:
    assert Money(format(m.amount, "f")) == m


@given(st.lists(s.money_pence, max_size=20))
def test_sum_matches_decimal_sum(items: list[Money]) -> None:
    total = sum(items, Money.zero())
    assert total.amount == sum((m.amount for m in items), Decimal(0))
    assert sum(items) == total or not items


@given(
    st.decimals(
        min_value=Decimal("-999999999999999.99"),
        max_value=Decimal("999999999999999.99"),
        places=12,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from(["GBP", "EUR", "USD", "JPY"]),
    st.sampled_from(list(Rounding)),
)
def test_the_reports_formatter_is_format(amount: Decimal, currency: str, policy: Rounding) -> None:
    """Reports format their own sums without Money's argument checks, to the same text."""
    assert _formatted(amount, currency, policy) == Money(amount, currency).format(policy)


def test_the_reports_formatter_refuses_what_rounding_pushes_out_of_bounds() -> None:
    edge = Decimal("999999999999999.995")
    with pytest.raises(RuleViolation):
        Money(edge).format()
    with pytest.raises(RuleViolation):
        _formatted(edge, "GBP")
