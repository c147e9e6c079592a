"""`socialvalue report`: the regional report over a folder of documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import socialvalue as sv
from socialvalue.cli import main
from socialvalue.report.worked_example import example_year


def _write_folder(folder: Path) -> None:
    """Lay the bundled example year out as a council would: CSV and JSON files."""
    year = example_year()
    with (folder / "spend.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["BeneficiaryName", "BeneficiaryOtherID", "PaymentDate", "Amount"])
        names = {s.id: s.name for s in year.suppliers}
        for line in year.spend:
            name = names.get(line.supplier_id, line.supplier_id)
            writer.writerow([name, line.supplier_id, line.paid_on, line.amount.amount])
    for sub, items in [
        ("suppliers", year.suppliers),
        ("signups", year.signups),
        ("submissions", year.submissions),
    ]:
        (folder / sub).mkdir()
        for number, item in enumerate(items):
            (folder / sub / f"{number}.json").write_text(json.dumps(sv.dump(item)))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_report_over_a_folder_matches_the_library(tmp_path: Path) -> None:
    # The example year counts Trafford Council as a supplier; so does this run.
    _write_folder(tmp_path)
    code, out, err = run("report", str(tmp_path), "--year", "2025/26", "--include-non-suppliers")
    assert (code, err) == (0, "")
    summary, spend = out.rsplit("\n", 2)[:2]
    assert summary + "\n" == example_year().report().summary() + "\n"
    assert spend == (
        "spend: 17 rows read (£1,258,400.00): 17 assessed (£1,258,400.00), 0 withheld,"
        " 0 set apart, 0 outside 2025/26, 0 bad"
    )


def test_report_reads_spend_as_assess_does(tmp_path: Path) -> None:
    """Layout recognised, non-suppliers set apart and reconciled, a wrong year refused."""
    _write_folder(tmp_path)
    code, out, err = run("report", str(tmp_path), "--year", "2025/26")
    assert (code, err) == (0, "")
    assert "Spend: £1,193,400.00 with 11 suppliers" in out  # less Trafford Council's £65,000
    assert out.endswith(
        "spend: 17 rows read (£1,258,400.00): 16 assessed (£1,193,400.00), 0 withheld,"
        " 1 set apart (£65,000.00), 0 outside 2025/26, 0 bad\n"
    )
    code, _, err = run("report", str(tmp_path), "--year", "2024/25")
    assert code == 1
    assert "have no line in 2024/25; the years they cover: 2025/26" in err


def test_report_refuses_a_bad_row_and_the_same_file_twice(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    (tmp_path / "spend2.csv").write_bytes((tmp_path / "spend.csv").read_bytes())
    code, _, err = run("report", str(tmp_path), "--year", "2025/26")
    assert code == 1
    assert "spend2.csv has the same content as" in err
    (tmp_path / "spend2.csv").write_text(
        "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount\nAcme Ltd,9,2025-05-01,1,234.56\n",
        encoding="utf-8",
    )
    code, _, err = run("report", str(tmp_path), "--year", "2025/26")
    assert code == 1
    assert "spend2.csv: row 2: has 5 fields where the header has 4" in err


def test_report_as_json_is_a_valid_regional_report(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    code, out, _ = run("report", str(tmp_path), "--year", "2025/26", "--format", "json")
    assert code == 0
    assert sv.validate("regional-report", json.loads(out)).ok


def test_report_errors(tmp_path: Path) -> None:
    code, _, err = run("report", str(tmp_path / "missing"), "--year", "2025/26")
    assert code == 2
    assert "is not a folder" in err
    code, _, err = run("report", str(tmp_path), "--year", "2025/26")
    assert code == 1
    assert "holds no spend file" in err
    _write_folder(tmp_path)
    code, _, err = run("report", str(tmp_path), "--year", "2025-26")
    assert code == 2
    assert "--year" in err
    (tmp_path / "signups" / "bad.json").write_text('{"supplier_id": 1}')
    code, _, err = run("report", str(tmp_path), "--year", "2025/26")
    assert code == 1
    assert "supplier_id" in err


def test_report_needs_a_year(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "."])
    assert info.value.code == 2
    assert "--year" in capsys.readouterr().err


def test_demo_ends_with_the_report_summary() -> None:
    code, out, _ = run("demo")
    assert code == 0
    summary = example_year().report().summary()
    assert summary in out
    assert out.index("3. THE COMMISSIONER'S REPORT") < out.index(summary) < out.index("Next:")
