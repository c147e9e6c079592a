"""``socialvalue score SUBMISSION.json``: score a supplier's Review and show the derivation.

Scores a review-submission document against the built-in measure catalogue or a
catalogue document, and prints the totals by priority and by kind with each line's
derivation (quantity × proxy, adjustments, discounting), as text or JSON, naming
the policy the Review is owed under (``--policy``, the Greater Manchester policy by
default): its id, version, owner, effective date and source.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from socialvalue.cli._input import (
    STDIN,
    DataError,
    Subparsers,
    UsageError,
    load_json,
    load_policy,
)
from socialvalue.cli._render import score_document, score_lines
from socialvalue.errors import InvalidDocument
from socialvalue.review.gm_catalogue import default_catalogue
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.scoring import score
from socialvalue.review.submissions import ReviewSubmission

__all__ = ["add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``score`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "score",
        help="score a Review submission and show the derivation",
        description="Score SUBMISSION.json (a review-submission document, '-' for stdin)"
        " against the default measure catalogue or --catalogue FILE.",
    )
    parser.add_argument("submission", metavar="SUBMISSION.json")
    parser.add_argument(
        "--catalogue", metavar="FILE", help="a measure-catalogue document (default: built in)"
    )
    parser.add_argument(
        "--policy",
        metavar="POLICY.json",
        help="the policy the Review is owed under, named in the output (default: Greater"
        " Manchester's)",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Score the submission ``args.submission`` and print the report with its derivation."""
    if [args.submission, args.catalogue, args.policy].count(STDIN) > 1:
        raise UsageError("only one of SUBMISSION, --catalogue and --policy can be '-'")
    policy = load_policy(args.policy, stdin)
    submission: ReviewSubmission = load_json(args.submission, "review-submission", stdin)
    catalogue: MeasureCatalogue = (
        default_catalogue()
        if args.catalogue is None
        else load_json(args.catalogue, "measure-catalogue", stdin)
    )
    try:
        report = score(submission, catalogue)
    except InvalidDocument as exc:
        raise DataError(
            f"{args.submission} cannot be scored against {catalogue.id}: {exc}"
        ) from None
    if args.format == "json":
        document = {"policy": policy.provenance.to_dict(), **score_document(report)}
        json.dump(document, out, indent=2, ensure_ascii=False, default=str)
        out.write("\n")
    else:
        out.writelines(f"{line}\n" for line in score_lines(report))
        out.writelines(f"{line}\n" for line in ("", *policy.provenance.lines))
    return 0
