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

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, Protocol

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import filler, typed_fields
from socialvalue.errors import SocialValueError
from socialvalue.spend._quoting import (
    UNCLOSED,
    Broken,
    chomp,
    scan,
    shown,
    simply_quoted,
)

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


#: A :class:`Record` of values this module made (``line, fields, problem=None``),
#: without checking their types again: a year of spend is hundreds of thousands of
#: records, and checking each field's type on each was a fifth of reading one.
_record: Final[Callable[..., Record]] = filler(Record)


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
        line, end = chomp(raw)
        if part is None:
            if '"' not in line:
                if line:
                    yield _record(number, tuple(line.split(",")))
                continue
            simple = simply_quoted(line)
            if simple is not None:
                yield _record(number, tuple(simple))
                continue
            fields, start = [], number
        try:
            part = scan(line, fields, part)
        except Broken as broken:
            part = None
            yield _record(start, (), str(broken))
            continue
        if part is None:
            yield _record(start, tuple(fields))
        elif not multiline:
            part = None
            yield _record(start, (), UNCLOSED)
    if part is not None:
        raise SpendFileError(
            "spend_file.unclosed_quote",
            f"a quoted field begins on this line and is never closed: every line after"
            f" it, to line {number}, would be read into that one field (a stray quote?)",
            row=start,
        )
