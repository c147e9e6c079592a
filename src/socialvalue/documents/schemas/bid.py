"""Schema of a ``bid`` document: one supplier's bid in a tender, as the panel marked it.

The schema states each value's form. Whether the marks fit an evaluation model
(one mark per marked criterion, each on the model's scale) needs the model, so
:func:`socialvalue.evaluate` checks it and reports every problem with its path.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text

__all__ = ["SCHEMA"]

_MARK: Final = {
    "title": "Mark",
    "description": "The panel's mark for one marked criterion, with the panel's reason.",
    "type": "object",
    "properties": {
        "criterion": ref("code", "Id of the criterion in the evaluation model, e.g. 'Q1'."),
        "points": ref("quantity", "The mark: the points of one band of the model's scale."),
        "reason": {
            "anyOf": [text(2000, multiline=True), {"type": "null"}],
            "description": "Why the panel gave this mark (moderation notes), or null.",
        },
    },
    "required": ["criterion", "points"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "bid",
    title="Bid",
    description=(
        "A supplier's bid in a tender: its price, the evaluation panel's marks and its"
        " social value commitments (targets per review measure, which become contract"
        " KPIs if it wins)."
    ),
    properties={
        "supplier_id": ref("code", "The council's id of the bidding supplier, e.g. '100234'."),
        "price": ref("money", "The bid price for the whole contract."),
        "marks": {
            "type": "array",
            "description": "One mark per marked criterion, at most 50; no criterion twice.",
            "items": {"$ref": "#/$defs/mark"},
            "maxItems": 50,
        },
        "commitments": {
            "type": "array",
            "description": "Social value commitments, at most 200; no measure twice.",
            "items": {"$ref": "#/$defs/measure-target"},
            "maxItems": 200,
        },
        "new_supplier": {
            "type": "boolean",
            "description": "Whether the supplier is new to the commissioner; false if absent.",
        },
        "supplier_name": {
            "anyOf": [text(200), {"type": "null"}],
            "description": "The supplier's name, or null.",
        },
    },
    required=["supplier_id", "price", "marks"],
    extra_defs={"mark": _MARK},
)
