"""The document API's behaviour that does not depend on any one kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue.documents import ValidationReport, _converter, kind_of, schemas


def test_unknown_kind_is_an_invalid_document() -> None:
    for call in (sv.validate, sv.load):
        with pytest.raises(sv.InvalidDocument) as info:
            call("no-such-kind", {})
        assert info.value.issues[0].code == "document.unknown_kind"
    with pytest.raises(sv.InvalidDocument):
        sv.schema("no-such-kind")


def test_dump_refuses_non_documents() -> None:
    with pytest.raises(TypeError, match="not a document type"):
        kind_of(sv.Money("1"))
    with pytest.raises(TypeError):
        sv.dump(object())


def test_report() -> None:
    ok = ValidationReport("supplier")
    assert ok.ok
    assert bool(ok)
    ok.raise_for_issues()
    bad = ValidationReport("supplier", (sv.Issue.at(["name"], "text.empty", "name is empty"),))
    assert not bad
    with pytest.raises(sv.InvalidDocument, match="supplier document has 1 problem"):
        bad.raise_for_issues()


def test_every_kind_has_a_schema_in_the_registry() -> None:
    registry = sv.schema_registry()
    for kind in sv.SCHEMA_KINDS:
        document_schema = sv.schema(kind)
        jsonschema.Draft202012Validator.check_schema(document_schema)
        assert registry.contents(document_schema["$id"]) == document_schema


def _defs_validator(name: str) -> jsonschema.Draft202012Validator:
    schema: dict[str, Any] = schemas.document_schema(
        "test", title="t", description="d", properties={}, required=[]
    )
    schema.update(schemas.DEFS[name])
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_shared_definitions_are_valid_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(
        schemas.document_schema(
            "test",
            title="t",
            description="d",
            properties={"name": schemas.text(10, "a name"), "when": schemas.ref("date", "d")},
            required=["name"],
        )
    )
    with pytest.raises(KeyError):
        schemas.ref("nope", "x")


DECIMAL_SAMPLES = st.one_of(
    st.from_regex(r"-?[0-9]{1,17}(\.[0-9]{0,7})?", fullmatch=True),
    st.text(alphabet="0123456789.-eE+ \n", max_size=12),
)


@given(DECIMAL_SAMPLES)
def test_decimal_schema_and_converter_agree(text: str) -> None:
    schema_ok = _defs_validator("decimal").is_valid(text)
    try:
        _converter.fast.structure(text, Decimal)
        converter_ok = True
    except sv.RuleViolation:
        converter_ok = False
    assert schema_ok == converter_ok


@given(st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\n?", fullmatch=True))
def test_date_pattern_refuses_trailing_newline(text: str) -> None:
    if text.endswith("\n"):
        assert not _defs_validator("date").is_valid(text)
