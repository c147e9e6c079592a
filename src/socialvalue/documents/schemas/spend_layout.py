"""Schema of a ``spend-layout`` document: where a published spend file keeps each fact.

The schema states each value's form. That the layout names an amount (net, or
gross with VAT), that no column holds two roles and that no role lists a column
twice (case and spacing aside) are checked by the library, which reports them at
the role concerned.
"""

from __future__ import annotations

from typing import Any, Final

from socialvalue.documents.schemas import choice, document_schema, ref, text
from socialvalue.spend.layouts import DateFormat, Encoding

__all__ = ["SCHEMA"]


def _columns(description: str, *, required: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array",
        "description": (
            f"{description} The column names that may hold it (aliases, compared ignoring"
            " case and spacing)"
            + (", at least one." if required else "; empty or absent when the file has none.")
        ),
        "items": text(100, "A column name as the header writes it."),
        "maxItems": 20,
        "uniqueItems": True,
    }
    if required:
        schema["minItems"] = 1
    return schema


_AMOUNT_FORMAT: Final = {
    "title": "Amount format",
    "description": (
        "Which spellings of an amount the file may use. Always accepted: 1234.56 and"
        " -1234.56; the currency's symbol may precede the digits (£1,234.56, -£1,234.56,"
        " £-1,234.56). Never accepted: exponents, NaN, a European 1.234,56."
    ),
    "type": "object",
    "properties": {
        "currency": ref("currency", "The currency of every amount; its symbol may be written."),
        "thousands": {
            "type": "boolean",
            "description": "Whether commas may separate groups of three digits (true if absent).",
        },
        "parentheses": {
            "type": "boolean",
            "description": "Whether (1,234.56) may write a negative amount (true if absent).",
        },
        "max_places": {
            "type": "integer",
            "minimum": 0,
            "maximum": 6,
            "description": "The most decimal places an amount may have (2 if absent).",
        },
    },
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "spend-layout",
    title="Spend file layout",
    description=(
        "Where a published spend file keeps each fact (supplier name, payment date, amount"
        " and optional extras), and how it writes dates, amounts and text. A file fits the"
        " layout when its header has one column for each of supplier_name and paid_on and"
        " for the amount: net, or both gross and vat."
    ),
    properties={
        "id": ref("code", "A short id for the layout, e.g. 'salford'."),
        "name": text(200, "What the layout describes, e.g. a council's monthly files."),
        "supplier_name": _columns("The supplier (beneficiary) name.", required=True),
        "paid_on": _columns("The payment date.", required=True),
        "net": _columns("The amount net of VAT."),
        "gross": _columns("The amount including VAT."),
        "vat": _columns("The VAT on the amount."),
        "supplier_id": _columns("The body's own supplier id."),
        "transaction_id": _columns("The transaction or document number."),
        "expense_type": _columns("The expense type or Proclass label."),
        "vat_number": _columns("The supplier's VAT registration number."),
        "company_number": _columns("The supplier's Companies House number."),
        "body": _columns("The public body that paid."),
        "contract_id": _columns("The contract paid under."),
        "date_formats": {
            "type": "array",
            "description": "The ways the file writes payment dates, at least one.",
            "items": choice(DateFormat, "A date format."),
            "minItems": 1,
            "maxItems": 3,
            "uniqueItems": True,
        },
        "amount_format": {
            "$ref": "#/$defs/amount-format",
            "description": "How the file writes amounts (the defaults if absent).",
        },
        "encodings": {
            "type": "array",
            "description": "The text encodings the file may be in, to try in order.",
            "items": choice(Encoding, "A text encoding (Python's codec name)."),
            "minItems": 1,
            "maxItems": 3,
            "uniqueItems": True,
        },
    },
    required=["id", "name", "supplier_name", "paid_on"],
    extra_defs={"amount-format": _AMOUNT_FORMAT},
)
