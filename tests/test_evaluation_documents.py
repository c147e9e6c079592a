"""The bid, evaluation-model and service documents: examples load, dump and round-trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import socialvalue as sv

EXAMPLES = Path(__file__).parent / "examples"
KINDS = ("bid", "evaluation-model", "service")
PARAMS = [
    pytest.param(kind, path, id=f"{kind}/{path.name}")
    for kind in KINDS
    for path in sorted((EXAMPLES / kind).glob("*.json"))
]


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("kind", "path"), PARAMS)
def test_example_round_trips(kind: str, path: Path) -> None:
    document = read(path)
    validator = jsonschema.Draft202012Validator(sv.schema(kind))
    validator.validate(document)
    obj = sv.load(kind, document)
    dumped = sv.dump(obj)
    validator.validate(dumped)
    assert sv.load(kind, dumped) == obj


def test_every_kind_has_examples() -> None:
    assert {p.values[0] for p in PARAMS} == set(KINDS)


def test_cross_field_rules_are_reported_at_their_paths() -> None:
    model = read(EXAMPLES / "evaluation-model" / "ppn-06-20-split.json")
    model["criteria"][2]["weight"] = "5"
    issues = sv.validate("evaluation-model", model).issues
    assert [(i.path, i.code) for i in issues] == [("$.criteria", "evaluation.weights_not_100")]
    model["criteria"][0]["weight"] = "35"
    issues = sv.validate("evaluation-model", model).issues
    assert [i.code for i in issues] == ["evaluation.social_value_below_floor"]
    model["criteria"][1]["basis"] = "price"
    issues = sv.validate("evaluation-model", model).issues
    assert [(i.path, i.code) for i in issues] == [
        ("$.criteria[1].basis", "evaluation.criterion_mismatch")
    ]
    service = read(EXAMPLES / "service" / "minimal.json")
    service["annual_cost"]["amount"] = "0"
    issues = sv.validate("service", service).issues
    assert [(i.path, i.code) for i in issues] == [("$.annual_cost", "commissioning.bad_cost")]
    bid = read(EXAMPLES / "bid" / "minimal.json")
    bid["marks"][1]["criterion"] = "Q1"
    issues = sv.validate("bid", bid).issues
    assert [(i.path, i.code) for i in issues] == [("$.marks[1]", "list.duplicate")]


def test_documents_evaluate() -> None:
    model = sv.load(
        "evaluation-model", read(EXAMPLES / "evaluation-model" / "manchester-style.json")
    )
    bids = [sv.load("bid", read(p)) for p in sorted((EXAMPLES / "bid").glob("*.json"))]
    result = sv.evaluate(model, bids)
    assert [r.supplier_id for r in result.ranking] == ["GB-COH-01234567", "100234"]
    service = sv.load("service", read(EXAMPLES / "service" / "prevention-programme.json"))
    assert sv.assess_service(service).service is service
