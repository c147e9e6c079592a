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
import functools
import sys
from collections.abc import Sequence
from importlib import resources
from typing import TextIO

from socialvalue.cli import assess, report, schema, score, validate
from socialvalue.cli._input import Command, exit_code
from socialvalue.policy.gm_policing import default_policy
from socialvalue.report.example_year import example_year

__all__ = ["main"]

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
    assess.add_parser(commands)
    score.add_parser(commands)
    report.add_parser(commands)
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
