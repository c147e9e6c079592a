"""Schema of an ``evaluation-model`` document: the published evaluation method of a tender.

The schema states each value's form. The rules across values (weights adding up
to exactly 100, the minimum social value and environmental weights, a criterion's
kind fitting its scoring basis, pass marks within the scale, scale bands in
ascending order, a budget for the budget-linear price method) are checked when
the model is built and reported with their paths.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text

__all__ = ["SCHEMA"]

_END: Final = r"(?![\s\S])"
_PERCENT: Final = {
    "title": "Percentage",
    "description": "A decimal string from 0 to 100 inclusive, such as '12.5'.",
    "type": "string",
    "pattern": r"^(100(\.0{1,6})?|[1-9]?[0-9](\.[0-9]{1,6})?)" + _END,
}

_BAND: Final = {
    "title": "Scale band",
    "description": "One band of a scoring scale.",
    "type": "object",
    "properties": {
        "points": ref("quantity", "Points the band is worth, e.g. '75'."),
        "label": text(60, "The band's label, e.g. 'Good'."),
        "descriptor": text(1000, "When the panel awards this band.", multiline=True),
    },
    "required": ["points", "label", "descriptor"],
    "additionalProperties": False,
}

_SCALE: Final = {
    "title": "Scoring scale",
    "description": "Two to twenty bands in strictly ascending order of points.",
    "type": "object",
    "properties": {
        "id": ref("code", "The scale's id."),
        "title": text(200, "The scale's name."),
        "bands": {
            "type": "array",
            "description": "The bands, lowest first; labels are unique.",
            "items": {"$ref": "#/$defs/band"},
            "minItems": 2,
            "maxItems": 20,
        },
        "source": {
            "anyOf": [text(300), {"type": "null"}],
            "description": "Where the scale comes from, or null.",
        },
    },
    "required": ["id", "title", "bands"],
    "additionalProperties": False,
}

_CRITERION: Final = {
    "title": "Criterion",
    "description": "One weighted criterion of the model.",
    "type": "object",
    "properties": {
        "id": ref("code", "The criterion's id, e.g. 'Q1'."),
        "title": text(200, "The criterion's name."),
        "kind": {
            "enum": ["price", "quality", "social-value"],
            "description": "What the criterion assesses.",
        },
        "weight": {"$ref": "#/$defs/percent", "description": "Percent of the total score."},
        "basis": {
            "enum": ["marks", "price", "offer"],
            "description": "How it is scored: the panel's marks, the price method, or the"
            " £ social value offered relative to the best offer; 'marks' if absent.",
        },
        "pass_mark": {
            "anyOf": [{"$ref": "#/$defs/quantity"}, {"type": "null"}],
            "description": "The lowest mark a bid may get and stay in, or null.",
        },
        "environmental": {
            "type": "boolean",
            "description": "Whether this social value criterion is environmental; false if absent.",
        },
    },
    "required": ["id", "title", "kind", "weight"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "evaluation-model",
    title="Evaluation model",
    description=(
        "The published evaluation method of a tender: weighted criteria adding up to 100%,"
        " the marking scale, pass marks, the price method, the minimum social value weight"
        " and the tie rule."
    ),
    properties={
        "id": ref("code", "The tender's or model's id."),
        "title": text(200, "The tender's name."),
        "criteria": {
            "type": "array",
            "description": "The criteria, 1 to 50, ids unique; weights add up to 100.",
            "items": {"$ref": "#/$defs/criterion"},
            "minItems": 1,
            "maxItems": 50,
        },
        "scale": {
            "$ref": "#/$defs/scale",
            "description": "The marking scale; the common 0/25/50/75/100 scale if absent.",
        },
        "price_method": {
            "enum": ["lowest-price", "budget-linear"],
            "description": "How price is scored; 'lowest-price' if absent.",
        },
        "budget": {
            "anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}],
            "description": "The budget (needed by 'budget-linear'), or null.",
        },
        "minimum_social_value_weight": {
            "$ref": "#/$defs/percent",
            "description": "The least total weight of social value criteria; '10' (PPN 06/20)"
            " if absent.",
        },
        "minimum_environmental_weight": {
            "$ref": "#/$defs/percent",
            "description": "The least total weight of environmental criteria; '0' if absent.",
        },
        "tie_breaks": {
            "type": "array",
            "description": "Rules for equal totals, in order, then supplier id; by default"
            " social value score, then price.",
            "items": {"enum": ["social-value", "quality", "price"]},
            "maxItems": 3,
        },
        "places": {
            "type": "integer",
            "minimum": 0,
            "maximum": 6,
            "description": "Decimal places scores are rounded to; 2 if absent.",
        },
    },
    required=["id", "title", "criteria"],
    extra_defs={"percent": _PERCENT, "band": _BAND, "scale": _SCALE, "criterion": _CRITERION},
)
