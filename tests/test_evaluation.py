"""Bid evaluation: the worked tender of the tutorial, and every rule's refusal."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs
import pytest

import socialvalue as sv
from socialvalue.tender.pricing import price_fraction

D = Decimal
K = sv.CriterionKind


def tender_model(**changes: object) -> sv.EvaluationModel:
    model = sv.EvaluationModel(
        "T-2026-014",
        "Community safety outreach service",
        (
            sv.Criterion("P", "Price", K.PRICE, D(40), sv.ScoreBasis.PRICE),
            sv.Criterion("Q1", "Delivery method", K.QUALITY, D(30), pass_mark=D(50)),
            sv.Criterion("Q2", "Safeguarding", K.QUALITY, D(10), pass_mark=D(50)),
            sv.Criterion("SV1", "Local jobs and skills", K.SOCIAL_VALUE, D(10)),
            sv.Criterion("SV2", "Environment", K.SOCIAL_VALUE, D(10), environmental=True),
        ),
        minimum_social_value_weight=sv.MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT,
        minimum_environmental_weight=sv.MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT,
    )
    return attrs.evolve(model, **changes)


def bid(supplier: str, price: str, q1: int, q2: int, sv1: int, sv2: int, **kw: object) -> sv.Bid:
    marks = tuple(sv.Mark(c, D(p)) for c, p in (("Q1", q1), ("Q2", q2), ("SV1", sv1), ("SV2", sv2)))
    return sv.Bid(supplier, sv.Money(price), marks, **kw)  # type: ignore[arg-type]


COMMITMENTS = (
    sv.MeasureTarget("GM-VOLUNTEER-HOURS", D(200)),
    sv.MeasureTarget("GM-JOBS-LOCAL", D(10)),
)
BIDS = [
    bid("100234", "400000", 75, 50, 50, 25),
    bid("100567", "500000", 100, 75, 50, 50),
    bid("GB-COH-01234567", "500000", 75, 75, 100, 75, new_supplier=True, commitments=COMMITMENTS),
    bid("100890", "360000", 25, 75, 75, 75),
]


def test_the_worked_tender() -> None:
    result = sv.evaluate(tender_model(), BIDS)
    assert [(r.supplier_id, r.total, r.rank) for r in result.bids] == [
        ("GB-COH-01234567", D("79.50"), 1),
        ("100567", D("79.50"), 2),
        ("100234", D("75.00"), 3),
        ("100890", None, None),
    ]
    winner = result.winner
    assert winner is not None
    assert winner.tie_note == (
        "GB-COH-01234567, 100567 tie on 79.50: GB-COH-01234567 above 100567 by higher"
        " social value score (17.50 against 10.00)"
    )
    (excluded,) = result.excluded
    assert excluded.exclusions == (
        "marked 25 (Limited) on Q1 Delivery method, under its pass mark of 50",
    )
    # The excluded bid is cheapest but does not set the lowest price.
    price = result.result_for("100234").scores[0]
    assert price.score == D("40.00")
    assert (
        price.reason
        == "lowest price £400,000.00 ÷ this price £500,000.00".replace("£500,000.00", "£400,000.00")
        + " = 1.000000 × 40% = 40.00"
    )
    assert [k.as_target() for k in result.kpis] == list(COMMITMENTS)
    assert result.kpis[0].supplier_id == "GB-COH-01234567"
    assert "GB-COH-01234567 wins with 79.50 of 100, after a tie" in result.explanation
    assert "1 excluded: 100890" in result.explanation


def test_records_and_html() -> None:
    result = sv.evaluate(tender_model(), BIDS)
    rows = result.to_records()
    assert rows[0]["supplier_id"] == "GB-COH-01234567"
    assert rows[0]["price_score"] == D("32.00")
    assert rows[0]["social_value_score"] == D("17.50")
    assert rows[3]["price_score"] is None
    assert rows[3]["excluded"] is True
    scores = result.score_records()
    assert len(scores) == 3 * 5 + 4
    q1 = next(s for s in scores if s["supplier_id"] == "100890" and s["criterion"] == "Q1")
    assert q1["label"] == "Limited"
    assert q1["reason"] == "Limited (25 of 100) × 30% = 7.50"
    html = result._repr_html_()
    assert html.startswith("<table><caption>Community safety outreach service")
    assert "<td>excluded</td>" in html
    with pytest.raises(KeyError):
        result.result_for("nobody")


def test_panel_reasons_are_kept() -> None:
    marks = (sv.Mark("Q1", D(75), "Named staff & a clear plan"), *BIDS[0].marks[1:])
    result = sv.evaluate(tender_model(), [attrs.evolve(BIDS[0], marks=marks)])
    assert result.bids[0].scores[1].reason.endswith(": Named staff & a clear plan")


def test_every_bid_excluded_means_no_winner() -> None:
    result = sv.evaluate(tender_model(), [BIDS[3]])
    assert result.winner is None
    assert result.kpis == ()
    assert "no bid passed every pass mark" in result.explanation


def test_ties_fall_through_to_price_and_then_supplier_id() -> None:
    same = [bid("200", "100000", 75, 75, 75, 75), bid("100", "100000", 75, 75, 75, 75)]
    result = sv.evaluate(tender_model(), same)
    assert [r.supplier_id for r in result.ranking] == ["100", "200"]
    assert result.ranking[0].tie_note == (
        "100, 200 tie on 85.00: 100 above 200 by supplier id (the last tie rule)"
    )
    model = tender_model(
        criteria=(
            sv.Criterion("Q1", "Method", K.QUALITY, D(60)),
            sv.Criterion("Q2", "Team", K.QUALITY, D(20)),
            sv.Criterion("SV1", "Jobs", K.SOCIAL_VALUE, D(10)),
            sv.Criterion("SV2", "Environment", K.SOCIAL_VALUE, D(10), environmental=True),
        ),
        tie_breaks=(sv.TieBreak.QUALITY, sv.TieBreak.PRICE),
    )
    pair = [bid("A", "900", 75, 75, 75, 50), bid("B", "100", 75, 50, 75, 100)]
    result = sv.evaluate(model, pair)
    assert [r.total for r in result.ranking] == [D("72.50"), D("72.50")]
    assert result.ranking[0].tie_note is not None
    assert "A above B by higher quality score (60.00 against 55.00)" in result.ranking[0].tie_note
    only_price = attrs.evolve(model, tie_breaks=(sv.TieBreak.PRICE,))
    result = sv.evaluate(only_price, pair)
    assert result.ranking[0].supplier_id == "B"
    assert "B above A by lower price" in str(result.ranking[0].tie_note)


def test_budget_linear_pricing() -> None:
    model = tender_model(price_method=sv.PriceMethod.BUDGET_LINEAR, budget=sv.Money("500000"))
    result = sv.evaluate(model, BIDS)
    price = result.result_for("100567").scores[0]
    # 1 − (500,000 − 400,000) ÷ 500,000 = 0.8
    assert price.fraction == D("0.800000")
    assert price.score == D("32.00")
    fraction, _ = price_fraction(
        sv.PriceMethod.BUDGET_LINEAR, sv.Money("1500000"), sv.Money("400000"), sv.Money("500000")
    )
    assert fraction == 0
    with pytest.raises(sv.RuleViolation, match="needs a budget"):
        price_fraction(sv.PriceMethod.BUDGET_LINEAR, sv.Money("1"), sv.Money("1"), None)
    with pytest.raises(sv.RuleViolation) as info:
        tender_model(price_method=sv.PriceMethod.BUDGET_LINEAR)
    assert info.value.code == "evaluation.budget_missing"
    assert info.value.field == ("budget",)


def test_prices_must_be_above_zero() -> None:
    with pytest.raises(sv.InvalidDocument) as info:
        sv.evaluate(tender_model(), [bid("1", "0", 75, 75, 75, 75)])
    assert [(i.path, i.code) for i in info.value.issues] == [
        ("$[0].price.amount", "evaluation.bad_price")
    ]
    with pytest.raises(sv.RuleViolation) as error:
        price_fraction(sv.PriceMethod.LOWEST_PRICE, sv.Money("0"), sv.Money("0"), None)
    assert error.value.code == "evaluation.bad_price"


@attrs.frozen
class FakeProxy:
    value: sv.Money


class FakeKind:
    def __init__(self, value: str) -> None:
        self.value = value


@attrs.frozen
class FakeMeasure:
    proxy: FakeProxy | None
    kind: FakeKind


class FakeCatalogue:
    """Stands in for a MeasureCatalogue: hours at £16.93, jobs record-only."""

    measures: ClassVar[dict[str, FakeMeasure]] = {
        "GM-VOLUNTEER-HOURS": FakeMeasure(FakeProxy(sv.Money("16.93")), FakeKind("social")),
        "GM-EXPERT-HOURS": FakeMeasure(FakeProxy(sv.Money("101.00")), FakeKind("social")),
        "GM-JOBS-LOCAL": FakeMeasure(None, FakeKind("record-only")),
        "GM-ODD": FakeMeasure(FakeProxy(sv.Money("5")), FakeKind("record-only")),
    }

    def measure(self, code: str) -> FakeMeasure:
        return self.measures[code]


def offer_model() -> sv.EvaluationModel:
    return sv.EvaluationModel(
        "T-2",
        "Offer",
        (
            sv.Criterion("P", "Price", K.PRICE, D(30), sv.ScoreBasis.PRICE),
            sv.Criterion("Q", "Quality", K.QUALITY, D(60)),
            sv.Criterion("SV", "Offer", K.SOCIAL_VALUE, D(10), sv.ScoreBasis.OFFER),
        ),
    )


def test_quantitative_social_value_offer() -> None:
    def offer(supplier: str, *targets: tuple[str, int]) -> sv.Bid:
        commitments = tuple(sv.MeasureTarget(m, D(q)) for m, q in targets)
        return sv.Bid(supplier, sv.Money("100"), (sv.Mark("Q", D(50)),), commitments)

    bids = [
        offer("A", ("GM-VOLUNTEER-HOURS", 100), ("GM-JOBS-LOCAL", 50)),  # £1,693
        offer("B", ("GM-EXPERT-HOURS", 20), ("GM-ODD", 1000)),  # £2,020 (record-only adds 0)
        offer("C"),
    ]
    result = sv.evaluate(offer_model(), bids, catalogue=FakeCatalogue())
    a, b, c = (result.result_for(s) for s in "ABC")
    assert a.offer == sv.Money("1693.00")
    assert b.offer == sv.Money("2020.00")
    assert b.scores[2].score == D("10.00")
    # 1,693 ÷ 2,020 × 10 = 8.3811… → 8.38
    assert a.scores[2].score == D("8.38")
    assert a.scores[2].reason.startswith("this offer £1,693.00 ÷ best offer £2,020.00")
    assert c.scores[2].score == D("0.00")
    assert result.ranking[0].supplier_id == "B"
    assert result.kpis[0].value == sv.Money("2020.00")
    assert result.kpis[1].value == sv.Money("0")
    nobody = sv.evaluate(offer_model(), [offer("C"), offer("D")], catalogue=FakeCatalogue())
    assert "no compliant bid offers social value" in nobody.bids[0].scores[2].reason
    with pytest.raises(sv.RuleViolation) as info:
        sv.evaluate(offer_model(), bids)
    assert info.value.code == "evaluation.catalogue_missing"
    with pytest.raises(sv.InvalidDocument) as problems:
        sv.evaluate(offer_model(), [offer("X", ("NOPE", 1))], catalogue=FakeCatalogue())
    assert [(i.path, i.code) for i in problems.value.issues] == [
        ("$[0].commitments[0].measure", "evaluation.unknown_measure")
    ]
    assert sv.offer_value((), FakeCatalogue()) == sv.Money("0")
    FakeCatalogue.measures["EU-HOURS"] = FakeMeasure(
        FakeProxy(sv.Money("20", "EUR")), FakeKind("social")
    )
    try:
        euros = (sv.MeasureTarget("EU-HOURS", D(3)), sv.MeasureTarget("EU-HOURS", D(1)))
        assert sv.offer_value(euros, FakeCatalogue()) == sv.Money("80", "EUR")
    finally:
        del FakeCatalogue.measures["EU-HOURS"]


def test_bad_bids_are_reported_together() -> None:
    bids = [
        bid("100234", "400000", 75, 50, 50, 25),
        sv.Bid("100234", sv.Money("1", "EUR"), (sv.Mark("Q1", D(70)), sv.Mark("P", D(50)))),
    ]
    with pytest.raises(sv.InvalidDocument) as info:
        sv.evaluate(tender_model(), bids)
    found = [(i.path, i.code) for i in info.value.issues]
    assert found == [
        ("$[0].price.currency", "money.currency_mismatch"),
        ("$[1].marks", "evaluation.mark_missing"),
        ("$[1].marks", "evaluation.mark_missing"),
        ("$[1].marks", "evaluation.mark_missing"),
        ("$[1].marks[0].points", "evaluation.mark_not_on_scale"),
        ("$[1].marks[1].criterion", "evaluation.unknown_criterion"),
        ("$[1].price.currency", "money.currency_mismatch"),
        ("$[1].supplier_id", "list.duplicate"),
    ]
    assert "must be one of the points" in str(info.value)


def test_criterion_rules() -> None:
    cases = [
        ({"kind": K.PRICE}, "basis"),
        ({"kind": K.QUALITY, "basis": sv.ScoreBasis.PRICE}, "basis"),
        ({"kind": K.QUALITY, "basis": sv.ScoreBasis.OFFER}, "basis"),
        ({"kind": K.SOCIAL_VALUE, "basis": sv.ScoreBasis.OFFER, "pass_mark": D(50)}, "pass_mark"),
        ({"kind": K.QUALITY, "environmental": True}, "environmental"),
    ]
    for changes, field in cases:
        with pytest.raises(sv.RuleViolation) as info:
            sv.Criterion("C", "c", weight=D(10), **changes)  # type: ignore[arg-type]
        assert info.value.code == "evaluation.criterion_mismatch"
        assert info.value.field == (field,)


def test_model_rules() -> None:
    model = tender_model()
    price = model.criteria[0]
    with pytest.raises(sv.RuleViolation) as info:
        attrs.evolve(model, criteria=(attrs.evolve(price, id="P2", weight=D(0)), *model.criteria))
    assert info.value.code == "evaluation.criterion_mismatch"
    assert info.value.field == ("criteria", 1, "kind")
    with pytest.raises(sv.RuleViolation) as info:
        attrs.evolve(
            model,
            criteria=(
                *model.criteria[:2],
                attrs.evolve(model.criteria[2], pass_mark=D(101)),
                *model.criteria[3:],
            ),
        )
    assert info.value.code == "evaluation.pass_mark_out_of_range"
    assert info.value.field == ("criteria", 2, "pass_mark")
    with pytest.raises(sv.RuleViolation) as info:
        attrs.evolve(model, minimum_environmental_weight=D(15))
    assert info.value.code == "evaluation.environmental_below_floor"
    assert "10%" in info.value.message
    assert "15%" in info.value.message
    with pytest.raises(sv.RuleViolation, match="under the minimum social value weight of 25%"):
        attrs.evolve(model, minimum_social_value_weight=D(25))
    assert model.criterion("Q1").title == "Delivery method"
    with pytest.raises(KeyError):
        model.criterion("nope")
    assert model.environmental_weight == D(10)
    assert model.weight_of(K.QUALITY) == D(40)


def test_national_floor_is_the_default() -> None:
    assert D(10) == sv.NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT
    with pytest.raises(sv.RuleViolation) as info:
        sv.EvaluationModel(
            "T",
            "t",
            (
                sv.Criterion("P", "Price", K.PRICE, D(35), sv.ScoreBasis.PRICE),
                sv.Criterion("Q", "Quality", K.QUALITY, D(60)),
                sv.Criterion("SV", "Social value", K.SOCIAL_VALUE, D(5)),
            ),
        )
    assert info.value.code == "evaluation.social_value_below_floor"
    assert "carry 5% of the score, under the minimum social value weight of 10%" in str(info.value)


def test_common_scale() -> None:
    scale = sv.common_scale()
    assert [(b.points, b.label) for b in scale.bands] == [
        (D(0), "Fail"),
        (D(25), "Limited"),
        (D(50), "Satisfactory"),
        (D(75), "Good"),
        (D(100), "Exceeds"),
    ]
    assert D(50) in scale
    assert scale.source is not None
    assert scale.source.startswith("Common practice")
    assert D(60) not in scale
    with pytest.raises(sv.RuleViolation) as info:
        scale.band(D(60))
    assert info.value.code == "evaluation.mark_not_on_scale"
    with pytest.raises(sv.RuleViolation) as info:
        sv.ScoringScale("s", "S", (sv.ScaleBand(D(0), "A", "a"), sv.ScaleBand(D(0), "B", "b")))
    assert info.value.field == ("bands", 1, "points")


def test_the_bundled_catalogue_prices_commitments() -> None:
    catalogue = sv.default_catalogue()
    result = sv.evaluate(tender_model(), BIDS, catalogue=catalogue)
    winner = result.winner
    assert winner is not None
    # 200 volunteering hours × £16.93; local jobs are record-only and add nothing.
    assert winner.offer == sv.Money("3386.00")
    assert [(k.measure, k.value) for k in result.kpis] == [
        ("GM-VOLUNTEER-HOURS", sv.Money("3386.00")),
        ("GM-JOBS-LOCAL", sv.Money("0")),
    ]
    assert result.to_records()[0]["offer"] == D("3386.00")
    unknown = attrs.evolve(BIDS[0], commitments=(sv.MeasureTarget("NT1", D(1)),))
    with pytest.raises(sv.InvalidDocument) as info:
        sv.evaluate(tender_model(), [unknown], catalogue=catalogue)
    assert info.value.issues[0].code == "evaluation.unknown_measure"


def test_kpis_feed_the_reviews_delivery_comparison() -> None:
    from datetime import date

    result = sv.evaluate(tender_model(), BIDS)
    assert result.kpi_targets == COMMITMENTS
    year = sv.parse_financial_year("2026/27")
    submission = sv.ReviewSubmission(
        "GB-COH-01234567",
        ("T-2026-014",),
        year,
        sv.Money("500000"),
        (
            sv.ReportedLine("GM-VOLUNTEER-HOURS", D(150)),
            sv.ReportedLine("GM-JOBS-LOCAL", D(10)),
        ),
        sv.Declaration("A. Signer", "Director", date(2027, 4, 20)),
        commitments=result.kpi_targets,
    )
    delivery = {d.measure: d for d in sv.score(submission, sv.default_catalogue()).delivery}
    assert delivery["GM-VOLUNTEER-HOURS"].shortfall == D(50)
    assert not delivery["GM-VOLUNTEER-HOURS"].met
    assert delivery["GM-JOBS-LOCAL"].met
