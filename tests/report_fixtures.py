"""A small year that the regional report tests (and the tutorial) can check by hand,
and a Hypothesis strategy for whole years of suppliers, spend, Charters and Reviews.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from hypothesis import strategies as st

import socialvalue as sv
from tests import scoring_fixtures

D = Decimal
YEAR = sv.parse_financial_year("2025/26")
DECLARED = sv.Declaration("A. Smith", "Director", date(2026, 4, 20))


def hand_year() -> dict[str, object]:
    """Three suppliers: a Bolton SME with a Review, a Leeds firm without, a Salford VCSE.

    By hand: spend £60,000 + £120,000 + £20,000 = £200,000, of which £80,000 (40%)
    with Greater Manchester suppliers. The one Review: 100 volunteering hours ×
    £16.93 = £1,693.00 and 10 expert hours × £101.00 = £1,010.00, so £2,703.00
    (no adjustments, one year: gross = net = present value); £2,703 ÷ £60,000 =
    £0.04505 per £1 of covered spend. Plus 2 FTE local jobs, recorded without a value.
    """
    suppliers = [
        sv.Supplier(
            "S1", "Bolton Bakes", sv.OrganisationType.SMALL, sv.Location(sv.Borough.BOLTON)
        ),
        sv.Supplier(
            "S2", "Leeds Logistics", sv.OrganisationType.LARGE, sv.Location(None, "LS1 1AA")
        ),
        sv.Supplier(
            "S3", "Salford Youth", sv.OrganisationType.VCSE, sv.Location(sv.Borough.SALFORD)
        ),
    ]
    spend = [
        sv.SpendLine("S1", sv.Money("25000"), date(2025, 5, 1), sv.VatBasis.NET),
        sv.SpendLine("S1", sv.Money("35000"), date(2025, 11, 3), sv.VatBasis.NET),
        sv.SpendLine("S2", sv.Money("120000"), date(2025, 6, 1), sv.VatBasis.NET),
        sv.SpendLine("S3", sv.Money("20000"), date(2025, 7, 1), sv.VatBasis.NET),
    ]
    review = sv.ReviewSubmission(
        "S1",
        ("C-1",),
        YEAR,
        sv.Money("60000"),
        [
            sv.ReportedLine("GM-VOLUNTEER-HOURS", D(100)),
            sv.ReportedLine("GM-EXPERT-HOURS", D(10)),
            sv.ReportedLine("GM-JOBS-LOCAL", D(2)),
        ],
        DECLARED,
    )
    charter = sv.CharterSignup(
        "S3",
        "J. Jones",
        "Chair",
        date(2025, 6, 1),
        "2017",
        "gm-policing-sv",
        "2017",
        [sv.CharterCommitment("social-capital", "Open our hall to neighbourhood groups.")],
    )
    policy = sv.default_policy()
    return {
        "policy": policy,
        "period": YEAR,
        "assessments": sv.assess(policy, spend, YEAR, suppliers=suppliers),
        "signups": [charter],
        "submissions": [review],
        "catalogue": sv.default_catalogue(),
        "suppliers": suppliers,
    }


# -- whole years, generated -----------------------------------------------------------

_IDS = [f"S{n:03d}" for n in range(12)]
_CATALOGUE = scoring_fixtures.catalogue()
#: The same measures, but one priority served by measures of both kinds.
_MIXED = attrs.evolve(
    _CATALOGUE,
    id="mixed-kinds",
    measures=[
        attrs.evolve(m, priorities=("resilient-communities",)) if m.code == "EXPERT-HOURS" else m
        for m in _CATALOGUE.measures
    ],
)
_QUANTITIES = {
    sv.Unit.FTE: st.decimals(min_value=0, max_value=50, places=1),
    sv.Unit.HOURS: st.decimals(min_value=0, max_value=2000, places=2),
    sv.Unit.COUNT: st.integers(0, 40).map(Decimal),
    sv.Unit.PERCENT: st.integers(0, 100).map(Decimal),
}


@st.composite
def suppliers(draw: st.DrawFn, supplier_id: str) -> sv.Supplier:
    borough = draw(st.none() | st.sampled_from(sv.Borough))
    return sv.Supplier(
        supplier_id, f"Supplier {supplier_id}", draw(st.sampled_from(sv.OrganisationType)),
        sv.Location(borough),
    )  # fmt: skip


@st.composite
def reviews(draw: st.DrawFn, supplier_id: str) -> sv.ReviewSubmission:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        measure = draw(st.sampled_from(_CATALOGUE.measures))
        quantity = draw(_QUANTITIES[measure.unit])
        local = draw(st.sampled_from([None, None, True, False]))
        lines.append(sv.ReportedLine(measure.code, quantity, local=local))
    spend = draw(st.decimals(min_value=0, max_value=500_000, places=2))
    signed = draw(st.dates(date(2026, 4, 1), date(2026, 6, 30)))
    return sv.ReviewSubmission(
        supplier_id, (), YEAR, sv.Money(spend), lines, sv.Declaration("A", "B", signed)
    )


@st.composite
def years(draw: st.DrawFn) -> dict[str, object]:
    """A year: up to 12 suppliers with spend, some Reviews, some Charters."""
    ids = draw(st.lists(st.sampled_from(_IDS), min_size=1, max_size=12, unique=True))
    listed = [draw(suppliers(i)) for i in ids if draw(st.booleans()) or i != ids[-1]]
    spend = [
        sv.SpendLine(
            i,
            sv.Money(draw(st.decimals(min_value=0, max_value=150_000, places=2))),
            draw(st.dates(YEAR.start, YEAR.end)),
            sv.VatBasis.NET,
        )
        for i in ids
        for _ in range(draw(st.integers(1, 2)))
    ]
    reviewed = [i for i in ids if draw(st.booleans())]
    submissions = [draw(reviews(i)) for i in reviewed]
    framework = sv.frameworks.get("gm-policing-sv")
    signups = [
        sv.CharterSignup(
            i, "Signatory", "Owner", draw(st.dates(date(2025, 1, 1), YEAR.end)), "2017",
            framework.id, framework.version,
            [sv.CharterCommitment(code, f"Pledge for {code}.")
             for code in draw(st.lists(st.sampled_from(framework.codes), min_size=1,
                                       max_size=3))],
        )
        for i in ids
        if draw(st.booleans())
    ]  # fmt: skip
    policy = sv.default_policy()
    return {
        "policy": policy,
        "period": YEAR,
        "assessments": list(sv.assess(policy, spend, YEAR, suppliers=listed)),
        "signups": signups,
        "submissions": submissions,
        "catalogue": draw(st.sampled_from([_CATALOGUE, _MIXED])),
        "suppliers": listed,
    }
