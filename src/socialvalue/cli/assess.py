"""``socialvalue assess SPEND.csv``: which suppliers in a spend file owe a Charter or a Review.

Reads a council's published spend file (a CSV, a ``.zip`` of one or of a year's
monthly CSVs read as one stream, or stdin) through
:class:`~socialvalue.spend.reading.SpendFile`: the layout is recognised from each
file's header, the text decoded as strict UTF-8 or else Windows-1252, and every row
reconciled. It prints each supplier's obligation, total, lines and reason as a
table, CSV or JSON, then the layout and encoding used, the reconciliation and what
each payee rule set aside. With ``--contracts`` it assesses OCDS contracts on the
contract-value basis instead (:mod:`socialvalue.cli._contracts`).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import operator
from typing import TextIO

import attrs

from socialvalue.cli import _contracts
from socialvalue.cli._input import (
    DataError,
    Subparsers,
    UsageError,
    financial_year,
    load_json,
    load_policy,
)
from socialvalue.cli._render import (
    NAME_WIDTH,
    SpendRead,
    assessment_document,
    assessment_summary,
    assessment_table,
    count,
    csv_comments,
    spreadsheet_cell,
)
from socialvalue.cli._spend_files import MAX_LINE_BYTES, MAX_RATIO, MAX_SPEND_BYTES, Limits
from socialvalue.cli._spend_stream import SpendStream
from socialvalue.errors import RuleViolation
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis, Obligation
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import forget
from socialvalue.spend.assessment import AssessmentResult
from socialvalue.spend.assessment_rules import _assess_sums
from socialvalue.spend.gm_layouts import LAYOUTS
from socialvalue.spend.layouts import DateFormat, Layout
from socialvalue.spend.names import SupplierKey
from socialvalue.spend.rows import SpendFileError
from socialvalue.spend.transparency import TRANSPARENCY_CODE, Columns, check_vat_basis

__all__ = ["add_before_effective", "add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``assess`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "assess",
        help="say which suppliers in a spend file owe a Charter or a Review",
        description="Read a council's published spend files (CSVs, .zips of one or of a"
        " year's monthly CSVs, folders of them, or '-' for stdin), as one body's year,"
        " and print each supplier's obligation, total, lines and reason, then where"
        " every row went. The layouts of the Transparency Code, Manchester and Salford"
        " are recognised with no options.",
    )
    parser.add_argument("file", metavar="SPEND.csv", nargs="*")
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
    parser.add_argument(
        "--only",
        choices=["review", "charter"],
        help="list only the suppliers that owe a Review, or only those that sign the Charter",
    )
    parser.add_argument(
        "--wide", action="store_true", help="show suppliers' names in full in the table"
    )
    add_before_effective(parser)
    _add_selection(parser)
    _add_layout(parser)
    _add_limits(parser)
    _contracts.add_options(parser)
    parser.set_defaults(run=run)
    return parser


def add_before_effective(parser: argparse.ArgumentParser) -> None:
    """``--before-effective``: assess a year that starts before the policy took effect."""
    parser.add_argument(
        "--before-effective",
        action="store_true",
        help="assess a year that starts before the policy's effective date (refused otherwise)",
    )


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
    parser.add_argument(
        "--include-non-suppliers",
        action="store_true",
        help="assess payees that are not suppliers (tax, pensions, public bodies) too",
    )


def _add_layout(parser: argparse.ArgumentParser) -> None:
    """The options that describe a file laid out other than the built-in layouts' ways."""
    parser.add_argument(
        "--layout",
        metavar="LAYOUT.json",
        help="a spend-layout document naming the file's columns (instead of recognising one)",
    )
    parser.add_argument(
        "--id-column",
        metavar="NAME",
        help=f"supplier id column (default {TRANSPARENCY_CODE.supplier_id} when present)",
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
        help="with column options, iso: 2025-03-31 (default); uk: 31/03/2025",
    )
    parser.add_argument(
        "--encoding",
        help="text encoding (default: strict UTF-8, else Windows-1252, file by file)",
    )


def _add_limits(parser: argparse.ArgumentParser) -> None:
    """The bounds a spend file is read within (``socialvalue.cli._spend_files``)."""
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=MAX_SPEND_BYTES,
        metavar="N",
        help=f"refuse a file or zip member of more bytes (default {MAX_SPEND_BYTES:,})",
    )
    parser.add_argument(
        "--max-zip-ratio",
        type=int,
        default=MAX_RATIO,
        metavar="N",
        help=f"refuse a zip member that decompresses more times (default {MAX_RATIO})",
    )
    parser.add_argument(
        "--max-line-bytes",
        type=int,
        default=MAX_LINE_BYTES,
        metavar="N",
        help=f"refuse a line of more bytes (default {MAX_LINE_BYTES:,})",
    )


def _limits(args: argparse.Namespace) -> Limits:
    limits = Limits(args.max_file_bytes, args.max_zip_ratio, args.max_line_bytes)
    if min(limits) < 1:
        raise UsageError("--max-file-bytes, --max-zip-ratio and --max-line-bytes must be 1 or more")
    return limits


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Assess the spend file ``args.file`` under the chosen policy and print the result."""
    if args.contracts is not None:
        return _contracts.assess_contracts(args, out, stdin)
    if not args.file:
        raise UsageError("give a spend file (SPEND.csv), or OCDS contracts with --contracts")
    policy = load_policy(args.policy, stdin)
    notes = _check_bases(args, policy)
    layouts, key = _layouts(args, stdin, notes)
    stream = SpendStream(
        args.file,
        stdin,
        vat_basis=policy.vat_basis,
        period=financial_year(args.year) if args.year is not None else policy.period_for,
        layouts=layouts,
        key=key,
        include_apart=args.include_non_suppliers,
        exclude_ids=args.exclude_id,
        exclude_names=args.exclude_name,
        skip_bad_rows=args.skip_bad_rows,
        encoding=args.encoding,
        limits=_limits(args),
        hint=_option_hint,
    )
    given = ", ".join(args.file)
    try:
        # Each supplier's lines summed as they are read: no line is kept or made.
        totals, counts = stream.sums(policy.currency)
        forget()  # the readers' memos: free for the output
        period = stream.period()
        if period is None:
            raise DataError(f"{given} has no spend lines to assess (give --year to report anyway)")
        result = _assess_sums(
            policy,
            totals,
            counts,
            period,
            stream.supplier_spellings(),
            before_effective=args.before_effective,
        )
    except RuleViolation as exc:  # e.g. a policy in another currency than the file
        raise DataError(f"{given}: {exc}") from None
    reconciliation = stream.reconciliation()
    if args.year is not None and not counts:
        covered = ", ".join(reconciliation.years_covered) or "none (no line has a date)"
        raise DataError(
            f"{given} has no spend line in {period.label} to assess; the years it covers: {covered}"
        )
    read = SpendRead(reconciliation, tuple(stream.files), tuple(stream.bad_rows), policy.vat_basis)
    _write_assessment(args, out, result, read, policy, notes)
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


_COLUMN_OPTIONS = ("id_column", "name_column", "date_column", "amount_column", "contract_column")


def _layouts(
    args: argparse.Namespace, stdin: TextIO, notes: list[str]
) -> tuple[tuple[Layout, ...], SupplierKey | None]:
    """The layouts to recognise (``--layout``, column options, or the built-in ones) and the key."""
    key = SupplierKey.NAME if args.group_by_name else None
    if args.group_by_name:
        notes.append("lines grouped by beneficiary name (--group-by-name)")
    named = any(getattr(args, option) is not None for option in _COLUMN_OPTIONS)
    if args.layout is not None:
        if named or args.date_format is not None:
            raise UsageError("give --layout or column options, not both")
        layout: Layout = load_json(args.layout, "spend-layout", stdin)
        return (layout,), key
    if not named and args.date_format is None:
        return LAYOUTS, key
    columns = Columns(
        supplier_name=args.name_column or TRANSPARENCY_CODE.supplier_name,
        paid_on=args.date_column or TRANSPARENCY_CODE.paid_on,
        amount=args.amount_column or TRANSPARENCY_CODE.amount,
        contract_id=args.contract_column,
        date_format=DateFormat[(args.date_format or "iso").upper()],
        supplier_id=args.id_column,
    )
    layout = columns.to_layout()
    if args.id_column is None and not args.group_by_name:
        # The Transparency Code's id column keys suppliers when the file has one.
        layout = attrs.evolve(layout, supplier_id=(TRANSPARENCY_CODE.supplier_id or "",))
    elif args.id_column is not None and key is None:
        key = SupplierKey.SUPPLIER_ID  # a named id column must be there
    return (layout,), key


def _only(result: AssessmentResult, only: str | None, notes: list[str]) -> AssessmentResult:
    """``result`` cut to the suppliers owing ``only`` (a Review or the Charter), noted."""
    if only is None:
        return result
    owed = Obligation(only)
    kept = result.of(owed)
    duty = "a Review" if owed is Obligation.REVIEW else "the Charter"
    notes.append(f"listed: only the {count(len(kept), 'supplier')} owing {duty} (--only {only})")
    return attrs.evolve(result, assessments=kept)


#: The options that name each role's column, for messages about a missing one.
_ROLE_OPTIONS = {
    "supplier_id": "--id-column NAME (or --group-by-name)",
    "supplier_name": "--name-column NAME",
    "paid_on": "--date-column NAME",
    "contract_id": "--contract-column NAME",
}


def _option_hint(exc: SpendFileError) -> str:
    """The options that would name the column a spend file lacks; ``""`` for other faults."""
    if exc.code == "spend_file.unknown_layout":
        return (
            "; or name its columns with --name-column NAME, --date-column NAME and"
            " --amount-column NAME (suppliers keyed by --id-column NAME, or"
            " --group-by-name), or give --layout LAYOUT.json"
        )
    if exc.code == "spend_file.missing_column":
        option = _ROLE_OPTIONS.get(exc.column or "", "--layout LAYOUT.json")
        return f"; name the file's column with {option}"
    return ""


def _write_assessment(
    args: argparse.Namespace,
    out: TextIO,
    result: AssessmentResult,
    read: SpendRead,
    policy: Policy,
    notes: list[str],
) -> None:
    form = args.format
    about = assessment_summary(result, read, policy, notes)
    result = _only(result, args.only, about)
    if form == "json":
        payload = assessment_document(result, read, policy, about)
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif form == "csv":
        # Row by row: a body with tens of thousands of suppliers is written without
        # holding every row (and its spreadsheet form) at once. The policy is named
        # once, in comment lines, not in every row.
        records = result.records(provenance=False)
        first = next(records, None)
        fields = list(first) if first is not None else ["supplier_id"]
        out.writelines(csv_comments(policy))
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        if first is not None:
            cells = operator.itemgetter(*fields)  # every record has the first's fields
            writer.writerows(
                list(map(spreadsheet_cell, cells(record)))
                for record in itertools.chain([first], records)
            )
    else:
        width = None if args.wide else NAME_WIDTH
        out.writelines(f"{line}\n" for line in assessment_table(result, name_width=width))
        out.write("\n")
        out.writelines(f"{line}\n" for line in about)
