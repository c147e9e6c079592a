"""The framework and charter-signup examples load, dump back unchanged and meet their schemas."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

import socialvalue as sv

EXAMPLES = Path(__file__).parent / "examples"
KINDS = ("framework", "charter-signup")
FILES = [path for kind in KINDS for path in sorted((EXAMPLES / kind).glob("*.json"))]


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_loads_dumps_and_meets_its_schema(path: Path) -> None:
    kind = path.parent.name
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(
        sv.schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)
    obj = sv.load(kind, document)
    assert sv.dump(obj) == document
    assert sv.load(kind, sv.dump(obj)) == obj


def test_every_kind_has_examples() -> None:
    for kind in KINDS:
        assert list((EXAMPLES / kind).glob("*.json")), kind


def test_builtin_frameworks_meet_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(sv.schema("framework"))
    for framework in sv.frameworks.BUILTIN_FRAMEWORKS.values():
        validator.validate(sv.dump(framework))


def test_example_signups_pass_the_charter_check() -> None:
    from datetime import date

    for path in sorted((EXAMPLES / "charter-signup").glob("*.json")):
        signup = sv.load("charter-signup", json.loads(path.read_text(encoding="utf-8")))
        framework = sv.frameworks.get(signup.framework_id)
        assert sv.check_signup(signup, framework, date(2025, 12, 31)) == (), path.name


def _domain_rules_hold(kind: str, document: dict[str, Any]) -> bool:
    """Whether the framework rules the schema cannot state hold (unique codes, known themes)."""
    if kind == "charter-signup":
        return True  # the Charter's rules are check_signup's, not the loader's
    codes = [p["code"] for p in document["priorities"]]
    themes = [t["code"] for t in document.get("themes", [])]
    named = {p.get("theme") for p in document["priorities"]} - {None}
    return (
        len(codes) == len(set(codes))
        and len(themes) == len(set(themes))
        and (not themes or named <= set(themes))
    )


@pytest.mark.parametrize("kind", KINDS)
def test_schema_and_loader_agree_on_generated_documents(kind: str) -> None:
    validator = jsonschema.Draft202012Validator(
        sv.schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )

    @settings(max_examples=10, suppress_health_check=list(HealthCheck), deadline=None)
    @given(from_schema(sv.schema(kind)))
    def agree(document: dict[str, Any]) -> None:
        assert validator.is_valid(document)
        report = sv.validate(kind, copy.deepcopy(document))
        assert report.ok == _domain_rules_hold(kind, document), report.issues

    agree()
