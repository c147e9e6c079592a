"""Field checks shared by attrs validators and the document converter.

A check is written once and runs in two places: as the attrs validator of a field
(so an invalid object cannot be built in Python) and, through the converter, as the
structure hook of that field (so a document's issue points at
``$.lines[2].quantity`` rather than at the enclosing object, and every field's
issue is reported at once). The JSON Schemas in :mod:`socialvalue.documents.schemas` state the
same bounds; the agreement tests keep the two in step.

Use them as attrs validators::

    @attrs.frozen
    class Line:
        code: str = attrs.field(validator=Code())
        quantity: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue.errors import RuleViolation

__all__ = [
    "CODE_PATTERN",
    "MAX_LIST_ITEMS",
    "Code",
    "DecimalRange",
    "FieldCheck",
    "Items",
    "Text",
    "Whole",
    "refuse_control_characters",
]

#: No list in any document may hold more items than this (a hard cap on work).
MAX_LIST_ITEMS: Final = 1_000_000
#: JSON's own white space; text may not start or end with it.
JSON_SPACE: Final = " \t\n\r"
#: Codes and ids: letters, digits and ``. _ : / -``, starting with a letter or digit.
CODE_PATTERN: Final = r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}"
_CODE: Final = re.compile(CODE_PATTERN)
# C0 control characters (U+0000 to U+001F): none in one-line text; tab and line
# feed only in text of several lines. NUL ends a string in C, and the others move
# or hide what a reader sees.
_CONTROL: Final = re.compile("[\x00-\x1f]")
_CONTROL_BUT_TAB_AND_LINE_FEED: Final = re.compile("[\x00-\x08\x0b-\x1f]")
_CONTROL_NAMES: Final = {
    "\x00": "NUL",
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a carriage return",
}


def refuse_control_characters(value: str, *, multiline: bool = False) -> None:
    """Raise ``text.control_character`` if ``value`` holds a C0 control character.

    Text of several lines (``multiline``) may hold tab and line feed (LF);
    one-line text none at all. The schemas' text patterns state the same rule.
    """
    if value.isprintable():  # printable text holds no control character: one C call
        return
    found = (_CONTROL_BUT_TAB_AND_LINE_FEED if multiline else _CONTROL).search(value)
    if found is None:
        return
    char = found.group()
    what = f"{_CONTROL_NAMES.get(char, 'a control character')} (U+{ord(char):04X})"
    rule = (
        "must not hold control characters other than tab and line feed (\\n)"
        if multiline
        else "must be one line, without tabs or other control characters"
    )
    raise RuleViolation(
        "text.control_character", f"{rule}; found {what} at character {found.start() + 1}"
    )


class FieldCheck:
    """Base of the field checks: an attrs validator with a path-free :meth:`check`.

    Subclasses implement :meth:`check`, raising :class:`RuleViolation` (path
    relative to the field) or :class:`TypeError`. ``optional=True`` lets ``None``
    through, for ``X | None`` fields.
    """

    optional: bool = False
    #: For checks of lists, the most items the list may hold. The document converter
    #: refuses a longer list before reading a single item, so the bound caps the work.
    max_items: int | None = None

    def check(self, value: Any) -> None:
        """Raise :class:`RuleViolation` if ``value`` breaks this check."""
        raise NotImplementedError

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        try:
            self.check(value)
        except RuleViolation as exc:
            raise RuleViolation(exc.code, exc.message, field=[attribute.name, *exc.field]) from None


@attrs.frozen
class Text(FieldCheck):
    """Non-empty, trimmed text of at most ``max_length`` characters, without controls.

    Trimmed means no JSON white space (space, tab, CR, LF) at either end, as the
    schema pattern states. Text is one line unless ``multiline``, which lets tab and
    line feed stand inside it; no other C0 control character (NUL, CR, …) may.
    """

    max_length: int = 200
    optional: bool = False
    multiline: bool = False

    def check(self, value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"must be text; got {type(value).__name__}")
        if not value.strip(JSON_SPACE):
            raise RuleViolation("text.empty", "must not be empty")
        if len(value) > self.max_length:
            raise RuleViolation(
                "text.too_long", f"must be at most {self.max_length} characters; got {len(value)}"
            )
        if value[0] in JSON_SPACE or value[-1] in JSON_SPACE:
            raise RuleViolation(
                "text.untrimmed", "must not start or end with spaces or line breaks"
            )
        refuse_control_characters(value, multiline=self.multiline)


@attrs.frozen
class Code(FieldCheck):
    """A code or identifier such as ``GM-JOBS-1`` (see :data:`CODE_PATTERN`)."""

    optional: bool = False

    def check(self, value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"must be text; got {type(value).__name__}")
        if not _CODE.fullmatch(value):
            raise RuleViolation(
                "text.bad_format",
                "must be a code of 1 to 64 letters, digits and . _ : / - that starts with a"
                f" letter or digit; got {value[:70]!r}",
            )


@attrs.frozen
class DecimalRange(FieldCheck):
    """A decimal within ``[minimum, maximum]``; a zero ``minimum`` also refuses ``-0``."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    optional: bool = False

    def check(self, value: Any) -> None:
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"must be a finite Decimal; got {value!r}")
        low = self.minimum
        if low is not None and (value < low or (low == 0 and value.is_signed())):
            raise RuleViolation("decimal.out_of_range", f"must be at least {low}; got {value}")
        if self.maximum is not None and value > self.maximum:
            raise RuleViolation(
                "decimal.out_of_range", f"must be at most {self.maximum}; got {value}"
            )


@attrs.frozen
class Whole(FieldCheck):
    """An ``int`` within ``[minimum, maximum]`` (``bool`` is refused)."""

    minimum: int
    maximum: int
    optional: bool = False

    def check(self, value: Any) -> None:
        if type(value) is not int:
            raise TypeError(f"must be a whole number; got {type(value).__name__}")
        if not self.minimum <= value <= self.maximum:
            raise RuleViolation(
                "decimal.out_of_range",
                f"must be a whole number from {self.minimum} to {self.maximum}; got {value}",
            )


@attrs.frozen
class Items(FieldCheck):
    """A list of ``min_items`` to ``max_items`` items.

    If ``unique_by`` is given, it maps each item to a key that must be unique; a
    repeat is reported at its second index. If ``each`` is given, every item must
    pass that check (e.g. ``Items(each=Code())`` for a list of ids); the first
    failure is reported at its index.
    """

    min_items: int = 0
    max_items: int = 1000
    unique_by: Callable[[Any], Hashable] | None = None
    what: str = "item"
    optional: bool = False
    each: FieldCheck | None = None

    def check(self, value: Any) -> None:
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise TypeError(f"must be a sequence; got {type(value).__name__}")
        if len(value) < self.min_items:
            raise RuleViolation("list.empty", f"must hold at least {self.min_items} {self.what}")
        if len(value) > self.max_items:
            raise RuleViolation(
                "list.too_long",
                f"must hold at most {self.max_items} {self.what}s; got {len(value)}",
            )
        if self.each is not None:
            for index, item in enumerate(value):
                try:
                    self.each.check(item)
                except RuleViolation as exc:
                    raise RuleViolation(exc.code, exc.message, field=[index, *exc.field]) from None
        if self.unique_by is not None:
            seen: dict[Hashable, int] = {}
            for index, item in enumerate(value):
                key = self.unique_by(item)
                if key in seen:
                    raise RuleViolation(
                        "list.duplicate",
                        f"repeats {self.what} {key!r} already given at index {seen[key]}",
                        field=[index],
                    )
                seen[key] = index
