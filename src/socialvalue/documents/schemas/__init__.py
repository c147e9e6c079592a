r"""JSON Schemas (draft 2020-12) for every document kind, as plain Python data.

Each kind has its own module here holding one ``SCHEMA`` dict, built with
:func:`document_schema` so that every schema is self-contained: the shared
definitions (``money``, ``date``, ``period``, ``identifier``, …) sit in its own
``$defs`` and are used by ``$ref``. Self-contained files work unchanged in any
validator, in any language, without a custom loader.

The schemas are Python data rather than files read at run time because the domain
does no I/O; ``socialvalue schema --all DIR`` and ``make schemas`` export them as
JSON, and a test keeps the exported copies in ``docs/schemas/`` identical.

Patterns end with ``(?![\\s\\S])`` instead of ``$``: Python's ``$`` also matches
before a final newline, JavaScript's does not, and both must give one verdict.
"""

from __future__ import annotations

import enum
from typing import Any, Final

__all__ = [
    "ANY_LINE_PATTERN",
    "ANY_TEXT_PATTERN",
    "BASE_URI",
    "DEFS",
    "choice",
    "document_schema",
    "nullable",
    "ref",
    "text",
]

#: Versioned base of every schema's ``$id``. A breaking change to any schema
#: moves all of them to the next version.
BASE_URI: Final = "https://w3id.org/socialvalue/schema/v1/"

_END: Final = r"(?![\s\S])"
# Text: no white space or control character at either end, no C0 control character
# inside (tab and line feed only in text of several lines), and no lone UTF-16
# surrogate anywhere (a lone surrogate cannot be written as UTF-8, so such text
# could not be saved). The escapes are regex text, not characters, so the exported
# JSON stays plain. _fields.Text states the same rule in Python.
_NO_SURROGATE: Final = r"\uD800-\uDFFF"
_CONTROL: Final = r"\u0000-\u001F"
_CONTROL_BUT_TAB_AND_LINE_FEED: Final = r"\u0000-\u0008\u000B-\u001F"
_EDGE: Final = rf"[^ {_CONTROL}{_NO_SURROGATE}]"
_TRIMMED_LINE: Final = rf"^{_EDGE}([^{_CONTROL}{_NO_SURROGATE}]*{_EDGE})?" + _END
_TRIMMED_LINES: Final = (
    rf"^{_EDGE}([^{_CONTROL_BUT_TAB_AND_LINE_FEED}{_NO_SURROGATE}]*{_EDGE})?" + _END
)

#: Any text that can be saved as UTF-8 and holds no control character but tab and
#: line feed: for strings with no other pattern. The loader refuses lone surrogates
#: in every string, so every string schema says so.
ANY_TEXT_PATTERN: Final = rf"^[^{_CONTROL_BUT_TAB_AND_LINE_FEED}{_NO_SURROGATE}]*" + _END
#: As :data:`ANY_TEXT_PATTERN`, but one line: no control character at all.
ANY_LINE_PATTERN: Final = rf"^[^{_CONTROL}{_NO_SURROGATE}]*" + _END

DECIMAL_PATTERN: Final = r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?" + _END
NON_NEGATIVE_DECIMAL_PATTERN: Final = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?" + _END
CODE_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}" + _END
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + _END


def text(
    max_length: int = 200, description: str = "", *, multiline: bool = False
) -> dict[str, Any]:
    """Schema of trimmed, non-empty text of at most ``max_length`` characters.

    One line, unless ``multiline`` lets tab and line feed stand inside it (as
    ``_fields.Text(multiline=True)``).
    """
    schema: dict[str, Any] = {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": _TRIMMED_LINES if multiline else _TRIMMED_LINE,
    }
    if description:
        schema["description"] = description
    return schema


def choice(enum_type: type[enum.Enum], description: str) -> dict[str, Any]:
    """A string that must be one of ``enum_type``'s values."""
    return {
        "type": "string",
        "enum": [member.value for member in enum_type],
        "description": description,
    }


def nullable(schema: dict[str, Any], description: str) -> dict[str, Any]:
    """``schema`` or ``null``, with a description (an optional field dumps as null)."""
    return {"anyOf": [schema, {"type": "null"}], "description": description}


def ref(name: str, description: str) -> dict[str, Any]:
    """A described reference to one of the shared :data:`DEFS`."""
    if name not in DEFS:
        raise KeyError(f"no shared definition {name!r}")
    return {"$ref": f"#/$defs/{name}", "description": description}


#: Definitions every schema carries in its ``$defs``.
DEFS: Final[dict[str, dict[str, Any]]] = {
    "decimal": {
        "title": "Decimal",
        "description": (
            "A decimal number written as a string: up to 15 digits before the point and 6"
            " after, an optional leading minus, no exponent, no spaces (JSON numbers lose"
            " pence)."
        ),
        "type": "string",
        "pattern": DECIMAL_PATTERN,
    },
    "quantity": {
        "title": "Quantity",
        "description": "A decimal string that is zero or more; '-0' is refused.",
        "type": "string",
        "pattern": NON_NEGATIVE_DECIMAL_PATTERN,
    },
    "fraction": {
        "title": "Fraction",
        "description": "A decimal string from 0 to 1 inclusive, such as '0.25'.",
        "type": "string",
        "pattern": r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)" + _END,
    },
    "code": {
        "title": "Code",
        "description": (
            "A stable code or id: 1 to 64 letters, digits and . _ : / - starting with a"
            " letter or digit."
        ),
        "type": "string",
        "pattern": CODE_PATTERN,
    },
    "currency": {
        "title": "Currency",
        "description": "A three-letter ISO 4217 currency code such as 'GBP'.",
        "type": "string",
        "pattern": r"^[A-Z]{3}" + _END,
    },
    "money": {
        "title": "Money",
        "description": "An exact amount of money with its currency.",
        "type": "object",
        "properties": {
            "amount": {"$ref": "#/$defs/decimal", "description": "The amount, e.g. '50000.00'."},
            "currency": {"$ref": "#/$defs/currency", "description": "ISO 4217 code."},
        },
        "required": ["amount", "currency"],
        "additionalProperties": False,
    },
    "date": {
        "title": "Date",
        "description": "A calendar date written YYYY-MM-DD; it must exist (no 2024-02-30).",
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    },
    "period": {
        "title": "Period",
        "description": "An inclusive range of dates; end may not be before start.",
        "type": "object",
        "properties": {
            "start": {"$ref": "#/$defs/date", "description": "First day in the period."},
            "end": {"$ref": "#/$defs/date", "description": "Last day in the period."},
        },
        "required": ["start", "end"],
        "additionalProperties": False,
    },
    "identifier": {
        "title": "Identifier",
        "description": (
            "An organisation identifier in the Open Contracting style: a registration"
            " scheme (org-id.guide list code, e.g. GB-COH for Companies House) and the id"
            " within it."
        ),
        "type": "object",
        "properties": {
            "scheme": {"$ref": "#/$defs/code", "description": "Scheme code, e.g. GB-COH."},
            "id": {"$ref": "#/$defs/code", "description": "The id within the scheme."},
        },
        "required": ["scheme", "id"],
        "additionalProperties": False,
    },
}


def document_schema(
    kind: str,
    *,
    title: str,
    description: str,
    properties: dict[str, dict[str, Any]],
    required: list[str],
    extra_defs: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Assemble a self-contained draft 2020-12 schema for the document ``kind``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_URI}{kind}.json",
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": {**DEFS, **(extra_defs or {})},
    }


DEFS["measure-target"] = {
    "title": "Measure target",
    "description": "A promised quantity of one review measure, in the measure's unit.",
    "type": "object",
    "properties": {
        "measure": {"$ref": "#/$defs/code", "description": "The measure's code."},
        "quantity": {"$ref": "#/$defs/quantity", "description": "The promised quantity."},
    },
    "required": ["measure", "quantity"],
    "additionalProperties": False,
}
