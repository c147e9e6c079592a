"""Measures, catalogues, submissions and the default catalogue."""

from __future__ import annotations

from datetime import date

import pytest

import socialvalue as sv
from socialvalue._fields import Whole
from socialvalue.review.gm_catalogue import ESSEX_2023_SOURCE
from socialvalue.review.measures import Quantity
from tests.scoring_fixtures import DECLARATION, YEAR, D, catalogue, proxy

GM_POLICING_PRIORITIES = {
    "resilient-communities",
    "reduced-demand",
    "lower-environmental-impact",
    "social-capital",
    "early-intervention",
}


def test_default_catalogue_values_only_what_a_public_source_gives() -> None:
    catalogue = sv.default_catalogue()
    assert catalogue.framework_id == "gm-policing-sv"
    valued = {m.code: m.proxy for m in catalogue if m.proxy is not None}
    assert set(valued) == {"GM-VOLUNTEER-HOURS", "GM-EXPERT-HOURS"}
    volunteer, expert = valued["GM-VOLUNTEER-HOURS"], valued["GM-EXPERT-HOURS"]
    assert volunteer is not None
    assert expert is not None
    assert volunteer.value == sv.Money("16.93")
    assert expert.value == sv.Money("101.00")
    assert (volunteer.source, volunteer.edition, volunteer.base_year) == (
        ESSEX_2023_SOURCE,
        "2023",
        2023,
    )
    for measure in catalogue:
        assert set(measure.priorities) <= GM_POLICING_PRIORITIES
        assert (measure.proxy is None) == (measure.kind is sv.MeasureKind.RECORD_ONLY)
    covered = {m.priorities[0] for m in catalogue} | {p for m in catalogue for p in m.priorities}
    assert covered == GM_POLICING_PRIORITIES


def test_default_catalogue_is_built_once() -> None:
    assert sv.default_catalogue() is sv.default_catalogue()


def test_catalogue_lookup() -> None:
    cat = catalogue()
    assert "VOL-HOURS" in cat
    assert "NOPE" not in cat
    assert len(cat) == 5
    assert cat.codes[0] == "LOCAL-JOBS"
    assert cat.get("NOPE") is None
    with pytest.raises(KeyError) as info:
        cat.measure("NOPE")
    assert isinstance(info.value, sv.UnknownMeasure)
    assert str(info.value) == "measure 'NOPE' is not in catalogue 'test-catalogue'"


def test_catalogue_refuses_duplicate_codes() -> None:
    measure = catalogue().measure("SCHOOL-VISITS")
    with pytest.raises(sv.RuleViolation) as info:
        sv.MeasureCatalogue("c", "1", "f", [measure, measure])
    assert info.value.issue().path == "$.measures[1]"
    assert info.value.code == "list.duplicate"


def test_record_only_and_proxy_agree() -> None:
    with pytest.raises(sv.RuleViolation, match="record-only") as info:
        sv.ReviewMeasure("X", "x", sv.Unit.COUNT, sv.MeasureKind.RECORD_ONLY, ["p"], proxy("1.00"))
    assert info.value.issue().path == "$.proxy"
    with pytest.raises(sv.RuleViolation, match="never borrow"):
        sv.ReviewMeasure("X", "x", sv.Unit.COUNT, sv.MeasureKind.SOCIAL, ["p"])


def test_priorities_are_codes() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReviewMeasure("X", "x", sv.Unit.COUNT, sv.MeasureKind.RECORD_ONLY, ["ok", "not ok"])
    assert info.value.issue().path == "$.priorities[1]"
    with pytest.raises(sv.RuleViolation):
        sv.ReviewMeasure("X", "x", sv.Unit.COUNT, sv.MeasureKind.RECORD_ONLY, [])


@pytest.mark.parametrize("amount", ["-1.00", "1.0000001"])
def test_proxy_values_are_bounded(amount: str) -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.ProxyValue(sv.Money(D(amount)), "s", "e", 2023)
    assert info.value.code == "measure.bad_proxy"
    with pytest.raises(TypeError):
        sv.ProxyValue(D("1"), "s", "e", 2023)  # type: ignore[arg-type]


def test_adjustments_are_fractions() -> None:
    with pytest.raises(sv.RuleViolation):
        sv.Adjustments(deadweight=D("1.1"))
    with pytest.raises(sv.RuleViolation):
        sv.Adjustments(duration_years=0)
    with pytest.raises(TypeError):
        sv.Adjustments(duration_years=True)
    adjustments = sv.Adjustments(D("0.2"), D("0.1"), D("0"), D("0.5"))
    assert adjustments.net_factor == D("0.36")
    assert adjustments.named() == (
        ("deadweight", D("0.2")),
        ("displacement", D("0.1")),
        ("leakage", D("0.5")),
    )


def test_field_checks() -> None:
    with pytest.raises(TypeError):
        Quantity().check(1)
    with pytest.raises(TypeError):
        Whole(0, 1).check("1")
    assert sv.Unit.PEOPLE.whole
    assert not sv.Unit.FTE.whole


def test_submission_rules() -> None:
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReviewSubmission(
            "S1", (), YEAR, sv.Money("1"), [], sv.Declaration("A", "B", date(2025, 3, 31))
        )
    assert info.value.issue().path == "$.declaration.signed_on"
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReviewSubmission("S1", (), YEAR, sv.Money("-1"), [], DECLARATION)
    assert info.value.issue().path == "$.spend"
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReviewSubmission("S1", ("C1", "bad id"), YEAR, sv.Money("1"), [], DECLARATION)
    assert info.value.issue().path == "$.contract_ids[1]"
    with pytest.raises(sv.RuleViolation) as info:
        sv.ReviewSubmission("S1", ("C1", "C1"), YEAR, sv.Money("1"), [], DECLARATION)
    assert info.value.code == "list.duplicate"
    with pytest.raises(TypeError):
        sv.ReviewSubmission("S1", (), YEAR, D("1"), [], DECLARATION)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sv.Declaration("A", "B", "2025-01-01")  # type: ignore[arg-type]


def test_default_catalogue_priorities_are_in_its_framework() -> None:
    catalogue = sv.default_catalogue()
    framework = sv.frameworks.get(catalogue.framework_id)
    for measure in catalogue:
        for priority in measure.priorities:
            assert priority in framework
