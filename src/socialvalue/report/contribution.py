"""The contribution section of the regional report: social value, figure by figure.

Social value (gross, net, undiscounted, present value) in total, per £1 of covered
spend, by priority of the report's framework, by kind of measure, by place and by
supplier type, each figure with the Reviews and lines behind it. Sums are exact in
the report's 90-digit context (:data:`~.sections.SUMS`), as every section's are.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from socialvalue.frameworks import Crosswalk, Framework
from socialvalue.report.figures import CaveatKind, ReportCaveat, ReportFigure, ReportSection
from socialvalue.report.priorities import UNMAPPED, apportion, split_targets
from socialvalue.report.sections import SUMS, Tally, money_text, share, suppliers_text
from socialvalue.review.measures import MeasureCatalogue, MeasureKind, ReviewMeasure
from socialvalue.review.method import ScoringMethod, ValueBasis
from socialvalue.review.score_figures import ValueTotals
from socialvalue.review.score_report import ScoreReport

__all__ = ["contribution_section"]

_ZERO: Final = Decimal(0)
_KINDS: Final = (MeasureKind.LOCAL_ECONOMIC, MeasureKind.SOCIAL)
_BASES: Final = (
    ("gross", ValueBasis.GROSS),
    ("net", ValueBasis.NET),
    ("present-value", ValueBasis.PRESENT_VALUE),
)


def _line_groups(
    report: ScoreReport, catalogue: MeasureCatalogue, exclude_non_local: bool
) -> tuple[dict[str, int], dict[MeasureKind, int], dict[str, int], dict[str, set[MeasureKind]]]:
    """Lines of one Review behind each priority, kind and counted measure; each priority's kinds."""
    by_priority: dict[str, int] = {}
    by_kind: dict[MeasureKind, int] = {}
    by_measure: dict[str, int] = {}
    kinds: dict[str, set[MeasureKind]] = {}
    measures = _measures(catalogue)
    for line in report.submission.lines:
        measure = measures[line.measure]  # every code was found when the Review was scored
        if measure.proxy is None:
            if not (line.local is False and exclude_non_local):
                by_measure[measure.code] = by_measure.get(measure.code, 0) + 1
            continue
        priority = measure.primary_priority
        by_priority[priority] = by_priority.get(priority, 0) + 1
        by_kind[measure.kind] = by_kind.get(measure.kind, 0) + 1
        kinds.setdefault(priority, set()).add(measure.kind)
    return by_priority, by_kind, by_measure, kinds


@functools.lru_cache(maxsize=16)
def _measures(catalogue: MeasureCatalogue) -> dict[str, ReviewMeasure]:
    """The catalogue's measures by code, without a checked method call for each line."""
    return {measure.code: measure for measure in catalogue}


#: Value bases by their values (``"present-value"``): a Review's amounts are keyed
#: by these strings, which hash in C, rather than by the enum members.
_BASIS_NAMES: Final = tuple(basis.value for basis in ValueBasis)


def _amounts(values: ValueTotals) -> dict[str, Decimal]:
    return {
        "gross": values.gross.amount,
        "net": values.net.amount,
        "undiscounted": values.undiscounted.amount,
        "present-value": values.present_value.amount,
    }


def _by_kind(
    report: ScoreReport,
    by_priority: Mapping[str, dict[str, Decimal]],
    kinds: Mapping[str, set[MeasureKind]],
) -> dict[MeasureKind, dict[str, Decimal]]:
    """A Review's value by kind of measure.

    When each priority's lines are all of one kind (the usual catalogue), the kinds'
    value is the exact sum of their priorities'; otherwise the score report splits it.
    """
    if any(len(found) > 1 for found in kinds.values()):
        return {kind: _amounts(values) for kind, values in report.by_kind.items()}
    result = {kind: dict.fromkeys(_BASIS_NAMES, _ZERO) for kind in _KINDS}
    for priority, amounts in by_priority.items():
        into = result[next(iter(kinds[priority]))]
        for basis, amount in amounts.items():
            into[basis] = SUMS.add(into[basis], amount)
    return result


def contribution_section(
    scored: Mapping[str, ScoreReport],
    covered_spend: Tally,
    catalogue: MeasureCatalogue,
    method: ScoringMethod,
    framework: Framework,
    walk: Crosswalk | None,
    currency: str,
) -> tuple[list[ReportFigure], list[ReportCaveat], dict[str, Tally]]:
    """Social value from the counted Reviews: totals, by kind, by priority, per £1.

    Also returns, for the counts section, each record-only measure's summed
    quantity with the lines behind it.
    """
    totals = {name: Tally() for name, _ in _BASES}
    kinds = {(kind, name): Tally() for kind in _KINDS for name, _ in _BASES}
    sources: dict[tuple[str, str], Tally] = {}
    counts: dict[str, Tally] = {}
    declared, ratio_value = Tally(), Tally()
    ratio_basis = method.ratio_basis.value
    for supplier_id in sorted(scored):
        report = scored[supplier_id]
        lines_by_priority, lines_by_kind, lines_by_measure, priority_kinds = _line_groups(
            report, catalogue, method.exclude_non_local
        )
        valued_lines = sum(lines_by_priority.values())
        declared.add(report.spend.amount, supplier_id, len(report.submission.lines))
        by_priority = {code: _amounts(values) for code, values in report.by_priority.items()}
        by_kind = _by_kind(report, by_priority, priority_kinds)
        # The kinds partition a Review's value, so its totals are their exact sums.
        local, social = by_kind[_KINDS[0]], by_kind[_KINDS[1]]
        for name, _ in _BASES:
            totals[name].add(SUMS.add(local[name], social[name]), supplier_id, valued_lines)
        ratio_value.add(
            SUMS.add(local[ratio_basis], social[ratio_basis]), supplier_id, valued_lines
        )
        for kind, amounts in by_kind.items():
            if lines_by_kind.get(kind, 0):
                for name, _ in _BASES:
                    kinds[(kind, name)].add(amounts[name], supplier_id, lines_by_kind[kind])
        for code, amounts in by_priority.items():
            for name, _ in _BASES:
                sources.setdefault((code, name), Tally()).add(
                    amounts[name], supplier_id, lines_by_priority.get(code, 0)
                )
        for count in report.counts:
            counts.setdefault(count.measure, Tally()).add(
                count.quantity, supplier_id, lines_by_measure.get(count.measure, 0)
            )

    section = ReportSection.CONTRIBUTION
    reviews = len(scored)
    figures = []
    for name, _ in _BASES:
        tally = totals[name]
        words = name.replace("-", " ")
        figures.append(
            tally.figure(
                (section, "total", "all", name),
                currency,
                f"Social value ({words})",
                f"Σ of the {words} of {reviews:,} Reviews ({tally.lines:,} valued lines), each"
                f" scored against {catalogue.id} {catalogue.version}:"
                f" {money_text(tally.value, currency)}",
            )
        )
    for (kind, name), tally in kinds.items():
        words = name.replace("-", " ")
        what = "Local economic" if kind is MeasureKind.LOCAL_ECONOMIC else "Other social"
        figures.append(
            tally.figure(
                (section, "kind", kind.value, name),
                currency,
                f"{what} value ({words})",
                f"Σ of the {words} of {tally.lines:,} lines of {kind.value} measures in"
                f" {suppliers_text(len(tally.suppliers))}' Reviews:"
                f" {money_text(tally.value, currency)}",
            )
        )
    priority_figures, caveats = _priorities(sources, framework, walk, currency)
    figures += priority_figures
    figures.append(
        covered_spend.figure(
            (section, "spend", "covered", "amount"),
            currency,
            "Spend with the suppliers whose Reviews are counted",
            f"Σ of the assessed spend with {suppliers_text(len(covered_spend.suppliers))} whose"
            f" Review is counted ({covered_spend.lines:,} spend lines):"
            f" {money_text(covered_spend.value, currency)}",
        )
    )
    figures.append(
        declared.figure(
            (section, "spend", "declared", "amount"),
            currency,
            "Spend the Reviews declare",
            f"Σ of the spend stated in {reviews:,} Reviews: {money_text(declared.value, currency)}",
        )
    )
    if covered_spend.value > 0:
        ratio = share(ratio_value.value, covered_spend.value)
        words = method.ratio_basis.value.replace("-", " ")
        figures.append(
            ReportFigure(
                section, "ratio", "all", "per-pound", ratio, "ratio",
                f"Social value ({words}) per £1 of covered spend",
                sorted(ratio_value.suppliers), ratio_value.lines,
                f"{money_text(ratio_value.value, currency)} ({words}) ÷"
                f" {money_text(covered_spend.value, currency)} = {ratio:.4f}",
            )
        )  # fmt: skip
    return figures, caveats, counts


def _priorities(
    sources: Mapping[tuple[str, str], Tally],
    framework: Framework,
    walk: Crosswalk | None,
    currency: str,
) -> tuple[list[ReportFigure], list[ReportCaveat]]:
    codes = sorted({code for code, _ in sources})
    targets = split_targets(walk, codes)
    out: dict[tuple[str, str], Tally] = {}
    parts: dict[tuple[str, str], list[str]] = {}
    for (code, name), tally in sorted(sources.items()):
        shares = apportion(tally.value, len(targets[code]))
        for target, amount in zip(targets[code], shares, strict=True):
            into = out.setdefault((target, name), Tally())
            into.value = SUMS.add(into.value, amount)
            into.suppliers |= tally.suppliers
            into.lines += tally.lines
            fraction = "" if len(targets[code]) == 1 else f"1/{len(targets[code])} of "
            parts.setdefault((target, name), []).append(
                f"{fraction}{code} ({money_text(tally.value, currency)})"
            )
    extra = sorted({t for ts in targets.values() for t in ts} - {*framework.codes, UNMAPPED})
    order = [*framework.codes, *extra, UNMAPPED]
    figures = []
    for target in order:
        for name, _ in _BASES:
            found = out.get((target, name))
            if found is None:
                continue
            title = (
                framework.priority(target).title
                if target in framework
                else ("Not carried by the crosswalk" if target == UNMAPPED else target)
            )
            via = "" if walk is None else f" (through {walk.source.id} priorities)"
            figures.append(
                found.figure(
                    (ReportSection.CONTRIBUTION, "priority", target, name),
                    currency,
                    f"{title}: social value ({name.replace('-', ' ')})",
                    f"Σ{via}: "
                    + " + ".join(parts[(target, name)])
                    + f" = {money_text(found.value, currency)}",
                )
            )
    caveats = []
    lost = [code for code in codes if targets[code] == (UNMAPPED,)]
    if lost and walk is not None:
        suppliers = sorted({s for code in lost for s in sources[(code, "gross")].suppliers})
        caveats.append(
            ReportCaveat(
                CaveatKind.UNMAPPED_PRIORITY,
                f"The crosswalk carries no {walk.source.id} priority {', '.join(lost)} to"
                f" {framework.id}: that value is reported under 'unmapped', not dropped.",
                suppliers, out[(UNMAPPED, "present-value")].value, currency,
            )
        )  # fmt: skip
    return figures, caveats
