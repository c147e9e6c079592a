"""Any mapping, any string: what Python passes for JSON reads as ``json`` would write it.

Issue 15 item 5. A document built in Python may hold an ``OrderedDict``, a
``defaultdict``, a read-only mapping, a ``str`` subclass or a str-valued enum, an
``IntEnum`` or a tuple where JSON has an object, text, a number or an array; each
reads as its base type, as ``json.dumps`` and jsonschema read it. Only a value JSON
cannot hold (a set, bytes, a ``Decimal``, a ``date``) is refused, and the message
says what was found.
"""

from __future__ import annotations

import collections
import enum
import json
import types
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv

EXAMPLES = Path(__file__).parent / "examples"


def example(kind: str) -> Any:
    path = sorted((EXAMPLES / kind).glob("*.json"))[0]
    return json.loads(path.read_text(encoding="utf-8"))


class Text(str):
    """A str subclass whose own str() differs from the text it holds."""

    def __str__(self) -> str:
        return "not this"


class Choice(str, enum.Enum):  # noqa: UP042 - the mixin, whose str() is not its value
    SMALL = "small"


class Months(enum.IntEnum):
    YEAR = 12


class Frozen(Mapping[str, Any]):
    """A mapping that is not a dict."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def test_an_ordered_dict_supplier_is_valid_and_loads_as_the_dict_would() -> None:
    document = example("supplier")
    report = sv.validate("supplier", collections.OrderedDict(document))
    assert report.ok, report.issues
    assert sv.load("supplier", collections.OrderedDict(document)) == sv.load("supplier", document)


@pytest.mark.parametrize(
    "wrap",
    [
        collections.OrderedDict,
        lambda d: collections.defaultdict(list, d),
        types.MappingProxyType,
        Frozen,
        lambda d: collections.ChainMap(d),
    ],
    ids=["OrderedDict", "defaultdict", "MappingProxyType", "Mapping", "ChainMap"],
)
@pytest.mark.parametrize("kind", sv.SCHEMA_KINDS)
def test_every_kind_reads_any_mapping_as_an_object(kind: str, wrap: Any) -> None:
    document = example(kind)
    assert sv.load(kind, wrap(document)) == sv.load(kind, document)


def test_str_subclasses_and_str_enums_read_as_the_text_they_hold() -> None:
    document = example("supplier")
    document["id"] = Text(document["id"])
    document["name"] = Text(document["name"])
    document["organisation_type"] = Choice.SMALL
    supplier = sv.load("supplier", document)
    assert supplier.organisation_type is sv.OrganisationType.SMALL
    assert type(supplier.id) is str
    assert supplier.id == str.__str__(document["id"])
    assert type(supplier.name) is str


def test_keys_that_are_str_subclasses_read_as_their_text() -> None:
    class Key(enum.StrEnum):
        ID = "id"
        NAME = "name"

    document = example("supplier")
    document[Key.ID] = document.pop("id")
    document[Key.NAME] = document.pop("name")
    assert sv.validate("supplier", document).ok


def test_str_subclasses_read_as_decimals_dates_and_currencies() -> None:
    document = example("contract")
    document["value"] = {"amount": Text(document["value"]["amount"]), "currency": Text("GBP")}
    document["start"] = Text(document["start"])
    loaded = sv.load("contract", document)
    assert loaded == sv.load("contract", example("contract"))


def test_an_int_enum_reads_as_its_number_and_a_tuple_as_a_list() -> None:
    document = example("charter-signup")
    document["valid_months"] = Months.YEAR
    document["commitments"] = tuple(document["commitments"])
    loaded = sv.load("charter-signup", document)
    assert type(loaded.valid_months) is int
    assert loaded.valid_months == 12


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ({"small"}, "a Python set, which JSON cannot hold"),
        (b"small", "a Python bytes, which JSON cannot hold"),
        (Decimal("1"), "a Python Decimal, which JSON cannot hold"),
        (date(2025, 4, 1), "a Python date, which JSON cannot hold"),
        (object(), "a Python object, which JSON cannot hold"),
        (
            sv.OrganisationType.SMALL,
            "OrganisationType.SMALL, an enum member (give its value 'small')",
        ),
    ],
    ids=["set", "bytes", "Decimal", "date", "object", "enum member"],
)
def test_values_json_cannot_hold_are_refused_saying_what_was_found(
    value: object, found: str
) -> None:
    document = example("supplier")
    document["organisation_type"] = value
    issues = sv.validate("supplier", document).issues
    assert [(i.path, i.code) for i in issues] == [("$.organisation_type", "value.not_in_choices")]
    assert issues[0].message.endswith(f"got {found}"), issues[0].message


def test_a_mapping_where_text_belongs_is_an_object_not_text() -> None:
    document = example("supplier")
    document["name"] = collections.OrderedDict(a=1)
    issues = sv.validate("supplier", document).issues
    assert [i.message for i in issues] == ["name must be text; got an object"]


def pythonic(value: Any, draw: Any) -> Any:
    """``value`` with each object, text and array made another type JSON writes alike."""
    if isinstance(value, dict):
        items = {k: pythonic(v, draw) for k, v in value.items()}
        wrap = draw(
            st.sampled_from([dict, collections.OrderedDict, types.MappingProxyType, Frozen])
        )
        return wrap(items)
    if isinstance(value, list):
        items = [pythonic(v, draw) for v in value]
        return draw(st.sampled_from([list, tuple]))(items)
    if isinstance(value, str):
        return draw(st.sampled_from([str, Text]))(value)
    return value


@pytest.mark.parametrize("kind", sv.SCHEMA_KINDS)
@given(data=st.data())
def test_any_mix_of_python_types_reads_as_the_json_document(kind: str, data: Any) -> None:
    document = example(kind)
    assert sv.load(kind, pythonic(document, data.draw)) == sv.load(kind, document)
