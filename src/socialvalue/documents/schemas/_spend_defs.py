"""Schema pieces shared by the supplier, contract, spend and policy documents."""

from __future__ import annotations

from typing import Final

__all__ = ["NON_NEGATIVE_MONEY", "POSTCODE_PATTERN"]

_END: Final = r"(?![\s\S])"
#: A UK postcode in capitals with one space (the same shape ``Location`` checks).
POSTCODE_PATTERN: Final = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}" + _END


#: Money whose amount is zero or more (contract values).
NON_NEGATIVE_MONEY: Final = {
    "title": "Non-negative money",
    "description": "An exact amount of money, zero or more, with its currency.",
    "type": "object",
    "properties": {
        "amount": {"$ref": "#/$defs/quantity", "description": "The amount, e.g. '120000.00'."},
        "currency": {"$ref": "#/$defs/currency", "description": "ISO 4217 code."},
    },
    "required": ["amount", "currency"],
    "additionalProperties": False,
}
