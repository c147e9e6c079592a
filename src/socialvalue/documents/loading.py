"""Validate, load and dump documents: JSON data in, frozen domain objects out.

How it stays fast and complete: a strict converter loads valid documents without
collecting errors; only when it fails does a second pass with detailed validation
walk the whole document to gather every issue, cross-field domain rules included.
"""

from __future__ import annotations

from typing import Any

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue._typed import typed_fields
from socialvalue.documents import _converter, _issues, _loaders
from socialvalue.documents.registry import _kind, kind_of
from socialvalue.errors import InvalidDocument, Issue

__all__ = ["ValidationReport", "dump", "load", "validate"]


@attrs.frozen(field_transformer=typed_fields)
class ValidationReport:
    """What :func:`validate` found: ``ok`` when there are no ``issues``.

    ``issues`` are sorted by path and hold every problem at once, from the schema's
    rules and the domain's cross-field rules alike.
    """

    kind: str
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the document has no issues."""
        return not self.issues

    def raise_for_issues(self) -> None:
        """Raise :class:`~socialvalue.errors.InvalidDocument` if there are issues."""
        if self.issues:
            raise InvalidDocument(self.issues, kind=self.kind)

    def __bool__(self) -> bool:
        return self.ok


def _structure(document: object, type_: type) -> tuple[Any, tuple[Issue, ...]]:
    """The object, or the issues that stop it: fast path first, thorough on failure."""
    try:
        return _loaders.loader(type_)(document), ()
    except Exception:  # noqa: BLE001 - any failure sends us to the thorough pass
        return _thorough(document, type_)


def _thorough(document: object, type_: type) -> tuple[Any, tuple[Issue, ...]]:
    """The object, or every issue that stops it, with its path."""
    try:
        return _converter.thorough.structure(document, type_), ()
    except Exception as exc:  # noqa: BLE001 - every failure becomes issues
        issues = _issues.issues_from(exc)
    return None, tuple(sorted(set(issues), key=Issue.sort_key))


@in_library_context
@typed_arguments
def validate(kind: str, document: object) -> ValidationReport:
    """Check ``document`` as a ``kind`` document and report every problem at once.

    Never raises for bad *content*: wrong types, missing or extra keys, bad
    decimals and dates, and broken domain rules all come back as issues. An unknown
    ``kind`` raises :class:`~socialvalue.errors.InvalidDocument`.
    """
    _, issues = _structure(document, _kind(kind).type)
    return ValidationReport(kind, issues)


@in_library_context
@typed_arguments
def load(kind: str, document: object) -> Any:
    """Turn a ``kind`` document into its domain object.

    Raises :class:`~socialvalue.errors.InvalidDocument` carrying every issue when the
    document is not valid.
    """
    type_ = _kind(kind).type
    try:
        return _loaders.loader(type_)(document)
    except Exception:  # noqa: BLE001 - any failure sends us to the thorough pass
        pass
    obj, issues = _thorough(document, type_)
    if issues:
        raise InvalidDocument(issues, kind=kind)
    return obj


@in_library_context
@typed_arguments
def dump(obj: object) -> dict[str, Any]:
    """The JSON-ready document for a domain object (decimals as strings, dates ISO).

    ``load(kind_of(obj), dump(obj)) == obj`` for every document type.
    """
    kind_of(obj)
    result: dict[str, Any] = _converter.unstructure(obj)
    return result
