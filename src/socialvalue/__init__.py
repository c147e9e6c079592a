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

# suppliers, contracts, spend and the threshold rule
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
# bid evaluation and commissioning decisions
# the regional report

__all__ = [
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
    "frameworks",
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
