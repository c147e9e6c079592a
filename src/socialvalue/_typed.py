"""The type of every field, checked when an object is built.

Every attrs class in the library is made with ``field_transformer=typed_fields``, so
that a value of the wrong type cannot be built into an object:
a string for an enum, ``"no"`` for a bool, a ``datetime`` for a date, a dict for a
nested object. The check is derived from the field's annotation, so a class added
later is covered without writing a validator; it runs before the field's own checks,
which may then assume the type.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Collection, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["filler", "own_validator", "typed_fields"]

_T = typing.TypeVar("_T")


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` that checks every field's value against its annotation.

    Every class is declared ``@attrs.frozen(field_transformer=typed_fields)`` (spelled
    out, so that type checkers' attrs support still reads the class); a value of the
    wrong type then raises :class:`TypeError` naming the class, the field, what it
    must be and what it got.

    >>> @attrs.frozen(field_transformer=typed_fields)
    ... class Line:
    ...     quantity: Decimal
    >>> Line("3")
    Traceback (most recent call last):
    ...
    TypeError: Line.quantity must be a Decimal; got str '3'
    """
    return [
        field.evolve(
            validator=_TypeCheck(cls, field.name, field.validator),
            converter=_named(cls, field.name, field.converter),
        )
        for field in fields
    ]


def _named(cls: type, name: str, converter: Any) -> Any:
    """``converter``, made to say which field a value of the wrong type was given for.

    Converters such as ``tuple`` fail on a wrong type with a message that names no
    field (``'int' object is not iterable``).
    """
    if converter is None:
        return None

    def convert(value: Any) -> Any:
        try:
            return converter(value)
        except TypeError as exc:
            if name in str(exc):
                raise
            expected = _checker(typing.get_type_hints(cls)[name])(value) or "another type"
            raise TypeError(
                f"{cls.__name__}.{name} must be {expected}; got {type(value).__name__}"
                f" {_shown(value)}"
            ) from None

    return convert


def own_validator(field: attrs.Attribute[Any]) -> Any:
    """The validator a field was declared with, without the type check of :func:`typed_fields`.

    The document converter runs a field's own check inside the field's structure
    hook, so that its issue carries the field's JSON path.
    """
    validator = field.validator
    return validator.inner if isinstance(validator, _TypeCheck) else validator


class _TypeCheck:
    """An attrs validator checking a field's annotation, resolved on first use.

    Annotations are strings here (``from __future__ import annotations``) and may
    name classes defined later in the module, so they are resolved when the first
    object is built rather than when the class is. Values whose class is exactly
    one the annotation names (the usual case) pass on one comparison; only the
    others go through the full check.
    """

    __slots__ = ("_check", "_cls", "_exact", "_items", "_name", "inner")

    def __init__(self, cls: type, name: str, inner: Any) -> None:
        self._cls = cls
        self._name = name
        self._check: Callable[[Any], str | None] | None = None
        self._exact: tuple[type, ...] = ()
        self._items: type | None = None
        self.inner = inner

    def _resolve(self) -> Callable[[Any], str | None]:
        hint = typing.get_type_hints(self._cls)[self._name]
        self._exact, self._items = _fast_path(hint)
        check = self._check = _checker(hint)
        return check

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        check = self._check or self._resolve()
        kind = value.__class__
        if kind not in self._exact or (
            kind is tuple and not all(item.__class__ is self._items for item in value)
        ):
            expected = check(value)
            if expected is not None:
                raise TypeError(
                    f"{type(instance).__name__}.{self._name} must be {expected};"
                    f" got {kind.__name__} {_shown(value)}"
                )
        if self.inner is not None:
            self.inner(instance, attribute, value)


def _fast_path(hint: Any) -> tuple[tuple[type, ...], type | None]:
    """The classes a value may have to pass at once, and for tuples the items' class."""
    members = (
        typing.get_args(hint)
        if typing.get_origin(hint) in (typing.Union, types.UnionType)
        else (hint,)
    )
    exact: list[type] = []
    items = None
    for member in members:
        args = typing.get_args(member)
        if typing.get_origin(member) is tuple and len(args) == 2 and args[1] is Ellipsis:
            if isinstance(args[0], type) and not _is_loose(args[0]):
                exact.append(tuple)
                items = args[0]
        elif isinstance(member, type) and not _is_loose(member):
            exact.append(member)
    return tuple(exact), items


def _is_loose(cls: type) -> bool:
    # Classes whose exact match proves nothing more than isinstance would, or that
    # no exact match can stand for: protocols, and bare tuples (their items vary).
    return cls is tuple or bool(getattr(cls, "_is_protocol", False))


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, (str, int, float, Decimal, bool)) else ""
    return text if len(text) <= 40 else text[:37] + "..."


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


# A checker returns None when the value fits, else the text "must be ___".
_Checker = Callable[[Any], "str | None"]


def _checker(hint: Any) -> _Checker:
    origin = typing.get_origin(hint)
    if hint is Any or hint is object or isinstance(hint, typing.TypeVar):
        return lambda value: None
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(hint))
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda value: None if value in allowed else f"one of {allowed!r}"
    if origin is tuple:
        return _tuple(typing.get_args(hint))
    if origin in (frozenset, set, list):
        return _collection(origin, typing.get_args(hint))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return _mapping(typing.get_args(hint))
    if (origin is not None and origin is Callable) or hint is Callable:
        return lambda value: None if callable(value) else "callable"
    if isinstance(hint, type):
        return _class(hint)
    return lambda value: None  # a form no value can be checked against (a Protocol, say)


def _class(cls: type) -> _Checker:
    if cls is type(None):
        return lambda value: None if value is None else "None"
    if getattr(cls, "_is_protocol", False):
        return lambda value: None
    if cls is bool:
        # bool is an int subclass: 1 may not pass for True, nor True for 1.
        return lambda value: None if type(value) is bool else "a bool (True or False)"
    if cls is date:
        # A datetime is a date subclass; its time of day would make periods ambiguous.
        return lambda value: None if type(value) is date else "a datetime.date (no time of day)"
    if cls is int:
        return lambda value: None if type(value) is int else "a whole number (int)"
    if isinstance(cls, enum.EnumMeta):
        choices = ", ".join(repr(member.value) for member in cls)  # type: ignore[var-annotated]
        expected = f"{_article(cls.__name__)} (one of {choices})"
        return lambda value: None if isinstance(value, cls) else expected
    name = _article(cls.__name__)
    return lambda value: None if isinstance(value, cls) else name


def _union(members: tuple[Any, ...]) -> _Checker:
    checks = [_checker(member) for member in members]
    expected = " or ".join(
        "None" if member is type(None) else getattr(member, "__name__", str(member))
        for member in members
    )

    def check(value: Any) -> str | None:
        return None if any(c(value) is None for c in checks) else expected

    return check


def _tuple(args: tuple[Any, ...]) -> _Checker:
    if len(args) == 2 and args[1] is Ellipsis:
        each = _checker(args[0])
        what = f"a tuple of {getattr(args[0], '__name__', args[0])}"

        def check_all(value: Any) -> str | None:
            if type(value) is not tuple:
                return what
            for index, item in enumerate(value):
                problem = each(item)
                if problem is not None:
                    return f"{what}; item {index} must be {problem}"
            return None

        return check_all
    fixed = [_checker(arg) for arg in args]

    def check_fixed(value: Any) -> str | None:
        if type(value) is not tuple or len(value) != len(fixed):
            return f"a tuple of {len(fixed)} items"
        return next((p for c, v in zip(fixed, value, strict=True) if (p := c(v)) is not None), None)

    return check_fixed if args else (lambda value: None if type(value) is tuple else "a tuple")


def _collection(origin: type[Collection[Any]], args: tuple[Any, ...]) -> _Checker:
    each = _checker(args[0]) if args else (lambda value: None)
    what = _article(origin.__name__)

    def check(value: Any) -> str | None:
        if not isinstance(value, origin):
            return what
        items: Collection[Any] = value
        return next((f"{what} of valid items" for item in items if each(item) is not None), None)

    return check


def _mapping(args: tuple[Any, ...]) -> _Checker:
    keys, values = (_checker(args[0]), _checker(args[1])) if args else (None, None)

    def check(value: Any) -> str | None:
        if not isinstance(value, Mapping):
            return "a mapping"
        if keys is not None and values is not None:
            for key, item in value.items():
                if keys(key) is not None or values(item) is not None:
                    return f"a mapping whose entry {key!r} is of the right type"
        return None

    return check


def filler(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen, slotted attrs class ``cls`` that checks nothing.

    It takes the fields' values (by position in field order, or by name; a field
    with a plain default may be left out) and fills the object's slots through
    their own setters. It is for values the library has checked or made itself: a
    year of spend lines, amounts read by the grammar, the rows of a report. Checking
    each field's type again there was a fifth of the time. Tests compare what each
    user makes with the checking constructor's object.

    The function is generated once per class, as attrs generates ``__init__``, so
    that it costs what writing each setter call by hand did.
    """
    return _filler(cls)  # type: ignore[arg-type]


@functools.cache
def _filler(cls: type) -> Callable[..., Any]:
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    parameters, body = [], []
    for index, field in enumerate(fields):
        namespace[f"put{index}"] = vars(cls)[field.name].__set__
        parameter = field.name
        default = field.default
        if default is not attrs.NOTHING and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"default{index}"] = default
            parameter += f"=default{index}"
        parameters.append(parameter)
        body.append(f"    put{index}(made, {field.name})")
    source = "\n".join(
        [f"def fill({', '.join(parameters)}):", "    made = new(cls)", *body, "    return made"]
    )
    exec(compile(source, f"<filler of {cls.__qualname__}>", "exec"), namespace)
    fill: Callable[..., Any] = namespace["fill"]
    fill.__qualname__ = f"filler({cls.__qualname__})"
    return fill
