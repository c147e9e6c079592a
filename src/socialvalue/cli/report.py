"""``socialvalue report FOLDER --year YYYY/YY``: the commissioner's annual social value report.

Builds the regional report from a folder laid out as a council keeps its year:
spend files (``*.csv`` or ``*.zip``, in any layout ``assess`` recognises, read as
``assess`` reads them: one stream, bounded, every row reconciled),
``signups/*.json``, ``submissions/*.json``, and optionally ``suppliers/*.json``,
``crosswalks/*.json``, ``catalogue.json`` and ``policy.json``. Under a contract-value
policy, contracts come from ``contracts/`` instead of spend files (OCDS files or ``contract``
documents, read by :mod:`socialvalue.cli._contracts`). Prints the summary, or the
published report as a regional-report JSON document.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from socialvalue import documents
from socialvalue.cli import _contracts
from socialvalue.cli._input import (
    DataError,
    Subparsers,
    UsageError,
    financial_year,
    load_json,
    load_policy,
)
from socialvalue.cli._render import escaped
from socialvalue.cli._spend_stream import SpendStream
from socialvalue.errors import InvalidDocument, RuleViolation
from socialvalue.periods import Period
from socialvalue.policy.thresholds import Basis, Policy
from socialvalue.report.regional import regional_report
from socialvalue.review.gm_catalogue import default_catalogue
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.spend.assessment import AssessmentResult, assess, with_spellings

__all__ = ["add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``report`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "report",
        help="the commissioner's annual social value report over a folder of documents",
        description="Build the regional report from FOLDER: spend files (*.csv or *.zip in"
        " any layout assess recognises), signups/*.json (charter-signup),"
        " submissions/*.json (review-submission), optional suppliers/*.json (supplier),"
        " crosswalks/*.json (crosswalk), catalogue.json (measure-catalogue) and policy.json"
        " (policy).",
    )
    parser.add_argument("folder", metavar="FOLDER")
    parser.add_argument("--year", metavar="YYYY/YY", required=True, help="e.g. 2025/26")
    parser.add_argument("--policy", metavar="POLICY.json", help="overrides FOLDER/policy.json")
    parser.add_argument(
        "--framework",
        default=None,
        metavar="ID",
        help="report priorities under this framework, e.g. gm-sv-framework-2020 or ppn-06-20",
    )
    parser.add_argument(
        "--crosswalk",
        action="append",
        default=[],
        metavar="CROSSWALK.json",
        help="a crosswalk document to report through, besides FOLDER/crosswalks/*.json and the"
        " built-in ones (repeatable)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--include-non-suppliers",
        action="store_true",
        help="count payees that are not suppliers (tax, pensions, public bodies) as suppliers",
    )
    _contracts.add_reading_options(parser)  # for contracts/ under a contract-value policy
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Build the regional report over the folder ``args.folder`` and print it."""
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
    period = financial_year(args.year)
    suppliers = _documents_in(folder / "suppliers", "supplier", stdin)
    read, reconciliation = None, ""
    try:
        if policy.basis is Basis.CONTRACT_VALUE:
            lines, found, read = _contracts.folder_contracts(folder, policy, args, stdin)
            suppliers = _contracts.merge_suppliers(suppliers, found)
            result = assess(policy, lines, period, suppliers=suppliers)
        else:
            result, reconciliation = _spend(folder, policy, period, suppliers, args, stdin)
        report = regional_report(
            policy,
            period,
            result.assessments,
            _documents_in(folder / "signups", "charter-signup", stdin),
            _documents_in(folder / "submissions", "review-submission", stdin),
            catalogue,
            suppliers,
            framework=args.framework,
            crosswalks=_documents_in(folder / "crosswalks", "crosswalk", stdin)
            + [load_json(path, "crosswalk", stdin) for path in args.crosswalk],
        )
    except (RuleViolation, InvalidDocument, KeyError) as exc:
        raise DataError(f"{args.folder}: {exc}") from None
    if args.format == "json":
        json.dump(documents.dump(report.published()), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.writelines(f"{escaped(line)}\n" for line in report.summary().split("\n"))
        out.writelines(f"{escaped(line)}\n" for line in _contracts.reading_lines(read))
        if reconciliation:
            out.write(f"spend: {reconciliation}\n")
    return 0


def _documents_in(folder: Path, kind: str, stdin: TextIO) -> list[Any]:
    """Every ``*.json`` document of ``kind`` in ``folder`` (none when it is absent)."""
    if not folder.is_dir():
        return []
    return [load_json(str(path), kind, stdin) for path in sorted(folder.glob("*.json"))]


def _spend(
    folder: Path,
    policy: Policy,
    period: Period,
    suppliers: list[Any],
    args: argparse.Namespace,
    stdin: TextIO,
) -> tuple[AssessmentResult, str]:
    """Assess the folder's spend files as ``assess`` reads them; say where every row went.

    The files are read as one stream, never held: layouts are recognised, rows are
    checked strictly (the first bad row stops the report, naming file and line),
    non-suppliers are set apart, and the same file given twice is refused.
    """
    names = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in (".csv", ".zip"))
    if not names:
        raise DataError(f"{folder} holds no spend file (*.csv or *.zip)")
    stream = SpendStream(
        names,
        stdin,
        vat_basis=policy.vat_basis,
        period=period,
        include_apart=args.include_non_suppliers,
    )
    result = assess(policy, stream, period, suppliers=suppliers)
    done = stream.reconciliation()
    if done.assessed.lines == 0 and done.outside_period.lines:
        covered = ", ".join(done.years_covered)
        raise DataError(
            f"{folder}'s spend files have no line in {period.label}; the years they cover:"
            f" {covered}"
        )
    return with_spellings(result, stream.supplier_spellings()), done.explanation
