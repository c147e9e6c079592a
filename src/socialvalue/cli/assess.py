"""``socialvalue assess SPEND.csv``: which suppliers in a spend file owe a Charter or a Review.

Reads a council's published spend file (a CSV, a ``.zip`` holding one, or stdin)
as a stream, so memory grows with the suppliers and not the rows, and prints each
supplier's obligation, total, lines and reason as a table, CSV or JSON, followed by
what was read, withheld, excluded or skipped. The Local Government Transparency
Code's columns need no options; other layouts name their columns. With
``--contracts`` it assesses OCDS contracts on the contract-value basis instead
(:mod:`socialvalue.cli._contracts`).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import TextIO

import attrs

from socialvalue.cli import _contracts
from socialvalue.cli._input import (
    DataError,
    Subparsers,
    UsageError,
    choose_period,
    load_policy,
    open_text,
)
from socialvalue.cli._render import (
    assessment_document,
    assessment_summary,
    assessment_table,
    plain_record,
)
from socialvalue.errors import RuleViolation
from socialvalue.policy.thresholds import Basis, Policy
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.assessment import AssessmentResult, assess
from socialvalue.spend.transparency import (
    TRANSPARENCY_CODE,
    Columns,
    DateFormat,
    SpendFileReader,
    SpendFileSummary,
    check_vat_basis,
    with_names,
)

__all__ = ["add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``assess`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "assess",
        help="say which suppliers in a spend file owe a Charter or a Review",
        description="Read a council's published spend file (CSV, a .zip holding one CSV, or"
        " '-' for stdin) and print each supplier's obligation, total, lines and reason."
        " The Local Government Transparency Code's columns work with no options.",
    )
    parser.add_argument("file", metavar="SPEND.csv", nargs="?")
    parser.add_argument(
        "--year",
        metavar="YYYY/YY",
        help="financial year, e.g. 2025/26 (default: the year of the first line)",
    )
    parser.add_argument(
        "--policy",
        metavar="POLICY.json",
        help="a policy document (default: the Greater Manchester policy)",
    )
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    _add_selection(parser)
    _add_layout(parser)
    _contracts.add_options(parser)
    parser.set_defaults(run=run)
    return parser


def _add_selection(parser: argparse.ArgumentParser) -> None:
    """The options that decide which lines count and how their amounts compare."""
    parser.add_argument(
        "--vat-basis",
        choices=["net", "gross"],
        default="net",
        help="the VAT basis of the file's amounts (transparency data are net)",
    )
    parser.add_argument(
        "--allow-vat-mismatch",
        action="store_true",
        help="compare even when the file's VAT basis differs from the policy's",
    )
    parser.add_argument(
        "--exclude-id",
        action="append",
        default=[],
        metavar="ID",
        help="leave out a beneficiary by id (repeatable)",
    )
    parser.add_argument(
        "--exclude-name",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out a beneficiary by name, ignoring case (repeatable)",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="count and list bad rows instead of stopping at the first",
    )


def _add_layout(parser: argparse.ArgumentParser) -> None:
    """The options that describe a file laid out other than the Transparency Code's way."""
    parser.add_argument(
        "--id-column",
        metavar="NAME",
        help=f"supplier id column (default {TRANSPARENCY_CODE.supplier_id})",
    )
    parser.add_argument(
        "--group-by-name",
        action="store_true",
        help="group lines by beneficiary name, ignoring any id column",
    )
    parser.add_argument("--name-column", metavar="NAME")
    parser.add_argument("--date-column", metavar="NAME")
    parser.add_argument("--amount-column", metavar="NAME")
    parser.add_argument("--contract-column", metavar="NAME")
    parser.add_argument(
        "--date-format",
        choices=["iso", "uk"],
        default="iso",
        help="iso: 2025-03-31 (default); uk: 31/03/2025",
    )
    parser.add_argument("--encoding", default="utf-8-sig", help="text encoding (default UTF-8)")


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Assess the spend file ``args.file`` under the chosen policy and print the result."""
    if args.contracts is not None:
        return _contracts.assess_contracts(args, out, stdin)
    if args.file is None:
        raise UsageError("give a spend file (SPEND.csv), or OCDS contracts with --contracts")
    policy = load_policy(args.policy, stdin)
    notes = _check_bases(args, policy)
    with open_text(args.file, args.encoding, stdin) as text:
        result, reader = _assess_records(args, policy, csv.reader(text), notes)
    summary = reader.summary()
    result = with_names(result, reader.supplier_names())
    _write_assessment(args.format, out, result, summary, policy, notes)
    return 0


def _check_bases(args: argparse.Namespace, policy: Policy) -> list[str]:
    """Refuse a policy whose basis or VAT basis the file cannot meet; note an allowed mismatch."""
    if policy.basis is not Basis.ANNUAL_SPEND:
        raise DataError(
            f"the policy tests {policy.basis.value}; a spend file holds payments, so assess"
            f" needs a policy on the {Basis.ANNUAL_SPEND.value} basis"
        )
    file_basis = VatBasis(args.vat_basis)
    check_vat_basis(file_basis, policy.vat_basis, allow=args.allow_vat_mismatch)
    if file_basis is policy.vat_basis:
        return []
    return [
        f"the file is {file_basis.value} of VAT and the policy tests {policy.vat_basis.value}"
        " of VAT: compared as given (--allow-vat-mismatch)"
    ]


def _assess_records(
    args: argparse.Namespace, policy: Policy, records: Iterator[list[str]], notes: list[str]
) -> tuple[AssessmentResult, SpendFileReader]:
    """The assessment of the CSV ``records`` and the reader that kept count of them."""
    reader: SpendFileReader | None = None
    try:
        reader = _reader(args, policy, records, notes)
        lines = iter(reader)
        first = next(lines, None)
        period = choose_period(args.year, policy, first.paid_on if first else None, args.file)
        return assess(policy, itertools.chain([first] if first else [], lines), period), reader
    except RuleViolation as exc:  # e.g. a policy in another currency than the file
        raise DataError(f"{args.file}: {exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        row = f" near row {reader.summary().rows + 1}" if reader is not None else ""
        raise DataError(
            f"{args.file} is not readable CSV in {args.encoding}{row}: {exc}"
            " (try --encoding cp1252 for files saved by Excel)"
        ) from None


def _reader(
    args: argparse.Namespace, policy: Policy, records: Iterator[list[str]], notes: list[str]
) -> SpendFileReader:
    """A reader of the spend lines after the header, in the layout the options name."""
    header = [h.strip() for h in next(records, [])]
    if not header:
        raise DataError(f"{args.file} is empty: a spend file starts with a header row")
    columns, note = _columns(args, header)
    notes.extend([note] if note else [])
    columns.check_header(header)
    return SpendFileReader(
        _rows(records, header, columns.required),
        columns=columns,
        vat_basis=policy.vat_basis,
        exclude_ids=args.exclude_id,
        exclude_names=args.exclude_name,
        skip_bad_rows=args.skip_bad_rows,
    )


def _columns(args: argparse.Namespace, header: list[str]) -> tuple[Columns, str | None]:
    """The layout the options name; without an id column option, fall back to names."""
    columns = attrs.evolve(
        TRANSPARENCY_CODE,
        supplier_name=args.name_column or TRANSPARENCY_CODE.supplier_name,
        paid_on=args.date_column or TRANSPARENCY_CODE.paid_on,
        amount=args.amount_column or TRANSPARENCY_CODE.amount,
        contract_id=args.contract_column,
        date_format=DateFormat[args.date_format.upper()],
        supplier_id=args.id_column or TRANSPARENCY_CODE.supplier_id,
    )
    note = None
    if args.group_by_name:
        columns = attrs.evolve(columns, supplier_id=None)
        note = "lines grouped by beneficiary name (--group-by-name)"
    elif args.id_column is None and columns.supplier_id not in header:
        columns = attrs.evolve(columns, supplier_id=None)
        note = f"no {TRANSPARENCY_CODE.supplier_id} column: lines grouped by beneficiary name"
    return columns, note


def _rows(
    records: Iterator[list[str]], header: list[str], wanted: Sequence[str]
) -> Iterator[dict[str, str | None]]:
    """Each CSV record as a dict of only the ``wanted`` columns (short rows padded)."""
    indexes = [header.index(column) for column in wanted]
    pick = itemgetter(*indexes)
    single = len(indexes) == 1
    width = max(indexes) + 1
    for record in records:
        if not record:
            continue  # a blank line, as csv.DictReader skips it
        if len(record) < width:
            record = record + [None] * (width - len(record))  # type: ignore[list-item]
        values = pick(record)
        yield dict(zip(wanted, (values,) if single else values, strict=True))


def _write_assessment(
    form: str,
    out: TextIO,
    result: AssessmentResult,
    summary: SpendFileSummary,
    policy: Policy,
    notes: list[str],
) -> None:
    about = assessment_summary(result, summary, policy, notes)
    if form == "json":
        payload = assessment_document(result, summary, policy, about)
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif form == "csv":
        records = result.to_records()
        fields = list(records[0]) if records else ["supplier_id"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(plain_record(r) for r in records)
    else:
        out.writelines(f"{line}\n" for line in assessment_table(result))
        out.write("\n")
        out.writelines(f"{line}\n" for line in about)
