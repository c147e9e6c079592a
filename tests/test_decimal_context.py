"""Answers never depend on the caller's decimal context, and leave it as it was.

Every Decimal operation that rounds (``+``, ``*``, ``/``, ``abs()``, ``quantize``,
``sum``) uses the calling thread's context unless told otherwise. A caller with
``getcontext().prec = 5`` once turned £49,999.99 into £50,000.00 in formatted text.
The library runs its arithmetic in a context of its own
(:data:`socialvalue._numbers.LIBRARY_CONTEXT`); these tests run the public API under
random caller contexts and compare every answer with the one under Python's default.
"""

from __future__ import annotations

import decimal
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue._numbers import LIBRARY_CONTEXT, in_library_context
from tests import scoring_fixtures, test_evaluation

EXAMPLES = Path(__file__).parent / "examples"
SIGNALS = [
    decimal.Clamped,
    decimal.DivisionByZero,
    decimal.Inexact,
    decimal.InvalidOperation,
    decimal.Overflow,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
    decimal.FloatOperation,
]
ROUNDINGS = [
    decimal.ROUND_CEILING,
    decimal.ROUND_DOWN,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_UP,
    decimal.ROUND_05UP,
]


def _document(kind: str, name: str) -> Any:
    path = EXAMPLES / kind / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def properties(obj: object) -> dict[str, object]:
    """Every public property of ``obj``, read as a user would read it."""
    found = {}
    for name in dir(type(obj)):
        if not name.startswith("_") and isinstance(getattr(type(obj), name), property):
            value = getattr(obj, name)
            found[name] = list(value) if hasattr(value, "__next__") else value
    return found


def answers() -> list[object]:
    """Text and records from each part of the public API, as a user would read them."""
    found: list[object] = []
    money = sv.Money("49999.99")
    found += [money.format(), str(money * Decimal("1.2")), (money + sv.Money("0.015")).format()]
    found += [money.round(sv.Rounding.HALF_EVEN, 1), -money, abs(-money), money * 3]
    year = sv.example_year()
    assessed = year.assessments()
    found += [a.explanation for a in assessed] + [assessed.to_records()]
    report = year.report()
    found += [report.summary(), report.to_records(), sv.dump(report.published())]
    found += [report._repr_html_()]
    scored = sv.score(scoring_fixtures.three_lines(), scoring_fixtures.catalogue())
    found += [scored.explanation, scored.to_records(), scored._repr_html_()]
    found += [line.derivation for line in scored.lines]
    result = sv.evaluate(test_evaluation.tender_model(), test_evaluation.BIDS)
    found += [result.explanation, result.to_records()]
    services = [sv.load("service", _document("service", name)) for name in ("minimal",)]
    found += [sv.portfolio(services).to_records()]
    found += [sv.assess_service(services[0]).explanation]
    multiplier = sv.lm3(sv.Money("1000"), sv.Money("600"), sv.Money("250"))
    found += [multiplier.multiplier, multiplier.local_share, multiplier.explanation]
    found += [sv.dump(sv.load("review-submission", _document("review-submission", "minimal")))]
    found += [
        sv.compliance(
            year.policy, assessed, year.signups, year.submissions, date(2026, 3, 31)
        ).to_records()
    ]
    local = sv.local_spend_share(year.spend, year.suppliers, year.period)
    found += [local.explanation]
    for obj in (local, assessed, assessed.assessments[0], scored, scored.lines[0], result):
        found.append(properties(obj))
    for obj in (result.bids[0], multiplier, report, sv.assess_service(services[0])):
        found.append(properties(obj))
    found += [
        list(year.policy.describe()),
        [c.to_record() for c in sv.priority_coverage(year.signups)[0]],
    ]
    found += [sv.validate("spend", {"buyer": "x", "lines": [{"amount": "1e9"}]}).issues]
    return found


BASELINE = answers()


@settings(max_examples=40, deadline=None)
@given(
    prec=st.integers(1, 60),
    rounding=st.sampled_from(ROUNDINGS),
    traps=st.lists(st.sampled_from(SIGNALS), unique=True),
)
def test_answers_do_not_depend_on_the_callers_context(
    prec: int, rounding: str, traps: list[type[decimal.DecimalException]]
) -> None:
    caller = decimal.Context(prec=prec, rounding=rounding, traps=traps, flags=[])
    with decimal.localcontext(caller) as active:
        assert answers() == BASELINE
        assert decimal.getcontext() is active
        raised = [signal.__name__ for signal in SIGNALS if active.flags[signal]]
        assert raised == [], "the library set flags on the caller's context"


def test_a_tight_context_once_rounded_money_text() -> None:
    with decimal.localcontext(decimal.Context(prec=5)):
        assert sv.Money("49999.99").format() == "£49,999.99"


def test_a_call_from_inside_another_runs_in_the_context_already_installed() -> None:
    seen: list[decimal.Context] = []

    @in_library_context
    def inner() -> None:
        seen.append(decimal.getcontext())

    @in_library_context
    def outer() -> decimal.Context:
        inner()
        with decimal.localcontext(decimal.Context(prec=60)):
            inner()  # an explicit context of the library's is not the library's own
        return decimal.getcontext()

    caller = decimal.Context(prec=3, traps=[decimal.Inexact])
    with decimal.localcontext(caller) as active:
        installed = outer()
        assert decimal.getcontext() is active
    assert seen[0] is installed
    assert seen[1] is not installed
    for context in (installed, seen[1]):
        assert (context.prec, context.traps) == (LIBRARY_CONTEXT.prec, LIBRARY_CONTEXT.traps)
        assert context.flags == LIBRARY_CONTEXT.flags


def test_the_callers_context_comes_back_when_the_call_raises() -> None:
    @in_library_context
    def failing() -> None:
        assert decimal.getcontext().prec == LIBRARY_CONTEXT.prec
        raise ValueError("no")

    with decimal.localcontext(decimal.Context(prec=4)) as active:
        with pytest.raises(ValueError, match="no"):
            failing()
        assert decimal.getcontext() is active
        assert active.prec == 4
