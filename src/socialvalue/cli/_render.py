"""Plain-text presentation of results for the command line: pure functions, no I/O.

They turn assessments, spend-file summaries and score reports into lines of text;
the command modules of ``socialvalue.cli`` print them. Kept apart from the commands
so that they stay adapters, and so that these renderings can be tested as plain values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

import attrs

from socialvalue._records import plain_decimal
from socialvalue.money import Money
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Obligation
from socialvalue.policy.vat import VatBasis
from socialvalue.review.score_report import ScoreReport
from socialvalue.spend.assessment import Assessment, AssessmentResult
from socialvalue.spend.layouts import Recognition
from socialvalue.spend.reconciliation import Reconciliation
from socialvalue.spend.rows import BadRow

__all__ = [
    "NAME_WIDTH",
    "PROVENANCE_FIELDS",
    "FileRead",
    "SpendRead",
    "assessment_document",
    "assessment_summary",
    "assessment_table",
    "csv_comments",
    "count",
    "cut",
    "escaped",
    "plain",
    "plain_record",
    "reason",
    "score_document",
    "score_lines",
    "spreadsheet_cell",
    "spreadsheet_record",
    "spreadsheet_rows",
    "uncited",
    "spreadsheet_safe",
]

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# Injection"); a number, negative or not, is left as the number it is.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# What a terminal would act on rather than show: C0 and C1 controls (an escape
# sequence can recolour, move the cursor or retitle the window), and the marks and
# overrides that reorder text, so "Acme\u202egnp.exe" is not shown as "Acmeexe.png".
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str) -> str:
    r"""``text`` safe to print: control characters and bidirectional marks written as escapes.

    >>> print(escaped("Acme\x1b[2J Ltd \u202eevil"))
    Acme\x1b[2J Ltd \u202eevil
    """
    return _UNSAFE.sub(_escape, text)


#: The record fields that name the policy; a CSV says them once, in its comment lines.
PROVENANCE_FIELDS = frozenset(
    {
        "policy_id",
        "policy_version",
        "policy_owner",
        "policy_owner_role",
        "policy_owner_since",
        "policy_effective",
        "policy_source",
    }
)


def csv_comments(policy: Policy) -> list[str]:
    """The lines a CSV output starts with: the policy it applied, each after ``# ``."""
    return [f"# {line}\n" for line in policy.provenance.lines]


def uncited(record: Mapping[str, object]) -> dict[str, object]:
    """``record`` without the provenance fields, for outputs that name the policy once."""
    return {key: value for key, value in record.items() if key not in PROVENANCE_FIELDS}


def spreadsheet_rows(records: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """Records for a CSV file: without the provenance fields (see :func:`csv_comments`)."""
    return [spreadsheet_record(uncited(r)) for r in records]


def reason(assessment: Assessment) -> str:
    if assessment.on_boundary:
        return f"on the boundary ({assessment.total.format()}): the policy's choice"
    reason = assessment.band.describe()
    return f"net credit; {reason}" if assessment.net_negative else reason


def count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class FileRead(NamedTuple):
    """One file read: its name, layout, encoding and where its rows went."""

    name: str
    recognition: Recognition
    encoding: str
    reconciliation: Reconciliation | None = None


class SpendRead(NamedTuple):
    """What reading a run's spend files came to, for the summary."""

    reconciliation: Reconciliation
    files: tuple[FileRead, ...]
    bad_rows: tuple[tuple[str, BadRow], ...]
    vat_basis: VatBasis


def _layout_lines(files: Sequence[FileRead]) -> list[str]:
    """The layout and encoding of one file in full; of several, counted by layout and encoding."""
    if len(files) == 1:
        only = files[0]
        return [f"{only.name}, {only.encoding}: {only.recognition.explanation}"]
    kinds: dict[tuple[str, str, str], int] = {}
    for f in files:
        kind = (f.recognition.layout.id, f.recognition.layout.name, f.encoding)
        kinds[kind] = kinds.get(kind, 0) + 1
    lines = [
        f"{count(n, 'file')} in layout {layout} ({name}), {encoding}"
        for (layout, name, encoding), n in kinds.items()
    ]
    # Each file by name, so that a month missing or read twice shows.
    lines.extend(
        f"  {f.name}: {count(f.reconciliation.rows_read, 'row')} read,"
        f" {count(f.reconciliation.assessed.lines, 'line')} assessed"
        f" ({f.reconciliation.assessed.total.format()})"
        for f in files
        if f.reconciliation is not None
    )
    return lines


def assessment_summary(
    result: AssessmentResult, read: SpendRead, policy: Policy, notes: list[str]
) -> list[str]:
    reviews = len(result.of(Obligation.REVIEW))
    boundary = sum(1 for a in result if a.on_boundary)
    done = read.reconciliation
    lines = [
        f"period {result.period.label} ({result.period.start} to {result.period.end});"
        f" policy {policy.id} {policy.version}; amounts {read.vat_basis.value} of VAT",
        *policy.provenance.lines,
        f"{len(result):,} suppliers: {reviews:,} Review, {len(result) - reviews:,} Charter"
        f" ({boundary:,} on the boundary)",
        *_layout_lines(read.files),
        done.explanation,
    ]
    for rule, tally in done.to_dict()["apart_by_rule"].items():
        lines.append(
            f"set apart by rule {rule}: {count(tally['lines'], 'line')},"
            f" {Money(tally['total'], done.read_total.currency).format()}"
        )
    if done.bad.lines:
        lines.append(f"bad rows skipped: {done.bad.lines:,}")
        lines.extend(f"  {name}: {bad}" for name, bad in read.bad_rows)
        if done.bad.lines > len(read.bad_rows):
            lines.append(f"  … and {done.bad.lines - len(read.bad_rows):,} more")
    lines.extend(notes)
    return [escaped(line) for line in lines]


def _name(assessment: Assessment, width: int | None) -> str:
    """The supplier's name as the table shows it: cut short, with how many other spellings."""
    name = cut(assessment.supplier_name or "", width)
    others = len(assessment.spellings) - 1
    return f"{name} (+{count(others, 'spelling')})" if others > 0 else name


#: How much of a supplier's name the table shows; ``--wide`` shows it all.
NAME_WIDTH = 40


def cut(text: str, width: int | None) -> str:
    """``text`` cut to ``width`` characters, the last an ellipsis when cut; all when ``None``.

    >>> cut("Northern Youth Community Interest Company", 20), cut("Acme Ltd", 20)
    ('Northern Youth Comm…', 'Acme Ltd')
    """
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


def assessment_table(
    result: AssessmentResult | Sequence[Assessment], *, name_width: int | None = NAME_WIDTH
) -> list[str]:
    """The assessments as an aligned text table, names cut to ``name_width`` (``None``: whole)."""
    head = ("supplier id", "name", "obligation", "total", "lines", "reason")
    rows = [
        (
            escaped(a.supplier_id),
            escaped(_name(a, name_width)),
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
    """A decimal as plain text at its places (``"50000.00"``), a date as ISO text.

    A context's trailing zeros are dropped (``3920.80``, never
    ``3920.80000000000000000000000000``); other values are unchanged.
    """
    if isinstance(value, Decimal):
        return plain_decimal(value)
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


def spreadsheet_safe(value: object) -> object:
    """``value`` for a CSV cell: text a spreadsheet would run as a formula gets a leading ``'``.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-2000.00"), spreadsheet_safe("Acme")
    ("'=HYPERLINK(1)", '-2000.00', 'Acme')
    """
    # Most cells start with no formula character: they need no number pattern tried
    # (a cell of 50,000 rows by fourteen columns; tests/test_spend_fast_paths.py
    # checks this order against the definition's, the number first).
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    return value if _NUMBER.fullmatch(value) else "'" + value


def spreadsheet_cell(value: object) -> object:
    """``spreadsheet_safe(plain(value))``: a value ready for a CSV cell.

    Text, most of a record's cells, is looked at once, by its exact class (a ``str``
    subclass takes the general way); ``tests/test_spend_fast_paths.py`` checks the
    two agree.
    """
    if value.__class__ is str:
        if not value.startswith(_FORMULA_STARTS):
            return value
        return value if _NUMBER.fullmatch(value) else "'" + value
    return spreadsheet_safe(plain(value))


def spreadsheet_record(record: Mapping[str, object]) -> dict[str, object]:
    """A record ready for a CSV file: decimals as text, formula-looking text neutralised."""
    return {key: spreadsheet_cell(value) for key, value in record.items()}


def assessment_document(
    result: AssessmentResult, read: SpendRead, policy: Policy, about: Sequence[str]
) -> dict[str, object]:
    """An assessment run as a JSON-ready dict: settings, files, reconciliation, rows."""
    return {
        "period": result.period.label,
        "policy": policy.provenance.to_dict(),
        "vat_basis": read.vat_basis.value,
        "summary": list(about),
        "files": [
            {
                "name": f.name,
                "layout": f.recognition.layout.id,
                "encoding": f.encoding,
                "reconciliation": None if f.reconciliation is None else f.reconciliation.to_dict(),
            }
            for f in read.files
        ],
        "reconciliation": read.reconciliation.to_dict(),
        "set_apart": [plain_record(r) for r in read.reconciliation.payee_records()],
        "bad_rows": [{"file": name, **attrs.asdict(bad)} for name, bad in read.bad_rows],
        "assessments": [plain_record(uncited(record)) for record in result.to_records()],
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
