"""socialvalue: a UK public body's social value policy as typed, checkable objects.

Under the Public Services (Social Value) Act 2012 a commissioner buys goods and
services so that they also build resilient communities, reduce demand for public
services, lower environmental impact and grow social capital. This package models
that policy: suppliers and spend, the threshold rule that asks for a Social Value
Charter or a Social Value Review, the Charter's commitments, the Review's measures
and their scoring, and bid evaluation, with JSON Schemas for every document.

``import socialvalue as sv`` is all a user needs; names not exported here are
private and may change.

Importing the package imports none of its areas: each name is loaded the first
time it is used (PEP 562), so ``import socialvalue`` is cheap and a program pays
only for the areas it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

# Seen by type checkers and the documentation; at run time each name is loaded on
# first use through the table below (a test keeps the two in agreement).
if TYPE_CHECKING:
    from socialvalue import frameworks
    from socialvalue.charter.compliance_report import (
        ComplianceReport,
        ComplianceRow,
        ComplianceStatus,
        Gap,
    )
    from socialvalue.charter.compliance_rules import compliance
    from socialvalue.charter.coverage import PriorityCoverage, priority_coverage
    from socialvalue.charter.signups import (
        CharterCommitment,
        CharterSignup,
        CharterStatus,
        charter_status,
        check_signup,
    )
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
    from socialvalue.documents.loading import ValidationReport, dump, load, validate
    from socialvalue.documents.registry import SCHEMA_KINDS, schema, schema_registry
    from socialvalue.documents.review_check import check_review_document
    from socialvalue.errors import (
        ERROR_CODES,
        InvalidDocument,
        Issue,
        RuleViolation,
        SocialValueError,
    )
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
    from socialvalue.money import Money, Rounding
    from socialvalue.periods import Period, financial_year, parse_financial_year
    from socialvalue.policy.gm_policing import default_policy
    from socialvalue.policy.provenance import PolicyOwner, PolicyProvenance
    from socialvalue.policy.social_value_policy import Policy
    from socialvalue.policy.thresholds import Basis, BoundaryChoice, Obligation, ThresholdRule
    from socialvalue.policy.vat import VatBasis
    from socialvalue.report.breakdowns import Breakdown, BreakdownRow, ReportCut
    from socialvalue.report.charts import ChartsUnavailable
    from socialvalue.report.contract_kpis import (
        KpiDelivery,
        KpiDeliveryReport,
        KpiStatus,
        kpi_delivery,
    )
    from socialvalue.report.figures import (
        CaveatKind,
        ReportCaveat,
        ReportChange,
        ReportFigure,
        ReportSection,
    )
    from socialvalue.report.model import PublishedReport, RegionalReport
    from socialvalue.report.page import report_page
    from socialvalue.report.regional import regional_report
    from socialvalue.report.worked_example import ExampleYear, example_year
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
    from socialvalue.spend.amounts import (
        AmountFormat,
        parse_amount,
    )
    from socialvalue.spend.assessment import Assessment, AssessmentResult, with_spellings
    from socialvalue.spend.assessment_rules import assess, new_suppliers
    from socialvalue.spend.contracts import Contract, ContractCategory, LettingRoute
    from socialvalue.spend.gm_layouts import (
        LAYOUTS,
        MANCHESTER_LAYOUT,
        SALFORD_LAYOUT,
        TRANSPARENCY_CODE_LAYOUT,
    )
    from socialvalue.spend.layouts import (
        DateFormat,
        Encoding,
        Layout,
        Recognition,
        recognise_layout,
    )
    from socialvalue.spend.local_spend import LocalSpend, local_spend_share
    from socialvalue.spend.names import (
        NameRules,
        SupplierKey,
    )
    from socialvalue.spend.ocds import OcdsParseOptions, ocds_parse_options, read_ocds
    from socialvalue.spend.ocds_matching import (
        MatchBasis,
        MatchSide,
        SupplierMatch,
        SupplierMatching,
        UnmatchedSupplier,
        match_suppliers,
    )
    from socialvalue.spend.ocds_reading import (
        JointAwards,
        OcdsContract,
        OcdsProblem,
        OcdsProcess,
        OcdsReading,
        OcdsSupplier,
    )
    from socialvalue.spend.payees import (
        PAYEE_RULES,
        PayeeRule,
        PayeeRules,
    )
    from socialvalue.spend.payments import SpendBatch, SpendLine
    from socialvalue.spend.reading import SpendFile
    from socialvalue.spend.reconciliation import (
        ApartPayee,
        Reconciliation,
        Tally,
    )
    from socialvalue.spend.rows import (
        BadRow,
        Record,
        SpendFileError,
        check_fields,
        csv_records,
        numbered,
    )

    # spend: suppliers, payments, contracts, assessment, published files
    from socialvalue.spend.suppliers import (
        GREATER_MANCHESTER,
        Borough,
        GoodEmploymentTier,
        Identifier,
        LocalArea,
        Locality,
        Location,
        OrganisationType,
        Supplier,
    )
    from socialvalue.spend.transparency import (
        TRANSPARENCY_CODE,
        Columns,
        SpendFileReader,
        SpendFileSummary,
        check_vat_basis,
        with_names,
    )
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
        "socialvalue.report.contract_kpis": (
            "KpiDelivery",
            "KpiDeliveryReport",
            "KpiStatus",
            "kpi_delivery",
        ),
        "socialvalue.spend.ocds_matching": (
            "MatchBasis",
            "MatchSide",
            "SupplierMatch",
            "SupplierMatching",
            "UnmatchedSupplier",
            "match_suppliers",
        ),
        # the core values: money, periods, errors
        "socialvalue.errors": (
            "ERROR_CODES",
            "InvalidDocument",
            "Issue",
            "RuleViolation",
            "SocialValueError",
        ),
        "socialvalue.money": (
            "Money",
            "Rounding",
        ),
        "socialvalue.periods": (
            "Period",
            "financial_year",
            "parse_financial_year",
        ),
        # documents: validate, load, dump and the JSON Schemas
        "socialvalue.documents.loading": (
            "ValidationReport",
            "dump",
            "load",
            "validate",
        ),
        "socialvalue.documents.registry": (
            "SCHEMA_KINDS",
            "schema",
            "schema_registry",
        ),
        "socialvalue.documents.review_check": ("check_review_document",),
        # policy: the threshold rule
        "socialvalue.policy.thresholds": (
            "Basis",
            "BoundaryChoice",
            "Obligation",
            "ThresholdRule",
        ),
        "socialvalue.policy.social_value_policy": ("Policy",),
        "socialvalue.policy.provenance": (
            "PolicyOwner",
            "PolicyProvenance",
        ),
        "socialvalue.policy.vat": ("VatBasis",),
        "socialvalue.policy.gm_policing": ("default_policy",),
        # priority frameworks and crosswalks
        "socialvalue.frameworks": (
            "Crosswalk",
            "CrosswalkLink",
            "Framework",
            "Priority",
            "Theme",
            "UnknownCrosswalk",
            "UnknownFramework",
            "UnknownPriority",
            "frameworks",
        ),
        # spend: suppliers, payments, contracts, assessment, published files
        "socialvalue.spend.suppliers": (
            "GREATER_MANCHESTER",
            "Borough",
            "GoodEmploymentTier",
            "Identifier",
            "LocalArea",
            "Locality",
            "Location",
            "OrganisationType",
            "Supplier",
        ),
        "socialvalue.spend.payments": (
            "SpendBatch",
            "SpendLine",
        ),
        "socialvalue.spend.contracts": (
            "Contract",
            "ContractCategory",
            "LettingRoute",
        ),
        "socialvalue.spend.assessment": ("Assessment", "AssessmentResult", "with_spellings"),
        "socialvalue.spend.assessment_rules": ("assess", "new_suppliers"),
        "socialvalue.spend.local_spend": ("LocalSpend", "local_spend_share"),
        "socialvalue.spend.ocds": (
            "OcdsParseOptions",
            "ocds_parse_options",
            "read_ocds",
        ),
        "socialvalue.spend.ocds_reading": (
            "JointAwards",
            "OcdsContract",
            "OcdsProblem",
            "OcdsProcess",
            "OcdsReading",
            "OcdsSupplier",
        ),
        "socialvalue.spend.transparency": (
            "TRANSPARENCY_CODE",
            "Columns",
            "SpendFileReader",
            "SpendFileSummary",
            "check_vat_basis",
            "with_names",
        ),
        "socialvalue.spend.rows": (
            "BadRow",
            "Record",
            "SpendFileError",
            "check_fields",
            "csv_records",
            "numbered",
        ),
        "socialvalue.spend.amounts": (
            "AmountFormat",
            "parse_amount",
        ),
        "socialvalue.spend.layouts": (
            "DateFormat",
            "Encoding",
            "Layout",
            "Recognition",
            "recognise_layout",
        ),
        "socialvalue.spend.gm_layouts": (
            "LAYOUTS",
            "MANCHESTER_LAYOUT",
            "SALFORD_LAYOUT",
            "TRANSPARENCY_CODE_LAYOUT",
        ),
        "socialvalue.spend.names": (
            "NameRules",
            "SupplierKey",
        ),
        "socialvalue.spend.payees": (
            "PAYEE_RULES",
            "PayeeRule",
            "PayeeRules",
        ),
        "socialvalue.spend.reconciliation": (
            "ApartPayee",
            "Reconciliation",
            "Tally",
        ),
        "socialvalue.spend.reading": ("SpendFile",),
        # the Review: measures, catalogues, submissions and scoring
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
        # the Charter and compliance
        "socialvalue.charter.signups": (
            "CharterCommitment",
            "CharterSignup",
            "CharterStatus",
            "charter_status",
            "check_signup",
        ),
        "socialvalue.charter.coverage": (
            "PriorityCoverage",
            "priority_coverage",
        ),
        "socialvalue.charter.compliance_report": (
            "ComplianceReport",
            "ComplianceRow",
            "ComplianceStatus",
            "Gap",
        ),
        "socialvalue.charter.compliance_rules": ("compliance",),
        # tenders: evaluation models, bids and evaluation
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
        # commissioning: services and decisions
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
        # the regional report
        "socialvalue.report.breakdowns": ("Breakdown", "BreakdownRow", "ReportCut"),
        "socialvalue.report.figures": (
            "CaveatKind",
            "ReportCaveat",
            "ReportChange",
            "ReportFigure",
            "ReportSection",
        ),
        "socialvalue.report.model": (
            "PublishedReport",
            "RegionalReport",
        ),
        "socialvalue.report.charts": ("ChartsUnavailable",),
        "socialvalue.report.page": ("report_page",),
        "socialvalue.report.regional": ("regional_report",),
        "socialvalue.report.worked_example": (
            "ExampleYear",
            "example_year",
        ),
    },
)

__all__ = [
    "KpiDelivery",
    "KpiDeliveryReport",
    "KpiStatus",
    "kpi_delivery",
    "MatchBasis",
    "MatchSide",
    "SupplierMatch",
    "SupplierMatching",
    "UnmatchedSupplier",
    "match_suppliers",
    # the core values: money, periods, errors
    "ERROR_CODES",
    "InvalidDocument",
    "Issue",
    "RuleViolation",
    "SocialValueError",
    "Money",
    "Rounding",
    "Period",
    "financial_year",
    "parse_financial_year",
    # documents: validate, load, dump and the JSON Schemas
    "ValidationReport",
    "dump",
    "load",
    "validate",
    "SCHEMA_KINDS",
    "schema",
    "schema_registry",
    "check_review_document",
    # policy: the threshold rule
    "Basis",
    "BoundaryChoice",
    "Obligation",
    "Policy",
    "PolicyOwner",
    "PolicyProvenance",
    "ThresholdRule",
    "VatBasis",
    "default_policy",
    # priority frameworks and crosswalks
    "Crosswalk",
    "CrosswalkLink",
    "Framework",
    "Priority",
    "Theme",
    "UnknownCrosswalk",
    "UnknownFramework",
    "UnknownPriority",
    "frameworks",
    # spend: suppliers, payments, contracts, assessment, published files
    "GREATER_MANCHESTER",
    "Borough",
    "GoodEmploymentTier",
    "Identifier",
    "LocalArea",
    "Locality",
    "Location",
    "OrganisationType",
    "Supplier",
    "SpendBatch",
    "SpendLine",
    "Contract",
    "ContractCategory",
    "LettingRoute",
    "Assessment",
    "AssessmentResult",
    "LocalSpend",
    "assess",
    "local_spend_share",
    "new_suppliers",
    "with_spellings",
    "TRANSPARENCY_CODE",
    "Columns",
    "DateFormat",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "check_vat_basis",
    "with_names",
    "OcdsParseOptions",
    "ocds_parse_options",
    "read_ocds",
    "JointAwards",
    "OcdsContract",
    "OcdsProblem",
    "OcdsProcess",
    "OcdsReading",
    "OcdsSupplier",
    "BadRow",
    "Record",
    "check_fields",
    "csv_records",
    "numbered",
    "AmountFormat",
    "parse_amount",
    "Encoding",
    "Layout",
    "Recognition",
    "recognise_layout",
    "LAYOUTS",
    "MANCHESTER_LAYOUT",
    "SALFORD_LAYOUT",
    "TRANSPARENCY_CODE_LAYOUT",
    "NameRules",
    "SupplierKey",
    "PAYEE_RULES",
    "PayeeRule",
    "PayeeRules",
    "ApartPayee",
    "Reconciliation",
    "Tally",
    "SpendFile",
    # the Review: measures, catalogues, submissions and scoring
    "MeasureTarget",
    "Adjustments",
    "MeasureCatalogue",
    "MeasureKind",
    "ProxyValue",
    "ReviewMeasure",
    "Unit",
    "UnknownMeasure",
    "Declaration",
    "ReportedLine",
    "ReviewSubmission",
    "ScoringMethod",
    "ValueBasis",
    "Delivery",
    "MeasureCount",
    "ScoreReport",
    "ScoredLine",
    "SocialValueRatio",
    "ValueTotals",
    "check_complete",
    "check_submission",
    "score",
    "GREEN_BOOK_2022",
    "DiscountBand",
    "DiscountSchedule",
    "LocalMultiplier",
    "lm3",
    "GM_RESPEND_MEASURES",
    "LocalRespend",
    "RespendMeasures",
    "respend_of",
    "default_catalogue",
    # the Charter and compliance
    "CharterCommitment",
    "CharterSignup",
    "CharterStatus",
    "charter_status",
    "check_signup",
    "PriorityCoverage",
    "priority_coverage",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "Gap",
    "compliance",
    # tenders: evaluation models, bids and evaluation
    "MANCHESTER_MINIMUM_ENVIRONMENTAL_WEIGHT",
    "MANCHESTER_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "NATIONAL_MINIMUM_SOCIAL_VALUE_WEIGHT",
    "Criterion",
    "CriterionKind",
    "EvaluationModel",
    "ScoreBasis",
    "TieBreak",
    "ScaleBand",
    "ScoringScale",
    "common_scale",
    "PriceMethod",
    "price_fraction",
    "Bid",
    "Mark",
    "ProxyCatalogue",
    "offer_value",
    "BidResult",
    "ContractKpi",
    "CriterionScore",
    "EvaluationResult",
    "evaluate",
    # commissioning: services and decisions
    "BenefitType",
    "Service",
    "ServiceOutcome",
    "DecisionRules",
    "GradeReduction",
    "OptimismBias",
    "Portfolio",
    "Recommendation",
    "ServiceDecision",
    "assess_service",
    "default_optimism_bias",
    "portfolio",
    # the regional report
    "Breakdown",
    "BreakdownRow",
    "ReportCut",
    "CaveatKind",
    "ReportCaveat",
    "ReportChange",
    "ReportFigure",
    "ReportSection",
    "PublishedReport",
    "RegionalReport",
    "regional_report",
    "ChartsUnavailable",
    "report_page",
    "ExampleYear",
    "example_year",
]

__version__ = "0.1.0.dev0"
