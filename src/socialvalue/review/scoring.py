"""Scoring a Social Value Review: reported quantities × proxy values, adjusted and discounted.

The method (SROI, *A Guide to Social Return on Investment*, Cabinet Office 2012; HM
Treasury Green Book 2022), for each reported line of a measure with a proxy value:

1. **gross** = quantity × proxy value;
2. **net** = gross × (1 − deadweight) × (1 − displacement) × (1 − attribution) ×
   (1 − leakage), each adjustment a fraction from 0 to 1;
3. over the outcome's duration of *D* years with drop-off *d*, year *n* is worth
   net × (1 − *d*)^(n − 1): their sum is the **undiscounted** value;
4. **present value** discounts year *n* by the Green Book factor of year *n* − 1
   (:mod:`socialvalue.review.discounting`: the reporting year is year 0).

Adjustments come from the measure (its catalogue) unless the
:class:`ScoringMethod` overrides them, for every measure or by measure code; pick a
method per submission to adjust one submission differently.

Lines of record-only measures get no value: they are summed as counts in their
unit, never given a borrowed value. Lines flagged ``local=False`` are, by default,
wholly leaked (SROI leakage of 1): their gross value is shown, their net and
present value are zero, and they count neither towards counts nor delivery.

Totals are exact. Quantities and proxies have at most 6 decimal places and the
combined factors 24, so every line figure has at most 36 places and is held
exactly; totals are exact sums of their lines (computed in a 90-digit context
that traps any rounding). A measure serving several priorities gives its whole
value to its **primary (first) priority**, so the by-priority breakdown also sums
exactly to the total. Rounding happens only when presenting.

Problems are reported together: :func:`check_submission` returns every issue (unknown measure
codes, wrong units, fractional people or counts, percentages over 100, commitments
to unknown measures, currency mismatches) with JSON paths into the submission;
:func:`score` raises :class:`~socialvalue.errors.InvalidDocument` carrying all of
them. (Negative quantities cannot reach either: a ``ReportedLine`` refuses them, and
loading a document reports them at ``$.lines[i].quantity``.)

Speed: :func:`score` computes every figure eagerly, aggregating lines by measure
(the arithmetic is linear, so this is exact); it builds the per-line
:class:`ScoredLine` objects, ``Money`` wrappers and derivation text only when they
are first read.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue.errors import InvalidDocument, Issue
from socialvalue.money import MAX_INTEGER_DIGITS
from socialvalue.review.measures import MeasureCatalogue, Unit
from socialvalue.review.method import EXACT, ScoringMethod, ValueBasis, _Plan, _Plans, _plans
from socialvalue.review.score_figures import Delivery, MeasureCount, SocialValueRatio, ValueTotals
from socialvalue.review.score_report import ScoreReport, _report, _State
from socialvalue.review.scored_lines import ScoredLine
from socialvalue.review.submissions import ReportedLine, ReviewSubmission

__all__ = [
    "Delivery",
    "MeasureCount",
    "ScoreReport",
    "ScoredLine",
    "ScoringMethod",
    "SocialValueRatio",
    "ValueBasis",
    "ValueTotals",
    "check_submission",
    "score",
]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
_LIMIT: Final = Decimal(10) ** MAX_INTEGER_DIGITS
_QUANTITY: Final = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?")


def _line_issues(index: int, line: ReportedLine, plan: _Plan) -> list[Issue]:
    found = []
    if line.unit is not None and line.unit is not plan.unit:
        found.append(_wrong_unit(index, plan, line.unit.value))
    return found + _quantity_issues(index, line.quantity, plan)


def _quantity_issues(index: int, quantity: Decimal, plan: _Plan) -> list[Issue]:
    """A quantity its measure's unit cannot hold: part of a person, or over 100%."""
    unit, measure = plan.unit, plan.measure
    found = []
    if unit.whole and quantity != quantity.to_integral_value():
        found.append(
            Issue.at(
                ["lines", index, "quantity"],
                "score.bad_quantity",
                f"line {index + 1} ({measure.code}, {measure.title}) counts whole"
                f" {unit.value}: give a whole number, not {quantity}",
            )
        )
    if unit is Unit.PERCENT and quantity > _HUNDRED:
        found.append(
            Issue.at(
                ["lines", index, "quantity"],
                "score.bad_quantity",
                f"line {index + 1} ({measure.code}, {measure.title}) is a percentage:"
                f" give a figure from 0 to 100, not {quantity}",
            )
        )
    return found


def _issues(
    submission: ReviewSubmission, catalogue: MeasureCatalogue, plans: _Plans
) -> list[Issue]:
    """Every problem in ``submission`` against ``catalogue``, with paths (the slow path)."""
    issues: list[Issue] = []
    currency = submission.spend.currency
    currencies: dict[str, _Plan] = {}
    for index, line in enumerate(submission.lines):
        plan = plans[line.measure]
        if plan is None:
            issues.append(_unknown(["lines", index, "measure"], line.measure, catalogue))
            continue
        issues.extend(_line_issues(index, line, plan))
        if plan.valued and plan.currency != currency:
            currencies.setdefault(plan.measure.code, plan)
    for index, commitment in enumerate(submission.commitments):
        if plans[commitment.measure] is None:
            issues.append(
                _unknown(["commitments", index, "measure"], commitment.measure, catalogue)
            )
    issues.extend(_currency_issue(plan, currency) for plan in currencies.values())
    return issues


def _aggregate(
    submission: ReviewSubmission, catalogue: MeasureCatalogue, method: ScoringMethod
) -> tuple[_State | None, list[Issue]]:
    """The exact figures of a valid submission; on any problem, every issue instead.

    The loop over lines only notices that something is wrong and hands over to
    :func:`_issues`, which walks the submission again to report everything.
    """
    plans = _plans(catalogue, method)
    exclude = method.exclude_non_local
    sums: dict[str, Decimal] = {}
    excluded: dict[str, Decimal] = {}
    currency = submission.spend.currency
    with decimal.localcontext(EXACT):
        for line in submission.lines:
            code = line.measure
            plan = plans[code]
            if (plan is None or plan.checked or line.unit is not None) and (
                plan is None or _line_issues(0, line, plan)
            ):
                return None, _issues(submission, catalogue, plans)
            target = excluded if (line.local is False and exclude) else sums
            previous = target.get(code)
            target[code] = line.quantity if previous is None else previous + line.quantity
        for commitment in submission.commitments:
            if plans[commitment.measure] is None:
                return None, _issues(submission, catalogue, plans)
        buckets: dict[tuple[str, str], list[Decimal]] = {}
        grosses: dict[int, Decimal] = {}
        for code, quantity in sums.items():
            plan = plans[code]
            assert plan is not None
            if not plan.valued:
                continue
            if plan.currency != currency:
                return None, _issues(submission, catalogue, plans)
            gross = quantity * plan.proxy
            previous = grosses.get(plan.group)
            grosses[plan.group] = gross if previous is None else previous + gross
        groups = plans.groups
        for group, gross in grosses.items():
            bucket, net_factor, undiscounted_factor, present_factor = groups[group]
            net = gross * net_factor
            undiscounted = gross * undiscounted_factor
            present = gross * present_factor
            figures = buckets.get(bucket)
            if figures is None:
                buckets[bucket] = [gross, net, undiscounted, present]
            else:
                figures[0] += gross
                figures[1] += net
                figures[2] += undiscounted
                figures[3] += present
        for code, quantity in excluded.items():
            plan = plans[code]
            assert plan is not None
            if not plan.valued:
                continue
            if plan.currency != currency:
                return None, _issues(submission, catalogue, plans)
            figures = buckets.setdefault(plan.bucket, [_ZERO, _ZERO, _ZERO, _ZERO])
            figures[0] += quantity * plan.proxy
        totals = [_ZERO, _ZERO, _ZERO, _ZERO]
        for figures in buckets.values():
            totals[0] += figures[0]
            totals[1] += figures[1]
            totals[2] += figures[2]
            totals[3] += figures[3]
    if totals[0] >= _LIMIT:
        return None, [
            Issue.at(
                ["lines"],
                "score.too_large",
                f"the gross value of these lines is {totals[0]:.2E}, over the largest amount"
                f" this library holds (10**{MAX_INTEGER_DIGITS}); check the quantities",
            )
        ]
    grand = (totals[0], totals[1], totals[2], totals[3])
    return _State(currency, sums, excluded, buckets, grand), []


def _unknown(steps: list[str | int], code: str, catalogue: MeasureCatalogue) -> Issue:
    what = "line" if steps[0] == "lines" else "commitment"
    number = steps[1] + 1 if isinstance(steps[1], int) else steps[1]
    return Issue.at(
        steps,
        "score.unknown_measure",
        f"{what} {number} names measure {code!r}, which is not in the catalogue it is"
        f" scored against ({catalogue.id!r}, version {catalogue.version}): use one of that"
        " catalogue's measure codes",
    )


def _currency_issue(plan: _Plan, currency: str) -> Issue:
    return Issue.at(
        ["spend", "currency"],
        "score.currency_mismatch",
        f"spend is in {currency} but measure {plan.measure.code}'s proxy value is in"
        f" {plan.currency}; this library never converts currencies",
    )


@in_library_context
@typed_arguments
def check_submission(
    submission: ReviewSubmission,
    catalogue: MeasureCatalogue,
    method: ScoringMethod | None = None,
) -> tuple[Issue, ...]:
    """Every problem that stops ``submission`` being scored against ``catalogue``.

    Returns the issues (sorted by path) rather than raising; an empty tuple means
    :func:`score` will succeed.
    """
    _, issues = _aggregate(submission, catalogue, method or _DEFAULT_METHOD)
    return tuple(sorted(issues, key=Issue.sort_key))


_DEFAULT_METHOD: Final = ScoringMethod()


def raw_catalogue_issues(
    document: object, catalogue: MeasureCatalogue, method: ScoringMethod | None = None
) -> set[Issue]:
    """The catalogue's issues with a review-submission *document* that may not load.

    Unknown measure codes, units that do not match the measure's, part of a person
    and percentages over 100, read straight from the JSON data so that they can be
    reported beside the document's own problems (see
    :func:`socialvalue.check_review_document`).
    """
    found: set[Issue] = set()
    plans = _plans(catalogue, method or _DEFAULT_METHOD)
    if isinstance(document, dict):
        for key in ("lines", "commitments"):
            items = document.get(key)
            for index, item in enumerate(items if isinstance(items, list) else ()):
                found.update(_raw_item_issues(key, index, item, catalogue, plans))
    return found


def _raw_item_issues(
    key: str, index: int, item: object, catalogue: MeasureCatalogue, plans: _Plans
) -> list[Issue]:
    """Catalogue issues of one line or commitment of a document that does not load."""
    if not isinstance(item, dict) or not isinstance(code := item.get("measure"), str):
        return []
    plan = plans[code]
    if plan is None:
        return [_unknown([key, index, "measure"], code, catalogue)]
    if key != "lines":
        return []
    found = []
    unit = item.get("unit")
    if isinstance(unit, str) and unit != plan.unit.value:
        found.append(_wrong_unit(index, plan, unit))
    quantity = item.get("quantity")
    # Bounded before Decimal(): a hostile "1e999999999" never reaches arithmetic.
    if isinstance(quantity, str) and len(quantity) <= 24 and _QUANTITY.fullmatch(quantity):
        found += _quantity_issues(index, Decimal(quantity), plan)
    return found


def _wrong_unit(index: int, plan: _Plan, given: str) -> Issue:
    measure, unit = plan.measure, plan.unit.value
    return Issue.at(
        ["lines", index, "unit"],
        "score.wrong_unit",
        f"line {index + 1} ({measure.code}, {measure.title}) is counted in {unit!r}, but the"
        f" line says {given!r}: give the figure in {unit} (or leave the unit out)",
    )


@in_library_context
@typed_arguments
def score(
    submission: ReviewSubmission,
    catalogue: MeasureCatalogue,
    method: ScoringMethod | None = None,
) -> ScoreReport:
    """Score a Review submission against a measure catalogue.

    Raises :class:`~socialvalue.errors.InvalidDocument` (kind ``review-submission``)
    carrying *every* issue :func:`check_submission` finds.

    >>> from datetime import date
    >>> from socialvalue import Money, Period
    >>> from socialvalue.review.gm_catalogue import default_catalogue
    >>> from socialvalue.review.submissions import Declaration
    >>> submission = ReviewSubmission(
    ...     "100234", ("C-1",), Period(date(2025, 4, 1), date(2026, 3, 31)), Money("60000"),
    ...     [ReportedLine("GM-VOLUNTEER-HOURS", Decimal("120")),
    ...      ReportedLine("GM-EXPERT-HOURS", Decimal("10")),
    ...      ReportedLine("GM-JOBS-LOCAL", Decimal("3.5"))],
    ...     Declaration("A. Smith", "Director", date(2026, 4, 20)),
    ... )
    >>> report = score(submission, default_catalogue())
    >>> report.present_value.format(), report.ratio.text
    ('£3,041.60', '£0.05 per £1 of spend (5.1%)')
    >>> [count.text for count in report.counts]
    ['3.5 FTE']
    """
    method = method or _DEFAULT_METHOD
    state, issues = _aggregate(submission, catalogue, method)
    if state is None:
        raise InvalidDocument(issues, kind="review-submission")
    return _report(submission, catalogue, method, state)
