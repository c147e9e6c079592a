"""The rows of a published spend file, read strictly: every field where it belongs, or a bad row.

A CSV reader that is forgiving loses money silently: an unquoted ``1,234.56`` reads
as ``1`` with ``234.56`` kept aside, and one stray ``"`` swallows the rows after it
into a single field. This module holds the strict pieces that every spend reader
here shares, all pure (they read no file):

- :class:`Record`: one record of a file, its fields and the *physical* line number
  it starts on (blank lines counted), so messages point at the line a person sees
  in an editor;
- :func:`csv_records`: a small strict CSV parser over lines of text (the domain may
  not import :mod:`csv`). A quote may only open a field, a closing quote must be
  followed by a comma or the end of the line, and by default a record may not run
  over two lines; each breach is a bad record naming its line, and reading goes on
  at the next line;
- :func:`numbered`: records from a reader that counts lines as it goes, such as
  ``csv.reader`` in the command line;
- :func:`check_fields`: the strict row rule. More *non-empty* fields than the
  header is a bad row; trailing empty fields (Salford, Manchester) are fine; fewer
  fields than the header is a bad row.

>>> [r.fields for r in csv_records(['a,b', '"1,234.56",x', '', 'c,d'])]
[('a', 'b'), ('1,234.56', 'x'), ('c', 'd')]
>>> print(check_fields(("Name", "Amount"), ("Acme Ltd", "1", "234.56"), 7))
row 7: has 3 fields where the header has 2; the extra fields hold '234.56' ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Protocol

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields
from socialvalue.errors import SocialValueError

__all__ = [
    "BadRow",
    "LineCounting",
    "Record",
    "SpendFileError",
    "check_fields",
    "csv_records",
    "numbered",
    "shown",
]

#: Longest value quoted back in a message; the rest is cut with an ellipsis.
SHOWN_LENGTH: Final = 40


def shown(value: str, length: int = SHOWN_LENGTH) -> str:
    """``value`` quoted for a message, cut to ``length`` characters.

    >>> shown("1,23")
    "'1,23'"
    """
    return repr(value if len(value) <= length else value[: length - 3] + "...")


class SpendFileError(SocialValueError, ValueError):
    """A spend file cannot be read: no layout fits it, or a row is bad.

    ``code`` is a stable issue code (see :data:`socialvalue.ERROR_CODES`), ``row`` the
    physical line number (the header is usually line 1), ``column`` the column
    concerned and ``value`` the text found there, when known.

    >>> str(SpendFileError("spend_file.bad_amount", "Amount: not an amount", row=4))
    'row 4: Amount: not an amount'
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        where = f"row {row}: " if row is not None else ""
        super().__init__(where + message)
        self.code = code
        self.message = message
        self.row = row
        self.column = column
        self.value = value


@attrs.frozen(field_transformer=typed_fields)
class BadRow:
    """A row that could not be read: its line, column, code, why, and the value found.

    >>> print(BadRow(7, "Amount", "spend_file.bad_amount", "not an amount", "1,23"))
    row 7 (Amount): not an amount
    """

    row: int
    column: str | None
    code: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f" ({self.column})" if self.column else ""
        return f"row {self.row}{where}: {self.message}"

    def error(self) -> SpendFileError:
        """This bad row as the exception a reader raises when it does not skip bad rows."""
        where = f"{self.column}: " if self.column else ""
        return SpendFileError(
            self.code, where + self.message, row=self.row, column=self.column, value=self.value
        )


@attrs.frozen(field_transformer=typed_fields)
class Record:
    """One record of a spend file: the physical line it starts on and its fields.

    ``problem`` is set, and ``fields`` empty, when the record's quoting is broken
    (a bad row for the reader, with this message).

    >>> Record(2, ("Acme Ltd", "100234"))
    Record(line=2, fields=('Acme Ltd', '100234'), problem=None)
    """

    line: int
    fields: tuple[str, ...]
    problem: str | None = None


_new = object.__new__
_set = object.__setattr__


def _record(line: int, fields: tuple[str, ...], problem: str | None = None) -> Record:
    """A :class:`Record` of values this module made, without checking their types again.

    A year of spend is hundreds of thousands of records; checking each field's type
    on each was a fifth of the time it takes to read one.
    """
    record: Record = _new(Record)
    _set(record, "line", line)
    _set(record, "fields", fields)
    _set(record, "problem", problem)
    return record


class LineCounting(Protocol):
    """A reader of CSV rows that counts physical lines, as ``csv.reader`` does."""

    @property
    def line_num(self) -> int:
        """Physical lines read so far."""
        ...  # pragma: no cover

    def __iter__(self) -> Iterator[list[str]]: ...  # pragma: no cover


@typed_arguments
def numbered(reader: LineCounting) -> Iterator[Record]:
    r"""The rows of ``reader`` (``csv.reader``, say) as records numbered by the line they start on.

    ``csv.reader`` counts the lines it has read, so a row starts on the line after
    the previous row ended; a blank line (an empty row) is skipped, and counted.

    >>> class Rows:
    ...     line_num = 0
    ...     def __iter__(self):
    ...         for self.line_num, row in ((1, ["a"]), (2, []), (4, ["b\nc"])):
    ...             yield row
    >>> [(r.line, r.fields) for r in numbered(Rows())]
    [(1, ('a',)), (3, ('b\nc',))]
    """
    previous = reader.line_num
    for fields in reader:
        start, previous = previous + 1, reader.line_num
        if fields:
            yield Record(start, tuple(fields))


@typed_arguments
def check_fields(header: Sequence[str], fields: Sequence[str], line: int) -> BadRow | None:
    """Whether ``fields`` fit under ``header``: ``None`` when they do, else the bad row.

    More non-empty fields than the header means a field was split (an unquoted
    thousands separator: ``1,234.56``) and every value after it moved; fewer means
    fields are missing. Extra fields that are empty are fine: several councils end
    every row with a comma.

    >>> check_fields(("a", "b"), ("1", "2", "", " "), 3) is None
    True
    >>> print(check_fields(("a", "b"), ("1",), 3))
    row 3: has 1 field where the header has 2
    """
    return fields_misfit(header, fields, line)


def fields_misfit(header: Sequence[str], fields: Sequence[str], line: int) -> BadRow | None:
    """:func:`check_fields` without checking its arguments' types: for readers, per row."""
    width, count = len(header), len(fields)
    if count == width:
        return None
    if count < width:
        noun = "field" if count == 1 else "fields"
        return BadRow(
            line, None, "spend_file.short_row", f"has {count} {noun} where the header has {width}"
        )
    extra = [field for field in fields[width:] if field.strip()]
    if not extra:
        return None
    return BadRow(
        line,
        None,
        "spend_file.extra_fields",
        f"has {count} fields where the header has {width}; the extra fields hold"
        f" {', '.join(shown(f) for f in extra[:3])} (is a value such as 1,234.56 not quoted?)",
        extra[0],
    )


def _chomp(line: str) -> tuple[str, str]:
    """``line`` without its line end (LF, CRLF or a lone CR), and that end (LF if none)."""
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith(("\n", "\r")):
        return line[:-1], line[-1]
    return line, "\n"


class _Broken(Exception):
    """A quoting fault in the record being read."""


def _scan(line: str, fields: list[str], part: list[str] | None) -> list[str] | None:
    """Split ``line`` into ``fields``; return the open quoted field's parts, or ``None``.

    ``part`` holds the text so far of a quoted field continued from the line before.
    Faults raise :class:`_Broken` with a message for people.
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
                    raise _Broken(
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
            raise _Broken(
                f"has {shown(line[at : at + 10])} after a closing quote, where a comma or the"
                " end of the line belongs (a stray quote?)"
            )
        at += 1


def _simply_quoted(line: str) -> list[str] | None:
    """The fields of a line whose quoted fields hold no quote, or ``None`` if it is not so simple.

    Split at its quotes, such a line alternates text outside quotes and a quoted
    field's text; outside, fields are split at commas, and each quoted field must be
    the whole of its field (a comma or the line's end on each side). Anything else
    (a doubled quote, a quote inside a field, an unclosed quote) is left to
    :func:`_scan`, which reads it or says what is wrong; what this returns is what
    :func:`_scan` reads (``tests/test_spend_rows.py`` checks it). Manchester quotes
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
_UNCLOSED: Final = (
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
        # The line without its end (LF, CRLF or a lone CR), as _chomp takes it off.
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
        simple = _simply_quoted(line)
        if simple is not None:
            yield number, simple, None
            continue
        fields: list[str] = []
        try:
            part = _scan(line, fields, None)
        except _Broken as broken:
            yield number, (), str(broken)
            continue
        yield (number, fields, None) if part is None else (number, (), _UNCLOSED)


@typed_arguments
def csv_records(
    lines: Iterable[str], *, first_line: int = 1, multiline: bool = False
) -> Iterator[Record]:
    r"""The records of CSV text given line by line, parsed strictly.

    ``lines`` are physical lines with or without their line ends (a text file opened
    with ``newline=""`` gives them so). Blank lines are skipped and counted. A
    record with broken quoting is yielded with a ``problem`` and no fields, and
    reading resumes at the next line. With ``multiline=False`` (the default) a
    quoted field must close on the line it opens on, so one stray quote costs one
    row; with ``multiline=True`` a quoted field may hold line breaks, and a quote
    still open at the end of the text raises :class:`SpendFileError` naming the
    line where the field began.

    >>> list(csv_records(['a,"b', 'c"']))[0].problem
    'has a quoted field that opens here and does not close on this line (a stray quote?)'
    >>> list(csv_records(['a,"b', 'c"'], multiline=True))
    [Record(line=1, fields=('a', 'b\nc'), problem=None)]
    """
    number, start, end = first_line - 1, first_line, "\n"
    fields: list[str] = []
    part: list[str] | None = None
    for raw in lines:
        number += 1
        if part is not None:
            # A quoted field goes on: it holds the line break as the file wrote it.
            part.append(end)
        line, end = _chomp(raw)
        if part is None:
            if '"' not in line:
                if line:
                    yield _record(number, tuple(line.split(",")))
                continue
            simple = _simply_quoted(line)
            if simple is not None:
                yield _record(number, tuple(simple))
                continue
            fields, start = [], number
        try:
            part = _scan(line, fields, part)
        except _Broken as broken:
            part = None
            yield _record(start, (), str(broken))
            continue
        if part is None:
            yield _record(start, tuple(fields))
        elif not multiline:
            part = None
            yield _record(start, (), _UNCLOSED)
    if part is not None:
        raise SpendFileError(
            "spend_file.unclosed_quote",
            f"a quoted field begins on this line and is never closed: every line after"
            f" it, to line {number}, would be read into that one field (a stray quote?)",
            row=start,
        )
