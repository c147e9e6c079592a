"""Nothing lost, visibly: every row of a spend file, and every pound, accounted for.

Reading a spend file sorts each row into exactly one place:

- *assessed*: a supplier's payment in the period, handed on to the assessment;
- *withheld*: the payee's name is redacted;
- *set apart*: a payee that is not a supplier (tax, pensions, another public body),
  or one excluded by id or name;
- *outside the period*: paid before or after the period assessed;
- *bad*: a row that could not be read (its problem is listed).

A :class:`Reconciliation` holds the count and the money of each, and cannot be
built unless they add up: rows read = assessed + withheld + set apart + outside the
period + bad, in lines and in money. The money of a bad row counts only when its
amount could be read; a row whose amount is unreadable adds a line and no money.

>>> tally = Tally(1, Money("600.00"))
>>> none = Tally(0, Money.zero())
>>> done = Reconciliation(2, Money("1200.00"), tally, tally, none, none, none)
>>> done.explanation
'2 rows read (£1,200.00): 1 assessed (£600.00), 1 withheld (£600.00), 0 set apart, ...'
"""

from __future__ import annotations

import decimal
from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import library_context_methods
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.periods import Period, financial_year

__all__ = ["CATEGORIES", "ApartPayee", "Ledger", "Reconciliation", "Tally", "exact_sum"]

#: The places a row can go, in the order reports list them.
CATEGORIES: Final = ("assessed", "withheld", "apart", "outside_period", "bad")

#: Exact sums: amounts have at most 21 digits, so 60 digits hold any realistic count
#: of them, and a sum that would need rounding raises instead of rounding.
SUM_CONTEXT: Final = decimal.Context(
    prec=60, traps=[decimal.Inexact, decimal.Overflow, decimal.InvalidOperation]
)


def exact_sum(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of ``amounts``, whatever the caller's decimal context.

    >>> exact_sum([Decimal("0.10")] * 3)
    Decimal('0.30')
    """
    total, add = Decimal(0), SUM_CONTEXT.add
    for amount in amounts:
        total = add(total, amount)
    return total


@attrs.frozen(field_transformer=typed_fields)
class Tally:
    """How many lines, and how much money, a group of lines holds.

    >>> Tally(2, Money("10")) + Tally(1, Money("-2.50"))
    Tally(lines=3, total=Money(amount=Decimal('7.50'), currency='GBP'))
    """

    lines: int
    total: Money

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.lines + other.lines, self.total + other.total)

    @typed_arguments
    def describe(self, what: str = "") -> str:
        """``3 assessed (£7.50)`` for ``what="assessed"``; no money when it holds no line."""
        words = f"{self.lines:,} {what}".rstrip()
        return f"{words} ({self.total.format()})" if self.lines else words


@attrs.frozen(field_transformer=typed_fields)
class ApartPayee:
    """A payee set apart, the rule that did it, and what it was paid.

    ``rule`` is a payee rule's id, or ``excluded`` for a payee excluded by id or name.
    ``payee`` is its name as the file most often writes it.
    """

    rule: str
    payee: str
    tally: Tally


def _payees(payees: Iterable[ApartPayee]) -> tuple[ApartPayee, ...]:
    return tuple(payees)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class Reconciliation:
    """Where every row read went, in lines and in money; it always balances.

    ``read_total`` is the money of every row whose amount could be read;
    ``apart_payees`` lists what each payee set apart was paid; ``period`` is the
    period assessed (``None`` when none was given, and nothing is outside it);
    ``first_paid`` and ``last_paid`` are the earliest and latest payment dates read.
    """

    rows_read: int
    read_total: Money
    assessed: Tally
    withheld: Tally
    apart: Tally
    outside_period: Tally
    bad: Tally
    apart_payees: tuple[ApartPayee, ...] = attrs.field(default=(), converter=_payees)
    period: Period | None = None
    first_paid: date | None = None
    last_paid: date | None = None

    def __attrs_post_init__(self) -> None:
        lines = sum(self.tally(c).lines for c in CATEGORIES)
        money = exact_sum(self.tally(c).total.amount for c in CATEGORIES)
        if lines != self.rows_read or money != self.read_total.amount:
            raise RuleViolation(
                "spend_file.unreconciled",
                f"{self.rows_read:,} rows read ({self.read_total.format()}) but"
                f" {lines:,} accounted for ({Money(money).format()})",
            )

    @typed_arguments
    def tally(self, category: str) -> Tally:
        """The tally of one of :data:`CATEGORIES`."""
        if category not in CATEGORIES:
            raise KeyError(f"no category {category!r}; they are {', '.join(CATEGORIES)}")
        found: Tally = getattr(self, category)
        return found

    @property
    def years_covered(self) -> tuple[str, ...]:
        """The financial years (April to March) the payment dates read fall in: ``("2024/25",)``."""
        if self.first_paid is None or self.last_paid is None:
            return ()
        first, last = financial_year(self.first_paid), financial_year(self.last_paid)
        return tuple(f"{y}/{(y + 1) % 100:02d}" for y in range(first.start.year, last.end.year))

    @property
    def explanation(self) -> str:
        """Where the rows went, in one sentence."""
        where = f"outside {self.period.label}" if self.period else "outside the period"
        parts = [
            self.assessed.describe("assessed"),
            self.withheld.describe("withheld"),
            self.apart.describe("set apart"),
            self.outside_period.describe(where),
            self.bad.describe("bad"),
        ]
        return f"{self.rows_read:,} rows read ({self.read_total.format()}): {', '.join(parts)}"

    def __add__(self, other: Reconciliation) -> Reconciliation:
        """Two files' reconciliations as one (a year published month by month)."""
        if self.period != other.period:
            raise ValueError("only reconciliations of the same period add up")
        days = (self.first_paid, other.first_paid, self.last_paid, other.last_paid)
        known = [day for day in days if day is not None]
        return Reconciliation(
            self.rows_read + other.rows_read,
            self.read_total + other.read_total,
            self.assessed + other.assessed,
            self.withheld + other.withheld,
            self.apart + other.apart,
            self.outside_period + other.outside_period,
            self.bad + other.bad,
            apart_payees=self.apart_payees + other.apart_payees,
            period=self.period,
            first_paid=min(known, default=None),
            last_paid=max(known, default=None),
        )

    def to_records(self) -> list[dict[str, object]]:
        """One record per category, then one for the rows read: category, lines, total."""
        rows = [(c, self.tally(c)) for c in CATEGORIES]
        rows.append(("read", Tally(self.rows_read, self.read_total)))
        return [
            {
                "category": category,
                "lines": tally.lines,
                "total": tally.total.amount,
                "currency": tally.total.currency,
            }
            for category, tally in rows
        ]

    def payee_records(self) -> list[dict[str, object]]:
        """One record per payee set apart: rule, payee, lines and total."""
        return [
            {
                "rule": p.rule,
                "payee": p.payee,
                "lines": p.tally.lines,
                "total": p.tally.total.amount,
            }
            for p in self.apart_payees
        ]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"rows_read", "read_total", "assessed": {"lines", "total"}, …}``.

        Totals are decimal strings; ``apart_by_rule`` adds up the set-apart payees
        by the rule that set them apart.
        """
        by_rule: dict[str, Tally] = {}
        for payee in self.apart_payees:
            zero = Tally(0, Money.zero(payee.tally.total.currency))
            by_rule[payee.rule] = by_rule.get(payee.rule, zero) + payee.tally
        document: dict[str, Any] = {
            "rows_read": self.rows_read,
            "read_total": _text(self.read_total),
        }
        for category in CATEGORIES:
            tally = self.tally(category)
            document[category] = {"lines": tally.lines, "total": _text(tally.total)}
        document["apart_by_rule"] = {
            rule: {"lines": t.lines, "total": _text(t.total)} for rule, t in by_rule.items()
        }
        return document

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return html_table(self.to_records(), caption=self.explanation)


def _text(money: Money) -> str:
    return format(money.amount, "f")


class _Count:
    """A running tally of plain decimals (one Money is made at the end)."""

    __slots__ = ("lines", "total")

    def __init__(self) -> None:
        self.lines = 0
        self.total = Decimal(0)

    def add(self, amount: Decimal) -> None:
        self.lines += 1
        self.total = SUM_CONTEXT.add(self.total, amount)

    def tally(self, currency: str) -> Tally:
        return Tally(self.lines, Money(self.total, currency))


class _Apart(_Count):
    """The running tally of one payee set apart, with the spellings of its name."""

    __slots__ = ("rule", "spellings")

    def __init__(self, rule: str) -> None:
        super().__init__()
        self.rule, self.spellings = rule, Counter[str]()


class Ledger:
    """The running tallies of one reading, made into a :class:`Reconciliation` at the end.

    Readers add to it row by row: ``rows`` counts every row read; ``read`` the
    money of each whose amount could be read; the five categories each row's place.
    Sums are exact plain decimals; no :class:`Money` is made until the end.

    >>> ledger = Ledger()
    >>> ledger.rows += 1; ledger.read.add(Decimal("5")); ledger.assessed.add(Decimal("5"))
    >>> ledger.reconciliation().assessed
    Tally(lines=1, total=Money(amount=Decimal('5'), currency='GBP'))
    """

    def __init__(self, currency: str = "GBP") -> None:
        self.currency = currency
        self.rows = 0
        self.read, self.assessed, self.withheld = _Count(), _Count(), _Count()
        self.outside_period, self.bad = _Count(), _Count()
        self.first_paid: date | None = None
        self.last_paid: date | None = None
        self._apart: dict[tuple[str, str], _Apart] = {}

    def apart(self, rule: str, payee: str) -> _Apart:
        """The running tally of ``payee`` (a normalised name) set apart by ``rule``."""
        found = self._apart.get((rule, payee))
        if found is None:
            found = self._apart[(rule, payee)] = _Apart(rule)
        return found

    def paid_on(self, day: date) -> None:
        """Note a payment date read, for the span of dates the file covers."""
        if self.first_paid is None or day < self.first_paid:
            self.first_paid = day
        if self.last_paid is None or day > self.last_paid:
            self.last_paid = day

    def reconciliation(self, period: Period | None = None) -> Reconciliation:
        """Where every row went so far, as a :class:`Reconciliation`."""
        currency = self.currency
        payees = [
            ApartPayee(a.rule, a.spellings.most_common(1)[0][0], a.tally(currency))
            for a in self._apart.values()
            if a.lines
        ]
        payees.sort(key=lambda p: (p.rule, -p.tally.total.amount, p.payee))
        apart = Tally(
            sum(p.tally.lines for p in payees),
            Money(exact_sum(p.tally.total.amount for p in payees), currency),
        )
        return Reconciliation(
            self.rows,
            Money(self.read.total, currency),
            self.assessed.tally(currency),
            self.withheld.tally(currency),
            apart,
            self.outside_period.tally(currency),
            self.bad.tally(currency),
            apart_payees=payees,
            period=period,
            first_paid=self.first_paid,
            last_paid=self.last_paid,
        )
