"""Spend: suppliers, what is paid to them, contracts, and who owes the Charter or the Review.

Councils publish every payment over £500 under the Local Government Transparency
Code 2015; the policy measures "spend with you" per supplier against its threshold.
This area holds the suppliers (:mod:`.suppliers`), payments (:mod:`.payments`),
contracts valued over their whole life (:mod:`.contracts`), the assessment of each
supplier's spend against a policy (:mod:`.assessment`), the reading of published
spend rows (:mod:`.transparency`) and of published contracts in the Open
Contracting Data Standard (:mod:`.ocds`, :mod:`.ocds_reading`). It uses the policy
and the core values only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.spend.assessment import (
        Assessment,
        AssessmentResult,
        LocalSpend,
        assess,
        local_spend_share,
        new_suppliers,
    )
    from socialvalue.spend.contracts import Contract, ContractCategory, LettingRoute
    from socialvalue.spend.ocds import OcdsParseOptions, ocds_parse_options, read_ocds
    from socialvalue.spend.ocds_reading import (
        JointAwards,
        OcdsContract,
        OcdsProblem,
        OcdsProcess,
        OcdsReading,
        OcdsSupplier,
    )
    from socialvalue.spend.payments import SpendBatch, SpendLine
    from socialvalue.spend.suppliers import (
        GREATER_MANCHESTER,
        Borough,
        GoodEmploymentTier,
        Identifier,
        LocalArea,
        Location,
        OrganisationType,
        Supplier,
    )
    from socialvalue.spend.transparency import (
        TRANSPARENCY_CODE,
        Columns,
        DateFormat,
        SpendFileError,
        SpendFileReader,
        SpendFileSummary,
        check_vat_basis,
        with_names,
    )

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.spend.suppliers": (
            "GREATER_MANCHESTER",
            "Borough",
            "GoodEmploymentTier",
            "Identifier",
            "LocalArea",
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
        "socialvalue.spend.assessment": (
            "Assessment",
            "AssessmentResult",
            "LocalSpend",
            "assess",
            "local_spend_share",
            "new_suppliers",
        ),
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
            "DateFormat",
            "SpendFileError",
            "SpendFileReader",
            "SpendFileSummary",
            "check_vat_basis",
            "with_names",
        ),
    },
)

__all__ = [
    "Assessment",
    "AssessmentResult",
    "Borough",
    "Columns",
    "Contract",
    "ContractCategory",
    "DateFormat",
    "GREATER_MANCHESTER",
    "GoodEmploymentTier",
    "Identifier",
    "JointAwards",
    "LettingRoute",
    "LocalArea",
    "LocalSpend",
    "Location",
    "OcdsContract",
    "OcdsParseOptions",
    "OcdsProblem",
    "OcdsProcess",
    "OcdsReading",
    "OcdsSupplier",
    "OrganisationType",
    "SpendBatch",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "SpendLine",
    "Supplier",
    "TRANSPARENCY_CODE",
    "assess",
    "check_vat_basis",
    "local_spend_share",
    "new_suppliers",
    "ocds_parse_options",
    "read_ocds",
    "with_names",
]
