"""The supplier, contract, spend and policy documents: examples, paths and agreement."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import socialvalue as sv

EXAMPLES = Path(__file__).parent / "examples"
KINDS = ("supplier", "contract", "spend", "policy")
FILES = [path for kind in KINDS for path in sorted((EXAMPLES / kind).glob("*.json"))]
#: Rules the schema cannot state (they relate two values); the library reports them.
CROSS_FIELD = {
    "period.end_before_start",
    "threshold.empty_band",
    "threshold.bands_gap",
    "threshold.bands_overlap",
    "threshold.bands_unordered",
    "threshold.not_monotone",
    "money.currency_mismatch",
    "list.duplicate",  # a contract's KPI measure against its others
}


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        sv.schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def example(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return document


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_loads_dumps_and_meets_its_schema(path: Path) -> None:
    kind = path.parent.name
    document = json.loads(path.read_text(encoding="utf-8"))
    validator(kind).validate(document)
    obj = sv.load(kind, document)
    assert sv.dump(obj) == document
    assert sv.load(kind, sv.dump(obj)) == obj


def test_every_kind_has_examples() -> None:
    for kind in KINDS:
        assert kind in sv.SCHEMA_KINDS
        assert list((EXAMPLES / kind).glob("*.json")), kind


def test_the_default_policy_is_the_example_document() -> None:
    assert sv.dump(sv.default_policy()) == example("policy/gm-policing.json")


def test_optional_keys_may_be_left_out() -> None:
    policy = example("policy/gm-policing.json")
    for key in ("boundary", "basis", "vat_basis", "currency", "year_start_month"):
        del policy[key]
    for band in policy["rules"]:
        del band["lower_inclusive"], band["upper_inclusive"]
    validator("policy").validate(policy)
    assert sv.load("policy", policy) == sv.default_policy()


def test_a_policy_with_a_gap_is_reported_at_the_band() -> None:
    policy = example("policy/gm-policing.json")
    policy["rules"][1]["lower"]["amount"] = "60000"
    report = sv.validate("policy", policy)
    assert [(i.path, i.code) for i in report.issues] == [
        ("$.rules[1].lower", "threshold.bands_gap")
    ]
    assert "amounts between £50,000 and £60,000 fall in no band" in report.issues[0].message


def test_spend_issues_carry_paths() -> None:
    batch = example("spend/april-2025.json")
    batch["lines"][1]["amount"]["amount"] = 12.5
    batch["lines"][2]["paid_on"] = "2025-02-30"
    batch["lines"][3]["vat_basis"] = "inclusive"
    report = sv.validate("spend", batch)
    assert [(i.path, i.code) for i in report.issues] == [
        ("$.lines[1].amount.amount", "value.wrong_type"),
        ("$.lines[2].paid_on", "date.impossible"),
        ("$.lines[3].vat_basis", "value.not_in_choices"),
    ]


def test_a_batch_loads_and_is_assessed() -> None:
    batch = sv.load("spend", example("spend/april-2025.json"))
    result = sv.assess(sv.default_policy(), batch, "2025/26")
    assert result["100234"].total == sv.Money("28750.00")
    assert result["100234"].line_count == 2


def test_supplier_and_contract_issues_carry_paths() -> None:
    supplier = example("supplier/local-small-firm.json")
    supplier["location"]["postcode"] = "m50 2eq"
    supplier["organisation_type"] = "tiny"
    assert [(i.path, i.code) for i in sv.validate("supplier", supplier).issues] == [
        ("$.location.postcode", "text.bad_format"),
        ("$.organisation_type", "value.not_in_choices"),
    ]
    contract = example("contract/custody-healthcare.json")
    contract["end"] = "2024-01-01"
    assert [(i.path, i.code) for i in sv.validate("contract", contract).issues] == [
        ("$.end", "period.end_before_start")
    ]


def test_contract_kpis_are_optional_and_one_per_measure() -> None:
    held = sv.load("contract", example("contract/custody-healthcare.json"))
    assert held.kpis == (
        sv.MeasureTarget("GM-JOBS-LOCAL", Decimal(3)),
        sv.MeasureTarget("GM-VOLUNTEER-HOURS", Decimal(120)),
    )
    bare = example("contract/youth-diversion-grant.json")
    del bare["kpis"]
    assert sv.load("contract", bare).kpis == ()
    twice = example("contract/custody-healthcare.json")
    twice["kpis"][1]["measure"] = "GM-JOBS-LOCAL"
    assert [(i.path, i.code) for i in sv.validate("contract", twice).issues] == [
        ("$.kpis[1]", "list.duplicate")
    ]
    negative = example("contract/custody-healthcare.json")
    negative["kpis"][0]["quantity"] = "-1"
    assert [(i.path, i.code) for i in sv.validate("contract", negative).issues] == [
        ("$.kpis[0].quantity", "decimal.out_of_range")
    ]
    with pytest.raises(sv.RuleViolation, match="KPI for measure 'GM-JOBS-LOCAL'"):
        attrs.evolve(held, kpis=[held.kpis[0], held.kpis[0]])


# -- the schema and the library agree ---------------------------------------------------


def _agree(kind: str, document: dict[str, Any]) -> None:
    """A schema-valid document loads, unless it breaks a rule the schema cannot state."""
    report = sv.validate(kind, document)
    assert {issue.code for issue in report.issues} <= CROSS_FIELD, report.issues
    if report.ok:
        obj = sv.load(kind, document)
        assert sv.load(kind, sv.dump(obj)) == obj


@settings(
    max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(st.data())
@pytest.mark.parametrize("kind", ["supplier", "contract", "policy"])
def test_documents_generated_from_the_schema_agree(kind: str, data: st.DataObject) -> None:
    schema = sv.schema(kind)
    document = data.draw(from_schema(schema))
    _agree(kind, document)


@settings(
    max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(st.data())
def test_spend_lines_generated_from_the_schema_agree(data: st.DataObject) -> None:
    schema = copy.deepcopy(sv.schema("spend"))
    schema["properties"]["lines"]["maxItems"] = 5  # the generator cannot handle a million
    _agree("spend", data.draw(from_schema(schema)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_document_the_library_refuses_the_schema_refuses(path: Path) -> None:
    kind = path.parent.name
    document = json.loads(path.read_text(encoding="utf-8"))
    document["unexpected"] = True
    assert not validator(kind).is_valid(document)
    assert [i.code for i in sv.validate(kind, document).issues] == ["value.unexpected"]
