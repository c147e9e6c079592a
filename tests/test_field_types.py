"""No public object can hold a value of the wrong type.

The classes are found from ``socialvalue.__all__``, not listed by hand, and an
instance of each is found in the objects that the library itself builds (the
example documents, the worked example year and its report, scores, evaluations,
decisions), so a class added later is covered as soon as it is exported: if no
instance of it can be found, the first test says which class needs an example.
"""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import socialvalue as sv
from socialvalue._typed import typed_fields
from tests import ocds_fixtures, scoring_fixtures, test_evaluation, test_transparency

EXAMPLES = Path(__file__).parent / "examples"


class Stranger:
    """A value no field of the library may hold."""

    def __repr__(self) -> str:
        return "Stranger()"


def public_classes() -> list[type]:
    found = (getattr(sv, name) for name in sv.__all__)
    return sorted(
        (obj for obj in found if isinstance(obj, type) and attrs.has(obj)),
        key=lambda cls: cls.__name__,
    )


def _documents() -> Iterator[object]:
    for folder in sorted(EXAMPLES.iterdir()):
        for path in sorted(folder.glob("*.json")):
            yield sv.load(folder.name, json.loads(path.read_text(encoding="utf-8")))


def _results(loaded: list[object]) -> Iterator[object]:
    yield from (getattr(sv, name) for name in sv.__all__)  # constants: areas, schedules
    year = sv.example_year()
    yield year
    yield year.report()
    assessed = year.assessments()
    yield assessed
    yield sv.compliance(
        year.policy,
        assessed,
        year.signups,
        year.submissions,
        year.period.end,
        catalogue=year.catalogue,
    )
    yield sv.local_spend_share(year.spend, year.suppliers, year.period)
    yield sv.priority_coverage(year.signups)
    yield sv.frameworks.crosswalk("gm-sv-policy-2014", "gm-sv-framework-2020")
    for submission in year.submissions:
        yield sv.score(submission, year.catalogue)
    yield sv.score(scoring_fixtures.three_lines(), scoring_fixtures.catalogue())
    yield sv.lm3(sv.Money("100"), sv.Money("60"), sv.Money("30"))
    yield sv.GM_RESPEND_MEASURES
    yield from (sv.respend_of(review, sv.GM_RESPEND_MEASURES) for review in year.submissions)
    yield sv.frameworks.crosswalk("gm-policing-sv", "ppn-06-20")
    yield sv.validate("supplier", {"id": 1})
    yield sv.evaluate(test_evaluation.tender_model(), test_evaluation.BIDS)
    yield sv.portfolio([obj for obj in loaded if isinstance(obj, sv.Service)])
    reader = sv.SpendFileReader([test_transparency.row("Acme", "1", "2025-05-01", "10.00")])
    yield from reader
    yield reader.summary()
    fixed = ocds_fixtures.package(ocds_fixtures.release(ocds_fixtures.award()))
    hostile = ocds_fixtures.package(ocds_fixtures.release(ocds_fixtures.award(amount=None)))
    yield ocds_fixtures.read(fixed)
    yield ocds_fixtures.read(hostile)
    yield from _spend_file()


def _spend_file() -> Iterator[object]:
    rows = [
        "BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount,ProclassLabel",
        "Acme Ltd,100234,2025-05-01,30000.00,Security",
        "HM Revenue & Customs,900001,2025-05-02,500.00,Tax",
        "Redacted,Redacted,2025-05-03,10.00,",
        "Acme Ltd,100234,2025-05-04,1,234.56,Security",
    ]
    spend = sv.SpendFile(
        sv.csv_records(rows), skip_bad_rows=True, period=sv.parse_financial_year("2025/26")
    )
    yield from spend
    yield spend.recognition
    yield spend.bad_rows
    yield spend.reconciliation()
    yield from sv.csv_records(rows)
    yield sv.NameRules()


def _walk(obj: object, seen: dict[type, object], depth: int = 0) -> None:
    if depth > 8:
        return
    if attrs.has(type(obj)):
        seen.setdefault(type(obj), obj)
        for field in attrs.fields(type(obj)):
            _walk(getattr(obj, field.name), seen, depth + 1)
        for name in dir(type(obj)):
            if not name.startswith("_") and isinstance(getattr(type(obj), name), property):
                _walk(getattr(obj, name), seen, depth + 1)
    elif isinstance(obj, (tuple, list, frozenset)):
        for item in list(obj)[:50]:
            _walk(item, seen, depth + 1)
    elif isinstance(obj, Mapping):
        for item in list(obj.values())[:50]:
            _walk(item, seen, depth + 1)


def instances() -> dict[type, object]:
    loaded = list(_documents())
    seen: dict[type, object] = {}
    for obj in [*loaded, *_results(loaded)]:
        _walk(obj, seen)
    return seen


INSTANCES = instances()
FIELDS = [
    pytest.param(cls, field.name, id=f"{cls.__name__}.{field.name}")
    for cls in public_classes()
    for field in attrs.fields(cls)
    if field.init
]


def test_every_public_class_has_an_instance_to_check() -> None:
    missing = [cls.__name__ for cls in public_classes() if cls not in INSTANCES]
    assert missing == [], "add an example of these classes to the pool above"
    assert len(public_classes()) > 40


@pytest.mark.parametrize(("cls", "name"), FIELDS)
def test_a_wrong_type_is_refused_naming_the_field(cls: type, name: str) -> None:
    hint = typing.get_type_hints(cls)[name]
    if hint is Any or hint is object:
        pytest.skip("the field takes any value by design")
    field = attrs.fields_dict(cls)[name]
    with pytest.raises((TypeError, sv.SocialValueError, ValueError)) as info:
        attrs.evolve(INSTANCES[cls], **{field.alias: Stranger()})
    assert name in str(info.value) or name in getattr(info.value, "field", ())


# The cases issue 15 names, each accepted before and a wrong answer later.
def _service(**changes: object) -> sv.Service:
    document = json.loads((EXAMPLES / "service" / "minimal.json").read_text(encoding="utf-8"))
    return attrs.evolve(sv.load("service", document), **changes)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: _service(prevention="no"), "Service.prevention must be a bool"),
        (
            lambda: sv.Supplier("1", "X", "small", sv.Location(sv.Borough.BOLTON)),  # type: ignore[arg-type]
            r"Supplier.organisation_type must be an OrganisationType \(one of 'micro', 'small'.*"
            r"got str 'small'",
        ),
        (lambda: sv.Location("Salford"), "Location.borough must be Borough or None"),  # type: ignore[arg-type]
        (
            lambda: sv.Supplier("1", "X", sv.OrganisationType.SMALL, None),  # type: ignore[arg-type]
            "Supplier.location must be a Location; got NoneType",
        ),
        (
            lambda: sv.ThresholdRule("charter"),  # type: ignore[arg-type]
            "ThresholdRule.obligation must be an Obligation",
        ),
        (
            lambda: sv.SpendLine("1", sv.Money("1"), datetime(2025, 5, 1), sv.VatBasis.NET),  # type: ignore[arg-type]
            r"SpendLine.paid_on must be a datetime.date \(no time of day\); got datetime",
        ),
        (
            lambda: sv.MeasureTarget("GM-JOBS", 5),  # type: ignore[arg-type]
            "MeasureTarget.quantity must be a Decimal; got int 5",
        ),
    ],
)
def test_the_named_wrong_types_are_refused(build: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        build()


def test_a_tuple_field_checks_each_item() -> None:
    year = sv.parse_financial_year("2025/26")
    with pytest.raises(TypeError, match=r"SpendBatch.lines must be a tuple of SpendLine; item 1"):
        sv.SpendBatch(
            "Council",
            [sv.SpendLine("1", sv.Money("1"), year.start, sv.VatBasis.NET), {"amount": "1"}],  # type: ignore[list-item]
        )


def test_enum_members_and_dates_pass() -> None:
    assert sv.Location(sv.Borough.SALFORD).borough is sv.Borough.SALFORD
    assert isinstance(sv.parse_financial_year("2025/26").start, date)
    assert issubclass(sv.Borough, enum.Enum)
    assert sv.MeasureTarget("GM-JOBS", Decimal(5)).quantity == 5


# The checker's forms, each on a small class of its own.
@attrs.frozen(field_transformer=typed_fields)
class Forms:
    literal: typing.Literal["a", "b"] = "a"
    items: frozenset[str] = frozenset()
    table: Mapping[str, int] = attrs.field(factory=dict)
    call: Callable[[int], int] = abs
    pair: tuple[int, str] = (1, "x")
    anything: tuple[object, ...] = ()
    bare: tuple[()] = ()
    nothing: None = None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"literal": "c"}, r"Forms.literal must be one of \('a', 'b'\); got str 'c'"),
        ({"items": ["x"]}, r"Forms.items must be a frozenset"),
        ({"items": frozenset({1})}, r"Forms.items must be a frozenset of valid items"),
        ({"table": [("a", 1)]}, r"Forms.table must be a mapping; got list"),
        ({"table": {"a": "1"}}, r"Forms.table must be a mapping whose entry 'a' is of the right"),
        ({"call": 3}, r"Forms.call must be callable; got int 3"),
        ({"pair": (1,)}, r"Forms.pair must be a tuple of 2 items"),
        ({"pair": (1, 2)}, r"Forms.pair must be a str"),
        ({"bare": [1]}, r"Forms.bare must be a tuple; got list"),
        ({"nothing": 0}, r"Forms.nothing must be None; got int 0"),
    ],
)
def test_each_form_of_annotation_is_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        attrs.evolve(Forms(), **changes)


def test_each_form_accepts_its_own_values() -> None:
    built = Forms("b", frozenset({"x"}), {"a": 1}, len, (2, "y"), (object(), 1), (), None)
    assert built.literal == "b"
    assert built.table == {"a": 1}
