"""Documents: load and validate Review submissions beside jsonschema and pydantic v2.

The targets, all measured in one run on the same generated documents (Review
submissions of 20 lines each, as dicts, as ``json.loads`` gives them, one at a time):

- ``load`` of valid documents in at most the time of pydantic v2 models with the
  same constraints (``Decimal`` fields with the same digit and place limits, dates,
  enums, length limits, ``extra="forbid"``, the same cross-field rules), timed
  interleaved with it; beside it pydantic checking the schema's patterns on strings
  and then converting (the next target) and msgspec Structs with the same
  constraints (a peer, no target);
- ``validate`` of valid documents at least 20x plain jsonschema (a
  ``Draft202012Validator`` built once, formats checked) with the same verdict;
  beside it jsonschema-rs (Rust) on the same schema (a peer, no target);
- invalid documents reported in full (every issue) no slower than jsonschema
  listing every error;

Run with ``python -m benchmarks documents``; set ``BENCH_DOCUMENTS`` to change the
number of documents (default 10,000; jsonschema, being slow, runs on a fifth).
"""

from __future__ import annotations

import copy
import enum
import os
import random
import re
import statistics
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import jsonschema
import jsonschema_rs
import msgspec
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

import socialvalue as sv

KIND = "review-submission"
LINES = 20
_MEASURES = [
    ("GM-JOBS-LOCAL", "fte"),
    ("GM-VOLUNTEER-HOURS", "hours"),
    ("GM-APPRENTICES", "people"),
    ("GM-SPEND-LOCAL-SME", "gbp"),
    ("GM-CO2E-SAVED", "tonnes-co2e"),
]


def documents(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` valid Review submissions of 20 lines each, as JSON-ready dicts."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        lines = []
        for j in range(LINES):
            measure, unit = _MEASURES[j % len(_MEASURES)]
            lines.append(
                {
                    "measure": f"{measure}-{j}",
                    "quantity": f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}",
                    "evidence": rng.choice([None, f"ledger-{n}-{j}", "payroll 2025/26"]),
                    "local": rng.choice([True, False, None]),
                    "unit": rng.choice([unit, None]),
                }
            )
        out.append(
            {
                "supplier_id": f"GB-COH-{n:08d}",
                "contract_ids": [f"GMCA-2025-{n % 997:03d}", f"GMCA-2026-{n % 991:03d}"],
                "period": {"start": "2025-04-01", "end": "2026-03-31"},
                "spend": {
                    "amount": f"{rng.randint(50000, 9999999)}.{n % 100:02d}",
                    "currency": "GBP",
                },
                "lines": lines,
                "declaration": {
                    "signatory": "Asha Patel",
                    "role": "Managing Director",
                    "signed_on": "2026-04-14",
                },
                "commitments": [{"measure": "GM-JOBS-LOCAL-0", "quantity": "8"}],
            }
        )
    return out


def invalid(document: dict[str, Any], n: int) -> dict[str, Any]:
    """``document`` with three faults a supplier might make, varied by ``n``."""
    bad = copy.deepcopy(document)
    bad["lines"][n % LINES]["quantity"] = 12.5  # a JSON number, not a decimal string
    bad["lines"][(n + 7) % LINES]["unit"] = "litres"  # not a unit
    bad["declaration"]["signed_on"] = "2026-02-30"  # no such day
    return bad


# pydantic v2 models holding the schema's constraints -----------------------------

_END = "$"  # pydantic's Rust regex has no trailing-newline quirk, so $ is exact there
_DECIMAL = r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?" + _END
_QUANTITY = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?" + _END
_CODE = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}" + _END
_TEXT = r"^[^ \t\n\r]([\s\S]*[^ \t\n\r])?" + _END
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + _END

Quantity = Annotated[str, StringConstraints(pattern=_QUANTITY), AfterValidator(Decimal)]
Code = Annotated[str, StringConstraints(pattern=_CODE)]
Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=_TEXT)]
Text300 = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=_TEXT)]
Day = Annotated[str, StringConstraints(pattern=_DATE), AfterValidator(date.fromisoformat)]
Unit = Annotated[
    str,
    StringConstraints(pattern="^(fte|people|hours|weeks|gbp|tonnes-co2e|count|percent)$"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PMoney(_Model):
    amount: Quantity
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class PPeriod(_Model):
    start: Day
    end: Day

    @model_validator(mode="after")
    def _ordered(self) -> PPeriod:
        if self.end < self.start:
            raise ValueError("end before start")
        return self


class PLine(_Model):
    measure: Code
    quantity: Quantity
    evidence: Text300 | None = None
    local: bool | None = None
    unit: Unit | None = None


class PDeclaration(_Model):
    signatory: Text200
    role: Text200
    signed_on: Day


class PTarget(_Model):
    measure: Code
    quantity: Quantity


class PReview(_Model):
    supplier_id: Code
    contract_ids: Annotated[list[Code], Field(max_length=200)]
    period: PPeriod
    spend: PMoney
    lines: Annotated[list[PLine], Field(max_length=10_000)]
    declaration: PDeclaration
    commitments: Annotated[list[PTarget], Field(max_length=1000)] = []

    @model_validator(mode="after")
    def _cross_field(self) -> PReview:
        if len(set(self.contract_ids)) != len(self.contract_ids):
            raise ValueError("repeated contract id")
        if len({t.measure for t in self.commitments}) != len(self.commitments):
            raise ValueError("repeated commitment")
        if self.declaration.signed_on < self.period.start:
            raise ValueError("declared before the period")
        return self


def _pydantic_load(document: dict[str, Any]) -> object:
    return PReview.model_validate(document)


# The same constraints with pydantic's own types: Decimal fields with the digit and
# place limits, dates and enums read by pydantic (lax on those fields only, since a
# strict Decimal or date field takes no text in Python mode).
_Lax = Field(strict=False)
DQuantity = Annotated[
    Decimal, Field(strict=False, ge=0, max_digits=21, decimal_places=6, allow_inf_nan=False)
]
DDay = Annotated[date, _Lax]
_UnitEnum = enum.Enum(  # type: ignore[misc]
    "_UnitEnum",
    {u: u for u in ("fte", "people", "hours", "weeks", "gbp", "tonnes-co2e", "count", "percent")},
)


class DMoney(_Model):
    amount: DQuantity
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class DPeriod(_Model):
    start: DDay
    end: DDay

    @model_validator(mode="after")
    def _ordered(self) -> DPeriod:
        if self.end < self.start:
            raise ValueError("end before start")
        return self


class DLine(_Model):
    measure: Code
    quantity: DQuantity
    evidence: Text300 | None = None
    local: bool | None = None
    unit: Annotated[_UnitEnum, _Lax] | None = None


class DDeclaration(_Model):
    signatory: Text200
    role: Text200
    signed_on: DDay


class DTarget(_Model):
    measure: Code
    quantity: DQuantity


class DReview(_Model):
    supplier_id: Code
    contract_ids: Annotated[list[Code], Field(max_length=200)]
    period: DPeriod
    spend: DMoney
    lines: Annotated[list[DLine], Field(max_length=10_000)]
    declaration: DDeclaration
    commitments: Annotated[list[DTarget], Field(max_length=1000)] = []

    @model_validator(mode="after")
    def _cross_field(self) -> DReview:
        if len(set(self.contract_ids)) != len(self.contract_ids):
            raise ValueError("repeated contract id")
        if len({t.measure for t in self.commitments}) != len(self.commitments):
            raise ValueError("repeated commitment")
        if self.declaration.signed_on < self.period.start:
            raise ValueError("declared before the period")
        return self


def _pydantic_decimal_load(document: dict[str, Any]) -> object:
    return DReview.model_validate(document)


# msgspec Structs holding the same constraints where msgspec can state them ---------
# msgspec states text patterns and lengths, list lengths, enums, dates and unknown
# keys, but no limit on a Decimal (sign, digits, places, finiteness; ``Meta(ge=...)``
# is refused on a Decimal): those are checked in __post_init__ with the cross-field
# rules, as pydantic's model validators check the latter. Like pydantic's lax Decimal
# field it also takes a JSON number for a decimal.

_MAX_INTEGER_DIGITS = 15
_MAX_PLACES = 6


def _check_quantity(value: Decimal) -> None:
    if not value.is_finite() or value.is_signed():
        raise ValueError("must be a finite decimal, 0 or more")
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -_MAX_PLACES:
        raise ValueError("at most 6 decimal places")
    if value and value.adjusted() >= _MAX_INTEGER_DIGITS:
        raise ValueError("at most 15 integer digits")


MCode = Annotated[str, msgspec.Meta(pattern=_CODE)]
MText200 = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_TEXT)]
MText300 = Annotated[str, msgspec.Meta(min_length=1, max_length=300, pattern=_TEXT)]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    pass


class MMoney(_Struct):
    amount: Decimal
    currency: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]

    def __post_init__(self) -> None:
        _check_quantity(self.amount)


class MPeriod(_Struct):
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end before start")


class MLine(_Struct):
    measure: MCode
    quantity: Decimal
    evidence: MText300 | None = None
    local: bool | None = None
    unit: _UnitEnum | None = None

    def __post_init__(self) -> None:
        _check_quantity(self.quantity)


class MDeclaration(_Struct):
    signatory: MText200
    role: MText200
    signed_on: date


class MTarget(_Struct):
    measure: MCode
    quantity: Decimal

    def __post_init__(self) -> None:
        _check_quantity(self.quantity)


def _cross_field_rules(review: Any) -> None:
    """The Review's rules across fields, which both msgspec peers check alike."""
    if len(set(review.contract_ids)) != len(review.contract_ids):
        raise ValueError("repeated contract id")
    if len({t.measure for t in review.commitments}) != len(review.commitments):
        raise ValueError("repeated commitment")
    if review.declaration.signed_on < review.period.start:
        raise ValueError("declared before the period")


class MReview(_Struct):
    supplier_id: MCode
    contract_ids: Annotated[list[MCode], msgspec.Meta(max_length=200)]
    period: MPeriod
    spend: MMoney
    lines: Annotated[list[MLine], msgspec.Meta(max_length=10_000)]
    declaration: MDeclaration
    commitments: Annotated[list[MTarget], msgspec.Meta(max_length=1000)] = []

    def __post_init__(self) -> None:
        _cross_field_rules(self)


# The same Structs without the Decimal limits that msgspec cannot state: what msgspec
# checks by its own declarations, plus the cross-field rules.


class MMoneyBare(_Struct):
    amount: Decimal
    currency: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]


class MLineBare(_Struct):
    measure: MCode
    quantity: Decimal
    evidence: MText300 | None = None
    local: bool | None = None
    unit: _UnitEnum | None = None


class MTargetBare(_Struct):
    measure: MCode
    quantity: Decimal


class MReviewBare(_Struct):
    supplier_id: MCode
    contract_ids: Annotated[list[MCode], msgspec.Meta(max_length=200)]
    period: MPeriod
    spend: MMoneyBare
    lines: Annotated[list[MLineBare], msgspec.Meta(max_length=10_000)]
    declaration: MDeclaration
    commitments: Annotated[list[MTargetBare], msgspec.Meta(max_length=1000)] = []

    def __post_init__(self) -> None:
        _cross_field_rules(self)


def _msgspec_load(document: dict[str, Any]) -> object:
    return msgspec.convert(document, MReview)


def _msgspec_bare_load(document: dict[str, Any]) -> object:
    return msgspec.convert(document, MReviewBare)


def _pydantic_errors(document: dict[str, Any]) -> int:
    try:
        PReview.model_validate(document)
    except ValidationError as exc:
        return len(exc.errors())
    return 0


# timing -------------------------------------------------------------------------


def _best(call: Callable[[dict[str, Any]], object], docs: list[dict[str, Any]]) -> float:
    """Best of three: seconds per document."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for document in docs:
            call(document)
        runs.append((time.perf_counter() - start) / len(docs))
    return min(runs)


def _interleaved(
    calls: dict[str, Callable[[dict[str, Any]], object]], docs: list[dict[str, Any]], rounds: int
) -> dict[str, float]:
    """Median seconds per document of each call, timed in turn chunk by chunk.

    The machine is shared: alternating the calls every 500 documents means all see
    the same load, and the median of the rounds drops the odd disturbed one.
    """
    chunks = [docs[i : i + 500] for i in range(0, len(docs), 500)]
    totals: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        spent = dict.fromkeys(calls, 0.0)
        for chunk in chunks:
            for name, call in calls.items():
                start = time.perf_counter()
                for document in chunk:
                    call(document)
                spent[name] += time.perf_counter() - start
        for name in calls:
            totals[name].append(spent[name] / len(docs))
    return {name: statistics.median(values) for name, values in totals.items()}


def _load_profile(docs: list[dict[str, Any]]) -> list[str]:
    """Where ``load`` spends its time: the functions with the most own time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for document in docs:
        sv.load(KIND, document)
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values())
    top = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:8]
    rows = []
    for (path, line, name), (_, calls, own, _, _) in top:
        where = path.rsplit("/", 1)[-1] if path != "~" else "builtin"
        name = re.sub(r" at 0x[0-9a-f]+", "", name)  # an address differs run to run
        rows.append(
            f"| `{name}` (`{where}:{line}`) | {own / total:.0%} | {calls / len(docs):.0f} |"
        )
    return rows


def _times(ours: float, theirs: float) -> str:
    """``ours`` against ``theirs`` in words: "3.1x faster than" or "4.9x slower than"."""
    if ours <= theirs:
        return f"{theirs / ours:.1f}x faster than"
    return f"{ours / theirs:.1f}x slower than"


def _rate(seconds: float) -> str:
    return f"{1 / seconds:,.0f}/s ({seconds * 1e6:,.0f} µs)"


def run() -> str:
    """Measure the four targets and return the Markdown section."""
    count = int(os.environ.get("BENCH_DOCUMENTS", "10000"))
    slow = max(1, count // 5)
    valid = documents(count)
    bad = [invalid(d, n) for n, d in enumerate(valid)]
    validator = jsonschema.Draft202012Validator(
        sv.schema(KIND), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert all(sv.validate(KIND, d).ok for d in valid[:200]), "generated documents must load"

    rust = jsonschema_rs.validator_for(sv.schema(KIND), validate_formats=True)
    for document in valid[:3]:
        assert _pydantic_decimal_load(document)
        assert _pydantic_load(document)
        assert _msgspec_load(document)
        assert _msgspec_bare_load(document)
        assert rust.is_valid(document)
    timed = _interleaved(
        {
            "load": lambda d: sv.load(KIND, d),
            "pydantic": _pydantic_decimal_load,
            "patterns": _pydantic_load,
            "msgspec": _msgspec_load,
            "msgspec bare": _msgspec_bare_load,
        },
        valid,
        rounds=5,
    )
    load, pyd, pyd_patterns = timed["load"], timed["pydantic"], timed["patterns"]
    msg, msg_bare = timed["msgspec"], timed["msgspec bare"]
    checks = _interleaved(
        {"validate": lambda d: sv.validate(KIND, d), "rust": rust.is_valid}, valid, rounds=3
    )
    check, rs = checks["validate"], checks["rust"]
    plain = _best(validator.is_valid, valid[:slow])
    report = _best(lambda d: sv.validate(KIND, d), bad)
    plain_bad = _best(lambda d: list(validator.iter_errors(d)), bad[:slow])
    pyd_bad = _best(_pydantic_errors, bad)

    agree_valid = sum(validator.is_valid(d) == sv.validate(KIND, d).ok for d in valid[:slow])
    agree_bad = sum(validator.is_valid(d) == sv.validate(KIND, d).ok for d in bad[:slow])
    issues = statistics.mean(len(sv.validate(KIND, d).issues) for d in bad[:200])
    errors = statistics.mean(len(list(validator.iter_errors(d))) for d in bad[:200])

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    rows = [
        f"| `load`, valid | {_rate(load)} | {load / pyd:.2f}x the time of pydantic v2"
        f" with `Decimal` fields | ≤ 1.0x: {verdict(load <= pyd)} |",
        f"| `load`, valid | {_rate(load)} | {load / pyd_patterns:.2f}x the time of pydantic"
        " v2 checking the schema's patterns | the next target: ≤ 1.0x:"
        f" {verdict(load <= pyd_patterns)} |",
        f"| `load`, valid | {_rate(load)} | {load / msg:.2f}x the time of msgspec"
        " `convert`, the same constraints | a peer, no target |",
        f"| `load`, valid | {_rate(load)} | {load / msg_bare:.2f}x the time of msgspec"
        " `convert` without the `Decimal` limits | a peer, no target |",
        f"| `validate`, valid | {_rate(check)} | {plain / check:.1f}x jsonschema"
        f" | ≥ 20x jsonschema: {verdict(plain / check >= 20)} |",
        f"| `validate`, valid | {_rate(check)} | {_times(check, rs)} jsonschema-rs"
        " | a peer, no target |",
        f"| `validate`, invalid, every issue | {_rate(report)} | {plain_bad / report:.1f}x"
        f" jsonschema | no slower than jsonschema: {verdict(report <= plain_bad)} |",
        f"| pydantic v2 `model_validate`, `Decimal` fields, valid | {_rate(pyd)} | floor | |",
        f"| pydantic v2 `model_validate`, patterns then `Decimal()`, valid"
        f" | {_rate(pyd_patterns)} | floor | |",
        f"| msgspec `convert`, `Decimal` fields (limits in `__post_init__`), valid"
        f" | {_rate(msg)} | peer | |",
        f"| msgspec `convert`, `Decimal` fields unlimited, valid | {_rate(msg_bare)} | peer | |",
        f"| pydantic v2, invalid, every error | {_rate(pyd_bad)} | floor | |",
        f"| jsonschema `is_valid`, valid | {_rate(plain)} | floor | |",
        f"| jsonschema-rs `is_valid`, valid, formats checked | {_rate(rs)} | peer | |",
        f"| jsonschema `iter_errors`, invalid | {_rate(plain_bad)} | floor | |",
    ]
    return "\n".join(
        [
            "## Documents",
            "",
            f"{count:,} generated Review submissions of {LINES} lines each, as dicts;"
            f" jsonschema on the first {slow:,}. Invalid documents carry three faults"
            " each (a number for a quantity, an unknown unit, 30 February).",
            "",
            "| operation | throughput (time per document) | against | target |",
            "|---|---|---|---|",
            *rows,
            "",
            f"Same verdict as jsonschema: {agree_valid:,} of {slow:,} valid and"
            f" {agree_bad:,} of {slow:,} invalid documents. Issues per invalid document:"
            f" {issues:.1f} from `validate`, {errors:.1f} errors from jsonschema.",
            "",
            "### Where `load` spends its time (cProfile, 300 documents)",
            "",
            "| function | share of own time | calls per document |",
            "|---|---|---|",
            *_load_profile(valid[:300]),
            "",
            _GAP,
        ]
    )


_GAP = """### How `load` reaches pydantic

- Each class gets a loader generated at first use from the same description as its
  schema (`documents/_loaders.py`): Python source that reads each field, checks its
  JSON type and form inline (a code's pattern, a text's length and edges, a
  quantity's pattern, an enum's value), runs each field check once, and sets the
  slots of a new object directly, so the attrs `__init__`, the annotation type
  checks (met by construction) and cattrs' generic path are skipped. Validators
  that are not field checks and `__attrs_post_init__` run as attrs runs them.
- The slots are filled by plain attribute stores on a twin of the class (the same
  layout, with `object`'s own `__setattr__` and `__delattr__`, so the interpreter
  stores straight into the slot), and the object is then given its own class,
  before any validator sees it: half the cost of calling each slot's setter.
- What repeats across documents is read once: each loader keeps, per field, the
  codes it has seen match their pattern (a catalogue's measures) and the dates it
  has read (a period's ends), at most 2,048 of each, forgotten at once when full
  (supplier ids never repeat). A document with as many keys as its class has
  fields is checked for unknown keys by reading them, not by a set comparison.
- The way in costs about 2 µs a call: the argument check lets positional values of
  exactly an annotated class through with one test of their classes, and the decimal
  guard installs its fresh context without `decimal.localcontext`'s manager (a
  public call made inside another runs in the context already installed).
- What is left is per line: the quantity's pattern and `Decimal()`, the line's
  own function call and its object; pydantic does the same work in Rust.
- Anything unusual (a `str` subclass, a missing key, a bad value) makes the loader
  give up, and the thorough converter reports every issue with its path. The
  agreement tests check on every example, every single mutation and documents
  generated from each schema that the loader never accepts what the thorough path
  refuses and builds the same object.
- `validate` of a valid document costs the same as `load` (it is `load` without
  the object), and far less than jsonschema, which walks the schema per value in
  Python. Invalid documents take a second, thorough pass that collects every issue
  with its path; that pass still beats jsonschema's `iter_errors`.
- msgspec (a benchmark peer only, never a dependency of the library) is given
  Structs with the same constraints where it can state them: patterns, lengths,
  enums, dates, unknown keys. It cannot state a limit on a `Decimal` (sign,
  digits, places, finiteness): one row checks those in `__post_init__` beside the
  cross-field rules, the other leaves them unchecked (msgspec's own declarations
  only). Like pydantic's lax `Decimal`, it takes a JSON number for a decimal,
  which `load` refuses.
- jsonschema-rs runs the same exported schema in Rust with formats checked; it
  gives a verdict only, builds no object and reports no domain rule."""
