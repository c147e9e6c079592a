"""The command line: the only module that reads files and writes to the terminal.

It is a thin adapter: it parses arguments, reads input, calls the public API and
prints what comes back. Everything it computes, a notebook can compute too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from socialvalue import Money, financial_year, parse_financial_year

__all__ = ["main"]


def _demo(args: argparse.Namespace) -> int:
    print("Money is exact and carries its currency:")
    total = sum([Money("30000.00"), Money("25000.00"), Money("-4999.995")], Money.zero())
    print(f"  £30,000 + £25,000 - £4,999.995 = {total.amount} {total.currency}")
    print(f"  presented, rounded half-up to pence: {total.format()}")
    year = parse_financial_year("2025/26")
    print(f"The financial year 2025/26 runs {year.start} to {year.end} ({year.days} days).")
    print(f"Its last day, {year.end}, is in {financial_year(year.end).label}.")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="socialvalue", description="Social value policy: assess, validate, score."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser("demo", help="show the library at work on bundled examples")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = _parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
