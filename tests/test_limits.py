"""Limits before work: every list bound in every schema holds before any item is read.

Issue 15 item 3. Each kind's lists are found in its schema (not a hand list), placed
in the kind's examples, and filled past their ``maxItems``: the answer is one
``list.too_long`` issue at the list's path. Every kind also meets a list of a
million items, where any list may stand, and answers within the bound
``docs/reference/limits.md`` states.
"""

from __future__ import annotations

import copy
import json
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

import socialvalue as sv
from socialvalue._fields import Items
from socialvalue.documents import _converter
from socialvalue.documents.loading import _structure
from socialvalue.errors import PathStep

EXAMPLES = Path(__file__).parent / "examples"
MILLION = 1_000_000
#: What one bad-input check may allocate while it runs (tracemalloc's peak).
MEMORY_BOUND = 100 * 1024 * 1024
#: A guard against a hang, not a benchmark: the figures are in docs/reference/limits.md.
HANG_GUARD_SECONDS = 10.0


def examples(kind: str) -> list[Any]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((EXAMPLES / kind).glob("*.json"))
    ]


def resolve(root: dict[str, Any], sub: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
    while "$ref" in sub:
        name = sub["$ref"].removeprefix("#/$defs/")
        sub, where = root["$defs"][name], f"$defs/{name}"
    return sub, where


def join(where: str, *parts: object) -> str:
    return "/".join([where, *map(str, parts)] if where else map(str, parts))


def arrays(
    root: dict[str, Any], sub: dict[str, Any], value: Any, steps: tuple[PathStep, ...], where: str
) -> Iterator[tuple[str, tuple[PathStep, ...], int]]:
    """(schema location, document path, maxItems) of every array ``value`` can reach."""
    sub, where = resolve(root, sub, where)
    for index, branch in enumerate(sub.get("anyOf", ())):
        yield from arrays(root, branch, value, steps, join(where, "anyOf", index))
    if sub.get("type") == "array":
        yield where, steps, sub["maxItems"]
        if isinstance(value, list) and value:
            yield from arrays(root, sub["items"], value[0], (*steps, 0), join(where, "items"))
    for name, prop in sub.get("properties", {}).items():
        if isinstance(value, dict):
            child = value.get(name)
            yield from arrays(root, prop, child, (*steps, name), join(where, "properties", name))


def schema_arrays(root: dict[str, Any]) -> set[str]:
    """The location of every array in a schema, ``$defs`` included."""
    found = set()

    def walk(sub: Any, where: str) -> None:
        if isinstance(sub, dict):
            if sub.get("type") == "array":
                found.add(where)
            for key, value in sub.items():
                walk(value, join(where, key))
        elif isinstance(sub, list):
            for index, value in enumerate(sub):
                walk(value, join(where, index))

    walk(root, "")
    return found


def list_places(kind: str) -> dict[str, tuple[Any, tuple[PathStep, ...], int]]:
    """Each array of ``kind``'s schema: an example that reaches it, its path and its bound."""
    root = sv.schema(kind)
    places: dict[str, tuple[Any, tuple[PathStep, ...], int]] = {}
    for document in examples(kind):
        for where, steps, bound in arrays(root, root, document, (), ""):
            places.setdefault(where, (document, steps, bound))
    return places


def put(document: Any, steps: tuple[PathStep, ...], value: Any) -> Any:
    copied = copy.deepcopy(document)
    parent = copied
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = value
    return copied


def path(steps: tuple[PathStep, ...]) -> str:
    return sv.Issue.at(steps, "value.invalid", "").path


LIST_PARAMS = [
    pytest.param(kind, where, id=f"{kind}:{where}")
    for kind in sv.SCHEMA_KINDS
    for where in sorted(list_places(kind))
]


@pytest.mark.parametrize("kind", sv.SCHEMA_KINDS)
def test_examples_reach_every_list_in_the_schema(kind: str) -> None:
    """A list no example reaches would escape the checks below: give it an example."""
    assert set(list_places(kind)) == schema_arrays(sv.schema(kind))


@pytest.mark.parametrize(("kind", "where"), LIST_PARAMS)
def test_a_list_past_its_bound_gets_one_issue_and_no_other(kind: str, where: str) -> None:
    document, steps, bound = list_places(kind)[where]
    report = sv.validate(kind, put(document, steps, [None] * (bound + 1)))
    assert [(i.path, i.code) for i in report.issues] == [(path(steps), "list.too_long")]
    assert f"got {bound + 1:,}" in report.issues[0].message or f"got {bound + 1}" in (
        report.issues[0].message
    )


def test_a_framework_with_101_themes_gets_list_too_long_not_101_type_errors() -> None:
    document = examples("framework")[0]
    document["themes"] = [None] * 101
    issues = sv.validate("framework", document).issues
    assert [(i.path, i.code) for i in issues] == [("$.themes", "list.too_long")]
    assert issues[0].message == "themes must hold at most 100 themes; got 101"


def test_a_figure_with_too_many_suppliers_is_refused_before_they_are_read() -> None:
    document = examples("regional-report")[0]
    document["figures"][0]["suppliers"] = [None] * 100_001
    issues = sv.validate("regional-report", document).issues
    assert [(i.path, i.code) for i in issues] == [("$.figures[0].suppliers", "list.too_long")]


def measured(kind: str, document: Any) -> tuple[sv.ValidationReport, float, int]:
    """``validate``'s report, its wall-clock seconds and tracemalloc's peak in bytes."""
    tracemalloc.start()
    try:
        started = time.perf_counter()
        report = sv.validate(kind, document)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return report, seconds, peak


def million_places(kind: str) -> Iterator[tuple[str, Any, tuple[PathStep, ...]]]:
    """Where a kind's documents can be given a million-item list: each list, the whole
    document, its first key, and a key it does not have."""
    document = examples(kind)[0]
    for where, (example, steps, _) in sorted(list_places(kind).items()):
        yield where, example, steps
    yield "the document", document, ()
    yield f"key {next(iter(document))}", document, (next(iter(document)),)
    yield "an unexpected key", document, ("unexpected",)


MILLION_PARAMS = [
    pytest.param(kind, name, id=f"{kind}:{name}")
    for kind in sv.SCHEMA_KINDS
    for name, _, _ in million_places(kind)
]


@pytest.mark.parametrize(("kind", "name"), MILLION_PARAMS)
def test_a_million_item_list_costs_under_the_bound(kind: str, name: str) -> None:
    """The bad-input bound of docs/reference/limits.md: memory measured, time guarded."""
    example, steps = next((e, s) for n, e, s in million_places(kind) if n == name)
    items: list[Any] = [None] * MILLION
    document = put(example, steps, items) if steps else items
    sv.validate(kind, put(example, steps, [None] * 3) if steps else [None])  # build the hooks
    report, seconds, peak = measured(kind, document)
    assert not report.ok
    assert len(report.issues) <= _converter.MAX_ITEM_PROBLEMS + 1
    assert peak < MEMORY_BOUND, f"{peak / 2**20:.0f} MiB"
    assert seconds < HANG_GUARD_SECONDS


def test_a_million_null_spend_lines_get_100_issues_and_a_count_of_the_rest() -> None:
    document = examples("spend")[0]
    document["lines"] = [None] * MILLION
    report, _, peak = measured("spend", document)
    assert report.issues[0].path == "$.lines"
    assert report.issues[0].code == "list.more_problems"
    assert report.issues[0].message.startswith("and 999,900 more items with problems")
    assert [i.path for i in report.issues[1:]] == [f"$.lines[{n}]" for n in range(100)]
    assert peak < MEMORY_BOUND


SPEND_LINE = examples("spend")[0]["lines"][0]


@pytest.mark.parametrize(
    "item",
    [{}, {"x": 1}, "text", 1, [1], {"supplier_id": 1}, {**SPEND_LINE, "supplier_id": 1}],
    ids=["empty object", "unknown key", "text", "number", "list", "a key", "wrong value"],
)
def test_problems_past_the_first_hundred_are_counted_exactly(item: Any) -> None:
    document = examples("spend")[0]
    document["lines"] = [item] * 150 + [SPEND_LINE] * 10 + [item] * 40
    issues = sv.validate("spend", document).issues
    summary = [i for i in issues if i.code == "list.more_problems"]
    assert [(i.path, i.message.split(" items")[0]) for i in summary] == [("$.lines", "and 90 more")]
    assert {i.steps[1] for i in issues if len(i.steps) > 1} == set(range(100))


def test_a_list_with_fewer_problems_than_the_cap_lists_them_all() -> None:
    document = examples("spend")[0]
    document["lines"] = [None] * _converter.MAX_ITEM_PROBLEMS
    issues = sv.validate("spend", document).issues
    assert len(issues) == _converter.MAX_ITEM_PROBLEMS
    assert all(i.code == "value.wrong_type" for i in issues)


@attrs.frozen
class Bag:
    """Lists of every kind of item the counter knows."""

    numbers: tuple[int | None, ...] = attrs.field(converter=tuple, validator=Items(max_items=500))
    words: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    lists: tuple[tuple[bool, ...], ...] = attrs.field(default=(), converter=tuple)
    days: tuple[date, ...] = attrs.field(default=(), converter=tuple)
    amounts: tuple[sv.Money, ...] = attrs.field(default=(), converter=tuple)


@pytest.mark.parametrize(
    ("key", "items", "more"),
    [
        ("numbers", [None, 1, "x", True, 2.5] * 60, 80),
        ("words", ["a", 1, None] * 100, 100),
        ("lists", [[True], [1], None, []] * 100, 100),
        ("days", ["2025-04-01", "2025-02-30", 1] * 100, 100),
        ("amounts", [{"amount": "1", "currency": "GBP"}, {"amount": "1"}, {}] * 100, 100),
    ],
)
def test_every_kind_of_item_is_counted_as_the_hook_would_judge_it(
    key: str, items: list[Any], more: int
) -> None:
    document: dict[str, Any] = {"numbers": [], key: items}
    _, issues = _structure(document, Bag)
    summary = [i.message for i in issues if i.code == "list.more_problems"]
    assert summary == [f"and {more} more items with problems; only the first 100 are listed"]


def test_a_million_unexpected_keys_cost_under_the_bound() -> None:
    """One hook reads every object of every kind, so one kind stands for all."""
    document = {**examples("supplier")[0], **{f"k{n:07}": None for n in range(MILLION)}}
    report, seconds, peak = measured("supplier", document)
    assert [i.path for i in report.issues] == ["$"] + [f"$.k{n:07}" for n in range(20)]
    assert report.issues[0].message.startswith("and 999,980 more unexpected keys")
    assert peak < MEMORY_BOUND, f"{peak / 2**20:.0f} MiB"
    assert seconds < HANG_GUARD_SECONDS


def test_unexpected_keys_of_types_that_do_not_compare_are_named_in_order() -> None:
    document: dict[Any, Any] = {**examples("supplier")[0], 1: "x", "b": "y", None: "z"}
    paths = [i.path for i in sv.validate("supplier", document).issues]
    assert paths == ["$['1']", "$.b", "$.null"]
