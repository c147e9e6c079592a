"""Compliance: a council's whole supplier base checked in well under a second."""

from __future__ import annotations

import timeit
from datetime import date, timedelta

import socialvalue as sv

SUPPLIERS = 2_000
#: Target: 10,000 suppliers (a large police force's supplier base) in under 1 s.
TARGET_PER_SUPPLIER = 1.0 / 10_000


def _inputs() -> tuple[
    sv.AssessmentResult, list[sv.CharterSignup], list[sv.ReviewSubmission], sv.Period
]:
    year = sv.parse_financial_year("2025/26")
    ids = [f"{100000 + i}" for i in range(SUPPLIERS)]
    lines = [
        sv.SpendLine(s, sv.Money(1_000 + (i * 37) % 120_000), year.start, sv.VatBasis.NET)
        for i, s in enumerate(ids)
    ]
    gm = sv.frameworks.get("gm-sv-framework-2020")
    commitment = sv.CharterCommitment("local-community", "Volunteer locally.")
    signups = [
        sv.CharterSignup(
            s,
            "A. Signer",
            "Director",
            year.start + timedelta(days=i % 400),
            "2025",
            gm.id,
            gm.version,
            (commitment,),
        )
        for i, s in enumerate(ids)
        if i % 3
    ]
    declaration = sv.Declaration("B. Declarer", "Director", date(2026, 4, 20))
    reviews = [
        sv.ReviewSubmission(s, (), year, sv.Money("100000"), (), declaration)
        for i, s in enumerate(ids)
        if i % 4 == 0
    ]
    return sv.assess(sv.default_policy(), lines, year), signups, reviews, year


def run() -> str:
    """Time compliance() beside the floor: grouping the signups by supplier in a bare loop."""
    assessments, signups, reviews, _ = _inputs()
    policy = sv.default_policy()
    as_of = date(2026, 4, 30)

    def check() -> None:
        sv.compliance(policy, assessments, signups, reviews, as_of)

    def floor() -> None:
        latest: dict[str, sv.CharterSignup] = {}
        for signup in signups:
            if (
                signup.supplier_id not in latest
                or signup.signed_on > latest[signup.supplier_id].signed_on
            ):
                latest[signup.supplier_id] = signup

    seconds = min(timeit.repeat(check, number=1, repeat=3))
    bare = min(timeit.repeat(floor, number=1, repeat=3))
    per = seconds / SUPPLIERS
    verdict = "meets" if per < TARGET_PER_SUPPLIER else "MISSES"
    return "\n".join(
        [
            "## Compliance",
            "",
            f"`compliance()` over {SUPPLIERS:,} assessed suppliers, {len(signups):,} Charter"
            f" signups and {len(reviews):,} Reviews.",
            "",
            "| measure | figure |",
            "|---|---|",
            f"| whole report | {seconds * 1e3:.1f} ms |",
            f"| per supplier | {per * 1e6:.1f} µs |",
            f"| floor: group signups by supplier (bare loop) | {bare * 1e3:.2f} ms |",
            f"| target: 10,000 suppliers in < 1 s (< 100 µs each) | {verdict} |",
        ]
    )
