"""The command line: the only module that reads files and writes to the terminal.

It is a thin adapter: it parses arguments, reads input, calls the public API and
prints what comes back. Everything it computes, a notebook can compute too.

Exit codes: 0 when everything asked for succeeded (every document valid), 1 when
the input was read but is not acceptable (an invalid document, a bad spend file),
2 for usage errors (a wrong option, an unknown kind, a file that cannot be read).
Problems in input are reported as messages, never as tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn, TextIO

from socialvalue import Issue, Money, financial_year, parse_financial_year
from socialvalue import documents as _documents
from socialvalue.errors import InvalidDocument

__all__ = ["main"]

#: The largest JSON document ``validate`` reads (bytes); ``--max-bytes`` changes it.
MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024

STDIN: Final = "-"


class UsageError(Exception):
    """A problem with how the command was called: exit code 2, message on stderr."""


class _JsonProblem(ValueError):
    """JSON text that this library refuses (duplicate keys, NaN, too deep, …)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.issue = Issue.at([], code, message)


# ---------------------------------------------------------------------------
# Reading JSON strictly


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonProblem(
                "json.duplicate_key",
                f"the key {key[:60]!r} appears twice in one object; JSON readers disagree"
                " on which value wins, so the document is refused",
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> NoReturn:
    raise _JsonProblem(
        "json.not_a_number",
        f"{name} is not a JSON number (JSON has no NaN or Infinity); amounts are decimal strings",
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        _refuse_constant(text[:30])
    return value


def parse_json(data: bytes) -> object:
    """Parse JSON strictly: UTF-8, no duplicate keys, no NaN/Infinity, bounded nesting.

    Raises :class:`_JsonProblem` carrying an :class:`Issue` for any refusal.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _JsonProblem(
            "json.syntax", f"the file is not UTF-8 text (byte {exc.start} cannot be decoded)"
        ) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise _JsonProblem(
            "json.syntax", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise _JsonProblem(
            "document.too_deep", "the JSON nests too deeply to read (thousands of levels)"
        ) from None
    except _JsonProblem:
        raise
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise _JsonProblem("json.syntax", f"not acceptable JSON: {exc}") from None


def _read_bytes(name: str, limit: int, stdin: TextIO) -> bytes:
    """The bytes of file ``name`` (``-`` for stdin), refusing more than ``limit``."""
    try:
        if name == STDIN:
            data: bytes = stdin.buffer.read(limit + 1)
        else:
            with Path(name).open("rb") as file:
                data = file.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _JsonProblem(
            "document.too_large",
            f"the file is larger than {limit:,} bytes (raise the limit with --max-bytes)",
        )
    return data


# ---------------------------------------------------------------------------
# validate


def _check_kind(kind: str) -> None:
    try:
        _documents.schema(kind)
    except InvalidDocument as exc:
        raise UsageError(exc.issues[0].message) from None


def _validate_one(kind: str, name: str, limit: int, stdin: TextIO) -> tuple[Issue, ...]:
    try:
        document = parse_json(_read_bytes(name, limit, stdin))
    except _JsonProblem as exc:
        return (exc.issue,)
    try:
        return _documents.validate(kind, document).issues
    except RecursionError:
        return (Issue.at([], "document.too_deep", "the document nests too deeply to check"),)


def _validate(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    _check_kind(args.kind)
    results = [(name, _validate_one(args.kind, name, args.max_bytes, stdin)) for name in args.files]
    if args.format == "json":
        payload = {
            "kind": args.kind,
            "valid": not any(issues for _, issues in results),
            "files": [
                {
                    "file": name,
                    "valid": not issues,
                    "issues": [
                        {"path": i.path, "code": i.code, "message": i.message} for i in issues
                    ],
                }
                for name, issues in results
            ],
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for name, issues in results:
            shown = "<stdin>" if name == STDIN else name
            if not issues:
                out.write(f"{shown}: valid {args.kind}\n")
                continue
            noun = "problem" if len(issues) == 1 else "problems"
            out.write(f"{shown}: invalid {args.kind}, {len(issues)} {noun}\n")
            out.writelines(f"  {issue}\n" for issue in issues)
    return 1 if any(issues for _, issues in results) else 0


# ---------------------------------------------------------------------------
# schema


def _schema_text(kind: str) -> str:
    return json.dumps(_documents.schema(kind), indent=2, ensure_ascii=False) + "\n"


def _schema(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if (args.kind is None) == (args.all is None):
        raise UsageError("give either a KIND or --all DIR")
    if args.kind is not None:
        _check_kind(args.kind)
        out.write(_schema_text(args.kind))
        return 0
    target = Path(args.all)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for kind in _documents.SCHEMA_KINDS:
            (target / f"{kind}.json").write_text(_schema_text(kind), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write schemas to {target}: {exc.strerror or exc}") from None
    count = len(_documents.SCHEMA_KINDS)
    out.write(f"wrote {count} schema{'' if count == 1 else 's'} to {target}\n")
    return 0


# ---------------------------------------------------------------------------
# demo


def _demo(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    out.write("Money is exact and carries its currency:\n")
    total = sum([Money("30000.00"), Money("25000.00"), Money("-4999.995")], Money.zero())
    out.write(f"  £30,000 + £25,000 - £4,999.995 = {total.amount} {total.currency}\n")
    out.write(f"  presented, rounded half-up to pence: {total.format()}\n")
    year = parse_financial_year("2025/26")
    out.write(f"The financial year 2025/26 runs {year.start} to {year.end} ({year.days} days).\n")
    out.write(f"Its last day, {year.end}, is in {financial_year(year.end).label}.\n")
    return 0


# ---------------------------------------------------------------------------
# the parser and main


_Command = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number; got {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialvalue",
        description="A social value policy at work: assess spend, validate and score documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check JSON documents of one kind and report every problem",
        description="Check each FILE as a KIND document. Exit 0 when all are valid, 1 when"
        " any is invalid, 2 on usage errors. '-' reads standard input.",
    )
    validate.add_argument("kind", metavar="KIND", help="the document kind, e.g. review-submission")
    validate.add_argument("files", metavar="FILE", nargs="+", help="JSON files ('-' for stdin)")
    validate.add_argument("--format", choices=["human", "json"], default="human")
    validate.add_argument(
        "--max-bytes",
        type=_positive,
        default=MAX_DOCUMENT_BYTES,
        help=f"refuse larger files (default {MAX_DOCUMENT_BYTES:,})",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print one kind's JSON Schema, or write every schema to a folder",
        description="Print the JSON Schema of KIND, or write DIR/<kind>.json for every kind.",
    )
    schema.add_argument("kind", metavar="KIND", nargs="?", help="the document kind")
    schema.add_argument("--all", metavar="DIR", help="write every kind's schema into DIR")
    schema.set_defaults(run=_schema)

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
    run: _Command = args.run
    try:
        return run(args, out, stdin if stdin is not None else sys.stdin)
    except UsageError as exc:
        err.write(f"socialvalue {args.command}: error: {exc}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
