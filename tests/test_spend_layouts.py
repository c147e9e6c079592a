"""Layouts as data: the built-in ones, recognition from a header, and layouts as documents."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import socialvalue as sv
from socialvalue import (
    LAYOUTS,
    MANCHESTER_LAYOUT,
    SALFORD_LAYOUT,
    TRANSPARENCY_CODE,
    TRANSPARENCY_CODE_LAYOUT,
    Columns,
    DateFormat,
    Encoding,
    Layout,
    SpendFileError,
    recognise_layout,
)
from socialvalue.errors import RuleViolation
from socialvalue.spend.layouts import COLUMN_ROLES, HEADER_MARKS, column_key, parse_date

TRAFFORD_HEADER = [
    "OrganisationLabel",
    "OrganisationURI",
    "EffectiveDate",
    "OrganisationalUnit",
    "BeneficiaryName",
    "BeneficiaryOtherID",
    "PaymentDate",
    "TransactionNumber",
    "Amount",
    "IrrecoverableVATAmount",
    "Purpose",
    "ProclassLabel",
    "ProclassCode",
    "InvoiceNumber",
    "ProfitCentre",
    "VATRegistrationNumber",
]
MANCHESTER_HEADER = [
    "Body Name",
    "Service Area",
    "Expenses Type",
    "Invoice Payment Date",
    "Transaction Number",
    "Net Amount",
    "Supplier Name",
]
SALFORD_EARLY = [
    "Authority Name",
    "Date of Payment",
    "SAP Document Number",
    "Gross",
    "VAT",
    "Net",
    "Supplier Name",
    "Directorate",
    "G/L description.",
]
SALFORD_LATE = [
    "Authority Name",
    "Date of Payment",
    "DocumentNo",
    "Gross",
    "VAT",
    "Net",
    "Vendor Name",
    "Service Area",
    "GL Description",
]


def test_trafford_is_the_transparency_code_layout() -> None:
    found = recognise_layout(TRAFFORD_HEADER, LAYOUTS)
    assert found.layout is TRANSPARENCY_CODE_LAYOUT
    assert found.column("supplier_id") == "BeneficiaryOtherID"
    assert found.column("expense_type") == "ProclassLabel"
    assert found.column("vat_number") == "VATRegistrationNumber"
    assert found.index("net") == 8
    assert found.column("gross") is None
    assert found.mark is None
    assert "layout transparency-code" in found.explanation


@pytest.mark.parametrize("trailing", [[], [""]])
def test_manchester_as_published(trailing: list[str]) -> None:
    found = recognise_layout([*MANCHESTER_HEADER, *trailing], LAYOUTS)
    assert found.layout is MANCHESTER_LAYOUT
    assert found.column("expense_type") == "Expenses Type"
    assert found.column("supplier_id") is None


@pytest.mark.parametrize("mark", ["", *HEADER_MARKS])
@pytest.mark.parametrize("header", [SALFORD_EARLY, SALFORD_LATE])
def test_salford_in_every_header_variant_and_mark(header: list[str], mark: str) -> None:
    found = recognise_layout([mark + header[0], *header[1:]], LAYOUTS)
    assert found.layout is SALFORD_LAYOUT
    assert found.column("body") == "Authority Name"
    assert {found.column(r) for r in ("gross", "vat", "net")} == {"Gross", "VAT", "Net"}
    assert found.column("transaction_id") in {"SAP Document Number", "DocumentNo"}
    assert found.mark == (mark or None)
    if mark:
        assert "byte-order mark" in found.explanation


def test_the_salford_marks_are_the_ones_in_its_files() -> None:
    bom = b"\xef\xbb\xbf"
    assert bom.decode("utf-8") in HEADER_MARKS
    assert bom.decode("cp1252") in HEADER_MARKS  # ï»¿
    assert bom.decode("cp1252").encode("utf-8").decode("cp1252") in HEADER_MARKS
    assert b"\xc3\x83\xc2\xaf\xc2\xbb\xc2\xbf".decode("utf-8") in HEADER_MARKS  # June 2020


def test_columns_compare_ignoring_case_and_spacing() -> None:
    header = ["  supplier   NAME ", "INVOICE PAYMENT DATE", "net amount"]
    assert recognise_layout(header, LAYOUTS).layout is MANCHESTER_LAYOUT
    assert column_key(" A  b ") == "a b"


def test_no_layout_fits_and_the_error_says_what_each_expected() -> None:
    with pytest.raises(SpendFileError) as info:
        recognise_layout(["Payee", "When", "How much"], LAYOUTS)
    message = str(info.value)
    assert info.value.code == "spend_file.unknown_layout"
    assert "'Payee', 'When', 'How much'" in message
    assert "transparency-code needs 'BeneficiaryName'; 'PaymentDate'; 'Amount'" in message
    assert "salford needs 'Supplier Name' or 'Vendor Name'" in message
    assert "'Net' or 'Gross' with 'VAT'" in message
    with pytest.raises(SpendFileError, match="none given"):
        recognise_layout(["a"], [])


def test_a_role_found_twice_does_not_fit() -> None:
    header = [*SALFORD_LATE, "Supplier Name"]
    with pytest.raises(SpendFileError, match="supplier_name in 2 columns"):
        recognise_layout(header, [SALFORD_LAYOUT])


def test_the_layout_finding_most_roles_wins_and_the_first_breaks_ties() -> None:
    small = Layout(
        id="small",
        name="Small",
        supplier_name=("Supplier Name",),
        paid_on=("Invoice Payment Date",),
        net=("Net Amount",),
    )
    assert recognise_layout(MANCHESTER_HEADER, [small, MANCHESTER_LAYOUT]).layout.id == "manchester"
    twin = attrs.evolve(small, id="twin")
    assert recognise_layout(MANCHESTER_HEADER, [small, twin]).layout.id == "small"


def test_layout_rules() -> None:
    with pytest.raises(RuleViolation) as info:
        Layout(id="x", name="X", supplier_name=("A",), paid_on=("B",), gross=("G",))
    assert (info.value.code, info.value.field) == ("layout.no_amount", ("net",))
    with pytest.raises(RuleViolation) as info:
        Layout(id="x", name="X", supplier_name=("A",), paid_on=("B",), net=(" a ",))
    assert info.value.code == "text.untrimmed"
    with pytest.raises(RuleViolation) as info:
        Layout(id="x", name="X", supplier_name=("Amount",), paid_on=("B",), net=("AMOUNT",))
    assert (info.value.code, info.value.field) == ("layout.column_reused", ("net", 0))
    with pytest.raises(RuleViolation) as info:
        Layout(id="x", name="X", supplier_name=("A", "a"), paid_on=("B",), net=("N",))
    assert info.value.code == "list.duplicate"
    with pytest.raises(KeyError, match="no role 'amount'"):
        SALFORD_LAYOUT.columns("amount")
    assert set(COLUMN_ROLES) <= {f.name for f in attrs.fields(Layout)}


def test_dates_in_each_format() -> None:
    both = (DateFormat.ISO, DateFormat.DOTTED)
    assert parse_date("2025-03-31") == date(2025, 3, 31)
    assert parse_date("1/4/2025", (DateFormat.UK,)) == date(2025, 4, 1)
    assert parse_date(" 01.09.2020 ", both) == date(2020, 9, 1)
    for text in ("2025-02-30", "01/09/2020", "20250105", "2024-W01-1", "", "32.01.2020"):
        with pytest.raises(SpendFileError) as info:
            parse_date(text, both)
        assert info.value.code == "spend_file.bad_date"
        assert "YYYY-MM-DD or DD.MM.YYYY" in str(info.value)


def test_columns_become_a_layout() -> None:
    layout = TRANSPARENCY_CODE.to_layout()
    assert layout.supplier_name == ("BeneficiaryName",)
    assert layout.net == ("Amount",)
    by_name = Columns(supplier_id=None, contract_id="Contract", date_format=DateFormat.UK)
    assert by_name.to_layout().supplier_id == ()
    assert by_name.to_layout().contract_id == ("Contract",)
    assert by_name.to_layout().date_formats == (DateFormat.UK,)


def test_a_user_layout_is_a_document() -> None:
    document = {
        "id": "district-council",
        "name": "A district council",
        "supplier_name": ["Payee"],
        "paid_on": ["Date Paid"],
        "gross": ["Total"],
        "vat": ["VAT Amount"],
        "date_formats": ["DD/MM/YYYY"],
        "encodings": ["cp1252"],
    }
    layout = sv.load("spend-layout", document)
    assert layout.encodings == (Encoding.WINDOWS_1252,)
    assert layout.amount_format == sv.AmountFormat()
    assert sv.load("spend-layout", sv.dump(layout)) == layout
    report = sv.validate("spend-layout", {**document, "gross": []})
    assert [(i.path, i.code) for i in report.issues] == [("$.net", "layout.no_amount")]
    report = sv.validate("spend-layout", {**document, "net": ["payee"]})
    assert [(i.path, i.code) for i in report.issues] == [("$.net[0]", "layout.column_reused")]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.id)
def test_built_in_layouts_round_trip_as_documents(layout: Layout) -> None:
    assert sv.load("spend-layout", sv.dump(layout)) == layout
    assert sv.validate("spend-layout", sv.dump(layout)).ok
