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
:data:`~socialvalue._converter.MAX_LIST_ITEMS` items, and nesting is bounded by the
schema's own shape because unexpected keys are refused before they are read.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from socialvalue import _converter
from socialvalue.errors import InvalidDocument, Issue

if TYPE_CHECKING:
    import referencing

__all__ = [
    "SCHEMA_KINDS",
    "DocumentKind",
    "ValidationReport",
    "dump",
    "export_schemas",
    "kind_of",
    "load",
    "schema",
    "schema_registry",
    "validate",
]


@attrs.frozen
class DocumentKind:
    """A kind of document: its name, the class it loads as, and its JSON Schema."""

    name: str
    type: type
    schema: Mapping[str, Any] = attrs.field(repr=False)


def _kinds() -> dict[str, DocumentKind]:
    # Imported here, not at module top, so that domain modules may import this one.
    # suppliers, contracts, spend and policy
    from socialvalue import spend as _spend
    from socialvalue import suppliers as _suppliers
    from socialvalue import thresholds as _thresholds
    from socialvalue.schemas import contract as _contract_schema
    from socialvalue.schemas import policy as _policy_schema
    from socialvalue.schemas import spend as _spend_schema
    from socialvalue.schemas import supplier as _supplier_schema

    # isort: split
    # frameworks and charter signups
    from socialvalue import charter as _charter
    from socialvalue import frameworks as _frameworks
    from socialvalue.schemas import charter_signup as _charter_signup_schema
    from socialvalue.schemas import framework as _framework_schema

    # isort: split
    # bids, evaluation models and services
    from socialvalue.bids import Bid
    from socialvalue.criteria import EvaluationModel
    from socialvalue.schemas import bid, evaluation_model, service
    from socialvalue.services import Service

    # isort: split
    # review submissions and measure catalogues
    from socialvalue import measures as _measures
    from socialvalue import submissions as _submissions
    from socialvalue.schemas import measure_catalogue as _measure_catalogue_schema
    from socialvalue.schemas import review_submission as _review_submission_schema

    # isort: split
    # regional report
    from socialvalue.report import PublishedReport
    from socialvalue.schemas import regional_report as _regional_report_schema

    kinds: list[DocumentKind] = [
        # suppliers, contracts, spend and policy
        DocumentKind("supplier", _suppliers.Supplier, _supplier_schema.SCHEMA),
        DocumentKind("contract", _spend.Contract, _contract_schema.SCHEMA),
        DocumentKind("spend", _spend.SpendBatch, _spend_schema.SCHEMA),
        DocumentKind("policy", _thresholds.Policy, _policy_schema.SCHEMA),
        # frameworks and charter signups
        DocumentKind("framework", _frameworks.Framework, _framework_schema.SCHEMA),
        DocumentKind("charter-signup", _charter.CharterSignup, _charter_signup_schema.SCHEMA),
        # review submissions and measure catalogues
        DocumentKind(
            "measure-catalogue", _measures.MeasureCatalogue, _measure_catalogue_schema.SCHEMA
        ),
        DocumentKind(
            "review-submission",
            _submissions.ReviewSubmission,
            _review_submission_schema.SCHEMA,
        ),
        # bids, evaluation models and services
        DocumentKind("bid", Bid, bid.SCHEMA),
        DocumentKind("evaluation-model", EvaluationModel, evaluation_model.SCHEMA),
        DocumentKind("service", Service, service.SCHEMA),
        # regional report
        DocumentKind("regional-report", PublishedReport, _regional_report_schema.SCHEMA),
    ]
    return {kind.name: kind for kind in kinds}


_KINDS: Final = _kinds()
_BY_TYPE: Final = {kind.type: kind for kind in _KINDS.values()}

#: The names of every document kind, e.g. ``"supplier"``, ``"review-submission"``.
SCHEMA_KINDS: Final[tuple[str, ...]] = tuple(sorted(_KINDS))


def _kind(name: str) -> DocumentKind:
    try:
        return _KINDS[name]
    except (KeyError, TypeError):
        known = ", ".join(SCHEMA_KINDS) or "none yet"
        raise InvalidDocument(
            [
                Issue.at(
                    [], "document.unknown_kind", f"unknown document kind {name!r}; known: {known}"
                )
            ]
        ) from None


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
            (kind.schema["$id"], DRAFT202012.create_resource(kind.schema))
            for kind in _KINDS.values()
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
    return {f"{name}.json": _json_text(_KINDS[name].schema) + "\n" for name in SCHEMA_KINDS}


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
    try:
        return _BY_TYPE[type(obj)].name
    except KeyError:
        raise TypeError(f"{type(obj).__name__} is not a document type") from None


@attrs.frozen
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
        return _converter.fast.structure(document, type_), ()
    except Exception:  # noqa: BLE001 - any failure sends us to the thorough pass
        pass
    try:
        return _converter.thorough.structure(document, type_), ()
    except Exception as exc:  # noqa: BLE001 - every failure becomes issues
        issues = _converter.issues_from(exc)
    return None, tuple(sorted(set(issues), key=Issue.sort_key))


def validate(kind: str, document: object) -> ValidationReport:
    """Check ``document`` as a ``kind`` document and report every problem at once.

    Never raises for bad *content*: wrong types, missing or extra keys, bad
    decimals and dates, and broken domain rules all come back as issues. An unknown
    ``kind`` raises :class:`~socialvalue.errors.InvalidDocument`.
    """
    _, issues = _structure(document, _kind(kind).type)
    return ValidationReport(kind, issues)


def load(kind: str, document: object) -> Any:
    """Turn a ``kind`` document into its domain object.

    Raises :class:`~socialvalue.errors.InvalidDocument` carrying every issue when the
    document is not valid.
    """
    obj, issues = _structure(document, _kind(kind).type)
    if issues:
        raise InvalidDocument(issues, kind=kind)
    return obj


def dump(obj: object) -> dict[str, Any]:
    """The JSON-ready document for a domain object (decimals as strings, dates ISO).

    ``load(kind_of(obj), dump(obj)) == obj`` for every document type.
    """
    kind_of(obj)
    result: dict[str, Any] = _converter.unstructure(obj)
    return result
