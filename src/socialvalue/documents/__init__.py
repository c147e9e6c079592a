"""Documents: validate, load and dump the JSON that suppliers and councils exchange.

Data flows one way: a JSON document (a ``dict``) is checked and turned into frozen
domain objects by :func:`load`, and objects go back to JSON by :func:`dump`, with
``load(kind, dump(obj)) == obj``. :func:`validate` reports *every* problem at once,
each an :class:`~socialvalue.errors.Issue` with a JSON path, sorted by path.

How it stays fast and complete: a strict converter loads valid documents without
collecting errors; only when it fails does a second pass with detailed validation
walk the whole document to gather every issue, cross-field domain rules included.
The JSON Schemas (:func:`schema`) state the same rules for other languages; tests
generate documents from each schema and check both sides give the same verdict.

Limits, so that untrusted input cannot hang or exhaust the process: text fields and
lists have documented maximum sizes (see each schema), no list holds more than
:data:`~socialvalue._fields.MAX_LIST_ITEMS` items, and nesting is bounded by the
schema's own shape because unexpected keys are refused before they are read.

This is the layer above every policy area: the registry knows the areas, and no
area imports this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.documents.loading import ValidationReport, dump, load, validate
    from socialvalue.documents.registry import (
        SCHEMA_KINDS,
        DocumentKind,
        export_schemas,
        kind_of,
        schema,
        schema_registry,
    )
    from socialvalue.documents.review_check import check_review_document

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.documents.loading": ("ValidationReport", "dump", "load", "validate"),
        "socialvalue.documents.registry": (
            "SCHEMA_KINDS",
            "DocumentKind",
            "export_schemas",
            "kind_of",
            "schema",
            "schema_registry",
        ),
        "socialvalue.documents.review_check": ("check_review_document",),
    },
)

__all__ = [
    "SCHEMA_KINDS",
    "DocumentKind",
    "ValidationReport",
    "check_review_document",
    "dump",
    "export_schemas",
    "kind_of",
    "load",
    "schema",
    "schema_registry",
    "validate",
]
