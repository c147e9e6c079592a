"""Priority frameworks and crosswalks between them.

A :class:`Framework` is a versioned catalogue of social value :class:`Priority`
codes published by a commissioner or government (the GM Social Value Framework
2020, the Social Value Model of PPN 06/20, a council's own priorities). Charter
commitments, review measures and bid commitments name priorities by code, so a
framework is the vocabulary they are checked against.

Themes → Outcomes → Measures models (National TOMs, PPN 06/20) are flattened into
priorities that name their parent ``theme`` (and ``outcome``, where the priority
is below an outcome); a framework may declare its themes (:class:`Theme`) so that their
titles can be shown and misspelt theme codes are refused.

A :class:`Crosswalk` maps one framework's priorities onto another's, many to
many, with a rationale for every link, so that a commitment made under the 2014
GM policy can be reported under the 2020 GM framework.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation, SocialValueError

__all__ = [
    "Crosswalk",
    "CrosswalkLink",
    "Framework",
    "Priority",
    "Theme",
    "UnknownPriority",
]


class UnknownPriority(SocialValueError, KeyError):
    """A priority code is not in the framework asked about."""

    def __init__(self, code: str, framework_id: str, known: tuple[str, ...]) -> None:
        super().__init__(code)
        self.code = code
        self.framework_id = framework_id
        self.known = known

    def __str__(self) -> str:
        return (
            f"{self.code!r} is not a priority of framework {self.framework_id!r};"
            f" its priorities are: {', '.join(self.known)}"
        )


@attrs.frozen(field_transformer=typed_fields)
class Theme:
    """A theme grouping priorities, e.g. PPN 06/20's "Fighting climate change"."""

    code: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text(max_length=200))


@attrs.frozen(field_transformer=typed_fields)
class Priority:
    """One social value priority: a stable code, a title and a short description.

    ``theme`` (and ``outcome``, for priorities below an outcome) name the parents
    in a Themes → Outcomes → Measures model; both are codes.

    >>> Priority("clean-air", "Keep the air clean", "Cut vehicle and building emissions.")
    Priority(code='clean-air', title='Keep the air clean', ...)
    """

    code: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text(max_length=200))
    description: str = attrs.field(validator=Text(max_length=1000, multiline=True))
    theme: str | None = attrs.field(default=None, validator=Code(optional=True))
    outcome: str | None = attrs.field(default=None, validator=Code(optional=True))


def _priorities(value: Iterable[Priority]) -> tuple[Priority, ...]:
    return tuple(value)


def _themes(value: Iterable[Theme]) -> tuple[Theme, ...]:
    return tuple(value)


def _links(value: Iterable[CrosswalkLink]) -> tuple[CrosswalkLink, ...]:
    return tuple(value)


def _check_themes(instance: Framework, attribute: attrs.Attribute[Any], value: object) -> None:
    declared = {theme.code for theme in instance.themes}
    if not declared:
        return
    for index, priority in enumerate(instance.priorities):
        if priority.theme is not None and priority.theme not in declared:
            raise RuleViolation(
                "framework.unknown_theme",
                f"priority {priority.code!r} names theme {priority.theme!r}, which the"
                f" framework does not declare; its themes are: {', '.join(sorted(declared))}",
                field=["priorities", index, "theme"],
            )


@attrs.frozen(field_transformer=typed_fields)
class Framework:
    """A versioned catalogue of priorities, with the source it was taken from.

    Build your own from a document with ``socialvalue.load("framework", {...})``,
    or in Python:

    >>> fw = Framework(
    ...     "my-council",
    ...     "My Council social value priorities",
    ...     "2025",
    ...     "My Council, Social Value Policy, 1 April 2025",
    ...     date(2025, 4, 1),
    ...     (Priority("local-jobs", "Local jobs", "Hire people who live in the borough."),),
    ... )
    >>> "local-jobs" in fw, fw.priority("local-jobs").title
    (True, 'Local jobs')
    """

    id: str = attrs.field(validator=Code())
    title: str = attrs.field(validator=Text(max_length=200))
    version: str = attrs.field(validator=Code())
    source: str = attrs.field(validator=Text(max_length=1000))
    published: date
    priorities: tuple[Priority, ...] = attrs.field(
        converter=_priorities,
        validator=Items(min_items=1, max_items=500, unique_by=lambda p: p.code, what="priority"),
    )
    themes: tuple[Theme, ...] = attrs.field(
        default=(),
        converter=_themes,
        validator=[
            Items(max_items=100, unique_by=lambda t: t.code, what="theme"),
            _check_themes,
        ],
    )

    @property
    def codes(self) -> tuple[str, ...]:
        """The priority codes, in the framework's order."""
        return tuple(priority.code for priority in self.priorities)

    @typed_arguments
    def priority(self, code: str) -> Priority:
        """The priority with ``code``; :class:`UnknownPriority` (a ``KeyError``) if none."""
        for priority in self.priorities:
            if priority.code == code:
                return priority
        raise UnknownPriority(code, self.id, self.codes)

    @typed_arguments
    def theme(self, code: str) -> Theme:
        """The declared theme with ``code``; ``KeyError`` if none."""
        for theme in self.themes:
            if theme.code == code:
                return theme
        raise KeyError(code)

    def __contains__(self, code: object) -> bool:
        return any(priority.code == code for priority in self.priorities)

    def __iter__(self) -> Iterator[Priority]:
        return iter(self.priorities)

    def __len__(self) -> int:
        return len(self.priorities)

    @property
    def label(self) -> str:
        """``id@version``, the way signups and reports name a framework."""
        return f"{self.id}@{self.version}"

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per priority (with its theme's title), ready for ``pandas.DataFrame``."""
        titles = {theme.code: theme.title for theme in self.themes}
        return [
            {
                "framework_id": self.id,
                "version": self.version,
                "code": p.code,
                "title": p.title,
                "theme": p.theme,
                "theme_title": titles.get(p.theme) if p.theme is not None else None,
                "outcome": p.outcome,
                "description": p.description,
            }
            for p in self.priorities
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return html_table(self.to_records(), caption=f"{self.title} ({self.label})")


@attrs.frozen(field_transformer=typed_fields)
class CrosswalkLink:
    """One mapping: ``source`` (a priority of the old framework) is reported under ``target``.

    ``rationale`` says why, in words a reader of the commissioner's report accepts.
    """

    source: str = attrs.field(validator=Code())
    target: str = attrs.field(validator=Code())
    rationale: str = attrs.field(validator=Text(max_length=1000, multiline=True))


def _check_links(instance: Crosswalk, attribute: attrs.Attribute[Any], value: object) -> None:
    for index, link in enumerate(instance.links):
        if link.source not in instance.source:
            raise RuleViolation(
                "crosswalk.unknown_priority",
                f"{link.source!r} is not a priority of {instance.source.label}",
                field=["links", index, "source"],
            )
        if link.target not in instance.target:
            raise RuleViolation(
                "crosswalk.unknown_priority",
                f"{link.target!r} is not a priority of {instance.target.label}",
                field=["links", index, "target"],
            )


@attrs.frozen(field_transformer=typed_fields)
class Crosswalk:
    """A many-to-many mapping from ``source`` framework priorities to ``target`` ones.

    A source priority may map to several targets (reported under each) and several
    sources may map to one target; a source with no link maps to nothing.
    """

    source: Framework
    target: Framework
    links: tuple[CrosswalkLink, ...] = attrs.field(
        converter=_links,
        validator=[
            Items(max_items=10_000, unique_by=lambda k: (k.source, k.target), what="link"),
            _check_links,
        ],
    )

    @typed_arguments
    def map(self, code: str) -> tuple[str, ...]:
        """The target priority codes that ``code`` is reported under, in link order.

        Raises :class:`UnknownPriority` if ``code`` is not a source priority.
        """
        self.source.priority(code)
        return tuple(link.target for link in self.links if link.source == code)

    @typed_arguments
    def links_for(self, code: str) -> tuple[CrosswalkLink, ...]:
        """The links from source priority ``code``, each with its rationale."""
        self.source.priority(code)
        return tuple(link for link in self.links if link.source == code)

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per link, with its rationale."""
        return [
            {
                "from_framework": self.source.label,
                "from": link.source,
                "to_framework": self.target.label,
                "to": link.target,
                "rationale": link.rationale,
            }
            for link in self.links
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        caption = f"Crosswalk {self.source.label} to {self.target.label}"
        return html_table(self.to_records(), caption=caption)

    @property
    def unmapped(self) -> tuple[str, ...]:
        """Source priorities with no target: commitments under them are not carried over."""
        mapped = {link.source for link in self.links}
        return tuple(code for code in self.source.codes if code not in mapped)
