"""Plain-text presentation of an assessment on the contract-value basis: pure, no I/O.

The contract-basis twin of :mod:`socialvalue.cli._render`: each supplier's
obligation with the contract that decided it (its ocid, award, buyer and value),
and every problem and flag of the OCDS reading located by file, ocid and path.
Kept apart so that the spend renderings and these change independently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from socialvalue._typed import typed_fields
from socialvalue.cli._render import count, plain_record, reason, uncited
from socialvalue.errors import render_path
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Obligation
from socialvalue.spend.assessment import AssessmentResult
from socialvalue.spend.contracts import Contract
from socialvalue.spend.ocds_matching import SupplierMatching, UnmatchedSupplier
from socialvalue.spend.ocds_reading import OcdsContract, OcdsProblem, OcdsReading

__all__ = [
    "MAX_LISTED_UNMATCHED",
    "matching_lines",
    "contract_document",
    "contract_records",
    "contract_summary",
    "contract_table",
    "located",
]


@attrs.frozen(field_transformer=typed_fields)
class ContractsRead:
    """An OCDS reading and where each of its documents came from.

    ``sources[i]`` labels the ``i``-th document given to ``read_ocds``, which is the
    first step of every problem's path. ``not_assessed`` are the contracts left out
    because they are in another currency than the policy tests.
    """

    reading: OcdsReading
    sources: tuple[str, ...]
    not_assessed: tuple[OcdsContract, ...] = ()

    def assessed(self) -> list[Contract]:
        """The contracts to assess: those not left out."""
        left_out = set(map(id, self.not_assessed))
        return [c.contract for c in self.reading.ocds_contracts if id(c) not in left_out]


# ---------------------------------------------------------------------------
# Options


def _where(read: ContractsRead, steps: Sequence[object]) -> tuple[str, str]:
    """The file a path starts in, and the path within that file's document."""
    if steps and isinstance(steps[0], int) and 0 <= steps[0] < len(read.sources):
        return read.sources[steps[0]], render_path(steps[1:])  # type: ignore[arg-type]
    return "", render_path(steps)  # type: ignore[arg-type]


def located(read: ContractsRead, problem: OcdsProblem) -> str:
    """A problem as one line: file, ocid, path in that file, message and code."""
    source, path = _where(read, problem.steps)
    return f"{source}: {problem.ocid or 'no ocid'} {path}: {problem.message} [{problem.code}]"


def _problem_record(read: ContractsRead, problem: OcdsProblem) -> dict[str, object]:
    source, path = _where(read, problem.steps)
    return {
        "source": source,
        "ocid": problem.ocid,
        "path": path,
        "code": problem.code,
        "message": problem.message,
    }


def _deciders(read: ContractsRead) -> dict[tuple[str, str], OcdsContract]:
    return {(c.contract.supplier_id, c.contract.id): c for c in read.reading.ocds_contracts}


def contract_records(result: AssessmentResult, read: ContractsRead) -> list[dict[str, object]]:
    """One flat dict per supplier: its assessment, then the contract that decided it."""
    deciders = _deciders(read)
    records = []
    for assessment, record in zip(result, result.to_records(), strict=True):
        decided = deciders.get((assessment.supplier_id, assessment.contract_id or ""))
        source, value_path = ("", None) if decided is None else _where(read, decided.value_steps)
        records.append(
            {
                **record,
                "ocid": None if decided is None else decided.ocid,
                "award_id": None if decided is None else decided.award_id,
                "ocds_contract_id": None if decided is None else decided.ocds_contract_id,
                "buyer_id": None if decided is None else decided.buyer_id,
                "buyer_name": None if decided is None else decided.buyer_name,
                "award_value": None if decided is None else decided.award_value.amount,
                "suppliers_on_award": None if decided is None else decided.suppliers_on_award,
                "source": source or None,
                "value_path": value_path,
            }
        )
    return records


def contract_table(result: AssessmentResult, read: ContractsRead) -> list[str]:
    """Each supplier's obligation and the contract that decided it, as aligned text."""
    head = ("supplier id", "name", "obligation", "value", "ocid", "award", "buyer", "reason")
    deciders = _deciders(read)
    rows = []
    for a in result:
        decided = deciders.get((a.supplier_id, a.contract_id or ""))
        rows.append(
            (
                a.supplier_id[:40],
                (a.supplier_name or "")[:40],
                a.obligation.title,
                a.total.format(),
                "" if decided is None else decided.ocid,
                a.contract_id or "" if decided is None else decided.award_id,
                "" if decided is None else (decided.buyer_name or decided.buyer_id or "")[:30],
                reason(a),
            )
        )
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(head)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i == 3 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def contract_summary(
    result: AssessmentResult, read: ContractsRead, policy: Policy, buyer: str | None
) -> list[str]:
    """What was assessed, how, and everything set aside or worth a look, located."""
    reading = read.reading
    reviews = len(result.of(Obligation.REVIEW))
    boundary = sum(1 for a in result if a.on_boundary)
    lines = [
        f"period {result.period.label} ({result.period.start} to {result.period.end});"
        f" policy {policy.id} {policy.version}; basis {policy.basis.value};"
        f" values {reading.vat_basis.value} of VAT; joint awards {reading.joint_awards.value}",
        *policy.provenance.lines,
        f"{len(result):,} suppliers: {reviews:,} Review, {len(result) - reviews:,} Charter"
        f" ({boundary:,} on the boundary), each by its largest contract live in the period",
        reading.explanation,
        f"{count(result.ignored_lines, 'contract')} not live in {result.period.label}",
    ]
    if buyer is not None:
        lines.append(f"buyer {buyer!r}: {count(len(reading.processes), 'process')} kept")
    if read.not_assessed:
        lines.append(
            f"not assessed, in another currency than {policy.currency}:"
            f" {count(len(read.not_assessed), 'contract')}"
        )
        lines.extend(
            f"  {_where(read, c.value_steps)[0]}: {c.ocid} award {c.award_id}:"
            f" {c.contract.value.format()}"
            for c in read.not_assessed
        )
    for title, found in (
        ("problems (set aside, not assessed)", reading.problems),
        ("flags (read and assessed, worth a look)", reading.flags),
    ):
        if found:
            lines.append(f"{title}: {len(found):,}")
            lines.extend(f"  {located(read, p)}" for p in found)
    return lines


def contract_document(
    result: AssessmentResult,
    read: ContractsRead,
    policy: Policy,
    buyer: str | None,
    about: Sequence[str],
) -> dict[str, object]:
    """An assessment on the contract basis as a JSON-ready dict: settings, rows, problems."""
    reading = read.reading
    return {
        "period": result.period.label,
        "policy": policy.provenance.to_dict(),
        "basis": policy.basis.value,
        "vat_basis": reading.vat_basis.value,
        "joint_awards": reading.joint_awards.value,
        "buyer": buyer,
        "summary": list(about),
        "reading": reading.explanation,
        "ignored_contracts": result.ignored_lines,
        "not_assessed": [
            {"source": _where(read, c.value_steps)[0], **plain_record(c.to_record())}
            for c in read.not_assessed
        ],
        "problems": [_problem_record(read, p) for p in reading.problems],
        "flags": [_problem_record(read, f) for f in reading.flags],
        "assessments": [plain_record(uncited(r)) for r in contract_records(result, read)],
    }


#: The most suppliers listed on each side of the spend-and-contracts matching.
MAX_LISTED_UNMATCHED: Final = 50


def _unmatched_lines(title: str, found: tuple[UnmatchedSupplier, ...]) -> list[str]:
    if not found:
        return []
    lines = [f"  {title} ({len(found):,}):"]
    for one in found[:MAX_LISTED_UNMATCHED]:
        apart = f"; same name as {', '.join(one.conflicts)}, other number" if one.conflicts else ""
        lines.append(f"    {one.name} ({one.supplier_id}){apart}")
    if len(found) > MAX_LISTED_UNMATCHED:
        lines.append(f"    … and {len(found) - MAX_LISTED_UNMATCHED:,} more")
    return lines


def matching_lines(matching: SupplierMatching) -> list[str]:
    """The matching of spend with contracts, for the report's text: matched, then unmatched."""
    lines = ["", f"Spend and contracts: {matching.explanation}"]
    lines += [
        f"  {m.spend_name} ({m.spend_id}) = {m.contract_name} ({m.contract_id}),"
        f" by {m.basis.value.replace('-', ' ')}"
        for m in matching.matches
    ]
    lines += _unmatched_lines("contracted, with no spend", matching.contracts_only)
    lines += _unmatched_lines("paid, with no contract read", matching.spend_only)
    return lines
