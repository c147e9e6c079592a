"""Schema of a ``regional-report`` document: the commissioner's published annual report.

The document is a :class:`socialvalue.report.PublishedReport`: every figure of the
year's report (spend, duties, contribution, counts, Charter coverage) with what it
sums (the supplier ids and the number of lines) and its derivation in words, the
caveats the numbers carry and, when a previous year was given, the change per
figure. Money is rounded to pence and shares, ratios and percentages to 6 decimal
places, each figure on its own; the exact figures are in the
:class:`~socialvalue.report.RegionalReport` it was published from.
"""

from __future__ import annotations

from typing import Any, Final

from socialvalue.documents.schemas import document_schema, nullable, ref, text

__all__ = ["SCHEMA"]

_SECTIONS: Final = ["spend", "duties", "contribution", "counts", "coverage", "local-multiplier"]
_CAVEAT_KINDS: Final = [
    "unmeasured",
    "uncovered-spend",
    "no-proxy",
    "not-summed",
    "unmapped-priority",
    "superseded-review",
    "review-not-counted",
    "unscorable-review",
    "review-without-spend",
    "unlisted-supplier",
    "assessment-not-counted",
    "contract-basis",
    "no-positive-spend",
    "unmapped-commitments",
    "respend-unreported",
    "round3-unreported",
    "respend-impossible",
    "uncertain-location",
]


def _nullable(name: str, description: str) -> dict[str, Any]:
    return nullable({"$ref": f"#/$defs/{name}"}, description)


def _suppliers(description: str) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "items": {"$ref": "#/$defs/code"},
        "maxItems": 100_000,
    }


_KEY: Final = {
    "section": {
        "enum": _SECTIONS,
        "description": "The report's section: spend, duties, contribution, counts, coverage or"
        " local-multiplier.",
    },
    "group": ref("code", "The group within the section, e.g. 'total', 'type', 'priority'."),
    "item": ref("code", "The item within the group, e.g. 'all', 'sme', a priority code."),
    "measure": ref("code", "What is measured, e.g. 'amount', 'share', 'present-value'."),
}

_FIGURE: Final = {
    "title": "Figure",
    "description": "One number in the report, with the suppliers and lines it sums.",
    "type": "object",
    "properties": {
        **_KEY,
        "value": ref("decimal", "The figure, e.g. '59000000.00'."),
        "unit": ref(
            "code",
            "A currency code for money, 'share' or 'ratio' for fractions, 'suppliers' or"
            " 'commitments' for counts, or a measure's unit.",
        ),
        "label": text(300, "What the figure is, in words."),
        "suppliers": _suppliers("The ids of the suppliers the figure sums, sorted."),
        "lines": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1_000_000_000,
            "description": "How many spend or Review lines stand behind the figure.",
        },
        "derivation": text(4000, "The arithmetic behind the figure, in words.", multiline=True),
    },
    "required": [*_KEY, "value", "unit", "label", "suppliers", "lines", "derivation"],
    "additionalProperties": False,
}

_CHANGE: Final = {
    "title": "Change",
    "description": "One figure against the previous year's report.",
    "type": "object",
    "properties": {
        **_KEY,
        "unit": ref("code", "The figure's unit."),
        "previous": _nullable("decimal", "Last year's figure, or null if it had none."),
        "current": _nullable("decimal", "This year's figure, or null if it has none."),
        "change": _nullable("decimal", "Current minus previous, or null if either is missing."),
        "percent": _nullable(
            "decimal", "100 × change ÷ |previous|, or null when previous is zero or missing."
        ),
    },
    "required": [*_KEY, "unit", "previous", "current", "change", "percent"],
    "additionalProperties": False,
}

_CAVEAT: Final = {
    "title": "Caveat",
    "description": "Something the numbers carry: which suppliers and, if money, how much.",
    "type": "object",
    "properties": {
        "kind": {"enum": _CAVEAT_KINDS, "description": "What kind of caveat it is."},
        "message": text(4000, "The caveat in words.", multiline=True),
        "suppliers": _suppliers("The ids of the suppliers it concerns, sorted."),
        "value": _nullable("decimal", "The amount or count it concerns, or null."),
        "unit": _nullable("code", "The value's unit (a currency code for money), or null."),
    },
    "required": ["kind", "message", "suppliers", "value", "unit"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "regional-report",
    title="Regional social value report",
    description=(
        "A commissioner's annual social value report across all suppliers: spend (local,"
        " by supplier type, by borough), duties owed and delivered, the social value the"
        " year's Reviews measure (by priority and kind, per £1 of covered spend),"
        " record-only counts, Charter coverage, change on the previous year and caveats."
    ),
    properties={
        "policy_id": ref("code", "Id of the commissioner's policy."),
        "policy_version": ref("code", "Version of that policy."),
        "period": ref("period", "The year reported on."),
        "as_of": ref("date", "The day the report was drawn up (what had arrived by then)."),
        "currency": ref("code", "The currency of every money figure, e.g. 'GBP'."),
        "area": text(100, "The area counted as local, e.g. 'Greater Manchester'."),
        "framework_id": ref("code", "Id of the framework priorities are reported under."),
        "framework_version": ref("code", "Version of that framework."),
        "catalogue_id": ref("code", "Id of the measure catalogue the Reviews were scored with."),
        "catalogue_version": text(60, "Version of that catalogue."),
        "value_basis": {
            "enum": ["gross", "net", "undiscounted", "present-value"],
            "description": "Which social value figure the ratio per £1 uses.",
        },
        "apportionment": text(
            4000,
            "How priorities were carried to the framework, and value apportioned.",
            multiline=True,
        ),
        "figures": {
            "type": "array",
            "description": "Every figure, at most 100,000 (section, group, item, measure unique).",
            "items": {"$ref": "#/$defs/figure"},
            "maxItems": 100_000,
        },
        "caveats": {
            "type": "array",
            "description": "The caveats, at most 1,000.",
            "items": {"$ref": "#/$defs/caveat"},
            "maxItems": 1000,
        },
        "changes": {
            "type": "array",
            "description": "Change per figure against the previous report; [] if none.",
            "items": {"$ref": "#/$defs/change"},
            "maxItems": 100_000,
        },
        "previous_period": _nullable("period", "The previous report's year, or null."),
        "rounding": {
            "enum": ["ROUND_HALF_UP", "ROUND_HALF_EVEN"],
            "description": "How figures were rounded to publish; ROUND_HALF_UP if absent.",
        },
    },
    required=[
        "policy_id",
        "policy_version",
        "period",
        "as_of",
        "currency",
        "area",
        "framework_id",
        "framework_version",
        "catalogue_id",
        "catalogue_version",
        "value_basis",
        "apportionment",
        "figures",
        "caveats",
        "changes",
    ],
    extra_defs={"figure": _FIGURE, "change": _CHANGE, "caveat": _CAVEAT},
)
