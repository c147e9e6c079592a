"""Councils' published spend files, read as :class:`~socialvalue.spend.SpendLine` objects.

English local authorities publish every payment over £500 under the Local
Government Transparency Code 2015, one CSV a month or a year, with columns such as
``BeneficiaryName``, ``BeneficiaryOtherID``, ``PaymentDate`` and ``Amount`` (net of
recoverable VAT; negative for credit notes). :class:`SpendFileReader` turns the rows
of such a file into spend lines, ready for :func:`socialvalue.assess`:

- rows are plain mappings (column name → text), so ``csv.DictReader`` works as it
  is; this module reads no file itself;
- the Transparency Code's column names work with no options; :class:`Columns` maps
  another layout;
- lines are grouped by the supplier id column when there is one (a name is spelled
  several ways), and :meth:`SpendFileReader.supplier_names` gives each id its most
  frequent name;
- lines whose beneficiary is withheld (``Redacted``) are counted apart and never
  become a supplier's spend; so are beneficiaries excluded by id or name (other
  public bodies, tax, pensions);
- a missing column or a bad row raises :class:`SpendFileError` naming the column or
  the row number, unless ``skip_bad_rows`` asks to count and list bad rows instead;
- it streams: lines are produced one at a time and memory grows with the number of
  suppliers, not of rows.

It reads rows as mappings, for ``csv.DictReader``; a row with more non-empty fields
than the header (an unquoted ``1,234.56``) is a bad row, and amounts follow the
grammar of :mod:`~socialvalue.spend.amounts`. For whole files in any known layout,
with strict rows, payee rules and a reconciliation, use its successor
:class:`~socialvalue.spend.reading.SpendFile`; :meth:`Columns.to_layout` turns a
column mapping into a layout for it.

>>> rows = [
...     {"BeneficiaryName": "Acme Ltd", "BeneficiaryOtherID": "100234",
...      "PaymentDate": "2025-05-01", "Amount": "30000.00"},
...     {"BeneficiaryName": "Redacted", "BeneficiaryOtherID": "Redacted",
...      "PaymentDate": "2025-05-02", "Amount": "812.40"},
...     {"BeneficiaryName": "ACME LIMITED", "BeneficiaryOtherID": "100234",
...      "PaymentDate": "2025-06-01", "Amount": "-500.00"},
... ]
>>> reader = SpendFileReader(rows)
>>> [(line.supplier_id, str(line.amount)) for line in reader]
[('100234', '£30,000.00'), ('100234', '-£500.00')]
>>> reader.summary().redacted.lines, reader.supplier_names()["100234"]
(1, 'Acme Ltd')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import library_context_methods
from socialvalue._records import html_grid, html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.amounts import AmountFormat
from socialvalue.spend.assessment import AssessmentResult
from socialvalue.spend.layouts import DateFormat, Layout, parse_date
from socialvalue.spend.payees import REDACTION_MARKERS
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.reconciliation import SUM_CONTEXT as _SUM
from socialvalue.spend.reconciliation import Tally
from socialvalue.spend.rows import BadRow, SpendFileError

__all__ = [
    "BadRow",
    "Columns",
    "DateFormat",
    "SpendFileError",
    "SpendFileReader",
    "SpendFileSummary",
    "TRANSPARENCY_CODE",
    "Tally",
    "check_vat_basis",
    "name_key",
    "with_names",
]

#: Bad rows kept with their details when ``skip_bad_rows`` is on; the rest are counted.
MAX_LISTED_BAD_ROWS: Final = 1_000
#: Beneficiary names or ids that mean "withheld" (compared ignoring case and spacing).
REDACTED_MARKERS: Final = frozenset(" ".join(m.split()).casefold() for m in REDACTION_MARKERS)

_CACHE_SIZE: Final = 8_192
# csv.DictReader files the fields beyond the header under this key (its restkey).
_RESTKEY: Final[Any] = None
# The grammar of socialvalue.spend.amounts, with as many places as Money takes.
_AMOUNTS: Final = AmountFormat(max_places=6)
_NOT_CODE: Final = re.compile(r"[^a-z0-9]+")
_CODE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}")


@attrs.frozen(field_transformer=typed_fields)
class Columns:
    """Which column of a spend file holds what.

    The defaults are the Local Government Transparency Code's column names.
    ``supplier_id=None`` groups lines by the beneficiary's name instead (see
    :func:`name_key`); ``contract_id`` names an optional column of contract ids.

    >>> Columns(supplier_id="Vendor ID", supplier_name="Vendor", paid_on="Date",
    ...         amount="Net Amount", date_format=DateFormat.UK).required
    ('Vendor ID', 'Vendor', 'Date', 'Net Amount')
    """

    supplier_id: str | None = "BeneficiaryOtherID"
    supplier_name: str = "BeneficiaryName"
    paid_on: str = "PaymentDate"
    amount: str = "Amount"
    contract_id: str | None = None
    date_format: DateFormat = DateFormat.ISO

    @property
    def required(self) -> tuple[str, ...]:
        """The columns a file must have, in the order above."""
        named = (self.supplier_id, self.supplier_name, self.paid_on, self.amount)
        return tuple(c for c in (*named, self.contract_id) if c is not None)

    def to_layout(self) -> Layout:
        """These columns as a :class:`~socialvalue.spend.layouts.Layout` (net amounts).

        >>> TRANSPARENCY_CODE.to_layout().supplier_id
        ('BeneficiaryOtherID',)
        """
        return Layout(
            id="columns",
            name="Columns named one by one",
            supplier_name=(self.supplier_name,),
            paid_on=(self.paid_on,),
            net=(self.amount,),
            supplier_id=() if self.supplier_id is None else (self.supplier_id,),
            contract_id=() if self.contract_id is None else (self.contract_id,),
            date_formats=(self.date_format,),
        )

    @typed_arguments
    def check_header(self, header: Iterable[str]) -> None:
        """Raise :class:`SpendFileError` naming the first required column not in ``header``."""
        present = list(header)
        fields = (
            ("supplier_id", self.supplier_id),
            ("supplier_name", self.supplier_name),
            ("paid_on", self.paid_on),
            ("amount", self.amount),
            ("contract_id", self.contract_id),
        )
        for field, column in fields:
            if column is not None and column not in present:
                shown = ", ".join(present[:30]) or "none"
                raise SpendFileError(
                    "spend_file.missing_column",
                    f"the file has no {column!r} column (its columns: {shown});"
                    f" name the right column with Columns({field}=...)",
                    column=column,
                )


#: The Local Government Transparency Code's own layout: the default.
TRANSPARENCY_CODE: Final = Columns()


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class SpendFileSummary:
    """What a reader saw: rows read, lines produced, and the rows kept apart.

    ``excluded`` maps each exclusion that matched (an id or a name, as given) to its
    tally; ``bad_rows`` lists at most :data:`MAX_LISTED_BAD_ROWS` of ``bad_row_count``.
    """

    rows: int
    lines: Tally
    redacted: Tally
    excluded: tuple[tuple[str, Tally], ...]
    bad_row_count: int
    bad_rows: tuple[BadRow, ...]
    vat_basis: VatBasis

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per group of rows (lines, redacted, each exclusion, bad rows).

        Each gives ``group``, ``key`` (the exclusion as given, else ``""``), ``lines``
        and ``total`` (a ``Decimal``; ``None`` for bad rows, which have no amount).
        """
        currency = self.lines.total.currency
        groups = [
            ("lines", "", self.lines),
            ("redacted", "", self.redacted),
            *(("excluded", key, tally) for key, tally in self.excluded),
        ]
        records: list[dict[str, object]] = [
            {
                "group": group,
                "key": key,
                "lines": tally.lines,
                "total": tally.total.amount,
                "currency": currency,
            }
            for group, key, tally in groups
        ]
        records.append(
            {
                "group": "bad_rows",
                "key": "",
                "lines": self.bad_row_count,
                "total": None,
                "currency": currency,
            }
        )
        return records

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        caption = (
            f"{self.rows:,} rows read, amounts {self.vat_basis.value} of VAT;"
            f" {self.bad_row_count:,} bad"
        )
        table = html_table(self.to_records(), caption=caption)
        if not self.bad_rows:
            return table
        listed = html_grid(
            ["row", "column", "code", "problem"],
            ((bad.row, bad.column, bad.code, bad.message) for bad in self.bad_rows),
        )
        return table + listed


def name_key(name: str) -> str:
    """A supplier id made from a name, for files without an id column.

    Letters and digits are kept (case-folded), anything else becomes one ``-``, so
    ``"The Toy House"`` and ``"THE TOY HOUSE."`` share the key ``the-toy-house``.

    >>> name_key("The Toy House Ltd.")
    'the-toy-house-ltd'
    """
    key = _NOT_CODE.sub("-", name.casefold()).strip("-")[:64].rstrip("-")
    if not key:
        raise ValueError(f"the name {name[:60]!r} has no letters or digits")
    return key


@typed_arguments
def with_names(result: AssessmentResult, names: Mapping[str, str]) -> AssessmentResult:
    """``result`` with each assessment's missing supplier name taken from ``names``.

    Use it with :meth:`SpendFileReader.supplier_names`, so explanations name the
    supplier as the file does rather than by its id.
    """
    named = tuple(
        attrs.evolve(a, supplier_name=names[a.supplier_id])
        if a.supplier_name is None and a.supplier_id in names
        else a
        for a in result.assessments
    )
    return attrs.evolve(result, assessments=named)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@typed_arguments
def check_vat_basis(file_basis: VatBasis, policy_basis: VatBasis, *, allow: bool = False) -> None:
    """Refuse to test amounts on one VAT basis against thresholds on another.

    Transparency files are net of VAT; a policy whose thresholds include VAT would
    be compared with amounts about a sixth too low. ``allow=True`` is the caller
    saying that it knows, and accepts the difference.

    >>> check_vat_basis(VatBasis.NET, VatBasis.GROSS)
    Traceback (most recent call last):
    ...
    socialvalue.spend.rows.SpendFileError: the file's amounts are net of VAT ...
    """
    if file_basis is not policy_basis and not allow:
        raise SpendFileError(
            "spend_file.vat_mismatch",
            f"the file's amounts are {file_basis.value} of VAT but the policy's thresholds are"
            f" {policy_basis.value} of VAT; state the file's basis, or accept the difference"
            " explicitly",
        )


class _BadValue(ValueError):
    def __init__(self, column: str, code: str, message: str) -> None:
        super().__init__(message)
        self.column, self.code, self.message = column, code, message


class SpendFileReader:
    """Turn the rows of a spend file into :class:`SpendLine` objects, one pass, streaming.

    Iterate it once to get the lines; then :meth:`summary` says what was kept apart
    and :meth:`supplier_names` names each supplier. ``first_row`` is the number of
    the first data row (2 when a header line precedes it). ``vat_basis`` is the
    basis the file's amounts are on (transparency data are net). Exclusions match a
    supplier id exactly, or a name ignoring case and repeated spaces.
    """

    def __init__(
        self,
        rows: Iterable[Mapping[str, str | None]],
        *,
        columns: Columns = TRANSPARENCY_CODE,
        vat_basis: VatBasis = VatBasis.NET,
        exclude_ids: Iterable[str] = (),
        exclude_names: Iterable[str] = (),
        skip_bad_rows: bool = False,
        first_row: int = 2,
    ) -> None:
        self._rows = rows
        self.columns = columns
        self.vat_basis = vat_basis
        self.skip_bad_rows = skip_bad_rows
        self._first_row = first_row
        self._exclude_ids = {i: i for i in exclude_ids}
        self._exclude_names = {_normal(n): n for n in exclude_names}
        self._started = False
        self._rows_read = 0
        self._lines = _Tally()
        self._redacted = _Tally()
        self._excluded: dict[str, _Tally] = {}
        self._bad_count = 0
        self._bad: list[BadRow] = []
        self._names: dict[str, Counter[str]] = {}
        self._amounts: dict[str, Money] = {}
        self._dates: dict[str, date] = {}
        self._who: dict[tuple[str, str], _Tally | tuple[str, Counter[str]]] = {}

    def __iter__(self) -> Iterator[SpendLine]:
        if self._started:
            raise RuntimeError("a SpendFileReader reads its rows once; make a new one")
        self._started = True
        return self._lines_of(self._rows)

    def _lines_of(self, rows: Iterable[Mapping[str, str | None]]) -> Iterator[SpendLine]:
        number = self._first_row - 1
        checked = False
        lines, total, add = 0, Decimal(0), _SUM.add
        try:
            for row in rows:
                number += 1
                if not isinstance(row, Mapping):
                    raise TypeError(
                        f"row {number}: a row must be a mapping of column name to text"
                        f" (as csv.DictReader gives); got {type(row).__name__}"
                    )
                if not checked:
                    self.columns.check_header([k for k in row if k is not _RESTKEY])
                    checked = True
                try:
                    if _RESTKEY in row:
                        self._check_extra(row[_RESTKEY])
                    self._check_cells(number, row)
                    line = self._line(row)
                except _BadValue as bad:
                    self._bad_row(number, bad)
                    continue
                if line is not None:
                    lines += 1
                    total = add(total, line.amount.amount)
                    yield line
        finally:
            # Kept in locals for speed; saved however iteration ends.
            self._rows_read = number - self._first_row + 1
            self._lines.lines, self._lines.total = lines, total

    def _check_cells(self, number: int, row: Mapping[str, object]) -> None:
        """Refuse a row whose cells are not text before reading it.

        Rows come from the caller (``csv.DictReader`` or their own), so a wrong type
        is their mistake (``TypeError``) and a column missing from one row is that
        row's fault; both name the row, never a ``KeyError`` from the insides.
        """
        for column in self.columns.required:
            if column not in row:
                raise _BadValue(
                    column, "spend_file.missing_column", "the row has no value for this column"
                )
            cell = row[column]
            if cell is not None and not isinstance(cell, str):
                raise TypeError(
                    f"row {number}, column {column!r}: a cell must be text (str) or None;"
                    f" got {type(cell).__name__}"
                )

    @staticmethod
    def _check_extra(extra: Any) -> None:
        """Refuse a row with more non-empty fields than the header (DictReader's rest)."""
        found = [f for f in extra if isinstance(f, str) and f.strip()] if extra else []
        if found:
            raise _BadValue(
                "(beyond the header)",
                "spend_file.extra_fields",
                f"the row has more fields than the header; the extra fields hold"
                f" {', '.join(repr(f[:40]) for f in found[:3])} (is a value such as"
                " 1,234.56 not quoted?)",
            )

    def _bad_row(self, number: int, bad: _BadValue) -> None:
        if not self.skip_bad_rows:
            raise SpendFileError(
                bad.code, f"{bad.column}: {bad.message}", row=number, column=bad.column
            ) from None
        self._bad_count += 1
        if len(self._bad) < MAX_LISTED_BAD_ROWS:
            self._bad.append(BadRow(number, bad.column, bad.code, bad.message))

    def _line(self, row: Mapping[str, str | None]) -> SpendLine | None:
        columns = self.columns
        name = row[columns.supplier_name] or ""
        raw_id = (row[columns.supplier_id] or "") if columns.supplier_id is not None else ""
        amount = self._amount(row[columns.amount])
        # One look-up decides what a (id, name) pair is: there are thousands of pairs
        # in a file of hundreds of thousands of rows.
        who = self._who.get((raw_id, name))
        if who is None:
            who = self._classify(raw_id, name)
        if isinstance(who, _Tally):
            who.add(amount)
            return None
        supplier_id, names = who
        paid_on = self._date(row[columns.paid_on])
        contract_id = None
        if columns.contract_id is not None:
            contract_id = (row[columns.contract_id] or "").strip() or None
            if contract_id is not None and not _CODE.fullmatch(contract_id):
                raise _BadValue(
                    columns.contract_id,
                    "spend_file.bad_id",
                    f"a contract id is letters, digits and . _ : / -; got {contract_id[:40]!r}",
                )
        names[name.strip()] += 1
        return SpendLine(supplier_id, amount, paid_on, self.vat_basis, contract_id)

    def _classify(self, raw_id: str, name: str) -> _Tally | tuple[str, Counter[str]]:
        """Whether a row with this id and name is withheld, excluded or a supplier's."""
        key = (raw_id, name)
        raw_id, name = raw_id.strip(), name.strip()
        normal = _normal(name)
        who: _Tally | tuple[str, Counter[str]]
        if normal in REDACTED_MARKERS or raw_id.casefold() in REDACTED_MARKERS:
            who = self._redacted
        elif raw_id and raw_id in self._exclude_ids:
            who = self._excluded.setdefault(self._exclude_ids[raw_id], _Tally())
        elif normal in self._exclude_names:
            who = self._excluded.setdefault(self._exclude_names[normal], _Tally())
        else:
            supplier_id = self._supplier_id(raw_id, name)
            names = self._names.get(supplier_id)
            if names is None:
                names = self._names[supplier_id] = Counter()
            who = (supplier_id, names)
        if len(self._who) >= _CACHE_SIZE:
            self._who.clear()
        self._who[key] = who
        return who

    def _supplier_id(self, raw_id: str, name: str) -> str:
        id_column, name_column = self.columns.supplier_id, self.columns.supplier_name
        if not name:
            raise _BadValue(name_column, "spend_file.bad_id", "the beneficiary's name is empty")
        if id_column is None:
            try:
                return name_key(name)
            except ValueError as exc:
                raise _BadValue(name_column, "spend_file.bad_id", str(exc)) from None
        if not _CODE.fullmatch(raw_id):
            what = "is empty" if not raw_id else f"is not an id: {raw_id[:40]!r}"
            raise _BadValue(
                id_column,
                "spend_file.bad_id",
                f"the supplier id {what} (letters, digits and . _ : / -, at most 64)",
            )
        return raw_id

    def _amount(self, text: str | None) -> Money:
        amount = self._amounts.get(text) if text is not None else None
        if amount is not None:
            return amount
        try:
            amount = Money(_AMOUNTS.parse(text or ""))
        except SpendFileError as exc:
            raise _BadValue(self.columns.amount, exc.code, exc.message) from None
        if len(self._amounts) >= _CACHE_SIZE:
            self._amounts.clear()
        self._amounts[text] = amount  # type: ignore[index]
        return amount

    def _date(self, text: str | None) -> date:
        day = self._dates.get(text) if text is not None else None
        if day is not None:
            return day
        try:
            day = parse_date(text or "", (self.columns.date_format,))
        except SpendFileError as exc:
            raise _BadValue(self.columns.paid_on, exc.code, exc.message) from None
        if len(self._dates) >= _CACHE_SIZE:
            self._dates.clear()
        self._dates[text] = day  # type: ignore[index]
        return day

    def summary(self) -> SpendFileSummary:
        """What the reader has seen so far (complete once iteration has finished)."""
        return SpendFileSummary(
            rows=self._rows_read,
            lines=self._lines.frozen(),
            redacted=self._redacted.frozen(),
            excluded=tuple((key, tally.frozen()) for key, tally in self._excluded.items()),
            bad_row_count=self._bad_count,
            bad_rows=tuple(self._bad),
            vat_basis=self.vat_basis,
        )

    def supplier_names(self) -> dict[str, str]:
        """Each supplier id's most frequent name (the first seen wins a tie)."""
        # A supplier met only in bad rows has no counted name.
        return {key: names.most_common(1)[0][0] for key, names in self._names.items() if names}


class _Tally:
    """A running tally, summed as plain decimals (one Money is made at the end)."""

    __slots__ = ("lines", "total")

    def __init__(self) -> None:
        self.lines = 0
        self.total = Decimal(0)

    def add(self, amount: Money) -> None:
        self.lines += 1
        self.total = _SUM.add(self.total, amount.amount)

    def frozen(self) -> Tally:
        return Tally(self.lines, Money(self.total))
