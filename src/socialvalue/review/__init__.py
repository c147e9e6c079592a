"""The Social Value Review: measures, catalogues, submissions and their scoring.

A supplier with spend of £50k or more "completes a Social Value Review that
measures its social contribution to the Greater Manchester region" (the source
policy). A Review reports quantities of catalogue measures (:mod:`.measures`,
:mod:`.submissions`); scoring values them with proxy values, SROI adjustments and
Green Book discounting (:mod:`.scoring`, :mod:`.method`, :mod:`.score_report`,
:mod:`.score_figures`, :mod:`.discounting`; SROI guide, Cabinet Office 2012; HM
Treasury Green Book 2022).
:mod:`.local_multiplier` is the LM3 local multiplier (New Economics Foundation),
fed from the Reviews' local re-spend by :mod:`.local_respend`;
:mod:`.gm_catalogue` the built-in catalogue, each proxy citing its source and base
year. Measure targets (:mod:`.targets`) are shared with the Charter and tenders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.review.completeness import check_complete
    from socialvalue.review.discounting import GREEN_BOOK_2022, DiscountBand, DiscountSchedule
    from socialvalue.review.gm_catalogue import GM_RESPEND_MEASURES, default_catalogue
    from socialvalue.review.local_multiplier import LocalMultiplier, lm3
    from socialvalue.review.local_respend import LocalRespend, RespendMeasures, respend_of
    from socialvalue.review.measures import (
        Adjustments,
        MeasureCatalogue,
        MeasureKind,
        ProxyValue,
        ReviewMeasure,
        Unit,
        UnknownMeasure,
    )
    from socialvalue.review.method import ScoringMethod, ValueBasis
    from socialvalue.review.score_figures import (
        Delivery,
        MeasureCount,
        SocialValueRatio,
        ValueTotals,
    )
    from socialvalue.review.score_report import ScoreReport
    from socialvalue.review.scored_lines import ScoredLine
    from socialvalue.review.scoring import check_submission, score
    from socialvalue.review.submissions import Declaration, ReportedLine, ReviewSubmission
    from socialvalue.review.targets import MeasureTarget

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.review.targets": ("MeasureTarget",),
        "socialvalue.review.measures": (
            "Adjustments",
            "MeasureCatalogue",
            "MeasureKind",
            "ProxyValue",
            "ReviewMeasure",
            "Unit",
            "UnknownMeasure",
        ),
        "socialvalue.review.submissions": (
            "Declaration",
            "ReportedLine",
            "ReviewSubmission",
        ),
        "socialvalue.review.method": (
            "ScoringMethod",
            "ValueBasis",
        ),
        "socialvalue.review.score_figures": (
            "Delivery",
            "MeasureCount",
            "SocialValueRatio",
            "ValueTotals",
        ),
        "socialvalue.review.score_report": ("ScoreReport",),
        "socialvalue.review.scored_lines": ("ScoredLine",),
        "socialvalue.review.completeness": ("check_complete",),
        "socialvalue.review.scoring": (
            "check_submission",
            "score",
        ),
        "socialvalue.review.discounting": (
            "GREEN_BOOK_2022",
            "DiscountBand",
            "DiscountSchedule",
        ),
        "socialvalue.review.local_multiplier": (
            "LocalMultiplier",
            "lm3",
        ),
        "socialvalue.review.gm_catalogue": ("GM_RESPEND_MEASURES", "default_catalogue"),
        "socialvalue.review.local_respend": ("LocalRespend", "RespendMeasures", "respend_of"),
    },
)

__all__ = [
    "Adjustments",
    "Declaration",
    "Delivery",
    "DiscountBand",
    "DiscountSchedule",
    "GM_RESPEND_MEASURES",
    "GREEN_BOOK_2022",
    "LocalMultiplier",
    "LocalRespend",
    "MeasureCatalogue",
    "MeasureCount",
    "MeasureKind",
    "MeasureTarget",
    "ProxyValue",
    "ReportedLine",
    "RespendMeasures",
    "ReviewMeasure",
    "ReviewSubmission",
    "ScoreReport",
    "ScoredLine",
    "ScoringMethod",
    "SocialValueRatio",
    "Unit",
    "UnknownMeasure",
    "ValueBasis",
    "ValueTotals",
    "check_complete",
    "check_submission",
    "default_catalogue",
    "lm3",
    "respend_of",
    "score",
]
