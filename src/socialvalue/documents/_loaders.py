"""Generated loaders: one strict structure function per class, built at first use.

A loader reads a document that is valid in the common way, checks each value once
and builds the object without the attrs ``__init__``: the JSON type and form of a
value are checked as it is read (so the ``typed_fields`` type checks, which the
read values meet by construction, are not run again), each field's
:class:`~socialvalue._fields.FieldCheck` runs once, the class's other validators
and ``__attrs_post_init__`` run as attrs would run them.

A loader never reports: on anything unusual (a ``str`` subclass, a missing key, a
value out of range) it raises, and :mod:`socialvalue.documents.loading` falls back
to the thorough converter, which collects every issue. So a loader may refuse more
than the thorough path (it is then only slower) but never accept what it refuses,
and it builds the same object: the agreement tests compare the two on every
example, every single mutation and documents generated from each schema.
"""

from __future__ import annotations

import enum
import inspect
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._fields import (
    CODE_PATTERN,
    MAX_LIST_ITEMS,
    Code,
    DecimalRange,
    FieldCheck,
    Items,
    Text,
)
from socialvalue.documents import _converter
from socialvalue.money import Money

__all__ = ["loader"]

_DECIMAL: Final = re.compile(_converter.DECIMAL_PATTERN).fullmatch
_DATE: Final = re.compile(_converter.DATE_PATTERN).fullmatch
_CURRENCY: Final = re.compile(r"[A-Z]{3}").fullmatch
_CODE: Final = re.compile(CODE_PATTERN).fullmatch
_QUANTITY: Final = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?").fullmatch
_SURROGATE: Final = re.compile("[\ud800-\udfff]").search
_MONEY_KEYS: Final = frozenset({"amount", "currency"})
# The slot in which attrs classes made with cache_hash=True keep their hash; their
# __init__ clears it.
_HASH_CACHE: Final = "_attrs_cached_hash"

Read = Callable[[Any], Any]
# The class of attrs' default factories (attrs.Factory is typed as a function).
_FACTORY: Final[Any] = type(attrs.Factory(list))
_LOADERS: dict[Any, Read] = {}


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
    if type(value) is not str or len(value) > 24 or not _DECIMAL(value):
        raise NotCommon
    return Decimal(value)


def _read_date(value: Any) -> date:
    if type(value) is not str or not _DATE(value):
        raise NotCommon
    return date.fromisoformat(value)  # a ValueError (30 February) leaves it to the thorough path


def _read_money(value: Any) -> Money:
    if type(value) is not dict or value.keys() != _MONEY_KEYS:
        raise NotCommon
    amount, currency = value["amount"], value["currency"]
    if type(currency) is not str or not _CURRENCY(currency):
        raise NotCommon
    # The amount's pattern bounds its digits and places, the currency is checked:
    # what Money's own gate would check, so the trusted route builds the same object.
    return Money._computed(_read_decimal(amount), currency)


_PRIMITIVES: Final[dict[Any, Read]] = {
    str: _read_str,
    int: _read_int,
    bool: _read_bool,
    Decimal: _read_decimal,
    date: _read_date,
    Money: _read_money,
}


def loader(type_: Any) -> Read:
    """The loader of ``type_``, built on first use and kept."""
    read = _LOADERS.get(type_)
    if read is None:
        read = _LOADERS[type_] = _build(type_)
    return read


def _build(type_: Any) -> Read:
    primitive = _PRIMITIVES.get(type_)
    if primitive is not None:
        return primitive
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return _optional(rest[0])
    if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _items(args[0], MAX_LIST_ITEMS)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _enum(type_)
    if isinstance(type_, type) and attrs.has(type_):
        return _object(type_)
    return _refusing


def _refusing(value: Any) -> Any:
    raise NotCommon


def _optional(inner_type: Any) -> Read:
    def read(value: Any) -> Any:
        return None if value is None else inner(value)

    inner = loader(inner_type)
    return read


def _items(item_type: Any, limit: int) -> Read:
    def read(value: Any) -> tuple[Any, ...]:
        if type(value) is not list or len(value) > limit:
            raise NotCommon
        return tuple([item(each) for each in value])

    item = loader(item_type)
    return read


def _enum(type_: type[enum.Enum]) -> Read:
    by_value = {member.value: member for member in type_}

    def read(value: Any) -> enum.Enum:
        if type(value) is not str:
            raise NotCommon
        return by_value[value]  # a KeyError leaves it to the thorough path

    return read


def _object(cls: type) -> Read:
    """Generate the loader of an attrs class (Python source, compiled once)."""
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    names: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "put": object.__setattr__,
        "NotCommon": NotCommon,
        "NOTHING": attrs.NOTHING,
    }
    allowed = frozenset(f.alias or f.name for f in fields if f.init)
    names["allowed"] = allowed
    # A document with as many keys as the class has fields is checked for unknown
    # keys by reading: every field's key must then be there (a missing one means
    # another key took its place), which costs nothing when all are given.
    body = [
        "def load(d):",
        "    if type(d) is not dict:",
        "        raise NotCommon",
        f"    full = len(d) == {len(allowed)}",
        "    if not full and not d.keys() <= allowed:",
        "        raise NotCommon",
        "    obj = new(cls)",
    ]
    if _HASH_CACHE in getattr(cls, "__slots__", ()):
        body.append(f"    put(obj, {_HASH_CACHE!r}, None)")  # as attrs' __init__ does
    after: list[str] = []
    for index, field in enumerate(fields):
        key = field.alias or field.name
        default: Any = field.default
        if not field.init:
            if not isinstance(default, _FACTORY) or default.takes_self:
                return _refusing
            names[f"factory{index}"] = default.factory
            body.append(f"    {_setter(cls, field.name, index, names)}(obj, factory{index}())")
            continue
        names[f"read{index}"] = _field_reader(field)
        declared = _converter._declared_validator(field)
        present = _inline(index, field, declared, names)
        if field.default is attrs.NOTHING:
            body.append(f"    v = d[{key!r}]")
            body.extend(present)
        elif _none_by_default(field, declared) and present[0] == "    if v is not None:":
            # Absent or null, the value is None: read with get, look inside otherwise.
            body.append(f"    v = d.get({key!r})")
            body.extend(present)
            body.append(f"    elif full and {key!r} not in d:")
            body.append("        raise NotCommon")
        else:
            if isinstance(default, _FACTORY):
                if default.takes_self:
                    return _refusing
                names[f"factory{index}"] = default.factory
                fill = f"factory{index}()"
            else:
                names[f"default{index}"] = field.default
                fill = f"default{index}"
            # A default is valid by the class's making; attrs' check of it would pass.
            body.append(f"    v = d.get({key!r}, NOTHING)")
            body.append("    if v is NOTHING:")
            body.append("        if full:")
            body.append("            raise NotCommon")
            body.append(f"        v = {fill}")
            if field.converter is not None:
                body.append(f"        v = convert{index}(v)")
            body.append("    else:")
            body.extend(f"    {line}" for line in present)
        if (
            declared is not None
            and not isinstance(declared, FieldCheck)
            and not _proved(declared, field.type)
        ):
            # Validators that are not field checks (functions, and_ of several) may
            # look at other fields: run them, as attrs does, once all are set.
            names[f"validate{index}"] = declared
            names[f"field{index}"] = field
            after.append(f"    validate{index}(obj, field{index}, obj.{field.name})")
        body.append(f"    {_setter(cls, field.name, index, names)}(obj, v)")
    body.extend(after)
    if hasattr(cls, "__attrs_post_init__"):
        body.append("    obj.__attrs_post_init__()")
    body.append("    return obj")
    source = "\n".join(body)
    exec(
        compile(source, f"<socialvalue loader {cls.__qualname__}>", "exec"), names
    )  # source built from the fields
    load: Read = names["load"]
    return load


def _none_by_default(field: attrs.Attribute[Any], declared: Any) -> bool:
    """Whether an absent ``field`` is None, as a null one is, and both are valid.

    So reading it needs no test for absence: no converter, the default None, an
    optional type and a field check (if any) that takes None.
    """
    return (
        field.default is None
        and field.converter is None
        and _optional_of(field.type) is not None
        and (not isinstance(declared, FieldCheck) or declared.optional)
    )


def _setter(cls: type, name: str, index: int, names: dict[str, Any]) -> str:
    """The name of a function that sets ``name`` on a new object of ``cls``.

    A slot's own descriptor when there is one (a third faster than
    ``object.__setattr__``, which frozen classes need otherwise).
    """
    slot = inspect.getattr_static(cls, name, None)
    if isinstance(slot, types.MemberDescriptorType):
        names[f"set{index}"] = slot.__set__
        return f"set{index}"

    def put(obj: object, value: Any) -> None:
        object.__setattr__(obj, name, value)

    names[f"set{index}"] = put
    return f"set{index}"


def _proved(validator: Any, type_: Any) -> bool:
    """Whether ``validator`` only checks the class that the reader of ``type_`` gives."""
    inner = _optional_of(type_)
    if type(validator).__name__ == "_OptionalValidator" and inner is not None:
        validator, type_ = validator.validator, inner
    return type(validator).__name__ == "_InstanceOfValidator" and validator.type is type_


def _optional_of(type_: Any) -> Any | None:
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2:
        rest = [arg for arg in args if arg is not type(None)]
        return rest[0] if len(rest) == 1 else None
    return None


def _inline(
    index: int, field: attrs.Attribute[Any], declared: Any, names: dict[str, Any]
) -> list[str]:
    """Lines that read and check a present value ``v`` of ``field``, as one-liners where known.

    The common cases are written out (no call per value): a code, trimmed text, a
    non-negative decimal, an enum. Anything else reads and checks by calls.
    """
    optional = _optional_of(field.type)
    type_ = optional if optional is not None else field.type
    check = declared if isinstance(declared, FieldCheck) else None
    lines: list[str] | None = None
    if field.converter is not None:
        # attrs converts before it validates: read, convert, then check.
        names[f"convert{index}"] = field.converter
        lines = [f"v = read{index}(v)", f"v = convert{index}(v)"]
        if check is not None:
            names[f"check{index}"] = _items_check(check) if type(check) is Items else check.check
            lines.append(f"check{index}(v)")
    elif check is not None and check.optional != (optional is not None):
        lines = None
    elif type_ is str and type(check) is Code:
        names["CODE"], names[f"codes{index}"] = _CODE, _Codes()
        # Codes repeat (a catalogue's measures in every document): a code met
        # before is known to match without running the pattern again.
        lines = [
            "if type(v) is not str:",
            "    raise NotCommon",
            f"if v not in codes{index}:",
            "    if not CODE(v):",
            "        raise NotCommon",
            f"    codes{index}.remember(v)",
        ]
    elif type_ is str and type(check) is Text:
        names[f"check{index}"] = check.check
        lines = [
            f"if (type(v) is not str or not 0 < len(v) <= {check.max_length}"
            ' or v[0] == " " or v[-1] == " " or not v.isprintable()):',
            f"    v = read{index}(v)",
            f"    check{index}(v)",
        ]
    elif type_ is Decimal and check is not None and _whole_rule_is(check, "quantity"):
        names["QUANTITY"] = _QUANTITY
        lines = [
            # The pattern is bounded: a long string fails within its first 23 characters.
            "if type(v) is not str or not QUANTITY(v):",
            "    raise NotCommon",
            "v = Decimal(v)",
        ]
        names["Decimal"] = Decimal
    elif type_ is date and check is None:
        names["DATE"], names["day"], names[f"days{index}"] = _DATE, date.fromisoformat, _Days()
        # Dates repeat (a period's ends, a signing day): a date read before is not
        # matched and parsed again. An impossible one (30 February) raises ValueError.
        lines = [
            "if type(v) is not str:",
            "    raise NotCommon",
            f"w = days{index}.get(v)",
            "if w is None:",
            "    if not DATE(v):",
            "        raise NotCommon",
            f"    w = days{index}.remember(v, day(v))",
            "v = w",
        ]
    elif type_ is Money and (check is None or _whole_rule_is(check, "money-not-negative")):
        names["MONEY_KEYS"], names["CURRENCY"], names["money"] = (
            _MONEY_KEYS,
            _CURRENCY,
            Money._computed,
        )
        names["AMOUNT"] = _DECIMAL if check is None else _QUANTITY
        names["Decimal"] = Decimal
        # The amount's pattern bounds its digits and places and the currency is
        # checked: what Money's gate (and NotNegative) check, so the trusted route
        # builds the same object.
        lines = [
            "if type(v) is not dict or v.keys() != MONEY_KEYS:",
            "    raise NotCommon",
            'amount, currency = v["amount"], v["currency"]',
            "if (type(amount) is not str or not AMOUNT(amount)",
            "        or type(currency) is not str or not CURRENCY(currency)):",
            "    raise NotCommon",
            "v = money(Decimal(amount), currency)",
        ]
    elif type_ is bool and check is None:
        lines = ["if type(v) is not bool:", "    raise NotCommon"]
    elif check is None and isinstance(type_, type) and issubclass(type_, enum.Enum):
        names[f"values{index}"] = {member.value: member for member in type_}
        lines = ["if type(v) is not str:", "    raise NotCommon", f"v = values{index}[v]"]
    if lines is None:
        lines = [f"v = read{index}(v)"]
        if check is not None:
            names[f"check{index}"] = check.check
            lines.append(f"check{index}(v)")
    if optional is not None:
        if lines[0] == f"v = read{index}(v)":
            # The optional reader lets None through; the check must too.
            lines = [
                lines[0],
                *(
                    f"if v is not None: {line}" if line.startswith("check") else line
                    for line in lines[1:]
                ),
            ]
        else:
            lines = ["if v is not None:", *(f"    {line}" for line in lines)]
    return [f"    {line}" for line in lines]


# How many values of one field the loaders keep as already read: a few thousand,
# forgotten all at once when full, so values that never repeat (supplier ids) cost a
# bounded memory and those that do repeat are soon back.
_REMEMBERED: Final = 2048


class _Codes(set[str]):
    """Codes of one field already seen to match the code pattern."""

    def remember(self, code: str) -> None:
        """Keep ``code`` (exactly a ``str``, matched) as known to match."""
        if len(self) >= _REMEMBERED:
            self.clear()
        self.add(code)


class _Days(dict[str, date]):
    """Dates of one field already read, by their text (``date`` is immutable)."""

    def remember(self, text: str, day: date) -> date:
        """Keep ``day`` as what ``text`` (exactly a ``str``, matched) reads as."""
        if len(self) >= _REMEMBERED:
            self.clear()
        self[text] = day
        return day


def _items_check(check: Items) -> Read:
    """``check`` on the tuple a reader built: the same verdict, without the general path.

    The reader made a tuple, so the sequence test is done; a failing item or a repeated
    key leaves the document to the thorough path, which reports it.
    """
    low, high, key = check.min_items, check.max_items, check.unique_by
    each = None if check.each is None else check.each.check
    codes = _Codes() if type(check.each) is Code else None

    def items(value: tuple[Any, ...]) -> None:
        if not low <= len(value) <= high:
            raise NotCommon
        if codes is not None:
            for item in value:  # as the inline check of one code
                if type(item) is not str:
                    raise NotCommon
                if item not in codes:
                    if not _CODE(item):
                        raise NotCommon
                    codes.remember(item)
        elif each is not None:
            for item in value:
                each(item)
        if key is not None and len({key(item) for item in value}) != len(value):
            raise NotCommon

    return items


def _whole_rule_is(check: FieldCheck, shape: str) -> bool:
    """Whether ``check`` accepts exactly the values that the shared ``shape`` states.

    A check whose schema is a shared shape alone states its whole rule there (the
    shapes' patterns are the loader's own bounds): ``quantity`` (``DecimalRange``
    from 0, ``Quantity``) and ``money-not-negative`` (``NotNegative``).
    """
    if type(check) is DecimalRange and shape == "quantity":
        return check.minimum == 0 and check.maximum is None
    return check.json_schema({}) == {"$ref": f"#/$defs/{shape}"}


def _field_reader(field: attrs.Attribute[Any]) -> Read:
    """How a field's value is read: by its type, with a list's bound checked first."""
    type_ = field.type
    args = typing.get_args(type_)
    if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
        bound = _converter._list_limit(_converter._declared_validator(field))
        limit = MAX_LIST_ITEMS if bound is None else bound.max_items or MAX_LIST_ITEMS
        return _items(args[0], limit)
    return loader(type_)
