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
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._fields import (
    MAX_LIST_ITEMS,
    Code,
    DecimalRange,
    FieldCheck,
    Items,
    Text,
)
from socialvalue.documents import _converter
from socialvalue.documents._reading import (
    CODE,
    CURRENCY,
    DATE,
    DECIMAL,
    MONEY_KEYS,
    PRIMITIVES,
    QUANTITY,
    Codes,
    Days,
    NotCommon,
    Read,
)
from socialvalue.money import Money

__all__ = ["loader"]

# The slot in which attrs classes made with cache_hash=True keep their hash; their
# __init__ clears it.
_HASH_CACHE: Final = "_attrs_cached_hash"
# The class of attrs' default factories (attrs.Factory is typed as a function).
_FACTORY: Final[Any] = type(attrs.Factory(list))
_LOADERS: dict[Any, Read] = {}


def loader(type_: Any) -> Read:
    """The loader of ``type_``, built on first use and kept."""
    read = _LOADERS.get(type_)
    if read is None:
        read = _LOADERS[type_] = _build(type_)
    return read


def _build(type_: Any) -> Read:
    primitive = PRIMITIVES.get(type_)
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
        "    obj = new(shape)",
    ]
    # Filled as an object of a twin class that allows setting its slots, then given
    # its own class: plain attribute stores cost half the slots' own setters.
    twin = _twin(cls, fields)
    names["shape"] = cls if twin is None else twin
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
            body.append(f"    {_setter(twin, field.name, f'factory{index}()')}")
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
        body.append(f"    {_setter(twin, field.name, 'v')}")
    if twin is not None:
        body.append("    obj.__class__ = cls")
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


def _setter(twin: type | None, name: str, value: str) -> str:
    """A statement that sets ``name`` on the new object ``obj`` to ``value``.

    A plain attribute store on the twin class if there is one; else
    ``object.__setattr__``, which frozen classes need.
    """
    if twin is not None:
        return f"obj.{name} = {value}"
    return f"put(obj, {name!r}, {value})"


def _twin(cls: type, fields: tuple[attrs.Attribute[Any], ...]) -> type | None:
    """A class of ``cls``'s own layout whose objects' slots can be set, if it can have one.

    Only for classes whose every field is a slot: an object is built as a twin and
    then given ``cls`` as its class (Python allows it between classes of one
    layout), before any validator or ``__attrs_post_init__`` sees it.
    """
    if not all(
        isinstance(inspect.getattr_static(cls, f.name, None), types.MemberDescriptorType)
        for f in fields
    ):
        return None
    twin = type(
        cls.__name__,
        (cls,),
        {
            "__slots__": (),
            # Both, so that the class's one slot for them is object's own and plain
            # stores take the interpreter's fast path.
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": cls.__module__,
            "__qualname__": f"{cls.__qualname__} (being loaded)",
        },
    )
    probe: Any = object.__new__(twin)
    try:
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - every slotted attrs class allows it
        return None
    return twin


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
        names["CODE"], names[f"codes{index}"] = CODE, Codes()
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
        names["QUANTITY"] = QUANTITY
        lines = [
            # The pattern is bounded: a long string fails within its first 23 characters.
            "if type(v) is not str or not QUANTITY(v):",
            "    raise NotCommon",
            "v = Decimal(v)",
        ]
        names["Decimal"] = Decimal
    elif type_ is date and check is None:
        names["DATE"], names["day"], names[f"days{index}"] = DATE, date.fromisoformat, Days()
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
            MONEY_KEYS,
            CURRENCY,
            Money._computed,
        )
        names["AMOUNT"] = DECIMAL if check is None else QUANTITY
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


def _items_check(check: Items) -> Read:
    """``check`` on the tuple a reader built: the same verdict, without the general path.

    The reader made a tuple, so the sequence test is done; a failing item or a repeated
    key leaves the document to the thorough path, which reports it.
    """
    low, high, key = check.min_items, check.max_items, check.unique_by
    each = None if check.each is None else check.each.check
    codes = Codes() if type(check.each) is Code else None

    def items(value: tuple[Any, ...]) -> None:
        if not low <= len(value) <= high:
            raise NotCommon
        if codes is not None:
            for item in value:  # as the inline check of one code
                if type(item) is not str:
                    raise NotCommon
                if item not in codes:
                    if not CODE(item):
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
