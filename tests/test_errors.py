"""The error model: issues with paths, stable codes, every problem at once."""

from __future__ import annotations

import pytest

from socialvalue import ERROR_CODES, InvalidDocument, Issue, RuleViolation
from socialvalue.errors import render_path


def test_paths_render_as_json_paths() -> None:
    assert render_path([]) == "$"
    assert render_path(["lines", 2, "quantity"]) == "$.lines[2].quantity"
    assert render_path(["a key"]) == "$['a key']"


def test_issue_codes_must_be_documented() -> None:
    with pytest.raises(ValueError, match="unknown issue code"):
        Issue.at([], "no.such.code", "x")
    with pytest.raises(ValueError, match="unknown issue code"):
        RuleViolation("no.such.code", "x")


def test_invalid_document_sorts_issues_and_is_a_value_error() -> None:
    issues = [
        Issue.at(["lines", 10], "value.invalid", "b"),
        Issue.at(["lines", 2], "value.invalid", "a"),
        Issue.at([], "value.missing", "c"),
    ]
    error = InvalidDocument(issues, kind="spend")
    assert [i.path for i in error.issues] == ["$", "$.lines[2]", "$.lines[10]"]
    assert isinstance(error, ValueError)
    assert "spend document has 3 problems" in str(error)
    assert str(error.issues[1]) == "$.lines[2]: a [value.invalid]"


def test_long_reports_are_cut_in_the_message_but_kept_in_full() -> None:
    error = InvalidDocument([Issue.at([i], "value.invalid", "x") for i in range(25)])
    assert len(error.issues) == 25
    assert "and 5 more" in str(error)


def test_every_code_is_documented_in_docs() -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "reference" / "error-codes.md").read_text(
        encoding="utf-8"
    )
    missing = [code for code in ERROR_CODES if f"`{code}`" not in page]
    assert not missing, f"document these codes in docs/reference/error-codes.md: {missing}"
