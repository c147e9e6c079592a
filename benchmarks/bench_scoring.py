"""Scoring: 10,000 Review submissions of 20 lines each, against bare Decimal loops.

Two floors, each "the same arithmetic in bare loops", timed in the same rounds:

- the *narrow* floor, ``sum(Decimal(q) * proxy[code])``: gross value only (the floor
  of the first measurements, kept so that its ratios stay comparable);
- the *full* floor: what scoring has to compute, in plain loops over the lines —
  gross, net after deadweight, displacement, attribution and leakage, undiscounted
  value over the outcome's years with drop-off, present value discounted by the
  Green Book schedule, non-local lines wholly leaked, summed by primary priority and
  in total, quantities summed by measure before they are multiplied (the arithmetic
  is linear; the scorer does the same). Each measure's combined factors are worked
  out once beforehand in plain Decimal code (the formulas in
  ``socialvalue.review.discounting``), as the scorer caches its own; the run asserts
  that the full floor's totals and by-priority sums equal ``score()``'s on every
  submission.

The targets (issue 18): ``score()`` and reading its totals and by-priority breakdown
within 3× the full floor; ``score()`` and reading every figure of the score report
(the four totals, ``totals``, ``by_priority``, ``by_kind``, ``counts``,
``excluded``, ``delivery`` and ``ratio``) within 5×. Line objects and their
derivation text are built when first read; a last row shows that cost.
"""

from __future__ import annotations

import decimal
import gc
import random
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import socialvalue as sv

SUBMISSIONS = 10_000
LINES = 20
TARGET_TOTALS = 3.0
TARGET_EVERY = 5.0
ROUNDS = 7
#: Combined factors keep this many places, cut toward zero (as the scorer's do).
FACTOR_PLACES = 24


def _catalogue() -> sv.MeasureCatalogue:
    def proxy(amount: str) -> sv.ProxyValue:
        return sv.ProxyValue(sv.Money(amount), "Benchmark proxy table", "bench", 2025)

    one_year = sv.Adjustments(deadweight=Decimal("0.2"), displacement=Decimal("0.1"))
    lasting = sv.Adjustments(
        attribution=Decimal("0.25"),
        leakage=Decimal("0.1"),
        drop_off=Decimal("0.25"),
        duration_years=3,
    )
    priorities = ["resilient-communities", "reduced-demand", "social-capital", "early-intervention"]
    measures = []
    for number in range(16):
        valued = number < 12
        kind = (
            sv.MeasureKind.RECORD_ONLY
            if not valued
            else (sv.MeasureKind.LOCAL_ECONOMIC if number % 3 == 0 else sv.MeasureKind.SOCIAL)
        )
        measures.append(
            sv.ReviewMeasure(
                f"BENCH-{number:02d}",
                f"Benchmark measure {number}",
                sv.Unit.HOURS if number % 2 else sv.Unit.FTE,
                kind,
                [priorities[number % 4], priorities[(number + 1) % 4]],
                proxy(f"{(number + 1) * 17}.{number:02d}") if valued else None,
                (lasting if number % 2 else one_year) if valued else sv.Adjustments(),
            )
        )
    return sv.MeasureCatalogue("bench", "1", "gm-policing-sv", measures)


def _submissions(catalogue: sv.MeasureCatalogue, count: int) -> list[sv.ReviewSubmission]:
    rng = random.Random(20260425)
    codes = catalogue.codes
    period = sv.Period(date(2025, 4, 1), date(2026, 3, 31))
    declaration = sv.Declaration("A. Smith", "Director", date(2026, 4, 20))
    result = []
    for number in range(count):
        lines = [
            sv.ReportedLine(
                rng.choice(codes),
                Decimal(rng.randrange(0, 1_000_000)).scaleb(-2),
                local=rng.choice([None, True, True, True, False]),
            )
            for _ in range(LINES)
        ]
        commitments = (sv.MeasureTarget(codes[number % 12], Decimal(500)),)
        result.append(
            sv.ReviewSubmission(
                f"S{number}",
                (f"C{number}",),
                period,
                sv.Money(rng.randrange(50_000, 2_000_000)),
                lines,
                declaration,
                commitments,
            )
        )
    return result


def _factors(catalogue: sv.MeasureCatalogue) -> dict[str, tuple[Decimal, ...] | None]:
    """Per measure: proxy, net, undiscounted and present factors, and its primary priority.

    Plain Decimal code for the method's formulas (``socialvalue.review.discounting``):
    net = Π (1 − adjustment); undiscounted = net × Σ (1 − d)^(n − 1); present = net ×
    Σ (1 − d)^(n − 1) / 1.035^(n − 1) (the Green Book rate of years 0 to 30), both
    cut toward zero at 24 places. ``None`` for a record-only measure.
    """
    precise = decimal.Context(prec=50)
    cut = Decimal(1).scaleb(-FACTOR_PLACES)
    found: dict[str, tuple[Decimal, ...] | None] = {}
    for measure in catalogue:
        if measure.proxy is None:
            found[measure.code] = None
            continue
        a = measure.adjustments
        net = Decimal(1)
        for fraction in (a.deadweight, a.displacement, a.attribution, a.leakage):
            if fraction:
                net *= 1 - fraction
        weight, discount, undiscounted, present = Decimal(1), Decimal(1), Decimal(0), Decimal(0)
        for _ in range(a.duration_years):
            undiscounted = precise.add(undiscounted, weight)
            present = precise.add(present, precise.multiply(weight, discount))
            weight = precise.multiply(weight, 1 - a.drop_off)
            discount = precise.divide(discount, Decimal("1.035"))
        found[measure.code] = (
            measure.proxy.value.amount,
            net,
            precise.multiply(net, undiscounted).quantize(cut, decimal.ROUND_DOWN, precise),
            precise.multiply(net, present).quantize(cut, decimal.ROUND_DOWN, precise),
            measure.priorities[0],
        )
    return found


def _full_floor(
    factors: dict[str, tuple[Decimal, ...] | None],
) -> Callable[[list[sv.ReviewSubmission]], list[tuple[list[Decimal], dict[str, list[Decimal]]]]]:
    exact = decimal.Context(prec=90, traps=[decimal.Inexact, decimal.InvalidOperation])
    zero = Decimal(0)

    def floor(
        chunk: list[sv.ReviewSubmission],
    ) -> list[tuple[list[Decimal], dict[str, list[Decimal]]]]:
        results = []
        with decimal.localcontext(exact):
            for submission in chunk:
                # Quantities summed by measure first (non-local lines apart): the
                # arithmetic is linear, so a measure's figures take four products.
                local: dict[str, Decimal] = {}
                leaked: dict[str, Decimal] = {}
                for line in submission.lines:
                    into_q = leaked if line.local is False else local
                    into_q[line.measure] = into_q.get(line.measure, zero) + line.quantity
                groups: dict[str, list[Decimal]] = {}
                for code, quantity in local.items():
                    found = factors[code]
                    if found is None:
                        continue
                    proxy, net, undiscounted, present, priority = found
                    gross = quantity * proxy
                    sums = groups.get(priority)
                    if sums is None:
                        sums = groups[priority] = [zero, zero, zero, zero]
                    sums[0] += gross
                    sums[1] += gross * net
                    sums[2] += gross * undiscounted
                    sums[3] += gross * present
                for code, quantity in leaked.items():  # not local: wholly leaked
                    found = factors[code]
                    if found is None:
                        continue
                    sums = groups.get(found[4])
                    if sums is None:
                        sums = groups[found[4]] = [zero, zero, zero, zero]
                    sums[0] += quantity * found[0]
                totals = [zero, zero, zero, zero]
                for sums in groups.values():
                    for position in range(4):
                        totals[position] += sums[position]
                results.append((totals, groups))
        return results

    return floor


def _best(work: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _paired(
    steps: list[Callable[[list[sv.ReviewSubmission]], object]],
    submissions: list[sv.ReviewSubmission],
) -> list[list[float]]:
    """Time each step chunk by chunk, one after the other, over several rounds.

    The machine is shared: alternating every 250 submissions means every step sees
    the same load. Returns each round's total per step.
    """
    chunks = [submissions[i : i + 250] for i in range(0, len(submissions), 250)]
    rounds = []
    for _ in range(ROUNDS):
        spent = [0.0] * len(steps)
        for chunk in chunks:
            for position, step in enumerate(steps):
                start = time.perf_counter()
                step(chunk)
                spent[position] += time.perf_counter() - start
        rounds.append(spent)
    return rounds


def _check_floor(
    floor: Callable[[list[sv.ReviewSubmission]], list[Any]],
    submissions: list[sv.ReviewSubmission],
    catalogue: sv.MeasureCatalogue,
    method: sv.ScoringMethod,
) -> None:
    """The full floor's totals and by-priority sums equal score()'s, on every submission."""
    for submission, (totals, groups) in zip(submissions, floor(submissions), strict=True):
        report = sv.score(submission, catalogue, method)
        assert [
            report.gross.amount,
            report.net.amount,
            report.undiscounted.amount,
            report.present_value.amount,
        ] == totals
        by_priority = {
            code: [t.gross.amount, t.net.amount, t.undiscounted.amount, t.present_value.amount]
            for code, t in report.by_priority.items()
        }
        assert by_priority == groups, (by_priority, groups)


def run(count: int = SUBMISSIONS) -> str:
    """Time score() over ``count`` submissions beside the two floors."""
    catalogue = _catalogue()
    submissions = _submissions(catalogue, count)
    proxies = {
        m.code: (m.proxy.value.amount if m.proxy is not None else Decimal(0)) for m in catalogue
    }
    method = sv.ScoringMethod()
    score = sv.score
    full_floor = _full_floor(_factors(catalogue))

    def narrow_floor(chunk: list[sv.ReviewSubmission]) -> None:
        for submission in chunk:
            sum(Decimal(line.quantity) * proxies[line.measure] for line in submission.lines)

    def scored(chunk: list[sv.ReviewSubmission]) -> None:
        for submission in chunk:
            score(submission, catalogue, method)

    def with_totals(chunk: list[sv.ReviewSubmission]) -> None:
        for submission in chunk:
            report = score(submission, catalogue, method)
            _ = (report.gross, report.net, report.present_value, report.totals)
            _ = report.by_priority

    def every_figure(chunk: list[sv.ReviewSubmission]) -> None:
        for submission in chunk:
            report = score(submission, catalogue, method)
            _ = (report.gross, report.net, report.undiscounted, report.present_value)
            _ = (report.totals, report.by_priority, report.by_kind, report.counts)
            _ = (report.excluded, report.delivery, report.ratio)

    def with_derivations() -> None:
        for submission in submissions:
            report = score(submission, catalogue, method)
            for line in report.lines:
                _ = line.derivation

    # Check, outside the timings, that the floors and the scorer agree.
    sample = score(submissions[0], catalogue, method)
    assert sample.gross.amount == sum(
        Decimal(line.quantity) * proxies[line.measure] for line in submissions[0].lines
    )
    _check_floor(full_floor, submissions, catalogue, method)

    # As timeit does, pause the cyclic garbage collector while timing: a full
    # collection walks every object of the 200,000-line data set, whichever
    # code happens to trigger it.
    gc.collect()
    gc.disable()
    try:
        steps = [narrow_floor, full_floor, scored, with_totals, every_figure]
        rounds = _paired(steps, submissions)
        with_derivations_s = _best(with_derivations, 1)
    finally:
        gc.enable()

    def median(position: int, floor: int) -> float:
        ratios = sorted(spent[position] / spent[floor] for spent in rounds)
        return ratios[len(ratios) // 2]

    def seconds(position: int) -> float:
        return sorted(spent[position] for spent in rounds)[len(rounds) // 2]

    labels = [
        "narrow floor: `sum(Decimal(q) * proxy[code])` (gross only)",
        "full floor: gross, net, undiscounted and present value by priority and in total,"
        " bare loops",
        "`score()` (every figure computed; `Money`, lines and derivations built when read)",
        "`score()` and read the totals and the by-priority breakdown",
        "`score()` and read every figure of the score report",
    ]
    table = [
        "| run | median round | per submission | × full floor | × narrow floor |",
        "|---|---|---|---|---|",
    ]
    for position, label in enumerate(labels):
        spent = seconds(position)
        table.append(
            f"| {label} | {spent:.3f} s | {spent / count * 1e6:.1f} µs |"
            f" {median(position, 1):.2f} | {median(position, 0):.2f} |"
        )
    table.append(
        f"| `score()` and build every line with its derivation text (best of 1) |"
        f" {with_derivations_s:.3f} s | {with_derivations_s / count * 1e6:.1f} µs |"
        f" {with_derivations_s / seconds(1):.2f} | {with_derivations_s / seconds(0):.2f} |"
    )
    totals_ratio, every_ratio = median(3, 1), median(4, 1)

    def verdict(ratio: float, target: float) -> str:
        return "**met**" if ratio <= target else "**not met**"

    def spread(position: int) -> str:
        return ", ".join(f"{spent[position] / spent[1]:.2f}" for spent in rounds)

    lines_total = count * LINES
    return "\n".join(
        [
            "## Scoring",
            "",
            f"{count:,} submissions of {LINES} lines ({lines_total:,} lines), 16 measures"
            " (12 valued, 4 record-only; half lasting 3 years with drop-off and Green Book"
            " discounting), one commitment each. Every step runs on the same 250 submissions"
            f" in turn, over {ROUNDS} rounds; times are the median round's and ratios the"
            " median of each round's ratio. Garbage collection is paused while timing, as"
            " `timeit` does. The full floor does in plain loops the arithmetic scoring"
            " must do (gross; net after deadweight, displacement, attribution and leakage;"
            " undiscounted value over the outcome's years with drop-off; present value"
            " discounted by the Green Book schedule; non-local lines wholly leaked; sums by"
            " primary priority and in total), quantities summed by measure before they are"
            " multiplied, with per-measure factors worked out"
            " beforehand in plain Decimal code; the run asserts that its totals and"
            " by-priority sums equal `score()`'s on every submission. The narrow floor,"
            " gross only, is the floor of earlier measurements.",
            "",
            *table,
            "",
            f"Target: `score()` + totals + `by_priority` ≤ {TARGET_TOTALS:g}× the full floor"
            f" — {verdict(totals_ratio, TARGET_TOTALS)}: {totals_ratio:.2f}× (rounds:"
            f" {spread(3)}); {median(3, 0):.2f}× the narrow floor.",
            "",
            f"Target: `score()` + every figure of the score report ≤ {TARGET_EVERY:g}× the"
            f" full floor — {verdict(every_ratio, TARGET_EVERY)}: {every_ratio:.2f}× (rounds:"
            f" {spread(4)}); {median(4, 0):.2f}× the narrow floor.",
        ]
    )


if __name__ == "__main__":
    print(run(1_000))
