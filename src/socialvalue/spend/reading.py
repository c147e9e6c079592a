"""Read a published spend file exactly, or refuse it loudly: :class:`SpendFile`.

:class:`SpendFile` takes the records of one file (its header first), already split
into fields by :func:`~socialvalue.spend.rows.csv_records` or by ``csv.reader``
through :func:`~socialvalue.spend.rows.numbered`, and:

1. recognises the layout from the header (:func:`~socialvalue.spend.layouts.recognise_layout`);
2. checks every row strictly (:func:`~socialvalue.spend.rows.check_fields`), reads
   its amount by the exact grammar (:mod:`~socialvalue.spend.amounts`) and its date
   by the layout's formats; a row that fails is *bad*, named by its physical line,
   column and value;
3. counts rows paid outside the period apart, then sorts the rest by payee
   (:mod:`~socialvalue.spend.payees`): withheld, set apart, or a supplier's;
4. keys each supplier by its id column, or by its normalised name
   (:mod:`~socialvalue.spend.names`), or, when asked, by VAT or Companies House
   number; every spelling of a name is kept;
5. yields the suppliers' payments as :class:`~socialvalue.spend.SpendLine` objects,
   one at a time, and reconciles every row (:meth:`SpendFile.reconciliation`).

It reads no file: the command line decodes text and opens zips.

>>> spend = SpendFile.from_lines([
...     "Supplier Name,Invoice Payment Date,Net Amount",
...     'Acme Ltd,01.05.2025,"£1,234.56"',
...     "ACME LIMITED,02.05.2025,-£34.56",
...     "Redacted Personal Information,03.05.2025,£500.00",
...     "Acme Ltd,04.05.2025,1,234.56",
... ], skip_bad_rows=True)
>>> spend.recognition.layout.id
'manchester'
>>> [(line.supplier_id, str(line.amount)) for line in spend]
[('acme', '£1,234.56'), ('acme', '-£34.56')]
>>> print(spend.bad_rows[0])
row 5: has 4 fields where the header has 3; the extra fields hold '234.56' ...
>>> spend.reconciliation().explanation
'4 rows read (£1,700.00): 2 assessed (£1,200.00), 1 withheld (£500.00), 0 set apart, ...'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

from socialvalue.periods import Period
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import Bad, Text, money_of, picker, remember, rows_of, spend_line
from socialvalue.spend._quoting import Row
from socialvalue.spend._row_amounts import RowAmounts
from socialvalue.spend._sorting import WITHHELD, Apart, BadKey, Entry, sorter_for
from socialvalue.spend.gm_layouts import LAYOUTS
from socialvalue.spend.layouts import Layout, Recognition, parse_date, recognise_layout
from socialvalue.spend.names import NameRules, SupplierKey
from socialvalue.spend.payees import PAYEE_RULES, PayeeRules
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.reconciliation import SUM_CONTEXT, Ledger, Reconciliation, _Apart
from socialvalue.spend.rows import (
    BadRow,
    Record,
    SpendFileError,
    csv_records,
    fields_misfit,
    shown,
)

__all__ = ["MAX_LISTED_BAD_ROWS", "SpendFile"]

#: Bad rows kept with their details; the rest are counted.
MAX_LISTED_BAD_ROWS: Final = 1_000
# Distinct date texts remembered (a year holds a few hundred; cleared when full).
_DAYS_CACHED: Final = 8_192
_CODE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
_NAME_RULES: Final = NameRules()
_NUMBERED: Final = (SupplierKey.SUPPLIER_ID, SupplierKey.VAT_NUMBER, SupplierKey.COMPANY_NUMBER)


def _blank(fields: Sequence[str]) -> bool:
    return not any(field.strip() for field in fields)


class SpendFile:
    """The records of one published spend file, read into spend lines: see the module.

    ``records`` are :class:`~socialvalue.spend.rows.Record` objects or ``(line,
    fields)`` pairs, the header first; :meth:`from_lines` parses lines of text.
    ``layouts`` are the layouts to recognise (the built-in ones by default; pass one
    to insist on it). ``vat_basis`` is the basis the lines are wanted on; the file
    must hold it, or let it be derived (net = gross − VAT). ``period`` is the period
    assessed, or a function giving it from the first payment date read (such as
    ``policy.period_for``); rows outside it are counted apart. ``payees`` decides
    who is withheld or set apart; ``include_apart=True`` assesses set-apart payees
    as suppliers. ``exclude_ids`` and ``exclude_names`` set more payees apart, by
    supplier id or by normalised name. ``key`` chooses what keys suppliers (by
    default the supplier id column when the file has one, else the name, normalised
    by ``names``). ``skip_bad_rows=False`` (the default) raises
    :class:`~socialvalue.spend.rows.SpendFileError` at the first bad row; ``True``
    counts and lists bad rows and reads on.

    The layout is recognised when the object is made, so an unknown layout fails
    before any row is read. A :class:`SpendFile` reads its records once.
    """

    def __init__(
        self,
        records: Iterable[Record | tuple[int, Sequence[str]]],
        *,
        layouts: Sequence[Layout] = LAYOUTS,
        vat_basis: VatBasis = VatBasis.NET,
        period: Period | Callable[[date], Period] | None = None,
        payees: PayeeRules = PAYEE_RULES,
        include_apart: bool = False,
        key: SupplierKey | None = None,
        names: NameRules = _NAME_RULES,
        exclude_ids: Iterable[str] = (),
        exclude_names: Iterable[str] = (),
        skip_bad_rows: bool = False,
    ) -> None:
        self._rows = records.rows() if isinstance(records, Text) else rows_of(records)
        header = next((r for r in self._rows if r[2] or not _blank(r[1])), None)
        if header is None:
            raise SpendFileError("spend_file.no_header", "the file is empty: it has no header row")
        if header[2] is not None:
            raise SpendFileError("spend_file.bad_quoting", header[2], row=header[0])
        self.recognition: Recognition = recognise_layout(header[1], layouts)
        self.vat_basis = vat_basis
        self.skip_bad_rows = skip_bad_rows
        self._period = period
        self._exclude_ids = frozenset(exclude_ids)
        self._exclude_names = frozenset(names.normalise(n) for n in exclude_names)
        # A header that ends in empty names (Manchester's, some months) has no
        # columns there: rows may have those fields empty, or not at all.
        named = self.recognition.header
        self._width = len(named)
        while self._width and not named[self._width - 1]:
            self._width -= 1
        self._header = named[: self._width]
        self._at = at = dict(self.recognition.positions)
        self._name_at, self._contract_at = at["supplier_name"], at.get("contract_id")
        self._amounts = RowAmounts(self.recognition, vat_basis)
        has_id = "supplier_id" in self._at
        self._key = key or (SupplierKey.SUPPLIER_ID if has_id else SupplierKey.NAME)
        if self._key in _NUMBERED and self._key.value not in self._at:
            layout = self.recognition.layout
            raise SpendFileError(
                "spend_file.missing_column",
                f"the file has no {self._key.value} column to key suppliers by (layout"
                f" {layout.id} names {', '.join(map(repr, layout.columns(self._key.value)))})",
                column=self._key.value,
            )
        numbered = self._key in (SupplierKey.VAT_NUMBER, SupplierKey.COMPANY_NUMBER)
        self._who_at = (
            at.get("supplier_id"),
            self._name_at,
            at.get("expense_type"),
            at.get(self._key.value) if numbered else None,
        )
        # The fields that decide a row's payee and amount, picked in one C call: the
        # keys of the caches that spare most rows any other work.
        self._who_pick = picker(self._who_at)
        self._started = self._finished = False
        self._read: Reconciliation | None = None
        self._ledger = Ledger(self.recognition.layout.amount_format.currency)
        self._bad_rows: list[BadRow] = []
        # Rows read of each supplier's (key, spelling), in the order first seen.
        self._spelled: dict[tuple[str, str], int] = {}
        # Payees set apart, by what the row names them with (each file tallies its own).
        self._apart: dict[Any, _Apart] = {}
        self._days: dict[str, date] = {}
        self._sorter = sorter_for(
            payees,
            names,
            self._key,
            include_apart,
            self._exclude_ids,
            self._exclude_names,
            tuple(i is not None for i in self._who_at),
        )

    @classmethod
    def from_lines(
        cls, lines: Iterable[str], *, multiline: bool = False, **options: Any
    ) -> SpendFile:
        """A :class:`SpendFile` of CSV text given line by line (see :func:`csv_records`).

        ``options`` are those of the constructor.
        """
        return cls(csv_records(lines, multiline=multiline), **options)

    @classmethod
    def _from_text(cls, lines: Iterable[str], **options: Any) -> SpendFile:
        """:meth:`from_lines` of a text file's lines, which are text by construction.

        The records are those of :func:`csv_records`, parsed one line at a time as
        the reader goes (:func:`~socialvalue.spend.rows.text_rows`), with no
        :class:`Record` made and no line's type checked again: the command line's way.
        """
        return cls(Text(lines), **options)

    # -- reading ----------------------------------------------------------------------

    def __iter__(self) -> Iterator[SpendLine]:
        if self._started:
            raise RuntimeError("a SpendFile reads its records once; make a new one")
        self._started = True
        return self._lines()

    def _sums(self) -> dict[tuple[str, str], list[Any]]:
        """Read every record, each supplier's lines summed instead of yielded.

        Returns ``[lines, total]`` by ``(key, spelling)``, as :meth:`supplier_spellings`
        counts them; the reconciliation, bad rows and spellings are those of
        iterating. Each total is summed as ``assess`` sums lines, from the first
        amount on (so a credit of ``-0.00`` alone stays ``-0.00``). The command
        line's way: an assessment wants each supplier's total and line count, and a
        :class:`SpendLine` made and summed for each of a million rows was a fifth of
        the run (``benchmarks/bench_cli_million.py``).
        """
        if self._started:
            raise RuntimeError("a SpendFile reads its records once; make a new one")
        self._started = True
        sums: dict[tuple[str, str], list[Any]] = {}
        next(self._lines(sums), None)  # yields nothing when summing: reads to the end
        return sums

    def _lines(self, sums: dict[tuple[str, str], list[Any]] | None = None) -> Iterator[SpendLine]:
        """Every record read, in one loop: the hot path of reading (see ``_hot``).

        A row is read in this order, and the first fault makes it bad: its quoting and
        number of fields, its amount, its date, whether it is in the period, its
        payee, its contract id. Amounts, dates and payees already read are taken
        from this file's caches; only new ones leave the loop. Given ``sums``, a
        supplier's line is added to its ``(key, spelling)`` sum there, not yielded.
        """
        ledger, width = self._ledger, self._width
        read, assessed, add = ledger.read, ledger.assessed, SUM_CONTEXT.add
        amounts, amount_pick, read_amount = (
            self._amounts.known,
            self._amounts.pick,
            self._amounts.reader,
        )
        days, day_at = self._days, self._at["paid_on"]
        payees, who_pick, spelled = self._sorter.entries, self._who_pick, self._spelled
        name_at, contract_at, basis = self._name_at, self._contract_at, self.vat_basis
        currency = ledger.currency
        start = end = None
        for row in self._rows:
            fields, amount = row[1], None
            try:
                if len(fields) != width or row[2] is not None:
                    # A row's trailing empty fields (some months of Manchester's and
                    # Salford's) fit at once; anything else is looked at closely.
                    trailing = len(fields) > width and row[2] is None
                    empty = trailing and not "".join(fields[width:]).strip()
                    if not empty and not self._fits(row):
                        continue
                if not fields[name_at].strip() and _blank(fields):
                    continue
                ledger.rows += 1
                picked = amount_pick(fields)
                amount = amounts.get(picked)
                if amount is None:
                    amount = read_amount(fields, picked)
                read.lines += 1
                read.total = add(read.total, amount)
                day = days.get(fields[day_at])
                if day is None:
                    day = self._day(fields)
                if start is None:
                    start, end = self._bounds(day)
                if day < start or day > end:  # type: ignore[operator]
                    ledger.outside_period.add(amount)
                    continue
                picked = who_pick(fields)
                who = payees.get(picked)
                if who is None:
                    who = self._who(fields, picked)
                if who.__class__ is tuple:  # a supplier: (key, spelling)
                    contract = self._contract(fields) if contract_at is not None else None
                    if sums is None:
                        spelled[who] = spelled.get(who, 0) + 1
                        assessed.lines += 1
                        assessed.total = add(assessed.total, amount)
                        yield spend_line(who[0], money_of(amount, currency), day, basis, contract)
                        continue
                    summed = sums.get(who)
                    if summed is None:
                        sums[who] = [1, amount]
                    else:
                        summed[0] += 1
                        summed[1] = add(summed[1], amount)
                elif who is WITHHELD:
                    ledger.withheld.add(amount)
                else:
                    self._aside(who, picked).add(amount)
            except Bad as bad:
                self._bad(row[0], bad, amount)
        if sums is not None:  # the tallies iterating keeps row by row
            for who, (lines, total) in sums.items():
                spelled[who] = lines
                assessed.lines += lines
                assessed.total = add(assessed.total, total)
        self._finished = True

    def _fits(self, row: Row) -> bool:
        """Whether a row of the wrong width is read (``False``: it is blank); else ``Bad``."""
        line, fields, problem = row
        if problem is not None:
            self._ledger.rows += 1
            raise Bad(None, "spend_file.bad_quoting", problem, None)
        wrong = fields_misfit(self._header, fields, line)
        if wrong is None:
            return True
        if _blank(fields):
            return False
        self._ledger.rows += 1
        raise Bad(None, wrong.code, wrong.message, wrong.value)

    def _bad(self, line: int, bad: Bad, amount: Decimal | None) -> None:
        """Count a bad row (its amount too, when it was read), or raise it."""
        row = BadRow(line, bad.column, bad.code, bad.message, bad.value)
        if not self.skip_bad_rows:
            raise row.error() from None
        ledger = self._ledger
        ledger.bad.lines += 1
        if amount is not None:
            ledger.bad.total = SUM_CONTEXT.add(ledger.bad.total, amount)
        if len(self._bad_rows) < MAX_LISTED_BAD_ROWS:
            self._bad_rows.append(row)

    def _bounds(self, day: date) -> tuple[date, date]:
        """The first and last day of the period (settled by ``day`` when given as a function)."""
        period = self._period
        if callable(period):
            period = self._period = period(day)
        return (date.min, date.max) if period is None else (period.start, period.end)

    def _text(self, fields: Sequence[str], role: str) -> str:
        index = self._at.get(role)
        return "" if index is None else fields[index]

    def _day(self, fields: Sequence[str]) -> date:
        at = self._at["paid_on"]
        text = fields[at]
        try:
            day = parse_date(text, self.recognition.layout.date_formats)
        except SpendFileError as exc:
            raise Bad(self.recognition.header[at], exc.code, exc.message, text) from None
        # A date is noted for the span the file covers when first read: the same
        # text is the same date, so rows that repeat it need not note it again.
        self._ledger.paid_on(day)
        remember(self._days, text, day, _DAYS_CACHED)
        return day

    def _contract(self, fields: Sequence[str]) -> str | None:
        text = self._text(fields, "contract_id").strip()
        if text and not _CODE.fullmatch(text):
            raise Bad(
                self.recognition.column("contract_id"),
                "spend_file.bad_id",
                f"a contract id is letters, digits and . _ : / -; got {shown(text)}",
                text,
            )
        return text or None

    def _who(self, fields: Sequence[str], picked: Any) -> Entry:
        """What a row's payee is (``picked`` its fields), sorted once for every file read alike."""
        sorter = self._sorter
        id_at, name_at, expense_at, number_at = self._who_at
        entry = sorter.entry(
            fields[name_at].strip(),
            "" if id_at is None else fields[id_at].strip(),
            "" if expense_at is None else fields[expense_at],
            "" if number_at is None else fields[number_at].strip(),
        )
        sorter.remember(picked, entry)
        return entry

    def _aside(self, entry: Entry, picked: Any) -> _Apart:
        """This file's tally of a payee set apart (``picked``, its fields); ``Bad`` if no key."""
        if isinstance(entry, BadKey):
            column = None if entry.role is None else self.recognition.column(entry.role)
            raise Bad(column, "spend_file.bad_id", entry.message, entry.value)
        assert isinstance(entry, Apart)
        tally = self._apart.get(picked)
        if tally is None:
            # Each way a file names the payee counts once for its spellings.
            tally = self._apart[picked] = self._ledger.apart(entry.rule, entry.normal)
            tally.spellings[entry.name] += 1
        return tally

    # -- what was read ----------------------------------------------------------------

    @property
    def bad_rows(self) -> tuple[BadRow, ...]:
        """The bad rows so far (at most :data:`MAX_LISTED_BAD_ROWS`; all are counted)."""
        return tuple(self._bad_rows)

    def reconciliation(self) -> Reconciliation:
        """Where every row read so far went (complete once iteration has finished)."""
        if self._read is not None:
            return self._read
        period = self._period if isinstance(self._period, Period) else None
        read = self._ledger.reconciliation(period)
        if self._finished:  # nothing changes any more: made once
            self._read = read
        return read

    def supplier_spellings(self) -> dict[str, tuple[str, ...]]:
        """Every spelling of each supplier's name, the most frequent first."""
        return {
            key: tuple(name for name, _ in Counter(names).most_common())
            for key, names in self._spellings().items()
        }

    def _spellings(self) -> dict[str, dict[str, int]]:
        """Each supplier's spellings and their rows, in the order first seen."""
        found: dict[str, dict[str, int]] = {}
        for (key, name), rows in self._spelled.items():
            found.setdefault(key, {})[name] = rows
        return found

    def supplier_names(self) -> dict[str, str]:
        """Each supplier's most frequent spelling (the first seen wins a tie)."""
        return {key: names[0] for key, names in self.supplier_spellings().items()}


def add_sums(
    totals: dict[str, Decimal], counts: dict[str, int], sums: dict[tuple[str, str], list[Any]]
) -> None:
    """Add a file's :meth:`SpendFile._sums` to ``totals`` and ``counts`` by supplier key.

    Summed from the first total on, as ``assess`` sums lines from the first.
    """
    add = SUM_CONTEXT.add
    for (key, _), (lines, total) in sums.items():
        if key in totals:
            totals[key] = add(totals[key], total)
            counts[key] += lines
        else:
            totals[key], counts[key] = total, lines
