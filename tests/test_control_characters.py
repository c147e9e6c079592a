"""Text refuses NUL and the other C0 control characters (issue 15 item 7).

One-line text holds no control character at all; text of several lines (a pledge,
a description, a derivation) may hold tab and line feed, and nothing else below
U+0020. The field check (``_fields.Text``) and the schema pattern
(``schemas.text``) state the rule twice; the property below holds them to one
verdict, and the agreement tests put control characters in every field of every
example.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue._fields import Text
from socialvalue.documents import schemas
from socialvalue.errors import RuleViolation

EXAMPLES = Path(__file__).parent / "examples"


def example(kind: str) -> Any:
    path = sorted((EXAMPLES / kind).glob("*.json"))[0]
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_nul_in_a_supplier_name_is_refused_at_its_path() -> None:
    document = example("supplier")
    document["name"] = "Bolton\x00Bakes"
    issues = sv.validate("supplier", document).issues
    assert [(i.path, i.code) for i in issues] == [("$.name", "text.control_character")]
    assert "NUL (U+0000) at character 7" in issues[0].message


@pytest.mark.parametrize("char", ["\x00", "\t", "\n", "\r", "\x1b", "\x1f"])
def test_one_line_text_refuses_every_control_character(char: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        Text().check(f"a{char}b")
    assert raised.value.code == "text.control_character"


@pytest.mark.parametrize(
    ("char", "allowed"), [("\t", True), ("\n", True), ("\r", False), ("\x00", False)]
)
def test_text_of_several_lines_allows_tab_and_line_feed_only(char: str, allowed: bool) -> None:
    check = Text(multiline=True)
    if allowed:
        check.check(f"first{char}second")
    else:
        with pytest.raises(RuleViolation, match="other than tab and line feed"):
            check.check(f"first{char}second")


@pytest.mark.parametrize("text", ["DEL \x7f", "NBSP\u00a0inside", "right-to-left \u202e", "😀"])
def test_characters_above_the_c0_range_are_text(text: str) -> None:
    Text().check(text)


def test_a_pledge_may_hold_lines_but_a_signatory_may_not() -> None:
    document = example("charter-signup")
    document["commitments"][0]["pledge"] = "Hire locally.\nTrain apprentices."
    assert sv.validate("charter-signup", document).ok
    document["signatory"] = "A.\nSmith"
    issues = sv.validate("charter-signup", document).issues
    assert [(i.path, i.code) for i in issues] == [("$.signatory", "text.control_character")]


TEXT = st.text(
    alphabet=st.sampled_from(["a", " ", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "é", "\u2028"]),
    max_size=6,
)


@pytest.mark.parametrize("multiline", [False, True])
@given(value=TEXT)
def test_the_field_check_and_the_schema_pattern_agree(multiline: bool, value: str) -> None:
    schema = schemas.text(200, multiline=multiline)
    by_schema = len(value) >= schema["minLength"] and bool(re.search(schema["pattern"], value))
    try:
        Text(multiline=multiline).check(value)
    except RuleViolation:
        by_check = False
    else:
        by_check = True
    assert by_schema == by_check


@given(value=TEXT)
def test_any_line_pattern_and_the_signatory_check_agree(value: str) -> None:
    document = example("charter-signup")
    document["signatory"] = value
    codes = {i.code for i in sv.validate("charter-signup", document).issues}
    by_check = "text.control_character" not in codes
    assert bool(re.search(schemas.ANY_LINE_PATTERN, value)) == by_check
