"""The amount grammar: every unambiguous spelling read exactly, anything else refused."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import AmountFormat, SpendFileError, parse_amount
from socialvalue.errors import RuleViolation


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1234.56", "1234.56"),
        ("-1234.56", "-1234.56"),
        ("£1,234.56", "1234.56"),
        ("-£1,234.56", "-1234.56"),
        ("£-1,234.56", "-1234.56"),
        ("(1,234.56)", "-1234.56"),
        ("(£1,234.56)", "-1234.56"),
        ("1234", "1234"),
        ("£1,440,000.00", "1440000.00"),
        ("0", "0"),
        ("1633.2", "1633.2"),
        ("  12.50 ", "12.50"),
        ("999,999,999,999,999.99", "999999999999999.99"),
    ],
)
def test_accepted_spellings(text: str, amount: str) -> None:
    value = parse_amount(text)
    assert value == Decimal(amount)
    assert str(value) == amount


@pytest.mark.parametrize(
    "text",
    [
        "1.234,56",
        "1,23",
        "1,2345",
        "12e3",
        "1E3",
        "NaN",
        "Infinity",
        "",
        " ",
        "-",
        "£",
        "--1",
        "-£-1",
        "+1",
        "£ 1",
        "1 234",
        ".5",
        "1.",
        "01",
        "1.234",
        "(-1)",
        "((1))",
        "€1",
        "1,000,000,000,000,000",
        "1" * 16,
        "1" * 100,
    ],
)
def test_refused_spellings_name_the_value(text: str) -> None:
    with pytest.raises(SpendFileError) as info:
        parse_amount(text)
    assert info.value.code == "spend_file.bad_amount"
    assert info.value.value == text
    assert "an amount is written like" in str(info.value)


def test_formats_narrow_the_grammar() -> None:
    plain = AmountFormat(thousands=False, parentheses=False, max_places=0)
    assert plain.parse("£1234") == Decimal(1234)
    for text in ("1,234", "(1)", "1.5"):
        with pytest.raises(SpendFileError):
            plain.parse(text)
    euros = AmountFormat(currency="EUR")
    assert euros.parse("€1,234.50") == Decimal("1234.50")
    with pytest.raises(SpendFileError):
        euros.parse("£1")
    assert AmountFormat(currency="CHF").parse("1,234") == Decimal(1234)
    assert "CHF" not in AmountFormat(currency="CHF").examples()
    assert AmountFormat(max_places=6).parse("0.123456") == Decimal("0.123456")


def test_an_accounting_negative_reads_in_a_currency_with_no_symbol() -> None:
    # A currency with no symbol has no "symbol then minus" form: its parenthesised
    # amounts were an IndexError from the pattern's missing group.
    francs = AmountFormat(currency="CHF")
    assert str(francs.parse("(1,234.50)")) == "-1234.50"
    assert str(francs.parse("(0)")) == "-0"
    assert str(francs.parse("-12")) == "-12"


def test_a_format_checks_its_own_fields() -> None:
    with pytest.raises(RuleViolation, match="ISO 4217"):
        AmountFormat(currency="pounds")
    with pytest.raises(RuleViolation, match="0 to 6"):
        AmountFormat(max_places=7)
    with pytest.raises(TypeError):
        AmountFormat(currency=1)  # type: ignore[arg-type]


def test_the_callers_decimal_context_changes_nothing() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.traps[decimal.Inexact] = True
        assert parse_amount("(£49,999.99)") == Decimal("-49999.99")
        assert parse_amount("£-123,456,789.12") == Decimal("-123456789.12")


# Properties ---------------------------------------------------------------------

AMOUNTS = st.decimals(
    min_value=Decimal("-999999999999999.99"),
    max_value=Decimal("999999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def spellings(amount: Decimal) -> list[str]:
    magnitude = abs(amount)
    plain, grouped = f"{magnitude:f}", f"{magnitude:,f}"
    if amount.is_signed():
        return [f"-{plain}", f"-{grouped}", f"-£{grouped}", f"£-{grouped}", f"({grouped})"]
    return [plain, grouped, f"£{grouped}", f"£{plain}"]


@given(AMOUNTS, st.data())
def test_every_spelling_reads_back_exactly(amount: Decimal, data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(spellings(amount)))
    assert parse_amount(text) == amount


@given(st.text(alphabet="0123456789,.£-() eE", max_size=12))
def test_text_is_read_exactly_or_refused(text: str) -> None:
    """Whatever text is given, the amount read is the one its digits write, or none."""
    try:
        value = parse_amount(text)
    except SpendFileError:
        return
    digits = "".join(c for c in text if c.isdigit() or c == ".")
    negative = "-" in text or "(" in text
    assert value == (-Decimal(digits) if negative else Decimal(digits))
