"""The regional report: a year of 2,500 suppliers and 700 Reviews of 20 lines each.

The size of Trafford's 2024/25 spend file (2,500 suppliers). The timed step is
``regional_report()`` itself, from assessments, signups, submissions and the
supplier list to every figure with its derivation: it scores all 700 Reviews, runs
compliance and Charter coverage, and carries value through a crosswalk to the GM
framework 2020.

Two floors, each "the same arithmetic in bare loops":

- the *narrow* floor sums the same Decimals (the 2,500 spend totals, and quantity ×
  proxy over the 14,000 Review lines): the floor of the first measurements;
- the *full* floor does in plain loops the arithmetic the report must do: spend in
  total, by supplier type and by place; each supplier's latest Charter and latest
  Review (the compliance grouping); each Review's gross, net, undiscounted and
  present value (quantities summed by measure, then multiplied by factors per
  measure worked out beforehand in plain Decimal code, as the scorer caches its
  own), summed in total, by source priority, by place and by supplier type. Each
  supplier's type and place are looked up beforehand with the report's own rules.
  The run asserts that its sums equal the report's figures.

The target (issue 18): the report within 20× the full floor.
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
from benchmarks.bench_scoring import _factors
from socialvalue.report.sections import place_of, type_of

SUPPLIERS = 2_500
REVIEWS = 700
LINES = 20
TARGET = 20.0
ROUNDS = 7
PRIORITIES = (
    "resilient-communities",
    "reduced-demand",
    "lower-environmental-impact",
    "social-capital",
    "early-intervention",
)


def _catalogue() -> sv.MeasureCatalogue:
    lasting = sv.Adjustments(
        deadweight=Decimal("0.2"), attribution=Decimal("0.25"), drop_off=Decimal("0.25"),
        duration_years=3,
    )  # fmt: skip
    measures = []
    for number in range(15):
        valued = number < 10
        # As in published catalogues, a priority's measures are of one kind: local
        # economic value (jobs, local spend) under the first two aims, social the rest.
        kind = sv.MeasureKind.RECORD_ONLY
        if valued:
            local = number % 5 < 2
            kind = sv.MeasureKind.LOCAL_ECONOMIC if local else sv.MeasureKind.SOCIAL
        proxy = (
            sv.ProxyValue(sv.Money(f"{(number + 1) * 13}.{number:02d}"), "Bench", "bench", 2025)
            if valued
            else None
        )
        measures.append(
            sv.ReviewMeasure(
                f"BENCH-{number:02d}", f"Benchmark measure {number}",
                sv.Unit.HOURS if number % 2 else sv.Unit.FTE, kind,
                [PRIORITIES[number % 5]], proxy,
                lasting if valued and number % 2 else sv.Adjustments(),
            )
        )  # fmt: skip
    return sv.MeasureCatalogue("bench", "1", "gm-policing-sv", measures)


def _year() -> dict[str, Any]:
    rng = random.Random(20261125)
    period = sv.parse_financial_year("2025/26")
    policy = sv.default_policy()
    catalogue = _catalogue()
    kinds = list(sv.OrganisationType)
    places = [*sv.Borough, None, None, None]
    suppliers = [
        sv.Supplier(
            f"S{n:05d}", f"Supplier {n}", rng.choice(kinds), sv.Location(rng.choice(places))
        )
        for n in range(SUPPLIERS)
    ]
    spend = []
    for n, supplier in enumerate(suppliers):
        big = n < REVIEWS * 11 // 10  # a tenth of the Review band sends no Review
        for _ in range(rng.randint(1, 6)):
            pence = rng.randrange(2_000_000, 9_000_000) if big else rng.randrange(1_000, 900_000)
            day = date(2025, 4, 1).fromordinal(period.start.toordinal() + rng.randrange(365))
            spend.append(sv.SpendLine(supplier.id, sv.Money(Decimal(pence).scaleb(-2)), day,
                                      sv.VatBasis.NET))  # fmt: skip
    assessments = sv.assess(policy, spend, period, suppliers=suppliers)
    codes = catalogue.codes
    declared = sv.Declaration("A. Smith", "Director", date(2026, 4, 20))
    submissions = [
        sv.ReviewSubmission(
            f"S{n:05d}", (), period, sv.Money("100000"),
            [sv.ReportedLine(rng.choice(codes), Decimal(rng.randrange(0, 100_000)).scaleb(-2))
             for _ in range(LINES)],
            declared,
        )
        for n in range(REVIEWS)
    ]  # fmt: skip
    framework = sv.frameworks.get("gm-policing-sv")
    signups = [
        sv.CharterSignup(
            s.id, "Director", "Director", date(2025, 6, 1), "2017", framework.id,
            framework.version,
            [sv.CharterCommitment(code, "A pledge.") for code in rng.sample(PRIORITIES, 2)],
        )
        for s in suppliers[REVIEWS * 11 // 10 :]
        if rng.random() < 0.8
    ]  # fmt: skip
    return {
        "policy": policy,
        "period": period,
        "assessments": assessments,
        "signups": signups,
        "submissions": submissions,
        "catalogue": catalogue,
        "suppliers": suppliers,
    }


def _best(action: Callable[[], object], repeat: int = ROUNDS) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _full_floor(year: dict[str, Any]) -> Callable[[], dict[tuple[str, str, str], Decimal]]:
    """The report's arithmetic in bare loops (see the module docstring)."""
    factors = _factors(year["catalogue"])
    listed = {supplier.id: supplier for supplier in year["suppliers"]}
    where = {
        a.supplier_id: (type_of(listed.get(a.supplier_id)), place_of(listed.get(a.supplier_id)))
        for a in year["assessments"]
    }
    spend = [(a.supplier_id, a.amount) for a in year["assessments"]]
    signups, submissions = year["signups"], year["submissions"]
    exact = decimal.Context(prec=90, traps=[decimal.Inexact, decimal.InvalidOperation])
    zero = Decimal(0)
    names = ("gross", "net", "undiscounted", "present-value")

    def floor() -> dict[tuple[str, str, str], Decimal]:
        sums: dict[tuple[str, str, str], Decimal] = {}
        with decimal.localcontext(exact):
            for supplier_id, amount in spend:
                kind, place = where[supplier_id]
                for key in (("total", "all"), ("type", kind), ("borough", place)):
                    sums[("spend", *key)] = sums.get(("spend", *key), zero) + amount
            charters: dict[str, sv.CharterSignup] = {}
            for signup in signups:
                held = charters.get(signup.supplier_id)
                if held is None or signup.signed_on > held.signed_on:
                    charters[signup.supplier_id] = signup
            reviews: dict[str, sv.ReviewSubmission] = {}
            for review in submissions:
                had = reviews.get(review.supplier_id)
                if had is None or review.declaration.signed_on > had.declaration.signed_on:
                    reviews[review.supplier_id] = review
            for supplier_id, review in reviews.items():
                # Quantities summed by measure first: the arithmetic is linear, so
                # each measure's figures take four products, not four a line.
                quantities: dict[str, Decimal] = {}
                for line in review.lines:
                    quantities[line.measure] = quantities.get(line.measure, zero) + line.quantity
                groups: dict[str, list[Decimal]] = {}
                for code, quantity in quantities.items():
                    found = factors[code]
                    if found is None:
                        continue
                    proxy, net, undiscounted, present, priority = found
                    gross = quantity * proxy
                    into = groups.get(priority)
                    if into is None:
                        into = groups[priority] = [zero, zero, zero, zero]
                    into[0] += gross
                    into[1] += gross * net
                    into[2] += gross * undiscounted
                    into[3] += gross * present
                value = [zero, zero, zero, zero]
                for priority, into in groups.items():
                    for position, name in enumerate(names):
                        value[position] += into[position]
                        key = ("priority", priority, name)
                        sums[key] = sums.get(key, zero) + into[position]
                kind, place = where[supplier_id]
                for position, name in enumerate(names):
                    for group, item in (("total", "all"), ("type", kind), ("borough", place)):
                        key = (group, item, name)
                        sums[key] = sums.get(key, zero) + value[position]
        return sums

    return floor


def _check_floor(sums: dict[tuple[str, str, str], Decimal], report: sv.RegionalReport) -> int:
    """The full floor's sums equal the report's figures; returns how many were compared."""
    spend, value = sv.ReportSection.SPEND, sv.ReportSection.CONTRIBUTION
    compared = 0
    for figure in report.figures:
        if figure.section is spend and figure.group in ("total", "type", "borough"):
            key = ("spend", figure.group, figure.item)
        elif (
            figure.section is value
            and figure.group in ("total", "type", "borough")
            and figure.measure in ("gross", "net", "present-value")
        ):
            key = (figure.group, figure.item, figure.measure)
        else:
            continue
        if key in sums or figure.value:
            assert sums.get(key, Decimal(0)) == figure.value, (key, sums.get(key), figure.value)
            compared += 1
    return compared


def run() -> str:
    """Time the report and the floor on the same year."""
    year = _year()
    proxies = {m.code: m.proxy.value.amount for m in year["catalogue"] if m.proxy is not None}
    totals = [a.total.amount for a in year["assessments"]]
    lines = [(line.measure, line.quantity) for s in year["submissions"] for line in s.lines]

    def narrow_floor() -> Decimal:
        total = Decimal(0)
        for amount in totals:
            total += amount
        value = Decimal(0)
        for code, quantity in lines:
            proxy = proxies.get(code)
            if proxy is not None:
                value += quantity * proxy
        return total + value

    def build() -> sv.RegionalReport:
        return sv.regional_report(**year, framework="gm-sv-framework-2020")

    def scoring() -> object:
        return [sv.score(s, year["catalogue"]) for s in year["submissions"]]

    def duties() -> object:
        period = year["period"]
        return sv.compliance(
            year["policy"], year["assessments"], year["signups"], year["submissions"], period.end
        )

    full_floor = _full_floor(year)
    report = build()
    compared = _check_floor(full_floor(), report)
    # Interleaved: each round times every step once, so all see the same load.
    rounds = [
        [_best(step, 1) for step in (build, full_floor, narrow_floor, scoring, duties)]
        for _ in range(ROUNDS)
    ]
    seconds, floor_seconds, narrow_seconds, scoring_seconds, duties_seconds = (
        min(spent[position] for spent in rounds) for position in range(5)
    )
    ratios = sorted(spent[0] / spent[1] for spent in rounds)
    ratio = ratios[len(ratios) // 2]
    publish = min(_best(lambda: sv.dump(report.published()), 1) for _ in range(2))
    return "\n".join(
        [
            "## Regional report",
            "",
            f"A year of {SUPPLIERS:,} suppliers ({len(totals):,} assessed,"
            f" {sum(a.line_count for a in year['assessments']):,} spend lines),"
            f" {REVIEWS} Reviews of {LINES} lines and {len(year['signups']):,} Charters;"
            f" the report has {len(report.figures):,} figures.",
            "",
            "| step | time | × full floor | × narrow floor |",
            "|---|---|---|---|",
            f"| `regional_report()` (scores 700 Reviews, compliance, crosswalk to GM 2020)"
            f" | {seconds * 1e3:.0f} ms | {seconds / floor_seconds:.1f} |"
            f" {seconds / narrow_seconds:.0f} |",
            f"| part: `score()` of the 700 Reviews, alone | {scoring_seconds * 1e3:.0f} ms"
            f" | {scoring_seconds / floor_seconds:.1f} | {scoring_seconds / narrow_seconds:.0f} |",
            f"| part: `compliance()` of the 2,500 suppliers, alone"
            f" | {duties_seconds * 1e3:.0f} ms | {duties_seconds / floor_seconds:.1f} |"
            f" {duties_seconds / narrow_seconds:.0f} |",
            f"| full floor: spend by type and place, latest Charter and Review per supplier,"
            f" each Review's gross, net, undiscounted and present value in total, by priority,"
            f" place and type, bare loops | {floor_seconds * 1e3:.1f} ms | 1.0 |"
            f" {floor_seconds / narrow_seconds:.1f} |",
            f"| narrow floor: sum the same Decimals in a loop | {narrow_seconds * 1e3:.1f} ms"
            f" | {narrow_seconds / floor_seconds:.2f} | 1 |",
            f"| `dump(report.published())` (the `regional-report` document)"
            f" | {publish * 1e3:.0f} ms | | |",
            "",
            f"Times are the best of {ROUNDS} interleaved rounds; the ratio judged is the"
            f" median of the rounds' ratios ({', '.join(f'{r:.1f}' for r in ratios)}). The"
            f" full floor's sums equal the report's {compared} spend and value figures"
            " (asserted in the run).",
            "",
            f"Target: `regional_report()` ≤ {TARGET:g}× the full floor:"
            f" **{'met' if ratio <= TARGET else 'not met'}**: {ratio:.1f}×"
            f" ({seconds / narrow_seconds:.0f}× the narrow floor).",
        ]
    )
