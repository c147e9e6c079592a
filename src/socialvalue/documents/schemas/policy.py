"""Schema of a ``policy`` document: a body's threshold rule and the choices it makes.

The schema states each value's form. Whether the bands partition every amount (no
gap, no overlap beyond one shared boundary, obligations never lighter upwards) and
whether the bounds use the policy's currency are checked by the library, which
reports them at ``$.rules[i]...``.
"""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import choice, document_schema, nullable, ref, text
from socialvalue.policy.thresholds import Basis, BoundaryChoice, Obligation
from socialvalue.policy.vat import VatBasis

__all__ = ["SCHEMA"]

_OWNER: Final = {
    "title": "Policy owner",
    "description": "Who owns the policy: an office holder, their role, and since when.",
    "type": "object",
    "properties": {
        "name": text(200, "The owner, e.g. 'Mayor of Greater Manchester'."),
        "role": text(300, "The owner's role in relation to the policy."),
        "since": ref("date", "The day the owner took the policy on."),
    },
    "required": ["name", "role", "since"],
    "additionalProperties": False,
}

_BAND: Final = {
    "title": "Threshold band",
    "description": (
        "A band of amounts and the obligation it carries; a null bound means no bound on"
        " that side. Inclusivity is explicit on each side (true if absent)."
    ),
    "type": "object",
    "properties": {
        "obligation": choice(Obligation, "What the band asks: the Charter or the Review."),
        "lower": nullable({"$ref": "#/$defs/money"}, "Lowest amount of the band, or null."),
        "upper": nullable({"$ref": "#/$defs/money"}, "Highest amount of the band, or null."),
        "lower_inclusive": {
            "type": "boolean",
            "description": "Whether the lower bound is in the band.",
        },
        "upper_inclusive": {
            "type": "boolean",
            "description": "Whether the upper bound is in the band.",
        },
    },
    "required": ["obligation"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "policy",
    title="Social value threshold policy",
    description=(
        "A body's social value threshold rule: ordered bands that ask for the Charter or"
        " the Review, what amount they test (basis, VAT basis, currency, financial year)"
        " and which band applies exactly at a boundary both bands include."
    ),
    properties={
        "id": ref("code", "The policy's id, e.g. 'gm-policing-sv'."),
        "title": text(200, "The policy's title."),
        "version": ref("code", "The policy's version."),
        "owner": {"$ref": "#/$defs/owner", "description": "Who owns the policy."},
        "effective": ref("date", "The day the policy took effect."),
        "source": text(1000, "Where the rule comes from: title, publisher, address."),
        "rules": {
            "type": "array",
            "description": "The bands, from the lowest amount up; 1 to 20.",
            "items": {"$ref": "#/$defs/band"},
            "minItems": 1,
            "maxItems": 20,
        },
        "boundary": choice(
            BoundaryChoice, "Which obligation applies where two bands meet; 'review' if absent."
        ),
        "basis": choice(
            Basis, "Annual spend per supplier or whole-life contract value; annual if absent."
        ),
        "vat_basis": choice(VatBasis, "The VAT basis amounts are tested on; 'net' if absent."),
        "currency": ref("currency", "The currency amounts are tested in; 'GBP' if absent."),
        "year_start_month": {
            "type": "integer",
            "minimum": 1,
            "maximum": 12,
            "description": "Month the financial year starts (4, April, if absent).",
        },
    },
    required=["id", "title", "version", "owner", "effective", "source", "rules"],
    extra_defs={"owner": _OWNER, "band": _BAND},
)
