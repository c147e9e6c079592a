"""Where a fault in JSON text is: the JSON path of the value or object, and the offset.

``json.loads`` tells a hook what it refuses (a repeated key, ``NaN``, a number too
large) but not where; its syntax errors give a line and column but no path. When
strict reading fails, :func:`locate` reads the text again to find the first fault,
with the path of the object where it is (for a repeated key) or of the value (for
anything else), and its offset, from which :func:`line_and_column` gives the
position a person can find in an editor.

This runs only on text already refused. Values the strict C decoder reads without
complaint are skipped whole, so only the containers on the way to the fault are
walked here in Python.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import math
import re
from collections.abc import Callable
from typing import Any, Final

__all__ = ["Fault", "line_and_column", "locate"]

#: A strict decoder's ``raw_decode``: the value at an offset and the offset after it.
Decode = Callable[[str, int], tuple[Any, int]]

_SPACE: Final = re.compile(r"[ \t\n\r]*")
# A run of array items that cannot be at fault: literals, and numbers too short to
# overflow, each followed by a comma. No strings, so its commas count its items.
# Possessive: a million items would otherwise each leave a backtracking point.
_SAFE_RUN: Final = re.compile(
    r"(?:(?:null|true|false|-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?"
    r"(?:[eE][-+]?[0-9]{1,2})?)[ \t\n\r]*,[ \t\n\r]*)++"
)
_NOT_NUMBERS: Final = ("NaN", "Infinity", "-Infinity")
_WORDS: Final = ("true", "false", "null")
# Down to this depth a value is first tried whole by the C decoder; below it, token
# by token, so that a deeply nested value is not decoded again at every level.
_DECODE_DEPTH: Final = 20


class Fault(Exception):
    """A fault in JSON text: an issue code, a message, where it is, and its offset."""

    def __init__(self, code: str, message: str, steps: list[str | int], offset: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.steps = tuple(steps)
        self.offset = offset


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of ``offset`` in ``text``, as ``json`` counts them."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def locate(text: str, decode: Decode) -> Fault | None:
    """The first fault in ``text`` that strict reading refuses, or ``None`` if none is found."""
    try:
        _walk(text, decode)
    except Fault as fault:
        return fault
    return None


def _walk(text: str, decode: Decode) -> None:
    """Read ``text`` to its end, raising :class:`Fault` at the first fault.

    A stack of open containers stands in for recursion, so nesting costs no frames.
    """
    steps: list[str | int] = []
    # Per open container: the keys seen so far (an object) or the current index (an array).
    frames: list[set[str] | list[int]] = []
    offset = _skip(text, 0)
    while True:
        # Not the whole document: it was refused already, so it is read part by part.
        end = _decoded(decode, text, offset) if 0 < len(frames) < _DECODE_DEPTH else None
        if end is not None:
            offset = end
        else:
            offset, opened = _value(text, offset, steps)
            if opened:
                offset = _skip(text, offset)
                if text.startswith("}" if opened == "{" else "]", offset):
                    offset += 1
                elif opened == "{":
                    keys: set[str] = set()
                    frames.append(keys)
                    offset = _key(text, offset, steps, keys)
                    continue
                else:
                    index = [0]
                    frames.append(index)
                    steps.append(0)
                    offset = _safe_run(text, offset, steps, index)
                    continue
        # A value has ended: close the containers it ends, then find the next value.
        while True:
            offset = _skip(text, offset)
            if not frames:
                if offset < len(text):
                    raise Fault("json.syntax", "extra text after the document", steps, offset)
                return
            frame = frames[-1]
            char = text[offset : offset + 1]
            if char == ",":
                offset = _skip(text, offset + 1)
                steps.pop()
                if isinstance(frame, set):
                    offset = _key(text, offset, steps, frame)
                else:
                    frame[0] += 1
                    steps.append(frame[0])
                    offset = _safe_run(text, offset, steps, frame)
                break
            if char == ("}" if isinstance(frame, set) else "]"):
                offset += 1
                steps.pop()
                frames.pop()
                continue
            closer = "'}'" if isinstance(frame, set) else "']'"
            raise Fault("json.syntax", f"expected ',' or {closer}", steps[:-1], offset)


def _skip(text: str, offset: int) -> int:
    match = _SPACE.match(text, offset)
    return offset if match is None else match.end()


def _decoded(decode: Decode, text: str, offset: int) -> int | None:
    """The offset after the value at ``offset`` if strict reading accepts it, else None."""
    try:
        return decode(text, offset)[1]
    except (ValueError, RecursionError):
        return None


def _safe_run(text: str, offset: int, steps: list[str | int], frame: list[int]) -> int:
    """Skip the array items from ``offset`` that cannot be at fault, counting them."""
    match = _SAFE_RUN.match(text, offset)
    if match is None:
        return offset
    frame[0] += match.group().count(",")
    steps[-1] = frame[0]
    return match.end()


def _key(text: str, offset: int, steps: list[str | int], seen: set[str]) -> int:
    """Read a key and its colon; the path then names the key's value."""
    if not text.startswith('"', offset):
        raise Fault("json.syntax", "expected a key in double quotes", steps, offset)
    key, end = _string(text, offset, steps)
    if key in seen:
        raise Fault(
            "json.duplicate_key",
            f"the key {key[:60]!r} appears twice in this object; JSON readers disagree on"
            " which value wins, so the document is refused",
            steps,
            offset,
        )
    seen.add(key)
    end = _skip(text, end)
    if not text.startswith(":", end):
        raise Fault("json.syntax", "expected ':' after the key", steps, end)
    steps.append(key)
    return _skip(text, end + 1)


def _string(text: str, offset: int, steps: list[str | int]) -> tuple[str, int]:
    try:
        found: tuple[str, int] = json.decoder.scanstring(text, offset + 1)  # type: ignore[attr-defined]
    except json.JSONDecodeError as exc:
        raise Fault("json.syntax", f"not valid JSON text: {exc.msg}", steps, exc.pos) from None
    return found


def _value(text: str, offset: int, steps: list[str | int]) -> tuple[int, str]:
    """Read a value that is not a container, or open one and say which bracket opened it."""
    char = text[offset : offset + 1]
    if char in ("{", "["):
        return offset + 1, char
    if char == '"':
        return _string(text, offset, steps)[1], ""
    for word in _NOT_NUMBERS:
        if text.startswith(word, offset):
            raise Fault(
                "json.not_a_number",
                f"{word} is not a JSON number (JSON has no NaN or Infinity); amounts are"
                ' decimal strings such as "12.50"',
                steps,
                offset,
            )
    number = json.scanner.NUMBER_RE.match(text, offset)
    if number is not None:
        if _too_large(number):
            written = number.group()
            shown = (
                written if len(written) <= 30 else f"{written[:20]}… ({len(written):,} characters)"
            )
            raise Fault(
                "json.number_too_large",
                f"the number {shown} is too large to read; amounts are decimal strings such as"
                ' "12.50"',
                steps,
                offset,
            )
        return number.end(), ""
    for word in _WORDS:
        if text.startswith(word, offset):
            return offset + len(word), ""
    raise Fault("json.syntax", "expected a value", steps, offset)


def _too_large(number: re.Match[str]) -> bool:
    integer, fraction, exponent = number.groups()
    if fraction or exponent:
        return math.isinf(float(number.group()))
    try:
        int(integer)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        return True
    return False
