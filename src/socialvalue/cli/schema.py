"""``socialvalue schema KIND`` and ``socialvalue schema --all DIR``: the documents' JSON Schemas.

Prints one kind's JSON Schema, or writes ``DIR/<kind>.json`` for every kind (how
``make schemas`` refreshes ``docs/schemas/``), so that other projects can check
submissions in their own language. Each file is written whole or not at all, and a
file in ``DIR`` that is a symbolic link is refused rather than written through.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
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
        links = sorted(name for name in files if (target / name).is_symlink())
        if links:
            # A link may point anywhere (a planted link, another project's file):
            # refuse them all before writing any file.
            raise UsageError(
                f"refusing to write through symbolic links in {target}: {', '.join(links)};"
                " remove them or choose another folder"
            )
        mode = _new_file_mode()
        for name, text in files.items():
            _write_atomically(target / name, text, mode)
    except OSError as exc:
        raise UsageError(f"cannot write schemas to {target}: {exc.strerror or exc}") from None
    count = len(files)
    out.write(f"wrote {count} schema{'' if count == 1 else 's'} to {target}\n")


def _write_atomically(path: Path, text: str, mode: int) -> None:
    """Write ``path`` whole or not at all: a reader sees the old file or the new one.

    The text goes to a new file in the same folder, which then replaces ``path`` by
    rename; a rename replaces a link itself, never the file it points to.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _new_file_mode() -> int:
    """The permissions a new file gets here: read and write as the umask allows.

    ``mkstemp`` makes files readable by their owner alone; schemas are for sharing.
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
