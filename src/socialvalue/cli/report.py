"""``socialvalue report FOLDER --year YYYY/YY``: the commissioner's annual social value report.

Builds the regional report from a folder laid out as a council keeps its year:
spend files (``*.csv`` or ``*.zip``, in any layout ``assess`` recognises, read as
``assess`` reads them: one stream, bounded, every row reconciled),
``signups/*.json``, ``submissions/*.json``, and optionally ``suppliers/*.json``,
``crosswalks/*.json``, ``catalogue.json`` and ``policy.json``. Under a contract-value
policy, contracts come from ``contracts/`` instead of spend files (OCDS files or ``contract``
documents, read by :mod:`socialvalue.cli._contracts`). Under a spend policy, a
``contracts/`` folder beside the spend files is read too: its suppliers are
matched with those paid (:func:`~socialvalue.spend.ocds_matching.match_suppliers`)
and the unmatched listed. Either way, contracts with KPIs add delivery against
contract KPIs to the report. Prints the summary, or the published report as a
regional-report JSON document; ``--html FILE`` also writes the report as one
self-contained page with charts (:func:`socialvalue.report_page`).
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
from socialvalue.cli.assess import add_before_effective
from socialvalue.cli.schema import _new_file_mode, _write_atomically
from socialvalue.errors import InvalidDocument, RuleViolation
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis
from socialvalue.report.charts import ChartsUnavailable
from socialvalue.report.model import PublishedReport, RegionalReport
from socialvalue.report.page import report_page
from socialvalue.report.regional import regional_report
from socialvalue.review.gm_catalogue import default_catalogue
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.spend.assessment import AssessmentResult, with_spellings
from socialvalue.spend.assessment_rules import assess

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
        help=(
            "report priorities under this framework, e.g. gm-sv-framework-2020, ppn-06-20"
            " or ppn-002-missions"
        ),
    )
    parser.add_argument(
        "--crosswalk",
        action="append",
        default=[],
        metavar="CROSSWALK.json",
        help="a crosswalk document to report through, besides FOLDER/crosswalks/*.json and the"
        " built-in ones (repeatable)",
    )
    parser.add_argument(
        "--previous",
        metavar="FOLDER-OR-YEAR",
        help="compare with an earlier year: a year of FOLDER (e.g. 2024/25), another folder"
        " (read for the year before --year) or a published regional-report JSON file",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_before_effective(parser)
    parser.add_argument(
        "--html",
        metavar="FILE.html",
        help="also write the report as one self-contained HTML page with charts"
        " (needs the socialvalue[report] extra)",
    )
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
    period = financial_year(args.year)
    previous = None
    if args.previous is not None:
        where, year = _previous(args.previous, folder, period, stdin)
        previous = (
            _report_for(where, year, args, stdin, None)[0] if isinstance(where, Path) else where
        )
    report, reading = _report_for(folder, period, args, stdin, previous)
    if args.html:
        _write_page(Path(args.html), report)
    if args.format == "json":
        json.dump(documents.dump(report.published()), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.writelines(f"{escaped(line)}\n" for line in report.summary().split("\n"))
        out.writelines(f"{escaped(line)}\n" for line in reading)
    return 0


def _previous(
    given: str, folder: Path, period: Period, stdin: TextIO
) -> tuple[Path | PublishedReport, Period]:
    """What ``--previous`` names: a folder and year to report on, or a published report.

    Refuses, as a usage error, a previous year that does not end before ``period``
    starts: year on year compares with an earlier year.
    """
    path = Path(given)
    where: Path | PublishedReport
    if path.is_file():
        published: PublishedReport = load_json(given, "regional-report", stdin)
        where, year = published, published.period
    elif path.is_dir():
        start = period.start.year - 1
        where, year = path, parse_financial_year(f"{start}/{(start + 1) % 100:02d}")
    else:
        try:
            year = parse_financial_year(given)
        except RuleViolation:
            raise UsageError(
                f"--previous: {given!r} is neither a folder, a regional-report JSON file nor a"
                " financial year such as 2024/25"
            ) from None
        where = folder
    if not year.end < period.start:
        raise UsageError(
            f"--previous: {year.label} is not earlier than {period.label}; year on year"
            " compares with an earlier year"
        )
    return where, year


def _report_for(
    folder: Path,
    period: Period,
    args: argparse.Namespace,
    stdin: TextIO,
    previous: RegionalReport | None,
) -> tuple[RegionalReport, list[str]]:
    """The regional report over ``folder`` for ``period``, against ``previous``."""
    policy_file = args.policy or (
        str(folder / "policy.json") if (folder / "policy.json").is_file() else None
    )
    policy = load_policy(policy_file, stdin)
    catalogue: MeasureCatalogue = (
        load_json(str(folder / "catalogue.json"), "measure-catalogue", stdin)
        if (folder / "catalogue.json").is_file()
        else default_catalogue()
    )
    suppliers = _documents_in(folder / "suppliers", "supplier", stdin)
    read, matched, reconciliation = None, list[str](), ""
    try:
        if policy.basis is Basis.CONTRACT_VALUE:
            contracts, found, read = _contracts.folder_contracts(folder, policy, args, stdin)
            suppliers = _contracts.merge_suppliers(suppliers, found)
            result = assess(
                policy,
                contracts,
                period,
                suppliers=suppliers,
                before_effective=args.before_effective,
            )
        else:
            result, reconciliation = _spend(folder, policy, period, suppliers, args, stdin)
            names = {a.supplier_id: a.supplier_name for a in result.assessments if a.supplier_name}
            contracts, matched, read = _contracts.beside_spend(
                folder, policy, args, stdin, names, suppliers
            )
        report = regional_report(
            policy,
            period,
            result.assessments,
            _documents_in(folder / "signups", "charter-signup", stdin),
            _documents_in(folder / "submissions", "review-submission", stdin),
            catalogue,
            suppliers,
            previous,
            framework=args.framework,
            crosswalks=_documents_in(folder / "crosswalks", "crosswalk", stdin)
            + [load_json(path, "crosswalk", stdin) for path in args.crosswalk],
            contracts=contracts,
        )
    except (RuleViolation, InvalidDocument, KeyError) as exc:
        raise DataError(f"{folder}: {exc}") from None
    spend = [f"spend: {reconciliation}"] if reconciliation else []
    return report, [*_contracts.reading_lines(read), *matched, *spend]


def _write_page(path: Path, report: RegionalReport) -> None:
    """Write the report's page to ``path`` whole, or say why it cannot be."""
    try:
        page = report_page(report)
    except ChartsUnavailable as exc:
        raise UsageError(f"--html: {exc}") from None
    try:
        _write_atomically(path, page, _new_file_mode())
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


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
    result = assess(
        policy, stream, period, suppliers=suppliers, before_effective=args.before_effective
    )
    done = stream.reconciliation()
    if done.assessed.lines == 0 and done.outside_period.lines:
        covered = ", ".join(done.years_covered)
        raise DataError(
            f"{folder}'s spend files have no line in {period.label}; the years they cover:"
            f" {covered}"
        )
    return with_spellings(result, stream.supplier_spellings()), done.explanation
