"""``socialvalue schema KIND`` and ``socialvalue schema --all DIR``: the documents' JSON Schemas.

Prints one kind's JSON Schema, or writes ``DIR/<kind>.json`` for every kind (how
``make schemas`` refreshes ``docs/schemas/``), so that other projects can check
submissions in their own language.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from socialvalue import documents
from socialvalue.cli._input import Subparsers, UsageError, check_kind

__all__ = ["add_parser", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``schema`` and its options to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "schema",
        help="print one kind's JSON Schema, or write every schema to a folder",
        description="Print the JSON Schema of KIND, or write DIR/<kind>.json for every kind.",
    )
    parser.add_argument("kind", metavar="KIND", nargs="?", help="the document kind")
    parser.add_argument("--all", metavar="DIR", help="write every kind's schema into DIR")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Print ``args.kind``'s schema, or write every kind's into the folder ``args.all``."""
    if (args.kind is None) == (args.all is None):
        raise UsageError("give either a KIND or --all DIR")
    if args.kind is not None:
        check_kind(args.kind)
        out.write(documents.export_schemas()[f"{args.kind}.json"])
        return 0
    _write_all(Path(args.all), out)
    return 0


def _write_all(target: Path, out: TextIO) -> None:
    files = documents.export_schemas()
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (target / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write schemas to {target}: {exc.strerror or exc}") from None
    count = len(files)
    out.write(f"wrote {count} schema{'' if count == 1 else 's'} to {target}\n")
