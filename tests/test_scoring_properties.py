"""Properties of scoring and LM3, each stated as the issue states it."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue.review.completeness import _judged_and_scored
from tests import strategies
from tests.scoring_fixtures import D, catalogue, proxy, submission

CATALOGUE = catalogue()
lines = st.lists(strategies.reported_lines(CATALOGUE), max_size=25)
methods = st.builds(
    sv.ScoringMethod,
    adjustments=st.one_of(st.none(), strategies.adjustments()),
    exclude_non_local=st.booleans(),
)

FIGURES = ("gross", "net", "undiscounted", "present_value")


def _one_measure_catalogue(amount: Decimal, adjustments: sv.Adjustments) -> sv.MeasureCatalogue:
    measure = sv.ReviewMeasure(
        "M", "m", sv.Unit.HOURS, sv.MeasureKind.SOCIAL, ["p"], proxy("1"), adjustments
    )
    return sv.MeasureCatalogue(
        "c",
        "1",
        "f",
        [attrs.evolve(measure, proxy=attrs.evolve(measure.proxy, value=sv.Money(amount)))],
    )


def _value(amount: Decimal, quantity: Decimal, adjustments: sv.Adjustments) -> sv.ScoreReport:
    sub = submission([sv.ReportedLine("M", quantity)])
    return sv.score(sub, _one_measure_catalogue(amount, adjustments))


@given(
    strategies.proxy_amounts, strategies.quantities, st.integers(0, 1000), strategies.adjustments()
)
def test_score_is_linear_in_quantity(
    amount: Decimal, quantity: Decimal, factor: int, adjustments: sv.Adjustments
) -> None:
    """Score(k × q) = k × score(q), exactly, for every figure."""
    once = _value(amount, quantity, adjustments)
    scaled = _value(amount, quantity * factor, adjustments)
    for figure in FIGURES:
        assert getattr(scaled, figure) == getattr(once, figure) * factor


@given(lines, methods)
def test_splitting_lines_does_not_change_the_total(
    reported: list[sv.ReportedLine], method: sv.ScoringMethod
) -> None:
    """Additivity: a line reported as two halves scores the same as the whole."""
    whole = [
        line
        for line in reported
        if not CATALOGUE.measure(line.measure).unit.whole
        and line.quantity.as_tuple().exponent >= -5  # type: ignore[operator]
    ]
    halves = [attrs.evolve(line, quantity=line.quantity / 2) for line in whole for _ in range(2)]
    assert (
        sv.score(submission(halves), CATALOGUE, method).totals
        == sv.score(submission(whole), CATALOGUE, method).totals
    )


@given(
    strategies.proxy_amounts,
    strategies.proxy_amounts,
    strategies.quantities,
    strategies.adjustments(),
)
def test_score_is_monotone_in_proxy(
    first: Decimal, second: Decimal, quantity: Decimal, adjustments: sv.Adjustments
) -> None:
    low, high = sorted((first, second))
    lower = _value(low, quantity, adjustments)
    higher = _value(high, quantity, adjustments)
    for figure in FIGURES:
        assert getattr(lower, figure) <= getattr(higher, figure)


@given(
    strategies.proxy_amounts,
    strategies.quantities,
    strategies.adjustments(),
    st.sampled_from(["deadweight", "displacement", "attribution", "leakage", "drop_off"]),
    strategies.fractions,
)
def test_adjustments_never_increase_value(
    amount: Decimal, quantity: Decimal, adjustments: sv.Adjustments, name: str, more: Decimal
) -> None:
    """Net ≤ gross; and raising any adjustment never raises any figure."""
    report = _value(amount, quantity, adjustments)
    assert report.net <= report.gross
    raised = attrs.evolve(adjustments, **{name: max(getattr(adjustments, name), more)})
    after = _value(amount, quantity, raised)
    for figure in FIGURES:
        assert getattr(after, figure) <= getattr(report, figure)


@given(strategies.proxy_amounts, strategies.quantities, strategies.adjustments())
def test_present_value_never_exceeds_undiscounted_value(
    amount: Decimal, quantity: Decimal, adjustments: sv.Adjustments
) -> None:
    report = _value(amount, quantity, adjustments)
    assert report.present_value <= report.undiscounted
    assert report.undiscounted <= report.net * adjustments.duration_years
    if adjustments.duration_years == 1:
        assert report.present_value == report.net == report.undiscounted


@given(lines, methods)
def test_totals_are_the_exact_sums_of_lines_and_breakdowns(
    reported: list[sv.ReportedLine], method: sv.ScoringMethod
) -> None:
    report = sv.score(submission(reported), CATALOGUE, method)
    for figure in FIGURES:
        total = getattr(report, figure)
        from_lines = sum(
            (getattr(line, figure) for line in report.lines if getattr(line, figure) is not None),
            sv.Money.zero(),
        )
        assert from_lines == total
        assert (
            sum((getattr(t, figure) for t in report.by_priority.values()), sv.Money.zero()) == total
        )
        assert sum((getattr(t, figure) for t in report.by_kind.values()), sv.Money.zero()) == total
    assert report.present_value <= report.undiscounted


@given(lines, methods, st.randoms(use_true_random=False))
def test_order_of_lines_does_not_matter(
    reported: list[sv.ReportedLine], method: sv.ScoringMethod, random: object
) -> None:
    shuffled = list(reported)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    commitments = (sv.MeasureTarget("VOL-HOURS", D("100")),)
    one = sv.score(submission(reported, commitments=commitments), CATALOGUE, method)
    other = sv.score(submission(shuffled, commitments=commitments), CATALOGUE, method)
    assert one.totals == other.totals
    assert one.by_priority == other.by_priority
    assert one.by_kind == other.by_kind
    assert one.counts == other.counts
    assert one.excluded == other.excluded
    assert one.delivery == other.delivery
    assert one.ratio == other.ratio


@given(strategies.money_pence, st.data())
def test_lm3_stays_within_one_and_three(income: sv.Money, data: st.DataObject) -> None:
    r1 = abs(income) + sv.Money("0.01")
    r2 = sv.Money(data.draw(st.decimals(min_value=0, max_value=r1.amount, places=2)))
    r3 = sv.Money(data.draw(st.decimals(min_value=0, max_value=r2.amount, places=2)))
    assert 1 <= sv.lm3(r1, r2, r3).multiplier <= 3


@given(strategies.proxy_amounts, strategies.quantities, strategies.adjustments())
def test_present_value_matches_exact_rational_arithmetic(
    amount: Decimal, quantity: Decimal, adjustments: sv.Adjustments
) -> None:
    """The Green Book sum, done with exact fractions, agrees to within 10**-24 per pound."""
    report = _value(amount, quantity, adjustments)
    net = Fraction(quantity) * Fraction(amount)
    for fraction in (
        adjustments.deadweight,
        adjustments.displacement,
        adjustments.attribution,
        adjustments.leakage,
    ):
        net *= 1 - Fraction(fraction)
    remain = 1 - Fraction(adjustments.drop_off)
    exact = sum(
        net * remain**year / Fraction(1035, 1000) ** year
        for year in range(adjustments.duration_years)
    )
    gap = exact - Fraction(report.present_value.amount)
    gross = Fraction(report.gross.amount)
    assert -Fraction(1, 10**40) <= gap <= gross * Fraction(1, 10**24) + Fraction(1, 10**40)


@given(lines, st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["X-1", "NOPE"])), max_size=5))
def test_every_unknown_code_is_reported_at_its_path(
    reported: list[sv.ReportedLine], unknown: list[tuple[int, str]]
) -> None:
    """Problems are collected, not stopped at: one issue per bad line, each at its index."""
    mixed = list(reported)
    for position, code in unknown:
        mixed.insert(min(position, len(mixed)), sv.ReportedLine(code, D("1")))
    expected = [
        f"$.lines[{index}].measure"
        for index, line in enumerate(mixed)
        if line.measure not in CATALOGUE
    ]
    issues = sv.check_submission(submission(mixed), CATALOGUE)
    assert [issue.path for issue in issues] == expected
    assert all(issue.code == "score.unknown_measure" for issue in issues)


def _checked(value: object) -> object:
    """``value`` rebuilt through its class's checking ``__init__`` (Money by its gate)."""
    if isinstance(value, sv.Money):
        return sv.Money(value.amount, value.currency)
    if isinstance(value, dict):
        return {key: _checked(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_checked(item) for item in value)
    kind: Any = type(value)
    if attrs.has(kind):
        fields = {f.name: _checked(getattr(value, f.name)) for f in attrs.fields(kind)}
        return kind(**fields)
    return value


@given(lines, methods)
def test_trusted_results_equal_the_checking_constructors(
    reported: list[sv.ReportedLine], method: sv.ScoringMethod
) -> None:
    """Figures built without re-checking equal, field for field, those built with the checks.

    Totals, breakdowns, counts and delivery skip the checking constructors (their
    values are exact results of library arithmetic): rebuilding each through
    ``__init__`` and Money's gate gives an equal object of the same repr, and the
    breakdowns still sum exactly to the totals.
    """
    sub = attrs.evolve(
        submission(reported),
        commitments=(sv.MeasureTarget(CATALOGUE.measures[0].code, Decimal(3)),),
    )
    report = sv.score(sub, CATALOGUE, method)
    for name in ("totals", "by_priority", "by_kind", "counts", "excluded", "delivery", "ratio"):
        value = getattr(report, name)
        rebuilt = _checked(value)
        assert rebuilt == value
        assert repr(rebuilt) == repr(value)
    for figure in FIGURES:
        total = getattr(report, figure)
        assert sum((getattr(t, figure) for t in report.by_priority.values()), total * 0) == total
        assert sum((getattr(t, figure) for t in report.by_kind.values()), total * 0) == total


def test_a_total_beyond_money_leaves_the_other_totals_readable() -> None:
    """Each total is checked on its own when one of them is beyond Money's bounds."""
    lasting = sv.Adjustments(duration_years=3)
    report = _value(Decimal(1), Decimal("500000000000000"), lasting)
    assert report.gross == sv.Money("500000000000000")
    assert report.net == report.gross
    with pytest.raises(sv.RuleViolation, match="integer digits"):
        _ = report.undiscounted
    with pytest.raises(sv.RuleViolation, match="integer digits"):
        _ = report.by_priority


PARTIAL = sv.MeasureCatalogue("partial", "1", CATALOGUE.framework_id, list(CATALOGUE.measures[1:]))


@given(lines, methods, st.booleans(), st.booleans())
def test_judging_and_scoring_at_once_is_check_complete_then_score(
    reported: list[sv.ReportedLine], method: sv.ScoringMethod, partial: bool, short: bool
) -> None:
    """The regional report's one pass agrees with check_complete() followed by score()."""
    sub = submission(reported)
    catalogue = PARTIAL if partial else CATALOGUE
    period = sv.parse_financial_year("2024/25") if short else sub.period
    expected = sv.check_complete(sub, period, catalogue)
    refused: tuple[sv.Issue, ...] | None = None
    try:
        problems, report = _judged_and_scored(sub, period, catalogue, method)
    except sv.InvalidDocument as exc:
        refused = exc.issues
    if refused is not None:
        assert not expected
        with pytest.raises(sv.InvalidDocument) as again:
            sv.score(sub, catalogue, method)
        assert again.value.issues == refused
        return
    assert problems == expected
    if problems:
        assert report is None
        return
    assert report is not None
    scored = sv.score(sub, catalogue, method)
    assert report == scored
    assert report.breakdown_records() == scored.breakdown_records()
    assert report.to_records() == scored.to_records()
