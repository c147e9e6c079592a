"""Schema of a ``supplier`` document: an organisation the commissioner buys from."""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import choice, document_schema, nullable, ref, text
from socialvalue.documents.schemas._spend_defs import POSTCODE_PATTERN
from socialvalue.spend.suppliers import Borough, GoodEmploymentTier, OrganisationType

__all__ = ["LOCATION", "SCHEMA"]

#: Where a supplier is; shared with nothing else yet, so kept here.
LOCATION: Final = {
    "title": "Location",
    "description": (
        "Where the supplier is: one of Greater Manchester's ten boroughs, or null for"
        " outside, with an optional UK postcode."
    ),
    "type": "object",
    "properties": {
        "borough": nullable(
            choice(Borough, "A Greater Manchester borough."),
            "The borough, or null when the supplier is outside Greater Manchester.",
        ),
        "postcode": nullable(
            {"type": "string", "pattern": POSTCODE_PATTERN},
            "A UK postcode in capitals with one space, e.g. 'M1 1AD', or null.",
        ),
    },
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "supplier",
    title="Supplier",
    description=(
        "An organisation the commissioner buys from, keyed by the buyer's own supplier id,"
        " with its kind, location and optional registration and Good Employment Charter tier."
    ),
    properties={
        "id": ref("code", "The buyer's stable supplier id, e.g. '100234' or 'GB-COH-01234567'."),
        "name": text(200, "The supplier's name."),
        "organisation_type": choice(
            OrganisationType,
            "Size band (micro, small, medium, large), sme when the band is not stated, vcse,"
            " public body, or unknown when the source does not say.",
        ),
        "location": {"$ref": "#/$defs/location", "description": "Where the supplier is."},
        "identifier": nullable(
            {"$ref": "#/$defs/identifier"},
            "Registration in the Open Contracting style (scheme and id), or null.",
        ),
        "good_employment": nullable(
            choice(GoodEmploymentTier, "A Good Employment Charter tier."),
            "The supplier's GM Good Employment Charter tier, or null if none.",
        ),
    },
    required=["id", "name", "organisation_type", "location"],
    extra_defs={"location": LOCATION},
)
