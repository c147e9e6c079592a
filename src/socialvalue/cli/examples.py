"""``socialvalue examples DIR``: write the bundled example files, to try every command on.

The README and the docs run their commands on these files: a spend file in the
Transparency Code layout (``spend-2025-26.csv``) and one valid document of each kind
(``review-submission.json``, ``policy.json``, ``measure-catalogue.json``, ...), each
named after its kind so that ``socialvalue validate KIND KIND.json`` works as
written. An existing file is left alone unless ``--force`` is given, and no file is
written through a symbolic link.
"""

from __future__ import annotations

import argparse
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TextIO

from socialvalue.cli._input import Subparsers, UsageError
from socialvalue.cli._render import count
from socialvalue.cli.schema import _new_file_mode, _write_atomically

__all__ = ["add_parser", "bundled", "run"]


def add_parser(commands: Subparsers) -> argparse.ArgumentParser:
    """Add ``examples`` to the top-level parser's ``commands``."""
    parser = commands.add_parser(
        "examples",
        help="write the bundled example files (a spend file, a document of each kind)",
        description="Write the bundled example files into DIR (created if missing): a"
        " spend file and one valid document of each kind, named KIND.json, so that every"
        " command in the README and the docs has a file to run on.",
    )
    parser.add_argument("dir", metavar="DIR")
    parser.add_argument("--force", action="store_true", help="replace files already there")
    parser.set_defaults(run=run)
    return parser


def bundled() -> dict[str, Traversable]:
    """The bundled example files by name, in name order."""
    folder = resources.files("socialvalue") / "examples"
    return {
        f.name: f
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.is_file() and f.name.endswith((".json", ".csv"))
    }


def run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """Write every bundled example into ``args.dir``; say what was written and kept."""
    target = Path(args.dir)
    files = bundled()
    try:
        target.mkdir(parents=True, exist_ok=True)
        links = [name for name in files if (target / name).is_symlink()]
        if links:
            raise UsageError(
                f"refusing to write through symbolic links in {target}: {', '.join(links)}"
            )
        there = [name for name in files if (target / name).exists()]
        if there and not args.force:
            raise UsageError(
                f"{target} already holds {', '.join(there)}: give --force to replace them,"
                " or choose another folder"
            )
        mode = _new_file_mode()
        for name, source in files.items():
            _write_atomically(target / name, source.read_text(encoding="utf-8"), mode)
    except OSError as exc:
        raise UsageError(f"cannot write examples to {target}: {exc.strerror or exc}") from None
    out.write(f"wrote {count(len(files), 'example file')} to {target}:\n")
    out.writelines(f"  {name}\n" for name in files)
    return 0
