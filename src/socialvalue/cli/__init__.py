"""The command line: the only module that reads files and writes to the terminal.

It is a thin adapter: it parses arguments, reads input, calls the public API and
prints what comes back. Everything it computes, a notebook can compute too.

Exit codes: 0 when everything asked for succeeded (every document valid), 1 when
the input was read but is not acceptable (an invalid document, a bad spend file),
2 for usage errors (a wrong option, an unknown kind, a file that cannot be read).
Problems in input are reported as messages, never as tracebacks.

This is the one package allowed to read files, standard input and the terminal.
Every command reads its input and reports its problems through
:mod:`socialvalue.cli._input`; the text and JSON renderings it prints are pure
functions in :mod:`socialvalue.cli._render`, and the reading of spend rows is the pure
:mod:`socialvalue.spend.transparency`.
"""

from __future__ import annotations

import argparse
import csv
import functools
import itertools
import json
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

import attrs

from socialvalue import documents as _documents
from socialvalue.cli import _render as _console
from socialvalue.cli import schema, score, validate
from socialvalue.cli._input import (
    Command,
    DataError,
    UsageError,
    choose_period,
    exit_code,
    financial_year,
    load_json,
    load_policy,
    open_text,
)
from socialvalue.errors import InvalidDocument, RuleViolation
from socialvalue.policy.gm_policing import default_policy
from socialvalue.policy.thresholds import Basis, Policy
from socialvalue.policy.vat import VatBasis
from socialvalue.report.example_year import example_year
from socialvalue.report.regional import regional_report
from socialvalue.review.gm_catalogue import default_catalogue
from socialvalue.review.measures import MeasureCatalogue
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

__all__ = ["main"]

# ---------------------------------------------------------------------------
# assess


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


def _assess(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    policy = load_policy(args.policy, stdin)
    if policy.basis is not Basis.ANNUAL_SPEND:
        raise DataError(
            f"the policy tests {policy.basis.value}; a spend file holds payments, so assess"
            f" needs a policy on the {Basis.ANNUAL_SPEND.value} basis"
        )
    file_basis = VatBasis(args.vat_basis)
    check_vat_basis(file_basis, policy.vat_basis, allow=args.allow_vat_mismatch)
    notes = []
    if file_basis is not policy.vat_basis:
        notes.append(
            f"the file is {file_basis.value} of VAT and the policy tests {policy.vat_basis.value}"
            " of VAT: compared as given (--allow-vat-mismatch)"
        )
    with open_text(args.file, args.encoding, stdin) as text:
        records = csv.reader(text)
        reader: SpendFileReader | None = None
        try:
            header = [h.strip() for h in next(records, [])]
            if not header:
                raise DataError(f"{args.file} is empty: a spend file starts with a header row")
            columns, note = _columns(args, header)
            notes.extend([note] if note else [])
            columns.check_header(header)
            reader = SpendFileReader(
                _rows(records, header, columns.required),
                columns=columns,
                vat_basis=policy.vat_basis,
                exclude_ids=args.exclude_id,
                exclude_names=args.exclude_name,
                skip_bad_rows=args.skip_bad_rows,
            )
            lines = iter(reader)
            first = next(lines, None)
            period = choose_period(args.year, policy, first.paid_on if first else None, args.file)
            result = assess(policy, itertools.chain([first] if first else [], lines), period)
        except RuleViolation as exc:  # e.g. a policy in another currency than the file
            raise DataError(f"{args.file}: {exc}") from None
        except (UnicodeDecodeError, csv.Error) as exc:
            row = f" near row {reader.summary().rows + 1}" if reader is not None else ""
            raise DataError(
                f"{args.file} is not readable CSV in {args.encoding}{row}: {exc}"
                " (try --encoding cp1252 for files saved by Excel)"
            ) from None
    summary = reader.summary()
    result = with_names(result, reader.supplier_names())
    _write_assessment(args.format, out, result, summary, policy, notes)
    return 0


def _write_assessment(
    form: str,
    out: TextIO,
    result: AssessmentResult,
    summary: SpendFileSummary,
    policy: Policy,
    notes: list[str],
) -> None:
    about = _console.assessment_summary(result, summary, policy, notes)
    if form == "json":
        payload = _console.assessment_document(result, summary, policy, about)
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif form == "csv":
        records = result.to_records()
        fields = list(records[0]) if records else ["supplier_id"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_console.plain_record(r) for r in records)
    else:
        out.writelines(f"{line}\n" for line in _console.assessment_table(result))
        out.write("\n")
        out.writelines(f"{line}\n" for line in about)


# ---------------------------------------------------------------------------
# report


def _documents_in(folder: Path, kind: str, stdin: TextIO) -> list[Any]:
    """Every ``*.json`` document of ``kind`` in ``folder`` (none when it is absent)."""
    if not folder.is_dir():
        return []
    return [load_json(str(path), kind, stdin) for path in sorted(folder.glob("*.json"))]


def _spend_of(path: Path, policy: Policy, stdin: TextIO) -> tuple[list[Any], dict[str, str]]:
    """The spend lines and supplier names of one transparency-code spend file."""
    with open_text(str(path), "utf-8-sig", stdin) as text:
        rows = csv.DictReader(text)
        header = [h.strip() for h in rows.fieldnames or []]
        columns = TRANSPARENCY_CODE
        if columns.supplier_id not in header:
            columns = attrs.evolve(columns, supplier_id=None)
        columns.check_header(header)
        reader = SpendFileReader(rows, columns=columns, vat_basis=policy.vat_basis)
        return list(reader), reader.supplier_names()


def _report(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{args.folder} is not a folder")
    policy_file = args.policy or (
        str(folder / "policy.json") if (folder / "policy.json").is_file() else None
    )
    policy = load_policy(policy_file, stdin)
    catalogue: MeasureCatalogue = (
        load_json(str(folder / "catalogue.json"), "measure-catalogue", stdin)
        if (folder / "catalogue.json").is_file()
        else default_catalogue()
    )
    spend_files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".zip"))
    if not spend_files:
        raise DataError(f"{folder} holds no spend file (*.csv or *.zip)")
    period = financial_year(args.year)
    lines: list[Any] = []
    names: dict[str, str] = {}
    for path in spend_files:
        found, named = _spend_of(path, policy, stdin)
        lines.extend(found)
        names.update(named)
    suppliers = _documents_in(folder / "suppliers", "supplier", stdin)
    try:
        result = with_names(assess(policy, lines, period, suppliers=suppliers), names)
        report = regional_report(
            policy,
            period,
            result.assessments,
            _documents_in(folder / "signups", "charter-signup", stdin),
            _documents_in(folder / "submissions", "review-submission", stdin),
            catalogue,
            suppliers,
            framework=args.framework,
        )
    except (RuleViolation, InvalidDocument, KeyError) as exc:
        raise DataError(f"{args.folder}: {exc}") from None
    if args.format == "json":
        json.dump(_documents.dump(report.published()), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(report.summary() + "\n")
    return 0


# ---------------------------------------------------------------------------
# demo


def _demo(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    examples = resources.files("socialvalue") / "examples"
    policy = default_policy()
    out.write("THE POLICY\n")
    out.write(
        f"{policy.title} ({policy.id} {policy.version}); owner since"
        f" {policy.owner.since:%d %B %Y}: the {policy.owner.name}.\n"
    )
    out.writelines(f"  {line}\n" for line in policy.describe())
    out.write(
        "\n1. ASSESS A YEAR'S SPEND: who signs the Charter, who completes the Review?\n"
        "   socialvalue assess spend-2025-26.csv --exclude-id 900001  (900001 is HMRC: tax,"
        " not a supplier)\n\n"
    )
    with resources.as_file(examples / "spend-2025-26.csv") as spend:
        code = _run(["assess", str(spend), "--exclude-id", "900001"], out, stdin)
    out.write(
        "\n2. SCORE THE REVIEW that supplier 100234 (Acme Security Ltd) sent back\n"
        "   socialvalue score review-submission.json\n\n"
    )
    with resources.as_file(examples / "review-submission.json") as submission:
        code = code or _run(["score", str(submission)], out, stdin)
    out.write(
        "\n3. THE COMMISSIONER'S REPORT for a bundled example year: the contribution to"
        " the region\n   (socialvalue report FOLDER --year 2025/26 does this for your own"
        " documents)\n\n"
    )
    out.write(example_year().report().summary() + "\n")
    out.write(
        "\nNext: `socialvalue assess YOUR-SPEND.csv` on a council's published spend file,"
        " `socialvalue validate review-submission FILE.json` on a submission, and the docs"
        " (docs/index.md).\n"
    )
    return code


def _run(argv: Sequence[str], out: TextIO, stdin: TextIO) -> int:
    args = _parser().parse_args(argv)
    run: Command = args.run
    return run(args, out, stdin)


# ---------------------------------------------------------------------------
# the parser and main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialvalue",
        description="A social value policy at work: assess spend, validate and score documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate.add_parser(commands)
    schema.add_parser(commands)

    spend = commands.add_parser(
        "assess",
        help="say which suppliers in a spend file owe a Charter or a Review",
        description="Read a council's published spend file (CSV, a .zip holding one CSV, or"
        " '-' for stdin) and print each supplier's obligation, total, lines and reason."
        " The Local Government Transparency Code's columns work with no options.",
    )
    spend.add_argument("file", metavar="SPEND.csv")
    spend.add_argument(
        "--year",
        metavar="YYYY/YY",
        help="financial year, e.g. 2025/26 (default: the year of the first line)",
    )
    spend.add_argument(
        "--policy",
        metavar="POLICY.json",
        help="a policy document (default: the Greater Manchester policy)",
    )
    spend.add_argument("--format", choices=["table", "csv", "json"], default="table")
    spend.add_argument(
        "--vat-basis",
        choices=["net", "gross"],
        default="net",
        help="the VAT basis of the file's amounts (transparency data are net)",
    )
    spend.add_argument(
        "--allow-vat-mismatch",
        action="store_true",
        help="compare even when the file's VAT basis differs from the policy's",
    )
    spend.add_argument(
        "--exclude-id",
        action="append",
        default=[],
        metavar="ID",
        help="leave out a beneficiary by id (repeatable)",
    )
    spend.add_argument(
        "--exclude-name",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out a beneficiary by name, ignoring case (repeatable)",
    )
    spend.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="count and list bad rows instead of stopping at the first",
    )
    spend.add_argument(
        "--id-column",
        metavar="NAME",
        help=f"supplier id column (default {TRANSPARENCY_CODE.supplier_id})",
    )
    spend.add_argument(
        "--group-by-name",
        action="store_true",
        help="group lines by beneficiary name, ignoring any id column",
    )
    spend.add_argument("--name-column", metavar="NAME")
    spend.add_argument("--date-column", metavar="NAME")
    spend.add_argument("--amount-column", metavar="NAME")
    spend.add_argument("--contract-column", metavar="NAME")
    spend.add_argument(
        "--date-format",
        choices=["iso", "uk"],
        default="iso",
        help="iso: 2025-03-31 (default); uk: 31/03/2025",
    )
    spend.add_argument("--encoding", default="utf-8-sig", help="text encoding (default UTF-8)")
    spend.set_defaults(run=_assess)

    score.add_parser(commands)

    reporting = commands.add_parser(
        "report",
        help="the commissioner's annual social value report over a folder of documents",
        description="Build the regional report from FOLDER: spend files (*.csv or *.zip in"
        " the Transparency Code layout), signups/*.json (charter-signup),"
        " submissions/*.json (review-submission), optional suppliers/*.json (supplier),"
        " catalogue.json (measure-catalogue) and policy.json (policy).",
    )
    reporting.add_argument("folder", metavar="FOLDER")
    reporting.add_argument("--year", metavar="YYYY/YY", required=True, help="e.g. 2025/26")
    reporting.add_argument("--policy", metavar="POLICY.json", help="overrides FOLDER/policy.json")
    reporting.add_argument(
        "--framework",
        default=None,
        metavar="ID",
        help="report priorities under this framework, e.g. gm-sv-framework-2020",
    )
    reporting.add_argument("--format", choices=["text", "json"], default="text")
    reporting.set_defaults(run=_report)

    demo = commands.add_parser("demo", help="show the library at work on bundled examples")
    demo.set_defaults(run=_demo)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Usage errors found by the argument parser raise ``SystemExit(2)`` as argparse
    does; every other problem is a message on ``stderr`` and an exit code.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args = _parser().parse_args(argv)
    run: Command = args.run
    command = functools.partial(run, args, out, stdin if stdin is not None else sys.stdin)
    return exit_code(args.command, command, err, owns_stdout=stdout is None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
