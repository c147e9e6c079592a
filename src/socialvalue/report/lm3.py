"""The regional report's local multiplier: LM3 from the local re-spend the Reviews report.

The commissioner's spend with a supplier is LM3's round 1; what the supplier spends
of it with suppliers and staff in the area is round 2; what those re-spend in the
area is round 3 (New Economics Foundation, *The Money Trail: measuring your impact
on the local economy using LM3*, Sacks, 2002; the rounds are read from each Review
by :func:`socialvalue.review.local_respend.respend_of`).

Rules, stated so that they can be argued with:

- Only the counted Reviews that score against the catalogue are read (those the
  contribution section sums). Round 1 is the spend each Review declares, the
  income its re-spend figures are part of (the assessed spend may be on another
  basis, such as whole-life contract value).
- A supplier's LM3 is (R1 + R2 + R3) ÷ R1; the region's is ΣR1 + ΣR2 + ΣR3 over
  ΣR1 across the suppliers that have one, so each supplier weighs by its income.
- A Review that does not report both parts of round 2 has no LM3: missing is not
  zero (caveat ``respend-unreported``). An unreported round 3 counts as zero, so
  that supplier's LM3, and the region's, is a lower bound (caveat
  ``round3-unreported``). Re-spend above the income it comes from, or no income,
  gives no LM3 (caveat ``respend-impossible``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.report.figures import CaveatKind, ReportCaveat, ReportFigure, ReportSection
from socialvalue.report.sections import SUMS, Tally, share, suppliers_text
from socialvalue.review.local_respend import LocalRespend, RespendMeasures, respend_of
from socialvalue.review.measures import MeasureCatalogue, Unit
from socialvalue.review.score_report import ScoreReport

__all__ = ["lm3_section"]

_SECTION: Final = ReportSection.LOCAL_MULTIPLIER
_SHOWN: Final = Decimal("0.01")


def _money(value: Decimal, currency: str) -> str:
    return Money(value, currency).format()


def _check_units(catalogue: MeasureCatalogue, measures: RespendMeasures) -> None:
    for code in measures.codes:
        measure = catalogue.get(code)
        if measure is not None and measure.unit is not Unit.GBP:
            raise RuleViolation(
                "lm3.measure_not_money",
                f"measure {code} is named for local re-spend but catalogue {catalogue.id}"
                f" reports it in {measure.unit.value}: local re-spend is money, in gbp",
                field=["respend"],
            )


def _supplier_figures(
    supplier_id: str, respend: LocalRespend, measures: RespendMeasures, currency: str
) -> tuple[list[ReportFigure], Decimal]:
    result = respend.multiplier()
    # multiplier() has refused a Review without both parts of round 2.
    assert respend.supply_chain is not None
    assert respend.staff is not None
    r1, r2, r3 = result.round1.amount, result.round2.amount, result.round3.amount
    told = f"{supplier_id}'s Review"
    rounds = (
        ("round1", r1, "Round 1: spend declared", f"The spend declared in {told}"),
        (
            "round2", r2, "Round 2: re-spent with local suppliers and staff",
            f"{measures.supply_chain} {respend.supply_chain.format()} + {measures.staff}"
            f" {respend.staff.format()} in {told}",
        ),
        (
            "round3", r3, "Round 3: re-spent locally by those in turn",
            f"{measures.round3} in {told}" if respend.round3 is not None
            else f"Not reported in {told}: counted as zero",
        ),
    )  # fmt: skip
    ids = (supplier_id,)
    figures = [
        ReportFigure(
            _SECTION, "supplier", supplier_id, name, value, currency,
            f"{supplier_id}: {label}", ids, respend.lines,
            f"{how}: {_money(value, currency)}",
        )
        for name, value, label, how in rounds
    ]  # fmt: skip
    bound = "" if respend.round3 is not None else " (a lower bound: round 3 is not reported)"
    figures.append(
        ReportFigure(
            _SECTION, "supplier", supplier_id, "lm3", result.multiplier, "ratio",
            f"{supplier_id}: local multiplier (LM3)", ids, respend.lines,
            result.explanation + bound,
        )
    )  # fmt: skip
    return figures, r2


def lm3_section(
    scored: Mapping[str, ScoreReport],
    catalogue: MeasureCatalogue,
    measures: RespendMeasures,
    currency: str,
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    """LM3 per supplier and for the region, with the caveats (see the module docstring)."""
    _check_units(catalogue, measures)
    totals = {name: Tally() for name in ("round1", "round2", "round3")}
    figures: list[ReportFigure] = []
    unreported: list[str] = []
    no_round3: list[str] = []
    impossible: dict[str, str] = {}
    untold = Tally()
    for supplier_id in sorted(scored):
        respend = respend_of(scored[supplier_id].submission, measures)
        if respend.round2 is None:
            unreported.append(supplier_id)
            untold.add(respend.income.amount, supplier_id, 0)
            continue
        try:
            found, round2 = _supplier_figures(supplier_id, respend, measures, currency)
        except RuleViolation as exc:
            impossible[supplier_id] = exc.message
            continue
        figures += found
        totals["round1"].add(respend.income.amount, supplier_id, 0)
        totals["round2"].add(round2, supplier_id, respend.lines)
        round3 = respend.round3
        totals["round3"].add(Decimal(0) if round3 is None else round3.amount, supplier_id, 0)
        if round3 is None:
            no_round3.append(supplier_id)
    region = _region(totals, len(no_round3), currency)
    caveats = _caveats(catalogue, measures, unreported, untold, no_round3, impossible, currency)
    return region + figures, caveats


def _region(totals: Mapping[str, Tally], no_round3: int, currency: str) -> list[ReportFigure]:
    r1, r2, r3 = totals["round1"], totals["round2"], totals["round3"]
    if not r1.suppliers:
        return []
    who = suppliers_text(len(r1.suppliers))
    figures = [
        r1.figure((_SECTION, "total", "all", "round1"), currency,
                  "Round 1: spend the Reviews with local re-spend declare",
                  f"Σ of the spend declared by {who}: {_money(r1.value, currency)}"),
        r2.figure((_SECTION, "total", "all", "round2"), currency,
                  "Round 2: re-spent with local suppliers and staff",
                  f"Σ of the local supply chain and staff spend of {who}:"
                  f" {_money(r2.value, currency)}"),
        r3.figure((_SECTION, "total", "all", "round3"), currency,
                  "Round 3: re-spent locally by those in turn",
                  f"Σ of the round 3 that {len(r3.suppliers) - no_round3:,} of the {who}"
                  f" report (zero for the other {no_round3:,}): {_money(r3.value, currency)}"),
    ]  # fmt: skip
    whole = SUMS.add(SUMS.add(r1.value, r2.value), r3.value)
    multiplier = share(whole, r1.value)
    shown = multiplier.quantize(_SHOWN)
    figures.append(
        ReportFigure(
            _SECTION, "total", "all", "lm3", multiplier, "ratio",
            "Local multiplier (LM3) across the suppliers that report local re-spend",
            sorted(r1.suppliers), r2.lines,
            f"LM3 = ({_money(r1.value, currency)} + {_money(r2.value, currency)} +"
            f" {_money(r3.value, currency)}) ÷ {_money(r1.value, currency)} = {shown}:"
            f" each £1 spent with these {who} is worth £{shown} to the local economy.",
        )
    )  # fmt: skip
    return figures


def _caveats(
    catalogue: MeasureCatalogue,
    measures: RespendMeasures,
    unreported: list[str],
    untold: Tally,
    no_round3: list[str],
    impossible: Mapping[str, str],
    currency: str,
) -> list[ReportCaveat]:
    caveats = []
    if unreported:
        absent = [code for code in measures.codes[:2] if code not in catalogue]
        why = (
            f"catalogue {catalogue.id} has no measure {' or '.join(absent)}"
            if absent
            else f"their Reviews do not report both {measures.supply_chain} and {measures.staff}"
        )
        caveats.append(
            ReportCaveat(
                CaveatKind.RESPEND_UNREPORTED,
                f"{suppliers_text(len(unreported))} with counted Reviews (declared spend"
                f" {_money(untold.value, currency)}) have no local multiplier: {why}, so their"
                " local re-spend is unknown, not zero.",
                unreported, untold.value, currency,
            )
        )  # fmt: skip
    if no_round3:
        caveats.append(
            ReportCaveat(
                CaveatKind.ROUND3_UNREPORTED,
                f"{suppliers_text(len(no_round3))} with local re-spend"
                f" {'reports' if len(no_round3) == 1 else 'report'} no round 3"
                f" ({measures.round3 or 'no measure is named for it'}): it counts as zero,"
                " so that LM3, and the region's, is a lower bound.",
                no_round3, None, None,
            )
        )  # fmt: skip
    if impossible:
        ids = sorted(impossible)
        reasons = "; ".join(f"{sid}: {impossible[sid]}" for sid in ids[:5])
        if len(ids) > 5:
            reasons += f"; and {len(ids) - 5:,} more"
        caveats.append(
            ReportCaveat(
                CaveatKind.RESPEND_IMPOSSIBLE,
                f"{suppliers_text(len(impossible))} report local re-spend that LM3 cannot"
                f" follow, so they have none: {reasons}",
                sorted(impossible), None, None,
            )
        )  # fmt: skip
    return caveats
