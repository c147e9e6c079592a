"""Commissioning: services, and decisions to retain, redesign or decommission them.

"Commissioning targets early intervention and prevention, and decommissions
low-value or unaffordable services" (the source policy). :mod:`.services` describes
services and their outcomes; :mod:`.decisions` recommends what to do with each,
with HM Treasury Green Book optimism bias applied to costs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.commissioning.decisions import (
        DecisionRules,
        GradeReduction,
        OptimismBias,
        Portfolio,
        Recommendation,
        ServiceDecision,
        assess_service,
        default_optimism_bias,
        portfolio,
    )
    from socialvalue.commissioning.services import BenefitType, Service, ServiceOutcome

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.commissioning.services": (
            "BenefitType",
            "Service",
            "ServiceOutcome",
        ),
        "socialvalue.commissioning.decisions": (
            "DecisionRules",
            "GradeReduction",
            "OptimismBias",
            "Portfolio",
            "Recommendation",
            "ServiceDecision",
            "assess_service",
            "default_optimism_bias",
            "portfolio",
        ),
    },
)

__all__ = [
    "BenefitType",
    "DecisionRules",
    "GradeReduction",
    "OptimismBias",
    "Portfolio",
    "Recommendation",
    "Service",
    "ServiceDecision",
    "ServiceOutcome",
    "assess_service",
    "default_optimism_bias",
    "portfolio",
]
