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

from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.periods import Period
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._hot import (
    ID_CHECK,
    Facts,
    as_record,
    memo_for,
    money_of,
    picker,
    remember,
    spend_line,
)
from socialvalue.spend.gm_layouts import LAYOUTS
from socialvalue.spend.layouts import Layout, Recognition, parse_date, recognise_layout
from socialvalue.spend.names import NameRules, SupplierKey
from socialvalue.spend.payees import PAYEE_RULES, PayeeRules
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.reconciliation import SUM_CONTEXT, Ledger, Reconciliation
from socialvalue.spend.rows import BadRow, Record, SpendFileError, csv_records, fields_misfit, shown

__all__ = ["MAX_LISTED_BAD_ROWS", "SpendFile"]

#: Bad rows kept with their details; the rest are counted.
MAX_LISTED_BAD_ROWS: Final = 1_000
# Distinct amount and date texts remembered (a year holds tens of thousands of
# amounts, so the cache is cleared when full) and distinct payees (a few thousand).
_VALUES_CACHED: Final = 8_192
_PAYEES_CACHED: Final = 65_536
_CODE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")
_NAME_RULES: Final = NameRules()
_NUMBERED: Final = (SupplierKey.SUPPLIER_ID, SupplierKey.VAT_NUMBER, SupplierKey.COMPANY_NUMBER)
# What a payee is, once sorted: set apart (its running tally), withheld, a supplier
# (its key and spellings), or a problem that makes each of its rows bad.
_Who = Any


class _Bad(Exception):
    def __init__(self, column: str | None, code: str, message: str, value: str | None) -> None:
        super().__init__(message)
        self.column, self.code, self.message, self.value = column, code, message, value


_WITHHELD: Final = object()


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
        self._records: Iterator[Record | tuple[int, Sequence[str]]] = iter(records)
        header = next(
            (r for r in map(as_record, self._records) if r.problem or not _blank(r.fields)),
            None,
        )
        if header is None:
            raise SpendFileError("spend_file.no_header", "the file is empty: it has no header row")
        if header.problem is not None:
            raise SpendFileError("spend_file.bad_quoting", header.problem, row=header.line)
        self.recognition: Recognition = recognise_layout(header.fields, layouts)
        self.vat_basis = vat_basis
        self.skip_bad_rows = skip_bad_rows
        self._period = period
        self._payees, self._include_apart, self._name_rules = payees, include_apart, names
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
        self._places = self._amount_plan()
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
        self._amount_pick = picker(self._places)
        self._parse = self.recognition.layout.amount_format.parse
        present = [self.recognition.header[i] for i in self._places if i is not None]
        self._single = present[0] if len(present) == 1 else None
        self._started = False
        self._ledger = Ledger(self.recognition.layout.amount_format.currency)
        self._bad_rows: list[BadRow] = []
        self._names: dict[str, Counter[str]] = {}
        self._amounts: dict[Any, Money] = {}
        self._days: dict[str, date] = {}
        self._sorted: dict[Any, _Who] = {}
        self._memo = memo_for(payees, names, self._key, self.recognition)

    @classmethod
    def from_lines(
        cls, lines: Iterable[str], *, multiline: bool = False, **options: Any
    ) -> SpendFile:
        """A :class:`SpendFile` of CSV text given line by line (see :func:`csv_records`).

        ``options`` are those of the constructor.
        """
        return cls(csv_records(lines, multiline=multiline), **options)

    def _amount_plan(self) -> tuple[int | None, int | None, int | None]:
        """Where the net, gross and VAT amounts are, as far as this basis needs them."""
        net, gross, vat = (self._at.get(role) for role in ("net", "gross", "vat"))
        wanted = net if self.vat_basis is VatBasis.NET else gross
        if wanted is None and vat is None:
            have = "net" if self.vat_basis is VatBasis.GROSS else "gross"
            raise SpendFileError(
                "spend_file.vat_mismatch",
                f"the file's amounts are {have} of VAT with no VAT column, and amounts"
                f" {self.vat_basis.value} of VAT were asked for; state the basis to read",
            )
        return net, gross, vat

    # -- reading ----------------------------------------------------------------------

    def __iter__(self) -> Iterator[SpendLine]:
        if self._started:
            raise RuntimeError("a SpendFile reads its records once; make a new one")
        self._started = True
        return self._lines()

    def _lines(self) -> Iterator[SpendLine]:
        for given in self._records:
            # Records from csv_records are Records already: no conversion, no
            # generator between (pairs are converted here).
            record = given if given.__class__ is Record else as_record(given)
            try:
                line = self._line(record)
            except _Bad as bad:
                row = BadRow(record.line, bad.column, bad.code, bad.message, bad.value)
                if not self.skip_bad_rows:
                    raise row.error() from None
                self._ledger.bad.lines += 1
                if len(self._bad_rows) < MAX_LISTED_BAD_ROWS:
                    self._bad_rows.append(row)
                continue
            if line is not None:
                yield line

    def _line(self, record: Record) -> SpendLine | None:
        """The spend line of one record, or ``None`` when it is blank or kept apart."""
        fields, ledger = record.fields, self._ledger
        if record.problem is not None:
            ledger.rows += 1
            raise _Bad(None, "spend_file.bad_quoting", record.problem, None)
        if len(fields) != self._width:
            if _blank(fields):
                return None
            wrong = fields_misfit(self._header, fields, record.line)
            if wrong is not None:
                ledger.rows += 1
                raise _Bad(None, wrong.code, wrong.message, wrong.value)
        if not fields[self._name_at].strip() and _blank(fields):
            return None
        ledger.rows += 1
        money = self._amount(fields)
        ledger.read.add(money.amount)
        try:
            return self._place(fields, money, self._day(fields))
        except _Bad:
            ledger.bad.total = SUM_CONTEXT.add(ledger.bad.total, money.amount)
            raise

    def _place(self, fields: Sequence[str], money: Money, day: date) -> SpendLine | None:
        ledger, amount = self._ledger, money.amount
        period = self._period
        if callable(period):
            period = self._period = period(day)
        if period is not None and not period.start <= day <= period.end:
            ledger.outside_period.add(amount)
            return None
        who = self._who(fields)
        if who is _WITHHELD:
            ledger.withheld.add(amount)
            return None
        if not isinstance(who, tuple):
            who.add(amount)
            return None
        key, spellings = who
        contract = self._contract(fields) if self._contract_at is not None else None
        spellings[fields[self._name_at].strip()] += 1
        ledger.assessed.add(amount)
        return spend_line(key, money, day, self.vat_basis, contract)

    def _text(self, fields: Sequence[str], role: str) -> str:
        index = self._at.get(role)
        return "" if index is None else fields[index]

    def _amount(self, fields: Sequence[str]) -> Money:
        picked = self._amount_pick(fields)
        cached = self._amounts.get(picked)
        if cached is not None:
            return cached
        if self._single is not None:  # one amount column (net, or gross): read as is
            try:
                money = money_of(self._parse(picked), self._ledger.currency)
            except SpendFileError as exc:
                raise _Bad(self._single, exc.code, exc.message, picked) from None
            remember(self._amounts, picked, money, _VALUES_CACHED)
            return money
        places = self._places
        texts = tuple("" if i is None else fields[i] for i in places)
        parse, header = self.recognition.layout.amount_format.parse, self.recognition.header
        values: list[Decimal | None] = []
        for index, text in zip(places, texts, strict=True):
            try:
                values.append(None if index is None else parse(text))
            except SpendFileError as exc:
                raise _Bad(header[index], exc.code, exc.message, text) from None  # type: ignore[index]
        net, gross, vat = values
        checked = net is not None and gross is not None and vat is not None
        if checked and SUM_CONTEXT.subtract(gross, vat) != net:  # type: ignore[arg-type]
            raise _Bad(
                header[places[0]],  # type: ignore[index]
                "spend_file.amounts_disagree",
                f"gross {gross} less VAT {vat} is not the net amount {net}",
                texts[0],
            )
        if self.vat_basis is VatBasis.NET:
            amount = net if net is not None else SUM_CONTEXT.subtract(gross, vat)  # type: ignore[arg-type]
        else:
            amount = gross if gross is not None else SUM_CONTEXT.add(net, vat)  # type: ignore[arg-type]
        if amount is net or amount is gross:  # as read, so within the grammar's bounds
            money = money_of(amount, self._ledger.currency)
        else:  # net = gross - VAT, or gross = net + VAT: checked as any amount
            money = Money(amount, self._ledger.currency)
        remember(self._amounts, picked, money, _VALUES_CACHED)
        return money

    def _day(self, fields: Sequence[str]) -> date:
        at = self._at["paid_on"]
        text = fields[at]
        cached = self._days.get(text)
        if cached is not None:
            return cached
        try:
            day = parse_date(text, self.recognition.layout.date_formats)
        except SpendFileError as exc:
            raise _Bad(self.recognition.header[at], exc.code, exc.message, text) from None
        # A date is noted for the span the file covers when first read: the same
        # text is the same date, so rows that repeat it need not note it again.
        self._ledger.paid_on(day)
        remember(self._days, text, day, _VALUES_CACHED)
        return day

    def _contract(self, fields: Sequence[str]) -> str | None:
        text = self._text(fields, "contract_id").strip()
        if text and not _CODE.fullmatch(text):
            raise _Bad(
                self.recognition.column("contract_id"),
                "spend_file.bad_id",
                f"a contract id is letters, digits and . _ : / -; got {shown(text)}",
                text,
            )
        return text or None

    def _who(self, fields: Sequence[str]) -> _Who:
        """A row's payee, sorted once per distinct (id, name, expense type, number)."""
        cache_key = self._who_pick(fields)
        who = self._sorted.get(cache_key)
        if who is None:
            raw_id, name, expense, number = ("" if i is None else fields[i] for i in self._who_at)
            who = self._sort(name.strip(), raw_id.strip(), expense, number.strip())
            remember(self._sorted, cache_key, who, _PAYEES_CACHED)
        if isinstance(who, _Bad):
            raise _Bad(who.column, who.code, who.message, who.value)
        return who

    def _sort(self, name: str, raw_id: str, expense: str, number: str) -> _Who:
        withheld, rule, key = self._facts(name, raw_id, expense, number)
        if withheld:
            return _WITHHELD
        # The normalised name is wanted only to exclude by name and to tally a payee
        # set apart; a supplier keyed by name is normalised in its key already.
        normal = self._name_rules.normalise(name) if self._exclude_names or rule else ""
        if raw_id in self._exclude_ids or (normal and normal in self._exclude_names):
            rule = "excluded"
        elif self._include_apart:
            rule = None
        if rule is not None:
            normal = normal or self._name_rules.normalise(name)
            apart = self._ledger.apart(rule, normal)
            apart.spellings[name] += 1
            return apart
        if isinstance(key, _Bad):
            return key
        spellings = self._names.get(key)
        if spellings is None:
            try:
                ID_CHECK.check(key)
            except RuleViolation as exc:  # pragma: no cover - every key is made an id
                return _Bad(None, "spend_file.bad_id", exc.message, key)
            spellings = self._names[key] = Counter()
        return key, spellings

    def _facts(self, name: str, raw_id: str, expense: str, number: str) -> Facts:
        """What the rules say of a payee, whatever the file: remembered for every file."""
        memo = self._memo
        found = memo.get((name, raw_id, expense, number))
        if found is not None:
            return found
        rule = self._payees.rule_for(name, expense or None)
        try:
            key: str | _Bad = self._key.key(
                name,
                supplier_id=raw_id,
                vat_number=number,
                company_number=number,
                rules=self._name_rules,
            )
        except ValueError as exc:
            if self._key is SupplierKey.SUPPLIER_ID:
                role, value = "supplier_id", raw_id
            else:
                role, value = (self._key.value, number) if number else ("supplier_name", name)
            key = _Bad(self.recognition.column(role), "spend_file.bad_id", str(exc), value)
        facts = (self._payees.is_withheld(name, raw_id), None if rule is None else rule.id, key)
        remember(memo, (name, raw_id, expense, number), facts, _PAYEES_CACHED)
        return facts

    # -- what was read ----------------------------------------------------------------

    @property
    def bad_rows(self) -> tuple[BadRow, ...]:
        """The bad rows so far (at most :data:`MAX_LISTED_BAD_ROWS`; all are counted)."""
        return tuple(self._bad_rows)

    def reconciliation(self) -> Reconciliation:
        """Where every row read so far went (complete once iteration has finished)."""
        period = self._period if isinstance(self._period, Period) else None
        return self._ledger.reconciliation(period)

    def supplier_spellings(self) -> dict[str, tuple[str, ...]]:
        """Every spelling of each supplier's name, the most frequent first."""
        return {
            key: tuple(name for name, _ in names.most_common())
            for key, names in self._names.items()
            if names
        }

    def supplier_names(self) -> dict[str, str]:
        """Each supplier's most frequent spelling (the first seen wins a tie)."""
        return {key: names[0] for key, names in self.supplier_spellings().items()}
