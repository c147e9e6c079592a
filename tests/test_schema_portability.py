"""The exported schemas are one description, portable, and state each limit once.

- jsonschema (Python) and jsonschema-rs (Rust) accept every exported schema and give
  the same verdict on the agreement corpus: every example and its single mutations
  (those JSON can carry: no lone surrogates, NaN or 400-digit numbers);
- every limit in an exported schema (``maxLength``, ``maxItems``, ``minimum`` …) is
  the value of a field check on the kind's classes: the schema states the check's
  limit, never a copy of it;
- every rule of its own that the agreement tests know a schema cannot state is named in the
  schema's description.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest

import socialvalue as sv
from socialvalue._fields import FieldCheck
from socialvalue.documents import registry
from socialvalue.documents._class_schemas import _field_check
from tests.test_schema_agreement import EXPORTED, SCHEMA_BLIND, examples, mutations, read

KINDS = sv.SCHEMA_KINDS


def json_safe(value: Any) -> bool:
    """Whether ``value`` survives as JSON in every engine (Rust's refuses these)."""
    if isinstance(value, str):
        return not any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) < 2**63
    if isinstance(value, dict):
        return all(json_safe(k) and json_safe(v) for k, v in value.items())
    if isinstance(value, list):
        return all(json_safe(item) for item in value)
    return True


@pytest.mark.parametrize("kind", KINDS)
def test_python_and_rust_engines_agree(kind: str) -> None:
    schema = json.loads((EXPORTED / f"{kind}.json").read_text(encoding="utf-8"))
    python = jsonschema.Draft202012Validator(schema)
    rust = jsonschema_rs.validator_for(schema)
    checked = 0
    for path in examples(kind):
        document = read(path)
        assert python.is_valid(document), path.name
        assert rust.is_valid(document), path.name
        for what, _, mutated in mutations(document):
            if json_safe(mutated):
                assert python.is_valid(mutated) == rust.is_valid(mutated), (path.name, what)
                checked += 1
    assert checked


def classes_of(cls: type) -> Iterator[type]:
    """``cls`` and every attrs class its fields hold, each once."""
    seen: set[type] = set()
    todo = [cls]
    while todo:
        current = todo.pop()
        if current in seen or not attrs.has(current):
            continue
        seen.add(current)
        yield current
        attrs.resolve_types(current)
        for field in attrs.fields(current):
            stack = [field.type]
            while stack:
                hint = stack.pop()
                stack.extend(getattr(hint, "__args__", ()))
                if isinstance(hint, type):
                    todo.append(hint)


def check_limits(check: FieldCheck) -> set[int]:
    values = {v for v in attrs.asdict(check, recurse=False).values() if isinstance(v, int)}
    each = getattr(check, "each", None)
    return values | (check_limits(each) if isinstance(each, FieldCheck) else set())


def schema_limits(schema: Any) -> Iterator[tuple[str, int]]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in {"maxLength", "maxItems", "minItems", "minimum", "maximum"}:
                yield key, value
            else:
                yield from schema_limits(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from schema_limits(item)


@pytest.mark.parametrize("kind", KINDS)
def test_every_limit_in_a_schema_is_a_field_checks_limit(kind: str) -> None:
    stated: set[int] = set()
    for cls in classes_of(registry._kind(kind).type):
        for field in attrs.fields(cls):
            check = _field_check(field)
            if check is not None:
                stated |= check_limits(check)
    schema = json.loads((EXPORTED / f"{kind}.json").read_text(encoding="utf-8"))
    for key, value in schema_limits(schema):
        # minLength 1 is "not empty", which Text states by its rule, not a number.
        if (key, value) != ("minLength", 1):
            assert value in stated or hasattr_limit(value), (kind, key, value)


def hasattr_limit(value: int) -> bool:
    # Limits held as constants that a check reads (e.g. the months a signup is valid).
    from socialvalue.charter.signups import MAX_VALID_MONTHS

    return value in {MAX_VALID_MONTHS, 1}


#: Codes listed as schema-blind that the generated schemas state after all (spend of
#: zero or more) or that no document of the kind can earn (decision thresholds are
#: not part of a service document).
STATED_OR_ELSEWHERE = frozenset(
    {"submission.negative_spend", "commissioning.thresholds_out_of_order"}
)


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_names_every_rule_it_cannot_state(kind: str) -> None:
    description = sv.schema(kind)["description"]
    # The kind's own rules; the common ones (a period's end, a repeated key) are named
    # by the kinds whose classes hold them.
    for code in sorted(SCHEMA_BLIND.get(kind, frozenset()) - STATED_OR_ELSEWHERE):
        assert f"({code})" in description, code


def test_no_exported_pattern_holds_a_surrogate_range() -> None:
    for path in sorted(Path(EXPORTED).glob("*.json")):
        assert "\\uD800" not in path.read_text(encoding="utf-8").upper().replace("\\\\", "\\")


_AJV_SCRIPT = r"""
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const fs = require("fs");
const [schemaPath, corpusPath] = process.argv.slice(1);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const corpus = JSON.parse(fs.readFileSync(corpusPath, "utf8"));
process.stdout.write(JSON.stringify(corpus.map((document) => validate(document))));
"""


def _ajv_available() -> bool:
    node = shutil.which("node")
    if node is None:
        return False
    probe = subprocess.run(
        [node, "-e", "require.resolve('ajv/dist/2020'); require.resolve('ajv-formats')"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


# `make test` installs ajv (package.json); only a bare pytest without it may skip, never CI.
@pytest.mark.skipif(
    not _ajv_available() and os.environ.get("CI") != "true",
    reason="needs node with ajv and ajv-formats (make test installs them)",
)
@pytest.mark.parametrize("kind", KINDS)
def test_ajv_agrees_with_jsonschema(kind: str, tmp_path: Path) -> None:
    """The JavaScript how-to's validator gives jsonschema's verdicts (formats checked)."""
    schema_path = EXPORTED / f"{kind}.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    python = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    corpus = []
    for path in examples(kind):
        document = read(path)
        corpus.append(document)
        corpus.extend(m for _, _, m in mutations(document) if json_safe(m))
    corpus_path = tmp_path / "corpus.json"
    corpus_path.write_text(json.dumps(corpus), encoding="utf-8")
    done = subprocess.run(
        ["node", "-e", _AJV_SCRIPT, str(schema_path), str(corpus_path)],
        capture_output=True,
        check=True,
        text=True,
    )
    verdicts = json.loads(done.stdout)
    assert verdicts == [python.is_valid(document) for document in corpus]
