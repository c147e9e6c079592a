"""Schema of a ``measure-catalogue`` document: review measures and their proxy values.

A council loads its own catalogue (for example a licensed National TOMs or HACT
table, which this library does not bundle) from a document of this form. The
schema states each value's form and that a measure has a proxy exactly when it
is not record-only; unique measure codes are checked on loading
(``list.duplicate`` at the repeat's index).
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text
from socialvalue.review.measures import MAX_DURATION_YEARS, MeasureKind, Unit

__all__ = ["ADJUSTMENTS", "SCHEMA", "UNITS"]

#: The units a measure may use.
UNITS: Final = {
    "title": "Unit",
    "description": (
        "The unit of a measure's quantity: fte, people, hours, weeks, gbp, tonnes-co2e,"
        " count or percent."
    ),
    "enum": [unit.value for unit in Unit],
}

#: SROI adjustments, every key optional (absent means no adjustment, one year).
ADJUSTMENTS: Final = {
    "title": "Adjustments",
    "description": (
        "SROI adjustments (Cabinet Office SROI guide, 2012): fractions from 0 to 1, and how"
        " many years the outcome lasts. Absent keys mean 0 (and 1 year)."
    ),
    "type": "object",
    "properties": {
        "deadweight": ref("fraction", "Share that would have happened anyway."),
        "displacement": ref("fraction", "Share moved from elsewhere rather than created."),
        "attribution": ref("fraction", "Share due to others."),
        "leakage": ref("fraction", "Share benefiting people outside the area or group."),
        "drop_off": ref("fraction", "Yearly decline of the outcome after its first year."),
        "duration_years": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_DURATION_YEARS,
            "description": "Years the outcome lasts, counting the reporting year (1 if absent).",
        },
    },
    "additionalProperties": False,
}

_PROXY: Final = {
    "title": "Proxy value",
    "description": "Money per unit of the measure, with its source, edition and price base year.",
    "type": "object",
    "properties": {
        "value": {
            "title": "Proxy amount",
            "description": "Money per unit: not negative, at most 6 decimal places.",
            "type": "object",
            "properties": {
                "amount": ref("quantity", "Amount per unit, e.g. '16.93'."),
                "currency": ref("currency", "ISO 4217 code."),
            },
            "required": ["amount", "currency"],
            "additionalProperties": False,
        },
        "source": text(300, "The publication the figure comes from."),
        "edition": text(60, "Its edition or version, e.g. '2023'."),
        "base_year": {
            "type": "integer",
            "minimum": 1900,
            "maximum": 2200,
            "description": "The price base year of the figure.",
        },
    },
    "required": ["value", "source", "edition", "base_year"],
    "additionalProperties": False,
}

_MEASURE: Final = {
    "title": "Review measure",
    "description": (
        "One measure a supplier reports: code, unit, kind, the priorities it serves (the"
        " first is primary) and a proxy value unless it is record-only."
    ),
    "type": "object",
    "properties": {
        "code": ref("code", "Stable measure code, e.g. 'GM-VOLUNTEER-HOURS'."),
        "title": text(200, "What is measured, in plain words."),
        "unit": {"$ref": "#/$defs/unit", "description": "Unit of the quantity."},
        "kind": {
            "enum": [kind.value for kind in MeasureKind],
            "description": (
                "local-economic or social (valued by the proxy), or record-only (no proxy;"
                " reported as a count)."
            ),
        },
        "priorities": {
            "type": "array",
            "description": "Codes of the framework priorities served; the first is primary.",
            "items": {"$ref": "#/$defs/code"},
            "minItems": 1,
            "maxItems": 20,
            "uniqueItems": True,
        },
        "proxy": {
            "anyOf": [{"$ref": "#/$defs/proxy"}, {"type": "null"}],
            "description": "Money per unit, or null for a record-only measure.",
        },
        "adjustments": {
            "$ref": "#/$defs/adjustments",
            "description": "SROI adjustments for this measure; none if absent.",
        },
    },
    "required": ["code", "title", "unit", "kind", "priorities"],
    "additionalProperties": False,
    "if": {"properties": {"kind": {"const": MeasureKind.RECORD_ONLY.value}}},
    "then": {"properties": {"proxy": {"type": "null"}}},
    "else": {"properties": {"proxy": {"type": "object"}}, "required": ["proxy"]},
}

SCHEMA: Final = document_schema(
    "measure-catalogue",
    title="Measure catalogue",
    description=(
        "A versioned set of Social Value Review measures aligned to one priority"
        " framework, with proxy values where a source gives them."
    ),
    properties={
        "id": ref("code", "Catalogue id, e.g. 'gm-policing-sv-review'."),
        "version": text(60, "Catalogue version, e.g. '2026.1'."),
        "framework_id": ref("code", "Id of the priority framework the measures serve."),
        "measures": {
            "type": "array",
            "description": "The measures, 1 to 5,000, with unique codes.",
            "items": {"$ref": "#/$defs/measure"},
            "minItems": 1,
            "maxItems": 5000,
        },
    },
    required=["id", "version", "framework_id", "measures"],
    extra_defs={
        "measure": _MEASURE,
        "proxy": _PROXY,
        "adjustments": ADJUSTMENTS,
        "unit": UNITS,
    },
)
