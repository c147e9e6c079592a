"""review-submission and measure-catalogue documents: examples, issues and agreement."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

import socialvalue as sv

EXAMPLES = Path(__file__).parent / "examples"
KINDS = ("measure-catalogue", "review-submission")
FILES = [path for kind in KINDS for path in sorted((EXAMPLES / kind).glob("*.json"))]


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        sv.schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _example(kind: str, name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((EXAMPLES / kind / name).read_text(encoding="utf-8"))
    return document


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_loads_dumps_and_meets_its_schema(path: Path) -> None:
    kind = path.parent.name
    document = json.loads(path.read_text(encoding="utf-8"))
    _validator(kind).validate(document)
    obj = sv.load(kind, document)
    assert sv.dump(obj) == document
    assert sv.load(kind, sv.dump(obj)) == obj


def test_every_kind_has_examples() -> None:
    for kind in KINDS:
        assert list((EXAMPLES / kind).glob("*.json")), kind


def test_the_default_catalogue_example_is_the_bundled_catalogue() -> None:
    document = _example("measure-catalogue", "gm-policing-sv-review.json")
    assert sv.load("measure-catalogue", document) == sv.default_catalogue()


def test_example_submissions_score_against_the_default_catalogue() -> None:
    for path in sorted((EXAMPLES / "review-submission").glob("*.json")):
        submission = sv.load("review-submission", json.loads(path.read_text(encoding="utf-8")))
        assert sv.check_submission(submission, sv.default_catalogue()) == (), path.name


def test_a_users_own_catalogue_scores() -> None:
    catalogue = sv.load(
        "measure-catalogue", _example("measure-catalogue", "council-own-proxies.json")
    )
    submission = sv.load(
        "review-submission", _example("review-submission", "security-services-2025-26.json")
    )
    own = sv.ReviewSubmission(
        submission.supplier_id,
        submission.contract_ids,
        submission.period,
        submission.spend,
        [sv.ReportedLine("OWN-LOCAL-JOBS", sv.Money("1").amount)],
        submission.declaration,
    )
    report = sv.score(own, catalogue)
    assert report.by_kind[sv.MeasureKind.LOCAL_ECONOMIC].net == sv.Money("20160")


def test_loading_reports_every_problem_with_its_path() -> None:
    document = _example("review-submission", "security-services-2025-26.json")
    document["lines"][1]["quantity"] = "-3"
    document["lines"][2]["unit"] = "minutes"
    document["spend"]["amount"] = "-1.00"
    document["declaration"]["signed_on"] = "2025-03-01"
    report = sv.validate("review-submission", document)
    paths = {(issue.path, issue.code) for issue in report.issues}
    assert ("$.lines[1].quantity", "decimal.out_of_range") in paths
    assert ("$.lines[2].unit", "value.not_in_choices") in paths
    assert not _validator("review-submission").is_valid(document)


def test_loading_reports_cross_field_rules() -> None:
    document = _example("review-submission", "minimal.json")
    document["declaration"]["signed_on"] = "2025-03-01"
    (issue,) = sv.validate("review-submission", document).issues
    assert (issue.path, issue.code) == (
        "$.declaration.signed_on",
        "submission.declared_before_period",
    )
    document = _example("review-submission", "minimal.json")
    document["spend"]["amount"] = "-0.00"
    (issue,) = sv.validate("review-submission", document).issues
    assert (issue.path, issue.code) == ("$.spend", "submission.negative_spend")


def test_catalogue_problems_have_paths() -> None:
    document = _example("measure-catalogue", "council-own-proxies.json")
    document["measures"][2]["code"] = document["measures"][0]["code"]
    document["measures"][1]["proxy"] = None
    document["measures"][0]["adjustments"]["deadweight"] = "1.5"
    issues = {(i.path, i.code) for i in sv.validate("measure-catalogue", document).issues}
    assert ("$.measures[1].proxy", "measure.proxy_mismatch") in issues
    assert ("$.measures[0].adjustments.deadweight", "decimal.out_of_range") in issues
    assert not _validator("measure-catalogue").is_valid(document)
    unique = _example("measure-catalogue", "council-own-proxies.json")
    unique["measures"][2]["code"] = unique["measures"][0]["code"]
    (issue,) = sv.validate("measure-catalogue", unique).issues
    assert (issue.path, issue.code) == ("$.measures[2]", "list.duplicate")


def _domain_rules_hold(kind: str, document: dict[str, Any]) -> bool:
    """Whether the rules the schema cannot state hold (unique keys, dates in order)."""
    if kind == "measure-catalogue":
        codes = [m["code"] for m in document["measures"]]
        return len(codes) == len(set(codes))
    commitments = [c["measure"] for c in document.get("commitments", [])]
    period = document["period"]
    return (
        len(commitments) == len(set(commitments))
        and period["start"] <= period["end"]
        and document["declaration"]["signed_on"] >= period["start"]
    )


def _generation_schema(kind: str) -> dict[str, Any]:
    # The schema leaves "kind and proxy agree" to loading (a cross-field rule named in
    # its description); generated documents are made to agree afterwards.
    return sv.schema(kind)


def _make_kinds_agree(kind: str, document: dict[str, Any]) -> None:
    if kind != "measure-catalogue":
        return
    for measure in document["measures"]:
        if measure.get("proxy") is None:
            measure["kind"] = "record-only"
        elif measure["kind"] == "record-only":
            measure["kind"] = "social"


@pytest.mark.parametrize("kind", KINDS)
def test_schema_and_loader_agree_on_generated_documents(kind: str) -> None:
    validator = _validator(kind)

    @settings(max_examples=5, suppress_health_check=list(HealthCheck), deadline=None)
    @given(from_schema(_generation_schema(kind)))
    def agree(document: dict[str, Any]) -> None:
        _make_kinds_agree(kind, document)
        assert validator.is_valid(document)
        report = sv.validate(kind, copy.deepcopy(document))
        assert report.ok == _domain_rules_hold(kind, document), report.issues

    agree()


def test_document_and_catalogue_problems_come_back_together() -> None:
    document = _example("review-submission", "security-services-2025-26.json")
    document["lines"][0]["quantity"] = "-1"  # the document's own problem
    document["lines"][1]["measure"] = "GM-NO-SUCH-MEASURE"  # the catalogue's
    document["lines"][2]["unit"] = "fte"  # expert hours are in hours
    document["commitments"][0]["measure"] = "GM-ALSO-UNKNOWN"
    document["lines"].append("not a line")
    issues = sv.check_review_document(document, sv.default_catalogue())
    assert [(i.path, i.code) for i in issues] == [
        ("$.commitments[0].measure", "score.unknown_measure"),
        ("$.lines[0].quantity", "decimal.out_of_range"),
        ("$.lines[1].measure", "score.unknown_measure"),
        ("$.lines[2].unit", "score.wrong_unit"),
        ("$.lines[6]", "value.wrong_type"),
    ]


def test_a_valid_document_is_checked_as_a_submission() -> None:
    document = _example("review-submission", "minimal.json")
    assert sv.check_review_document(document, sv.default_catalogue()) == ()
    document["lines"][0]["measure"] = "GM-NO-SUCH-MEASURE"
    (issue,) = sv.check_review_document(document, sv.default_catalogue())
    assert issue.path == "$.lines[0].measure"
    assert sv.check_review_document([], sv.default_catalogue())[0].code == "value.wrong_type"
