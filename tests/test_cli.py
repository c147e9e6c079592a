"""The command line: output, errors and exit codes of every command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from socialvalue import MeasureTarget, documents, schemas
from socialvalue.cli import main, parse_json


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
    monkeypatch.setitem(documents._KINDS, "probe", kind)
    monkeypatch.setattr(documents, "SCHEMA_KINDS", (*documents.SCHEMA_KINDS, "probe"))
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
        ('{"measure": "A", "quantity": 1e999}', "json.not_a_number"),
        ('{"measure": "A", ', "json.syntax"),
        ('{"quantity": ' + "9" * 5000 + "}", "json.syntax"),
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
    assert set(written) == set(documents.SCHEMA_KINDS)
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


def test_demo_prints_the_examples() -> None:
    run = Run(["demo"])
    assert run.code == 0
    assert "£50,000.01" in run.out  # 30,000 + 25,000 - 4,999.995, rounded half-up
    assert "2025-04-01 to 2026-03-31" in run.out


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
    assert "Money is exact" in done.stdout
