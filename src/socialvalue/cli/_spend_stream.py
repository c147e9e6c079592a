"""The spend lines of a body's files, read as one stream: shared by ``assess`` and ``report``.

Each CSV (a file, a zip member, a file in a folder) is opened on its own
(:mod:`socialvalue.cli._spend_files`), its layout recognised and its rows numbered
from its own first line by :class:`~socialvalue.spend.reading.SpendFile`, so a
message names the file and its own line; every file after the first is read in the
period the first one settled. The same content given twice is refused. What each
file came to is kept (:attr:`SpendStream.files`), so the summary can name every file.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Final, TextIO

import attrs

from socialvalue.cli._input import DataError
from socialvalue.cli._render import FileRead
from socialvalue.cli._spend_files import (
    Limits,
    SeenFiles,
    open_source,
    spend_sources,
)
from socialvalue.periods import Period
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.assessment_rules import _mismatch
from socialvalue.spend.gm_layouts import LAYOUTS
from socialvalue.spend.layouts import Layout
from socialvalue.spend.names import SupplierKey
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.reading import SpendFile, add_sums
from socialvalue.spend.reconciliation import Reconciliation
from socialvalue.spend.rows import BadRow, SpendFileError

__all__ = ["SpendStream"]

DEFAULT_LIMITS: Final = Limits()


class SpendStream:
    """The spend lines of every CSV in ``names`` (files, folders, zips, ``-``), as one body's.

    ``period`` is the period read, or a function giving it from the first payment
    date (``policy.period_for``). The other options are those of
    :class:`~socialvalue.spend.reading.SpendFile`; ``encoding`` is ``--encoding``;
    ``hint`` gives what a command's options could do about a spend file's error.
    """

    def __init__(
        self,
        names: Sequence[str],
        stdin: TextIO,
        *,
        vat_basis: VatBasis,
        period: Period | Callable[[date], Period],
        layouts: Sequence[Layout] = LAYOUTS,
        key: SupplierKey | None = None,
        include_apart: bool = False,
        exclude_ids: Iterable[str] = (),
        exclude_names: Iterable[str] = (),
        skip_bad_rows: bool = False,
        encoding: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
        hint: Callable[[SpendFileError], str] = lambda exc: "",
    ) -> None:
        self.sources = list(spend_sources(names, stdin))
        self.vat_basis, self._period = vat_basis, period
        self._options = {
            "layouts": layouts,
            "key": key,
            "include_apart": include_apart,
            "exclude_ids": tuple(exclude_ids),
            "exclude_names": tuple(exclude_names),
            "skip_bad_rows": skip_bad_rows,
        }
        self.encoding, self.limits, self._hint = encoding, limits, hint
        self.files: list[FileRead] = []
        self.bad_rows: list[tuple[str, BadRow]] = []
        self._spends: list[SpendFile] = []

    def __iter__(self) -> Iterator[SpendLine]:
        return self._read(None)

    def sums(self, currency: str) -> tuple[dict[str, Decimal], dict[str, int]]:
        """Each supplier's total and line count in every file, read without a line made.

        What :func:`~socialvalue.spend.assessment_rules.assess` would sum from the lines;
        a file whose amounts are not in ``currency`` is refused as ``assess`` refuses
        its first line. Read once, as iterating is.
        """
        totals: dict[str, Decimal] = {}
        counts: dict[str, int] = {}

        def summed(spend: SpendFile) -> None:
            if spend.recognition.layout.amount_format.currency != currency:
                for line in spend:  # its first line, refused as assess refuses it
                    raise _mismatch(sum(counts.values()), line, currency, self.vat_basis)
                return
            add_sums(totals, counts, spend._sums())

        next(self._read(summed), None)  # yields nothing when summing: reads to the end
        return totals, counts

    def _read(self, summed: Callable[[SpendFile], None] | None) -> Iterator[SpendLine]:
        """Every file read in turn: its lines yielded, or given to ``summed``."""
        seen = SeenFiles()
        hashing = len(self.sources) > 1
        for source in self.sources:
            opened = open_source(source, self.limits, self.encoding, hashing=hashing)
            name = source.name
            try:
                # A text stream's lines are text: no line is checked again.
                spend = SpendFile._from_text(
                    opened.text,
                    vat_basis=self.vat_basis,
                    period=self._period,
                    **self._options,
                )
                self._spends.append(spend)
                if summed is None:
                    yield from spend
                else:
                    summed(spend)
            except SpendFileError as exc:
                raise DataError(f"{name}: {exc}{self._hint(exc)}") from None
            finally:
                opened.text.close()
            if hashing:
                seen.check(name, opened.bytes.digest)
            encoding = opened.bytes.encoding
            read = spend.reconciliation()
            self.files.append(FileRead(name, spend.recognition, encoding, read))
            self.bad_rows.extend((name, bad) for bad in spend.bad_rows)
            if read.period is not None:
                self._period = read.period

    def period(self) -> Period | None:
        """The period being read: given, or settled by the first payment date read."""
        if isinstance(self._period, Period):
            return self._period
        settled = [s.reconciliation().period for s in self._spends]
        return next((p for p in settled if p is not None), None)

    def reconciliation(self) -> Reconciliation:
        """Where every row of every file went, added up."""
        period = self.period()
        parts = [attrs.evolve(s.reconciliation(), period=period) for s in self._spends]
        return functools.reduce(operator.add, parts)

    def supplier_spellings(self) -> dict[str, tuple[str, ...]]:
        """Every spelling of each supplier's name in all files, the first file's commonest first."""
        spellings: dict[str, tuple[str, ...]] = {}
        for spend in self._spends:
            for key, names in spend.supplier_spellings().items():
                known = spellings.get(key, ())
                spellings[key] = known + tuple(n for n in names if n not in known)
        return spellings
