"""Provenance: every output names the policy's owner, effective date and source."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

import socialvalue as sv
from socialvalue.cli import main

EXAMPLES = Path(__file__).parent / "examples"
OWNER = "owner: Mayor of Greater Manchester since 8 May 2017; effective 8 May 2017."


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_provenance_of_a_policy() -> None:
    cited = sv.default_policy().provenance
    assert isinstance(cited, sv.PolicyProvenance)
    assert cited.lines[0].endswith(OWNER)
    assert cited.lines[1].startswith("Owner's role: Holds the policing and crime functions")
    assert cited.text == " ".join(cited.lines)
    assert cited.to_record()["policy_owner_since"] == "2017-05-08"
    assert cited.to_dict()["source"] == sv.default_policy().source


def test_assessing_before_the_policy_took_effect_is_refused_unless_asked() -> None:
    line = sv.SpendLine("S1", sv.Money("60000"), date(2015, 6, 1), sv.VatBasis.NET)
    with pytest.raises(sv.RuleViolation) as info:
        sv.assess(sv.default_policy(), [line], "2015/16")
    assert info.value.code == "spend.before_effective"
    assert "2015/16 starts on 2015-04-01, before policy gm-policing-sv 2017 took effect" in str(
        info.value
    )
    result = sv.assess(sv.default_policy(), [line], "2015/16", before_effective=True)
    assert result["S1"].obligation is sv.Obligation.REVIEW
    # The year the policy came in starts before it too: 2017/18 needs the same word.
    with pytest.raises(sv.RuleViolation):
        sv.assess(sv.default_policy(), [], "2017/18")
    assert len(sv.assess(sv.default_policy(), [], "2018/19")) == 0


def test_assess_from_the_command_line_refuses_an_early_year(tmp_path: Path) -> None:
    spend = tmp_path / "spend.csv"
    spend.write_text(
        "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount\nAcme,1,2015-06-01,60000.00\n"
    )
    code, _, err = run("assess", str(spend))
    assert code == 1
    assert "--before-effective" in err
    code, out, err = run("assess", str(spend), "--before-effective")
    assert (code, err) == (0, "")
    assert OWNER in out


def test_score_names_the_policy() -> None:
    submission = str(EXAMPLES / "review-submission" / "minimal.json")
    code, out, _ = run("score", submission)
    assert code == 0
    assert OWNER in out
    assert "Source: Greater Manchester Police and Crime Commissioner" in out
    code, out, _ = run("score", submission, "--format", "json")
    assert json.loads(out)["policy"]["owner"] == "Mayor of Greater Manchester"
    policy = str(EXAMPLES / "policy" / "district-contract-value.json")
    code, out, _ = run("score", submission, "--format", "json", "--policy", policy)
    assert (
        json.loads(out)["policy"]["id"]
        == sv.load("policy", json.loads(Path(policy).read_text())).id
    )
    code, _, err = run("score", "-", "--catalogue", "-")
    assert code == 2
    assert "only one of" in err


def test_the_report_names_the_policy_everywhere() -> None:
    report = sv.example_year().report()
    assert report.provenance == sv.default_policy().provenance
    assert OWNER in report.summary().replace("\n  ", " ")
    row = report.to_records()[0]
    assert row["policy_effective"] == "2017-05-08"
    assert row["policy_owner"] == "Mayor of Greater Manchester"
    document = sv.dump(report.published())
    assert document["provenance"]["owner_since"] == "2017-05-08"
    # A report published before provenance was recorded still loads, and says what it has.
    older = {**document, "provenance": None}
    loaded = sv.load("regional-report", older)
    assert loaded.provenance is None
    assert "Owner's role" not in loaded.summary()
    assert loaded.to_records()[0]["policy_id"] == "gm-policing-sv"
    del older["provenance"]
    assert sv.validate("regional-report", older).ok
