"""JSON Schemas generated from the document classes: one description per kind.

A kind's class is its description. Each field's annotation gives the JSON type,
its field check (:class:`~socialvalue._fields.FieldCheck`) the limits, patterns
and bounds (the same object that checks the value when it is loaded), its
``metadata["description"]`` the text, and the classes' docstrings the titles and
descriptions of the shared shapes in ``$defs``. Nested classes and enums become
``$defs`` entries named after the class (``ReportedLine`` → ``reported-line``).

Rules across fields, which no schema can state, are listed on the class that
checks them, in a ``CROSS_FIELD_RULES`` mapping of issue code to rule; every rule
reachable from a kind is named in its schema's description.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._fields import FieldCheck, Items, Schema, decimal_schema, shared
from socialvalue.money import Money, _money_schema

__all__ = ["UNSTATED_RULES", "kind_schema", "schema_name"]

#: Schema draft of every generated schema.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

#: Rules of every kind that no portable schema states, by issue code.
UNSTATED_RULES: Final[Mapping[str, str]] = {
    "text.bad_format": (
        "no text may hold a lone UTF-16 surrogate (\\ud800 to \\udfff), which cannot be saved"
        " as UTF-8"
    ),
    "date.impossible": "every date must exist (no 2024-02-30)",
}


def schema_name(cls: type) -> str:
    """The ``$defs`` name of ``cls``, in kebab case (``ReportedLine`` → ``reported-line``)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", cls.__name__).lower()


def _title(cls: type) -> str:
    words = schema_name(cls).replace("-", " ")
    return words[:1].upper() + words[1:]


def _about(cls: type) -> str:
    """The first paragraph of ``cls``'s docstring, on one line."""
    doc = cls.__doc__ or ""
    first = doc.strip().split("\n\n")[0]
    return " ".join(first.split()).replace("``", "")


def _members(validator: Any) -> tuple[Any, ...]:
    # attrs joins a field's list of validators into one, holding them in _validators;
    # optional() wraps one in .validator.
    members = getattr(validator, "_validators", (validator,))
    return tuple(getattr(m, "validator", m) for m in members)


def _field_check(field: attrs.Attribute[Any]) -> FieldCheck | None:
    from socialvalue.documents._converter import _declared_validator

    checks = [m for m in _members(_declared_validator(field)) if isinstance(m, FieldCheck)]
    return checks[0] if checks else None


def _optional_inner(type_: Any) -> Any | None:
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return None


class _Builder:
    """Builds one kind's schema, gathering the shared shapes and cross-field rules."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}
        self.rules: dict[str, str] = {}

    def value(self, type_: Any, check: FieldCheck | None) -> Schema:
        inner = _optional_inner(type_)
        if inner is not None:
            schema = self.value(inner, check)
            if schema == {"type": "boolean"}:
                return {"type": ["boolean", "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        stated = check.json_schema(self.defs) if check is not None else None
        args = typing.get_args(type_)
        if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
            array = dict(stated) if stated is not None else {"type": "array"}
            if "items" not in array:
                array = {"type": "array", "items": self.value(args[0], None), **array}
            return array
        if stated is not None:
            return stated
        return self.plain(type_)

    def plain(self, type_: Any) -> Schema:
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is str:
            return {"type": "string"}
        if type_ is Decimal:
            return decimal_schema(self.defs, None, None)
        if type_ is date:
            return _date(self.defs)
        if type_ is Money:
            return _money_schema(self.defs)
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return shared(
                self.defs,
                schema_name(type_),
                {
                    "title": _title(type_),
                    "description": _about(type_),
                    "type": "string",
                    "enum": [member.value for member in type_],
                },
            )
        if isinstance(type_, type) and attrs.has(type_):
            name = schema_name(type_)
            if name not in self.defs:
                self.defs[name] = {}  # a placeholder, so a class may contain itself
                self.defs[name] = {"title": _title(type_), **self.object(type_)}
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"no JSON Schema for a field of type {type_!r}")

    def object(self, cls: type) -> Schema:
        """The object schema of an attrs class: one property per field it is built from."""
        attrs.resolve_types(cls)
        self.rules.update(getattr(cls, "CROSS_FIELD_RULES", {}))
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            check = _field_check(field)
            if isinstance(check, Items) and check.unique_by is not None:
                self.rules["list.duplicate"] = "no two items of a list of unique items share a key"
            prop = self.value(field.type, check)
            description = field.metadata.get("description")
            if description:
                prop = {**prop, "description": description}
            properties[field.alias or field.name] = prop
            if field.default is attrs.NOTHING:
                required.append(field.alias or field.name)
        schema: Schema = {"description": _about(cls), "type": "object", "properties": properties}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema


def _date(defs: dict[str, Schema]) -> Schema:
    return shared(
        defs,
        "date",
        {
            "title": "Date",
            "description": "A calendar date written YYYY-MM-DD; it must exist (no 2024-02-30).",
            "type": "string",
            "format": "date",
            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])",
        },
    )


def kind_schema(kind: str, cls: type, base_uri: str) -> dict[str, Any]:
    """The self-contained draft 2020-12 schema of the document ``kind``, loaded as ``cls``."""
    builder = _Builder()
    body = builder.object(cls)
    rules = {**builder.rules, **UNSTATED_RULES}
    unstated = "; ".join(f"{rule} ({code})" for code, rule in sorted(rules.items()))
    return {
        "$schema": DRAFT,
        "$id": f"{base_uri}{kind}.json",
        "title": _title(cls),
        "description": (
            f"{body.pop('description')} Checked on loading, beyond this schema: {unstated}."
        ),
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }
