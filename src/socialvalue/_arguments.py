"""The type of every argument of a public function, checked before the function runs.

The public functions are declared with :func:`typed_arguments`, so that a value of
the wrong type is refused at the door with a :class:`TypeError` about the caller's
input (``portfolio() argument 'rules' must be DecisionRules or None; got Money``)
rather than failing far inside with an ``AttributeError`` about the library's own
code. The checks are derived from the annotations with the same machinery that
checks every field of every class (:mod:`socialvalue._typed`), so a function added
later is covered by adding the decorator, not by writing checks.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from socialvalue._typed import _article, _checker, _fast_path, _shown

__all__ = ["typed_arguments"]

F = TypeVar("F", bound=Callable[..., Any])

# A checker returns None when the value fits, else the text "must be ___".
_Checker = Callable[[Any], "str | None"]

# Iterables of items, checked item by item: a collection at once, an iterator as it
# is read (it can be read only once, and may be long or endless).
_ITERABLES = (Iterable, Collection, Sequence, Iterator)

# A function's checks by position and by name, and by the number of values given
# by position, whether they all pass at once (see _passing_at_once).
_Plan = tuple[
    tuple["_Argument | None", ...],
    dict[str, "_Argument"],
    tuple[Callable[[tuple[Any, ...]], bool], ...],
]


def typed_arguments(function: F) -> F:
    """Check every argument ``function`` is called with against its annotation.

    A value of the wrong type raises :class:`TypeError` naming the function, the
    parameter, what it must be and what it got. Annotations are read on the first
    call (they may name classes defined after the function). An iterator given for
    an ``Iterable[X]`` is passed on as one that checks each item as it is read.

    >>> @typed_arguments
    ... def half(amount: int) -> int:
    ...     return amount // 2
    >>> half("4")
    Traceback (most recent call last):
    ...
    TypeError: half() argument 'amount' must be a whole number (int); got str '4'
    """
    signature = inspect.signature(function)
    names = [
        p.name
        for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    # By position and by name; None where any value will do (object, Any, no annotation).
    plan: list[_Plan] = []

    def resolve() -> _Plan:
        hints = _parameter_hints(function, signature)
        by_name = {
            name: _Argument(function, name, hint)
            for name, hint in hints.items()
            if hint is not object and hint is not Any
        }
        by_position = tuple(by_name.get(name) for name in names)
        plan.append((by_position, by_name, _passing_at_once(by_position)))
        return plan[0]

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        by_position, by_name, at_once = plan[0] if plan else resolve()
        if not kwargs and len(args) < len(at_once) and at_once[len(args)](args):
            # The common call: positional values each of a class that passes at once
            # (the classes _Argument lets through first), so no check is called.
            return function(*args)
        replaced: list[Any] | None = None
        for index, (check, value) in enumerate(zip(by_position, args, strict=False)):
            if check is not None:
                result = check(value)
                if result is not value:  # an iterator, now one that checks its items
                    replaced = replaced or list(args)
                    replaced[index] = result
        for name, value in kwargs.items():
            check = by_name.get(name)
            if check is not None:
                kwargs[name] = check(value)
        return function(*(args if replaced is None else replaced), **kwargs)

    return typing.cast(F, checked)


def _passing_at_once(
    by_position: tuple[_Argument | None, ...],
) -> tuple[Callable[[tuple[Any, ...]], bool], ...]:
    """For 0, 1, ... values given by position: whether each is of a class that passes."""
    tests = []
    for count in range(len(by_position) + 1):
        checks = tuple(
            (index, check.passing)
            for index, check in enumerate(by_position[:count])
            if check is not None
        )
        tests.append(_all_pass(checks))
    return tuple(tests)


def _all_pass(
    checks: tuple[tuple[int, frozenset[type]], ...],
) -> Callable[[tuple[Any, ...]], bool]:
    """Whether the values at the given indices are each of a class that passes.

    Written out for up to three checked values: a loop over them would cost as much
    as the checks it saves.
    """
    if not checks:
        return lambda values: True
    if len(checks) == 1:
        ((i, e),) = checks
        return lambda values: values[i].__class__ in e
    if len(checks) == 2:
        (i, e), (j, f) = checks
        return lambda values: values[i].__class__ in e and values[j].__class__ in f
    if len(checks) == 3:
        (i, e), (j, f), (k, g) = checks
        return lambda values: (
            values[i].__class__ in e and values[j].__class__ in f and values[k].__class__ in g
        )
    return lambda values: all(values[i].__class__ in e for i, e in checks)


def _parameter_hints(function: Callable[..., Any], signature: inspect.Signature) -> dict[str, Any]:
    """The parameters' annotations, resolved; the return annotation is not needed.

    Resolving only the parameters' lets a return type name a class imported for type
    checkers alone.
    """
    annotations = {
        p.name: p.annotation
        for p in signature.parameters.values()
        if p.annotation is not p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    holder = types.SimpleNamespace(__annotations__=annotations)
    return typing.get_type_hints(holder, globalns=getattr(function, "__globals__", None))


class _Argument:
    """One parameter's check: the value itself, or an iterator that checks its items."""

    __slots__ = ("_check", "_exact", "_items", "_lazy", "_what", "passing")

    def __init__(self, function: Callable[..., Any], name: str, hint: Any) -> None:
        self._what = f"{function.__qualname__}() argument {name!r}"
        self._exact, self._items = _fast_path(hint)
        self._check = _argument_checker(hint)
        self._lazy = _lazy_items(hint)
        #: The classes whose values pass without a look inside (a tuple's items need one).
        self.passing = frozenset(self._exact) - {tuple}

    def __call__(self, value: Any) -> Any:
        kind = value.__class__
        if kind in self._exact and (
            kind is not tuple or all(item.__class__ is self._items for item in value)
        ):
            return value
        if self._lazy is not None and isinstance(value, Iterator):
            return self._checked_items(value, self._lazy)
        problem = self._check(value)
        if problem is not None:
            shown = f"{kind.__name__} {_shown(value)}".rstrip()
            raise TypeError(f"{self._what} must be {problem}; got {shown}")
        return value

    def _checked_items(self, items: Iterator[Any], check: _Checker) -> Iterator[Any]:
        for index, item in enumerate(items):
            problem = check(item)
            if problem is not None:
                shown = f"{type(item).__name__} {_shown(item)}".rstrip()
                raise TypeError(f"{self._what}: item {index} must be {problem}; got {shown}")
            yield item


def _lazy_items(hint: Any) -> _Checker | None:
    """The check of each item, if an iterator may be given for ``hint``."""
    members = typing.get_args(hint) if _is_union(hint) else (hint,)
    items = [
        typing.get_args(member)[0]
        for member in members
        if typing.get_origin(member) in (Iterable, Iterator) and typing.get_args(member)
    ]
    if not items:
        return None
    checks = [_argument_checker(item) for item in items]
    if len(checks) == 1:
        return checks[0]
    expected = " or ".join(_name(item) for item in items)

    def check(item: Any) -> str | None:
        return None if any(c(item) is None for c in checks) else expected

    return check


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _argument_checker(hint: Any) -> _Checker:
    """``_typed``'s checker, plus the forms arguments take and fields do not."""
    origin = typing.get_origin(hint)
    if _is_union(hint):
        members = typing.get_args(hint)
        if all(typing.get_origin(m) in _ITERABLES and typing.get_args(m) for m in members):
            return _iterable_of_either(members)
        checks = [_argument_checker(member) for member in members]
        expected = " or ".join(_name(member) for member in members)
        return lambda value: None if any(c(value) is None for c in checks) else expected
    if origin in _ITERABLES:
        return _iterable(origin, typing.get_args(hint))
    if getattr(hint, "_is_protocol", False):
        return _protocol(hint)
    return _checker(hint)


def _name(hint: Any) -> str:
    if hint is type(None):
        return "None"
    origin = typing.get_origin(hint)
    if origin in _ITERABLES:
        args = typing.get_args(hint)
        return f"{_article(origin.__name__)} of {_name(args[0])}" if args else origin.__name__
    return getattr(hint, "__name__", str(hint))


def _exact_items(items: Sequence[Any]) -> frozenset[type]:
    """The classes an item may have exactly to pass the checks of ``items`` (see _fast_path).

    A collection of a million items whose classes are all among them is passed in
    one C-level pass (``set(map(type, ...))``), not item by item: assessing a
    million spend lines spent half its time checking each line's class.
    """
    return frozenset(cls for item in items for cls in _fast_path(item)[0] if cls is not tuple)


def _iterable(origin: type, args: tuple[Any, ...]) -> _Checker:
    each = _argument_checker(args[0]) if args else (lambda value: None)
    what = f"{_article(origin.__name__)} of {_name(args[0])}" if args else _article(origin.__name__)
    text_items = bool(args) and args[0] is str
    exact = _exact_items(args[:1])

    def check(value: Any) -> str | None:
        if not isinstance(value, origin) or (isinstance(value, str) and not text_items):
            return what
        if not isinstance(value, Collection):
            return None  # an iterator: checked item by item as it is read
        if exact and set(map(type, value)) <= exact:
            return None
        for index, item in enumerate(value):
            problem = each(item)
            if problem is not None:
                return f"{what}; item {index} must be {problem}"
        return None

    return check


def _iterable_of_either(members: tuple[Any, ...]) -> _Checker:
    """``Iterable[A] | Iterable[B]``: an iterable whose items are each A or B.

    Checked item by item, so the message names the first item that is neither (the
    function itself decides whether A and B may be mixed).
    """
    origins = tuple(typing.get_origin(member) for member in members)
    items = tuple(typing.get_args(member)[0] for member in members)
    checks = [_argument_checker(item) for item in items]
    what = " or ".join(_name(member) for member in members)
    either = " or ".join(_article(_name(item)) for item in items)
    exact = _exact_items(items)

    def check(value: Any) -> str | None:
        if not isinstance(value, origins) or isinstance(value, str):
            return what
        if not isinstance(value, Collection):
            return None  # an iterator: checked item by item as it is read
        if exact and set(map(type, value)) <= exact:
            return None
        for index, item in enumerate(value):
            if all(c(item) is not None for c in checks):
                return f"{what}; item {index} must be {either}"
        return None

    return check


def _protocol(protocol: type) -> _Checker:
    """A check that a value has what a protocol names (its methods and attributes)."""
    members = sorted(
        name
        for klass in protocol.__mro__
        if getattr(klass, "_is_protocol", False) and klass is not typing.Protocol
        for name in vars(klass)
        if not name.startswith("_")
    )
    what = f"{_article(protocol.__name__)} (something with {', '.join(members)})"
    return lambda value: None if all(hasattr(value, m) for m in members) else what
