"""``socialvalue demo``: the library at work on the bundled examples, in three steps.

Describes the default policy, then runs the real ``assess`` and ``score`` commands
on a bundled spend file and Review submission, and ends with the commissioner's
report for a bundled example year. ``make demo`` runs it on a fresh machine.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TextIO

from socialvalue.cli._input import Subparsers
from socialvalue.cli.assess import add_parser as assess_parser
from socialvalue.cli.assess import run as run_assess
from socialvalue.cli.score import add_parser as score_parser
from socialvalue.cli.score import run as run_score
from socialvalue.policy.gm_policing import default_policy
from socialvalue.report.worked_example import example_year

__all__ = ["add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``demo`` to the top-level parser's ``commands``."""
    parser = commands.add_parser("demo", help="show the library at work on bundled examples")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Print the demonstration to ``out``; the exit code of the first step that failed."""
    examples = resources.files("socialvalue") / "examples"
    _write_policy(out)
    with resources.as_file(examples / "spend-2025-26.csv") as spend:
        out.write(
            "\n1. ASSESS A YEAR'S SPEND: who signs the Charter, who completes the Review?\n"
            f"   socialvalue assess {_shown(spend)} --exclude-id 900001"
            "  (900001 is HMRC: tax, not a supplier)\n\n"
        )
        spend_args = _parse(assess_parser, [str(spend), "--exclude-id", "900001"])
        code = run_assess(spend_args, out, stdin)
    with resources.as_file(examples / "review-submission.json") as submission:
        out.write(
            "\n2. SCORE THE REVIEW that supplier 100234 (Acme Security Ltd) sent back\n"
            f"   socialvalue score {_shown(submission)}\n\n"
        )
        code = code or run_score(_parse(score_parser, [str(submission)]), out, stdin)
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


def _shown(path: Path) -> str:
    """The bundled file's path as a user can type it here: relative when below this folder."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _write_policy(out: TextIO) -> None:
    policy = default_policy()
    out.write("THE POLICY\n")
    out.write(
        f"{policy.title} ({policy.id} {policy.version}); owner since"
        f" {policy.owner.since:%d %B %Y}: the {policy.owner.name}.\n"
    )
    out.writelines(f"  {line}\n" for line in policy.describe())


def _parse(
    add_parser: Callable[[Subparsers], argparse.ArgumentParser], argv: list[str]
) -> argparse.Namespace:
    """``argv`` parsed by one command's own parser, so the demo runs it with its defaults.

    Not the top-level parser: that lives in ``socialvalue.cli``, which imports this
    module, and importing it back would be a cycle.
    """
    commands = argparse.ArgumentParser(prog="socialvalue").add_subparsers()
    return add_parser(commands).parse_args(argv)
