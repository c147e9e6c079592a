"""Commissioning: services, and decisions to retain, redesign or decommission them.

"Commissioning targets early intervention and prevention, and decommissions
low-value or unaffordable services" (the source policy). :mod:`.services` describes
services and their outcomes; :mod:`.decisions` recommends what to do with each, by
the thresholds and optimism-bias table of :mod:`.decision_rules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.commissioning.decision_rules import (
        DecisionRules,
        GradeReduction,
        OptimismBias,
        default_optimism_bias,
    )
    from socialvalue.commissioning.decisions import (
        Portfolio,
        Recommendation,
        ServiceDecision,
        assess_service,
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
        "socialvalue.commissioning.decision_rules": (
            "DecisionRules",
            "GradeReduction",
            "OptimismBias",
            "default_optimism_bias",
        ),
        "socialvalue.commissioning.decisions": (
            "Portfolio",
            "Recommendation",
            "ServiceDecision",
            "assess_service",
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
