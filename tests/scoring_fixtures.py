"""Shared objects for the scoring tests: a small catalogue with adjustments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import socialvalue as sv

D = Decimal
YEAR = sv.Period(date(2025, 4, 1), date(2026, 3, 31))
DECLARATION = sv.Declaration("A. Smith", "Managing Director", date(2026, 4, 20))


def proxy(amount: str) -> sv.ProxyValue:
    return sv.ProxyValue(sv.Money(amount), "Test proxy table", "test edition", 2025)


def catalogue() -> sv.MeasureCatalogue:
    """Three valued measures with adjustments, plus two record-only ones."""
    return sv.MeasureCatalogue(
        "test-catalogue",
        "1",
        "gm-policing-sv",
        [
            sv.ReviewMeasure(
                "LOCAL-JOBS",
                "Local people employed (FTE)",
                sv.Unit.FTE,
                sv.MeasureKind.LOCAL_ECONOMIC,
                ["resilient-communities", "reduced-demand"],
                proxy("30000.00"),
                sv.Adjustments(deadweight=D("0.2"), displacement=D("0.1")),
            ),
            sv.ReviewMeasure(
                "VOL-HOURS",
                "Volunteering hours",
                sv.Unit.HOURS,
                sv.MeasureKind.SOCIAL,
                ["social-capital"],
                proxy("16.93"),
                sv.Adjustments(
                    attribution=D("0.25"), leakage=D("0.1"), drop_off=D("0.25"), duration_years=3
                ),
            ),
            sv.ReviewMeasure(
                "EXPERT-HOURS",
                "Expert hours for VCSEs",
                sv.Unit.HOURS,
                sv.MeasureKind.SOCIAL,
                ["social-capital", "early-intervention"],
                proxy("101.00"),
                sv.Adjustments(deadweight=D("0.1"), drop_off=D("0.5"), duration_years=3),
            ),
            sv.ReviewMeasure(
                "SCHOOL-VISITS",
                "School visits",
                sv.Unit.COUNT,
                sv.MeasureKind.RECORD_ONLY,
                ["early-intervention"],
            ),
            sv.ReviewMeasure(
                "LIVING-WAGE",
                "Staff on the real Living Wage",
                sv.Unit.PERCENT,
                sv.MeasureKind.RECORD_ONLY,
                ["resilient-communities"],
            ),
        ],
    )


def submission(
    lines: list[sv.ReportedLine],
    *,
    spend: str = "500000.00",
    commitments: tuple[sv.MeasureTarget, ...] = (),
) -> sv.ReviewSubmission:
    return sv.ReviewSubmission(
        "GB-COH-01234567",
        ("C-2025-001",),
        YEAR,
        sv.Money(spend),
        lines,
        DECLARATION,
        commitments,
    )


def three_lines() -> sv.ReviewSubmission:
    return submission(
        [
            sv.ReportedLine("LOCAL-JOBS", D("12"), evidence="payroll-2025", local=True),
            sv.ReportedLine("VOL-HOURS", D("250"), unit=sv.Unit.HOURS),
            sv.ReportedLine("EXPERT-HOURS", D("40")),
        ],
        commitments=(
            sv.MeasureTarget("LOCAL-JOBS", D("15")),
            sv.MeasureTarget("VOL-HOURS", D("200")),
        ),
    )
