"""A row's money, read from its amount column or columns (private to the spend readers).

A file writes each payment's amount once (net, or gross), or three times (gross, VAT
and net, as Salford does), and the reader wants it on one VAT basis.
:class:`RowAmounts` says which columns it reads, reads a row's amounts by the exact
grammar (:func:`~socialvalue.spend.amounts.amount_reader`), checks that gross less
VAT is the net amount to the penny, and remembers what it read: a year holds tens
of thousands of distinct amounts, and twelve monthly files in one format share them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final

from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import Bad, picker, shared
from socialvalue.spend.amounts import amount_reader
from socialvalue.spend.layouts import Recognition
from socialvalue.spend.reconciliation import SUM_CONTEXT
from socialvalue.spend.rows import SpendFileError

__all__ = ["RowAmounts"]

# Amounts remembered (by their text, or texts), cleared when full: Trafford's year
# writes 36,137 distinct amounts, so its memo is cleared once. A year of a million
# lines is mostly distinct amounts, which a larger memo holds (~0.25 kB each) for few
# hits: 65,536 of them were 16 MB of a 50,000-supplier run's resident memory.
_REMEMBERED: Final = 32_768


class RowAmounts:
    """How a file's rows give their money, on ``vat_basis``: see the module.

    ``known`` maps what :attr:`pick` takes from a row to its amount, a plain
    ``Decimal`` in the layout's currency (readers look there first); :attr:`reader`
    reads a row whose amounts were not known. A reader makes :class:`Money` only
    for a line it yields: the command line sums amounts and makes none.
    """

    __slots__ = (
        "_basis",
        "_currency",
        "_header",
        "_places",
        "_read",
        "_single",
        "_values",
        "known",
        "pick",
        "reader",
    )

    def __init__(self, recognition: Recognition, vat_basis: VatBasis) -> None:
        self._places = _plan(recognition, vat_basis)
        self._header, self._basis = recognition.header, vat_basis
        present = [self._header[i] for i in self._places if i is not None]
        self._single = present[0] if len(present) == 1 else None
        amounts = recognition.layout.amount_format
        self._currency, self._read = amounts.currency, amount_reader(amounts)
        self.pick = picker(self._places)
        # The amount of one column's text is the same in every file in this format;
        # with three columns, it depends on the basis and on which are there.
        self._values: dict[str, Decimal] = shared(("values", amounts))
        if self._single is not None:
            self.known: dict[Any, Decimal] = self._values
        else:
            self.known = shared(("amounts", amounts, vat_basis, *(i is None for i in self._places)))
        #: The amount of a row whose amounts (what :attr:`pick` took) were not read
        #: before, remembered in :attr:`known`; ``Bad`` if they cannot be read.
        self.reader = self._columns() if self._single is None else self._one_column()

    def _one_column(self) -> Callable[[Sequence[str], Any], Decimal]:
        """:attr:`reader` for a file with one amount column (net, or gross), as one closure.

        Manchester's year has 19,266 distinct amounts in 34,155 rows; each new one
        was three calls deep (the method, the grammar, the memo).
        """
        parse, known, column = self._read, self.known, self._single

        def read(fields: Sequence[str], picked: str) -> Decimal:
            try:
                amount = parse(picked)
            except SpendFileError as exc:
                raise Bad(column, exc.code, exc.message, picked) from None
            if len(known) >= _REMEMBERED:
                known.clear()
            known[picked] = amount
            return amount

        return read

    def _columns(self) -> Callable[[Sequence[str], Any], Decimal]:
        """:attr:`reader` for a file with net, gross and VAT columns, as one closure.

        Salford's year has 10,656 distinct triples of 18,844 distinct texts: each
        column's text is looked up inline and read when new, and gross less VAT is
        checked against the net amount to the penny. What is read is within
        :class:`Money`'s bounds: the grammar's, or checked.
        """
        net_at, gross_at, vat_at = self._places
        header, values, known, parse = self._header, self._values, self.known, self._read
        subtract, add = SUM_CONTEXT.subtract, SUM_CONTEXT.add
        net_basis, currency = self._basis is VatBasis.NET, self._currency

        def value(text: str, at: int) -> Decimal:
            try:
                amount = parse(text)
            except SpendFileError as exc:
                raise Bad(header[at], exc.code, exc.message, text) from None
            if len(values) >= _REMEMBERED:
                values.clear()
            values[text] = amount
            return amount

        def read(fields: Sequence[str], picked: Any) -> Decimal:
            net = gross = vat = None
            if net_at is not None:
                text = fields[net_at]
                net = values.get(text)
                if net is None:
                    net = value(text, net_at)
            if gross_at is not None:
                text = fields[gross_at]
                gross = values.get(text)
                if gross is None:
                    gross = value(text, gross_at)
            if vat_at is not None:
                text = fields[vat_at]
                vat = values.get(text)
                if vat is None:
                    vat = value(text, vat_at)
            if net is not None and gross is not None and vat is not None:
                if subtract(gross, vat) != net:
                    raise Bad(
                        header[net_at],  # type: ignore[index]
                        "spend_file.amounts_disagree",
                        f"gross {gross} less VAT {vat} is not the net amount {net}",
                        fields[net_at],  # type: ignore[index]
                    )
                amount = net if net_basis else gross
            elif net_basis:
                amount = net if net is not None else subtract(gross, vat)  # type: ignore[arg-type]
            else:
                amount = gross if gross is not None else add(net, vat)  # type: ignore[arg-type]
            if amount is not net and amount is not gross:
                # net = gross - VAT, or gross = net + VAT: checked as any amount is.
                Money(amount, currency)
            if len(known) >= _REMEMBERED:
                known.clear()
            known[picked] = amount
            return amount

        return read


def _plan(recognition: Recognition, basis: VatBasis) -> tuple[int | None, int | None, int | None]:
    """Where the net, gross and VAT amounts are, as far as ``basis`` needs them."""
    net, gross, vat = (recognition.index(role) for role in ("net", "gross", "vat"))
    wanted = net if basis is VatBasis.NET else gross
    if wanted is None and vat is None:
        have = "net" if basis is VatBasis.GROSS else "gross"
        raise SpendFileError(
            "spend_file.vat_mismatch",
            f"the file's amounts are {have} of VAT with no VAT column, and amounts"
            f" {basis.value} of VAT were asked for; state the basis to read",
        )
    return net, gross, vat
