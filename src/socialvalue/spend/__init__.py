"""Spend: suppliers, what is paid to them, contracts, and who owes the Charter or the Review.

Councils publish every payment over £500 under the Local Government Transparency
Code 2015; the policy measures "spend with you" per supplier against its threshold.
This area holds the suppliers (:mod:`.suppliers`), payments (:mod:`.payments`),
contracts valued over their whole life (:mod:`.contracts`), the assessment of each
supplier's spend against a policy (:mod:`.assessment`), the reading of published
spend files: strict rows and a small CSV parser (:mod:`.rows`), the amount grammar
(:mod:`.amounts`), layouts as data (:mod:`.layouts`, built-in ones in
:mod:`.gm_layouts`), supplier names (:mod:`.names`), withheld and non-supplier
payees (:mod:`.payees`), the reconciliation of every row (:mod:`.reconciliation`),
and the reader that puts them together (:mod:`.reading`), with :mod:`.transparency`
keeping the earlier reader of row mappings; and the reading of published contracts
in the Open Contracting Data Standard (:mod:`.ocds`, :mod:`.ocds_reading`), with
the matching of suppliers paid to suppliers contracted (:mod:`.ocds_matching`). It
uses the policy and the core values only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
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

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.spend.ocds_matching": (
            "MatchBasis",
            "MatchSide",
            "SupplierMatch",
            "SupplierMatching",
            "UnmatchedSupplier",
            "match_suppliers",
        ),
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
    },
)

__all__ = [
    "MatchBasis",
    "MatchSide",
    "SupplierMatch",
    "SupplierMatching",
    "UnmatchedSupplier",
    "match_suppliers",
    "AmountFormat",
    "ApartPayee",
    "Assessment",
    "AssessmentResult",
    "BadRow",
    "Borough",
    "Columns",
    "Contract",
    "ContractCategory",
    "DateFormat",
    "Encoding",
    "GREATER_MANCHESTER",
    "GoodEmploymentTier",
    "Identifier",
    "JointAwards",
    "LAYOUTS",
    "Layout",
    "LettingRoute",
    "LocalArea",
    "Locality",
    "LocalSpend",
    "Location",
    "OcdsContract",
    "OcdsParseOptions",
    "OcdsProblem",
    "OcdsProcess",
    "OcdsReading",
    "OcdsSupplier",
    "MANCHESTER_LAYOUT",
    "NameRules",
    "OrganisationType",
    "PAYEE_RULES",
    "PayeeRule",
    "PayeeRules",
    "Recognition",
    "Reconciliation",
    "Record",
    "SALFORD_LAYOUT",
    "SpendBatch",
    "SpendFile",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "SpendLine",
    "Supplier",
    "SupplierKey",
    "TRANSPARENCY_CODE",
    "TRANSPARENCY_CODE_LAYOUT",
    "Tally",
    "assess",
    "check_fields",
    "check_vat_basis",
    "csv_records",
    "local_spend_share",
    "new_suppliers",
    "with_spellings",
    "ocds_parse_options",
    "read_ocds",
    "numbered",
    "parse_amount",
    "recognise_layout",
    "with_names",
]
