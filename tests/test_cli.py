"""The command line: output, errors and exit codes of every command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from socialvalue import MeasureTarget, default_policy, documents
from socialvalue.cli import main
from socialvalue.cli._input import parse_json
from socialvalue.documents import registry, schemas

from .test_transparency import TRAFFORD


def _uncommented(text: str) -> io.StringIO:
    """A CSV output without its leading ``#`` lines (the policy it applied)."""
    lines = text.splitlines(keepends=True)
    assert lines[0].startswith("# Policy ")
    return io.StringIO("".join(line for line in lines if not line.startswith("# ")))


class Run:
    """The outcome of one ``main`` call: exit code, stdout and stderr."""

    def __init__(self, argv: list[str], stdin: str = "") -> None:
        out, err = io.StringIO(), io.StringIO()
        raw = io.BytesIO(stdin.encode("utf-8"))
        self.code = main(argv, stdout=out, stderr=err, stdin=io.TextIOWrapper(raw))
        self.out, self.err = out.getvalue(), err.getvalue()


# A document kind made for these tests, so that they do not depend on any one area.
PROBE_SCHEMA = schemas.document_schema(
    "probe",
    title="Probe",
    description="A measure target, registered as a document kind for the CLI tests.",
    properties={
        "measure": schemas.ref("code", "the measure"),
        "quantity": schemas.ref("quantity", "how many"),
    },
    required=["measure", "quantity"],
)


@pytest.fixture
def probe(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    kind = documents.DocumentKind("probe", MeasureTarget, PROBE_SCHEMA)
    monkeypatch.setitem(registry._KINDS, "probe", kind)
    monkeypatch.setattr(registry, "SCHEMA_KINDS", (*registry.SCHEMA_KINDS, "probe"))
    return "probe"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD = '{"measure": "GM-JOBS", "quantity": "12"}'


# validate ------------------------------------------------------------------


def test_validate_valid_file(probe: str, tmp_path: Path) -> None:
    run = Run(["validate", probe, write(tmp_path, "a.json", GOOD)])
    assert run.code == 0
    assert run.out.endswith("a.json: valid probe\n")
    assert run.err == ""


def test_validate_reports_every_problem_with_its_path(probe: str, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", '{"measure": "", "quantity": 12, "extra": 1}')
    run = Run(["validate", probe, write(tmp_path, "a.json", GOOD), bad])
    assert run.code == 1
    assert "a.json: valid probe" in run.out
    assert "bad.json: invalid probe, 3 problems" in run.out
    assert "$.quantity:" in run.out
    assert "[value.unexpected]" in run.out


def test_validate_json_format(probe: str, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", '{"measure": "M"}')
    run = Run(["validate", probe, "--format", "json", write(tmp_path, "a.json", GOOD), bad])
    assert run.code == 1
    report = json.loads(run.out)
    assert report["valid"] is False
    assert [f["valid"] for f in report["files"]] == [True, False]
    assert report["files"][1]["issues"] == [
        {
            "path": "$.quantity",
            "code": "value.missing",
            "message": report["files"][1]["issues"][0]["message"],
        }
    ]


def test_validate_reads_stdin(probe: str) -> None:
    run = Run(["validate", probe, "-"], stdin=GOOD)
    assert (run.code, run.out) == (0, "<stdin>: valid probe\n")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"measure": "A", "measure": "B", "quantity": "1"}', "json.duplicate_key"),
        ('{"measure": "A", "quantity": NaN}', "json.not_a_number"),
        ('{"measure": "A", "quantity": -Infinity}', "json.not_a_number"),
        ('{"measure": "A", "quantity": 1e999}', "json.number_too_large"),
        ('{"measure": "A", ', "json.syntax"),
        ('{"quantity": ' + "9" * 5000 + "}", "json.number_too_large"),
        ("[" * 100_000 + "]" * 100_000, "document.too_deep"),
    ],
)
def test_validate_refuses_unsafe_json(probe: str, tmp_path: Path, text: str, code: str) -> None:
    run = Run(["validate", probe, "--format", "json", write(tmp_path, "x.json", text)])
    assert run.code == 1
    assert json.loads(run.out)["files"][0]["issues"][0]["code"] == code
    assert "Traceback" not in run.out + run.err


def test_validate_refuses_non_utf8_and_large_files(probe: str, tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"measure": "caf\xe9"}')
    run = Run(["validate", probe, str(latin)])
    assert run.code == 1
    assert "not UTF-8" in run.out
    run = Run(["validate", probe, "--max-bytes", "10", write(tmp_path, "a.json", GOOD)])
    assert run.code == 1
    assert "[document.too_large]" in run.out


def test_validate_usage_errors_exit_2(probe: str, tmp_path: Path) -> None:
    run = Run(["validate", "no-such-kind", write(tmp_path, "a.json", GOOD)])
    assert run.code == 2
    assert "unknown document kind 'no-such-kind'" in run.err
    run = Run(["validate", probe, str(tmp_path / "missing.json")])
    assert run.code == 2
    assert "cannot read" in run.err
    assert run.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "probe"],
        ["validate", "probe", "x", "--max-bytes", "0"],
        ["validate", "probe", "x", "--max-bytes", "lots"],
    ],
)
def test_validate_argument_errors_exit_2(
    probe: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_validate_survives_a_recursion_error_in_the_checks(
    probe: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deep(kind: str, document: object) -> None:
        raise RecursionError

    monkeypatch.setattr(documents, "validate", deep)
    run = Run(["validate", probe, write(tmp_path, "a.json", GOOD)])
    assert run.code == 1
    assert "[document.too_deep]" in run.out


def test_parse_json_keeps_ordinary_values() -> None:
    assert parse_json(b'\xef\xbb\xbf{"a": [1, 2.5, null, true]}') == {"a": [1, 2.5, None, True]}


# schema --------------------------------------------------------------------


def test_schema_prints_one_kind(probe: str) -> None:
    run = Run(["schema", probe])
    assert run.code == 0
    assert json.loads(run.out) == PROBE_SCHEMA


def test_schema_all_writes_every_kind(probe: str, tmp_path: Path) -> None:
    run = Run(["schema", "--all", str(tmp_path / "out")])
    assert run.code == 0
    assert "schema" in run.out
    written = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").glob("*.json")
    }
    assert set(written) == set(registry.SCHEMA_KINDS)
    assert written["probe"] == PROBE_SCHEMA


@pytest.mark.parametrize(
    "argv", [["schema"], ["schema", "probe", "--all", "x"], ["schema", "nope"]]
)
def test_schema_usage_errors_exit_2(probe: str, argv: list[str]) -> None:
    run = Run(argv)
    assert run.code == 2
    assert run.err.startswith("socialvalue schema: error:")


def test_schema_all_reports_unwritable_folder(probe: str, tmp_path: Path) -> None:
    blocker = write(tmp_path, "file", "")
    run = Run(["schema", "--all", blocker])
    assert run.code == 2
    assert "cannot write schemas" in run.err


def test_the_probe_kind_round_trips(probe: str) -> None:
    target: Any = documents.load(probe, json.loads(GOOD))
    assert target == MeasureTarget("GM-JOBS", Decimal("12"))


# demo and the entry points ---------------------------------------------------


def test_demo_shows_the_whole_policy_at_work() -> None:
    run = Run(["demo"])
    assert run.code == 0, run.err
    assert "exactly £50,000: the Review (the boundary choice)" in run.out
    acme = next(line for line in run.out.splitlines() if line.startswith("100234"))
    assert "Review" in acme
    assert "on the boundary" in acme
    assert "2 withheld (£2,016.40)" in run.out
    assert "set apart by rule excluded: 1 line" in run.out
    assert "160 hours × £16.93 per hour" in run.out
    assert "GM-VOLUNTEER-HOURS: 160 of 200 hours short by 40" in run.out


def test_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    # Far more output than a pipe buffers, so writing fails once the reader has gone.
    rows = "".join(f"Supplier {n},{n},2025-05-01,{n}.00,x\n" for n in range(1, 4_000))
    spend = write(tmp_path, "big.csv", HEADER + rows)
    with subprocess.Popen(
        [sys.executable, "-m", "socialvalue", "assess", spend],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        error = process.stderr.read()
        code = process.wait()
    assert code == 141, error
    assert b"Traceback" not in error


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_closed_pipe_in_process_returns_141() -> None:
    assert main(["demo"], stdout=ClosedPipe(), stderr=io.StringIO()) == 141


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_main_defaults_to_the_real_streams(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "no-such-kind"]) == 2
    assert "unknown document kind" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "socialvalue", "demo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "THE POLICY" in done.stdout


# assess --------------------------------------------------------------------

HEADER = "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount,Purpose\n"
SPEND = HEADER + (
    "Acme Ltd,100234,2025-05-01,30000.00,Kit\n"
    "ACME LIMITED,100234,2026-01-09,20000.00,Kit\n"
    "Beta CIC,200100,2025-06-01,12000.00,Youth work\n"
    "Beta CIC,200100,2025-07-01,-2000.00,Credit note\n"
    "Redacted,Redacted,2025-07-02,812.40,Care\n"
    "HMRC,900001,2025-07-03,5000.00,Tax\n"
    "Old Co,300300,2024-07-03,99.00,Last year\n"
)


def test_assess_prints_each_supplier_with_its_obligation(tmp_path: Path) -> None:
    run = Run(
        [
            "assess",
            write(tmp_path, "spend.csv", SPEND),
            "--year",
            "2025/26",
            "--exclude-id",
            "900001",
        ]
    )
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["supplier", "id", "name", "obligation", "total", "lines", "reason"]
    acme = next(line for line in lines if line.startswith("100234"))
    assert "Acme Ltd" in acme
    assert "Review" in acme
    assert "£50,000.00" in acme
    assert "on the boundary" in acme
    beta = next(line for line in lines if line.startswith("200100"))
    assert "Charter" in beta
    assert "£10,000.00" in beta
    assert "2 suppliers: 1 Review, 1 Charter (1 on the boundary)" in run.out
    assert "1 withheld (£812.40)" in run.out
    assert "set apart by rule excluded: 1 line, £5,000.00" in run.out
    assert "layout transparency-code" in run.out
    assert "1 outside 2025/26" in run.out
    assert "amounts net of VAT" in run.out
    assert "owner: Mayor of Greater Manchester since 8 May 2017; effective 8 May 2017." in run.out
    assert "Source: Greater Manchester Police and Crime Commissioner" in run.out


def test_assess_csv_and_json_formats(tmp_path: Path) -> None:
    spend = write(tmp_path, "spend.csv", SPEND)
    run = Run(["assess", spend, "--year", "2025/26", "--format", "csv"])
    assert run.code == 0
    records = list(csv.DictReader(_uncommented(run.out)))
    assert [(r["supplier_id"], r["obligation"], r["total"]) for r in records] == [
        ("100234", "review", "50000.00"),
        ("200100", "charter", "10000.00"),
    ]  # HMRC is not a supplier: set apart by default
    run = Run(["assess", spend, "--year", "2025/26", "--format", "csv", "--include-non-suppliers"])
    rows = [r for r in run.out.splitlines() if not r.startswith("# ")]
    assert [r.split(",")[0] for r in rows[1:]] == ["100234", "200100", "900001"]
    assert run.out.splitlines()[:3] == [f"# {line}" for line in default_policy().provenance.lines]
    assert records[0]["explanation"].startswith("£50,000.00 spent with Acme Ltd in 2025/26")
    run = Run(["assess", spend, "--year", "2025/26", "--format", "json", "--exclude-name", "hmrc"])
    report = json.loads(run.out)
    assert report["reconciliation"]["withheld"] == {"lines": 1, "total": "812.40"}
    assert report["reconciliation"]["apart_by_rule"] == {
        "excluded": {"lines": 1, "total": "5000.00"}
    }
    (only,) = report["files"]
    assert {k: only[k] for k in ("name", "layout", "encoding")} == {
        "name": spend,
        "layout": "transparency-code",
        "encoding": "UTF-8",
    }
    assert only["reconciliation"] == report["reconciliation"]
    assert [a["supplier_id"] for a in report["assessments"]] == ["100234", "200100"]
    assert report["assessments"][0]["on_boundary"] is True
    assert report["policy"]["owner"] == "Mayor of Greater Manchester"
    assert report["policy"]["owner_since"] == report["policy"]["effective"] == "2017-05-08"
    assert "policy_source" not in report["assessments"][0]  # named once, in "policy"


def test_assess_defaults_to_the_year_of_the_first_line_and_reads_stdin() -> None:
    run = Run(["assess", "-"], stdin=SPEND)
    assert run.code == 0, run.err
    assert "period 2025/26" in run.out


def test_assess_reads_every_csv_in_a_zip_as_one_stream(tmp_path: Path) -> None:
    path = tmp_path / "spend.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("spend.csv", SPEND)
    assert Run(["assess", str(path)]).code == 0
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("other.csv", HEADER + "Acme Ltd,100234,2025-05-01,x,Kit\n")
        archive.writestr("notes.txt", "not spend")
    run = Run(["assess", str(path), "--skip-bad-rows"])
    assert run.code == 0, run.err
    assert "2 files in layout transparency-code" in run.out
    assert f"{path}:other.csv: row 2 (Amount)" in run.out  # row numbers per file
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("notes.txt", "not spend")
    run = Run(["assess", str(empty)])
    assert (run.code, run.out) == (2, "")
    assert "holds no .csv file" in run.err


def test_assess_maps_another_layout(tmp_path: Path) -> None:
    text = "Vendor,Date,Net\nThe Toy House,31/03/2025,50000.00\nTHE TOY HOUSE,01/04/2025,1\n"
    run = Run(
        [
            "assess",
            write(tmp_path, "other.csv", text),
            "--name-column",
            "Vendor",
            "--date-column",
            "Date",
            "--amount-column",
            "Net",
            "--date-format",
            "uk",
            "--format",
            "json",
        ]
    )
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert [a["supplier_id"] for a in report["assessments"]] == ["toy-house"]
    assert report["files"][0]["layout"] == "columns"
    run = Run(
        ["assess", write(tmp_path, "spend.csv", SPEND), "--group-by-name", "--year", "2025/26"]
    )
    assert "grouped by beneficiary name" in run.out
    assert "ACME LIMITED" not in run.out  # one supplier, whatever the spelling


def test_assess_names_a_missing_column(tmp_path: Path) -> None:
    run = Run(["assess", write(tmp_path, "s.csv", SPEND), "--amount-column", "Net"])
    assert run.code == 1
    assert run.out == ""
    assert "fits no layout: columns needs 'Net'" in run.err
    assert "Traceback" not in run.err


def test_assess_names_a_bad_row_or_skips_bad_rows(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "bad.csv",
        SPEND + "Gamma,400,2025-13-01,1,Kit\nDelta,500,2025-05-01,1,000.00,Kit\n",
    )
    run = Run(["assess", bad])
    assert run.code == 1
    assert "row 9: PaymentDate: a payment date is written" in run.err
    run = Run(["assess", bad, "--skip-bad-rows"])
    assert run.code == 0
    assert "bad rows skipped: 2" in run.out
    assert "row 9 (PaymentDate)" in run.out
    # An unquoted thousands separator is a bad row, never £1.00.
    assert "row 10: has 6 fields where the header has 5" in run.out
    assert not any(line.startswith("500 ") for line in run.out.splitlines())


def test_assess_refuses_a_vat_mismatch_unless_told(tmp_path: Path) -> None:
    spend = write(tmp_path, "s.csv", SPEND)
    run = Run(["assess", spend, "--vat-basis", "gross"])
    assert run.code == 1
    assert "gross of VAT but the policy's thresholds are net" in run.err
    run = Run(["assess", spend, "--vat-basis", "gross", "--allow-vat-mismatch"])
    assert run.code == 0
    assert "compared as given (--allow-vat-mismatch)" in run.out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        (HEADER, "no spend lines to assess"),
        (HEADER + "Acme,1,2025-05-01," + "9" * 200_000 + ",x\n", "row 2"),
    ],
)
def test_assess_unusable_files_exit_1(tmp_path: Path, content: str, message: str) -> None:
    run = Run(["assess", write(tmp_path, "s.csv", content)])
    assert run.code == 1
    assert message in run.err


def test_assess_reports_text_that_is_not_in_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "Caf\xe9 Ltd,1,2025-05-01,1,x\n").encode("cp1252"))
    run = Run(["assess", str(path)])
    assert run.code == 0, run.err
    assert "Café Ltd" in run.out
    assert "Windows-1252" in run.out
    run = Run(["assess", str(path), "--encoding", "utf-8"])
    assert run.code == 1
    assert "is not utf-8 text (byte 65 cannot be decoded" in run.err
    for codec, problem in (("nonesuch", "unknown text encoding"), ("rot13", "not a text")):
        run = Run(["assess", str(path), "--encoding", codec])
        assert run.code == 2
        assert problem in run.err
        assert len(run.err.splitlines()) == 1


def test_assess_usage_errors_exit_2(tmp_path: Path) -> None:
    run = Run(["assess", str(tmp_path / "missing.csv")])
    assert run.code == 2
    assert "cannot read" in run.err
    run = Run(["assess", write(tmp_path, "s.csv", SPEND), "--year", "2025-26"])
    assert run.code == 2
    assert "--year:" in run.err
    run = Run(["assess", write(tmp_path, "s.zip", "not a zip")])
    assert run.code == 2


def test_assess_with_an_empty_year_exits_1_naming_the_years_covered(tmp_path: Path) -> None:
    run = Run(["assess", write(tmp_path, "s.csv", HEADER), "--year", "2025/26", "--format", "csv"])
    assert (run.code, run.out) == (1, "")
    assert "no spend line in 2025/26" in run.err
    run = Run(["assess", write(tmp_path, "s.csv", SPEND), "--year", "2023/24"])
    assert run.code == 1
    assert "the years it covers: 2024/25, 2025/26" in run.err


@pytest.mark.skipif(
    TRAFFORD is None, reason="the real spend file ../shared/data is not beside the repo"
)
def test_assess_the_real_trafford_file() -> None:
    assert TRAFFORD is not None
    run = Run(["assess", str(TRAFFORD), "--format", "csv"])
    assert run.code == 0, run.err
    toy_house = next(
        r for r in csv.DictReader(_uncommented(run.out)) if r["supplier_id"] == "160373"
    )
    assert (toy_house["supplier_name"], toy_house["total"]) == ("The Toy House", "50000.00")
    assert (toy_house["obligation"], toy_house["on_boundary"]) == ("review", "True")


# score ---------------------------------------------------------------------

EXAMPLES = Path(__file__).parent / "examples"
SUBMISSION = EXAMPLES / "review-submission" / "security-services-2025-26.json"


def test_score_prints_the_report_with_its_derivation() -> None:
    run = Run(["score", str(SUBMISSION)])
    assert run.code == 0, run.err
    assert run.out.startswith("Supplier GB-COH-01234567, 2025/26:")
    assert "Lines (quantity × proxy, adjustments, discounting):" in run.out
    assert "340 hours × £16.93 per hour" in run.out
    assert "Present value by priority:" in run.out
    assert "Delivery against commitments:" in run.out
    assert "Ratio: £" in run.out


def test_score_json_and_own_catalogue() -> None:
    catalogue = EXAMPLES / "measure-catalogue" / "gm-policing-sv-review.json"
    run = Run(["score", str(SUBMISSION), "--catalogue", str(catalogue), "--format", "json"])
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["supplier_id"] == "GB-COH-01234567"
    assert report["totals"][0]["group"] == "total"
    assert all("derivation" in line for line in report["lines"])
    assert len(report["lines"]) == 6


def test_score_reads_stdin() -> None:
    run = Run(["score", "-"], stdin=SUBMISSION.read_text(encoding="utf-8"))
    assert run.code == 0


def test_score_invalid_submission_exits_1(tmp_path: Path) -> None:
    document = json.loads(SUBMISSION.read_text(encoding="utf-8"))
    document["spend"]["amount"] = 12
    run = Run(["score", write(tmp_path, "bad.json", json.dumps(document))])
    assert run.code == 1
    assert "$.spend.amount" in run.err
    run = Run(["score", write(tmp_path, "dup.json", '{"a": 1, "a": 2}')])
    assert run.code == 1
    assert "json.duplicate_key" in run.err


def test_score_unknown_measure_exits_1(tmp_path: Path) -> None:
    document = json.loads(SUBMISSION.read_text(encoding="utf-8"))
    document["lines"][0]["measure"] = "NO-SUCH-MEASURE"
    run = Run(["score", write(tmp_path, "bad.json", json.dumps(document))])
    assert run.code == 1
    assert "cannot be scored against" in run.err
    assert "NO-SUCH-MEASURE" in run.err


def test_score_usage_errors_exit_2(tmp_path: Path) -> None:
    run = Run(["score", str(tmp_path / "missing.json")])
    assert run.code == 2
    run = Run(["score", "-", "--catalogue", "-"])
    assert run.code == 2
    assert "only one of" in run.err


@pytest.mark.parametrize(
    ("text", "message"), [("{}", "policy document has"), ("{", "not acceptable JSON")]
)
def test_assess_refuses_an_unusable_policy(tmp_path: Path, text: str, message: str) -> None:
    spend = write(tmp_path, "s.csv", SPEND)
    run = Run(["assess", spend, "--policy", write(tmp_path, "policy.json", text)])
    assert run.code == 1
    assert message in run.err


def test_assess_with_a_policy_document(tmp_path: Path) -> None:
    document = json.loads((EXAMPLES / "policy" / "gm-policing.json").read_text(encoding="utf-8"))
    document["boundary"] = "charter"
    policy = write(tmp_path, "policy.json", json.dumps(document))
    run = Run(["assess", write(tmp_path, "s.csv", SPEND), "--policy", policy, "--format", "csv"])
    assert run.code == 0, run.err
    acme = next(r for r in csv.DictReader(_uncommented(run.out)) if r["supplier_id"] == "100234")
    assert (acme["obligation"], acme["on_boundary"]) == ("charter", "True")


def test_assess_refuses_a_contract_value_policy(tmp_path: Path) -> None:
    policy = str(EXAMPLES / "policy" / "district-contract-value.json")
    spend = write(tmp_path, "s.csv", SPEND)
    run = Run(["assess", spend, "--policy", policy, "--vat-basis", "gross"])
    assert run.code == 1
    assert "needs a policy on the annual-spend basis" in run.err


def test_assess_refuses_a_policy_in_another_currency(tmp_path: Path) -> None:
    document = json.loads((EXAMPLES / "policy" / "gm-policing.json").read_text(encoding="utf-8"))
    document["currency"] = "EUR"
    for rule in document["rules"]:
        for side in ("lower", "upper"):
            if rule[side] is not None:
                rule[side]["currency"] = "EUR"
    policy = write(tmp_path, "policy.json", json.dumps(document))
    run = Run(["assess", write(tmp_path, "s.csv", SPEND), "--policy", policy])
    assert run.code == 1
    assert "EUR" in run.err
    assert "spend line 0 (supplier 100234, paid 2025-05-01, £30,000.00 net of VAT)" in run.err
    # A file with no supplier's line to assess has nothing in another currency to refuse.
    withheld = HEADER + "Redacted,Redacted,2025-07-02,812.40,Care\n"
    run = Run(["assess", write(tmp_path, "w.csv", withheld), "--policy", policy])
    assert run.code == 0, run.err
    assert "1 withheld" in run.out


@pytest.mark.parametrize(
    "kind", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir() and list(p.glob("*.json")))
)
def test_validate_accepts_every_example_of_every_kind(kind: str) -> None:
    files = sorted(str(p) for p in (EXAMPLES / kind).glob("*.json"))
    run = Run(["validate", kind, *files])
    assert run.code == 0, run.out
    assert run.out.count(f": valid {kind}\n") == len(files)
