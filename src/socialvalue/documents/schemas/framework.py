"""Schema of a ``framework`` document: a versioned catalogue of social value priorities."""

from __future__ import annotations

from typing import Final

from socialvalue.documents.schemas import document_schema, ref, text

__all__ = ["SCHEMA"]

_THEME: Final = {
    "title": "Theme",
    "description": "A theme grouping priorities, e.g. 'Fighting climate change'.",
    "type": "object",
    "properties": {
        "code": ref("code", "The theme's stable code, e.g. 'fighting-climate-change'."),
        "title": text(200, "The theme's title."),
    },
    "required": ["code", "title"],
    "additionalProperties": False,
}

_PRIORITY: Final = {
    "title": "Priority",
    "description": "One social value priority that commitments and measures name by code.",
    "type": "object",
    "properties": {
        "code": ref("code", "The priority's stable code, unique in the framework."),
        "title": text(200, "The priority's title as published."),
        "description": text(
            1000, "A short description of what the priority asks for.", multiline=True
        ),
        "theme": {
            "anyOf": [{"$ref": "#/$defs/code"}, {"type": "null"}],
            "description": "Code of the parent theme, or null; must be a declared theme"
            " when the framework declares themes.",
        },
        "outcome": {
            "anyOf": [{"$ref": "#/$defs/code"}, {"type": "null"}],
            "description": "Code of the parent outcome (Themes, Outcomes, Measures"
            " models), or null.",
        },
    },
    "required": ["code", "title", "description"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "framework",
    title="Social value priority framework",
    description=(
        "A versioned catalogue of social value priorities (for example the GM Social"
        " Value Framework 2020), with the source it was taken from. Charter commitments"
        " name its priorities by code."
    ),
    properties={
        "id": ref("code", "The framework's stable id, e.g. 'gm-sv-framework-2020'."),
        "title": text(200, "The framework's title."),
        "version": ref("code", "The version, e.g. '2020'; signups record it."),
        "source": text(1000, "Where the framework comes from: publisher, title, date."),
        "published": ref("date", "The date the framework was published."),
        "priorities": {
            "type": "array",
            "description": "The priorities, 1 to 500, each code at most once.",
            "items": {"$ref": "#/$defs/priority"},
            "minItems": 1,
            "maxItems": 500,
        },
        "themes": {
            "type": "array",
            "description": "Declared themes (may be empty), each code at most once.",
            "items": {"$ref": "#/$defs/theme"},
            "maxItems": 100,
        },
    },
    required=["id", "title", "version", "source", "published", "priorities"],
    extra_defs={"priority": _PRIORITY, "theme": _THEME},
)
