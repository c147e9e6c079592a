"""The reconciliation: every row and every pound in exactly one place, or no object at all."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialvalue import ApartPayee, Money, Reconciliation, Tally, parse_financial_year
from socialvalue.errors import RuleViolation
from socialvalue.spend.reconciliation import Ledger, exact_sum

NONE = Tally(0, Money.zero())
YEAR = parse_financial_year("2025/26")


def sample(period: object = YEAR) -> Reconciliation:
    return Reconciliation(
        6,
        Money("1000.00"),
        Tally(2, Money("600.00")),
        Tally(1, Money("100.00")),
        Tally(1, Money("200.00")),
        Tally(1, Money("100.00")),
        Tally(1, Money.zero()),
        apart_payees=(ApartPayee("tax-and-duty", "HMRC", Tally(1, Money("200.00"))),),
        period=period,  # type: ignore[arg-type]
        first_paid=date(2025, 3, 31),
        last_paid=date(2025, 5, 1),
    )


def test_it_cannot_be_built_unless_it_balances() -> None:
    with pytest.raises(RuleViolation) as info:
        Reconciliation(3, Money("10"), Tally(1, Money("10")), NONE, NONE, NONE, NONE)
    assert info.value.code == "spend_file.unreconciled"
    assert "3 rows read (£10.00) but 1 accounted for (£10.00)" in str(info.value)
    with pytest.raises(RuleViolation, match="accounted for"):
        Reconciliation(1, Money("10"), Tally(1, Money("9.99")), NONE, NONE, NONE, NONE)


def test_what_it_says() -> None:
    done = sample()
    assert done.explanation == (
        "6 rows read (£1,000.00): 2 assessed (£600.00), 1 withheld (£100.00), 1 set apart"
        " (£200.00), 1 outside 2025/26 (£100.00), 1 bad (£0.00)"
    )
    assert done.years_covered == ("2024/25", "2025/26")
    assert done.tally("bad") == Tally(1, Money.zero())
    with pytest.raises(KeyError, match="no category 'lost'"):
        done.tally("lost")
    assert done.to_records()[-1] == {
        "category": "read",
        "lines": 6,
        "total": Decimal("1000.00"),
        "currency": "GBP",
    }
    assert done.payee_records() == [
        {"rule": "tax-and-duty", "payee": "HMRC", "lines": 1, "total": Decimal("200.00")}
    ]
    assert done.to_dict() == {
        "rows_read": 6,
        "read_total": "1000.00",
        "assessed": {"lines": 2, "total": "600.00"},
        "withheld": {"lines": 1, "total": "100.00"},
        "apart": {"lines": 1, "total": "200.00"},
        "outside_period": {"lines": 1, "total": "100.00"},
        "bad": {"lines": 1, "total": "0"},
        "apart_by_rule": {"tax-and-duty": {"lines": 1, "total": "200.00"}},
    }
    assert "<caption>6 rows read" in done._repr_html_()


def test_files_of_one_year_add_up() -> None:
    both = sample() + sample()
    assert both.rows_read == 12
    assert both.apart.total == Money("400.00")
    assert len(both.apart_payees) == 2
    assert (both.first_paid, both.last_paid) == (date(2025, 3, 31), date(2025, 5, 1))
    with pytest.raises(ValueError, match="same period"):
        sample() + sample(period=None)


def test_an_empty_reading() -> None:
    done = Ledger().reconciliation()
    assert done.rows_read == 0
    assert done.years_covered == ()
    assert done.explanation.startswith("0 rows read (£0.00): 0 assessed, 0 withheld")
    assert "outside the period" in done.explanation


def test_sums_are_exact_whatever_the_count() -> None:
    assert exact_sum([Decimal("0.01")] * 10_000) == Decimal("100.00")
    assert Tally(1, Money("1")).describe() == "1 (£1.00)"
