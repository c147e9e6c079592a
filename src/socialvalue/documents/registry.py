"""The document registry: every kind of document, its class and its JSON Schema.

A kind's area (and its schema module) is imported the first time the kind is used,
so ``import socialvalue`` stays light and a program that loads only Review
submissions never imports the tender or report areas.
"""

from __future__ import annotations

import copy
import functools
import importlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields
from socialvalue.documents._class_schemas import kind_schema
from socialvalue.documents.schemas import BASE_URI
from socialvalue.errors import InvalidDocument, Issue

if TYPE_CHECKING:
    import referencing

__all__ = [
    "SCHEMA_KINDS",
    "DocumentKind",
    "export_schemas",
    "kind_of",
    "schema",
    "schema_registry",
]


@attrs.frozen(field_transformer=typed_fields)
class DocumentKind:
    """A kind of document: its name, the class it loads as, and its JSON Schema."""

    name: str
    type: type
    schema: Mapping[str, Any] = attrs.field(repr=False)


# Each kind by name: the module and class it loads as (its schema is generated from
# the class, see documents._class_schemas).
# Strings, not imports: a kind's area is imported when the kind is first used, so
# importing the registry (or the package) does not import every area. The registry
# knows the areas; no area knows the registry.
_SOURCES: Final[Mapping[str, tuple[str, str]]] = {
    # suppliers, contracts, spend and policy
    "supplier": ("socialvalue.spend.suppliers", "Supplier"),
    "contract": ("socialvalue.spend.contracts", "Contract"),
    "spend": ("socialvalue.spend.payments", "SpendBatch"),
    "spend-layout": ("socialvalue.spend.layouts", "Layout"),
    "policy": ("socialvalue.policy.social_value_policy", "Policy"),
    # frameworks and charter signups
    "framework": ("socialvalue.frameworks.model", "Framework"),
    "crosswalk": ("socialvalue.frameworks.model", "Crosswalk"),
    "charter-signup": ("socialvalue.charter.signups", "CharterSignup"),
    # review submissions and measure catalogues
    "measure-catalogue": ("socialvalue.review.measures", "MeasureCatalogue"),
    "review-submission": ("socialvalue.review.submissions", "ReviewSubmission"),
    # bids, evaluation models and services
    "bid": ("socialvalue.tender.bids", "Bid"),
    "evaluation-model": ("socialvalue.tender.criteria", "EvaluationModel"),
    "service": ("socialvalue.commissioning.services", "Service"),
    # regional report
    "regional-report": ("socialvalue.report.model", "PublishedReport"),
}

# Kinds built so far, by name and by class (tests register kinds of their own here).
_KINDS: Final[dict[str, DocumentKind]] = {}
_BY_TYPE: Final[dict[type, DocumentKind]] = {}
# The kind of each registered class, by where the class is defined, so that
# kind_of() can answer without importing every area.
_BY_CLASS_NAME: Final = {(module, cls): name for name, (module, cls) in _SOURCES.items()}

#: The names of every document kind, e.g. ``"supplier"``, ``"review-submission"``.
SCHEMA_KINDS: Final[tuple[str, ...]] = tuple(sorted(_SOURCES))


def _build(name: str) -> DocumentKind:
    module, cls_name = _SOURCES[name]
    cls = getattr(importlib.import_module(module), cls_name)
    kind = DocumentKind(name, cls, kind_schema(name, cls, BASE_URI))
    _KINDS[name] = kind
    _BY_TYPE[kind.type] = kind
    return kind


def _all_kinds() -> list[DocumentKind]:
    """Every kind, each built if it was not yet (for the registry and the exports)."""
    return [_KINDS.get(name) or _build(name) for name in sorted({*_SOURCES, *_KINDS})]


def _kind(name: str) -> DocumentKind:
    try:
        return _KINDS.get(name) or _build(name)
    except (KeyError, TypeError):
        known = ", ".join(SCHEMA_KINDS) or "none yet"
        raise InvalidDocument(
            [
                Issue.at(
                    [], "document.unknown_kind", f"unknown document kind {name!r}; known: {known}"
                )
            ]
        ) from None


@typed_arguments
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kind``, as a fresh ``dict`` to do with as you like."""
    return copy.deepcopy(dict(_kind(kind).schema))


@functools.cache
def schema_registry() -> referencing.Registry[Any]:
    """A ``referencing`` registry holding every schema by its ``$id``.

    Built on first use, not at import: ``referencing`` costs about 15 ms to import,
    which loading and validating documents never need.
    """
    import referencing
    from referencing.jsonschema import DRAFT202012

    return (
        referencing.Registry()
        .with_resources(
            (kind.schema["$id"], DRAFT202012.create_resource(kind.schema)) for kind in _all_kinds()
        )
        .crawl()
    )


def export_schemas() -> dict[str, str]:
    """Every schema as the text of a JSON file, by file name (``supplier.json``, …).

    The text is what ``json.dumps(schema, indent=2, ensure_ascii=False)`` writes,
    plus a final newline: keys in the schema's own order (``$schema``, ``$id``,
    ``title``, ``description``, then the properties as the model lists them), which
    is stable because schemas are Python literals. This function does no I/O:
    ``socialvalue schema --all docs/schemas`` (``make schemas``) writes the files,
    and a test keeps ``docs/schemas/`` identical to this text.
    """
    return {f"{kind.name}.json": _json_text(kind.schema) + "\n" for kind in _all_kinds()}


_JSON_ESCAPES: Final = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_JSON_NEEDS_ESCAPE: Final = re.compile(r'[\\"\x00-\x1f]')


def _json_string(text: str) -> str:
    escaped = _JSON_NEEDS_ESCAPE.sub(lambda m: _JSON_ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)
    return f'"{escaped}"'


def _json_text(value: object, indent: str = "") -> str:
    """JSON text of schema data (dicts, lists, strings, ints, bools, None), as ``json`` writes it.

    The domain may not import :mod:`json` (an I/O module by this project's rules),
    and schemas hold only these few types, so a small writer does.
    """
    inner = indent + "  "
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = [f"{inner}{_json_string(k)}: {_json_text(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [f"{inner}{_json_text(item, inner)}" for item in value]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"schemas hold only JSON data; got {type(value).__name__}")


def kind_of(obj: object) -> str:
    """The document kind that ``obj`` dumps as; ``TypeError`` if it has none."""
    type_ = type(obj)
    known = _BY_TYPE.get(type_)
    if known is not None:
        return known.name
    name = _BY_CLASS_NAME.get((type_.__module__, type_.__qualname__))
    if name is None or _kind(name).type is not type_:
        raise TypeError(f"{type_.__name__} is not a document type")
    return name
