"""SpendFile: layouts, the amount grammar, strict rows, payee rules and the reconciliation."""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal

import attrs
import pytest

import socialvalue as sv
from socialvalue import (
    MANCHESTER_LAYOUT,
    SALFORD_LAYOUT,
    TRANSPARENCY_CODE_LAYOUT,
    Money,
    Obligation,
    PayeeRules,
    Record,
    SpendFile,
    SpendFileError,
    SupplierKey,
    VatBasis,
    assess,
    default_policy,
    parse_financial_year,
)
from socialvalue.spend.reading import MAX_LISTED_BAD_ROWS

CODE = "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount,Purpose"
YEAR = parse_financial_year("2025/26")


def read(lines: list[str], **options: object) -> tuple[list[sv.SpendLine], SpendFile]:
    spend = SpendFile.from_lines(lines, **options)
    return list(spend), spend


# The failures the issue names, each read as today's reader misread it ---------------


def test_an_unquoted_thousands_separator_is_a_bad_row_not_one_pound() -> None:
    """Two rows totalling £50,034.56 were reported as £49.00 and the Charter."""
    lines = [
        CODE,
        "Acme Ltd,100234,2025-05-01,1,234.56,Guarding",
        "Acme Ltd,100234,2025-05-02,48800.00,Guarding",
    ]
    with pytest.raises(SpendFileError) as info:
        read(lines)
    assert (info.value.code, info.value.row) == ("spend_file.extra_fields", 2)
    assert info.value.value == "Guarding"
    found, spend = read(lines, skip_bad_rows=True)
    assert [str(line.amount) for line in found] == ["£48,800.00"]
    assert [(b.row, b.code) for b in spend.bad_rows] == [(2, "spend_file.extra_fields")]
    quoted = [lines[0], 'Acme Ltd,100234,2025-05-01,"1,234.56",Guarding', lines[2]]
    result = assess(default_policy(), read(quoted)[0], YEAR)
    assert result["100234"].total == Money("50034.56")
    assert result["100234"].obligation is Obligation.REVIEW


def test_a_stray_quote_costs_one_row_and_never_swallows_the_rest() -> None:
    """Three payments of £600 were reported as "1 rows read … £300.00"."""
    lines = [
        f"Body,{CODE}",
        'Council,"Acme Ltd,100234,2025-05-01,600.00,x',
        "Council,Acme Ltd,100234,2025-05-02,600.00,x",
        "Council,Acme Ltd,100234,2025-05-03,600.00,x",
    ]
    with pytest.raises(SpendFileError) as info:
        read(lines)
    assert (info.value.code, info.value.row) == ("spend_file.bad_quoting", 2)
    found, spend = read(lines, skip_bad_rows=True)
    assert sum(line.amount.amount for line in found) == Decimal("1200.00")
    done = spend.reconciliation()
    assert (done.rows_read, done.assessed.lines, done.bad.lines) == (3, 2, 1)
    with pytest.raises(SpendFileError) as info:
        read(lines, multiline=True)
    assert (info.value.code, info.value.row) == ("spend_file.unclosed_quote", 2)


def test_a_wrong_year_leaves_every_line_outside_and_names_the_years_covered() -> None:
    lines = [CODE, "Acme Ltd,1,2024-05-01,100.00,x", "Beta,2,2025-03-31,5.00,x"]
    found, spend = read(lines, period=YEAR)
    done = spend.reconciliation()
    assert found == []
    assert (done.assessed.lines, done.outside_period.lines) == (0, 2)
    assert done.outside_period.total == Money("105.00")
    assert done.years_covered == ("2024/25",)
    assert "2 outside 2025/26 (£105.00)" in done.explanation


def test_non_suppliers_are_set_apart_listed_and_not_assessed() -> None:
    lines = [
        CODE,
        "HMRC CUMBERNAULD,163782,2025-05-01,45000000.00,x",
        "TEACHERS PENSIONS,102323,2025-05-01,24000000.00,x",
        "Greater Manchester Combined Authori,100320,2025-05-01,68000000.00,x",
        "Salford City Council,101990,2025-05-01,3000000.00,x",
        "Acme Ltd,100234,2025-05-01,60000.00,x",
    ]
    found, spend = read(lines)
    assert {line.supplier_id for line in found} == {"100234"}
    done = spend.reconciliation()
    assert done.apart.lines == 4
    assert done.apart.total == Money("140000000.00")
    assert [(p.rule, p.payee) for p in done.apart_payees] == [
        ("councils", "Salford City Council"),
        ("pension-funds", "TEACHERS PENSIONS"),
        ("public-bodies", "Greater Manchester Combined Authori"),
        ("tax-and-duty", "HMRC CUMBERNAULD"),
    ]
    assert done.to_dict()["apart_by_rule"]["tax-and-duty"] == {
        "lines": 1,
        "total": "45000000.00",
    }
    included, _ = read(lines, include_apart=True)
    assert len(included) == 5


def test_mojibake_in_the_header_and_a_windows_1252_file_read_cleanly() -> None:
    """Salford's doubly encoded byte-order mark, and Manchester's £ as byte 0xA3."""
    salford = "\ufeffAuthority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name\n"
    for header in (salford, salford.encode("utf-8").decode("cp1252")):
        found, spend = read([header, "Salford City Council,2020-08-03,1,12.00,2.00,10.00,Apem Ltd"])
        assert spend.recognition.layout is SALFORD_LAYOUT
        assert spend.recognition.column("body") == "Authority Name"
        assert [str(line.amount) for line in found] == ["£10.00"]
    raw = (
        "Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,"
        'Net Amount,Supplier Name\r\nManchester City Council,x,y,01.09.2020,1,"\xa39,854.98",'
        "Caf\xe9 Nero Ltd\r\n"
    ).encode("latin-1")
    text = raw.decode(MANCHESTER_LAYOUT.encodings[0].value)
    found, spend = read(text.split("\n"))
    assert [(x.supplier_id, str(x.amount), x.paid_on) for x in found] == [
        ("cafe-nero", "£9,854.98", date(2020, 9, 1))
    ]
    assert spend.supplier_names() == {"cafe-nero": "Café Nero Ltd"}


# Layouts, amounts and keys -----------------------------------------------------------


def test_gross_and_vat_give_net_or_gross_and_must_agree_with_net() -> None:
    header = "Authority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name"
    lines = [header, "S,2020-08-03,1,120.00,20.00,100.00,Apem Ltd"]
    assert [str(x.amount) for x in read(lines)[0]] == ["£100.00"]
    gross, _ = read(lines, vat_basis=VatBasis.GROSS)
    assert [(str(x.amount), x.vat_basis) for x in gross] == [("£120.00", VatBasis.GROSS)]
    no_net = [header.replace(",Net,", ",Other,"), lines[1]]
    assert [str(x.amount) for x in read(no_net)[0]] == ["£100.00"]
    no_gross = [header.replace(",Gross,", ",Other,"), lines[1]]
    assert [str(x.amount) for x in read(no_gross, vat_basis=VatBasis.GROSS)[0]] == ["£120.00"]
    with pytest.raises(SpendFileError) as info:
        read([header, "S,2020-08-03,1,120.00,20.00,99.99,Apem Ltd"])
    assert (info.value.code, info.value.column) == ("spend_file.amounts_disagree", "Net")
    with pytest.raises(SpendFileError) as info:
        read([CODE, "Acme,1,2025-05-01,1,x"], vat_basis=VatBasis.GROSS)
    assert info.value.code == "spend_file.vat_mismatch"


@pytest.mark.parametrize(
    ("row", "code", "column", "value"),
    [
        ("Acme,1,2025-05-01,1.234,x", "spend_file.bad_amount", "Amount", "1.234"),
        ("Acme,1,2025-05-01,NaN,x", "spend_file.bad_amount", "Amount", "NaN"),
        ("Acme,1,2025-02-30,1,x", "spend_file.bad_date", "PaymentDate", "2025-02-30"),
        ("Acme,,2025-05-01,1,x", "spend_file.bad_id", "BeneficiaryOtherID", ""),
        ("Acme,a b,2025-05-01,1,x", "spend_file.bad_id", "BeneficiaryOtherID", "a b"),
        ("Acme,1,2025-05-01,1", "spend_file.short_row", None, None),
    ],
)
def test_bad_values_are_named_by_row_column_and_value(
    row: str, code: str, column: str | None, value: str | None
) -> None:
    with pytest.raises(SpendFileError) as info:
        read([CODE, "", "Acme,1,2025-05-01,1,x", row])
    error = info.value
    assert (error.code, error.row, error.column, error.value) == (code, 4, column, value)


def test_bad_rows_are_counted_in_lines_and_in_money_when_their_amount_was_read() -> None:
    lines = [CODE, "Acme,1,2025-02-30,7.00,x", "Acme,1,2025-05-01,x,x", "Acme,1,2025-05-01,1,x"]
    _, spend = read(lines, skip_bad_rows=True)
    done = spend.reconciliation()
    assert (done.bad.lines, done.bad.total) == (2, Money("7.00"))
    assert done.read_total == Money("8.00")


def test_bad_rows_beyond_the_listed_ones_are_counted() -> None:
    lines = [CODE] + ["Acme,1,2025-05-01,x,x"] * (MAX_LISTED_BAD_ROWS + 3)
    _, spend = read(lines, skip_bad_rows=True)
    assert len(spend.bad_rows) == MAX_LISTED_BAD_ROWS
    assert spend.reconciliation().bad.lines == MAX_LISTED_BAD_ROWS + 3


def test_blank_rows_and_rows_of_empty_fields_are_skipped_but_counted_as_lines() -> None:
    lines = [CODE, "", ",,,,", "  ", "Acme,1,2025-05-01,1,x"]
    found, spend = read(lines)
    assert spend.reconciliation().rows_read == 1
    assert len(found) == 1


def test_a_header_ending_in_empty_names_has_no_columns_there() -> None:
    """Manchester's header ends with a comma in some months; its rows may or may not."""
    header = "Body Name,Expenses Type,Invoice Payment Date,Net Amount,Supplier Name,"
    lines = [
        header,
        "M,x,01.07.2020,£1.00,Acme,",
        "M,x,01.07.2020,£2.00,Acme",
        "M,x,01.07.2020,£3.00,Acme,x",
    ]
    found, spend = read(lines, skip_bad_rows=True)
    assert [str(x.amount) for x in found] == ["£1.00", "£2.00"]
    assert [(b.row, b.code) for b in spend.bad_rows] == [(4, "spend_file.extra_fields")]


def test_the_file_must_have_a_header() -> None:
    with pytest.raises(SpendFileError, match="no header") as info:
        SpendFile.from_lines(["", ",,"])
    assert info.value.code == "spend_file.no_header"
    with pytest.raises(SpendFileError) as info:
        SpendFile.from_lines(['"open,header'])
    assert (info.value.code, info.value.row) == ("spend_file.bad_quoting", 1)


def test_keys_by_name_vat_number_or_company_number() -> None:
    header = "BeneficiaryName,PaymentDate,Amount,VATRegistrationNumber,CompaniesHouseNumber"
    lines = [
        header,
        "The Toy House Ltd,2025-05-01,1,GB 123 4567 89,01234567",
        "TOY HOUSE LIMITED,2025-05-02,2,,",
        "Toy House,2025-05-03,3,123456789,01-234",
    ]
    by_name, spend = read(lines)
    assert {x.supplier_id for x in by_name} == {"toy-house"}
    assert spend.supplier_spellings() == {
        "toy-house": ("The Toy House Ltd", "TOY HOUSE LIMITED", "Toy House")
    }
    by_vat, _ = read(lines, key=SupplierKey.VAT_NUMBER)
    assert [x.supplier_id for x in by_vat] == ["GB-VAT-123456789", "toy-house", "GB-VAT-123456789"]
    with pytest.raises(SpendFileError) as info:
        read(lines, key=SupplierKey.COMPANY_NUMBER)
    assert (info.value.row, info.value.column) == (4, "CompaniesHouseNumber")
    with pytest.raises(SpendFileError) as info:
        SpendFile.from_lines([CODE], key=SupplierKey.VAT_NUMBER)
    assert info.value.code == "spend_file.missing_column"
    with pytest.raises(SpendFileError, match="no letters or digits") as info:
        read([header, "---,2025-05-01,1,,"])
    assert info.value.column == "BeneficiaryName"


def test_exclusions_set_payees_apart_by_id_or_name() -> None:
    lines = [
        CODE,
        "Acme Ltd,1,2025-05-01,5,x",
        "Beta,2,2025-05-01,7,x",
        "BETA LTD,3,2025-05-01,1,x",
    ]
    found, spend = read(lines, exclude_ids=["1"], exclude_names=["Beta Limited"])
    assert found == []
    assert {(p.rule, p.payee, p.tally.lines) for p in spend.reconciliation().apart_payees} == {
        ("excluded", "Acme Ltd", 1),
        ("excluded", "Beta", 2),
    }


def test_contract_ids_are_read_and_checked() -> None:
    layout = attrs.evolve(TRANSPARENCY_CODE_LAYOUT, contract_id=("Contract",))
    lines = [CODE + ",Contract", "Acme,1,2025-05-01,1,x,C-1", "Acme,1,2025-05-01,1,x,"]
    found, _ = read(lines, layouts=[layout])
    assert [x.contract_id for x in found] == ["C-1", None]
    with pytest.raises(SpendFileError, match="contract id"):
        read([lines[0], "Acme,1,2025-05-01,1,x,not an id"], layouts=[layout])


def test_records_may_be_line_and_fields_pairs_and_are_read_once() -> None:
    spend = SpendFile([(1, CODE.split(",")), Record(2, ("Acme", "1", "2025-05-01", "1", "x"))])
    assert len(list(spend)) == 1
    with pytest.raises(RuntimeError, match="once"):
        iter(spend)


def test_the_period_may_come_from_the_first_payment() -> None:
    lines = [CODE, "Acme,1,2025-05-01,1,x", "Acme,1,2026-05-01,2,x"]
    found, spend = read(lines, period=default_policy().period_for)
    assert len(found) == 1
    done = spend.reconciliation()
    assert done.period == YEAR
    assert done.outside_period.lines == 1
    assert (done.first_paid, done.last_paid) == (date(2025, 5, 1), date(2026, 5, 1))
    assert done.years_covered == ("2025/26", "2026/27")


def test_the_callers_decimal_context_changes_no_total() -> None:
    lines = [CODE] + [f'Acme,1,2025-05-0{d},"£16,666.663",x' for d in (1, 2, 3)]
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        layout = attrs.evolve(TRANSPARENCY_CODE_LAYOUT, amount_format=sv.AmountFormat(max_places=3))
        _, spend = read(lines, layouts=[layout])
        done = spend.reconciliation()
    assert done.assessed.total == Money("49999.989")


def test_custom_payee_rules() -> None:
    lines = [CODE, "HMRC,R1,2025-05-01,1,x", "Name withheld,9,2025-05-01,2,x"]
    found, spend = read(lines, payees=PayeeRules(withheld=("Name withheld",), apart=()))
    assert [x.supplier_id for x in found] == ["R1"]
    assert spend.reconciliation().withheld.total == Money("2")
