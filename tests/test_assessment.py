"""Assessment: one answer per supplier, explained; nothing mixed, guessed or dropped."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import (
    Basis,
    BoundaryChoice,
    Contract,
    ContractCategory,
    Money,
    Obligation,
    SpendLine,
    Supplier,
    VatBasis,
)
from tests.strategies import pence, spend_lines

NET, GROSS = VatBasis.NET, VatBasis.GROSS
ACME = Supplier("100234", "Acme Ltd", sv.OrganisationType.SMALL, sv.Location(sv.Borough.BURY))


def pay(amount: str, day: date, supplier: str = "100234", **kw: object) -> SpendLine:
    return SpendLine(supplier, Money(amount), day, kw.pop("vat", NET), **kw)  # type: ignore[arg-type]


def obligations(result: sv.AssessmentResult) -> dict[str, Obligation]:
    return {a.supplier_id: a.obligation for a in result}


# -- the examples the issue names ---------------------------------------------------


def test_two_payments_in_one_year_ask_for_the_review() -> None:
    lines = [pay("30000", date(2025, 5, 1)), pay("25000", date(2026, 2, 1))]
    result = sv.assess(sv.default_policy(), lines, "2025/26", suppliers=[ACME])
    (only,) = result
    assert only.obligation is Obligation.REVIEW
    assert only.total == Money("55000")
    assert only.line_count == 2
    assert only.explanation == (
        "£55,000.00 spent with Acme Ltd in 2025/26 is £50,000 or more;"
        " this policy asks for the Review."
    )


def test_the_same_payments_in_two_years_ask_for_the_charter_in_each() -> None:
    lines = [pay("30000", date(2025, 5, 1)), pay("25000", date(2026, 5, 1))]
    policy = sv.default_policy()
    first = sv.assess(policy, lines, "2025/26")
    second = sv.assess(policy, lines, sv.parse_financial_year("2026/27"))
    assert obligations(first) == obligations(second) == {"100234": Obligation.CHARTER}
    assert first.ignored_lines == second.ignored_lines == 1
    assert first["100234"].total == Money("30000")
    assert second["100234"].total == Money("25000")


@pytest.mark.parametrize(
    ("amount", "boundary", "expected", "sentence"),
    [
        (
            "49999.99",
            BoundaryChoice.REVIEW,
            Obligation.CHARTER,
            "£49,999.99 spent with Acme Ltd in 2025/26 is less than £50,000;"
            " this policy asks for the Charter.",
        ),
        (
            "50000.00",
            BoundaryChoice.REVIEW,
            Obligation.REVIEW,
            "£50,000.00 spent with Acme Ltd in 2025/26 is at the £50,000 boundary;"
            " this policy asks for the Review.",
        ),
        (
            "50000.00",
            BoundaryChoice.CHARTER,
            Obligation.CHARTER,
            "£50,000.00 spent with Acme Ltd in 2025/26 is at the £50,000 boundary;"
            " this policy asks for the Charter.",
        ),
        (
            "50000.01",
            BoundaryChoice.CHARTER,
            Obligation.REVIEW,
            "£50,000.01 spent with Acme Ltd in 2025/26 is more than £50,000;"
            " this policy asks for the Review.",
        ),
    ],
)
def test_explanations(
    amount: str, boundary: BoundaryChoice, expected: Obligation, sentence: str
) -> None:
    result = sv.assess(
        sv.default_policy(boundary), [pay(amount, date(2025, 9, 1))], "2025/26", suppliers=[ACME]
    )
    assert result["100234"].obligation is expected
    assert result["100234"].on_boundary is (amount == "50000.00")
    assert result["100234"].explanation == sentence


def test_a_euro_line_is_an_error_naming_the_line() -> None:
    lines = [pay("30000", date(2025, 5, 1)), pay("100", date(2025, 6, 1))]
    lines.append(SpendLine("100235", Money("25000", "EUR"), date(2025, 7, 1), NET))
    with pytest.raises(sv.RuleViolation) as info:
        sv.assess(sv.default_policy(), lines, "2025/26")
    assert info.value.code == "spend.currency_mismatch"
    assert info.value.field == (2,)
    assert "spend line 2 (supplier 100235, paid 2025-07-01" in info.value.message
    assert "is in EUR; this policy tests GBP" in info.value.message


def test_a_gross_line_is_an_error_naming_the_line() -> None:
    lines = [pay("30000", date(2025, 5, 1)), pay("25000", date(2025, 7, 1), vat=GROSS)]
    with pytest.raises(sv.RuleViolation, match=r"spend line 1 .* is gross of VAT") as info:
        sv.assess(sv.default_policy(), lines, "2025/26")
    assert info.value.code == "spend.vat_basis_mismatch"
    gross = sv.default_policy(vat_basis=GROSS)
    with pytest.raises(sv.RuleViolation, match=r"spend line 0 .* is net of VAT"):
        sv.assess(gross, lines, "2025/26")


def test_a_mismatched_line_outside_the_period_is_still_an_error() -> None:
    lines = [pay("1", date(2020, 5, 1), vat=GROSS)]
    with pytest.raises(sv.RuleViolation, match="spend line 0"):
        sv.assess(sv.default_policy(), lines, "2025/26")


@pytest.mark.parametrize("item", [42, "100234"])
def test_items_that_are_neither_lines_nor_contracts_are_named_by_index(item: object) -> None:
    with pytest.raises(TypeError, match=r"assess\(\) argument 'spend'.* item 1 must be"):
        sv.assess(sv.default_policy(), [pay("1", date(2025, 5, 1)), item], "2025/26")  # type: ignore[list-item]


def test_lines_outside_the_period_are_ignored_and_counted() -> None:
    lines = [
        pay("60000", date(2025, 3, 31)),
        pay("10", date(2025, 4, 1)),
        pay("10", date(2026, 3, 31)),
        pay("60000", date(2026, 4, 1)),
    ]
    result = sv.assess(sv.default_policy(), iter(lines), "2025/26")
    assert result.ignored_lines == 2
    assert result["100234"].total == Money("20")
    assert result["100234"].obligation is Obligation.CHARTER


def test_credit_notes_net_off_and_a_net_credit_is_flagged() -> None:
    lines = [pay("60000", date(2025, 5, 1)), pay("-20000", date(2025, 6, 1))]
    assert sv.assess(sv.default_policy(), lines, "2025/26")["100234"].total == Money("40000")
    credit = sv.assess(sv.default_policy(), [pay("-250.00", date(2025, 6, 1))], "2025/26")
    (only,) = credit
    assert only.net_negative
    assert only.obligation is Obligation.CHARTER
    assert only.band == sv.default_policy().bands[0]
    assert only.explanation == (
        "-£250.00 spent with supplier 100234 in 2025/26 is a net credit (credit notes exceed"
        " payments), so it falls in the lowest band, less than £50,000;"
        " this policy asks for the Charter."
    )


def test_results_are_sorted_and_report_themselves() -> None:
    lines = [pay("60000", date(2025, 5, 1), "B-2"), pay("10", date(2025, 5, 1), "A-1")]
    result = sv.assess(sv.default_policy(), lines, "2025/26", suppliers=[ACME])
    assert [a.supplier_id for a in result] == ["A-1", "B-2"]
    assert len(result) == 2
    assert [a.supplier_id for a in result.of(Obligation.REVIEW)] == ["B-2"]
    records = result.to_records()
    assert records[1] == {
        "supplier_id": "B-2",
        "supplier_name": None,
        "period": "2025/26",
        "basis": "annual-spend",
        "total": Decimal("60000"),
        "currency": "GBP",
        "obligation": "review",
        "band": "£50,000 or more",
        "on_boundary": False,
        "net_negative": False,
        "line_count": 1,
        "contract_id": None,
        "spellings": None,
        "explanation": result["B-2"].explanation,
        **result.policy.provenance.to_record(),
    }
    assert records[1]["policy_owner"] == "Mayor of Greater Manchester"
    assert records[1]["policy_effective"] == "2017-05-08"
    assert [{**result["A-1"].to_records()[0], **result.policy.provenance.to_record()}] == [
        records[0]
    ]
    assert "1 Review, 1 Charter" in result._repr_html_()
    assert "<td>B-2</td>" in result._repr_html_()
    assert "less than £50,000" in result["A-1"]._repr_html_()
    with pytest.raises(KeyError):
        result["nobody"]


def test_every_spelling_of_a_supplier_is_kept_on_its_assessment() -> None:
    lines = [pay("60000", date(2025, 5, 1), "acme"), pay("10", date(2025, 5, 1), "bolt")]
    result = sv.with_spellings(
        sv.assess(sv.default_policy(), lines, "2025/26"),
        {"acme": ("Acme Ltd", "ACME LIMITED", "Acme"), "nobody": ("Nobody Ltd",)},
    )
    assert result["acme"].supplier_name == "Acme Ltd"
    assert result["acme"].spellings == ("Acme Ltd", "ACME LIMITED", "Acme")
    assert result["acme"].to_record()["spellings"] == "Acme Ltd | ACME LIMITED | Acme"
    assert result["acme"].explanation.startswith("£60,000.00 spent with Acme Ltd")
    assert result["bolt"].spellings == ()
    assert result["bolt"].supplier_name is None
    assert len(result) == 2


def test_a_batch_is_assessed_like_its_lines() -> None:
    batch = sv.SpendBatch("GMCA", [pay("30000", date(2025, 5, 1)), pay("25000", date(2025, 6, 1))])
    assert len(batch) == 2
    assert obligations(sv.assess(sv.default_policy(), batch, "2025/26")) == {
        "100234": Obligation.REVIEW
    }


def test_an_assessment_carries_its_band_and_total() -> None:
    (only,) = sv.assess(sv.default_policy(), [pay("60000.50", date(2025, 5, 1))], "2025/26")
    assert only.obligation is only.band.obligation is Obligation.REVIEW
    assert (only.amount, only.currency) == (Decimal("60000.50"), "GBP")
    assert only.total == Money("60000.50")


def test_totals_too_large_for_money_are_refused() -> None:
    big = [pay("999999999999999", date(2025, 5, 1)), pay("1", date(2025, 6, 1))]
    with pytest.raises(sv.RuleViolation, match="at most 15 integer digits") as info:
        sv.assess(sv.default_policy(), big, "2025/26")
    assert info.value.code == "money.bad_amount"


# -- the contract-value basis ---------------------------------------------------------


def contract(cid: str, value: str, start: date, end: date, **kw: object) -> Contract:
    fields: dict[str, object] = {
        "id": cid,
        "supplier_id": "100234",
        "title": "Custody healthcare",
        "category": ContractCategory.SERVICES,
        "value": Money(value),
        "vat_basis": NET,
        "start": start,
        "end": end,
    }
    fields.update(kw)
    return Contract(**fields)  # type: ignore[arg-type]


def test_the_contract_value_basis_tests_the_largest_live_contract() -> None:
    policy = sv.default_policy(basis=Basis.CONTRACT_VALUE)
    contracts = [
        contract("C-1", "40000", date(2024, 1, 1), date(2025, 12, 31)),
        contract("C-2", "120000", date(2025, 6, 1), date(2028, 5, 31)),
        contract("C-3", "900000", date(2020, 1, 1), date(2025, 3, 31)),
        contract("C-4", "10", date(2025, 4, 1), date(2025, 4, 1), supplier_id="S-9"),
    ]
    result = sv.assess(policy, contracts, "2025/26", suppliers=[ACME])
    assert result.ignored_lines == 1
    acme = result["100234"]
    assert (acme.obligation, acme.contract_id, acme.line_count) == (Obligation.REVIEW, "C-2", 2)
    assert acme.total == Money("120000")
    assert acme.explanation == (
        "£120,000.00, the whole-life value of contract C-2 with Acme Ltd live in 2025/26,"
        " is £50,000 or more; this policy asks for the Review."
    )
    assert result["S-9"].obligation is Obligation.CHARTER


def test_equal_contracts_tie_break_on_id_whatever_the_order() -> None:
    policy = sv.default_policy(basis=Basis.CONTRACT_VALUE)
    a = contract("C-1", "50000", date(2025, 4, 1), date(2026, 3, 31))
    b = contract("C-2", "50000", date(2025, 4, 1), date(2026, 3, 31))
    for order in ([a, b], [b, a]):
        assert sv.assess(policy, order, "2025/26")["100234"].contract_id == "C-1"


def test_the_contract_basis_refuses_spend_lines_and_mismatches() -> None:
    policy = sv.default_policy(basis=Basis.CONTRACT_VALUE)
    with pytest.raises(sv.RuleViolation, match="item 0 is a SpendLine"):
        sv.assess(policy, [pay("1", date(2025, 5, 1))], "2025/26")
    gross = contract("C-1", "1", date(2025, 4, 1), date(2026, 3, 31), vat_basis=GROSS)
    with pytest.raises(sv.RuleViolation, match=r"contract 0 .* is gross of VAT"):
        sv.assess(policy, [gross], "2025/26")
    euro = attrs.evolve(gross, vat_basis=NET, value=Money("1", "EUR"))
    with pytest.raises(sv.RuleViolation, match=r"contract 0 .* is in EUR"):
        sv.assess(policy, [euro], "2025/26")


def test_the_spend_basis_refuses_contracts() -> None:
    with pytest.raises(sv.RuleViolation, match="item 0 is a Contract"):
        sv.assess(
            sv.default_policy(),
            [contract("C-1", "1", date(2025, 4, 1), date(2026, 3, 31))],  # type: ignore[list-item]
            "2025/26",
        )


# -- new suppliers and local spend ----------------------------------------------------


def test_new_suppliers_have_nothing_before_the_date() -> None:
    records: list[SpendLine | Contract] = [
        pay("10", date(2024, 6, 1), "OLD-1"),
        pay("10", date(2025, 6, 1), "OLD-1"),
        pay("10", date(2025, 6, 1), "NEW-1"),
        contract("C-9", "10", date(2023, 1, 1), date(2026, 1, 1), supplier_id="OLD-2"),
        contract("C-8", "10", date(2025, 4, 1), date(2026, 1, 1), supplier_id="NEW-2"),
    ]
    assert sv.new_suppliers(records, date(2025, 4, 1)) == ("NEW-1", "NEW-2")
    assert sv.new_suppliers([], date(2025, 4, 1)) == ()


def supplier(sid: str, borough: sv.Borough | None) -> Supplier:
    return Supplier(sid, f"Supplier {sid}", sv.OrganisationType.MEDIUM, sv.Location(borough))


def test_local_spend_share_reproduces_the_2016_figure() -> None:
    """£59m of £110m with Greater Manchester organisations (tonylloyd.org, April 2017)."""
    year = sv.Period(date(2016, 1, 1), date(2016, 12, 31))
    lines = [
        pay("59000000", date(2016, 3, 1), "GM-1"),
        pay("41000000", date(2016, 3, 1), "NW-1"),
        pay("10000000", date(2016, 3, 1), "UNLISTED"),
        pay("5", date(2017, 1, 1), "GM-1"),
    ]
    suppliers = (supplier("GM-1", sv.Borough.SALFORD), supplier("NW-1", None))
    kpi = sv.local_spend_share(lines, iter(suppliers), year)
    assert kpi.local == Money("59000000")
    assert kpi.total == Money("110000000")
    assert kpi.unlocated == Money("10000000")
    assert kpi.share == Decimal(59) / Decimal(110)
    assert (kpi.line_count, kpi.ignored_lines) == (3, 1)
    assert kpi.explanation == (
        "£59,000,000.00 of £110,000,000.00 (53.6%) was spent with suppliers in Greater"
        " Manchester in 2016-01-01 to 2016-12-31."
    )
    assert kpi.to_records()[0]["share"] == kpi.share
    assert "53.6%" in kpi._repr_html_()


def test_local_spend_share_without_positive_spend() -> None:
    kpi = sv.local_spend_share([pay("-5", date(2025, 5, 1))], [], "2025/26")
    assert kpi.share is None
    assert "no positive spend to share out" in kpi.explanation
    with pytest.raises(sv.RuleViolation, match="spend line 0"):
        sv.local_spend_share([pay("5", date(2025, 5, 1), vat=GROSS)], [], "2025/26")


# -- properties ---------------------------------------------------------------------

many_lines = st.lists(spend_lines(), max_size=25)


@given(many_lines, st.randoms(use_true_random=False))
def test_assessment_is_independent_of_line_order(
    lines: list[SpendLine], shuffler: random.Random
) -> None:
    shuffled = list(lines)
    shuffler.shuffle(shuffled)
    policy = sv.default_policy()
    assert sv.assess(policy, lines, "2025/26") == sv.assess(policy, shuffled, "2025/26")


@given(many_lines, st.data())
def test_splitting_a_payment_changes_nothing_but_the_count(
    lines: list[SpendLine], data: st.DataObject
) -> None:
    payment = data.draw(spend_lines())
    part = data.draw(pence)
    first = attrs.evolve(payment, amount=Money(part))
    second = attrs.evolve(payment, amount=payment.amount - Money(part))
    policy = sv.default_policy()
    whole = sv.assess(policy, [*lines, payment], "2025/26")
    split = sv.assess(policy, [*lines, first, second], "2025/26")
    for before, after in zip(whole, split, strict=True):
        extra = 1 if after.supplier_id == payment.supplier_id else 0
        assert attrs.evolve(before, line_count=before.line_count + extra) == after


@given(many_lines, st.data())
def test_a_credit_note_cancelling_a_payment_restores_the_obligation(
    lines: list[SpendLine], data: st.DataObject
) -> None:
    payment = data.draw(spend_lines())
    credit = attrs.evolve(payment, amount=-payment.amount)
    policy = sv.default_policy()
    before = sv.assess(policy, lines, "2025/26")
    after = sv.assess(policy, [*lines, payment, credit], "2025/26")
    assert obligations(after) == {
        **{payment.supplier_id: Obligation.CHARTER},
        **obligations(before),
    }


@given(many_lines, spend_lines())
def test_more_spend_never_lightens_the_duty(lines: list[SpendLine], extra: SpendLine) -> None:
    """Monotone: a further payment never moves a supplier from the Review to the Charter."""
    payment = attrs.evolve(extra, amount=abs(extra.amount))
    policy = sv.default_policy()
    before = obligations(sv.assess(policy, lines, "2025/26"))
    after = obligations(sv.assess(policy, [*lines, payment], "2025/26"))
    for key, obligation in before.items():
        assert after[key].rank >= obligation.rank
