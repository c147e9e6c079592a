"""Tenders: evaluation models, bids and their evaluation, social value included.

"Bids from suppliers old and new show how they deliver the priorities" (the source
policy); PPN 06/20 (Cabinet Office, 2020) asks for a social value weight of at least
10%, and Manchester City Council weights social value at 20% and environment at 10%.
:mod:`.criteria` holds evaluation models; :mod:`.scales` scoring scales;
:mod:`.pricing` price scoring methods; :mod:`.bids` the bids; :mod:`.evaluation`
the evaluation itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.tender.bids import Bid, Mark, ProxyCatalogue, offer_value
    from socialvalue.tender.criteria import (
        MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT,
        MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT,
        NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT,
        Criterion,
        CriterionKind,
        EvaluationModel,
        ScoreBasis,
        TieBreak,
    )
    from socialvalue.tender.evaluation import (
        BidResult,
        ContractKpi,
        CriterionScore,
        EvaluationResult,
        evaluate,
    )
    from socialvalue.tender.pricing import PriceMethod, price_fraction
    from socialvalue.tender.scales import ScaleBand, ScoringScale, common_scale

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.tender.criteria": (
            "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
            "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
            "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
            "Criterion",
            "CriterionKind",
            "EvaluationModel",
            "ScoreBasis",
            "TieBreak",
        ),
        "socialvalue.tender.scales": (
            "ScaleBand",
            "ScoringScale",
            "common_scale",
        ),
        "socialvalue.tender.pricing": (
            "PriceMethod",
            "price_fraction",
        ),
        "socialvalue.tender.bids": (
            "Bid",
            "Mark",
            "ProxyCatalogue",
            "offer_value",
        ),
        "socialvalue.tender.evaluation": (
            "BidResult",
            "ContractKpi",
            "CriterionScore",
            "EvaluationResult",
            "evaluate",
        ),
    },
)

__all__ = [
    "Bid",
    "BidResult",
    "ContractKpi",
    "Criterion",
    "CriterionKind",
    "CriterionScore",
    "EvaluationModel",
    "EvaluationResult",
    "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
    "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Mark",
    "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "PriceMethod",
    "ProxyCatalogue",
    "ScaleBand",
    "ScoreBasis",
    "ScoringScale",
    "TieBreak",
    "common_scale",
    "evaluate",
    "offer_value",
    "price_fraction",
]
