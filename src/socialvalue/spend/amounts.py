"""The amount grammar of published spend: exact, never a float, never a guess.

Councils write amounts several ways: ``1234.56``, ``£1,234.56``, ``-£1,234.56``,
``£-1,234.56`` and the accountants' ``(1,234.56)`` for a negative. Each is
unambiguous, so each is read exactly. Anything that could mean two things is
refused rather than guessed: ``1.234,56`` (a European separator), ``1,23`` (a group
that is not three digits), ``12e3``, ``NaN``, an empty field or a lone ``-``.

The grammar, for a file in pounds (``£`` is the symbol of the format's currency)::

    amount   = [ "-" ] [ "£" ] number          e.g. 1234.56, -£1,234.56
             | "£" "-" number                  e.g. £-1,234.56
             | "(" [ "£" ] number ")"          e.g. (1,234.56), a negative
    number   = integer [ "." 1 to max_places digits ]
    integer  = "0" | digit 1-9 then up to 14 digits
             | 1 to 3 digits (no leading 0) then "," and three digits, repeated

At most 15 integer digits (as :class:`~socialvalue.Money` allows), spaces around
the amount ignored, none inside it. Parsing builds the :class:`~decimal.Decimal`
from the text: no arithmetic, so the caller's decimal context cannot round it.

>>> [str(parse_amount(t)) for t in ["1234.56", "-£1,234.56", "(1,234.56)", "£-7"]]
['1234.56', '-1234.56', '-1234.56', '-7']
>>> parse_amount("1,23")
Traceback (most recent call last):
...
socialvalue.spend.rows.SpendFileError: an amount is written like 1234.56, -1234.56, £1,234.56, ...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Whole
from socialvalue._typed import typed_fields
from socialvalue.money import Currency
from socialvalue.spend.rows import SpendFileError, shown

__all__ = ["AmountFormat", "CURRENCY_SYMBOLS", "amount_reader", "parse_amount"]

#: The symbol a file may write before amounts in each currency.
CURRENCY_SYMBOLS: Final = {"GBP": "£", "EUR": "€", "USD": "$"}
#: Text longer than this is refused before any pattern is tried.
MAX_AMOUNT_TEXT: Final = 40
_SPACES: Final = " \t"


# Hashed on every amount read (its patterns are cached by format): cache the hash.
@attrs.frozen(field_transformer=typed_fields, cache_hash=True)
class AmountFormat:
    """How a file may write its amounts: which spellings of the grammar it may use.

    ``currency`` is the currency of every amount (its symbol, such as ``£``, may
    precede the digits); ``thousands`` allows commas between groups of three digits;
    ``parentheses`` allows ``(1,234.56)`` for a negative; ``max_places`` bounds the
    decimal places (pence: 2).

    >>> AmountFormat(thousands=False).parse("1,234.56")
    Traceback (most recent call last):
    ...
    socialvalue.spend.rows.SpendFileError: an amount is written like 1234.56, ...
    """

    currency: str = attrs.field(
        default="GBP",
        validator=Currency(),
        metadata={"description": "The currency of every amount; its symbol may be written."},
    )
    thousands: bool = attrs.field(
        default=True,
        metadata={
            "description": "Whether commas may separate groups of three digits (true if absent)."
        },
    )
    parentheses: bool = attrs.field(
        default=True,
        metadata={
            "description": "Whether (1,234.56) may write a negative amount (true if absent)."
        },
    )
    max_places: int = attrs.field(
        default=2,
        validator=Whole(0, 6),
        metadata={"description": "The most decimal places an amount may have (2 if absent)."},
    )

    def examples(self) -> str:
        """The spellings this format accepts, for messages: ``1234.56, £1,234.56, …``."""
        symbol = CURRENCY_SYMBOLS.get(self.currency, "")
        number = "1,234.56" if self.thousands else "1234.56"
        found = ["1234.56", "-1234.56"]
        if symbol:
            found += [f"{symbol}{number}", f"-{symbol}{number}"]
        elif self.thousands:
            found.append(number)
        if self.parentheses:
            found.append(f"({number})")
        return ", ".join(dict.fromkeys(found))

    @typed_arguments
    def parse(self, text: str) -> Decimal:
        """The exact amount ``text`` writes; else :class:`SpendFileError` (``bad_amount``)."""
        return _grammar(self, text)


def _grammar(amounts: AmountFormat, text: str) -> Decimal:
    """:meth:`AmountFormat.parse`, its argument's type not checked again: the full grammar."""
    value = text.strip(_SPACES)
    if len(value) <= MAX_AMOUNT_TEXT:
        plain, display, _, _ = _patterns(amounts)
        if plain.fullmatch(value):
            return Decimal(value)
        match = display.fullmatch(value)
        if match is not None:
            # One form matched; a currency with no symbol has no n2 form.
            number = next(filter(None, match.groups())).replace(",", "")
            # Decimal(text) is exact; copy_negate too (unary minus would round
            # to the caller's context).
            amount = Decimal(number)
            return amount if value[0] != "-" and match["n1"] else amount.copy_negate()
    raise SpendFileError(
        "spend_file.bad_amount",
        f"an amount is written like {amounts.examples()} (thousands in groups of three,"
        f" at most {amounts.max_places} decimal places, no exponent); got {shown(text)}",
        value=text,
    )


@functools.lru_cache(maxsize=64)
def _patterns(
    amounts: AmountFormat,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """The plain pattern, the display one, its first form alone, and that form's positive one.

    The plain one is tried first (most files write plain decimals); the first
    display form (``-£1,234.56``) alone is :func:`amount_reader`'s fast path, and
    its positive amounts with the symbol (``£1,234.56``, every amount Manchester
    pays) a faster one, with no group to take out.
    """
    places = rf"(?:\.[0-9]{{1,{amounts.max_places}}})?" if amounts.max_places else ""
    plain = r"0|[1-9][0-9]{0,14}"
    grouped = r"|[1-9][0-9]{0,2}(?:,[0-9]{3}){1,4}" if amounts.thousands else ""
    number = f"(?:{plain}{grouped}){places}"
    symbol = re.escape(CURRENCY_SYMBOLS.get(amounts.currency, ""))
    maybe = f"(?:{symbol})?" if symbol else ""
    forms = [f"-?{maybe}(?P<n1>{number})"]
    if symbol:
        forms.append(f"{symbol}-(?P<n2>{number})")
    if amounts.parentheses:
        forms.append(rf"\({maybe}(?P<n3>{number})\)")
    common = re.compile(f"(-?){maybe}({number})")
    paid = re.compile(f"{symbol}{number}") if symbol else None
    return re.compile(f"-?(?:{plain}){places}"), re.compile("|".join(forms)), common, paid


@typed_arguments
def amount_reader(amounts: AmountFormat) -> Callable[[str], Decimal]:
    """A function reading amounts as :meth:`AmountFormat.parse` does, faster on the common ones.

    A year's file holds tens of thousands of distinct amounts, nearly all written
    ``1234.56``, ``-1234.56`` or ``£1,234.56``. Those are matched at once, with no
    argument check, no strip and no look-up of the format's patterns; anything else
    (spaces, ``£-1``, ``(1,234.56)``, a bad amount) goes to the full grammar. Both
    build the same :class:`~decimal.Decimal` from the same digits, and the fast
    patterns are the grammar's own (its plain form, and its first display form), so
    the two agree on every text (``tests/test_spend_amounts.py`` checks it).

    >>> read = amount_reader(AmountFormat())
    >>> read("£9,854.98"), read(" (1.50) ")
    (Decimal('9854.98'), Decimal('-1.50'))
    """
    return _reader(amounts)


@functools.lru_cache(maxsize=64)
def _reader(amounts: AmountFormat) -> Callable[[str], Decimal]:
    plain, _, common, paid = _patterns(amounts)
    plain_match, common_match = plain.fullmatch, common.fullmatch
    paid_match = paid.fullmatch if paid is not None else lambda text: None
    skip = len(CURRENCY_SYMBOLS.get(amounts.currency, ""))

    def read(text: str) -> Decimal:
        if plain_match(text) is not None:
            return Decimal(text)
        if paid_match(text) is not None:
            return Decimal(text[skip:].replace(",", ""))
        found = common_match(text)
        if found is not None:
            amount = Decimal(found[2].replace(",", ""))
            return amount.copy_negate() if found[1] else amount
        return _grammar(amounts, text)

    return read


#: The default format: pounds, thousands separators and accounting negatives allowed.
_DEFAULT: Final = AmountFormat()


@typed_arguments
def parse_amount(text: str, amount_format: AmountFormat = _DEFAULT) -> Decimal:
    """The exact amount ``text`` writes under ``amount_format`` (by default, pounds).

    >>> parse_amount("£9,854.98")
    Decimal('9854.98')
    """
    return amount_format.parse(text)
