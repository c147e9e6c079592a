"""Shared Hypothesis strategies for the domain's values."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

import socialvalue as sv
from socialvalue import CharterCommitment, CharterSignup, Framework, Money, Period, Priority
from socialvalue.policy.provenance import PolicyOwner
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import BoundaryChoice, Obligation, ThresholdRule
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.payments import SpendLine

#: Amounts as documents carry them: up to 15 integer digits and 6 places.
amounts = st.decimals(
    min_value=Decimal("-999999999999999.999999"),
    max_value=Decimal("999999999999999.999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)
#: Amounts a council pays: pence, up to a billion pounds either way.
pence = st.decimals(min_value=Decimal("-1000000000"), max_value=Decimal("1000000000"), places=2)
#: Amounts small enough that sums of a few stay within Money's 15-digit bound.
summable = st.decimals(
    min_value=Decimal("-999999999999.999999"),
    max_value=Decimal("999999999999.999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)
money = st.builds(Money, summable)
any_money = st.builds(Money, amounts)
money_pence = st.builds(Money, pence)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any period between 1990 and 2100, from one day to twenty years long."""
    start = draw(dates)
    return Period(start, start + timedelta(days=draw(st.integers(0, 7300))))


# priority frameworks, the Charter and compliance
codes = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)
short_text = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ,.']{0,38}[A-Za-z0-9.]", fullmatch=True)


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    """A user-defined framework of one to eight priorities with distinct codes."""
    priority_codes = draw(st.lists(codes, min_size=1, max_size=8, unique=True))
    return Framework(
        id=draw(codes),
        title=draw(short_text),
        version=draw(codes),
        source=draw(short_text),
        published=draw(dates),
        priorities=tuple(
            Priority(code, draw(short_text), draw(short_text)) for code in priority_codes
        ),
    )


@st.composite
def signups(draw: st.DrawFn, framework: Framework, signed_on: date | None = None) -> CharterSignup:
    """A signup that the Charter's rules accept against ``framework`` on its signing day."""
    chosen = draw(st.lists(st.sampled_from(framework.codes), min_size=1, max_size=6))
    commitments = tuple(
        CharterCommitment(code, f"Pledge {index} under {code}.")
        for index, code in enumerate(chosen)
    )
    return CharterSignup(
        supplier_id=draw(codes),
        signatory=draw(short_text),
        role=draw(short_text),
        signed_on=signed_on if signed_on is not None else draw(dates),
        policy_version=draw(codes),
        framework_id=framework.id,
        framework_version=framework.version,
        commitments=commitments,
        valid_months=draw(st.integers(1, 60)),
    )


# -- suppliers, spend and the threshold rule ---------------------------------------

#: Supplier ids as councils publish them.
supplier_ids = st.sampled_from(["100234", "100235", "GB-COH-01234567", "S-9", "ACME"])
#: Days in the 2025/26 financial year.
days_2025 = st.dates(min_value=date(2025, 4, 1), max_value=date(2026, 3, 31))


@st.composite
def spend_lines(draw: st.DrawFn, days: st.SearchStrategy[date] = days_2025) -> SpendLine:
    """A net GBP payment (or credit note) to one of a few suppliers."""
    return SpendLine(draw(supplier_ids), draw(money_pence), draw(days), VatBasis.NET)


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A valid policy: 1 to 4 bands at rising bounds, obligations never lighter upwards."""
    cuts = sorted(draw(st.sets(pence, min_size=0, max_size=3)))
    obligations = sorted(
        draw(st.lists(st.sampled_from(Obligation), min_size=len(cuts) + 1, max_size=len(cuts) + 1)),
        key=lambda o: o.rank,
    )
    # At each cut: (upper of the band below inclusive, lower of the band above inclusive).
    sides = [draw(st.sampled_from([(True, False), (False, True), (True, True)])) for _ in cuts]
    rules = []
    for index, obligation in enumerate(obligations):
        lower = Money(cuts[index - 1]) if index else None
        upper = Money(cuts[index]) if index < len(cuts) else None
        rules.append(
            ThresholdRule(
                obligation,
                lower,
                upper,
                lower_inclusive=sides[index - 1][1] if index else True,
                upper_inclusive=sides[index][0] if index < len(cuts) else True,
            )
        )
    return Policy(
        id="generated",
        title="A generated policy",
        version="1",
        owner=PolicyOwner("Test owner", "Owner of a generated policy", date(2020, 1, 1)),
        effective=date(2020, 1, 1),
        source="Generated by tests/strategies.py",
        rules=tuple(rules),
        boundary=draw(st.sampled_from(BoundaryChoice)),
    )


# bid evaluation and commissioning decisions -------------------------------------------

#: Measures of the bundled catalogue: two with a proxy value, one record-only.
PRICED_MEASURES = ("GM-VOLUNTEER-HOURS", "GM-EXPERT-HOURS", "GM-JOBS-LOCAL")
#: Points of the common 0/25/50/75/100 scale.
scale_points = st.sampled_from([Decimal(p) for p in (0, 25, 50, 75, 100)])


@st.composite
def weights(draw: st.DrawFn, count: int) -> list[Decimal]:
    """``count`` whole-number weights, each 0 or more, adding up to exactly 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    edges = [0, *cuts, 100]
    return [Decimal(b - a) for a, b in itertools.pairwise(edges)]


@st.composite
def evaluation_models(draw: st.DrawFn) -> sv.EvaluationModel:
    """A model with a price criterion, 1–3 quality and 1–2 social value criteria."""
    quality = draw(st.integers(1, 3))
    social = draw(st.integers(1, 2))
    shares = draw(weights(1 + quality + social))
    pass_marks = st.none() | scale_points
    criteria = [sv.Criterion("P", "Price", sv.CriterionKind.PRICE, shares[0], sv.ScoreBasis.PRICE)]
    for n in range(quality):
        criteria.append(
            sv.Criterion(
                f"Q{n}",
                f"Quality {n}",
                sv.CriterionKind.QUALITY,
                shares[1 + n],
                pass_mark=draw(pass_marks),
            )
        )
    # The first social value criterion may score the £ offered instead of marks.
    offer = draw(st.booleans())
    for n in range(social):
        basis = sv.ScoreBasis.OFFER if offer and n == 0 else sv.ScoreBasis.MARKS
        criteria.append(
            sv.Criterion(
                f"SV{n}",
                f"Social value {n}",
                sv.CriterionKind.SOCIAL_VALUE,
                shares[1 + quality + n],
                basis,
                pass_mark=None if basis is sv.ScoreBasis.OFFER else draw(pass_marks),
            )
        )
    sv_weight = sum(shares[1 + quality :], Decimal(0))
    tie_breaks = draw(st.permutations(list(sv.TieBreak)))[: draw(st.integers(0, 3))]
    linear = draw(st.booleans())
    return sv.EvaluationModel(
        "T-1",
        "Generated tender",
        criteria,
        sv.common_scale(),
        price_method=sv.PriceMethod.BUDGET_LINEAR if linear else sv.PriceMethod.LOWEST_PRICE,
        budget=Money(draw(st.sampled_from(["50000", "150000", "400000"]))) if linear else None,
        minimum_social_value_weight=min(sv_weight, Decimal(10)),
        tie_breaks=tie_breaks,
    )


@st.composite
def tenders(draw: st.DrawFn) -> tuple[sv.EvaluationModel, list[sv.Bid]]:
    """A model and 1–6 bids marked on every marked criterion, with commitments from the
    bundled catalogue; few distinct prices, marks and quantities, so that ties are common."""
    model = draw(evaluation_models())
    ids = draw(
        st.lists(st.from_regex(r"[0-9]{3}", fullmatch=True), min_size=1, max_size=6, unique=True)
    )
    # Few distinct prices and marks, so that ties happen often.
    prices = st.sampled_from(["80000", "100000", "125000", "160000", "200000"])
    bids = [
        sv.Bid(
            supplier_id,
            Money(draw(prices)),
            tuple(
                sv.Mark(c.id, draw(scale_points))
                for c in model.criteria
                if c.basis is sv.ScoreBasis.MARKS
            ),
            tuple(
                sv.MeasureTarget(code, Decimal(draw(st.sampled_from([0, 10, 40, 100]))))
                for code in sorted(draw(st.sets(st.sampled_from(PRICED_MEASURES))))
            ),
        )
        for supplier_id in ids
    ]
    return model, bids


# -- review measures, catalogues and scoring ---------------------------------------

#: Fractions as documents carry them: 0 to 1 with at most 6 places.
fractions = st.decimals(min_value=Decimal(0), max_value=Decimal(1), places=6)


@st.composite
def adjustments(draw: st.DrawFn) -> sv.Adjustments:
    """Any SROI adjustments, lasting 1 to 12 years."""
    return sv.Adjustments(
        draw(fractions),
        draw(fractions),
        draw(fractions),
        draw(fractions),
        draw(fractions),
        draw(st.integers(1, 12)),
    )


#: Proxy amounts: pence to £100,000 per unit, up to 6 places.
proxy_amounts = st.decimals(min_value=Decimal(0), max_value=Decimal(100_000), places=6)
#: Quantities: up to a million units, up to 3 places.
quantities = st.decimals(min_value=Decimal(0), max_value=Decimal(1_000_000), places=3)


@st.composite
def reported_lines(draw: st.DrawFn, catalogue: sv.MeasureCatalogue) -> sv.ReportedLine:
    """A line of one of ``catalogue``'s measures, with a quantity that suits its unit."""
    measure = draw(st.sampled_from(catalogue.measures))
    if measure.unit is sv.Unit.PERCENT:
        quantity = draw(st.decimals(min_value=0, max_value=100, places=1))
    elif measure.unit.whole:
        quantity = Decimal(draw(st.integers(0, 10_000)))
    else:
        quantity = draw(quantities)
    return sv.ReportedLine(measure.code, quantity, local=draw(st.sampled_from([None, True, False])))
