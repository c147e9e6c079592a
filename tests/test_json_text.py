"""Faults in JSON text carry the JSON path where they are, and the line and column.

Issue 15 item 4. ``json.loads`` refuses a repeated key, ``NaN``, ``Infinity``, a
number too large or a bad escape through hooks that are not told where; the
command line reads the text again to find the first fault, with the JSON path of
the object (for a repeated key) or of the value (for the rest), and its line and
column.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialvalue.cli._input import STRICT_DECODER, JsonProblem, parse_json
from socialvalue.cli._locate import line_and_column, locate

from .test_cli import Run, write

#: The issue's example: a repeated key inside ``$.period``.
REPEATED = """{
  "supplier_id": "100234",
  "period": {
    "start": "2025-04-01",
    "start": "2025-05-01",
    "end": "2026-03-31"
  }
}"""


def problem(text: str) -> JsonProblem:
    with pytest.raises(JsonProblem) as raised:
        parse_json(text.encode("utf-8"))
    return raised.value


def test_a_repeated_key_is_reported_at_its_object_with_line_and_column() -> None:
    found = problem(REPEATED)
    assert (found.issue.path, found.issue.code) == ("$.period", "json.duplicate_key")
    assert (found.line, found.column) == (5, 5)
    assert "line 5, column 5" in found.issue.message
    assert "'start' appears twice" in found.issue.message


@pytest.mark.parametrize(
    ("text", "path", "code", "line", "column"),
    [
        ('{"a": {"b": [1, NaN]}}', "$.a.b[1]", "json.not_a_number", 1, 17),
        ('{"a": [\n  Infinity\n]}', "$.a[0]", "json.not_a_number", 2, 3),
        ('{"a": [0, -Infinity]}', "$.a[1]", "json.not_a_number", 1, 11),
        ('{"lines": [{"q": 1e999999}]}', "$.lines[0].q", "json.number_too_large", 1, 18),
        ('{"q": -1e400}', "$.q", "json.number_too_large", 1, 7),
        ('{"q": ' + "9" * 5000 + "}", "$.q", "json.number_too_large", 1, 7),
        ('{"a": "x\\qy"}', "$.a", "json.syntax", 1, 9),
        ('{"a\\q": 1}', "$", "json.syntax", 1, 4),
        ('{"a": "tab\there"}', "$.a", "json.syntax", 1, 11),
        ('{"a": [1, 2,]}', "$.a[2]", "json.syntax", 1, 13),
        ('{"a": {"b": 1 "c": 2}}', "$.a", "json.syntax", 1, 15),
        ('{"a": [{}, {"k": 1, "k": 2}]}', "$.a[1]", "json.duplicate_key", 1, 21),
        ('{"a": 1} {}', "$", "json.syntax", 1, 10),
        ("", "$", "json.syntax", 1, 1),
    ],
)
def test_each_fault_has_its_path_line_and_column(
    text: str, path: str, code: str, line: int, column: int
) -> None:
    found = problem(text)
    assert (found.issue.path, found.issue.code, found.line, found.column) == (
        path,
        code,
        line,
        column,
    )
    assert f"line {line}, column {column}" in found.issue.message


def test_the_command_line_reports_the_path_line_and_column(tmp_path: Any) -> None:
    run = Run(["validate", "supplier", "--format", "json", write(tmp_path, "x.json", REPEATED)])
    issue = json.loads(run.out)["files"][0]["issues"][0]
    assert (issue["path"], issue["code"]) == ("$.period", "json.duplicate_key")
    assert "line 5, column 5" in issue["message"]


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def places(value: Any, steps: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [steps]
    if isinstance(value, dict):
        for key, item in value.items():
            found += places(item, (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += places(item, (*steps, index))
    return found


def put(value: Any, steps: tuple[Any, ...], new: Any) -> Any:
    if not steps:
        return new
    head, *rest = steps
    copied = dict(value) if isinstance(value, dict) else list(value)
    copied[head] = put(value[head], tuple(rest), new)
    return copied


MARK = "\x00fault\x00"


@given(JSON, st.data(), st.sampled_from([None, 0, 2]), st.sampled_from(["NaN", "1e999"]))
def test_a_fault_anywhere_is_found_at_its_path(
    document: Any, data: Any, indent: int | None, fault: str
) -> None:
    steps = data.draw(st.sampled_from(places(document)))
    text = json.dumps(put(document, steps, MARK), indent=indent)
    offset = text.index(json.dumps(MARK))
    text = text.replace(json.dumps(MARK), fault)
    found = locate(text, STRICT_DECODER.raw_decode)
    assert found is not None
    assert (found.steps, found.offset) == (steps, offset)


@given(JSON, st.sampled_from([None, 0, 2]))
def test_a_document_without_faults_has_none(document: Any, indent: int | None) -> None:
    assert locate(json.dumps(document, indent=indent), STRICT_DECODER.raw_decode) is None


@given(st.dictionaries(st.text(), st.integers(), min_size=1, max_size=5), st.data())
def test_a_repeated_key_is_found_at_its_second_appearance(
    members: dict[str, int], data: Any
) -> None:
    key = data.draw(st.sampled_from(sorted(members)))
    text = json.dumps(members)[:-1] + f", {json.dumps(key)}: 0}}"
    found = locate(text, STRICT_DECODER.raw_decode)
    assert found is not None
    assert (found.code, found.steps) == ("json.duplicate_key", ())
    assert found.offset == text.rindex(json.dumps(key))
    assert line_and_column(text, found.offset) == (1, found.offset + 1)


@pytest.mark.parametrize("where", ["after the list", "at the end of the list", "deep"])
def test_a_fault_in_a_big_document_is_found_in_one_pass(where: str) -> None:
    """A hang guard, not a timing: the figures are in docs/reference/limits.md."""
    nulls = ", ".join(["null"] * 1_000_000)
    text = {
        "after the list": f'{{"lines": [{nulls}], "z": NaN}}',
        "at the end of the list": f'{{"lines": [{nulls}, NaN]}}',
        "deep": "[" * 100_000 + "NaN" + "]" * 100_000,
    }[where]
    started = time.perf_counter()
    found = locate(text, STRICT_DECODER.raw_decode)
    assert time.perf_counter() - started < 10
    assert found is not None
    assert found.code == "json.not_a_number"
