"""Schema of a ``service`` document: a commissioned service, its cost and its outcomes.

The schema states each value's form; that the annual cost is above zero and in
the budget's currency is checked when the service is built.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text

__all__ = ["SCHEMA"]

_OUTCOME: Final = {
    "title": "Service outcome",
    "description": "Outcomes a year, valued by the unit cost each saves.",
    "type": "object",
    "properties": {
        "description": text(200, "The outcome, e.g. 'Repeat domestic abuse incidents avoided'."),
        "benefit": {
            "enum": ["fiscal", "economic", "social"],
            "description": "The cost-benefit column the saving falls in.",
        },
        "quantity": ref("quantity", "How many outcomes a year."),
        "unit_cost": ref("money", "The cost saved by one outcome."),
        "confidence": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9,
            "description": "Evidence confidence grade, 1 best; sets the optimism-bias cut.",
        },
        "source": text(300, "Where the unit cost comes from, with edition and price base."),
        "deadweight": ref("fraction", "Share that would have happened anyway; '0' if absent."),
    },
    "required": ["description", "benefit", "quantity", "unit_cost", "confidence", "source"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "service",
    title="Commissioned service",
    description=(
        "A service the commissioner pays for: its annual cost and budget, whether it is"
        " early intervention or prevention, and the outcomes it buys with their unit costs."
    ),
    properties={
        "id": ref("code", "The service's id."),
        "name": text(200, "The service's name."),
        "annual_cost": ref("money", "What the service costs a year; above zero."),
        "budget": ref("money", "The budget set for it, in the same currency."),
        "prevention": {
            "type": "boolean",
            "description": "Whether it is an early intervention or prevention service; false"
            " if absent.",
        },
        "outcomes": {
            "type": "array",
            "description": "The outcomes, at most 200; descriptions unique.",
            "items": {"$ref": "#/$defs/outcome"},
            "maxItems": 200,
        },
        "description": {
            "anyOf": [text(2000, multiline=True), {"type": "null"}],
            "description": "What the service does, or null.",
        },
    },
    required=["id", "name", "annual_cost", "budget"],
    extra_defs={"outcome": _OUTCOME},
)
