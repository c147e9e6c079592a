"""``socialvalue assess`` on the region's real spend files, checked against an independent recount.

The recount reads each CSV with :mod:`csv` and :class:`~decimal.Decimal` only, so a
reader that lost a row, a penny or a supplier's spelling would disagree with it.
The real files are in ``../shared/data``; without them these tests are skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from socialvalue.cli import main
from socialvalue.spend.names import NameRules

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = {
    "trafford": ("trafford-supplier-spend-2024-25.zip", "transparency-code", "2024/25"),
    "manchester": ("manchester-spend-2020-21.zip", "manchester", "2020/21"),
    "salford": ("salford-spend-2020-21.zip", "salford", "2020/21"),
}
NAMES = {"beneficiaryname", "supplier name", "vendor name"}
AMOUNTS = {"amount", "net amount", "net"}
IDS = {"beneficiaryotherid"}


def _uncommented(text: str) -> io.StringIO:
    """A CSV output without its leading ``#`` lines (the policy it applied)."""
    lines = text.splitlines(keepends=True)
    assert lines[0].startswith("# Policy ")
    return io.StringIO("".join(line for line in lines if not line.startswith("# ")))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err, stdin=io.TextIOWrapper(io.BytesIO()))
    return code, out.getvalue(), err.getvalue()


def amount(text: str) -> Decimal:
    """``£1,234.56``, ``-£1.00``, ``(1,234.56)`` as a Decimal, the plain way."""
    text = text.strip()
    negative = text.startswith("(") and text.endswith(")")
    value = Decimal(text.strip("()").replace("£", "").replace(",", ""))
    return -value if negative else value


def recount(path: Path, by_id: bool) -> tuple[int, Decimal, dict[str, Decimal]]:
    """Rows, their total, and the total by supplier id (or normalised name), of every CSV."""
    rules = NameRules()
    rows, total = 0, Decimal(0)
    by_supplier: dict[str, Decimal] = defaultdict(Decimal)
    with zipfile.ZipFile(path) as archive:
        for member in sorted(m for m in archive.namelist() if m.lower().endswith(".csv")):
            data = archive.read(member)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
            records = csv.reader(io.StringIO(text, newline=""))
            header = [re.sub(r"^[^A-Za-z]+", "", h).strip().lower() for h in next(records)]
            name = next(i for i, h in enumerate(header) if h in NAMES)
            money = next(i for i, h in enumerate(header) if h in AMOUNTS)
            key = next(i for i, h in enumerate(header) if h in IDS) if by_id else name
            for record in records:
                if not any(field.strip() for field in record):
                    continue
                value = amount(record[money])
                rows, total = rows + 1, total + value
                who = record[key].strip() if by_id else rules.key(record[key])
                by_supplier[who] += value
    return rows, total, by_supplier


needs_data = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"the real spend files are not here: {DATA} is absent"
)


@needs_data
@pytest.mark.parametrize("council", sorted(FILES))
def test_a_real_file_is_read_whole_and_agrees_with_a_recount(council: str) -> None:
    name, layout, year = FILES[council]
    path = DATA / name
    code, out, err = run(["assess", str(path), "--format", "json"])
    assert code == 0, err
    report = json.loads(out)
    assert report["period"] == year
    assert {f["layout"] for f in report["files"]} == {layout}
    assert {f["encoding"] for f in report["files"]} <= {"UTF-8", "Windows-1252"}
    done = report["reconciliation"]
    categories = ("assessed", "withheld", "apart", "outside_period", "bad")
    assert done["rows_read"] == sum(done[c]["lines"] for c in categories)
    assert Decimal(done["read_total"]) == sum(Decimal(done[c]["total"]) for c in categories)
    assert done["bad"]["lines"] == 0
    rows, total, by_supplier = recount(path, by_id=council == "trafford")
    assert (done["rows_read"], Decimal(done["read_total"])) == (rows, total)
    biggest = sorted(report["assessments"], key=lambda a: -Decimal(a["total"]))[:5]
    for assessment in biggest:
        assert Decimal(assessment["total"]) == by_supplier[assessment["supplier_id"]]


@needs_data
def test_the_text_summary_names_the_layout_encoding_and_what_was_set_apart() -> None:
    code, out, err = run(["assess", str(DATA / FILES["manchester"][0])])
    assert code == 0, err
    assert "12 files in layout manchester" in out
    assert "Windows-1252" in out
    assert "rows read (£" in out
    assert "set apart by rule tax-and-duty:" in out
    code, out, _ = run(["assess", str(DATA / FILES["manchester"][0]), "--include-non-suppliers"])
    assert code == 0
    assert "0 set apart" in out


@needs_data
def test_a_wrong_year_exits_1_naming_the_years_the_file_covers() -> None:
    code, out, err = run(["assess", str(DATA / FILES["salford"][0]), "--year", "2024/25"])
    assert (code, out) == (1, "")
    assert "no spend line in 2024/25" in err
    assert "the years it covers: 2020/21" in err


HEADER = "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount,Purpose\n"


def test_a_stray_quote_and_an_unquoted_thousands_separator_are_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "spend.csv"
    path.write_text(
        HEADER
        + "Acme Ltd,100234,2025-05-01,600.00,Kit\n"
        + '"Acme Ltd,100234,2025-05-02,600.00,Kit\n'
        + "\n"
        + "Acme Ltd,100234,2025-05-03,600.00,Kit\n"
        + "Acme Ltd,100234,2025-05-04,1,234.56,Kit\n",
        encoding="utf-8",
    )
    code, _, err = run(["assess", str(path)])
    assert code == 1
    assert "row 3:" in err
    code, out, err = run(["assess", str(path), "--skip-bad-rows", "--format", "json"])
    assert code == 0, err
    report = json.loads(out)
    assert [bad["row"] for bad in report["bad_rows"]] == [3, 6]
    assert report["bad_rows"][1]["code"] == "spend_file.extra_fields"
    assert report["reconciliation"]["assessed"] == {"lines": 2, "total": "1200.00"}
    assert report["reconciliation"]["bad"]["lines"] == 2


def test_a_layout_document_or_single_columns_describe_the_file(tmp_path: Path) -> None:
    layout = Path(__file__).parent / "examples" / "spend-layout" / "gross-and-vat.json"
    spend = tmp_path / "district.csv"
    spend.write_text(
        "Payee,Date Paid,Total,VAT Amount\nAcme Ltd,01/05/2025,120.00,20.00\n", encoding="utf-8"
    )
    code, out, err = run(["assess", str(spend), "--layout", str(layout)])
    assert code == 0, err
    assert "layout district-council" in out
    assert "£100.00" in out
    code, _, err = run(["assess", str(spend), "--layout", str(layout), "--name-column", "Payee"])
    assert code == 2
    assert "not both" in err
    ids = tmp_path / "ids.csv"
    ids.write_text("Vendor,Ref,Date,Amount\nAcme Ltd,A1,2025-05-01,10.00\n", encoding="utf-8")
    code, out, err = run(
        [
            "assess",
            str(ids),
            "--name-column",
            "Vendor",
            "--date-column",
            "Date",
            "--id-column",
            "Ref",
        ]
    )
    assert code == 0, err
    assert out.splitlines()[2].startswith("A1 ")
    code, _, err = run(
        [
            "assess",
            str(ids),
            "--name-column",
            "Vendor",
            "--date-column",
            "Date",
            "--id-column",
            "Nope",
        ]
    )
    assert code == 1
    assert "Nope" in err or "supplier_id" in err


def test_csv_output_neutralises_formulas_and_keeps_negative_numbers(tmp_path: Path) -> None:
    path = tmp_path / "spend.csv"
    path.write_text(
        HEADER
        + '"=HYPERLINK(""http://x"")",100,2025-05-01,10.00,Kit\n'
        + "@SUM(A1),200,2025-05-01,10.00,Kit\n"
        + "Credit Co,300,2025-05-01,-50.00,Refund\n",
        encoding="utf-8",
    )
    code, out, err = run(["assess", str(path), "--format", "csv"])
    assert code == 0, err
    records = {r["supplier_id"]: r for r in csv.DictReader(_uncommented(out))}
    assert records["100"]["supplier_name"] == '\'=HYPERLINK("http://x")'
    assert records["200"]["supplier_name"] == "'@SUM(A1)"
    assert records["300"]["total"] == "-50.00"
    assert all(not v.startswith(("=", "@", "+")) for r in records.values() for v in r.values())
