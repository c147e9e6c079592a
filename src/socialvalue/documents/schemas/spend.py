"""Schema of a ``spend`` document: a batch of payments published together."""

from __future__ import annotations

from typing import Final

from socialvalue._fields import MAX_LIST_ITEMS
from socialvalue.documents.schemas import choice, document_schema, nullable, ref, text
from socialvalue.policy.vat import VatBasis

__all__ = ["SCHEMA"]

_LINE: Final = {
    "title": "Spend line",
    "description": "One payment to a supplier; a negative amount is a credit note.",
    "type": "object",
    "properties": {
        "supplier_id": ref("code", "The buyer's id of the supplier paid."),
        "amount": ref("money", "The amount paid; negative for a credit note."),
        "paid_on": ref("date", "The day it was paid."),
        "vat_basis": choice(VatBasis, "Whether the amount excludes (net) or includes VAT."),
        "contract_id": nullable({"$ref": "#/$defs/code"}, "The contract paid under, or null."),
    },
    "required": ["supplier_id", "amount", "paid_on", "vat_basis"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "spend",
    title="Spend batch",
    description=(
        "Payments one buyer published together, such as a month's transparency file."
        " Credit notes (negative amounts) net off against payments when assessed."
    ),
    properties={
        "buyer": text(200, "The public body that paid."),
        "lines": {
            "type": "array",
            "description": f"The payments, at most {MAX_LIST_ITEMS:,}.",
            "items": {"$ref": "#/$defs/spend-line"},
            "maxItems": MAX_LIST_ITEMS,
        },
    },
    required=["buyer", "lines"],
    extra_defs={"spend-line": _LINE},
)
