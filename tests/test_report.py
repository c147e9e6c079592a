"""The regional report: hand-checked totals, exact sums, crosswalks, order and documents."""

from __future__ import annotations

import decimal
import random
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue.report.priorities import apportion, find_crosswalk, split_targets
from tests import report_fixtures
from tests.report_fixtures import YEAR, D, hand_year, years

BASES = ("gross", "net", "present-value")


def build(year: dict[str, Any], **options: Any) -> sv.RegionalReport:
    return sv.regional_report(**year, **options)


# -- the small case, by hand ---------------------------------------------------------


def test_hand_checked_year() -> None:
    report = build(hand_year())
    assert report.amount("spend", "total") == sv.Money("200000")
    assert report.amount("spend", "local") == sv.Money("80000")
    assert report.value("spend", "local", measure="share") == D("0.4")
    assert report.amount("spend", "type", "sme") == sv.Money("60000")
    assert report.amount("spend", "type", "vcse") == sv.Money("20000")
    assert report.amount("spend", "type", "large") == sv.Money("120000")
    assert report.amount("spend", "borough", "bolton") == sv.Money("60000")
    assert report.amount("spend", "borough", "outside-gm") == sv.Money("120000")
    assert report.figure("spend", "type", "sme").lines == 2
    for basis in BASES:
        assert report.amount("contribution", "total", measure=basis) == sv.Money("2703")
    assert report.value("contribution", "ratio", measure="per-pound") == D("0.04505")
    assert report.amount("contribution", "spend", "covered") == sv.Money("60000")
    assert report.amount("contribution", "kind", "social", "present-value") == sv.Money("2703")
    assert report.amount("contribution", "priority", "social-capital", "gross") == sv.Money("2703")
    assert report.value("counts", "measure", "GM-JOBS-LOCAL", "quantity") == D(2)
    assert report.value("duties", "review", "owed", "suppliers") == 2
    assert report.value("duties", "review", "delivered", "suppliers") == 1
    assert report.figure("duties", "review", "gaps", "suppliers").suppliers == ("S2",)
    assert report.value("duties", "charter", "delivered", "suppliers") == 1
    assert report.value("coverage", "priority", "social-capital", "commitments") == 1
    unmeasured = report.caveat(sv.CaveatKind.UNMEASURED)
    assert unmeasured is not None
    assert unmeasured.suppliers == ("S2",)
    assert unmeasured.value == D(120000)
    uncovered = report.caveat(sv.CaveatKind.UNCOVERED_SPEND)
    assert uncovered is not None
    assert uncovered.value == D(140000)
    assert report.caveat(sv.CaveatKind.NO_PROXY) is not None


def test_hand_checked_year_under_the_2014_and_2020_frameworks() -> None:
    under_2020 = build(hand_year(), framework="gm-sv-framework-2020")
    assert under_2020.amount("contribution", "priority", "local-community", "gross") == sv.Money(
        "2703"
    )
    under_2014 = build(hand_year(), framework="gm-sv-policy-2014")
    for code in ("participation", "vcse-capacity"):
        figure = under_2014.figure("contribution", "priority", code, "present-value")
        assert figure.value == D("1351.5")
        assert "1/2 of social-capital" in figure.derivation
    assert "read backwards" in under_2014.apportionment
    coverage = under_2014.of("coverage")
    assert {f.item for f in coverage if f.value} == {"participation", "vcse-capacity"}


def test_suppliers_of_unstated_band_or_kind_have_their_own_groups() -> None:
    """Published contract data may say only "SME", or nothing: neither is guessed."""
    year = hand_year()
    s1, s2, s3 = year["suppliers"]  # type: ignore[misc]
    year["suppliers"] = [
        attrs.evolve(s1, organisation_type=sv.OrganisationType.SME),
        attrs.evolve(s2, organisation_type=sv.OrganisationType.UNKNOWN),
        s3,
    ]
    report = build(year)
    assert report.amount("spend", "type", "sme") == sv.Money("60000")
    assert report.amount("spend", "type", "unknown") == sv.Money("120000")
    assert report.amount("spend", "type", "large") == sv.Money("0")
    assert "of unstated kind" in report.figure("spend", "type", "unknown").label


def test_every_figure_says_what_it_sums() -> None:
    report = build(hand_year())
    total = report.figure("spend", "total")
    assert total.suppliers == ("S1", "S2", "S3")
    assert total.lines == 4
    assert "3 suppliers" in total.derivation
    value = report.figure("contribution", "total", measure="gross")
    assert value.suppliers == ("S1",)
    assert value.lines == 2  # the two valued lines; the FTE line is record-only


# -- properties -----------------------------------------------------------------------


EXACT = decimal.Context(prec=100, traps=[decimal.Inexact])


def _exact(values: Any) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = EXACT.add(total, value)
    return total


def _sum(figures: Any) -> Decimal:
    return _exact(f.value for f in figures)


@given(years())
def test_totals_are_the_exact_sums_of_the_per_supplier_results(year: dict[str, Any]) -> None:
    """No rounding drift: each total is the sum of the per-supplier results it came from."""
    report = build(year)
    assessed = year["assessments"]
    assert report.value("spend", "total") == _exact(a.total.amount for a in assessed)
    assert _sum(report.of("spend", "type")) == report.value("spend", "total")
    assert _sum(report.of("spend", "borough")) == report.value("spend", "total")
    counted = report.figure("contribution", "total", measure="gross").suppliers
    scores = [
        sv.score(s, year["catalogue"]) for s in year["submissions"] if s.supplier_id in counted
    ]
    for basis, attribute in zip(BASES, ("gross", "net", "present_value"), strict=True):
        total = report.value("contribution", "total", measure=basis)
        assert total == _exact(getattr(s, attribute).amount for s in scores)
        parts = [f for f in report.of("contribution", "priority") if f.measure == basis]
        assert _sum(parts) == total
        kinds = [f for f in report.of("contribution", "kind") if f.measure == basis]
        assert _sum(kinds) == total
        for figure in kinds:
            kind = sv.MeasureKind(figure.item)
            assert figure.value == _exact(
                getattr(s.by_kind[kind], attribute).amount for s in scores
            )


@given(years(), st.sampled_from(["gm-sv-framework-2020", "gm-sv-policy-2014"]))
def test_reporting_through_a_crosswalk_preserves_the_total(
    year: dict[str, Any], framework: str
) -> None:
    own = build(year)
    other = build(year, framework=framework)
    for basis in BASES:
        total = own.value("contribution", "total", measure=basis)
        assert other.value("contribution", "total", measure=basis) == total
        parts = [f for f in other.of("contribution", "priority") if f.measure == basis]
        assert _sum(parts) == total


@given(years(), st.data())
def test_adding_a_review_never_lowers_total_value(year: dict[str, Any], data: Any) -> None:
    reviewed = {s.supplier_id for s in year["submissions"]}
    candidates = sorted({a.supplier_id for a in year["assessments"]} - reviewed) or ["NEW-SUPPLIER"]
    supplier_id = data.draw(st.sampled_from(candidates))
    review = data.draw(report_fixtures.reviews(supplier_id))
    before = build(year)
    after = build({**year, "submissions": [*year["submissions"], review]})
    for basis in BASES:
        assert after.value("contribution", "total", measure=basis) >= before.value(
            "contribution", "total", measure=basis
        )


@given(years(), st.randoms(use_true_random=False))
def test_the_report_does_not_depend_on_input_order(
    year: dict[str, Any], rng: random.Random
) -> None:
    shuffled = dict(year)
    for name in ("assessments", "signups", "submissions", "suppliers"):
        items = list(year[name])
        rng.shuffle(items)
        shuffled[name] = items
    assert build(shuffled) == build(year)


@given(years(), st.sampled_from([None, "gm-sv-framework-2020", "gm-sv-policy-2014"]))
def test_coverage_lists_the_suppliers_compliance_counts(
    year: dict[str, Any], framework: str | None
) -> None:
    report = build(year, framework=framework)
    for figure in report.of("coverage"):
        assert f"from {len(figure.suppliers)} suppliers" in figure.derivation


@given(st.decimals(min_value=0, max_value=10**12, places=30, allow_nan=False), st.integers(1, 9))
def test_apportioned_shares_add_up_exactly(value: Decimal, parts: int) -> None:
    shares = apportion(value, parts)
    assert len(shares) == parts
    assert _exact(shares) == value
    assert max(shares) - min(shares) <= Decimal("1E-40")


def test_apportion_refuses_no_parts() -> None:
    with pytest.raises(ValueError, match="parts"):
        apportion(D(1), 0)


# -- change on a previous year --------------------------------------------------------


@pytest.mark.parametrize("label", ["2025/26", "2026/27"])
def test_the_previous_report_must_be_for_an_earlier_period(label: str) -> None:
    same_or_later = attrs.evolve(build(hand_year()), period=sv.parse_financial_year(label))
    with pytest.raises(sv.RuleViolation, match="does not end before 2025/26 starts") as info:
        build(hand_year(), previous=same_or_later)
    assert info.value.code == "report.previous_not_earlier"


def test_change_against_the_previous_year() -> None:
    last = build(hand_year())
    year = hand_year()
    more = attrs.evolve(
        year["submissions"][0],  # type: ignore[index]
        lines=[sv.ReportedLine("GM-VOLUNTEER-HOURS", D(200))],
    )
    earlier = attrs.evolve(last.published(), period=sv.parse_financial_year("2024/25"))
    now = build({**year, "submissions": [more]}, previous=earlier)
    change = now.change("contribution", "total", measure="gross")
    assert change.previous == D("2703.00")
    assert change.current == D("3386")
    assert change.change == D("683")
    assert change.percent is not None
    assert change.percent.quantize(D("0.01")) == D("25.27")
    assert now.change("spend", "total").percent == 0
    gone = now.change("contribution", "priority", "social-capital", "gross")
    assert gone.current == D("3386")
    vanished = now.change("counts", "measure", "GM-JOBS-LOCAL", "quantity")
    assert vanished.current is None
    assert vanished.change is None
    assert now.previous_period == sv.parse_financial_year("2024/25")
    assert "\nChange since 2024/25: " in now.summary()
    assert "ReportChange" not in now.summary()
    assert {"previous", "change", "percent"} <= set(now.to_records()[0])
    assert now.change_records()
    with pytest.raises(KeyError):
        now.change("spend", "nothing")


# -- caveats and refusals --------------------------------------------------------------


def _review(supplier_id: str, signed: date, period: sv.Period = YEAR) -> sv.ReviewSubmission:
    return sv.ReviewSubmission(
        supplier_id,
        (),
        period,
        sv.Money("1000"),
        [sv.ReportedLine("GM-VOLUNTEER-HOURS", D(1))],
        sv.Declaration("A", "B", signed),
    )


def test_reviews_that_do_not_count_are_listed() -> None:
    year = hand_year()
    reviews = [
        *year["submissions"],  # type: ignore[misc]
        _review("S1", date(2026, 4, 1)),  # superseded by the later declaration
        _review("S2", date(2026, 5, 1), sv.parse_financial_year("2024/25")),  # other year
        _review("S9", date(2026, 4, 2)),  # no spend this year
        attrs.evolve(_review("S3", date(2026, 4, 2)), lines=[sv.ReportedLine("NOPE", D(1))]),
    ]
    report = build({**year, "submissions": reviews}, as_of=date(2026, 6, 30))
    kinds = {c.kind: c.suppliers for c in report.caveats}
    assert kinds[sv.CaveatKind.SUPERSEDED_REVIEW] == ("S1",)
    assert kinds[sv.CaveatKind.REVIEW_NOT_COUNTED] == ("S2",)
    assert kinds[sv.CaveatKind.REVIEW_WITHOUT_SPEND] == ("S9",)
    assert kinds[sv.CaveatKind.UNSCORABLE_REVIEW] == ("S3",)
    assert report.amount("contribution", "total", measure="gross") == sv.Money("2719.93")


def test_other_caveats() -> None:
    year = hand_year()
    other = sv.assess(
        year["policy"],  # type: ignore[arg-type]
        [sv.SpendLine("S1", sv.Money("-10"), date(2024, 5, 1), sv.VatBasis.NET)],
        "2024/25",
    )
    contract_policy = attrs.evolve(year["policy"], basis=sv.Basis.CONTRACT_VALUE)  # type: ignore[misc]
    report = build(
        {
            **year,
            "policy": contract_policy,
            "assessments": [*other, *[a for a in year["assessments"] if a.supplier_id == "S2"]],  # type: ignore[attr-defined]
            "suppliers": [],
            "submissions": [],
        }
    )
    kinds = {c.kind for c in report.caveats}
    assert {
        sv.CaveatKind.ASSESSMENT_NOT_COUNTED,
        sv.CaveatKind.CONTRACT_BASIS,
        sv.CaveatKind.UNLISTED_SUPPLIER,
        sv.CaveatKind.UNMEASURED,
    } <= kinds
    nothing = build({**year, "assessments": [], "submissions": []})
    assert nothing.caveat(sv.CaveatKind.NO_POSITIVE_SPEND) is not None
    with pytest.raises(KeyError):
        nothing.figure("spend", "local", measure="share")
    assert "Social value report" in nothing.summary()


def test_percentages_are_not_summed() -> None:
    year = hand_year()
    review = attrs.evolve(
        year["submissions"][0],  # type: ignore[index]
        lines=[sv.ReportedLine("GM-LIVING-WAGE", D(80))],
    )
    report = build({**year, "submissions": [review]})
    assert report.caveat(sv.CaveatKind.NOT_SUMMED) is not None
    assert not report.of("counts")


def test_a_supplier_assessed_twice_is_refused() -> None:
    year = hand_year()
    twice = [*year["assessments"], *year["assessments"]]  # type: ignore[misc]
    with pytest.raises(sv.RuleViolation) as caught:
        build({**year, "assessments": twice})
    assert caught.value.code == "report.duplicate_assessment"


def test_unknown_framework_and_crosswalk() -> None:
    with pytest.raises(sv.UnknownFramework):
        build(hand_year(), framework="no-such-framework")
    island = sv.Framework(
        "island", "Unconnected", "1", "Nobody, 2025.", date(2025, 1, 1),
        [sv.Priority("alone", "Alone", "No crosswalk reaches it.")],
    )  # fmt: skip
    with pytest.raises(sv.UnknownCrosswalk):
        build(hand_year(), framework=island)


def test_a_crosswalk_that_leaves_a_priority_out_reports_it_as_unmapped() -> None:
    policing = sv.frameworks.get("gm-policing-sv")
    gm_2020 = sv.frameworks.get("gm-sv-framework-2020")
    partial = sv.Crosswalk(
        policing, gm_2020, [sv.CrosswalkLink("reduced-demand", "best-employment", "Jobs.")]
    )
    report = build(hand_year(), framework=gm_2020, crosswalks=[partial])
    unmapped = report.figure("contribution", "priority", "unmapped", "gross")
    assert unmapped.value == D("2703")
    caveat = report.caveat(sv.CaveatKind.UNMAPPED_PRIORITY)
    assert caveat is not None
    assert caveat.suppliers == ("S1",)
    assert report.caveat(sv.CaveatKind.UNMAPPED_COMMITMENTS) is not None


def test_find_crosswalk_routes() -> None:
    assert find_crosswalk("gm-sv-framework-2020", "gm-sv-framework-2020")[0] is None
    walk, how = find_crosswalk("gm-sv-framework-2020", "gm-sv-policy-2014")
    assert walk is not None
    assert "read backwards" in how
    assert split_targets(None, ["a"]) == {"a": ("a",)}


# -- presentation and documents -------------------------------------------------------


def test_records_summary_and_html() -> None:
    report = build(hand_year())
    rows = report.to_records()
    assert len(rows) == len(report.figures)
    assert all(isinstance(v, (str, int, Decimal, type(None))) for row in rows for v in row.values())
    summary = report.summary()
    assert "£200,000.00" in summary
    assert "£2,703.00" in summary
    assert len(summary.splitlines()) <= 40
    assert all(len(line) <= 78 for line in summary.splitlines())
    assert "<table>" in report._repr_html_()
    assert report.caveat_records()[0]["kind"]
    assert report.of(sv.ReportSection.SPEND, "total")


def test_published_report_round_trips_as_a_document() -> None:
    earlier = attrs.evolve(build(hand_year()), period=sv.parse_financial_year("2024/25"))
    report = build(hand_year(), framework="gm-sv-policy-2014", previous=earlier)
    published = report.published()
    document = sv.dump(published)
    assert sv.validate("regional-report", document).ok
    assert sv.load("regional-report", document) == published
    assert published.amount("contribution", "total", measure="present-value") == sv.Money("2703")
    with pytest.raises(TypeError):
        sv.dump(report)  # the exact report is not a document: publish it first


def test_published_figures_are_rounded_to_pence_and_six_places() -> None:
    year = hand_year()
    report = build(year, framework="gm-sv-policy-2014")
    third = attrs.evolve(report.figures[0], value=D("1") / D("3"), unit="GBP")
    ratio = attrs.evolve(report.figures[1], value=D("2") / D("3"), unit="share")
    rounded = attrs.evolve(report, figures=[third, ratio]).published(sv.Rounding.HALF_EVEN)
    assert [f.value for f in rounded.figures] == [D("0.33"), D("0.666667")]
    assert rounded.rounding is sv.Rounding.HALF_EVEN


def test_a_supplier_known_by_a_boundary_postcode_is_a_caveat_not_local_spend() -> None:
    """Issue 19: a GM postcode district is local; one across the edge is reported, not guessed."""
    year = hand_year()
    by_postcode = [
        sv.Supplier("S1", "Bolton Bakes", sv.OrganisationType.SMALL, sv.Location(None, "BL1 1AA")),
        sv.Supplier(
            "S2", "Leeds Logistics", sv.OrganisationType.LARGE, sv.Location(None, "BL6 5AB")
        ),
        sv.Supplier("S3", "Salford Youth", sv.OrganisationType.VCSE, sv.Location(None, "M5 4WT")),
    ]
    report = build({**year, "suppliers": by_postcode})
    assert report.figure("spend", "local", "all", "amount").value == Decimal("80000")
    caveat = report.caveat(sv.CaveatKind.UNCERTAIN_LOCATION)
    assert caveat.suppliers == ("S2",)
    assert caveat.value == Decimal("120000")
    assert "crosses the edge of Greater Manchester" in caveat.message
