"""The reading path's fast pieces: memos, cache keys and values built without checking twice.

:class:`~socialvalue.spend.reading.SpendFile` reads hundreds of thousands of rows a
year; what is here keeps the work per row to what that row needs (issue 14's
benchmark, ``benchmarks/bench_spend_files.py``). Each piece says what it spares and
why that is safe.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

from socialvalue._typed import filler
from socialvalue.money import Money
from socialvalue.spend._quoting import Row, text_rows
from socialvalue.spend._sorting import forget as forget_payees
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.rows import Record

__all__ = [
    "MEMOS",
    "Bad",
    "Text",
    "as_record",
    "forget",
    "money_of",
    "picker",
    "remember",
    "rows_of",
    "shared",
    "spend_line",
]


# Amounts read, by the format they were read in, kept between files: a year
# published as twelve monthly files reads an amount written in several once.
MEMOS: Final[dict[Any, dict[Any, Any]]] = {}
_MEMOS_KEPT: Final = 16


def shared(ident: Any) -> dict[Any, Any]:
    """The memo kept between readings under ``ident`` (a few are kept)."""
    found = MEMOS.get(ident)
    if found is None:
        if len(MEMOS) >= _MEMOS_KEPT:
            MEMOS.clear()
        found = MEMOS[ident] = {}
    return found


def forget() -> None:
    """Empty every memo kept between readings, so that the next one starts cold.

    For benchmarks, which start each run cold as a command-line run starts; and for
    the command line once its files are read, so that what it remembered for them
    (tens of thousands of payees and amounts) is free for its output. Each memo is
    emptied, not only let go: a reader still holds the ones it read with.
    """
    for memo in MEMOS.values():
        memo.clear()
    MEMOS.clear()
    forget_payees()


class Bad(Exception):
    """A bad row's column, code, message and value, raised inside a reader's loop."""

    def __init__(self, column: str | None, code: str, message: str, value: str | None) -> None:
        super().__init__(message)
        self.column, self.code, self.message, self.value = column, code, message, value


def rows_of(records: Iterable[Record | tuple[int, Sequence[str]]]) -> Iterator[Row]:
    """Records (or ``(line, fields)`` pairs) as the ``(line, fields, problem)`` a reader reads."""
    for given in records:
        # Records from csv_records are Records already (pairs are converted here).
        record = given if given.__class__ is Record else as_record(given)
        yield record.line, record.fields, record.problem


class Text:
    """Lines of CSV text from a file, read by :func:`text_rows` (see ``SpendFile._from_text``).

    Iterated, its records are those of :func:`~socialvalue.spend.rows.csv_records`;
    a reader reads its :meth:`rows` instead, with no :class:`Record` made.
    """

    __slots__ = ("_lines",)

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines

    def __iter__(self) -> Iterator[Record]:
        for line, fields, problem in self.rows():
            yield Record(line, tuple(fields), problem)

    def rows(self) -> Iterator[Row]:
        """The records as ``(line, fields, problem)``."""
        return text_rows(self._lines)


def remember(cache: dict[Any, Any], key: Any, value: Any, size: int) -> None:
    if len(cache) >= size:
        cache.clear()
    cache[key] = value


#: A :class:`SpendLine` of values already checked here (``supplier_id, amount,
#: paid_on, vat_basis, contract_id``), without checking them again. Each key is
#: checked as a :class:`SpendLine` id once, when its payee is first sorted; amounts,
#: dates and contract ids as they are read. Checking the five fields' types again on
#: each of a year's lines was a fifth of the reading time.
spend_line: Final[Callable[..., SpendLine]] = filler(SpendLine)
#: :class:`Money` of an amount read by the amount grammar, in the layout's currency.
#: The grammar admits at most 15 integer digits and 6 places, inside Money's own
#: bounds, and the layout's currency was checked when it was made: checking both
#: again on each of a year's distinct amounts cost a tenth of the reading time.
money_of: Final[Callable[..., Money]] = filler(Money)


def picker(indices: Sequence[int | None]) -> Callable[[Sequence[str]], Any]:
    """A function picking the fields at ``indices`` that exist (a value, or a tuple of them)."""
    present = [i for i in indices if i is not None]
    if not present:
        return lambda fields: ()
    return operator.itemgetter(*present)


def as_record(given: Record | tuple[int, Sequence[str]]) -> Record:
    return given if isinstance(given, Record) else Record(given[0], tuple(given[1]))
