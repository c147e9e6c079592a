"""Schema of a ``crosswalk`` document: one framework's priorities reported under another's.

A crosswalk document holds both frameworks in full (each as a ``framework``
document) and the links between their priority codes, each with its rationale. A
crosswalk means something only for the versions of the two vocabularies it joins,
so the document carries them rather than naming built-in ones: it reads the same
in any library version, and the built-in frameworks dump as documents
(``socialvalue.dump(socialvalue.frameworks.get("ppn-06-20"))``) to start from.

The schema states each value's form; that a link names a priority of its own
framework (``crosswalk.unknown_priority``) and that no link is repeated
(``list.duplicate``) are checked on loading, at the link's path.
"""

from __future__ import annotations

from typing import Any, Final

from socialvalue.documents.schemas import document_schema, ref, text
from socialvalue.documents.schemas.framework import SCHEMA as FRAMEWORK_SCHEMA

__all__ = ["SCHEMA"]

_FRAMEWORK: Final[dict[str, Any]] = {
    "title": "Framework",
    "description": FRAMEWORK_SCHEMA["description"],
    "type": "object",
    "properties": FRAMEWORK_SCHEMA["properties"],
    "required": FRAMEWORK_SCHEMA["required"],
    "additionalProperties": False,
}

_LINK: Final = {
    "title": "Crosswalk link",
    "description": "One source priority reported under one target priority, with why.",
    "type": "object",
    "properties": {
        "source": ref("code", "A priority code of the source framework."),
        "target": ref("code", "A priority code of the target framework."),
        "rationale": text(
            1000, "Why the source priority counts under the target one.", multiline=True
        ),
    },
    "required": ["source", "target", "rationale"],
    "additionalProperties": False,
}

SCHEMA: Final = document_schema(
    "crosswalk",
    title="Crosswalk between social value frameworks",
    description=(
        "A many-to-many mapping from one framework's priorities to another's (for example"
        " a council's own priorities to the Social Value Model of PPN 06/20), each link"
        " with its rationale, so that value and commitments made under one vocabulary"
        " can be reported under the other."
    ),
    properties={
        "source": {
            "$ref": "#/$defs/framework",
            "description": "The framework whose priorities are mapped, in full.",
        },
        "target": {
            "$ref": "#/$defs/framework",
            "description": "The framework they are reported under, in full.",
        },
        "links": {
            "type": "array",
            "description": "The links, at most 10,000, each (source, target) pair at most"
            " once; a source priority with no link is carried nowhere.",
            "items": {"$ref": "#/$defs/link"},
            "maxItems": 10_000,
        },
    },
    required=["source", "target", "links"],
    extra_defs={
        "framework": _FRAMEWORK,
        "priority": FRAMEWORK_SCHEMA["$defs"]["priority"],
        "theme": FRAMEWORK_SCHEMA["$defs"]["theme"],
        "link": _LINK,
    },
)
