"""`socialvalue report`: the regional report over a folder of documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
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


def _last_year(year: sv.ExampleYear) -> sv.ExampleYear:
    """The example year moved back a year, with three suppliers fewer and no Reviews of 100109."""
    period = sv.parse_financial_year("2024/25")
    dropped = {"100102", "100109", "100110"}
    return attrs.evolve(
        year,
        period=period,
        spend=tuple(
            attrs.evolve(line, paid_on=line.paid_on.replace(year=line.paid_on.year - 1))
            for line in year.spend
            if line.supplier_id not in dropped
        ),
        signups=(),
        submissions=tuple(
            attrs.evolve(
                review,
                period=period,
                declaration=attrs.evolve(
                    review.declaration,
                    signed_on=review.declaration.signed_on.replace(year=2025),
                ),
            )
            for review in year.submissions
            if review.supplier_id not in dropped
        ),
    )


def _write_year(folder: Path, year: sv.ExampleYear, name: str) -> None:
    with (folder / f"spend-{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["BeneficiaryName", "BeneficiaryOtherID", "PaymentDate", "Amount"])
        for line in year.spend:
            writer.writerow([line.supplier_id, line.supplier_id, line.paid_on, line.amount.amount])
    (folder / "submissions").mkdir(exist_ok=True)
    for number, item in enumerate(year.submissions):
        path = folder / "submissions" / f"{name}-{number}.json"
        path.write_text(json.dumps(sv.dump(item)))


def test_two_year_report_from_the_command_line(tmp_path: Path) -> None:
    """Last year's spend and Reviews sit beside this year's; --previous names the year."""
    _write_folder(tmp_path)
    last = _last_year(example_year())
    _write_year(tmp_path, last, "2024-25")
    code, out, err = run("report", str(tmp_path), "--year", "2025/26", "--previous", "2024/25")
    assert (code, err) == (0, "")
    assert "Year on year, against 2024/25:" in out
    assert "  Spend: £1,193,400.00, up £" in out  # the council paid is set apart
    assert "  Reviews delivered: 4, up 2 (+100.0%) from 2 in 2024/25." in out
    # The same comparison from a folder of last year's files, and from its published report.
    other = tmp_path / "last-year"
    other.mkdir()
    _write_year(other, last, "2024-25")
    (other / "suppliers").mkdir()
    for number, item in enumerate(last.suppliers):
        (other / "suppliers" / f"{number}.json").write_text(json.dumps(sv.dump(item)))
    code, from_folder, err = run(
        "report", str(tmp_path), "--year", "2025/26", "--previous", str(other)
    )
    assert (code, err) == (0, "")
    assert "  Reviews delivered: 4, up 2 (+100.0%) from 2 in 2024/25." in from_folder
    assert "  Charters delivered: 3, up 3 from 0 in 2024/25." in from_folder  # no signups there
    code, document, _ = run("report", str(other), "--year", "2024/25", "--format", "json")
    assert code == 0
    (tmp_path / "last-year.json").write_text(document)
    code, from_json, err = run(
        "report", str(tmp_path), "--year", "2025/26", "--previous", str(tmp_path / "last-year.json")
    )
    assert (code, err) == (0, "")
    assert "  Reviews delivered: 4, up 2 (+100.0%) from 2 in 2024/25." in from_json


@pytest.mark.parametrize("previous", ["2025/26", "2026/27"])
def test_previous_year_must_be_earlier(tmp_path: Path, previous: str) -> None:
    _write_folder(tmp_path)
    code, out, err = run("report", str(tmp_path), "--year", "2025/26", "--previous", previous)
    assert (code, out) == (2, "")
    assert f"--previous: {previous} is not earlier than 2025/26" in err


def test_previous_must_name_a_year_folder_or_file(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    code, _, err = run("report", str(tmp_path), "--year", "2025/26", "--previous", "last year")
    assert code == 2
    assert "neither a folder, a regional-report JSON file nor a financial year" in err


def test_contracts_beside_spend_are_matched_and_their_kpis_reported(tmp_path: Path) -> None:
    """Under a spend policy, contracts/ is read for matching and for delivery against KPIs."""
    from tests import ocds_fixtures as fx
    from tests.test_cli_contracts import text_of
    from tests.test_contract_kpis import CONTRACTS

    _write_folder(tmp_path)
    (tmp_path / "contracts").mkdir()
    parties = [
        fx.party("B1", "Council", roles=("buyer",)),
        fx.party("P1", "IRWELL FACILITIES LIMITED"),  # paid as "Irwell Facilities Ltd"
        fx.party("P2", "Nobody Paid Ltd", scheme="GB-COH", ident="99"),
    ]
    release = fx.release(fx.award(93527, suppliers=("P1", "P2")), parties=parties)
    (tmp_path / "contracts" / "notices.json").write_text(text_of(fx.package(release)))
    for contract in CONTRACTS[:3]:
        path = tmp_path / "contracts" / f"{contract.id}.json"
        path.write_text(json.dumps(sv.dump(contract)))
    code, out, err = run("report", str(tmp_path), "--year", "2025/26")
    assert (code, err) == (0, "")
    assert "Contract KPIs: 4 promised; met 1, short 2 (100101, 100104), unmeasured 1 (100107)" in (
        " ".join(out.split())
    )
    # The council paid is set apart, so 11 of the 12 payees are suppliers.
    assert "Spend and contracts: Of 11 suppliers paid and 2 suppliers contracted, 1 pair" in out
    assert (
        "Irwell Facilities Ltd (100101) = IRWELL FACILITIES LIMITED (name:irwell-facilities),"
        " by name" in out
    )
    assert "contracted, with no spend (1):\n    Nobody Paid Ltd (GB-COH-00000099)" in out
    assert "paid, with no contract read (10):" in out
    document = json.loads(run("report", str(tmp_path), "--year", "2025/26", "--format", "json")[1])
    assert sv.validate("regional-report", document).ok
    assert any(f["section"] == "kpis" for f in document["figures"])
