"""Schema and model agree, for every document kind, as each kind lands.

Everything here is parametrised over ``socialvalue.SCHEMA_KINDS``, so a kind that a
feature area registers in ``documents.registry`` is checked without touching this
file, and must come with at least one example in ``tests/examples/<kind>/``:

(a) every example validates against ``schema(kind)`` with a standard Draft 2020-12
    validator (formats checked), loads, round-trips through ``dump``, and its dump
    validates too;
(b) documents generated from the schema by hypothesis-jsonschema load, or fail only
    on a cross-field or format rule named in :data:`SCHEMA_BLIND`: rules no JSON
    Schema can state;
(c) single mutations of each example (a wrong type, a missing or unexpected key, a
    bad decimal or date, odd text) get the same verdict from the schema and from
    ``socialvalue.validate``, and ``validate`` reports the problem at its path;
(d) the schema's own hygiene: a versioned ``$id`` under ``schemas.BASE_URI``, a
    ``description`` on every property, ``additionalProperties: false`` on every
    object, no JSON numbers for amounts; and ``docs/schemas/`` holds exactly the
    exported copies.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import _from_schema as _hjs_from_schema
from hypothesis_jsonschema import from_schema

import socialvalue as sv
from socialvalue.documents import _converter, export_schemas, registry, schemas
from socialvalue.documents.registry import _json_text
from socialvalue.errors import PathStep
from tests import canary

# hypothesis-jsonschema rebuilds a regex strategy for every string it draws; our
# text patterns (a negated class over all of Unicode, to refuse lone surrogates)
# cost ~45 ms each to build, which made one kind's test take half a minute.
# Strategies are immutable, so building each (pattern, alphabet) once is safe.
_REGEX_STRATEGIES: dict[tuple[str, str], Any] = {}
_from_js_regex = _hjs_from_schema.from_js_regex


def _cached_from_js_regex(pattern: str, alphabet: Any) -> Any:
    key = (pattern, repr(alphabet))
    if key not in _REGEX_STRATEGIES:
        _REGEX_STRATEGIES[key] = _from_js_regex(pattern, alphabet)
    return _REGEX_STRATEGIES[key]


_hjs_from_schema.from_js_regex = _cached_from_js_regex

ROOT = Path(__file__).parent.parent
EXAMPLES = Path(__file__).parent / "examples"
EXPORTED = ROOT / "docs" / "schemas"
KINDS = sv.SCHEMA_KINDS

#: Issue codes a schema cannot see, so a schema-valid document may still earn them:
#: cross-field rules (an end before its start, a repeated code) and facts of the
#: calendar that validators skipping ``format`` miss. Add a kind's own cross-field
#: codes under its name, each with the rule it stands for.
SCHEMA_BLIND_COMMON = frozenset(
    {"period.end_before_start", "date.impossible", "list.duplicate", "money.currency_mismatch"}
)
SCHEMA_BLIND: dict[str, frozenset[str]] = {
    # suppliers, contracts, spend and policy
    "policy": frozenset(
        {
            "threshold.empty_band",  # a band's lower bound against its upper
            "threshold.bands_gap",  # bands against each other
            "threshold.bands_overlap",
            "threshold.bands_unordered",
            "threshold.not_monotone",
        }
    ),
    "spend-layout": frozenset(
        {
            "layout.no_amount",  # net, or gross with VAT: roles against each other
            "layout.column_reused",  # one column named for two roles
        }
    ),
    # frameworks and charter signups
    "framework": frozenset({"framework.unknown_theme"}),  # a priority's theme is declared
    "crosswalk": frozenset(
        {
            "framework.unknown_theme",  # in either framework, as for the framework kind
            "crosswalk.unknown_priority",  # a link's codes against its frameworks' priorities
        }
    ),
    # review submissions and measure catalogues
    "review-submission": frozenset(
        {
            "submission.declared_before_period",  # declaration date against period start
            "submission.negative_spend",  # gap: the shared money schema allows negatives
        }
    ),
    "measure-catalogue": frozenset(
        {
            "measure.proxy_mismatch",  # a measure's kind against whether it has a proxy
            "discount.bad_schedule",  # bands in year order, starting at year 0
        }
    ),
    # bids, evaluation models and services
    "evaluation-model": frozenset(
        {
            "evaluation.weights_not_100",  # criterion weights add up to 100%
            "evaluation.social_value_below_floor",  # social value weights against the floor
            "evaluation.environmental_below_floor",  # environmental weights against the floor
            "evaluation.criterion_mismatch",  # a criterion's kind against its basis
            "evaluation.pass_mark_out_of_range",  # pass mark against the scale's top
            "evaluation.scale_not_ascending",  # scale bands in order
            "evaluation.budget_missing",  # price method against the budget
        }
    ),
    "service": frozenset(
        {
            "commissioning.bad_cost",  # gap: the shared money schema cannot say "above zero"
            "commissioning.thresholds_out_of_order",  # decommission ratio against retain ratio
        }
    ),
}


def schema_blind(kind: str) -> frozenset[str]:
    return SCHEMA_BLIND_COMMON | SCHEMA_BLIND.get(kind, frozenset())


def examples(kind: str) -> list[Path]:
    return sorted((EXAMPLES / kind).glob("*.json"))


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        sv.schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


EXAMPLE_PARAMS = [
    pytest.param(kind, path, id=f"{kind}/{path.name}") for kind in KINDS for path in examples(kind)
]


# (a) examples -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_an_example(kind: str) -> None:
    assert examples(kind), f"add a valid example document as tests/examples/{kind}/<name>.json"


def test_every_example_folder_names_a_kind() -> None:
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()} if EXAMPLES.exists() else set()
    assert folders <= set(KINDS)


def check_example(kind: str, document: Any) -> None:
    validator(kind).validate(document)
    report = sv.validate(kind, document)
    assert report.ok, report.issues
    obj = sv.load(kind, document)
    dumped = sv.dump(obj)
    validator(kind).validate(dumped)
    assert sv.load(kind, dumped) == obj
    assert sv.dump(sv.load(kind, dumped)) == dumped
    assert json.loads(json.dumps(dumped)) == dumped, "dump must be JSON-ready"


@pytest.mark.parametrize(("kind", "path"), EXAMPLE_PARAMS)
def test_example_validates_loads_and_round_trips(kind: str, path: Path) -> None:
    check_example(kind, read(path))


# (b) generated documents ----------------------------------------------------------


def check_generated(kind: str) -> None:
    blind = schema_blind(kind)

    # No shrinking: shrinking big generated documents took minutes; the failing
    # document is reported as found.
    @settings(
        max_examples=min(settings().max_examples, 15),
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )
    @given(from_schema(sv.schema(kind)))
    def check(document: Any) -> None:
        paths_agree(kind, document)
        report = sv.validate(kind, document)
        codes = {issue.code for issue in report.issues}
        assert codes <= blind, report.issues
        if report.ok:
            dumped = sv.dump(sv.load(kind, document))
            validator(kind).validate(dumped)
            assert sv.load(kind, dumped) == sv.load(kind, document)

    check()


@pytest.mark.parametrize("kind", KINDS)
def test_documents_generated_from_the_schema_load(kind: str) -> None:
    check_generated(kind)


# (c) mutated documents -------------------------------------------------------------

#: Values that replace each value of an example in turn.
REPLACEMENTS: list[Any] = [
    12.5,
    -1,
    10**400,
    float("nan"),
    True,
    None,
    "",
    " padded ",
    "12.5\n",
    "1e3",
    "-0",
    "NaN",
    "2024-02-30",
    "2025-04-01T00:00:00",
    "\ud800",
    "a\x00b",
    "a\tb",
    "a\nb",
    "x" * 5000,
    [],
    {},
]


def nodes(
    value: Any, steps: tuple[PathStep, ...] = ()
) -> Iterator[tuple[tuple[PathStep, ...], Any]]:
    """Every value in a JSON document with its path, the root first."""
    yield steps, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*steps, key))
    elif isinstance(value, list):
        # Items after the second repeat the shapes already visited; skipping them keeps
        # large examples (catalogues, reports) fast without losing a shape.
        for index, item in enumerate(value[:2]):
            yield from nodes(item, (*steps, index))


def replaced(document: Any, steps: tuple[PathStep, ...], value: Any) -> Any:
    copied = copy.deepcopy(document)
    parent = copied
    for step in steps[:-1]:
        parent = parent[step]
    parent[steps[-1]] = value
    return copied


def without(document: Any, steps: tuple[PathStep, ...], key: str) -> Any:
    copied = copy.deepcopy(document)
    parent = copied
    for step in steps:
        parent = parent[step]
    del parent[key]
    return copied


def mutations(document: Any) -> Iterator[tuple[str, tuple[PathStep, ...], Any]]:
    """(what, where, mutated document) for single faults at every place in ``document``."""
    for steps, value in list(nodes(document)):
        if isinstance(value, dict):
            yield "unexpected key", (*steps, "unexpected"), replaced_key(document, steps)
            for key in value:
                yield f"no {key}", (*steps, key), without(document, steps, key)
        if steps:
            for new in REPLACEMENTS:
                if new != value or type(new) is not type(value):
                    yield f"{new!r:.20}", steps, replaced(document, steps, new)


def replaced_key(document: Any, steps: tuple[PathStep, ...]) -> Any:
    copied = copy.deepcopy(document)
    parent = copied
    for step in steps:
        parent = parent[step]
    parent["unexpected"] = 1
    return copied


def related(a: tuple[PathStep, ...], b: tuple[PathStep, ...]) -> bool:
    """Whether one path is a prefix of the other (an issue at, above or below a fault)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def paths_agree(kind: str, document: Any) -> None:
    """The fast path (no detail) and the thorough path give one verdict and one object.

    The fast path leaves field checks to the classes' validators; the thorough path
    runs them in the field hooks to keep paths. Neither may accept what the other
    refuses.
    """
    type_ = registry._kind(kind).type
    results = []
    for converter in (_converter.fast, _converter.thorough):
        try:
            results.append(converter.structure(document, type_))
        except Exception:  # any refusal is a verdict
            results.append(None)
    assert results[0] == results[1], f"fast {results[0]!r} but thorough {results[1]!r}"


def check_agreement(kind: str, document: Any, where: tuple[PathStep, ...], what: str) -> None:
    paths_agree(kind, document)
    schema_ok = validator(kind).is_valid(document)
    report = sv.validate(kind, document)
    label = f"{what} at {sv.Issue.at(where, 'value.invalid', '').path}"
    if schema_ok:
        assert {i.code for i in report.issues} <= schema_blind(kind), (label, report.issues)
    else:
        assert not report.ok, f"{label}: the schema refuses it, validate accepts it"
        assert any(related(issue.steps, where) for issue in report.issues), (label, report.issues)


def check_mutations(kind: str, document: Any) -> None:
    for what, where, mutated in mutations(document):
        check_agreement(kind, mutated, where, what)
    for other in (None, [], "text", 1, 1.5, True):
        check_agreement(kind, other, (), repr(other))


@pytest.mark.parametrize(("kind", "path"), EXAMPLE_PARAMS)
def test_schema_and_validate_agree_on_mutated_examples(kind: str, path: Path) -> None:
    check_mutations(kind, read(path))


# The harness itself, on a test-only kind, so it is known to work (and to bite)
# before the feature areas register theirs.


def test_harness_on_the_canary_kind() -> None:
    with canary.registered() as kind:
        check_example(kind, canary.EXAMPLE)
        check_generated(kind)
        check_mutations(kind, canary.EXAMPLE)
        assert hygiene_problems(sv.schema(kind)) == []


def test_harness_bites_when_schema_and_model_disagree() -> None:
    loose = copy.deepcopy(canary.SCHEMA)
    loose["$defs"]["line"]["properties"]["quantity"] = {"type": "string", "description": "x"}
    with canary.registered() as kind:
        validator.cache_clear()
        try:
            registry._KINDS[kind] = attrs.evolve(registry._KINDS[kind], schema=loose)
            with pytest.raises(AssertionError):
                check_mutations(kind, canary.EXAMPLE)
        finally:
            validator.cache_clear()


# (d) schema hygiene and exported copies ------------------------------------------


def subschemas(schema: Any, steps: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every (sub)schema object in ``schema`` with its location."""
    if isinstance(schema, dict):
        yield steps, schema
        for key, value in schema.items():
            if key in {"properties", "$defs"}:
                for name, sub in value.items():
                    yield from subschemas(sub, (*steps, key, name))
            elif key in {"items", "additionalProperties"}:
                # Not "if", "then", "else" or "not": their properties are conditions
                # on a shape described elsewhere, not a shape of their own.
                yield from subschemas(value, (*steps, key))
            elif key in {"anyOf", "oneOf", "allOf", "prefixItems"}:
                for index, sub in enumerate(value):
                    yield from subschemas(sub, (*steps, key, str(index)))


def hygiene_problems(schema: dict[str, Any]) -> list[str]:
    problems = []
    for steps, sub in subschemas(schema):
        where = "/".join(steps) or "(root)"
        for name, prop in sub.get("properties", {}).items():
            if not (isinstance(prop, dict) and prop.get("description")):
                problems.append(f"{where}/properties/{name} has no description")
        if "properties" in sub and sub.get("additionalProperties") is not False:
            problems.append(f"{where} does not set additionalProperties: false")
        types = sub.get("type")
        if types == "number" or (isinstance(types, list) and "number" in types):
            problems.append(f"{where} uses a JSON number; amounts are decimal strings")
        if types == "string" and not {"pattern", "enum", "const"} & sub.keys():
            problems.append(
                f"{where} is a string with no pattern: use schemas.text() or"
                " schemas.ANY_TEXT_PATTERN, since lone surrogates are refused"
            )
        pattern = sub.get("pattern")
        if pattern is not None and pattern.endswith("$"):
            problems.append(f"{where} pattern ends with $; end with (?![\\s\\S]) instead")
    return problems


def test_shared_definitions_pass_the_hygiene_checks() -> None:
    sample = schemas.document_schema(
        "sample",
        title="Sample",
        description="Shared definitions only.",
        properties={"name": schemas.text(10, "A name.")},
        required=["name"],
    )
    assert hygiene_problems(sample) == []
    broken = {"properties": {"x": {"type": "number"}, "y": {"type": "string"}}, "pattern": "^a$"}
    assert len(hygiene_problems(broken)) == 6


@pytest.mark.parametrize("kind", KINDS)
def test_schema_hygiene(kind: str) -> None:
    schema = sv.schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"{schemas.BASE_URI}{kind}.json"
    assert schema["title"]
    assert schema["description"]
    assert hygiene_problems(schema) == []


def test_base_uri_is_versioned() -> None:
    assert re.fullmatch(r"https://[^ ]+/v[0-9]+/", schemas.BASE_URI)


def test_exported_text_is_what_json_writes() -> None:
    for name, text in export_schemas().items():
        schema = sv.schema(name.removesuffix(".json"))
        assert text == json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def test_docs_schemas_are_the_exported_copies() -> None:
    """Run ``make schemas`` when this fails."""
    exported = export_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in EXPORTED.glob("*.json")}
    assert sorted(on_disk) == sorted(exported), "run `make schemas`"
    for name, text in exported.items():
        assert on_disk[name] == text, f"docs/schemas/{name} is stale: run `make schemas`"


JSON_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)


@given(JSON_DATA)
def test_schema_text_writer_matches_json(value: Any) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False)
    assert _json_text(value) == expected


def test_schema_text_writer_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="only JSON data"):
        _json_text({"x": 1.5})
