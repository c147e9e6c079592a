"""Plain-text presentation of results for the command line: pure functions, no I/O.

They turn assessments, spend-file summaries and score reports into lines of text;
the command modules of ``socialvalue.cli`` print them. Kept apart from the commands
so that they stay adapters, and so that these renderings can be tested as plain values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

import attrs

from socialvalue.policy.thresholds import Obligation, Policy
from socialvalue.review.score_report import ScoreReport
from socialvalue.spend.assessment import Assessment, AssessmentResult
from socialvalue.spend.transparency import SpendFileSummary

__all__ = [
    "assessment_document",
    "assessment_summary",
    "assessment_table",
    "count",
    "plain",
    "plain_record",
    "reason",
    "score_document",
    "score_lines",
]


def reason(assessment: Assessment) -> str:
    if assessment.on_boundary:
        return f"on the boundary ({assessment.total.format()}): the policy's choice"
    reason = assessment.band.describe()
    return f"net credit; {reason}" if assessment.net_negative else reason


def count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def assessment_summary(
    result: AssessmentResult, summary: SpendFileSummary, policy: Policy, notes: list[str]
) -> list[str]:
    reviews = len(result.of(Obligation.REVIEW))
    boundary = sum(1 for a in result if a.on_boundary)
    lines = [
        f"period {result.period.label} ({result.period.start} to {result.period.end});"
        f" policy {policy.id} {policy.version}; amounts {summary.vat_basis.value} of VAT",
        f"{len(result):,} suppliers: {reviews:,} Review, {len(result) - reviews:,} Charter"
        f" ({boundary:,} on the boundary)",
        f"{summary.rows:,} rows read; {summary.lines.lines:,} lines totalling"
        f" {summary.lines.total.format()}; {result.ignored_lines:,} outside {result.period.label}",
        f"withheld (Redacted) beneficiaries: {count(summary.redacted.lines, 'line')},"
        f" {summary.redacted.total.format()}, not assessed",
    ]
    lines.extend(
        f"excluded {key!r}: {count(tally.lines, 'line')}, {tally.total.format()}"
        for key, tally in summary.excluded
    )
    if summary.bad_row_count:
        lines.append(f"bad rows skipped: {summary.bad_row_count:,}")
        lines.extend(f"  {bad}" for bad in summary.bad_rows)
        if summary.bad_row_count > len(summary.bad_rows):
            lines.append(f"  … and {summary.bad_row_count - len(summary.bad_rows):,} more")
    lines.extend(notes)
    return lines


def assessment_table(result: AssessmentResult) -> list[str]:
    head = ("supplier id", "name", "obligation", "total", "lines", "reason")
    rows = [
        (
            a.supplier_id,
            (a.supplier_name or "")[:40],
            a.obligation.title,
            a.total.format(),
            f"{a.line_count:,}",
            reason(a),
        )
        for a in result
    ]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(head)]
    right = {3, 4}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def plain(value: object) -> object:
    """A decimal as plain text (``"50000.00"``), a date as ISO text; others unchanged."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value.isoformat() if isinstance(value, date) else value


def score_lines(report: ScoreReport) -> list[str]:
    lines = [report.explanation, "", "Lines (quantity × proxy, adjustments, discounting):"]
    lines.extend(
        f"  {line.index + 1}. {line.measure.code}: {line.derivation}" for line in report.lines
    )
    lines += ["", "Present value by priority:"]
    lines.extend(
        f"  {code}: {totals.present_value.format()}" for code, totals in report.by_priority.items()
    )
    lines += ["", "Present value by kind (local economic value kept apart):"]
    lines.extend(
        f"  {kind.value}: {totals.present_value.format()}"
        for kind, totals in report.by_kind.items()
    )
    if report.counts:
        lines += ["", "Recorded without a £ value (no published proxy):"]
        lines.extend(f"  {count.measure}: {count.text}" for count in report.counts)
    if report.delivery:
        lines += ["", "Delivery against commitments:"]
        lines.extend(
            f"  {d.measure}: {d.delivered.normalize():f} of {d.committed.normalize():f}"
            f" {d.unit.value} {'met' if d.met else f'short by {d.shortfall.normalize():f}'}"
            for d in report.delivery
        )
    lines += ["", f"Ratio: {report.ratio.text}"]
    return lines


def plain_record(record: Mapping[str, object]) -> dict[str, object]:
    """A record with its decimals as text, ready for CSV or JSON."""
    return {key: plain(value) for key, value in record.items()}


def assessment_document(
    result: AssessmentResult, summary: SpendFileSummary, policy: Policy, about: Sequence[str]
) -> dict[str, object]:
    """An assessment run as a JSON-ready dict: settings, summary, kept-apart totals, rows."""
    return {
        "period": result.period.label,
        "policy": {"id": policy.id, "version": policy.version},
        "vat_basis": summary.vat_basis.value,
        "summary": list(about),
        "redacted": {
            "lines": summary.redacted.lines,
            "total": plain(summary.redacted.total.amount),
        },
        "excluded": [
            {"key": key, "lines": tally.lines, "total": plain(tally.total.amount)}
            for key, tally in summary.excluded
        ],
        "bad_rows": [attrs.asdict(bad) for bad in summary.bad_rows],
        "bad_row_count": summary.bad_row_count,
        "ignored_lines": result.ignored_lines,
        "assessments": [plain_record(record) for record in result.to_records()],
    }


def score_document(report: ScoreReport) -> dict[str, object]:
    """A score report as a JSON-ready dict: totals by group and lines with derivations."""
    return {
        "supplier_id": report.supplier_id,
        "period": report.period.label,
        "catalogue": {"id": report.catalogue.id, "version": report.catalogue.version},
        "explanation": report.explanation,
        "ratio": report.ratio.text,
        "totals": [plain_record(record) for record in report.breakdown_records()],
        "lines": [
            {**plain_record(record), "derivation": line.derivation}
            for record, line in zip(report.to_records(), report.lines, strict=True)
        ],
    }
