"""Reporting social value under another framework's priorities, with totals preserved.

A Review measure's value belongs to its catalogue framework's priority (the
measure's primary priority, :mod:`socialvalue.review.scoring`). To report it under another
framework, the regional report follows a :class:`~socialvalue.frameworks.Crosswalk`
from the catalogue's framework to the reporting one:

- a built-in crosswalk in that direction, or one the caller gives;
- else one in the other direction, read backwards (each link's rationale kept);
- else two such steps through a third framework (the links chained, both
  rationales kept), e.g. ``gm-policing-sv`` → ``gm-sv-framework-2020`` →
  ``gm-sv-policy-2014`` through the built-in 2014 → 2020 crosswalk read backwards.

Crosswalks are many to many, so a value is **apportioned**: each source priority's
value (summed over every supplier first) is split in equal shares among the
priorities it maps to. When an equal share is not a decimal of at most 40 places
(a third, say), the shares are cut at 10⁻⁴⁰ and the few units left over go one
each to the first targets in the crosswalk's link order. The shares therefore add
up exactly to the source value, and the priorities exactly to the total. A source
priority with no link is reported under ``unmapped`` (and a caveat says so), so
nothing is dropped.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from socialvalue.frameworks import (
    BUILTIN_CROSSWALKS,
    BUILTIN_FRAMEWORKS,
    Crosswalk,
    CrosswalkLink,
    Framework,
    UnknownCrosswalk,
    UnknownFramework,
)

__all__ = [
    "SPLIT_PLACES",
    "UNMAPPED",
    "apportion",
    "find_crosswalk",
    "framework_named",
    "split_targets",
]

#: The finest decimal place an apportioned share is cut at.
SPLIT_PLACES: Final = 40
#: The item code of value whose priority the crosswalk does not carry.
UNMAPPED: Final = "unmapped"
_EXACT: Final = decimal.Context(
    prec=90, traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow]
)


def apportion(value: Decimal, parts: int) -> list[Decimal]:
    """``value`` split into ``parts`` equal shares that add up to it exactly.

    >>> apportion(Decimal("10"), 4)
    [Decimal('2.5'), Decimal('2.5'), Decimal('2.5'), Decimal('2.5')]
    >>> shares = apportion(Decimal("1"), 3)
    >>> shares[0] - shares[2]
    Decimal('1E-40')
    >>> with decimal.localcontext(prec=60):  # sum exactly (28 digits would round)
    ...     sum(shares) == 1
    True
    """
    if parts < 1:
        raise ValueError(f"parts must be 1 or more; got {parts}")
    try:
        share = _EXACT.divide(value, parts)
        exponent = share.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= -SPLIT_PLACES:
            return [share] * parts
    except decimal.Inexact:
        pass
    units = int(_EXACT.scaleb(value, SPLIT_PLACES))
    whole, left = divmod(units, parts)
    return [
        _EXACT.scaleb(Decimal(whole + (1 if index < left else 0)), -SPLIT_PLACES)
        for index in range(parts)
    ]


def _clip(text: str) -> str:
    return text if len(text) <= 1000 else text[:999] + "…"


def _reverse(walk: Crosswalk) -> Crosswalk:
    return Crosswalk(
        walk.target,
        walk.source,
        [
            CrosswalkLink(link.target, link.source, _clip(f"(read backwards) {link.rationale}"))
            for link in walk.links
        ],
    )


def _chain(first: Crosswalk, second: Crosswalk) -> Crosswalk:
    links: dict[tuple[str, str], CrosswalkLink] = {}
    for a in first.links:
        for b in second.links:
            if b.source == a.target and (a.source, b.target) not in links:
                links[(a.source, b.target)] = CrosswalkLink(
                    a.source,
                    b.target,
                    _clip(f"{a.rationale} Through {a.target}: {b.rationale}"),
                )
    return Crosswalk(first.source, second.target, list(links.values()))


def find_crosswalk(
    source: str, target: str, given: Iterable[Crosswalk] = ()
) -> tuple[Crosswalk | None, str]:
    """The crosswalk from framework ``source`` to ``target``, and how it was found.

    ``None`` when the two are the same framework. Crosswalks in ``given`` take
    precedence over the built-in ones. Raises
    :class:`~socialvalue.frameworks.UnknownCrosswalk` when no route of at most two
    steps exists.

    >>> walk, how = find_crosswalk("gm-policing-sv", "gm-sv-policy-2014")
    >>> how
    'Through gm-policing-sv → gm-sv-framework-2020, then gm-sv-framework-2020 → gm-sv-policy-2014 (the crosswalk gm-sv-policy-2014 → gm-sv-framework-2020 read backwards)'
    """  # noqa: E501
    if source == target:
        return None, f"No crosswalk is needed: the catalogue's framework is {target}"
    walks: dict[tuple[str, str], Crosswalk] = dict(BUILTIN_CROSSWALKS)
    walks.update({(w.source.id, w.target.id): w for w in given})

    def step(a: str, b: str) -> tuple[Crosswalk, str] | None:
        if (a, b) in walks:
            return walks[(a, b)], f"{a} → {b}"
        if (b, a) in walks:
            return _reverse(walks[(b, a)]), f"{a} → {b} (the crosswalk {b} → {a} read backwards)"
        return None

    direct = step(source, target)
    if direct is not None:
        return direct[0], f"Through {direct[1]}"
    ids = sorted({fid for pair in walks for fid in pair} - {source, target})
    for middle in ids:
        first, second = step(source, middle), step(middle, target)
        if first is not None and second is not None:
            return _chain(first[0], second[0]), f"Through {first[1]}, then {second[1]}"
    raise UnknownCrosswalk(source, target)


def framework_named(framework_id: str, known: Iterable[Framework] = ()) -> Framework:
    """The framework with ``framework_id`` among ``known`` or the built-in ones."""
    for framework in known:
        if framework.id == framework_id:
            return framework
    try:
        return BUILTIN_FRAMEWORKS[framework_id]
    except KeyError:
        raise UnknownFramework(framework_id) from None


def split_targets(walk: Crosswalk | None, codes: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    """For each source priority code, the target codes its value is split among.

    Without a crosswalk every code maps to itself; a code the crosswalk does not
    carry maps to :data:`UNMAPPED`.
    """
    result: dict[str, tuple[str, ...]] = {}
    for code in codes:
        if walk is None:
            result[code] = (code,)
            continue
        targets = tuple(link.target for link in walk.links if link.source == code)
        result[code] = targets or (UNMAPPED,)
    return result
