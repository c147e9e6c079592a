"""What every command shares: reading its input, and turning its problems into exit codes.

Each command reads files, standard input and zips the same way, parses JSON with
the same refusals and reports a problem as one line on stderr with one exit code,
so a user learns these once; keeping them here keeps the command modules to what
differs between commands.

Exit codes: 0 when everything asked for succeeded, 1 when the input was read but
is not acceptable (:class:`DataError`, a bad spend file), 2 for usage errors
(:class:`UsageError`: a wrong option, an unknown kind, a file that cannot be read)
and 141 when the reader of the output went away.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, Final, NoReturn, TextIO, TypeAlias

from socialvalue import documents
from socialvalue.cli._locate import line_and_column, locate
from socialvalue.cli._render import escaped
from socialvalue.errors import InvalidDocument, Issue, PathStep, RuleViolation
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.gm_policing import default_policy
from socialvalue.policy.social_value_policy import Policy
from socialvalue.spend.transparency import SpendFileError

__all__ = [
    "MAX_BYTES_CEILING",
    "MAX_DOCUMENT_BYTES",
    "STDIN",
    "STRICT_DECODER",
    "Command",
    "DataError",
    "JsonProblem",
    "Subparsers",
    "UsageError",
    "check_kind",
    "choose_period",
    "exit_code",
    "financial_year",
    "load_json",
    "load_policy",
    "parse_json",
    "read_bytes",
]

#: The largest JSON document ``validate`` reads (bytes); ``--max-bytes`` changes it.
MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024
#: The most ``--max-bytes`` may allow: 1 GiB, several times the largest valid
#: document (a spend file of a million lines), and as much as reading JSON in
#: memory sensibly can take.
MAX_BYTES_CEILING: Final = 1024 * 1024 * 1024
# Files are read this much at a time, so memory follows the file, not the limit.
_CHUNK: Final = 1024 * 1024

#: The file name that stands for standard input.
STDIN: Final = "-"

#: A command's handler: its parsed arguments, stdout and stdin in; its exit code out.
Command: TypeAlias = Callable[[argparse.Namespace, TextIO, TextIO], int]

#: The top-level parser's subcommands, to which each command module adds its parser.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class UsageError(Exception):
    """A problem with how the command was called: exit code 2, message on stderr."""


class DataError(Exception):
    """Input that was read but cannot be used: exit code 1, message on stderr."""


class JsonProblem(ValueError):
    """JSON text that this library refuses (duplicate keys, NaN, too deep, …).

    ``issue`` carries the JSON path where the problem is; ``line`` and ``column``
    (from 1) say where it is in the text, when the text was read that far.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        steps: Sequence[PathStep] = (),
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.issue = Issue.at(steps, code, message)
        self.line = line
        self.column = column


def exit_code(command: str, run: Callable[[], int], err: TextIO, *, owns_stdout: bool) -> int:
    """Run ``command``'s handler ``run`` and return its exit code; problems go to ``err``.

    ``owns_stdout`` says the command writes to the process's own stdout, which must
    be silenced when its reader goes away.
    """
    try:
        return run()
    except (UsageError, DataError, SpendFileError) as exc:
        # A message may quote a name or a file name from the input: escape what a
        # terminal would act on.
        err.write(f"socialvalue {command}: error: {escaped(str(exc))}\n")
        return 2 if isinstance(exc, UsageError) else 1
    except BrokenPipeError:
        # The reader went away (`socialvalue assess ... | head`): stop quietly, and
        # point stdout at /dev/null so the interpreter's final flush does not fail.
        if owns_stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


# ---------------------------------------------------------------------------
# Reading JSON strictly


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonProblem(
                "json.duplicate_key",
                f"the key {key[:60]!r} appears twice in one object; JSON readers disagree"
                " on which value wins, so the document is refused",
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> NoReturn:
    raise JsonProblem(
        "json.not_a_number",
        f"{name} is not a JSON number (JSON has no NaN or Infinity); amounts are decimal strings",
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonProblem("json.number_too_large", f"the number {text[:30]} is too large to read")
    return value


#: The strict reader: its hooks refuse repeated keys, NaN and Infinity, and numbers
#: too large for a float; an integer too long for Python to convert fails in ``int``.
STRICT_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_refuse_duplicates,
    parse_constant=_refuse_constant,
    parse_float=_finite_float,
)


def parse_json(data: bytes) -> object:
    """Parse JSON strictly: UTF-8, no duplicate keys, no NaN/Infinity, bounded nesting.

    Raises :class:`JsonProblem` carrying an :class:`Issue` for any refusal; a fault
    in the text is reported at its JSON path, with its line and column.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonProblem(
            "json.syntax", f"the file is not UTF-8 text (byte {exc.start} cannot be decoded)"
        ) from None
    try:
        return STRICT_DECODER.decode(text)
    except RecursionError:
        raise JsonProblem(
            "document.too_deep", "the JSON nests too deeply to read (thousands of levels)"
        ) from None
    except ValueError as exc:  # JSONDecodeError, a JsonProblem from a hook, a long int
        raise _located(text, exc) from None


def _located(text: str, refused: ValueError) -> JsonProblem:
    """The first fault in ``text``, found again with its path, line and column.

    The hooks that refuse a fault are not told where it is, so the text is read again
    (only text already refused pays for this).
    """
    fault = locate(text, STRICT_DECODER.raw_decode)
    if fault is None:  # pragma: no cover - every refusal of the decoder is a fault here
        return JsonProblem("json.syntax", f"not acceptable JSON: {refused}")
    line, column = line_and_column(text, fault.offset)
    return JsonProblem(
        fault.code,
        f"{fault.message} (line {line}, column {column})",
        steps=fault.steps,
        line=line,
        column=column,
    )


# ---------------------------------------------------------------------------
# Reading files and standard input (spend files and zips: _spend_files)


def read_bytes(name: str, limit: int, stdin: TextIO) -> bytes:
    """The bytes of file ``name`` (``-`` for stdin), refusing more than ``limit``.

    ``limit`` is from 1 to :data:`MAX_BYTES_CEILING`. The file is read a chunk at a
    time, so a generous limit costs nothing on a small file.
    """
    if not 1 <= limit <= MAX_BYTES_CEILING:
        raise UsageError(f"the byte limit must be from 1 to {MAX_BYTES_CEILING:,}; got {limit:,}")
    try:
        if name == STDIN:
            data = _read_at_most(stdin.buffer, limit)
        else:
            with Path(name).open("rb") as file:
                data = _read_at_most(file, limit)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if data is None:
        raise JsonProblem(
            "document.too_large",
            f"the file is larger than {limit:,} bytes (raise the limit with --max-bytes)",
        )
    return data


def _read_at_most(stream: IO[bytes], limit: int) -> bytes | None:
    """All of ``stream``, or ``None`` as soon as it proves longer than ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(chunks)


def load_json(name: str, kind: str, stdin: TextIO) -> Any:
    """The ``kind`` object in JSON file ``name``; its problems raise :class:`DataError`."""
    try:
        return documents.load(kind, parse_json(read_bytes(name, MAX_DOCUMENT_BYTES, stdin)))
    except JsonProblem as exc:
        raise DataError(f"{name} is not acceptable JSON: {exc.issue}") from None
    except InvalidDocument as exc:
        raise DataError(f"{name}: {exc}") from None


# ---------------------------------------------------------------------------
# Arguments several commands take


def check_kind(kind: str) -> None:
    """Refuse a document kind the library does not know, as a usage error."""
    try:
        documents.schema(kind)
    except InvalidDocument as exc:
        raise UsageError(exc.issues[0].message) from None


def load_policy(name: str | None, stdin: TextIO) -> Policy:
    """The policy document in file ``name``, or the default policy when there is none."""
    if name is None:
        return default_policy()
    policy: Policy = load_json(name, "policy", stdin)
    return policy


def financial_year(text: str) -> Period:
    """The financial year ``--year`` names (``2025/26``); a bad label is a usage error."""
    try:
        return parse_financial_year(text)
    except RuleViolation as exc:
        raise UsageError(f"--year: {exc}") from None


def choose_period(year: str | None, policy: Policy, first_day: date | None, source: str) -> Period:
    """The ``--year`` given, else the policy's year holding the first spend line of ``source``."""
    if year is not None:
        return financial_year(year)
    if first_day is None:
        raise DataError(f"{source} has no spend lines to assess (give --year to report anyway)")
    return policy.period_for(first_day)
