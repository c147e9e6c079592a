"""Bad input of every sort gets an issue at its path, never an exception.

The list follows issue 7: wrong types, missing and extra keys, unknown enum values,
impossible dates, date-times where dates belong, negative or ``-0`` quantities,
exponents, leading and trailing spaces, NaN, huge numbers, deeply nested or
enormous documents, non-string keys and odd unicode. Each case is one fault in an
otherwise valid document of the canary kind (``tests/canary.py``, shaped like a
Review submission), checked through the public ``validate`` and ``load``. The
limits these cases meet are in ``docs/reference/limits.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import socialvalue as sv
from socialvalue.documents import _converter, _issues
from socialvalue.errors import PathStep
from tests import canary

Doc = dict[str, Any]


@pytest.fixture(autouse=True)
def kind() -> Iterator[str]:
    with canary.registered() as name:
        yield name


def nested_list(depth: int) -> list[Any]:
    """A list nested ``depth`` levels deep, built without recursion."""
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def nested_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def nested_tuple(depth: int) -> tuple[Any, ...]:
    value: tuple[Any, ...] = ()
    for _ in range(depth):
        value = (value,)
    return value


def put(steps: tuple[PathStep, ...], value: Any) -> Callable[[Doc], None]:
    def mutate(document: Doc) -> None:
        parent: Any = document
        for step in steps[:-1]:
            parent = parent[step]
        parent[steps[-1]] = value

    return mutate


def drop(steps: tuple[PathStep, ...]) -> Callable[[Doc], None]:
    def mutate(document: Doc) -> None:
        parent: Any = document
        for step in steps[:-1]:
            parent = parent[step]
        del parent[steps[-1]]

    return mutate


DEEP = 100_000

#: (case, mutation, path of the issue, code of the issue)
CASES: list[tuple[str, Callable[[Doc], None], str, str]] = [
    # wrong types
    ("number for text", put(("supplier_id",), 42), "$.supplier_id", "value.wrong_type"),
    ("object for text", put(("supplier_id",), {}), "$.supplier_id", "value.wrong_type"),
    ("text for object", put(("period",), "2025/26"), "$.period", "value.wrong_type"),
    ("text for list", put(("lines",), "GM-JOBS"), "$.lines", "value.wrong_type"),
    ("null for required", put(("spend",), None), "$.spend", "value.wrong_type"),
    ("text for bool", put(("lines", 0, "local"), "yes"), "$.lines[0].local", "value.wrong_type"),
    ("number for bool", put(("lines", 0, "local"), 1), "$.lines[0].local", "value.wrong_type"),
    ("bool for int", put(("valid_months",), True), "$.valid_months", "value.wrong_type"),
    ("float for int", put(("valid_months",), 12.0), "$.valid_months", "value.wrong_type"),
    ("text for int", put(("valid_months",), "12"), "$.valid_months", "value.wrong_type"),
    # missing and extra keys
    ("missing key", drop(("declaration",)), "$.declaration", "value.missing"),
    (
        "missing nested key",
        drop(("lines", 1, "quantity")),
        "$.lines[1].quantity",
        "value.missing",
    ),
    ("missing currency", drop(("spend", "currency")), "$.spend.currency", "value.missing"),
    ("extra key", put(("colour",), "red"), "$.colour", "value.unexpected"),
    ("extra nested key", put(("lines", 0, "x"), 1), "$.lines[0].x", "value.unexpected"),
    ("extra money key", put(("spend", "vat"), "0"), "$.spend.vat", "value.unexpected"),
    # enums
    (
        "unknown enum value",
        put(("lines", 1, "evidence"), "receipt"),
        "$.lines[1].evidence",
        "value.not_in_choices",
    ),
    (
        "enum by name",
        put(("lines", 1, "evidence"), "PAYROLL"),
        "$.lines[1].evidence",
        "value.not_in_choices",
    ),
    # dates
    (
        "impossible date",
        put(("declaration", "signed_on"), "2024-02-30"),
        "$.declaration.signed_on",
        "date.impossible",
    ),
    (
        "date-time for date",
        put(("declaration", "signed_on"), "2025-04-01T00:00:00"),
        "$.declaration.signed_on",
        "date.bad_format",
    ),
    (
        "basic-format date",
        put(("declaration", "signed_on"), "20250401"),
        "$.declaration.signed_on",
        "date.bad_format",
    ),
    ("week date", put(("period", "start"), "2025-W14-1"), "$.period.start", "date.bad_format"),
    (
        "end before start",
        put(("period", "end"), "2025-03-31"),
        "$.period.end",
        "period.end_before_start",
    ),
    # quantities and amounts
    (
        "negative quantity",
        put(("lines", 0, "quantity"), "-1"),
        "$.lines[0].quantity",
        "decimal.out_of_range",
    ),
    (
        "minus zero",
        put(("lines", 0, "quantity"), "-0"),
        "$.lines[0].quantity",
        "decimal.out_of_range",
    ),
    (
        "number for decimal",
        put(("lines", 0, "quantity"), 12.5),
        "$.lines[0].quantity",
        "value.wrong_type",
    ),
    ("exponent", put(("lines", 0, "quantity"), "1e3"), "$.lines[0].quantity", "decimal.bad_format"),
    (
        "leading space",
        put(("lines", 0, "quantity"), " 3"),
        "$.lines[0].quantity",
        "decimal.bad_format",
    ),
    (
        "trailing newline",
        put(("lines", 0, "quantity"), "3\n"),
        "$.lines[0].quantity",
        "decimal.bad_format",
    ),
    ("NaN text", put(("lines", 0, "quantity"), "NaN"), "$.lines[0].quantity", "decimal.bad_format"),
    (
        "NaN number",
        put(("lines", 0, "quantity"), float("nan")),
        "$.lines[0].quantity",
        "value.wrong_type",
    ),
    (
        "infinity",
        put(("lines", 0, "quantity"), float("inf")),
        "$.lines[0].quantity",
        "value.wrong_type",
    ),
    (
        "huge exponent",
        put(("spend", "amount"), "1e999999999"),
        "$.spend.amount",
        "decimal.bad_format",
    ),
    (
        "huge digits",
        put(("spend", "amount"), "9" * 100_000),
        "$.spend.amount",
        "decimal.bad_format",
    ),
    (
        "huge integer",
        put(("lines", 0, "quantity"), 10**100_000),
        "$.lines[0].quantity",
        "value.wrong_type",
    ),
    (
        "too many places",
        put(("spend", "amount"), "1.0000001"),
        "$.spend.amount",
        "decimal.bad_format",
    ),
    (
        "lower-case currency",
        put(("spend", "currency"), "gbp"),
        "$.spend.currency",
        "money.bad_currency",
    ),
    # text
    (
        "leading space in text",
        put(("declaration", "signatory"), " A Director"),
        "$.declaration.signatory",
        "text.untrimmed",
    ),
    (
        "trailing newline in text",
        put(("declaration", "signatory"), "A Director\n"),
        "$.declaration.signatory",
        "text.untrimmed",
    ),
    ("empty text", put(("declaration", "signatory"), ""), "$.declaration.signatory", "text.empty"),
    (
        "blank text",
        put(("declaration", "signatory"), " \t"),
        "$.declaration.signatory",
        "text.empty",
    ),
    (
        "enormous text",
        put(("declaration", "signatory"), "x" * 10_000_000),
        "$.declaration.signatory",
        "text.too_long",
    ),
    ("code with a space", put(("supplier_id",), "GB COH"), "$.supplier_id", "text.bad_format"),
    (
        "lone surrogate",
        put(("declaration", "signatory"), "A \ud800 B"),
        "$.declaration.signatory",
        "text.bad_format",
    ),
    (
        "lone low surrogate",
        put(("lines", 0, "note"), "\udc80x"),
        "$.lines[0].note",
        "text.bad_format",
    ),
    ("surrogate in a code", put(("supplier_id",), "GB\udfff"), "$.supplier_id", "text.bad_format"),
    # lists
    ("empty list", put(("lines",), []), "$.lines", "list.empty"),
    (
        "duplicate item",
        put(("contract_ids",), ["C-1", "C-1"]),
        "$.contract_ids[1]",
        "list.duplicate",
    ),
    ("bad item", put(("contract_ids",), ["C-1", "C 2"]), "$.contract_ids[1]", "text.bad_format"),
    ("too many items", put(("lines",), [{}] * 100_000), "$.lines", "list.too_long"),
    (
        "more items than any list may hold",
        put(("contract_ids",), ["C"] * (_converter.MAX_LIST_ITEMS + 1)),
        "$.contract_ids",
        "list.too_long",
    ),
    # deep nesting, anywhere
    (
        "deep list for text",
        put(("supplier_id",), nested_list(DEEP)),
        "$.supplier_id",
        "value.wrong_type",
    ),
    (
        "deep object for list item",
        put(("lines", 0), nested_dict(DEEP)),
        "$.lines[0].a",
        "value.unexpected",
    ),
    ("deep value under an extra key", put(("x",), nested_list(DEEP)), "$.x", "value.unexpected"),
    ("deep object for money", put(("spend",), nested_dict(DEEP)), "$.spend.a", "value.unexpected"),
    # keys that JSON cannot have (from Python callers)
    ("integer key", put((1,), "x"), "$['1']", "value.unexpected"),
    ("tuple key", put((("a", "b"),), "x"), "$['<a tuple key>']", "value.unexpected"),
    ("deep tuple key", put((nested_tuple(DEEP),), "x"), "$['<a tuple key>']", "value.unexpected"),
    ("none key", put((None,), "x"), "$.null", "value.unexpected"),
]


@pytest.mark.parametrize(
    ("mutate", "path", "code"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_gets_an_issue_at_its_path(
    kind: str, mutate: Callable[[Doc], None], path: str, code: str
) -> None:
    document = copy.deepcopy(canary.EXAMPLE)
    mutate(document)
    report = sv.validate(kind, document)
    assert (path, code) in {(issue.path, issue.code) for issue in report.issues}, report.issues
    with pytest.raises(sv.InvalidDocument) as raised:
        sv.load(kind, document)
    assert raised.value.issues == report.issues
    assert all(len(issue.message) < 400 for issue in report.issues)


@pytest.mark.parametrize(
    "document",
    [None, 42, "text", [], nested_list(DEEP), nested_dict(DEEP), 10**100_000, float("nan")],
    ids=["null", "number", "text", "list", "deep list", "deep object", "huge number", "nan"],
)
def test_bad_whole_documents(kind: str, document: object) -> None:
    report = sv.validate(kind, document)
    if isinstance(document, dict):
        assert ("$.a", "value.unexpected") in {(i.path, i.code) for i in report.issues}
    else:
        assert [(i.path, i.code) for i in report.issues] == [("$", "value.wrong_type")]


def test_many_unexpected_keys_are_grouped(kind: str) -> None:
    document = {**canary.EXAMPLE, **{f"k{n:06}": n for n in range(100_000)}}
    issues = sv.validate(kind, document).issues
    assert len(issues) == _issues.MAX_REPEATS + 1
    assert issues[0].path == "$"
    assert "and 99,980 more unexpected keys" in issues[0].message


def test_every_fault_at_once(kind: str) -> None:
    document = copy.deepcopy(canary.EXAMPLE)
    chosen = {
        "number for text",
        "missing key",
        "extra nested key",
        "unknown enum value",
        "end before start",
        "minus zero",
        "lower-case currency",
        "duplicate item",
    }
    for name, mutate, _, _ in CASES:
        if name in chosen:
            mutate(document)
    report = sv.validate(kind, document)
    found = {(issue.path, issue.code) for issue in report.issues}
    assert found == {(path, code) for name, _, path, code in CASES if name in chosen}
    assert list(report.issues) == sorted(report.issues, key=sv.Issue.sort_key)


@pytest.mark.parametrize("text", ["😀 emoji", "e\u0301 combining", "\u202eright-to-left", "Ω"])
def test_odd_but_valid_unicode_loads(kind: str, text: str) -> None:
    document = copy.deepcopy(canary.EXAMPLE)
    document["declaration"]["signatory"] = text
    assert sv.load(kind, document).declaration.signatory == text
