"""How the generated loaders read single values: patterns, readers and what they keep.

A reader takes a value as ``json.loads`` gives it and returns what the field holds,
or raises :class:`NotCommon` to leave the document to the thorough path. The
patterns are those of the exported schemas' shared shapes; ``Codes`` and ``Days``
keep, per field, what was already read (see :mod:`socialvalue.documents._loaders`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final

from socialvalue._fields import CODE_PATTERN
from socialvalue.documents._scalars import DATE_PATTERN, DECIMAL_PATTERN
from socialvalue.money import Money

__all__ = [
    "CODE",
    "CURRENCY",
    "DATE",
    "DECIMAL",
    "MONEY_KEYS",
    "PRIMITIVES",
    "QUANTITY",
    "REMEMBERED",
    "Codes",
    "Days",
    "NotCommon",
    "Read",
]

DECIMAL: Final = re.compile(DECIMAL_PATTERN).fullmatch
DATE: Final = re.compile(DATE_PATTERN).fullmatch
CURRENCY: Final = re.compile(r"[A-Z]{3}").fullmatch
CODE: Final = re.compile(CODE_PATTERN).fullmatch
QUANTITY: Final = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?").fullmatch
_SURROGATE: Final = re.compile("[\ud800-\udfff]").search
MONEY_KEYS: Final = frozenset({"amount", "currency"})

Read = Callable[[Any], Any]


class NotCommon(Exception):
    """The loader leaves this document to the thorough path."""


def _read_str(value: Any) -> str:
    if type(value) is not str or (not value.isascii() and _SURROGATE(value)):
        raise NotCommon
    return value


def _read_int(value: Any) -> int:
    if type(value) is not int:
        raise NotCommon
    return value


def _read_bool(value: Any) -> bool:
    if type(value) is not bool:
        raise NotCommon
    return value


def _read_decimal(value: Any) -> Decimal:
    if type(value) is not str or len(value) > 24 or not DECIMAL(value):
        raise NotCommon
    return Decimal(value)


def _read_date(value: Any) -> date:
    if type(value) is not str or not DATE(value):
        raise NotCommon
    return date.fromisoformat(value)  # a ValueError (30 February) leaves it to the thorough path


def _read_money(value: Any) -> Money:
    if type(value) is not dict or value.keys() != MONEY_KEYS:
        raise NotCommon
    amount, currency = value["amount"], value["currency"]
    if type(currency) is not str or not CURRENCY(currency):
        raise NotCommon
    # The amount's pattern bounds its digits and places, the currency is checked:
    # what Money's own gate would check, so the trusted route builds the same object.
    return Money._computed(_read_decimal(amount), currency)


PRIMITIVES: Final[dict[Any, Read]] = {
    str: _read_str,
    int: _read_int,
    bool: _read_bool,
    Decimal: _read_decimal,
    date: _read_date,
    Money: _read_money,
}


# How many values of one field the loaders keep as already read: a few thousand,
# forgotten all at once when full, so values that never repeat (supplier ids) cost a
# bounded memory and those that do repeat are soon back.
REMEMBERED: Final = 2048


class Codes(set[str]):
    """Codes of one field already seen to match the code pattern."""

    def remember(self, code: str) -> None:
        """Keep ``code`` (exactly a ``str``, matched) as known to match."""
        if len(self) >= REMEMBERED:
            self.clear()
        self.add(code)


class Days(dict[str, date]):
    """Dates of one field already read, by their text (``date`` is immutable)."""

    def remember(self, text: str, day: date) -> date:
        """Keep ``day`` as what ``text`` (exactly a ``str``, matched) reads as."""
        if len(self) >= REMEMBERED:
            self.clear()
        self[text] = day
        return day
