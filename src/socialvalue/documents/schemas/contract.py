"""Schema of a ``contract`` document: an agreement with a supplier, valued whole-life."""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import choice, document_schema, ref, text
from socialvalue.documents.schemas._spend_defs import NON_NEGATIVE_MONEY
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.contracts import ContractCategory, LettingRoute

__all__ = ["SCHEMA"]

SCHEMA: Final = document_schema(
    "contract",
    title="Contract",
    description=(
        "An agreement with a supplier: its whole-life value (all years, options and"
        " extensions) with the VAT basis of that value, its term, category, letting"
        " route and the social value KPIs the commissioner holds the supplier to. The"
        " end may not be before the start, and no measure may have two KPIs (both"
        " checked by the library)."
    ),
    properties={
        "id": ref("code", "The buyer's contract id."),
        "supplier_id": ref("code", "The buyer's id of the supplier."),
        "title": text(300, "What the contract is for."),
        "category": choice(ContractCategory, "Goods, services or works."),
        "value": {
            "$ref": "#/$defs/non-negative-money",
            "description": "Whole-life value, never negative.",
        },
        "vat_basis": choice(VatBasis, "Whether the value excludes (net) or includes (gross) VAT."),
        "start": ref("date", "First day of the term."),
        "end": ref("date", "Last day of the term, on or after the start."),
        "letting": choice(LettingRoute, "How the contract was let; 'procured' if absent."),
        "early_intervention": {
            "type": "boolean",
            "description": "Whether the contract serves early intervention and prevention;"
            " false if absent.",
        },
        "kpis": {
            "type": "array",
            "description": "KPIs the commissioner holds the supplier to (the winning bid's"
            " commitments): a target per review measure for each reporting period, at most"
            " one per measure; [] if absent.",
            "items": {"$ref": "#/$defs/measure-target"},
            "maxItems": 1000,
        },
    },
    required=["id", "supplier_id", "title", "category", "value", "vat_basis", "start", "end"],
    extra_defs={"non-negative-money": NON_NEGATIVE_MONEY},
)
