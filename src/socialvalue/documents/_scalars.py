"""Structure hooks for a document's scalar values: text, numbers, dates, money and enums.

Each hook takes a JSON value and gives the Python value or raises a
:class:`~socialvalue.errors.RuleViolation` saying what was wrong with it; the
converter (:mod:`._converter`) registers them and adds the paths. Decimals and
dates are read from strings of one exact form (:data:`DECIMAL_PATTERN`,
:data:`DATE_PATTERN`), never from JSON numbers, so no float ever stands between
the document and the value.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

from cattrs.errors import ForbiddenExtraKeysError

from socialvalue.documents._issues import describe
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = ["DATE_PATTERN", "DECIMAL_PATTERN"]

DECIMAL_PATTERN: Final = r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?"
DATE_PATTERN: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DECIMAL: Final = re.compile(DECIMAL_PATTERN)
_DATE: Final = re.compile(DATE_PATTERN)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _wrong(expected: str, value: object) -> RuleViolation:
    return RuleViolation("value.wrong_type", f"must be {expected}; got {describe(value)}")


def _text(value: Any) -> str | None:
    """``value`` as a plain ``str`` if it is text, else ``None``.

    A ``str`` subclass (a str-valued enum member, say) reads as the text it holds,
    as ``json`` would write it; ``str.__str__`` gives that text without the
    subclass's own ``__str__``.
    """
    if type(value) is str:
        return value
    return str.__str__(value) if isinstance(value, str) else None


def _object(value: Any) -> dict[Any, Any] | None:
    """``value`` as a plain ``dict`` if it is a mapping (JSON's object), else ``None``."""
    if type(value) is dict:
        return value
    return dict(value.items()) if isinstance(value, Mapping) else None


def _plain_keys(value: dict[Any, Any]) -> dict[Any, Any]:
    """``value`` with keys that are ``str`` subclasses made plain text.

    Called only when the keys do not match at once: an enum member hashes by its
    name, so ``{Field.NAME: ...}`` would not find the key ``"name"``.
    """
    if set(map(type, value)) <= {str}:  # one pass in C: objects may have a million keys
        return value
    return {(str.__str__(k) if isinstance(k, str) else k): v for k, v in value.items()}


def _structure_str(value: Any, _: type) -> str:
    text = _text(value)
    if text is None:
        raise _wrong("text", value)
    if not text.isascii() and _SURROGATE.search(text):
        raise RuleViolation(
            "text.bad_format",
            "must not hold a lone UTF-16 surrogate (\\ud800 to \\udfff): such text cannot"
            " be saved as UTF-8",
        )
    return text


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _wrong("a whole number", value)
        return int.__index__(value)  # an IntEnum member, say: the number it holds
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise _wrong("true or false", value)
    return value


def _structure_decimal(value: Any, _: type) -> Decimal:
    if type(value) is str and len(value) <= 24 and _DECIMAL.fullmatch(value):
        return Decimal(value)
    text = _text(value)
    if text is not None and len(text) <= 24 and _DECIMAL.fullmatch(text):
        return Decimal(text)
    if text is not None:
        raise RuleViolation(
            "decimal.bad_format",
            'must be a decimal string such as "12.5" (up to 15 digits before the point and 6'
            f" after, no exponent, no spaces); got {describe(value)}",
        )
    raise _wrong('a decimal string such as "12.5"', value)


def _structure_date(value: Any, _: type) -> date:
    if type(value) is not str:
        text = _text(value)
        if text is None:
            raise _wrong('a date string such as "2025-04-01"', value)
        value = text
    if not _DATE.fullmatch(value):
        raise RuleViolation(
            "date.bad_format", f"must be a date written YYYY-MM-DD; got {describe(value)}"
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RuleViolation(
            "date.impossible", f"must be a real date; {value} does not exist"
        ) from None


_MONEY_KEYS: Final = frozenset({"amount", "currency"})


def _structure_money(value: Any, _: type) -> Money:
    # Documents must state the currency: the Python default of GBP is a convenience
    # for code, not a guess to make about a supplier's figures.
    plain = _object(value)
    if plain is None:
        raise _wrong('money such as {"amount": "50000.00", "currency": "GBP"}', value)
    value = plain if plain.keys() == _MONEY_KEYS else _plain_keys(plain)
    if value.keys() != _MONEY_KEYS:
        faults: list[Exception] = [
            RuleViolation("value.missing", f"{key} is required", field=[key])
            for key in sorted(_MONEY_KEYS - value.keys())
        ]
        if extra := set(value.keys() - _MONEY_KEYS):
            faults.append(ForbiddenExtraKeysError("", Money, extra))
        raise faults[0] if len(faults) == 1 else ExceptionGroup("money", faults)
    # Check both parts before raising, so that a bad amount does not hide a bad currency.
    faults = []
    amount = None
    try:
        amount = _structure_decimal(value["amount"], Decimal)
    except RuleViolation as exc:
        faults.append(RuleViolation(exc.code, f"amount {exc.message}", field=["amount"]))
    currency = _text(value["currency"])
    if currency is None:
        faults.append(
            RuleViolation(
                "value.wrong_type",
                f"currency must be text; got {describe(value['currency'])}",
                field=["currency"],
            )
        )
    else:
        try:
            Money(0, currency)
        except RuleViolation as exc:
            faults.append(RuleViolation(exc.code, exc.message, field=["currency"]))
    if faults or amount is None or currency is None:
        raise faults[0] if len(faults) == 1 else ExceptionGroup("money", faults)
    return Money(amount, currency)


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _enum_hook(type_: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in type_}
    choices = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: type) -> enum.Enum:
        if type(value) is str and value in by_value:
            return by_value[value]
        text = _text(value)
        if text is not None and text in by_value:
            return by_value[text]
        raise RuleViolation(
            "value.not_in_choices", f"must be one of {choices}; got {describe(value)}"
        )

    return structure
