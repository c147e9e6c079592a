"""Money: an exact decimal amount with an explicit currency.

Money is never a float: floats disagree with decimal arithmetic at pence level, and
public spending thresholds are tested to the penny. Amounts are
:class:`decimal.Decimal`; JSON carries them as strings.

Bounds (checked *before* any arithmetic, so hostile input fails in microseconds):

- text and ``int`` input: at most 15 integer digits and, for text, at most 6 decimal
  places (``"-123456789012345.123456"`` is the widest accepted);
- ``Decimal`` input: finite, smaller than 10**15 in magnitude, at most 40 decimal
  places (derived amounts such as discounted values carry more than 6 places);
- ``float`` and ``bool`` are refused with :class:`TypeError`; NaN, infinities and
  exponents (``"1e3"``) with :class:`ValueError`.

The constructor takes plain decimal text only. Display text such as ``"£50,000.00"``
is refused there (a thousands separator in untrusted data is a common source of
misreads) and read by the explicit :meth:`Money.parse`, which accepts exactly what
:meth:`Money.format` writes.

Rounding happens only when asked, through a named :class:`Rounding` policy. The
default is half-up to the penny, the convention of UK public finance reports;
banker's rounding (half-even) is available. Arithmetic never rounds to pence: sums
are exact, and products keep up to 40 decimal places.
"""

from __future__ import annotations

import decimal
import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import END, FieldCheck, Schema, decimal_schema, shared
from socialvalue._typed import filler, typed_fields
from socialvalue.errors import RuleViolation

__all__ = [
    "MAX_INTEGER_DIGITS",
    "MAX_TEXT_PLACES",
    "Currency",
    "Money",
    "NotNegative",
    "Rounding",
    "to_decimal",
]

#: Integer digits an amount may have (so amounts are below 10**15 in magnitude).
MAX_INTEGER_DIGITS: Final = 15
#: Decimal places accepted in text input (documents, CSV files).
MAX_TEXT_PLACES: Final = 6
#: Decimal places an amount may carry (derived amounts; never from text input).
MAX_PLACES: Final = 40

_DECIMAL_TEXT: Final = re.compile(r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?")
_DISPLAY_TEXT: Final = re.compile(
    r"(?P<sign>-?)(?P<symbol>[£€$]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3}){0,4})(?P<frac>\.[0-9]{1,6})?"
)
CURRENCY_PATTERN: Final = r"[A-Z]{3}"
_CURRENCY: Final = re.compile(CURRENCY_PATTERN)
_SYMBOLS: Final = {"GBP": "£", "EUR": "€", "USD": "$"}
_INT_LIMIT: Final = 10**MAX_INTEGER_DIGITS

#: Context for money arithmetic: enough precision that sums of bounded amounts are
#: exact, and traps so that a NaN or overflow can never pass silently.
_CONTEXT: Final = decimal.Context(
    prec=60,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_FINEST: Final = Decimal(1).scaleb(-MAX_PLACES)
_PENNY: Final = Decimal(1).scaleb(-2)


class Rounding(enum.Enum):
    """A named rounding policy, applied only when a caller asks for it."""

    HALF_UP = decimal.ROUND_HALF_UP
    """Half away from zero (£0.125 → £0.13): UK public finance reports use it."""
    HALF_EVEN = decimal.ROUND_HALF_EVEN
    """Banker's rounding (£0.125 → £0.12, £0.135 → £0.14): unbiased over many sums."""


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Turn a ``Decimal``, ``int`` or plain decimal string into a bounded ``Decimal``.

    This is the one gate untrusted numbers pass through. It raises
    :class:`TypeError` for floats, bools and other types and a
    :class:`~socialvalue.errors.RuleViolation` (a ``ValueError``) for text that is not
    a plain decimal, and for values outside the bounds in this module's docstring.

    >>> to_decimal("50000.00")
    Decimal('50000.00')
    >>> to_decimal("1e999999999")
    Traceback (most recent call last):
    ...
    socialvalue.errors.RuleViolation: amount must be a plain decimal such as "50000.00" ...
    """
    if isinstance(value, (bool, float)):
        raise TypeError(
            f"{what} must be a Decimal, an int or a decimal string, never a {type(value).__name__}"
            f" (floats lose pence); got {value!r}"
        )
    if isinstance(value, str):
        if len(value) > 40 or not _DECIMAL_TEXT.fullmatch(value):
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise RuleViolation(
                "money.bad_amount",
                f'{what} must be a plain decimal such as "50000.00" (digits, an optional minus'
                f" sign and point, no exponent); got {shown!r}",
            )
        return Decimal(value)
    if isinstance(value, int):
        if not -_INT_LIMIT < value < _INT_LIMIT:
            raise RuleViolation(
                "money.bad_amount", f"{what} must have at most {MAX_INTEGER_DIGITS} integer digits"
            )
        return Decimal(value)
    if isinstance(value, Decimal):
        return _checked_decimal(value, what)
    raise TypeError(
        f"{what} must be a Decimal, an int or a decimal string; got {type(value).__name__}"
    )


def _checked_decimal(value: Decimal, what: str) -> Decimal:
    if not value.is_finite():
        raise RuleViolation("money.bad_amount", f"{what} must be a finite number; got {value}")
    if value and value.adjusted() >= MAX_INTEGER_DIGITS:
        raise RuleViolation(
            "money.bad_amount", f"{what} must have at most {MAX_INTEGER_DIGITS} integer digits"
        )
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked above
    if exponent < -MAX_PLACES:
        raise RuleViolation(
            "money.bad_amount", f"{what} must have at most {MAX_PLACES} decimal places"
        )
    return value


def _check_currency(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        raise RuleViolation(
            "money.bad_currency",
            f"currency must be a three-letter ISO 4217 code such as 'GBP'; got {value!r}",
            field=[attribute.name],
        )


@attrs.frozen(order=False, field_transformer=typed_fields)
class Money:
    """An exact amount of one currency.

    >>> Money("30000") + Money("25000.50")
    Money(amount=Decimal('55000.50'), currency='GBP')
    >>> sum([Money("0.10")] * 3) == Money("0.30")
    True
    >>> Money("0.125").round().format()
    '£0.13'

    Adding or comparing two currencies raises :class:`ValueError`; there is no
    silent conversion. Equality is by value, so ``Money("1.0") == Money("1.00")``.
    """

    amount: Decimal = attrs.field(converter=to_decimal)
    currency: str = attrs.field(default="GBP", validator=_check_currency)

    # Equality and hashing by numeric value, so 1.0 and 1.00 are the same money.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.currency == other.currency and self.amount == other.amount

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    @classmethod
    def _computed(cls, amount: Decimal, currency: str) -> Money:
        # Results of arithmetic on valid Money: finite (the context traps) and in a
        # checked currency, so only the magnitude can break a bound. Skipping the
        # full gate makes sums and products several times cheaper.
        if amount and amount.adjusted() >= MAX_INTEGER_DIGITS:
            raise RuleViolation(
                "money.bad_amount", f"amount must have at most {MAX_INTEGER_DIGITS} integer digits"
            )
        return _fill(amount, currency)

    @classmethod
    @typed_arguments
    def zero(cls, currency: str = "GBP") -> Money:
        """No money, in ``currency``."""
        return cls(Decimal(0), currency)

    @classmethod
    @typed_arguments
    def parse(cls, text: str, currency: str = "GBP") -> Money:
        """Read display text such as ``"£50,000.00"`` or ``"-1,234.5"``.

        Accepts what :meth:`format` writes: an optional minus sign, an optional
        symbol matching ``currency``, digits grouped by commas in threes.

        >>> Money.parse("£50,000.00")
        Money(amount=Decimal('50000.00'), currency='GBP')
        """
        match = _DISPLAY_TEXT.fullmatch(text) if len(text) <= 40 else None
        if match is None or match["symbol"] not in ("", _SYMBOLS.get(currency, "")):
            raise RuleViolation(
                "money.bad_amount",
                f'amount must look like "£50,000.00" or "50000.00"; got {text[:40]!r}',
            )
        plain = match["sign"] + match["int"].replace(",", "") + (match["frac"] or "")
        return cls(plain, currency)

    @typed_arguments
    def round(self, policy: Rounding = Rounding.HALF_UP, places: int = 2) -> Money:
        """This amount rounded to ``places`` decimal places by ``policy``.

        Rounding is idempotent: ``m.round().round() == m.round()``.
        """
        if type(places) is not int or not 0 <= places <= MAX_PLACES:
            raise ValueError(
                f"places must be a whole number from 0 to {MAX_PLACES}; got {places!r}"
            )
        quantum = Decimal(1).scaleb(-places, context=_CONTEXT)
        return Money._computed(
            self.amount.quantize(quantum, rounding=policy.value, context=_CONTEXT), self.currency
        )

    @typed_arguments
    def format(self, policy: Rounding = Rounding.HALF_UP) -> str:
        """Display text, rounded to pence by ``policy``: ``'£50,000.00'``."""
        return _formatted(self.amount, self.currency, policy)

    def __str__(self) -> str:
        return self.format()

    def _same_currency(self, other: Money, verb: str) -> None:
        if self.currency != other.currency:
            raise RuleViolation(
                "money.currency_mismatch",
                f"cannot {verb} {self.currency} and {other.currency}: convert one first"
                " (this library never converts currencies)",
            )

    def __add__(self, other: object) -> Money:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # so that sum() can start from 0
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money._computed(_CONTEXT.add(self.amount, other.amount), self.currency)

    __radd__ = __add__

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract")
        return Money._computed(_CONTEXT.subtract(self.amount, other.amount), self.currency)

    def __neg__(self) -> Money:
        # copy_negate is exact; unary minus would round to the thread's context.
        return Money._computed(self.amount.copy_negate(), self.currency)

    def __abs__(self) -> Money:
        return Money._computed(self.amount.copy_abs(), self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
            return NotImplemented
        if isinstance(factor, Decimal) and not factor.is_finite():
            raise RuleViolation(
                "money.bad_amount", f"cannot multiply money by {factor}: the factor must be finite"
            )
        product = _CONTEXT.multiply(self.amount, Decimal(factor))
        if product.as_tuple().exponent < -MAX_PLACES:  # type: ignore[operator]
            product = product.quantize(_FINEST, context=_CONTEXT)
        return Money._computed(product, self.currency)

    __rmul__ = __mul__

    def _compare(self, other: object) -> Decimal | None:
        if not isinstance(other, Money):
            return None
        self._same_currency(other, "compare")
        return other.amount

    def __lt__(self, other: object) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount < amount

    def __le__(self, other: object) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount <= amount

    def __gt__(self, other: object) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount > amount

    def __ge__(self, other: object) -> bool:
        amount = self._compare(other)
        return NotImplemented if amount is None else self.amount >= amount

    def __bool__(self) -> bool:
        return bool(self.amount)


def _formatted(amount: Decimal, currency: str, policy: Rounding = Rounding.HALF_UP) -> str:
    """``Money(amount, currency).format(policy)`` for an amount the library computed.

    The same steps as :meth:`Money.round` and :meth:`Money.format`, without their
    argument checks: a report formats thousands of its own sums.
    """
    rounded = Money._computed(
        amount.quantize(_PENNY, rounding=policy.value, context=_CONTEXT), currency
    ).amount
    sign = "-" if rounded < 0 else ""
    symbol = _SYMBOLS.get(currency, "")
    # copy_abs() and a two-place quantum mean the formatting itself never rounds,
    # so the caller's decimal context has nothing to change.
    text = f"{sign}{symbol}{rounded.copy_abs():,.2f}"
    return text if symbol else f"{text} {currency}"


# Money of checked values, for the trusted constructor.
_fill: Final[Callable[..., Money]] = filler(Money)


def _currency_schema(defs: dict[str, Schema]) -> Schema:
    return shared(
        defs,
        "currency",
        {
            "title": "Currency",
            "description": "A three-letter ISO 4217 currency code such as 'GBP'.",
            "type": "string",
            "pattern": f"^{CURRENCY_PATTERN}" + END,
        },
    )


def _money_schema(defs: dict[str, Schema], *, not_negative: bool = False) -> Schema:
    """The schema of money in a document (``not_negative``: zero or more, ``-0`` refused)."""
    name = "money-not-negative" if not_negative else "money"
    amount = decimal_schema(defs, Decimal(0) if not_negative else None, None)
    return shared(
        defs,
        name,
        {
            "title": "Money, zero or more" if not_negative else "Money",
            "description": "An exact amount of money with its currency"
            + (", not negative." if not_negative else "."),
            "type": "object",
            "properties": {
                "amount": {**amount, "description": "The amount, e.g. '50000.00'."},
                "currency": {**_currency_schema(defs), "description": "ISO 4217 code."},
            },
            "required": ["amount", "currency"],
            "additionalProperties": False,
        },
    )


@attrs.frozen(field_transformer=typed_fields)
class Currency(FieldCheck):
    """A three-letter ISO 4217 currency code such as ``"GBP"`` (``money.bad_currency``)."""

    optional: bool = False

    def check(self, value: Any) -> None:
        """Raise unless ``value`` is a three-letter currency code."""
        if not isinstance(value, str):
            raise TypeError(f"must be text; got {type(value).__name__}")
        if not _CURRENCY.fullmatch(value):
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise RuleViolation(
                "money.bad_currency",
                f"must be a three-letter ISO 4217 code such as 'GBP'; got {shown!r}",
            )

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """A reference to the shared ``currency`` shape."""
        return _currency_schema(defs)


@attrs.frozen(field_transformer=typed_fields)
class NotNegative(FieldCheck):
    """Money of zero or more (``-0`` refused); else the issue ``code`` stating ``rule``."""

    code: str = "value.invalid"
    rule: str = "an amount cannot be negative"
    optional: bool = False

    def check(self, value: Any) -> None:
        """Raise unless ``value`` is money that is not negative."""
        if not isinstance(value, Money):
            raise TypeError(f"must be Money; got {type(value).__name__}")
        if value.amount < 0 or value.amount.is_signed():
            raise RuleViolation(self.code, f"{self.rule}; got {value.amount}")

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """A reference to the shared ``money-not-negative`` shape."""
        return _money_schema(defs, not_negative=True)
