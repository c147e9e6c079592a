"""socialvalue: a UK public body's social value policy as typed, checkable objects.

Under the Public Services (Social Value) Act 2012 a commissioner buys goods and
services so that they also build resilient communities, reduce demand for public
services, lower environmental impact and grow social capital. This package models
that policy: suppliers and spend, the threshold rule that asks for a Social Value
Charter or a Social Value Review, the Charter's commitments, the Review's measures
and their scoring, and bid evaluation, with JSON Schemas for every document.

``import socialvalue as sv`` is all a user needs; names not exported here are
private and may change.
"""

from __future__ import annotations

from socialvalue.documents import (
    SCHEMA_KINDS,
    ValidationReport,
    dump,
    load,
    schema,
    schema_registry,
    validate,
)
from socialvalue.errors import ERROR_CODES, InvalidDocument, Issue, RuleViolation, SocialValueError
from socialvalue.money import Money, Rounding
from socialvalue.periods import Period, financial_year, parse_financial_year
from socialvalue.targets import MeasureTarget

# isort: split
# suppliers, contracts, spend and the threshold rule
from socialvalue.assessment import (
    Assessment,
    AssessmentResult,
    LocalSpend,
    assess,
    local_spend_share,
    new_suppliers,
)
from socialvalue.policies import default_policy
from socialvalue.spend import (
    Contract,
    ContractCategory,
    LettingRoute,
    SpendBatch,
    SpendLine,
    VatBasis,
)
from socialvalue.suppliers import (
    GREATER_MANCHESTER,
    Borough,
    GoodEmploymentTier,
    Identifier,
    LocalArea,
    Location,
    OrganisationType,
    Supplier,
)
from socialvalue.thresholds import (
    Basis,
    BoundaryChoice,
    Obligation,
    Policy,
    PolicyOwner,
    ThresholdRule,
)

# priority frameworks, the Charter and compliance
# isort: split
from socialvalue import frameworks
from socialvalue.charter import (
    CharterCommitment,
    CharterSignup,
    CharterStatus,
    charter_status,
    check_signup,
)
from socialvalue.compliance import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    Gap,
    compliance,
)
from socialvalue.coverage import PriorityCoverage, priority_coverage
from socialvalue.frameworks import (
    Crosswalk,
    CrosswalkLink,
    Framework,
    Priority,
    Theme,
    UnknownCrosswalk,
    UnknownFramework,
    UnknownPriority,
)

# review measures, catalogues and scoring
# isort: split
from socialvalue.catalogues import default_catalogue
from socialvalue.discounting import GREEN_BOOK_2022, DiscountBand, DiscountSchedule
from socialvalue.lm3 import LocalMultiplier, lm3
from socialvalue.measures import (
    Adjustments,
    MeasureCatalogue,
    MeasureKind,
    ProxyValue,
    ReviewMeasure,
    Unit,
    UnknownMeasure,
)
from socialvalue.scoring import (
    Delivery,
    MeasureCount,
    ScoredLine,
    ScoreReport,
    ScoringMethod,
    SocialValueRatio,
    ValueBasis,
    ValueTotals,
    check_review_document,
    check_submission,
    score,
)
from socialvalue.submissions import Declaration, ReportedLine, ReviewSubmission

# bid evaluation and commissioning decisions
# isort: split
from socialvalue.bids import Bid, Mark, ProxyCatalogue, offer_value
from socialvalue.commissioning import (
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
from socialvalue.criteria import (
    MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT,
    MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT,
    NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT,
    Criterion,
    CriterionKind,
    EvaluationModel,
    ScoreBasis,
    TieBreak,
)
from socialvalue.evaluation import (
    BidResult,
    ContractKpi,
    CriterionScore,
    EvaluationResult,
    evaluate,
)
from socialvalue.pricing import PriceMethod, price_fraction
from socialvalue.scales import ScaleBand, ScoringScale, common_scale
from socialvalue.services import BenefitType, Service, ServiceOutcome

# council spend files (transparency data)
# isort: split
from socialvalue.transparency import (
    TRANSPARENCY_CODE,
    Columns,
    DateFormat,
    SpendFileError,
    SpendFileReader,
    SpendFileSummary,
    check_vat_basis,
    with_names,
)

# the regional report
# isort: split
from socialvalue.example_year import ExampleYear, example_year
from socialvalue.report import (
    CaveatKind,
    PublishedReport,
    RegionalReport,
    ReportCaveat,
    ReportChange,
    ReportFigure,
    ReportSection,
    regional_report,
)

__all__ = [
    # suppliers, contracts, spend and the threshold rule
    "GREATER_MANCHESTER",
    "Assessment",
    "AssessmentResult",
    "Basis",
    "Borough",
    "BoundaryChoice",
    "Contract",
    "ContractCategory",
    "GoodEmploymentTier",
    "Identifier",
    "LettingRoute",
    "LocalArea",
    "LocalSpend",
    "Location",
    "Obligation",
    "OrganisationType",
    "Policy",
    "PolicyOwner",
    "SpendBatch",
    "SpendLine",
    "Supplier",
    "ThresholdRule",
    "VatBasis",
    "assess",
    "default_policy",
    "local_spend_share",
    "new_suppliers",
    # review measures, catalogues and scoring
    "Adjustments",
    "LocalMultiplier",
    "lm3",
    "Declaration",
    "Delivery",
    "DiscountBand",
    "DiscountSchedule",
    "GREEN_BOOK_2022",
    "MeasureCatalogue",
    "MeasureCount",
    "MeasureKind",
    "ProxyValue",
    "ReportedLine",
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
    "check_review_document",
    "check_submission",
    "default_catalogue",
    "score",
    # priority frameworks, the Charter and compliance
    "CharterCommitment",
    "CharterSignup",
    "CharterStatus",
    "Crosswalk",
    "CrosswalkLink",
    "Framework",
    "Priority",
    "Theme",
    "UnknownCrosswalk",
    "UnknownFramework",
    "UnknownPriority",
    "charter_status",
    "check_signup",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "Gap",
    "PriorityCoverage",
    "compliance",
    "priority_coverage",
    "frameworks",
    # bid evaluation and commissioning decisions
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
    "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
    "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Criterion",
    "CriterionKind",
    "EvaluationModel",
    "ScoreBasis",
    "TieBreak",
    "BidResult",
    "ContractKpi",
    "CriterionScore",
    "EvaluationResult",
    "evaluate",
    "PriceMethod",
    "price_fraction",
    "ScaleBand",
    "ScoringScale",
    "common_scale",
    "Bid",
    "Mark",
    "ProxyCatalogue",
    "offer_value",
    # the regional report
    "CaveatKind",
    "ExampleYear",
    "ReportCaveat",
    "ReportChange",
    "ReportFigure",
    "PublishedReport",
    "RegionalReport",
    "ReportSection",
    "example_year",
    "regional_report",
    # council spend files (transparency data)
    "TRANSPARENCY_CODE",
    "Columns",
    "DateFormat",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "check_vat_basis",
    "with_names",
    # foundation
    "ERROR_CODES",
    "SCHEMA_KINDS",
    "InvalidDocument",
    "Issue",
    "MeasureTarget",
    "Money",
    "Period",
    "Rounding",
    "RuleViolation",
    "SocialValueError",
    "ValidationReport",
    "dump",
    "financial_year",
    "load",
    "parse_financial_year",
    "schema",
    "schema_registry",
    "validate",
]

__version__ = "0.1.0.dev0"
