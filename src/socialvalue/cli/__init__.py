"""The command line, ``socialvalue COMMAND``: the one package that reads files and prints.

It is a thin adapter: it parses arguments, reads input, calls the public API and
prints what comes back. Everything it computes, a notebook can compute too.

Exit codes: 0 when everything asked for succeeded (every document valid), 1 when
the input was read but is not acceptable (an invalid document, a bad spend file),
2 for usage errors (a wrong option, an unknown kind, a file that cannot be read).
Problems in input are reported as messages, never as tracebacks.

Each command is a module of this package with its own parser and handler
(``validate``, ``schema``, ``assess``, ``score``, ``report``, ``demo``,
``examples``). They read
input and report problems in one way, :mod:`socialvalue.cli._input`, and print the
pure renderings of :mod:`socialvalue.cli._render`; the reading of spend rows is the
pure :mod:`socialvalue.spend.transparency`. This module only assembles the parser
and runs the command asked for.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from typing import TextIO

from socialvalue.cli import assess, demo, examples, report, schema, score, validate
from socialvalue.cli._input import Command, exit_code

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialvalue",
        description="A social value policy at work: assess spend, validate and score documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # --help lists the commands in the order they are added.
    for add_parser in (
        validate.add_parser,
        schema.add_parser,
        assess.add_parser,
        score.add_parser,
        report.add_parser,
        demo.add_parser,
        examples.add_parser,
    ):
        add_parser(commands)
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
