"""The one place where documents become objects and objects become documents.

Two cattrs converters are built here by one function, with the same strict hooks:

- the *fast* converter (no detailed validation) loads valid documents quickly;
- the *thorough* converter (cattrs' detailed validation) runs only when the fast
  one fails, and collects every problem with its path (turned into issues by
  :mod:`socialvalue.documents._issues`).

The hooks (those for scalars in :mod:`._scalars`) refuse what cattrs' defaults would
coerce (``42`` → ``"42"``, ``"yes"`` → ``True``), read decimals only from bounded
decimal strings, dates only as ``YYYY-MM-DD``, enums by value, objects only as JSON
objects with no extra keys, and lists only as JSON arrays. What Python gives in
place of a JSON value reads as ``json`` would write it: any mapping as an object, a
list or tuple as an array, a ``str`` or ``int`` subclass (a str-valued enum, an
``IntEnum``) as the text or number it holds; a value JSON cannot hold (a set, bytes,
a ``Decimal``) is refused, named. Each attrs field whose validator is a
:class:`~socialvalue._fields.FieldCheck` is checked inside its own structure hook,
so its issue carries the field's path. A list longer than any of its field's checks
allow is refused before its first item is read, and a list reports at most
:data:`MAX_ITEM_PROBLEMS` items in detail, counting the rest.
"""

from __future__ import annotations

import itertools
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from socialvalue._fields import MAX_LIST_ITEMS, FieldCheck
from socialvalue._typed import _TypeCheck, own_validator
from socialvalue.documents._scalars import (
    _MONEY_KEYS,
    _enum_hook,
    _is_enum,
    _object,
    _plain_keys,
    _structure_bool,
    _structure_date,
    _structure_decimal,
    _structure_int,
    _structure_money,
    _structure_str,
    _wrong,
)
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = [
    "MAX_ITEM_PROBLEMS",
    "MAX_LIST_ITEMS",
    "fast",
    "thorough",
    "unstructure",
]

#: Items with problems in one list reported in detail; the rest are counted in one issue.
MAX_ITEM_PROBLEMS: Final = 100


def _is_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any, converter: cattrs.Converter, counter: cattrs.Converter | None) -> Any:
    item_type = typing.get_args(type_)[0]
    item_hook = converter.get_structure_hook(item_type)

    def check_list(value: Any) -> None:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            raise _wrong("a list", value)
        if len(value) > MAX_LIST_ITEMS:
            raise RuleViolation(
                "list.too_long", f"must hold at most {MAX_LIST_ITEMS:,} items; got {len(value):,}"
            )

    def fast(value: Any, _: type) -> tuple[Any, ...]:
        check_list(value)
        return tuple([item_hook(item, item_type) for item in value])

    if counter is None:
        return fast
    count_problems = _problem_counter(item_type, counter)

    def thorough(value: Any, _: type) -> tuple[Any, ...]:
        check_list(value)
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every failure becomes an issue
                note = IterableValidationNote(f"index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
                if len(errors) == MAX_ITEM_PROBLEMS:
                    # Detail stops here, so that a million bad items cost a count,
                    # not a million issues.
                    more = count_problems(value, index + 1)
                    if more:
                        errors.append(
                            RuleViolation(
                                "list.more_problems",
                                f"and {more:,} more items with problems; only the first"
                                f" {MAX_ITEM_PROBLEMS} are listed",
                            )
                        )
                    break
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    return thorough


def _json_classes(type_: Any) -> tuple[type, ...] | None:
    """The Python classes a JSON value must have to stand a chance as ``type_``.

    ``None`` when any value might do (the structure hook alone can tell).
    """
    if _is_optional(type_):
        inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
        classes = _json_classes(inner)
        return None if classes is None else (*classes, type(None))
    if attrs.has(type_) or type_ is Money:
        return (Mapping,)
    if type_ in (str, Decimal, date) or _is_enum(type_):
        return (str,)
    if type_ in (int, bool):
        return (type_,)
    if _is_tuple(type_):
        return (list, tuple)
    return None


def _keys(type_: Any) -> tuple[frozenset[str], frozenset[str]] | None:
    """The keys an object must have and the keys it may have, to be a ``type_``."""
    if type_ is Money:
        return _MONEY_KEYS, _MONEY_KEYS
    if not attrs.has(type_):
        return None
    fields = attrs.fields(type_)
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    return required, frozenset(f.name for f in fields)


def _problem_counter(item_type: Any, counter: cattrs.Converter) -> Callable[[list[Any], int], int]:
    """How many items of a list, from an index on, the fast hook refuses.

    A value of the wrong JSON type, or an object without a required key or with an
    unknown one, is counted without calling the hook, and the verdict on each class
    is remembered: a list of a million nulls is counted in one pass of set lookups.
    Other items cost what loading them would.
    """
    hook = counter.get_structure_hook(item_type)
    classes = _json_classes(item_type)
    shape = _keys(item_type)

    def count(value: list[Any], start: int) -> int:
        # Counts the items that pass, not those that fail: a count of a million
        # misfits would make a new int object per item, and misfits are the cheap case.
        good = 0
        fits: set[type] = set()
        misfits: set[type] = set()
        for item in itertools.islice(value, start, None):
            cls = item.__class__
            if cls in misfits:
                continue
            if classes is not None and cls not in fits:
                if not issubclass(cls, classes):
                    misfits.add(cls)
                    continue
                fits.add(cls)
            if shape is not None and cls is dict:
                required, allowed = shape
                if not required <= item.keys() <= allowed:
                    continue
            try:
                hook(item, item_type)
            except Exception:  # noqa: BLE001 - any refusal is a problem to count
                continue
            good += 1
        return len(value) - start - good

    return count


def _list_limit(validator: Any) -> FieldCheck | None:
    """The check that sets a list field's bound on items (the lowest, if several do)."""
    # attrs joins a field's list of validators into one, holding them in _validators.
    members = getattr(validator, "_validators", (validator,))
    bounded = [m for m in members if isinstance(m, FieldCheck) and m.max_items is not None]
    return min(bounded, key=lambda m: m.max_items or 0, default=None)


def _refuse_long(check: FieldCheck, value: Sequence[Any]) -> None:
    """Refuse ``value``, a list longer than ``check`` allows, before reading any item."""
    check.check(value)
    raise RuleViolation(  # pragma: no cover - a bound that check() does not enforce
        "list.too_long", f"must hold at most {check.max_items:,} items; got {len(value):,}"
    )


def _checked(
    hook: Callable[[Any, Any], Any], check: FieldCheck, bound: FieldCheck | None, type_: Any
) -> Any:
    """The thorough hook of a checked field: structure, then check, so paths survive."""
    limit = MAX_LIST_ITEMS if bound is None else bound.max_items or MAX_LIST_ITEMS

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, (list, tuple)) and len(value) > limit:
            _refuse_long(bound or check, value)
        result = hook(value, type_)
        if result is not None or not check.optional:
            check.check(result)
        return result

    return structure


def _bounded(hook: Callable[[Any, Any], Any], bound: FieldCheck, type_: Any) -> Any:
    """The hook of a bounded list: refuse an over-long list before reading it.

    The fast path leaves every other field check to the class's own validators, which
    run when the object is built: checking in the hook as well did all the work twice.
    """
    limit = bound.max_items or MAX_LIST_ITEMS

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, (list, tuple)) and len(value) > limit:
            _refuse_long(bound, value)
        return hook(value, type_)

    return structure


def _declared_validator(field: attrs.Attribute[Any]) -> Any:
    """The validator ``field`` was declared with, without any type check around it."""
    validator = own_validator(field)
    # A subclass made with typed_fields (PublishedReport) wraps its inherited fields'
    # type checks in another, so one unwrapping is not always enough.
    while isinstance(validator, _TypeCheck):
        validator = validator.inner
    return validator


def _field_hook(field: attrs.Attribute[Any], converter: cattrs.Converter, detailed: bool) -> Any:
    check = _declared_validator(field)
    hook = converter.get_structure_hook(field.type)
    bound = _list_limit(check)
    if detailed and isinstance(check, FieldCheck):
        return _checked(hook, check, bound, field.type)
    if bound is not None:
        return _bounded(hook, bound, field.type)
    return None


def _attrs_hook(type_: type, converter: cattrs.Converter, detailed: bool) -> Any:
    attrs.resolve_types(type_)
    hooks = {field.name: _field_hook(field, converter, detailed) for field in attrs.fields(type_)}
    overrides = {name: override(struct_hook=hook) for name, hook in hooks.items() if hook}
    # The fast path checks keys itself with one subset test in C; cattrs' own check
    # builds a set per object. The thorough path lets cattrs name each extra key.
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        type_,
        converter,
        _cattrs_forbid_extra_keys=detailed,
        _cattrs_detailed_validation=detailed,
        **overrides,  # type: ignore[arg-type]  # per-field overrides are keyword arguments
    )
    allowed = frozenset(field.name for field in attrs.fields(type_))

    def structure(value: Any, cls: type) -> Any:
        plain = _object(value)
        if plain is None:
            raise _wrong("an object", value)
        if not plain.keys() <= allowed:
            plain = _plain_keys(plain)
            if not detailed and not plain.keys() <= allowed:
                raise ForbiddenExtraKeysError("", type_, set(plain.keys() - allowed))
        return generated(plain, cls)

    return structure


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook(type_: Any, converter: cattrs.Converter) -> Any:
    # cattrs' own optional hook dispatches on every call; this one decides once.
    inner_type = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _make(counter: cattrs.Converter | None = None) -> cattrs.Converter:
    """A converter: the fast one, or given the fast one to count with, the thorough one."""
    detailed = counter is not None
    converter = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(Money, _structure_money)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    converter.register_structure_hook_factory(_is_tuple, lambda t, c: _tuple_hook(t, c, counter))
    converter.register_structure_hook_factory(attrs.has, lambda t, c: _attrs_hook(t, c, detailed))
    converter.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook_factory(_is_enum, lambda t: lambda e: e.value)
    converter.register_unstructure_hook_factory(_is_tuple, lambda t, c: _list_unstructure(t, c))
    converter.register_unstructure_hook_factory(
        attrs.has, lambda t, c: make_dict_unstructure_fn(t, c)
    )
    return converter


def _list_unstructure(type_: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    item_hook = converter.get_unstructure_hook(typing.get_args(type_)[0])
    return lambda value: [item_hook(item) for item in value]


fast: Final = _make()
thorough: Final = _make(counter=fast)


def unstructure(obj: object) -> Any:
    """A JSON-ready form of ``obj``: dicts, lists, strings, ints, bools and ``None``."""
    return fast.unstructure(obj, unstructure_as=type(obj))
