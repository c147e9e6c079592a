"""The converter: strict hooks, and issues that carry the field's path."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

import attrs
import pytest

from socialvalue import Money, Period
from socialvalue._fields import Code, DecimalRange, Items, Text
from socialvalue.documents._converter import unstructure
from socialvalue.documents._issues import describe
from socialvalue.documents.loading import _structure


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen
class Line:
    code: str = attrs.field(validator=Code())
    quantity: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
    note: str | None = attrs.field(default=None, validator=Text(max_length=5, optional=True))


@attrs.frozen
class Doc:
    name: str = attrs.field(validator=Text(max_length=10))
    colour: Colour
    when: date
    count: int
    flag: bool
    period: Period
    total: Money
    lines: tuple[Line, ...] = attrs.field(
        converter=tuple, validator=Items(min_items=1, max_items=3, unique_by=lambda line: line.code)
    )


GOOD = {
    "name": "Acme",
    "colour": "red",
    "when": "2025-04-01",
    "count": 3,
    "flag": True,
    "period": {"start": "2025-04-01", "end": "2026-03-31"},
    "total": {"amount": "12.50", "currency": "GBP"},
    "lines": [{"code": "A-1", "quantity": "1.5", "note": None}, {"code": "B", "quantity": "0"}],
}


def issues(document: object) -> dict[str, str]:
    obj, found = _structure(document, Doc)
    assert obj is None
    return {issue.path: issue.code for issue in found}


def test_valid_document_loads_and_round_trips() -> None:
    obj, found = _structure(GOOD, Doc)
    assert found == ()
    assert obj.total == Money("12.5")
    assert obj.lines[1].note is None
    again, _ = _structure(unstructure(obj), Doc)
    assert again == obj


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("name", 42, "value.wrong_type"),
        ("name", "", "text.empty"),
        ("name", " Acme", "text.untrimmed"),
        ("name", "x" * 11, "text.too_long"),
        ("colour", "green", "value.not_in_choices"),
        ("colour", 1, "value.not_in_choices"),
        ("when", "20240105", "date.bad_format"),
        ("when", "2024-W01-1", "date.bad_format"),
        ("when", "2024-02-30", "date.impossible"),
        ("when", "2024-01-05T00:00:00", "date.bad_format"),
        ("when", 20240105, "value.wrong_type"),
        ("count", "3", "value.wrong_type"),
        ("count", True, "value.wrong_type"),
        ("flag", "yes", "value.wrong_type"),
        ("flag", 1, "value.wrong_type"),
        ("period", [], "value.wrong_type"),
        ("lines", "abc", "value.wrong_type"),
        ("lines", [], "list.empty"),
    ],
)
def test_each_bad_field_is_reported_at_its_path(path: str, value: object, expected: str) -> None:
    assert issues({**GOOD, path: value}) == {f"$.{path}": expected}


def test_every_problem_at_once_with_nested_paths() -> None:
    document = {
        **GOOD,
        "name": 1,
        "extra": True,
        "period": {"start": "2025-04-02", "end": "2025-04-01"},
        "total": {"amount": 12.5, "currency": "gbp"},
        "lines": [
            {"code": "A", "quantity": "-0"},
            {"code": "bad code", "quantity": "1e3", "x": 1},
            {"code": "A", "quantity": "1", "note": "toolong"},
        ],
    }
    del document["count"]
    assert issues(document) == {
        "$.count": "value.missing",
        "$.extra": "value.unexpected",
        "$.name": "value.wrong_type",
        "$.period.end": "period.end_before_start",
        "$.total.amount": "value.wrong_type",
        "$.total.currency": "money.bad_currency",  # both parts, not only the first
        "$.lines[0].quantity": "decimal.out_of_range",
        "$.lines[1].code": "text.bad_format",
        "$.lines[1].quantity": "decimal.bad_format",
        "$.lines[1].x": "value.unexpected",
        "$.lines[2].note": "text.too_long",
    }


def test_cross_item_rules_point_at_the_repeat() -> None:
    document = {**GOOD, "lines": [{"code": "A", "quantity": "1"}, {"code": "A", "quantity": "2"}]}
    assert issues(document) == {"$.lines[1]": "list.duplicate"}


def test_money_needs_both_keys_and_a_real_currency() -> None:
    assert issues({**GOOD, "total": {"amount": "1"}}) == {"$.total.currency": "value.missing"}
    assert issues({**GOOD, "total": {"amount": "1", "currency": "GBP", "vat": "0"}}) == {
        "$.total.vat": "value.unexpected"
    }
    assert issues({**GOOD, "total": {"amount": "1", "currency": "gbp"}}) == {
        "$.total.currency": "money.bad_currency"
    }
    assert issues({**GOOD, "total": {"amount": "1", "currency": 1}}) == {
        "$.total.currency": "value.wrong_type"
    }
    assert issues({**GOOD, "total": "£1"}) == {"$.total": "value.wrong_type"}


def test_messages_speak_to_the_supplier() -> None:
    _, found = _structure({**GOOD, "lines": [{"code": "A", "quantity": 12.5}]}, Doc)
    assert (
        found[0].message == 'quantity must be a decimal string such as "12.5"; got the number 12.5'
    )


def test_non_dict_documents_and_odd_keys() -> None:
    assert issues([1, 2]) == {"$": "value.wrong_type"}
    assert issues({**GOOD, 1: "x"}) == {"$['1']": "value.unexpected"}


def test_describe() -> None:
    assert describe(None) == "null"
    assert describe(False) == "false"
    assert describe(10**40).endswith("...")
    assert describe("x" * 50).endswith("...'")
    assert describe({}) == "an object"
    assert describe(b"x") == "a Python bytes, which JSON cannot hold"


def test_measure_target_is_checked_field_by_field() -> None:
    from socialvalue import MeasureTarget

    assert MeasureTarget("A", Decimal("1")).quantity == Decimal("1")
    with pytest.raises(ValueError, match="at least 0") as info:
        MeasureTarget("A", Decimal("-1"))
    assert info.value.field == ("quantity",)  # type: ignore[attr-defined]
    _, found = _structure({"measure": " A", "quantity": "-0"}, MeasureTarget)
    assert {i.path: i.code for i in found} == {
        "$.measure": "text.bad_format",
        "$.quantity": "decimal.out_of_range",
    }
