"""Issues from the converter's structuring errors: each problem with its JSON path.

cattrs nests its errors (a class's field errors, a list's item errors) and notes on
each where it was; :func:`issues_from` walks that tree into flat :class:`Issue`
values, naming the field in each message and grouping what would otherwise repeat
without end (unexpected keys past :data:`MAX_REPEATS`). :func:`describe` says what
a value is, for the messages of the converter's hooks.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Mapping
from typing import Any, Final

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from socialvalue.errors import Issue, PathStep, RuleViolation

__all__ = ["MAX_REPEATS", "describe", "issues_from"]

#: Unexpected keys in one object reported one by one; the rest are counted in one issue.
MAX_REPEATS: Final = 20


def describe(value: object) -> str:
    """Say what a JSON value is, for messages: ``the number 12.5``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 1000:
        # repr() of a huge int is slow (and refused past 4,300 digits).
        return f"a number with about {int(value.bit_length() * 0.30103):,} digits"
    if isinstance(value, (int, float)):
        text = repr(value)
        return f"the number {text if len(text) <= 30 else text[:27] + '...'}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, enum.Enum):
        return (
            f"{type(value).__name__}.{value.name}, an enum member (give its value {value.value!r})"
        )
    return f"a Python {type(value).__name__}, which JSON cannot hold"


def _key_text(key: object) -> str:
    """A key as a path step; non-string keys (possible from Python, never from JSON) by repr."""
    if isinstance(key, str):
        return key
    if isinstance(key, (int, float, bool)) or key is None:
        return describe(key).removeprefix("the number ")
    # repr() of a deeply nested tuple key recurses: name its type only.
    return f"<a {type(key).__name__} key>"


def _first_keys(keys: set[Any]) -> list[str]:
    """The first :data:`MAX_REPEATS` of ``keys`` in order, as path steps.

    Picked without sorting them all: an object may hold a million unexpected keys.
    """
    try:
        first: list[Any] = heapq.nsmallest(MAX_REPEATS, keys)
    except TypeError:  # keys of types that do not compare (possible from Python)
        first = [None]
    if all(type(key) is str for key in first):
        return first
    return heapq.nsmallest(MAX_REPEATS, map(_key_text, keys))


def _leaf(exc: BaseException, steps: tuple[PathStep, ...]) -> list[Issue]:
    if isinstance(exc, RuleViolation):
        issue = exc.issue(steps)
        name = next((s for s in reversed(steps) if isinstance(s, str)), "value")
        if exc.message.startswith(("must ", "repeats ")) and not exc.field:
            issue = Issue.at(issue.steps, issue.code, f"{name} {exc.message}")
        return [issue]
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(a.name for a in attrs.fields(exc.cl)) if attrs.has(exc.cl) else ""
        extra = exc.extra_fields
        found = [
            Issue.at(
                (*steps, key),
                "value.unexpected",
                f"unexpected key {key!r}; the keys allowed here are: {allowed}",
            )
            for key in _first_keys(extra)
        ]
        if len(extra) > MAX_REPEATS:
            found.append(
                Issue.at(
                    steps,
                    "value.unexpected",
                    f"and {len(extra) - MAX_REPEATS:,} more unexpected keys; the keys allowed"
                    f" here are: {allowed}",
                )
            )
        return found
    if isinstance(exc, KeyError) and steps:
        return [Issue.at(steps, "value.missing", f"{steps[-1]} is required")]
    message = str(exc) or type(exc).__name__
    return [Issue.at(steps, "value.invalid", message[:300])]


def issues_from(exc: BaseException, steps: tuple[PathStep, ...] = ()) -> list[Issue]:
    """Every :class:`Issue` in a (possibly nested) cattrs structuring error."""
    if isinstance(exc, IterableValidationError):
        indexed, plain = exc.group_exceptions()
        found = [i for e, note in indexed for i in issues_from(e, (*steps, note.index))]
    elif isinstance(exc, ClassValidationError):
        named, plain = exc.group_exceptions()
        found = [i for e, attr in named for i in issues_from(e, (*steps, attr.name))]
    elif isinstance(exc, ExceptionGroup):
        return [i for e in exc.exceptions for i in issues_from(e, steps)]
    else:
        return _leaf(exc, steps)
    return found + [i for e in plain for i in issues_from(e, steps)]
