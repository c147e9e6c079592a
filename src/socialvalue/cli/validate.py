"""``socialvalue validate KIND FILE...``: check JSON documents of one kind, reporting every problem.

Each file is read strictly (see :func:`socialvalue.cli._input.parse_json`) and
checked as a ``KIND`` document; its problems are listed with their JSON paths, or
printed as one JSON object with ``--format json``. A file JSON refuses is a problem
of that file, not a usage error, so one bad file does not hide the verdicts on the
others. Exit 0 when every file is valid, 1 when any is not.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from socialvalue import documents
from socialvalue.cli._input import (
    MAX_BYTES_CEILING,
    MAX_DOCUMENT_BYTES,
    STDIN,
    JsonProblem,
    Subparsers,
    check_kind,
    parse_json,
    read_bytes,
)
from socialvalue.cli._render import count
from socialvalue.documents.registry import SCHEMA_KINDS
from socialvalue.errors import Issue

__all__ = ["add_parser", "run"]

_Results = list[tuple[str, tuple[Issue, ...]]]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``validate`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "validate",
        help="check JSON documents of one kind and report every problem",
        description="Check each FILE as a KIND document. Exit 0 when all are valid, 1 when"
        " any is invalid, 2 on usage errors. '-' reads standard input.",
    )
    parser.add_argument("kind", metavar="KIND", help="the document kind, e.g. review-submission")
    parser.add_argument("files", metavar="FILE", nargs="+", help="JSON files ('-' for stdin)")
    parser.add_argument("--format", choices=["human", "json"], default="human")
    parser.add_argument(
        "--max-bytes",
        type=_byte_limit,
        default=MAX_DOCUMENT_BYTES,
        help=f"refuse larger files (default {MAX_DOCUMENT_BYTES:,}; at most {MAX_BYTES_CEILING:,})",
    )
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Check every file in ``args.files`` as an ``args.kind`` document; 1 if any is invalid."""
    check_kind(args.kind)
    results = [(name, _validate_one(args.kind, name, args.max_bytes, stdin)) for name in args.files]
    if args.format == "json":
        _write_json(args.kind, results, out)
    else:
        _write_human(args.kind, results, out)
    return 1 if any(issues for _, issues in results) else 0


def _byte_limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:  # not a number, or more digits than int() converts
        value = 0
    if not 1 <= value <= MAX_BYTES_CEILING:
        shown = text if len(text) <= 30 else f"{text[:27]}..."
        raise argparse.ArgumentTypeError(
            f"expected a whole number of bytes from 1 to {MAX_BYTES_CEILING:,}; got {shown!r}"
        )
    return value


def _validate_one(kind: str, name: str, limit: int, stdin: TextIO) -> tuple[Issue, ...]:
    try:
        document = parse_json(read_bytes(name, limit, stdin))
    except JsonProblem as exc:
        return (exc.issue,)
    try:
        issues = documents.validate(kind, document).issues
    except RecursionError:
        return (Issue.at([], "document.too_deep", "the document nests too deeply to check"),)
    likely = _likely_kind(kind, document, len(issues)) if issues else None
    if likely is None:
        return issues
    other, problems = likely
    what = (
        f"this is a valid {other} document, not a {kind}"
        if not problems
        else f"this looks like a {other} document ({count(problems, 'problem')} as one)"
    )
    hint = Issue.at(
        [],
        "document.other_kind",
        f"{what}: check it with `socialvalue validate {other} {name}`",
    )
    return (hint, *issues)


#: A document needs this many keys before it can look like a kind (a near-empty
#: object fits whichever kind requires least).
_LOOKS_LIKE_KEYS = 3


def _likely_kind(kind: str, document: object, problems: int) -> tuple[str, int] | None:
    """The other kind ``document`` best fits, and its problems as one, if it fits far better.

    Far better: valid as that kind; or, for an object of a few keys all of which that
    kind knows, with at most half the problems it has as ``kind``. Only an invalid
    document is checked, so a valid one costs nothing.
    """
    if not isinstance(document, dict):
        return None
    fits = []
    for other in SCHEMA_KINDS:
        if other == kind:
            continue
        issues = documents.validate(other, document).issues
        strange = any(i.code == "value.unexpected" and len(i.steps) == 1 for i in issues)
        if not issues or (not strange and len(document) >= _LOOKS_LIKE_KEYS):
            fits.append((len(issues), other))
    fits.sort()
    if not fits or fits[0][0] * 2 > problems or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    best, other = fits[0]
    return other, best


def _write_json(kind: str, results: _Results, out: TextIO) -> None:
    payload = {
        "kind": kind,
        "valid": not any(issues for _, issues in results),
        "files": [
            {
                "file": name,
                "valid": not issues,
                "issues": [{"path": i.path, "code": i.code, "message": i.message} for i in issues],
            }
            for name, issues in results
        ],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _write_human(kind: str, results: _Results, out: TextIO) -> None:
    for name, issues in results:
        shown = "<stdin>" if name == STDIN else name
        if not issues:
            out.write(f"{shown}: valid {kind}\n")
            continue
        noun = "problem" if len(issues) == 1 else "problems"
        out.write(f"{shown}: invalid {kind}, {len(issues)} {noun}\n")
        out.writelines(f"  {issue}\n" for issue in issues)
