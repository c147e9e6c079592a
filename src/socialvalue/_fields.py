"""Field checks shared by attrs validators and the document converter.

A check is written once and runs in two places: as the attrs validator of a field
(so an invalid object cannot be built in Python) and, through the converter, as the
structure hook of that field (so a document's issue points at
``$.lines[2].quantity`` rather than at the enclosing object, and every field's
issue is reported at once). Each check also states itself as JSON Schema
(:meth:`FieldCheck.json_schema`): the document schemas are generated from the
classes' field checks, so a limit is written once, here or where a check is made.

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
    "ANY_LINE_PATTERN",
    "ANY_TEXT_PATTERN",
    "CODE_PATTERN",
    "END",
    "MAX_LIST_ITEMS",
    "Code",
    "DecimalRange",
    "FieldCheck",
    "Items",
    "Text",
    "Whole",
    "decimal_range_pattern",
    "refuse_control_characters",
]

#: No list in any document may hold more items than this (a hard cap on work).
MAX_LIST_ITEMS: Final = 1_000_000
#: JSON's own white space; text may not start or end with it.
JSON_SPACE: Final = " \t\n\r"
#: Codes and ids: letters, digits and ``. _ : / -``, starting with a letter or digit.
CODE_PATTERN: Final = r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}"
_CODE: Final = re.compile(CODE_PATTERN)

#: The end anchor of every schema pattern. Python's ``$`` also matches before a
#: final newline, JavaScript's does not; this lookahead reads alike in Python,
#: JavaScript and Rust (jsonschema-rs) engines.
END: Final = r"(?![\s\S])"
# Schema text patterns: no white space or control character at either end, no C0
# control character inside (tab and line feed only in text of several lines). The
# escapes are regex text, not characters, so exported JSON stays plain. No
# surrogate range (\uD800-\uDFFF): Rust's engine refuses it as "not a regex"; lone
# surrogates are refused by the loader and named in every schema's description.
_SCHEMA_CONTROL: Final = r"\u0000-\u001F"
_SCHEMA_CONTROL_BUT_TAB_AND_LF: Final = r"\u0000-\u0008\u000B-\u001F"
_SCHEMA_EDGE: Final = rf"[^ {_SCHEMA_CONTROL}]"
TRIMMED_LINE_PATTERN: Final = rf"^{_SCHEMA_EDGE}([^{_SCHEMA_CONTROL}]*{_SCHEMA_EDGE})?" + END
TRIMMED_LINES_PATTERN: Final = (
    rf"^{_SCHEMA_EDGE}([^{_SCHEMA_CONTROL_BUT_TAB_AND_LF}]*{_SCHEMA_EDGE})?" + END
)
#: Any text holding no control character but tab and line feed.
ANY_TEXT_PATTERN: Final = rf"^[^{_SCHEMA_CONTROL_BUT_TAB_AND_LF}]*" + END
#: As :data:`ANY_TEXT_PATTERN`, but one line: no control character at all.
ANY_LINE_PATTERN: Final = rf"^[^{_SCHEMA_CONTROL}]*" + END
#: Digits a decimal in a document may have before and after its point.
DECIMAL_DIGITS: Final = 15
DECIMAL_PLACES: Final = 6
_FRACTION: Final = rf"(\.[0-9]{{1,{DECIMAL_PLACES}}})?"
_WHOLE: Final = rf"(0|[1-9][0-9]{{0,{DECIMAL_DIGITS - 1}}})"


def decimal_range_pattern(minimum: Decimal | None, maximum: Decimal | None) -> str:
    r"""The schema pattern of a decimal string within ``[minimum, maximum]``.

    Decimal strings have up to :data:`DECIMAL_DIGITS` digits before the point and
    :data:`DECIMAL_PLACES` after. Bounds a pattern can state: none, a ``minimum`` of
    0 (which also refuses ``-0``), and with it a ``maximum`` that is a power of ten.

    >>> decimal_range_pattern(Decimal(0), Decimal(100))
    '^(100(\\.0{1,6})?|(0|[1-9][0-9]{0,1})(\\.[0-9]{1,6})?)(?![\\s\\S])'
    """
    if minimum is None and maximum is None:
        return f"^-?{_WHOLE}{_FRACTION}" + END
    if minimum != 0:
        raise ValueError(f"no schema pattern states a minimum of {minimum}")
    if maximum is None:
        return f"^{_WHOLE}{_FRACTION}" + END
    digits = len(str(int(maximum))) - 1
    if maximum <= 0 or maximum != 10**digits:
        raise ValueError(f"no schema pattern states a maximum of {maximum}")
    below = "0" if digits == 0 else f"(0|[1-9][0-9]{{0,{digits - 1}}})"
    return f"^({int(maximum)}(\\.0{{1,{DECIMAL_PLACES}}})?|{below}{_FRACTION})" + END


#: A schema fragment, as JSON data.
Schema = dict[str, Any]


def shared(defs: dict[str, Schema], name: str, definition: Schema) -> Schema:
    """A ``$ref`` to ``name`` in ``defs``, adding ``definition`` there on first use."""
    known = defs.setdefault(name, definition)
    if known != definition:
        raise ValueError(f"two different shapes want the schema name {name!r}")
    return {"$ref": f"#/$defs/{name}"}


def decimal_schema(
    defs: dict[str, Schema], minimum: Decimal | None, maximum: Decimal | None
) -> Schema:
    """The shared schema of a decimal string within ``[minimum, maximum]``."""
    if minimum is None and maximum is None:
        name, title = "decimal", "Decimal"
        about = (
            f"A decimal number written as a string: up to {DECIMAL_DIGITS} digits before the"
            f" point and {DECIMAL_PLACES} after, an optional leading minus, no exponent, no"
            " spaces (JSON numbers lose pence)."
        )
    elif maximum is None:
        name, title = "quantity", "Quantity"
        about = "A decimal string that is zero or more; '-0' is refused."
    elif maximum == 1:
        name, title = "fraction", "Fraction"
        about = "A decimal string from 0 to 1 inclusive, such as '0.25'."
    else:
        name, title = f"decimal-0-to-{maximum}", f"Decimal from 0 to {maximum}"
        about = f"A decimal string from 0 to {maximum} inclusive, such as '12.5'."
    return shared(
        defs,
        name,
        {
            "title": title,
            "description": about,
            "type": "string",
            "pattern": decimal_range_pattern(minimum, maximum),
        },
    )


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

    def json_schema(self, defs: dict[str, Schema]) -> Schema | None:
        """This check as JSON Schema (adding shared shapes to ``defs``); ``None`` if it has none.

        A check without a schema leaves the field's schema to its type alone, so a
        document the schema accepts may still be refused: give every check that
        documents meet a schema.
        """
        return None

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

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """Trimmed, non-empty text of at most ``max_length`` characters."""
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": self.max_length,
            "pattern": TRIMMED_LINES_PATTERN if self.multiline else TRIMMED_LINE_PATTERN,
        }


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

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """A reference to the shared ``code`` shape."""
        return shared(
            defs,
            "code",
            {
                "title": "Code",
                "description": (
                    "A stable code or id: 1 to 64 letters, digits and . _ : / - starting with a"
                    " letter or digit."
                ),
                "type": "string",
                "pattern": f"^{CODE_PATTERN}" + END,
            },
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

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """A reference to the shared decimal shape of this range."""
        return decimal_schema(defs, self.minimum, self.maximum)


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

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """A JSON integer within the bounds."""
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


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

    def json_schema(self, defs: dict[str, Schema]) -> Schema:
        """An array within the bounds; ``items`` is added by the schema generator.

        ``uniqueItems`` when items must have unique keys: unique keys make unique
        items, so every list this check accepts meets it (the keys' own rule is
        ``list.duplicate``, which the schema cannot state).
        """
        schema: Schema = {"type": "array"}
        if self.each is not None:
            item = self.each.json_schema(defs)
            if item is not None:
                schema["items"] = item
        if self.min_items:
            schema["minItems"] = self.min_items
        schema["maxItems"] = self.max_items
        if self.unique_by is not None:
            schema["uniqueItems"] = True
        return schema
