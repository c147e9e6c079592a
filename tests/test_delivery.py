"""Delivery that counts: a Review is delivered only when complete, and every figure agrees."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given

import socialvalue as sv
from socialvalue.cli import main
from tests.report_fixtures import years

EXAMPLES = Path(__file__).parent / "examples"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _review(supplier: str, lines: list[sv.ReportedLine], period: sv.Period) -> sv.ReviewSubmission:
    return sv.ReviewSubmission(
        supplier, (), period, sv.Money("70000"), lines,
        sv.Declaration("A. Smith", "Director", date(2026, 5, 1)),
    )  # fmt: skip


def test_check_complete_gives_every_reason() -> None:
    year = sv.parse_financial_year("2025/26")
    half = sv.Period(date(2025, 4, 1), date(2025, 9, 30))
    review = _review("100107", [sv.ReportedLine("NOPE", Decimal(1))], half)
    issues = sv.check_complete(review, year, sv.default_catalogue())
    assert [i.code for i in issues] == ["score.unknown_measure", "review.period_not_covered"]
    assert "it must cover the whole of 2025/26" in issues[1].message
    assert sv.check_complete(review, half) == ()  # no catalogue: the measures are not judged
    ok = _review("100107", [sv.ReportedLine("GM-VOLUNTEER-HOURS", Decimal(1))], year)
    assert sv.check_complete(ok, year, sv.default_catalogue()) == ()


def test_an_empty_or_unknown_review_is_received_not_delivered() -> None:
    """The issue's case: counts and caveats used to disagree ("delivered by 5")."""
    example = sv.example_year()
    year = example.period
    extra = [
        _review("100107", [], year),
        _review("100108", [sv.ReportedLine("NOT-A-MEASURE", Decimal(3))], year),
    ]
    report = attrs.evolve(example, submissions=(*example.submissions, *extra)).report()
    assert report.value("duties", "review", "delivered", "suppliers") == 4
    incomplete = report.figure("duties", "review", "incomplete", "suppliers")
    assert incomplete.suppliers == ("100107", "100108")
    assert report.figure("duties", "gap", "incomplete-review", "suppliers").value == 2
    caveat = report.caveat(sv.CaveatKind.INCOMPLETE_REVIEW)
    assert caveat is not None
    assert caveat.suppliers == ("100107", "100108")
    assert "100107: $.lines: the Review reports no lines" in caveat.message
    assert "100108: $.lines[0].measure: line 1 names measure 'NOT-A-MEASURE'" in caveat.message
    assert "Reviews: owed by 7, delivered by 4, received but not complete 2, gaps 3" in (
        report.summary()
    )
    assert sv.validate("regional-report", sv.dump(report.published())).ok


@given(years())
def test_delivered_reviews_are_the_counted_ones(year: dict[str, Any]) -> None:
    """Every supplier owing a Review is delivered, received-incomplete or missing, and the
    delivered ones are exactly those whose value the contribution counts."""
    report = sv.regional_report(**year)
    owed = set(report.figure("duties", "review", "owed", "suppliers").suppliers)
    delivered = set(report.figure("duties", "review", "delivered", "suppliers").suppliers)
    incomplete = set(report.figure("duties", "review", "incomplete", "suppliers").suppliers)
    counted = set(report.figure("contribution", "total", measure="gross").suppliers)
    assert delivered == owed & counted
    assert not delivered & incomplete
    caveat = report.caveat(sv.CaveatKind.INCOMPLETE_REVIEW)
    left_out = set() if caveat is None else set(caveat.suppliers)
    assert incomplete == owed & left_out
    assert not left_out & counted


def test_validate_with_a_catalogue_reports_everything_at_once(tmp_path: Path) -> None:
    document = json.loads((EXAMPLES / "review-submission" / "minimal.json").read_text())
    document["spend"] = {"amount": "lots", "currency": "pounds"}
    document["lines"] = [
        {"measure": "NOPE", "quantity": "1"},
        {"measure": "GM-APPRENTICES", "quantity": "1.5"},
        {"measure": "GM-LIVING-WAGE", "quantity": "140"},
        {"measure": "GM-VOLUNTEER-HOURS", "quantity": "3", "unit": "fte"},
    ]
    path = tmp_path / "review.json"
    path.write_text(json.dumps(document))
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps(sv.dump(sv.default_catalogue())))
    code, out, _ = run("validate", "review-submission", str(path))
    assert code == 1
    assert "GM-APPRENTICES" not in out  # without a catalogue, only the document's problems
    code, out, _ = run("validate", "review-submission", str(path), "--catalogue", str(catalogue))
    assert code == 1
    assert f"{path}: invalid review-submission, 6 problems" in out
    for expected in (
        "$.lines[0].measure: line 1 names measure 'NOPE'",
        "$.lines[1].quantity: line 2 (GM-APPRENTICES, ",
        "counts whole people: give a whole number, not 1.5",
        "$.lines[2].quantity: line 3 (GM-LIVING-WAGE, ",
        "is a percentage: give a figure from 0 to 100, not 140",
        "$.lines[3].unit: line 4 (GM-VOLUNTEER-HOURS, ",
        "$.spend.amount: amount must be a decimal string",
        "$.spend.currency: currency must be a three-letter ISO 4217 code",
    ):
        assert expected in out
    # A document that loads gets the same catalogue checks.
    document["spend"] = {"amount": "100.00", "currency": "GBP"}
    path.write_text(json.dumps(document))
    code, out, _ = run(
        "validate", "review-submission", str(path), "--catalogue", str(catalogue),
        "--format", "json",
    )  # fmt: skip
    assert code == 1
    codes = [i["code"] for i in json.loads(out)["files"][0]["issues"]]
    assert codes == [
        "score.unknown_measure", "score.bad_quantity", "score.bad_quantity", "score.wrong_unit"
    ]  # fmt: skip
    assert sv.check_review_document(document, sv.default_catalogue())[0].path == (
        "$.lines[0].measure"
    )


def test_validate_catalogue_usage_errors(tmp_path: Path) -> None:
    code, _, err = run("validate", "supplier", "x.json", "--catalogue", "c.json")
    assert code == 2
    assert "--catalogue checks review-submission documents only" in err
    code, _, err = run("validate", "review-submission", "-", "--catalogue", "-")
    assert code == 2
    assert "only one of FILE and --catalogue" in err


def test_a_money_object_reports_every_bad_part() -> None:
    document = json.loads((EXAMPLES / "review-submission" / "minimal.json").read_text())
    for spend, paths in (
        ({"amount": "abc", "currency": "gbpx"}, ["$.spend.amount", "$.spend.currency"]),
        ({"amount": "abc", "currency": 5}, ["$.spend.amount", "$.spend.currency"]),
        ({"amount": "1.00", "currency": "gbpx"}, ["$.spend.currency"]),
    ):
        issues = sv.validate("review-submission", {**document, "spend": spend}).issues
        assert sorted({i.path for i in issues}) == paths
