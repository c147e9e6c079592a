"""Lines of CSV split into fields, strictly, one line at a time (private to the spend readers).

:func:`~socialvalue.spend.rows.csv_records` (records from lines, which may continue
a quoted field over lines) and :func:`text_rows` (one line a record, as the command
line reads files) split lines here: :func:`scan` is the strict rule, and
:func:`simply_quoted` its short cut for lines whose quoted fields hold no quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Final

__all__ = ["UNCLOSED", "Broken", "Row", "chomp", "scan", "shown", "simply_quoted", "text_rows"]

#: Longest value quoted back in a message; the rest is cut with an ellipsis.
SHOWN_LENGTH: Final = 40


def shown(value: str, length: int = SHOWN_LENGTH) -> str:
    """``value`` quoted for a message, cut to ``length`` characters.

    >>> shown("1,23")
    "'1,23'"
    """
    return repr(value if len(value) <= length else value[: length - 3] + "...")


def chomp(line: str) -> tuple[str, str]:
    """``line`` without its line end (LF, CRLF or a lone CR), and that end (LF if none)."""
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith(("\n", "\r")):
        return line[:-1], line[-1]
    return line, "\n"


class Broken(Exception):
    """A quoting fault in the record being read."""


def scan(line: str, fields: list[str], part: list[str] | None) -> list[str] | None:
    """Split ``line`` into ``fields``; return the open quoted field's parts, or ``None``.

    ``part`` holds the text so far of a quoted field continued from the line before.
    Faults raise :class:`Broken` with a message for people.
    """
    end, at = len(line), 0
    while True:
        if part is None:
            if at < end and line[at] == '"':
                part, at = [], at + 1
            else:
                comma = line.find(",", at)
                value = line[at:] if comma < 0 else line[at:comma]
                if '"' in value:
                    raise Broken(
                        f"has a quote inside an unquoted field, {shown(value)}: a field is either"
                        ' wholly in quotes, with any quote inside doubled (""), or has none'
                    )
                fields.append(value)
                if comma < 0:
                    return None
                at = comma + 1
                continue
        quote = line.find('"', at)
        if quote < 0:
            part.append(line[at:])
            return part
        if line.startswith('"', quote + 1):
            part.append(line[at : quote + 1])
            at = quote + 2
            continue
        part.append(line[at:quote])
        fields.append("".join(part))
        part, at = None, quote + 1
        if at == end:
            return None
        if line[at] != ",":
            raise Broken(
                f"has {shown(line[at : at + 10])} after a closing quote, where a comma or the"
                " end of the line belongs (a stray quote?)"
            )
        at += 1


def simply_quoted(line: str) -> list[str] | None:
    """The fields of a line whose quoted fields hold no quote, or ``None`` if it is not so simple.

    Split at its quotes, such a line alternates text outside quotes and a quoted
    field's text; outside, fields are split at commas, and each quoted field must be
    the whole of its field (a comma or the line's end on each side). Anything else
    (a doubled quote, a quote inside a field, an unclosed quote) is left to
    :func:`scan`, which reads it or says what is wrong; what this returns is what
    :func:`scan` reads (``tests/test_spend_rows.py`` checks it). Manchester quotes
    every amount (``"£9,854.98"``): this reads such lines at the speed of ``split``.
    """
    parts = line.split('"')
    last = len(parts) - 1
    if last == 2:  # one quoted field, the commonest case, unrolled
        head, quoted, tail = parts
        if (head and head[-1] != ",") or (tail and tail[0] != ","):
            return None
        fields = head[:-1].split(",") if head else []
        fields.append(quoted)
        if tail:
            fields += tail[1:].split(",")
        return fields
    if last % 2:
        return None
    if not last:
        return line.split(",")
    head = parts[0]
    if head:
        if head[-1] != ",":
            return None
        fields = head[:-1].split(",")
    else:
        fields = []
    for at in range(1, last, 2):
        fields.append(parts[at])
        gap = parts[at + 1]
        if at + 1 == last:
            if gap:
                if gap[0] != ",":
                    return None
                fields += gap[1:].split(",")
        elif gap != ",":
            if len(gap) < 2 or gap[0] != "," or gap[-1] != ",":
                return None
            fields += gap[1:-1].split(",")
    return fields


#: What :func:`text_rows` yields: a record's line, its fields and its problem.
Row = tuple[int, Sequence[str], "str | None"]
UNCLOSED: Final = (
    "has a quoted field that opens here and does not close on this line (a stray quote?)"
)


def text_rows(lines: Iterable[str], first_line: int = 1) -> Iterator[Row]:
    """:func:`csv_records` of ``lines`` (``multiline=False``) as ``(line, fields, problem)``.

    For readers of text from a file, whose lines are text by construction: the
    lines are not checked one by one, and no :class:`Record` is made per row. What
    it yields is what :func:`csv_records` yields (``tests/test_spend_rows.py``
    checks it), its fields a list.
    """
    number = first_line - 1
    for raw in lines:
        number += 1
        # The line without its end (LF, CRLF or a lone CR), as chomp takes it off.
        if raw[-1:] == "\n":
            line = raw[:-2] if raw[-2:-1] == "\r" else raw[:-1]
        elif raw[-1:] == "\r":
            line = raw[:-1]
        else:
            line = raw
        if '"' not in line:
            if line:
                yield number, line.split(","), None
            continue
        parts = line.split('"')
        if len(parts) == 3:  # simply_quoted's commonest case, inline (Manchester's amounts)
            head, quoted, tail = parts
            if (not head or head[-1] == ",") and (not tail or tail[0] == ","):
                fields = head[:-1].split(",") if head else []
                fields.append(quoted)
                if tail:
                    fields += tail[1:].split(",")
                yield number, fields, None
                continue
        simple = simply_quoted(line)
        if simple is not None:
            yield number, simple, None
            continue
        fields = []
        try:
            part = scan(line, fields, None)
        except Broken as broken:
            yield number, (), str(broken)
            continue
        yield (number, fields, None) if part is None else (number, (), UNCLOSED)
