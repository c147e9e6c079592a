"""Laws of bid evaluation and commissioning decisions, stated as properties.

Each test quotes the rule of issue 8 it checks.
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from tests.strategies import tenders, weights

CATALOGUE = sv.default_catalogue()


def evaluate(model: sv.EvaluationModel, bids: list[sv.Bid]) -> sv.EvaluationResult:
    return sv.evaluate(model, bids, catalogue=CATALOGUE)


def standing(result: sv.EvaluationResult, supplier_id: str) -> tuple[bool, Decimal, int]:
    """(still in, total, -rank): larger is better."""
    bid = result.result_for(supplier_id)
    if bid.rank is None:
        return (False, Decimal(0), 0)
    assert bid.total is not None
    return (True, bid.total, -bid.rank)


@given(tenders(), st.data())
def test_raising_a_mark_never_lowers_total_or_rank(
    tender: tuple[sv.EvaluationModel, list[sv.Bid]], data: st.DataObject
) -> None:
    """Raising a bid's mark on any criterion never lowers its total or rank."""
    model, bids = tender
    index = data.draw(st.integers(0, len(bids) - 1))
    bid = bids[index]
    number = data.draw(st.integers(0, len(bid.marks) - 1))
    mark = bid.marks[number]
    higher = data.draw(st.sampled_from([b.points for b in model.scale.bands]))
    if higher < mark.points:
        return
    raised = attrs.evolve(
        bid,
        marks=(*bid.marks[:number], attrs.evolve(mark, points=higher), *bid.marks[number + 1 :]),
    )
    before = evaluate(model, bids)
    after = evaluate(model, [*bids[:index], raised, *bids[index + 1 :]])
    old, new = standing(before, bid.supplier_id), standing(after, bid.supplier_id)
    if old[0]:
        assert new[0], "raising a mark cannot fail a pass mark"
        assert new[1] >= old[1]
        assert new[2] >= old[2]


def replaced(bids: list[sv.Bid], index: int, bid: sv.Bid) -> list[sv.Bid]:
    return [*bids[:index], bid, *bids[index + 1 :]]


def never_worse(before: sv.EvaluationResult, after: sv.EvaluationResult, supplier: str) -> None:
    old, new = standing(before, supplier), standing(after, supplier)
    assert old[0] == new[0]
    assert new[1] >= old[1]
    assert new[2] >= old[2]


@given(tenders(), st.data())
def test_lowering_a_price_never_lowers_total_or_rank(
    tender: tuple[sv.EvaluationModel, list[sv.Bid]], data: st.DataObject
) -> None:
    """A cheaper bid (all else equal) never scores or ranks lower, whichever price method."""
    model, bids = tender
    index = data.draw(st.integers(0, len(bids) - 1))
    bid = bids[index]
    cut = data.draw(st.sampled_from(["0.5", "0.8", "0.99", "1"]))
    cheaper = attrs.evolve(bid, price=bid.price * Decimal(cut))
    never_worse(
        evaluate(model, bids), evaluate(model, replaced(bids, index, cheaper)), bid.supplier_id
    )


@given(tenders(), st.data())
def test_committing_more_never_lowers_total_or_rank(
    tender: tuple[sv.EvaluationModel, list[sv.Bid]], data: st.DataObject
) -> None:
    """More of a commitment (all else equal) never scores or ranks lower."""
    model, bids = tender
    index = data.draw(st.integers(0, len(bids) - 1))
    bid = bids[index]
    code = data.draw(st.sampled_from(["GM-VOLUNTEER-HOURS", "GM-EXPERT-HOURS", "GM-JOBS-LOCAL"]))
    extra = Decimal(data.draw(st.sampled_from([1, 25, 500])))
    kept = [t for t in bid.commitments if t.measure != code]
    current = next((t.quantity for t in bid.commitments if t.measure == code), Decimal(0))
    more = attrs.evolve(bid, commitments=(*kept, sv.MeasureTarget(code, current + extra)))
    never_worse(
        evaluate(model, bids), evaluate(model, replaced(bids, index, more)), bid.supplier_id
    )


@given(tenders(), st.randoms(use_true_random=False))
def test_scores_are_invariant_to_bid_order(
    tender: tuple[sv.EvaluationModel, list[sv.Bid]], rnd: random.Random
) -> None:
    """Scores, ranks and the explanation do not depend on the order of the bids."""
    model, bids = tender
    shuffled = list(bids)
    rnd.shuffle(shuffled)
    assert evaluate(model, shuffled) == evaluate(model, bids)


@given(tenders())
def test_ranking_is_a_total_order(tender: tuple[sv.EvaluationModel, list[sv.Bid]]) -> None:
    """Ranks are 1..n with no repeats; totals never rise down the ranking; every bid is
    either ranked or excluded with a reason; totals are sums of the published scores."""
    model, bids = tender
    result = evaluate(model, bids)
    ranking = result.ranking
    assert [r.rank for r in ranking] == list(range(1, len(ranking) + 1))
    totals = [r.total for r in ranking]
    assert all(a is not None and b is not None and a >= b for a, b in itertools.pairwise(totals))
    assert len(result.bids) == len(bids)
    for r in result.bids:
        assert (r.rank is None) == bool(r.exclusions)
        if r.total is not None:
            assert r.total == sum(s.score for s in r.scores)
            assert Decimal(0) <= r.total <= Decimal(100)
    for above, below in itertools.pairwise(ranking):
        if above.total == below.total:
            assert above.tie_note is not None
            assert above.tie_note == below.tie_note
    winner = result.winner
    assert (winner is None) == (not ranking)


@given(st.integers(1, 8).flatmap(lambda n: st.lists(st.integers(0, 60), min_size=n, max_size=n)))
def test_weights_must_add_up_to_exactly_100(shares: list[int]) -> None:
    """Weights sum to exactly 100%; any other total is refused, naming the total."""
    criteria = [
        sv.Criterion(f"SV{n}", f"Social value {n}", sv.CriterionKind.SOCIAL_VALUE, Decimal(w))
        for n, w in enumerate(shares)
    ]
    if sum(shares) == 100:
        assert sv.EvaluationModel("T", "t", criteria).social_value_weight == 100
    else:
        with pytest.raises(sv.RuleViolation) as info:
            sv.EvaluationModel("T", "t", criteria)
        assert info.value.code == "evaluation.weights_not_100"
        assert f"= {sum(shares)}%" in info.value.message


@given(weights(3), st.integers(0, 100))
def test_social_value_floor(shares: list[Decimal], floor: int) -> None:
    """A model under its minimum social value weight is refused, naming both numbers."""
    price, quality, social = shares
    criteria = [
        sv.Criterion("P", "Price", sv.CriterionKind.PRICE, price, sv.ScoreBasis.PRICE),
        sv.Criterion("Q", "Quality", sv.CriterionKind.QUALITY, quality),
        sv.Criterion("SV", "Social value", sv.CriterionKind.SOCIAL_VALUE, social),
    ]
    if social >= floor:
        sv.EvaluationModel("T", "t", criteria, minimum_social_value_weight=Decimal(floor))
    else:
        with pytest.raises(sv.RuleViolation) as info:
            sv.EvaluationModel("T", "t", criteria, minimum_social_value_weight=Decimal(floor))
        assert info.value.code == "evaluation.social_value_below_floor"
        assert f"{social}%" in info.value.message
        assert f"{floor}%" in info.value.message


@given(st.lists(st.integers(0, 120), min_size=2, max_size=8))
def test_scales_must_ascend(points: list[int]) -> None:
    """A scale's bands must be in strictly ascending order of points, the top above 0."""
    bands = [sv.ScaleBand(Decimal(p), f"Band {n}", "d") for n, p in enumerate(points)]
    ascending = all(a < b for a, b in itertools.pairwise(points))
    if ascending and points[-1] > 0:
        scale = sv.ScoringScale("s", "Scale", bands)
        assert scale.fraction(Decimal(points[-1])) == 1
    else:
        with pytest.raises(sv.RuleViolation) as info:
            sv.ScoringScale("s", "Scale", bands)
        assert info.value.code == "evaluation.scale_not_ascending"


def _service(cost: int, budget: int, quantity: Decimal, prevention: bool) -> sv.Service:
    outcome = sv.ServiceOutcome(
        "Outcome", sv.BenefitType.FISCAL, quantity, sv.Money("1000"), 1, "test"
    )
    return sv.Service("S", "Service", sv.Money(cost), sv.Money(budget), prevention, (outcome,))


ORDER = {r: n for n, r in enumerate(sv.Recommendation)}


@st.composite
def decision_rules(draw: st.DrawFn) -> sv.DecisionRules:
    """Any valid rules: ratios in order, a prevention factor and tolerance in (0, 1]."""
    ratios = sorted(draw(st.lists(st.decimals("0.01", "3", places=2), min_size=2, max_size=2)))
    return sv.DecisionRules(
        retain_ratio=ratios[1],
        decommission_ratio=ratios[0],
        prevention_factor=draw(st.decimals("0.1", "1", places=2)),
        budget_tolerance=draw(st.decimals("0", "0.2", places=2)),
        places=draw(st.integers(0, 4)),
    )


@given(
    st.integers(1, 500_000),
    st.integers(0, 500_000),
    st.decimals(0, 1000, places=2),
    st.decimals(0, 1000, places=2),
    st.booleans(),
    st.none() | decision_rules(),
)
def test_decisions_are_monotone_in_value(
    cost: int,
    budget: int,
    low: Decimal,
    high: Decimal,
    prevention: bool,
    rules: sv.DecisionRules | None,
) -> None:
    """Higher value for the same cost never moves a service towards decommissioning,
    whatever the (valid) rules."""
    low, high = sorted((low, high))
    worse = sv.assess_service(_service(cost, budget, low, prevention), rules)
    better = sv.assess_service(_service(cost, budget, high, prevention), rules)
    assert better.value_for_money >= worse.value_for_money
    assert ORDER[better.recommendation] <= ORDER[worse.recommendation]


@st.composite
def services(draw: st.DrawFn) -> list[sv.Service]:
    """One to eight services with distinct ids and one fiscal outcome each."""
    count = draw(st.integers(1, 8))
    return [
        attrs.evolve(
            _service(
                draw(st.integers(1, 200_000)),
                draw(st.integers(0, 200_000)),
                draw(st.decimals(0, 300, places=1)),
                draw(st.booleans()),
            ),
            id=f"S{n}",
        )
        for n in range(count)
    ]


@given(services(), st.randoms(use_true_random=False))
def test_portfolio_order_is_total_and_independent_of_input_order(
    listed: list[sv.Service], rnd: random.Random
) -> None:
    """The board's ranking does not depend on the order services are listed in, and
    runs retain → redesign → decommission, best headroom first within each."""
    board = sv.portfolio(listed)
    shuffled = list(listed)
    rnd.shuffle(shuffled)
    assert sv.portfolio(shuffled) == board
    keys = [(ORDER[d.recommendation], -d.headroom, d.service.id) for d in board.decisions]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
