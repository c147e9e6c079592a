"""Schema of a ``charter-signup`` document: a supplier's signature of the Social Value Charter.

The schema states each value's form. The Charter's rules that need the framework
or a date to judge (at least one commitment, known priorities, no repeats, not
signed in the future, a named signatory) are checked by
``socialvalue.check_signup``, which reports them with paths into this document.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import ANY_LINE_PATTERN, document_schema, ref, text

__all__ = ["SCHEMA"]

_COMMITMENT: Final = {
    "title": "Charter commitment",
    "description": "One pledge under one priority of the framework, with an optional target.",
    "type": "object",
    "properties": {
        "priority": ref("code", "Code of the priority the pledge supports."),
        "pledge": text(1000, "What the supplier pledges to do, in its own words.", multiline=True),
        "target": {
            "anyOf": [{"$ref": "#/$defs/measure-target"}, {"type": "null"}],
            "description": "An optional measurable target (a review measure code and"
            " quantity), or null.",
        },
    },
    "required": ["priority", "pledge"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "charter-signup",
    title="Social Value Charter signup",
    description=(
        "A supplier's signature of the commissioner's Social Value Charter: who signed,"
        " when, which policy and framework versions, and the commitments made."
    ),
    properties={
        "supplier_id": ref("code", "The council's id of the supplier, e.g. '100234'."),
        "signatory": {
            "type": "string",
            "maxLength": 200,
            "pattern": ANY_LINE_PATTERN,
            "description": "Name of the person signing for the supplier (a blank name is"
            " reported by the Charter check, not refused on reading).",
        },
        "role": text(200, "The signatory's role, e.g. 'Managing Director'."),
        "signed_on": ref("date", "The day the Charter was signed."),
        "policy_version": ref("code", "Version of the commissioner's policy signed."),
        "framework_id": ref("code", "Id of the priority framework the commitments use."),
        "framework_version": ref("code", "Version of that framework."),
        "commitments": {
            "type": "array",
            "description": "The commitments, at most 100.",
            "items": {"$ref": "#/$defs/commitment"},
            "maxItems": 100,
        },
        "valid_months": {
            "type": "integer",
            "minimum": 1,
            "maximum": 60,
            "description": "How many months the signup is valid from signed_on; 12 if absent.",
        },
    },
    required=[
        "supplier_id",
        "signatory",
        "role",
        "signed_on",
        "policy_version",
        "framework_id",
        "framework_version",
        "commitments",
    ],
    extra_defs={"commitment": _COMMITMENT},
)
