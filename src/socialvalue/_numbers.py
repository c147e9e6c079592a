"""The library's decimal contexts, and the guard that keeps the caller's out of its sums.

Every ``Decimal`` operation that rounds (``+``, ``*``, ``/``, ``abs()``,
``quantize``, ``sum``, formatting) uses the calling thread's context unless it is
given one. A caller who set ``getcontext().prec = 5`` would otherwise see £49,999.99
printed as £50,000.00, and one who trapped ``Inexact`` would see a score raise. So:

- :data:`LIBRARY_CONTEXT` is the context every public function and every method of
  a result object runs in (:func:`in_library_context`,
  :func:`library_context_methods`): Python's default settings (28 digits, half-even,
  traps on invalid operations, division by zero and overflow), fixed, so answers are
  the same whatever the caller's context is, and the caller's context, flags
  included, is left as it was;
- arithmetic that must be exact names its own context explicitly: money sums and
  products (``socialvalue.money``, 60 digits), scores and ratios (:data:`CONTEXT`,
  40 digits), exact totals that trap any rounding (``socialvalue.review.scoring``).
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from decimal import Decimal, getcontext, setcontext
from typing import Any, Final, ParamSpec, TypeVar

__all__ = ["CONTEXT", "LIBRARY_CONTEXT", "half_up", "in_library_context", "library_context_methods"]

#: Context for ratios of bounded amounts (scores, value for money): 40 digits is
#: far below a penny of score, and traps mean a NaN or overflow never passes silently.
CONTEXT: Final = decimal.Context(
    prec=40,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

#: The context the library's own code runs in: Python's default settings, fixed.
LIBRARY_CONTEXT: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

_P = ParamSpec("_P")
_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)


class _Installed(decimal.Context):
    """A fresh copy of :data:`LIBRARY_CONTEXT` installed by a library call.

    Its class marks it: a call made from inside another finds it current and needs
    no context of its own.
    """

    __slots__ = ()


# LIBRARY_CONTEXT's settings, as _Installed takes them (positional: a third cheaper
# than by keyword, and cheaper than copy-then-mark).
_SETTINGS: Final[tuple[Any, ...]] = (
    LIBRARY_CONTEXT.prec,
    LIBRARY_CONTEXT.rounding,
    LIBRARY_CONTEXT.Emin,
    LIBRARY_CONTEXT.Emax,
    LIBRARY_CONTEXT.capitals,
    LIBRARY_CONTEXT.clamp,
    [],
    [signal for signal, on in LIBRARY_CONTEXT.traps.items() if on],
)


def in_library_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function``, run in a copy of :data:`LIBRARY_CONTEXT` whatever the caller's is.

    A fresh copy is installed for the call and the caller's own context is put back
    afterwards, so the caller's precision, traps and flags neither affect the answer
    nor are touched by it. A call made from inside another (a public function using
    another) is already in the library's context and runs in it as it is: the
    library's code names explicit contexts where it needs others and never changes
    the current one's settings, so there is nothing to guard.
    """

    @functools.wraps(function)
    def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        # What decimal.localcontext does, without building its manager object, which
        # is half the cost of the guard on a cheap call such as load().
        caller = getcontext()
        if caller.__class__ is _Installed:
            return function(*args, **kwargs)
        setcontext(_Installed(*_SETTINGS))
        try:
            return function(*args, **kwargs)
        finally:
            setcontext(caller)

    return guarded


# The methods that present a result (text, records, tables, documents) or finish
# building one. Numeric properties compute in an explicit context of their own and
# are read in hot loops (every assessment of a year's report), so are not wrapped.
_PRESENTING: Final = frozenset(
    {
        "__attrs_post_init__",
        "__str__",
        "_repr_html_",
        "to_frame",
        "breakdown_records",
        "caveat_records",
        "change_records",
        "coverage_records",
        "derivation",
        "describe",
        "explanation",
        "published",
        "score_records",
        "summary",
        "text",
        "to_record",
        "to_records",
    }
)


def library_context_methods(cls: _C) -> _C:
    """Run the presenting methods of result class ``cls`` in the library's context.

    Text, records, tables and published documents round and format decimals, which
    would otherwise follow the caller's context; ``__attrs_post_init__`` checks
    sums when the object is built.
    """
    for name, value in list(vars(cls).items()):
        if name not in _PRESENTING:
            continue
        if isinstance(value, property) and value.fget is not None:
            setattr(cls, name, property(in_library_context(value.fget), doc=value.__doc__))
        elif callable(value):
            setattr(cls, name, in_library_context(value))
    return cls


def half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half-up (away from zero) to ``places`` decimal places.

    >>> half_up(Decimal("35.555"), 2)
    Decimal('35.56')
    """
    quantum = Decimal(1).scaleb(-places, context=CONTEXT)
    return value.quantize(quantum, rounding=decimal.ROUND_HALF_UP, context=CONTEXT)
