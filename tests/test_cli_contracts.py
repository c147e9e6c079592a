"""The contract basis from the command line: `assess --contracts` and `report`'s contracts/."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import zipfile
from pathlib import Path
from typing import Any

import pytest

import socialvalue as sv
from socialvalue.cli import _contracts
from socialvalue.cli._render_contracts import located
from tests.ocds_fixtures import award, package, party, release
from tests.test_cli import Run, write
from tests.test_ocds_sample import SAMPLE, SAMPLE_NAME

YEAR = ["--year", "2025/26"]


def _uncommented(text: str) -> io.StringIO:
    """A CSV output without its leading ``#`` lines (the policy it applied)."""
    lines = text.splitlines(keepends=True)
    assert lines[0].startswith("# Policy ")
    return io.StringIO("".join(line for line in lines if not line.startswith("# ")))


def text_of(document: Any) -> str:
    """JSON text of a document built with ints (``json.dumps`` cannot write Decimals)."""
    return json.dumps(document)


def releases_file(tmp_path: Path, name: str = "releases.json", *releases: Any) -> str:
    return write(tmp_path, name, text_of(package(*(releases or (release(award(93527)),)))))


def policy_file(tmp_path: Path, basis: sv.Basis) -> str:
    return write(tmp_path, "policy.json", json.dumps(sv.dump(sv.default_policy(basis=basis))))


# The sample: 100 Contracts Finder release packages --------------------------

needs_sample = pytest.mark.skipif(
    SAMPLE is None,
    reason=f"the Contracts Finder sample ../shared/data/{SAMPLE_NAME} is not beside the repo",
)


@needs_sample
def test_the_sample_zip_end_to_end() -> None:
    """The how-to's command: 263 suppliers have a contract live in 2019/20; 232 owe a Review."""
    run = Run(["assess", "--contracts", str(SAMPLE), "--year", "2019/20"])
    assert (run.code, run.err) == (0, "")
    assert "263 suppliers: 232 Review, 31 Charter (0 on the boundary)" in run.out
    assert "Read 100 contracting processes" in run.out
    assert "518 contracts not live in 2019/20" in run.out
    assert "flags (read and assessed, worth a look): 112" in run.out
    member = f"{SAMPLE}/ocds-b5fd17raw-0054a4e6-0715-42c6-9109-e219fe9d3289.json"
    assert (
        f"  {member}: ocds-b5fd17raw-0054a4e6-0715-42c6-9109-e219fe9d3289"
        " $.releases[0].awards[0]: the award names 2 suppliers" in run.out
    )


@needs_sample
def test_the_sample_as_json_and_csv_names_the_deciding_contract() -> None:
    argv = ["assess", "--contracts", str(SAMPLE), "--year", "2019/20", "--format"]
    document = json.loads(Run([*argv, "json"]).out)
    rows = document["assessments"]
    assert len(rows) == 263
    assert sum(r["obligation"] == "review" for r in rows) == 232
    assert document["problems"] == []
    assert len(document["flags"]) == 112
    pa = next(r for r in rows if r["supplier_id"] == "GB-COH-00414220")
    assert pa["supplier_name"] == "PA CONSULTING SERVICES LIMITED"
    assert pa["total"] == "193051688"
    assert pa["ocid"] == "ocds-b5fd17raw-25566a57-c42c-46fb-a6b0-68dd456039bc"
    assert pa["buyer_name"] == "Crown Commercial Service"
    assert pa["value_path"] == "$.releases[0].awards[0].value"
    assert pa["source"].endswith(".zip/ocds-b5fd17raw-25566a57-c42c-46fb-a6b0-68dd456039bc.json")
    assert "whole-life value of contract" in pa["explanation"]
    table = list(csv.DictReader(_uncommented(Run([*argv, "csv"]).out)))
    assert len(table) == 263
    assert {"ocid", "award_id", "buyer_name", "total", "obligation"} <= set(table[0])


HOW_TO = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "read-contracts-from-ocds.md"


@needs_sample
def test_the_how_to_command_prints_what_the_page_says() -> None:
    """The how-to's first command, as printed there, run on the sample: its summary lines."""
    page = HOW_TO.read_text(encoding="utf-8")
    command = re.findall(r"```sh\n(.*?)\n```", page, re.S)[0]
    argv = shlex.split(command)
    assert argv[:2] == ["socialvalue", "assess"]
    argv = [str(SAMPLE) if a == SAMPLE_NAME else a for a in argv[1:]]
    run = Run(argv)
    assert run.code == 0
    printed = re.findall(r"```text\n(.*?)\n```", page, re.S)[0]
    for line in printed.splitlines():
        assert line in run.out.splitlines()


# Files: .json, .jsonl, zips, stdin ------------------------------------------


def test_a_release_package_is_assessed_and_explained(tmp_path: Path) -> None:
    run = Run(["assess", "--contracts", releases_file(tmp_path), *YEAR])
    assert run.code == 0
    assert "GB-COH-01234567" in run.out
    assert "Acme Cleaning Ltd" in run.out
    assert "Review" in run.out
    assert "1 supplier: 1 Review, 0 Charter" not in run.out  # suppliers are counted as such
    assert "1 suppliers: 1 Review, 0 Charter" in run.out
    assert "Greater Manchester Combined" in run.out
    assert "policy gm-policing-sv 2017; basis contract-value" in run.out


def test_jsonl_problems_are_located_by_line(tmp_path: Path) -> None:
    first = text_of(release(award(93527)))
    second = text_of(release(award(None), ocid="ocds-b5fd17-0002"))
    name = write(tmp_path, "releases.jsonl", f"{first}\n\n{second}\n")
    run = Run(["assess", "--contracts", name, *YEAR, "--format", "json"])
    assert run.code == 0
    document = json.loads(run.out)
    assert document["problems"] == [
        {
            "source": f"{name} line 3",
            "ocid": "ocds-b5fd17-0002",
            "path": "$.awards[0].value.amount",
            "code": "ocds.missing_value",
            "message": document["problems"][0]["message"],
        }
    ]
    assert len(document["assessments"]) == 1


@pytest.mark.parametrize(
    ("amount", "code"),
    [("1e9999", "ocds.bad_amount"), ("null", "ocds.missing_value"), ("NaN", "ocds.bad_amount")],
)
def test_a_hostile_value_is_listed_with_its_ocid_and_path(
    tmp_path: Path, amount: str, code: str
) -> None:
    good = award(60000, aid="A1")
    hostile = award("HOSTILE", aid="A2")
    text = text_of(package(release(good, hostile))).replace('"HOSTILE"', amount)
    name = write(tmp_path, "releases.json", text)
    run = Run(["assess", "--contracts", name, *YEAR])
    assert run.code == 0
    assert f"{name}: ocds-b5fd17-0001 $.releases[0].awards[1].value.amount:" in run.out
    assert f"[{code}]" in run.out
    assert "problems (set aside, not assessed): 1" in run.out
    assert "1 value set aside" in run.out
    document = json.loads(Run(["assess", "--contracts", name, *YEAR, "--format", "json"]).out)
    assert [(p["ocid"], p["path"], p["code"]) for p in document["problems"]] == [
        ("ocds-b5fd17-0001", "$.releases[0].awards[1].value.amount", code)
    ]
    assert [r["total"] for r in document["assessments"]] == ["60000"]


def test_a_zip_of_json_and_jsonl_members(tmp_path: Path) -> None:
    name = str(tmp_path / "download.zip")
    with zipfile.ZipFile(name, "w") as archive:
        archive.writestr("b.jsonl", text_of(release(award(None), ocid="ocds-b5fd17-0002")))
        archive.writestr("a.json", text_of(package(release(award(93527)))))
        archive.writestr("README.txt", "not read")
    run = Run(["assess", "--contracts", name, *YEAR])
    assert run.code == 0
    assert f"{name}/b.jsonl line 1: ocds-b5fd17-0002 $.awards[0].value.amount:" in run.out
    assert "(2 releases in 2 documents)" in run.out


def test_stdin_holds_one_document(tmp_path: Path) -> None:
    run = Run(["assess", "--contracts", "-", *YEAR], stdin=text_of(release(award(10000))))
    assert run.code == 0
    assert "1 suppliers: 0 Review, 1 Charter" in run.out


def test_joint_awards_option(tmp_path: Path) -> None:
    parties = [
        party("B1", "Greater Manchester Combined Authority", roles=("buyer",)),
        party("P1", "Acme Cleaning Ltd"),
        party("P2", "Bolton Care CIC"),
    ]
    name = releases_file(
        tmp_path, "r.json", release(award(90000, suppliers=("P1", "P2")), parties=parties)
    )
    argv = ["assess", "--contracts", name, *YEAR, "--format", "json"]
    whole = json.loads(Run(argv).out)["assessments"]
    assert [r["obligation"] for r in whole] == ["review", "review"]
    shared = json.loads(Run([*argv, "--joint-awards", "equal-shares"]).out)["assessments"]
    assert [(r["total"], r["award_value"]) for r in shared] == [("45000.00", "90000")] * 2
    aside = json.loads(Run([*argv, "--joint-awards", "set-aside"]).out)
    assert aside["assessments"] == []
    assert [p["code"] for p in aside["problems"]] == ["ocds.joint_award"]


def test_a_contract_in_another_currency_is_listed_not_assessed(tmp_path: Path) -> None:
    name = releases_file(tmp_path, "r.json", release(award(80000, currency="EUR")))
    run = Run(["assess", "--contracts", name, *YEAR])
    assert run.code == 0
    assert "not assessed, in another currency than GBP: 1 contract" in run.out
    assert "0 suppliers" in run.out
    document = json.loads(Run(["assess", "--contracts", name, *YEAR, "--format", "json"]).out)
    assert [c["currency"] for c in document["not_assessed"]] == ["EUR"]


# --buyer --------------------------------------------------------------------


def test_buyer_keeps_one_buyers_processes(tmp_path: Path) -> None:
    parties = [
        party("B2", "Trafford Council", roles=("buyer",)),
        party("P1", "Acme Cleaning Ltd", scheme="GB-COH", ident="1234567"),
    ]
    other = release(award(70000), ocid="ocds-b5fd17-0002", parties=parties)
    other["buyer"] = {"id": "B2", "name": "Trafford Council"}
    name = releases_file(tmp_path, "r.json", release(award(93527)), other)
    run = Run(["assess", "--contracts", name, *YEAR, "--buyer", "TRAFFORD COUNCIL"])
    assert run.code == 0
    assert "buyer 'TRAFFORD COUNCIL': 1 process kept" in run.out
    assert "£70,000.00" in run.out


def test_buyer_with_no_match_lists_the_buyers(tmp_path: Path) -> None:
    name = releases_file(tmp_path)
    run = Run(["assess", "--contracts", name, *YEAR, "--buyer", "Bury Council"])
    assert run.code == 1
    assert "no process in" in run.err
    assert "'Bury Council'" in run.err
    assert "are: Greater Manchester Combined Authority: 1" in run.err
    assert run.out == ""


def test_buyer_list_is_cut_short(tmp_path: Path) -> None:
    many = []
    for number in range(25):
        parties = [party("B1", f"Council {number:02}", roles=("buyer",)), party("P1", "Acme")]
        one = release(award(1000), ocid=f"ocds-b5fd17-{number:04}", parties=parties)
        one["buyer"] = {"id": "B1", "name": f"Council {number:02}"}
        many.append(one)
    run = Run(["assess", "--contracts", releases_file(tmp_path, "r.json", *many), *YEAR])
    assert run.code == 0
    run = Run(["assess", "--contracts", str(tmp_path / "r.json"), *YEAR, "--buyer", "x"])
    assert run.code == 1
    assert "… and 5 more" in run.err


# Refusals -------------------------------------------------------------------


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    text = '{"releases": [], "releases": []}'
    run = Run(["assess", "--contracts", write(tmp_path, "dup.json", text), *YEAR])
    assert run.code == 1
    assert "dup.json is not acceptable JSON" in run.err
    assert "json.duplicate_key" in run.err


def test_an_annual_spend_policy_is_refused_with_contracts(tmp_path: Path) -> None:
    policy = policy_file(tmp_path, sv.Basis.ANNUAL_SPEND)
    run = Run(["assess", "--contracts", releases_file(tmp_path), *YEAR, "--policy", policy])
    assert run.code == 1
    assert run.err == (
        f"socialvalue assess: error: {policy} tests annual-spend; --contracts needs a"
        " policy on the contract-value basis\n"
    )


def test_a_contract_value_policy_document_is_used(tmp_path: Path) -> None:
    policy = policy_file(tmp_path, sv.Basis.CONTRACT_VALUE)
    run = Run(["assess", "--contracts", releases_file(tmp_path), *YEAR, "--policy", policy])
    assert run.code == 0


def test_a_vat_basis_other_than_the_policys_is_refused(tmp_path: Path) -> None:
    argv = ["assess", "--contracts", releases_file(tmp_path), *YEAR, "--contracts-vat", "gross"]
    run = Run(argv)
    assert run.code == 1
    assert "gross of VAT (--contracts-vat)" in run.err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b'{"releases": [', "is not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
    ],
)
def test_unreadable_json_exits_1(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    run = Run(["assess", "--contracts", str(path), *YEAR])
    assert run.code == 1
    assert message in run.err


def test_byte_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = releases_file(tmp_path)
    archive_name = str(tmp_path / "many.zip")
    with zipfile.ZipFile(archive_name, "w") as archive:
        for number in range(3):
            archive.writestr(f"{number}.json", text_of(release(award(1000))))
    size = Path(name).stat().st_size
    monkeypatch.setattr(_contracts, "MAX_OCDS_FILE_BYTES", size - 1)
    run = Run(["assess", "--contracts", name, *YEAR])
    assert run.code == 1
    assert f"larger than {size - 1:,} bytes" in run.err
    assert "is larger than" in Run(["assess", "--contracts", "-", *YEAR], "x" * size).err
    monkeypatch.setattr(_contracts, "MAX_OCDS_FILE_BYTES", 10)
    assert (
        f"{archive_name}/0.json is larger"
        in Run(["assess", "--contracts", archive_name, *YEAR]).err
    )
    monkeypatch.setattr(_contracts, "MAX_OCDS_FILE_BYTES", 1_000_000)
    member = len(text_of(release(award(1000))))
    monkeypatch.setattr(_contracts, "MAX_OCDS_ZIP_BYTES", member * 3 - 1)
    run = Run(["assess", "--contracts", archive_name, *YEAR])
    assert run.code == 1
    assert "bytes of JSON" in run.err


def test_a_zip_that_lies_about_its_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared sizes pass, but the bytes actually read are counted against the total."""
    archive_name = str(tmp_path / "many.zip")
    with zipfile.ZipFile(archive_name, "w") as archive:
        for number in range(2):
            archive.writestr(f"{number}.json", text_of(release(award(1000))))
    member = len(text_of(release(award(1000))))
    real_sum = sum
    monkeypatch.setattr(_contracts, "sum", lambda sizes: 0, raising=False)
    monkeypatch.setattr(_contracts, "MAX_OCDS_ZIP_BYTES", member * 2 - 1)
    run = Run(["assess", "--contracts", archive_name, *YEAR])
    assert run.code == 1
    assert "bytes of JSON" in run.err
    assert real_sum([1]) == 1


def test_a_corrupt_zip_member_exits_1(tmp_path: Path) -> None:
    archive_name = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.json", text_of(release(award(1000))) * 20)
    data = bytearray(archive_name.read_bytes())
    data[60:70] = b"\x00" * 10  # inside the compressed bytes of the only member
    archive_name.write_bytes(bytes(data))
    run = Run(["assess", "--contracts", str(archive_name), *YEAR])
    assert run.code == 1
    assert "cannot read" in run.err or "not" in run.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["assess", *YEAR], "give a spend file (SPEND.csv), or OCDS contracts with --contracts"),
        (["assess", "--contracts", "r.json"], "--contracts needs --year"),
        (["assess", "spend.csv", "--contracts", "r.json", *YEAR], "not both"),
        (["assess", "--contracts", "missing.json", *YEAR], "cannot read missing.json"),
        (["assess", "--contracts", "missing.zip", *YEAR], "cannot read missing.zip"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str) -> None:
    run = Run(argv)
    assert run.code == 2
    assert message in run.err


def test_a_zip_without_json_exits_1(tmp_path: Path) -> None:
    name = str(tmp_path / "empty.zip")
    with zipfile.ZipFile(name, "w") as archive:
        archive.writestr("notes.txt", "nothing here")
    run = Run(["assess", "--contracts", name, *YEAR])
    assert run.code == 1
    assert "holds no .json or .jsonl file" in run.err


# report FOLDER with contracts/ ----------------------------------------------


def _contract_folder(folder: Path) -> None:
    policy_file(folder, sv.Basis.CONTRACT_VALUE)
    (folder / "contracts").mkdir()
    contracts = folder / "contracts"
    write(contracts, "a.json", text_of(package(release(award(93527)))))
    write(contracts, "b.jsonl", text_of(release(award(None), ocid="ocds-b5fd17-0002")))
    own = sv.Contract(
        "C-2025-014",
        "100234",
        "Custody healthcare services",
        sv.ContractCategory.SERVICES,
        sv.Money("1200000"),
        sv.VatBasis.NET,
        sv.parse_financial_year("2025/26").start,
        sv.parse_financial_year("2025/26").end,
    )
    write(contracts, "own.json", json.dumps(sv.dump(own)))


def test_report_reads_contracts_under_a_contract_value_policy(tmp_path: Path) -> None:
    _contract_folder(tmp_path)
    code = Run(["report", str(tmp_path), *YEAR])
    assert (code.code, code.err) == (0, "")
    assert "Reviews: owed by 2" in code.out
    assert "whole-life" in code.out
    assert "Contracts read from OCDS: Read 2 contracting processes" in code.out
    assert "b.jsonl line 1: ocds-b5fd17-0002 $.awards[0].value.amount" in code.out
    document = json.loads(Run(["report", str(tmp_path), *YEAR, "--format", "json"]).out)
    assert sv.validate("regional-report", document).ok


def test_report_with_only_contract_documents(tmp_path: Path) -> None:
    _contract_folder(tmp_path)
    for name in ("a.json", "b.jsonl"):
        (tmp_path / "contracts" / name).unlink()
    run = Run(["report", str(tmp_path), *YEAR])
    assert run.code == 0
    assert "Reviews: owed by 1" in run.out
    assert "Contracts read from OCDS" not in run.out


def test_report_under_a_contract_value_policy_needs_contracts(tmp_path: Path) -> None:
    policy_file(tmp_path, sv.Basis.CONTRACT_VALUE)
    run = Run(["report", str(tmp_path), *YEAR])
    assert run.code == 1
    assert "holds no contracts/ folder" in run.err


def test_report_lists_a_json_list_as_an_ocds_problem(tmp_path: Path) -> None:
    """A list is not OCDS nor a contract document: listed with its file, not dropped."""
    _contract_folder(tmp_path)
    (tmp_path / "contracts" / "b.jsonl").unlink()
    write(tmp_path / "contracts", "c.json", text_of([release(award(20000), ocid="ocds-b5fd17-9")]))
    run = Run(["report", str(tmp_path), *YEAR])
    assert run.code == 0
    assert "c.json: no ocid $: " in run.out
    assert "[ocds.not_ocds]" in run.out


def test_a_problem_outside_any_file_is_still_located() -> None:
    read = _contracts.read_contracts([], sv.VatBasis.NET, sv.JointAwards.WHOLE_VALUE_EACH)
    problem = sv.OcdsProblem(None, (), "ocds.missing_value", "the amount is null or absent")
    assert located(read, problem) == (
        ": no ocid $: the amount is null or absent [ocds.missing_value]"
    )
