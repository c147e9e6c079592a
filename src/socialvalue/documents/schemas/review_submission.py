"""Schema of a ``review-submission`` document: a supplier's Social Value Review return.

The schema states each value's form. Rules that need a catalogue (known measure
codes, matching units, whole numbers of people) are checked by
``socialvalue.check_submission``, and those across fields (a declaration not
signed before the period starts, unique contract ids and commitments) on
loading, each reported with its path into this document.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text
from socialvalue.documents.schemas.measure_catalogue import UNITS

__all__ = ["SCHEMA"]

_LINE: Final = {
    "title": "Reported line",
    "description": "A quantity of one measure, in the measure's unit.",
    "type": "object",
    "properties": {
        "measure": ref("code", "Code of the measure in the catalogue."),
        "quantity": ref("quantity", "How much, in the measure's unit (0 or more)."),
        "evidence": {
            "anyOf": [text(300), {"type": "null"}],
            "description": "Reference to the evidence held (e.g. 'payroll-2025-26'), or null.",
        },
        "local": {
            "type": ["boolean", "null"],
            "description": (
                "Whether the activity happened in and benefits the commissioner's area; null"
                " if not stated."
            ),
        },
        "unit": {
            "anyOf": [{"$ref": "#/$defs/unit"}, {"type": "null"}],
            "description": "The unit the figure is in; must match the measure's, or null.",
        },
    },
    "required": ["measure", "quantity"],
    "additionalProperties": False,
}

_DECLARATION: Final = {
    "title": "Declaration",
    "description": "The signed statement that the return is true.",
    "type": "object",
    "properties": {
        "signatory": text(200, "Name of the person signing."),
        "role": text(200, "Their role, e.g. 'Managing Director'."),
        "signed_on": ref("date", "The day it was signed (not before the period starts)."),
    },
    "required": ["signatory", "role", "signed_on"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "review-submission",
    title="Social Value Review submission",
    description=(
        "A supplier's Social Value Review return for one period: contracts, spend,"
        " reported quantities of review measures, a declaration and bid commitments."
    ),
    properties={
        "supplier_id": ref("code", "The council's id of the supplier, e.g. '100234'."),
        "contract_ids": {
            "type": "array",
            "description": "Ids of the contracts the return covers (unique, at most 200).",
            "items": {"$ref": "#/$defs/code"},
            "maxItems": 200,
            "uniqueItems": True,
        },
        "period": ref("period", "The reporting period."),
        "spend": {
            "title": "Spend",
            "description": "What the commissioner spent with the supplier in the period.",
            "type": "object",
            "properties": {
                "amount": ref("quantity", "The amount, not negative, e.g. '64000.00'."),
                "currency": ref("currency", "ISO 4217 code."),
            },
            "required": ["amount", "currency"],
            "additionalProperties": False,
        },
        "lines": {
            "type": "array",
            "description": "The reported lines, at most 10,000.",
            "items": {"$ref": "#/$defs/line"},
            "maxItems": 10_000,
        },
        "declaration": {"$ref": "#/$defs/declaration", "description": "The signed declaration."},
        "commitments": {
            "type": "array",
            "description": "Targets committed at bid stage, at most one per measure; [] if absent.",
            "items": {"$ref": "#/$defs/measure-target"},
            "maxItems": 1000,
        },
    },
    required=["supplier_id", "contract_ids", "period", "spend", "lines", "declaration"],
    extra_defs={"line": _LINE, "declaration": _DECLARATION, "unit": UNITS},
)
