"""Reading councils' published spend files (Local Government Transparency Code)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue import Money, Obligation, assess, default_policy
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.transparency import (
    MAX_LISTED_BAD_ROWS,
    TRANSPARENCY_CODE,
    Columns,
    DateFormat,
    SpendFileError,
    SpendFileReader,
    check_vat_basis,
    name_key,
    with_names,
)

ROOT = Path(__file__).resolve().parent.parent
TRAFFORD_NAME = "trafford-supplier-spend-2024-25.zip"
# ../shared beside the clone (CI); a worktree under <root>/wt/<name> looks two up.
TRAFFORD = next(
    (
        base / "shared" / "data" / TRAFFORD_NAME
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "data" / TRAFFORD_NAME).exists()
    ),
    None,
)


def row(name: str, id_: str, day: str, amount: str) -> dict[str, str | None]:
    return {
        "BeneficiaryName": name,
        "BeneficiaryOtherID": id_,
        "PaymentDate": day,
        "Amount": amount,
    }


def test_transparency_code_columns_work_with_no_options() -> None:
    reader = SpendFileReader(
        [
            row("Acme Ltd", "100234", "2025-05-01", "30000.00"),
            row("ACME LIMITED", "100234", "2025-06-01", "-500.00"),
            row("Acme Ltd", "100234", "2025-07-01", "£1,234.50"),
        ]
    )
    lines = list(reader)
    assert lines == [
        SpendLine("100234", Money("30000.00"), date(2025, 5, 1), VatBasis.NET),
        SpendLine("100234", Money("-500.00"), date(2025, 6, 1), VatBasis.NET),
        SpendLine("100234", Money("1234.50"), date(2025, 7, 1), VatBasis.NET),
    ]
    summary = reader.summary()
    assert summary.rows == 3
    assert (summary.lines.lines, summary.lines.total) == (3, Money("30734.50"))
    assert reader.supplier_names() == {"100234": "Acme Ltd"}


def test_redacted_beneficiaries_are_counted_apart_never_assessed() -> None:
    reader = SpendFileReader(
        [
            row("Redacted", "Redacted", "2025-05-01", "900.00"),
            row("REDACTED  PERSONAL DATA", "", "2025-05-02", "100.00"),
            row("Redactive Events Ltd", "150507", "2025-05-03", "10.00"),
        ]
    )
    assert [line.supplier_id for line in reader] == ["150507"]
    assert reader.summary().redacted.lines == 2
    assert reader.summary().redacted.total == Money("1000.00")


def test_dict_reader_rows_with_extra_fields_are_bad_not_misread() -> None:
    """csv.DictReader files an unquoted 1,234.56 as 1 with 234.56 aside (its restkey)."""
    text = (
        "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount,Purpose\n"
        "Acme Ltd,100234,2025-05-01,48800.00,Guarding,\n"
        "Acme Ltd,100234,2025-05-02,1,234.56,Guarding\n"
    )
    with pytest.raises(SpendFileError) as info:
        list(SpendFileReader(csv.DictReader(io.StringIO(text))))
    assert (info.value.code, info.value.row) == ("spend_file.extra_fields", 3)
    assert "'Guarding'" in str(info.value)
    reader = SpendFileReader(csv.DictReader(io.StringIO(text)), skip_bad_rows=True)
    assert [str(line.amount) for line in reader] == ["£48,800.00"]


def test_every_redaction_spelling_is_withheld_but_not_redactive_publishing() -> None:
    names = ["Redacted Personal Information", "REdacted Data", "Redacted Data Data", "Redaction"]
    rows = [row(name, "", "2025-05-01", "1") for name in names]
    rows.append(row("Redactive Publishing Ltd", "9", "2025-05-01", "2"))
    reader = SpendFileReader(rows)
    assert [line.supplier_id for line in reader] == ["9"]
    assert reader.summary().redacted.lines == 4


def test_exclusions_by_id_and_by_name() -> None:
    reader = SpendFileReader(
        [
            row("HMRC", "900001", "2025-05-01", "5000"),
            row("Greater Manchester Pension Fund", "900002", "2025-05-01", "7000"),
            row("greater  manchester pension fund", "900003", "2025-05-02", "1000"),
            row("Acme", "100234", "2025-05-02", "1"),
        ],
        exclude_ids=["900001"],
        exclude_names=["Greater Manchester Pension Fund"],
    )
    assert [line.supplier_id for line in reader] == ["100234"]
    excluded = dict(reader.summary().excluded)
    assert excluded["900001"].total == Money("5000")
    assert excluded["Greater Manchester Pension Fund"].lines == 2


def test_another_layout_is_mapped_with_columns() -> None:
    columns = Columns(
        supplier_id=None,
        supplier_name="Supplier",
        paid_on="Date",
        amount="Net",
        contract_id="Contract",
        date_format=DateFormat.UK,
    )
    rows = [
        {"Supplier": "The Toy House", "Date": "31/03/2025", "Net": "10", "Contract": "C-1"},
        {"Supplier": "THE TOY HOUSE.", "Date": "1/4/2025", "Net": "5", "Contract": ""},
    ]
    reader = SpendFileReader(rows, columns=columns)
    lines = list(reader)
    assert [(x.supplier_id, x.paid_on, x.contract_id) for x in lines] == [
        ("the-toy-house", date(2025, 3, 31), "C-1"),
        ("the-toy-house", date(2025, 4, 1), None),
    ]
    assert columns.required == ("Supplier", "Date", "Net", "Contract")


def test_a_missing_column_is_named() -> None:
    with pytest.raises(SpendFileError) as info:
        list(SpendFileReader([{"BeneficiaryName": "x", "PaymentDate": "2025-01-01"}]))
    assert info.value.code == "spend_file.missing_column"
    assert info.value.column == "BeneficiaryOtherID"
    assert "'BeneficiaryOtherID'" in str(info.value)
    assert "its columns: BeneficiaryName, PaymentDate" in str(info.value)


@pytest.mark.parametrize(
    ("bad", "code", "column"),
    [
        (row("Acme", "100234", "2025-05-01", "12,34"), "spend_file.bad_amount", "Amount"),
        (row("Acme", "100234", "2025-05-01", ""), "spend_file.bad_amount", "Amount"),
        (row("Acme", "100234", "2025-05-01", "1e9"), "spend_file.bad_amount", "Amount"),
        (row("Acme", "100234", "01/05/2025", "1"), "spend_file.bad_date", "PaymentDate"),
        (row("Acme", "100234", "2025-02-30", "1"), "spend_file.bad_date", "PaymentDate"),
        (row("Acme", "", "2025-05-01", "1"), "spend_file.bad_id", "BeneficiaryOtherID"),
        (row("Acme", "a b", "2025-05-01", "1"), "spend_file.bad_id", "BeneficiaryOtherID"),
        (row("", "100234", "2025-05-01", "1"), "spend_file.bad_id", "BeneficiaryName"),
        (
            {**row("Acme", "1", "2025-05-01", "1"), "Amount": None},
            "spend_file.bad_amount",
            "Amount",
        ),
    ],
)
def test_a_bad_row_is_named_by_number_and_column(
    bad: dict[str, str | None], code: str, column: str
) -> None:
    good = row("Acme", "100234", "2025-05-01", "1")
    with pytest.raises(SpendFileError) as info:
        list(SpendFileReader([good, good, bad]))
    assert (info.value.code, info.value.row, info.value.column) == (code, 4, column)
    assert str(info.value).startswith(f"row 4: {column}: ")


def test_a_column_missing_from_a_later_row_is_that_row_s_fault() -> None:
    good = row("Acme", "100234", "2025-05-01", "1")
    short = {k: v for k, v in good.items() if k != "PaymentDate"}
    with pytest.raises(SpendFileError) as info:
        list(SpendFileReader([good, short]))
    assert (info.value.code, info.value.row, info.value.column) == (
        "spend_file.missing_column",
        3,
        "PaymentDate",
    )
    reader = SpendFileReader([good, short, good], skip_bad_rows=True)
    assert len(list(reader)) == 2
    assert reader.summary().bad_row_count == 1


@pytest.mark.parametrize("at", [0, 1])
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (["Acme", "100234"], r"a row must be a mapping .* got list"),
        ({**row("Acme", "1", "2025-05-01", "1"), "Amount": 12}, r"column 'Amount'.* got int"),
        ({**row("Acme", "1", "2025-05-01", "1"), "BeneficiaryName": b"x"}, r"got bytes"),
    ],
)
def test_a_row_or_cell_of_the_wrong_type_is_a_type_error_naming_the_row(
    at: int, bad: object, message: str
) -> None:
    rows: list[object] = [row("Acme", "100234", "2025-05-01", "1")] * at + [bad]
    with pytest.raises(TypeError, match=rf"^row {at + 2}\b.*{message}"):
        list(SpendFileReader(rows))  # type: ignore[arg-type]


def test_bad_contract_ids_and_unnamed_keys() -> None:
    columns = Columns(contract_id="Contract")
    rows = [{**row("Acme", "1", "2025-05-01", "1"), "Contract": "not an id"}]
    with pytest.raises(SpendFileError, match="contract id"):
        list(SpendFileReader(rows, columns=columns))
    with pytest.raises(SpendFileError, match="no letters or digits"):
        list(
            SpendFileReader([row("---", "1", "2025-05-01", "1")], columns=Columns(supplier_id=None))
        )


def test_skip_bad_rows_counts_and_lists_them() -> None:
    rows = [row("Acme", "1", "2025-05-01", "x")] * (MAX_LISTED_BAD_ROWS + 5)
    rows.append(row("Acme", "1", "2025-05-01", "2"))
    reader = SpendFileReader(rows, skip_bad_rows=True)
    assert len(list(reader)) == 1
    summary = reader.summary()
    assert summary.bad_row_count == MAX_LISTED_BAD_ROWS + 5
    assert len(summary.bad_rows) == MAX_LISTED_BAD_ROWS
    assert str(summary.bad_rows[0]).startswith("row 2 (Amount): an amount is")


def test_a_reader_reads_once() -> None:
    reader = SpendFileReader([])
    assert list(reader) == []
    with pytest.raises(RuntimeError, match="once"):
        iter(reader)


def test_vat_basis_mismatch_is_refused_unless_allowed() -> None:
    check_vat_basis(VatBasis.NET, VatBasis.NET)
    check_vat_basis(VatBasis.NET, VatBasis.GROSS, allow=True)
    with pytest.raises(SpendFileError) as info:
        check_vat_basis(VatBasis.GROSS, VatBasis.NET)
    assert info.value.code == "spend_file.vat_mismatch"


def test_name_key() -> None:
    assert name_key("  Kids Planet-Hale & Sale ") == "kids-planet-hale-sale"
    assert len(name_key("x" * 100)) == 64
    with pytest.raises(ValueError, match="no letters or digits"):
        name_key("&&")


def test_caches_stay_bounded() -> None:
    rows = (row(f"Supplier {i}", str(i), "2025-05-01", f"{i}.00") for i in range(9_000))
    reader = SpendFileReader(rows)
    assert sum(1 for _ in reader) == 9_000
    assert reader.summary().lines.total == Money(sum(range(9_000)))


def test_with_names_fills_only_missing_names() -> None:
    lines = SpendFileReader(
        [row("Acme", "1", "2025-05-01", "60000"), row("Beta", "2", "2025-05-01", "10")]
    )
    result = assess(default_policy(), lines, "2025/26")
    named = with_names(result, {"1": "Acme Ltd"})
    assert [a.supplier_name for a in named] == ["Acme Ltd", None]
    assert "Acme Ltd" in named["1"].explanation
    assert with_names(named, {"1": "Other"})["1"].supplier_name == "Acme Ltd"


# Properties ---------------------------------------------------------------------

ids = st.sampled_from(["100", "200", "300", "Redacted", "900"])
amount_text = st.decimals(
    min_value=Decimal("-99999.99"), max_value=Decimal("99999.99"), places=2
).map(str)
rows_strategy = st.lists(
    st.builds(
        row,
        st.sampled_from(["Acme", "ACME", "Beta", "Redacted"]),
        ids,
        st.sampled_from(["2025-04-01", "2025-12-31", "2026-03-31"]),
        amount_text,
    ),
    max_size=40,
)


@given(rows_strategy)
def test_every_pound_is_accounted_for(rows: list[dict[str, str | None]]) -> None:
    """Assessed lines, withheld lines and excluded lines add up to the file's total."""
    reader = SpendFileReader(rows, exclude_ids=["900"])
    lines = list(reader)
    summary = reader.summary()
    everything = sum((Decimal(r["Amount"] or "0") for r in rows), Decimal(0))
    kept_apart = summary.redacted.total.amount + sum(
        (t.total.amount for _, t in summary.excluded), Decimal(0)
    )
    assert summary.lines.total.amount + kept_apart == everything
    assert (
        summary.lines.lines + summary.redacted.lines + sum(t.lines for _, t in summary.excluded)
        == len(rows)
        == summary.rows
    )
    assert all(line.supplier_id in {"100", "200", "300"} for line in lines)


@given(rows_strategy, st.randoms())
def test_order_does_not_change_what_each_supplier_is_asked(
    rows: list[dict[str, str | None]], random: object
) -> None:
    """Assessments depend on the lines, not on the order of the file's rows."""
    shuffled = list(rows)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    policy = default_policy()
    first = assess(policy, SpendFileReader(rows), "2025/26")
    second = assess(policy, SpendFileReader(shuffled), "2025/26")
    assert [(a.supplier_id, a.total, a.obligation) for a in first] == [
        (a.supplier_id, a.total, a.obligation) for a in second
    ]


@given(
    st.lists(
        st.builds(
            SpendLine,
            st.sampled_from(["1", "A-2"]),
            st.builds(Money, amount_text),
            st.dates(date(2000, 1, 1), date(2030, 12, 31)),
            st.just(VatBasis.NET),
        ),
        max_size=20,
    )
)
def test_lines_written_as_rows_read_back_equal(lines: list[SpendLine]) -> None:
    """A SpendLine written in the Transparency Code's layout reads back as itself."""
    rows = [row("Name", x.supplier_id, x.paid_on.isoformat(), str(x.amount.amount)) for x in lines]
    assert list(SpendFileReader(rows)) == lines


# The real file -------------------------------------------------------------------


def trafford_rows() -> Iterator[dict[str, str]]:
    assert TRAFFORD is not None
    with zipfile.ZipFile(TRAFFORD) as archive, archive.open(archive.namelist()[0]) as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


@pytest.mark.skipif(
    TRAFFORD is None,
    reason=f"the real spend file ../shared/data/{TRAFFORD_NAME} is not beside the repo",
)
def test_trafford_2024_25() -> None:
    reader = SpendFileReader(trafford_rows())
    result = with_names(assess(default_policy(), reader, "2024/25"), reader.supplier_names())
    summary = reader.summary()
    assert summary.rows == 210_068
    assert summary.redacted.lines > 0
    assert all(a.supplier_id.casefold() != "redacted" for a in result)
    assert result.ignored_lines == 0
    toy_house = result["160373"]
    assert toy_house.total == Money("50000.00")
    assert toy_house.obligation is Obligation.REVIEW
    assert toy_house.on_boundary
    assert toy_house.supplier_name == "The Toy House"
    # Several spellings under one id: the most frequent one names the supplier.
    assert result["102557"].supplier_name == "HEATHSIDE RETIRMENT HOME"
    # Credit notes net off: every line counted, and the file's total is exact.
    assert summary.lines.lines + summary.redacted.lines == summary.rows
    assert sum((a.total for a in result), Money.zero()) == summary.lines.total
    assert TRANSPARENCY_CODE.required[0] == "BeneficiaryOtherID"
