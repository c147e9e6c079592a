r"""Building blocks of JSON Schemas (draft 2020-12), for schemas written by hand.

The schema of every document kind is generated from its class
(:mod:`socialvalue.documents._class_schemas`); these blocks serve schemas that have
no class, such as test-only kinds, and name the shared patterns. Every schema is
self-contained: shared definitions sit in its own ``$defs``.

Patterns end with ``(?![\\s\\S])`` instead of ``$``: Python's ``$`` also matches
before a final newline, JavaScript's does not, and both must give one verdict.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Any, Final

from socialvalue._fields import (
    ANY_LINE_PATTERN,
    ANY_TEXT_PATTERN,
    END,
    TRIMMED_LINE_PATTERN,
    TRIMMED_LINES_PATTERN,
    Code,
    decimal_range_pattern,
    decimal_schema,
)
from socialvalue._fields import CODE_PATTERN as _CODE
from socialvalue.documents._class_schemas import _Builder
from socialvalue.money import Money
from socialvalue.periods import Period
from socialvalue.targets import MeasureTarget

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

_END: Final = END
DECIMAL_PATTERN: Final = decimal_range_pattern(None, None)
NON_NEGATIVE_DECIMAL_PATTERN: Final = decimal_range_pattern(Decimal(0), None)
CODE_PATTERN: Final = f"^{_CODE}" + END
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + END


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
        "pattern": TRIMMED_LINES_PATTERN if multiline else TRIMMED_LINE_PATTERN,
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


def _shared_defs() -> dict[str, dict[str, Any]]:
    # Generated from the checks and classes that own each shape, so a hand-written
    # schema states the same limits as a generated one.
    builder = _Builder()
    Code().json_schema(builder.defs)
    for minimum, maximum in ((None, None), (Decimal(0), None), (Decimal(0), Decimal(1))):
        decimal_schema(builder.defs, minimum, maximum)
    for type_ in (Money, date, Period, MeasureTarget):
        builder.plain(type_)
    return builder.defs


#: Definitions every hand-written schema carries in its ``$defs``.
DEFS: Final[dict[str, dict[str, Any]]] = _shared_defs()


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
