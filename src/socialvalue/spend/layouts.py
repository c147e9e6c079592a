"""Layouts of published spend files, as data: which column holds what, and how it is written.

Every council publishes the same facts (who was paid, when, how much) under its
own column names, date style and text encoding, and some rename columns from one
month to the next. A :class:`Layout` names, for each *role*, the column or columns
(aliases) that may hold it:

- required: ``supplier_name``, ``paid_on``, and an amount: ``net``, or ``gross``
  with ``vat`` (the reader derives the basis it is asked for: net = gross − VAT,
  gross = net + VAT, and checks the three against each other when all are there);
- optional: ``supplier_id``, ``transaction_id``, ``expense_type`` (an expense type
  or Proclass label, which payee rules may use), ``vat_number``,
  ``company_number``, ``body`` (the paying body) and ``contract_id``;

plus the date formats, the amount format and the text encodings the file may use.
Layouts are documents too (kind ``spend-layout``), so a user can describe their own
file in JSON. :func:`recognise_layout` picks, from a header row, the layout that
fits it best, and says which columns it used.

>>> found = recognise_layout(["Supplier", "Paid", "Net"], [Layout(
...     id="mine", name="My council", supplier_name=("Supplier",), paid_on=("Paid",),
...     net=("Net",), date_formats=(DateFormat.UK,))])
>>> found.layout.id, found.index("net")
('mine', 2)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, ClassVar, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.spend.amounts import AmountFormat
from socialvalue.spend.rows import SpendFileError, shown

__all__ = [
    "COLUMN_ROLES",
    "HEADER_MARKS",
    "DateFormat",
    "Encoding",
    "Layout",
    "Recognition",
    "column_key",
    "parse_date",
    "recognise_layout",
]

#: Every role a layout may name a column for, required ones first.
COLUMN_ROLES: Final = (
    "supplier_name",
    "paid_on",
    "net",
    "gross",
    "vat",
    "supplier_id",
    "transaction_id",
    "expense_type",
    "vat_number",
    "company_number",
    "body",
    "contract_id",
)
#: What a byte-order mark looks like at the start of a header once decoded: itself;
#: ``ï»¿``, its bytes read as Windows-1252; ``Ã¯Â»Â¿``, that done twice; and ``Ã¯»¿``,
#: as Salford published it in June 2020.
HEADER_MARKS: Final = (
    "\ufeff",
    "\u00ef\u00bb\u00bf",
    "\u00c3\u00af\u00c2\u00bb\u00c2\u00bf",
    "\u00c3\u00af\u00bb\u00bf",
)


class DateFormat(enum.Enum):
    """How a spend file writes its payment dates."""

    ISO = "YYYY-MM-DD"
    """ISO 8601 calendar dates, ``2025-03-31`` (the Transparency Code's guidance)."""
    UK = "DD/MM/YYYY"
    """Day first, ``31/03/2025``, as many councils publish."""
    DOTTED = "DD.MM.YYYY"
    """Day first with dots, ``31.03.2025``, as Manchester City Council publishes."""


class Encoding(enum.Enum):
    """A text encoding a spend file may use; the value is Python's codec name."""

    UTF_8 = "utf-8"
    """UTF-8, with or without a byte-order mark."""
    WINDOWS_1252 = "cp1252"
    """Windows-1252, as Excel saves CSV on UK Windows (``£`` is byte 0xA3)."""
    LATIN_1 = "iso-8859-1"
    """ISO 8859-1: decodes any bytes, so list it last if at all."""


_DATE_PATTERNS: Final = {
    DateFormat.ISO: (re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"), (1, 2, 3)),
    DateFormat.UK: (re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), (3, 2, 1)),
    DateFormat.DOTTED: (re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"), (3, 2, 1)),
}


def parse_date(text: str, formats: Sequence[DateFormat] = (DateFormat.ISO,)) -> date:
    """The day ``text`` writes in one of ``formats``, or :class:`SpendFileError`.

    The formats differ by separator, so no text can be read two ways.

    >>> parse_date("01.09.2020", (DateFormat.ISO, DateFormat.DOTTED))
    datetime.date(2020, 9, 1)
    """
    value = text.strip()
    for form in formats:
        pattern, (y, m, d) = _DATE_PATTERNS[form]
        match = pattern.fullmatch(value)
        if match is not None:
            try:
                return date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                break
    expected = " or ".join(form.value for form in formats)
    raise SpendFileError(
        "spend_file.bad_date",
        f"a payment date is written {expected}; got {shown(text)}",
        value=text,
    )


def column_key(name: str) -> str:
    """A column name as headers are compared: spacing and case aside.

    >>> column_key("  Net   AMOUNT ")
    'net amount'
    """
    return " ".join(name.split()).casefold()


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _formats(value: Iterable[DateFormat]) -> tuple[DateFormat, ...]:
    return tuple(value)


def _encodings(value: Iterable[Encoding]) -> tuple[Encoding, ...]:
    return tuple(value)


def _columns(role: str, *, required: bool = False) -> Any:
    """A role's column names; the schema's description says what they hold and how matched."""
    how = "at least one" if required else "empty or absent when the file has none"
    description = (
        f"{role} The column names that may hold it (aliases, compared ignoring case and"
        f" spacing); {how}."
    )
    return attrs.field(
        metadata={"description": description},
        converter=_names,
        default=() if not required else attrs.NOTHING,
        validator=Items(
            min_items=1 if required else 0,
            max_items=20,
            unique_by=column_key,
            what="column name",
            each=Text(100),
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Layout:
    """Where a spend file keeps each fact, and how it writes dates, amounts and text.

    Each role holds the column names (aliases) that may carry it, compared ignoring
    case and spacing; a role with no names is not in the layout. See the module
    documentation for the roles. Change one column with :func:`attrs.evolve`:

    >>> from socialvalue.spend.gm_layouts import SALFORD_LAYOUT
    >>> mine = attrs.evolve(SALFORD_LAYOUT, supplier_name=("Payee",))
    >>> mine.supplier_name, mine.net
    (('Payee',), ('Net',))
    """

    #: Rules across fields that no schema can state, by issue code (named in the schema).
    CROSS_FIELD_RULES: ClassVar[Mapping[str, str]] = {
        "layout.no_amount": "the layout names net columns, or both gross and VAT columns",
        "layout.column_reused": "no column name serves two roles",
    }

    id: str = attrs.field(
        validator=Code(), metadata={"description": "A short id for the layout, e.g. 'salford'."}
    )
    name: str = attrs.field(
        validator=Text(200),
        metadata={"description": "What the layout describes, e.g. a council's monthly files."},
    )
    supplier_name: tuple[str, ...] = _columns("The supplier (beneficiary) name.", required=True)
    paid_on: tuple[str, ...] = _columns("The payment date.", required=True)
    net: tuple[str, ...] = _columns("The amount net of VAT.")
    gross: tuple[str, ...] = _columns("The amount including VAT.")
    vat: tuple[str, ...] = _columns("The VAT on the amount.")
    supplier_id: tuple[str, ...] = _columns("The body's own supplier id.")
    transaction_id: tuple[str, ...] = _columns("The transaction or document number.")
    expense_type: tuple[str, ...] = _columns("The expense type or Proclass label.")
    vat_number: tuple[str, ...] = _columns("The supplier's VAT registration number.")
    company_number: tuple[str, ...] = _columns("The supplier's Companies House number.")
    body: tuple[str, ...] = _columns("The public body that paid.")
    contract_id: tuple[str, ...] = _columns("The contract paid under.")
    date_formats: tuple[DateFormat, ...] = attrs.field(
        default=(DateFormat.ISO,),
        converter=_formats,
        validator=Items(min_items=1, max_items=3, unique_by=lambda f: f, what="date format"),
        metadata={"description": "The ways the file writes payment dates, at least one."},
    )
    amount_format: AmountFormat = attrs.field(
        factory=AmountFormat,
        metadata={"description": "How the file writes amounts (the defaults if absent)."},
    )
    encodings: tuple[Encoding, ...] = attrs.field(
        default=(Encoding.UTF_8,),
        converter=_encodings,
        validator=Items(min_items=1, max_items=3, unique_by=lambda e: e, what="encoding"),
        metadata={"description": "The text encodings the file may be in, to try in order."},
    )

    def __attrs_post_init__(self) -> None:
        if not self.net and not (self.gross and self.vat):
            raise RuleViolation(
                "layout.no_amount",
                "a layout names the net amount's column, or both the gross amount's and the VAT's",
                field=["net"],
            )
        seen: dict[str, str] = {}
        for role in COLUMN_ROLES:
            for index, name in enumerate(self.columns(role)):
                other = seen.setdefault(column_key(name), role)
                if other != role:
                    raise RuleViolation(
                        "layout.column_reused",
                        f"the column {shown(name)} is named for {other} already; a column"
                        " holds one role",
                        field=[role, index],
                    )

    @typed_arguments
    def columns(self, role: str) -> tuple[str, ...]:
        """The column names that may hold ``role`` (one of :data:`COLUMN_ROLES`)."""
        if role not in COLUMN_ROLES:
            raise KeyError(f"no role {role!r}; the roles are {', '.join(COLUMN_ROLES)}")
        names: tuple[str, ...] = getattr(self, role)
        return names


@attrs.frozen(field_transformer=typed_fields)
class Recognition:
    """Which layout a header fits, and where each of its roles is.

    ``header`` is the header as compared (the first name without its byte-order
    mark, every name stripped); ``positions`` maps each role found to its column's
    index; ``mark`` is the byte-order mark (or its mis-decoded spelling) removed
    from the first column name, if there was one.
    """

    layout: Layout
    header: tuple[str, ...]
    positions: tuple[tuple[str, int], ...]
    mark: str | None = None

    @typed_arguments
    def index(self, role: str) -> int | None:
        """The index of ``role``'s column in the header, or ``None`` if the file has none."""
        return next((i for r, i in self.positions if r == role), None)

    @typed_arguments
    def column(self, role: str) -> str | None:
        """The name of ``role``'s column as the header writes it, or ``None``."""
        index = self.index(role)
        return None if index is None else self.header[index]

    @property
    def explanation(self) -> str:
        """Which layout, and which column holds each role, in a sentence."""
        used = ", ".join(f"{role} from {self.header[i]!r}" for role, i in self.positions)
        mark = f"; a byte-order mark {self.mark!r} was removed" if self.mark else ""
        return f"layout {self.layout.id} ({self.layout.name}): {used}{mark}"


def _clean(header: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    names = [name.strip() for name in header]
    mark = None
    if names:
        for candidate in sorted(HEADER_MARKS, key=len, reverse=True):
            if names[0].startswith(candidate):
                mark, names[0] = candidate, names[0][len(candidate) :].strip()
                break
    return tuple(names), mark


def _fit(layout: Layout, keys: Sequence[str]) -> tuple[list[tuple[str, int]], list[str]]:
    """The positions of ``layout``'s roles in a header, and what it lacks or finds twice."""
    positions, faults = [], []
    for role in COLUMN_ROLES:
        wanted = {column_key(name) for name in layout.columns(role)}
        found = [index for index, key in enumerate(keys) if key in wanted]
        if len(found) > 1:
            faults.append(f"{role} in {len(found)} columns")
        elif found:
            positions.append((role, found[0]))
    roles = {role for role, _ in positions}
    for role in ("supplier_name", "paid_on"):
        if role not in roles:
            faults.append(" or ".join(repr(n) for n in layout.columns(role)))
    if "net" not in roles and not {"gross", "vat"} <= roles:
        amounts = [repr(n) for n in layout.net]
        if layout.gross and layout.vat:
            amounts.append(f"{layout.gross[0]!r} with {layout.vat[0]!r}")
        faults.append(" or ".join(amounts))
    return positions, faults


@typed_arguments
def recognise_layout(header: Sequence[str], layouts: Sequence[Layout]) -> Recognition:
    r"""The layout among ``layouts`` that fits ``header`` best, with its columns' positions.

    A layout fits when the header has its supplier name, payment date and amount
    columns, each once. Of the layouts that fit, the one that finds the most roles
    wins; on a tie, the first listed. A byte-order mark at the start of the header
    (also as ``ï»¿`` or ``Ã¯»¿``, after a wrong decoding) is removed and reported.
    When no layout fits, :class:`SpendFileError` (``spend_file.unknown_layout``)
    says what each layout expected.

    >>> from socialvalue.spend.gm_layouts import LAYOUTS
    >>> recognise_layout(["\u00ef\u00bb\u00bfAuthority Name", "Date of Payment", "DocumentNo",
    ...     "Gross", "VAT", "Net", "Vendor Name"], LAYOUTS).layout.id
    'salford'
    """
    names, mark = _clean(header)
    keys = [column_key(name) for name in names]
    best: tuple[int, Layout, list[tuple[str, int]]] | None = None
    missing = []
    for layout in layouts:
        positions, faults = _fit(layout, keys)
        if faults:
            missing.append(f"{layout.id} needs {'; '.join(faults)}")
        elif best is None or len(positions) > best[0]:
            best = (len(positions), layout, positions)
    if best is None:
        shown_header = ", ".join(repr(n) for n in names[:30]) or "none"
        raise SpendFileError(
            "spend_file.unknown_layout",
            f"the header ({shown_header}) fits no layout: {'. '.join(missing) or 'none given'};"
            " describe the file with a layout of its own",
        )
    _, layout, positions = best
    return Recognition(layout, names, tuple(positions), mark)
