"""The Social Value Charter: signed, checkable commitments, and their status in time.

The source policy asks suppliers whose spend is at or below the threshold to sign
the *Social Value Charter*: to commit to support the commissioner's social value
priorities (Greater Manchester policing and crime Social Value Policy; domain
notes, section 1). The Charter's own pledges are not published *(unconfirmed)*, so
a signup here records commitments against the priorities of any
:class:`~socialvalue.frameworks.Framework` (built in or the council's own).

A :class:`CharterSignup` holds what the supplier signed, as signed. Whether it is
acceptable depends on the framework it names and on the day it is judged, so the
Charter's rules are checked by :func:`check_signup`, which reports every broken
rule at once as an :class:`~socialvalue.errors.Issue` whose path points into the
signup document (``$.commitments[2].priority``). A signup is valid iff
``check_signup`` finds no issues.

A signup is valid for ``valid_months`` months (12 by default, configurable per
signup): from ``signed_on`` to the day before the same day ``valid_months`` months
later (:attr:`CharterSignup.valid_until`). :func:`charter_status` says whether it
is active, due for renewal (within a configurable window before it ends) or
expired on a given day; the status only ever moves forward in time.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, FieldCheck, Items, Text, refuse_control_characters
from socialvalue._numbers import in_library_context
from socialvalue._typed import typed_fields
from socialvalue.errors import Issue, PathStep, RuleViolation
from socialvalue.frameworks import Framework
from socialvalue.periods import Period
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.targets import MeasureTarget

__all__ = [
    "DEFAULT_RENEWAL_WINDOW",
    "DEFAULT_VALID_MONTHS",
    "MAX_VALID_MONTHS",
    "CharterCommitment",
    "CharterSignup",
    "CharterStatus",
    "add_months",
    "last_day_within",
    "charter_status",
    "check_signup",
]

#: How long a signup lasts unless it says otherwise (the policy's yearly cycle).
DEFAULT_VALID_MONTHS: Final = 12
#: The longest validity a signup may state.
MAX_VALID_MONTHS: Final = 60
#: How long before expiry a signup counts as due for renewal, unless the caller says.
DEFAULT_RENEWAL_WINDOW: Final = timedelta(days=30)


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on, clamped to the month's end.

    >>> add_months(date(2025, 6, 1), 12)
    datetime.date(2026, 6, 1)
    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def last_day_within(day: date, months: int) -> date:
    """The last day of the ``months`` months that start on ``day``.

    The day before the same day-of-month ``months`` later; where that day does not
    exist in its month, the last day of that month.

    >>> last_day_within(date(2025, 6, 15), 12)
    datetime.date(2026, 6, 14)
    >>> last_day_within(date(2025, 1, 28), 1), last_day_within(date(2025, 1, 31), 1)
    (datetime.date(2025, 2, 27), datetime.date(2025, 2, 28))
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day > last:
        return date(year, month + 1, last)
    return date(year, month + 1, day.day) - timedelta(days=1)


@attrs.frozen(field_transformer=typed_fields)
class _Length(FieldCheck):
    """One line of at most ``max_length`` characters, possibly blank (a Charter rule judges it)."""

    max_length: int = 200
    optional: bool = False

    def check(self, value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"must be text; got {type(value).__name__}")
        if len(value) > self.max_length:
            raise RuleViolation(
                "text.too_long", f"must be at most {self.max_length} characters; got {len(value)}"
            )
        refuse_control_characters(value)


@attrs.frozen(field_transformer=typed_fields)
class _Months(FieldCheck):
    """A whole number of months from 1 to :data:`MAX_VALID_MONTHS`."""

    optional: bool = False

    def check(self, value: Any) -> None:
        if type(value) is not int:
            raise TypeError(f"must be a whole number; got {type(value).__name__}")
        if not 1 <= value <= MAX_VALID_MONTHS:
            raise RuleViolation(
                "charter.bad_validity",
                f"must be from 1 to {MAX_VALID_MONTHS} months; got {value}",
            )


def _check_signed_on(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if type(value) is not date:
        raise TypeError(f"signed_on must be a datetime.date; got {type(value).__name__}")


@attrs.frozen(field_transformer=typed_fields)
class CharterCommitment:
    """One pledge under one priority, with an optional measurable target.

    >>> CharterCommitment("local-community", "Give 40 staff volunteering hours to GM food banks.")
    CharterCommitment(priority='local-community', pledge='Give 40 staff ...', target=None)
    """

    priority: str = attrs.field(validator=Code())
    pledge: str = attrs.field(validator=Text(max_length=1000, multiline=True))
    target: MeasureTarget | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What makes two commitments the same: priority and pledge, case and spacing aside."""
        return (self.priority, " ".join(self.pledge.casefold().split()))


def _commitments(value: Iterable[CharterCommitment]) -> tuple[CharterCommitment, ...]:
    return tuple(value)


@attrs.frozen(field_transformer=typed_fields)
class CharterSignup:
    """A supplier's signature of the Social Value Charter, with its commitments.

    ``policy_version`` is the version of the commissioner's policy signed;
    ``framework_id`` and ``framework_version`` name the priority framework the
    commitments' codes come from. ``signatory`` is kept as given, even blank, so that
    :func:`check_signup` can report a missing name together with every other problem.

    >>> signup = CharterSignup(
    ...     supplier_id="100234",
    ...     signatory="Asha Patel",
    ...     role="Managing Director",
    ...     signed_on=date(2025, 6, 1),
    ...     policy_version="2025",
    ...     framework_id="gm-sv-framework-2020",
    ...     framework_version="2020",
    ...     commitments=(CharterCommitment("local-community", "Sponsor a youth football team."),),
    ... )
    >>> signup.valid_until
    datetime.date(2026, 5, 31)
    """

    supplier_id: str = attrs.field(validator=Code())
    signatory: str = attrs.field(validator=_Length(max_length=200))
    role: str = attrs.field(validator=Text(max_length=200))
    signed_on: date = attrs.field(validator=_check_signed_on)
    policy_version: str = attrs.field(validator=Code())
    framework_id: str = attrs.field(validator=Code())
    framework_version: str = attrs.field(validator=Code())
    commitments: tuple[CharterCommitment, ...] = attrs.field(
        converter=_commitments, validator=Items(max_items=100, what="commitment")
    )
    valid_months: int = attrs.field(default=DEFAULT_VALID_MONTHS, validator=_Months())

    @property
    def valid_until(self) -> date:
        """The last day the signup is valid: the day before the same day ``valid_months`` on.

        The usual meaning of "12 months": signed on 15 June 2025, valid until 14 June
        2026. Where that day does not exist (signed on 29 February, or on 31 January
        for one month), the signup runs to the end of the month it would fall in.

        """
        return last_day_within(self.signed_on, self.valid_months)

    @property
    def period(self) -> Period:
        """The days the signup is valid, both ends included."""
        return Period(self.signed_on, self.valid_until)

    @typed_arguments
    def status(
        self, as_of: date, renewal_window: timedelta = DEFAULT_RENEWAL_WINDOW
    ) -> CharterStatus:
        """Shorthand for :func:`charter_status`."""
        return charter_status(self, as_of, renewal_window=renewal_window)


class CharterStatus(enum.Enum):
    """Where a signup stands on a day. Moves only forward: active → renewal due → expired."""

    ACTIVE = "active"
    """Valid, and not yet within the renewal window."""
    RENEWAL_DUE = "renewal-due"
    """Still valid, but ends within the renewal window: ask the supplier to sign again."""
    EXPIRED = "expired"
    """Past its ``valid_until`` day: the supplier no longer has a Charter."""


@in_library_context
@typed_arguments
def charter_status(
    signup: CharterSignup, as_of: date, *, renewal_window: timedelta = DEFAULT_RENEWAL_WINDOW
) -> CharterStatus:
    """The status of ``signup`` on ``as_of``.

    Renewal is due on the last ``renewal_window`` of days up to and including
    ``valid_until`` (30 days unless given); the day after, the signup has expired.
    A ``renewal_window`` of zero means never "renewal due". Raises
    :class:`~socialvalue.errors.RuleViolation` (``charter.signed_in_future``) if
    ``as_of`` is before the signup was signed: it had no status then.

    >>> signup = CharterSignup("100234", "Asha Patel", "Director", date(2025, 6, 1), "2025",
    ...     "gm-sv-framework-2020", "2020", ())
    >>> [charter_status(signup, date(2026, d_m[1], d_m[0])).value
    ...  for d_m in ((1, 5), (2, 5), (31, 5), (1, 6))]
    ['active', 'renewal-due', 'renewal-due', 'expired']
    """
    if renewal_window < timedelta(0):
        raise ValueError(f"renewal_window must not be negative; got {renewal_window}")
    if as_of < signup.signed_on:
        raise RuleViolation(
            "charter.signed_in_future",
            f"the signup of {signup.supplier_id} was signed on {signup.signed_on.isoformat()},"
            f" after {as_of.isoformat()}: it has no status before it is signed",
            field=["signed_on"],
        )
    until = signup.valid_until
    if as_of > until:
        return CharterStatus.EXPIRED
    if as_of > until - renewal_window:
        return CharterStatus.RENEWAL_DUE
    return CharterStatus.ACTIVE


def _issue(steps: list[PathStep], code: str, message: str) -> Issue:
    return Issue.at(steps, code, message)


@in_library_context
@typed_arguments
def check_signup(
    signup: CharterSignup,
    framework: Framework,
    as_of: date,
    *,
    catalogue: MeasureCatalogue | None = None,
) -> tuple[Issue, ...]:
    """Every way ``signup`` breaks the Charter's rules, judged on ``as_of``, sorted by path.

    A signup is valid iff this returns ``()``. The rules (source policy: a supplier
    at or below the threshold signs the Charter committing to the commissioner's
    priorities):

    - it names the ``framework`` it is checked against (``charter.framework_mismatch``);
    - it holds at least one commitment (``charter.no_commitments``);
    - every commitment names a priority of the framework (``charter.unknown_priority``);
    - no commitment repeats another, priority and pledge alike, case and spacing
      aside (``charter.duplicate_commitment``, at the repeat);
    - it was not signed after ``as_of`` (``charter.signed_in_future``);
    - a signatory is named (``charter.no_signatory``);
    - given a review ``catalogue``, every commitment's target names one of its
      measures (``charter.unknown_measure``), so that the Review can measure it.

    Paths point into the signup's document: ``$.commitments[1].priority``.
    """
    issues: list[Issue] = []
    if (signup.framework_id, signup.framework_version) != (framework.id, framework.version):
        issues.append(
            _issue(
                ["framework_id"],
                "charter.framework_mismatch",
                f"the signup names framework {signup.framework_id}@{signup.framework_version}"
                f" but is being checked against {framework.label}",
            )
        )
    if not signup.commitments:
        issues.append(
            _issue(
                ["commitments"],
                "charter.no_commitments",
                "a Charter signup must hold at least one commitment to a priority",
            )
        )
    seen: dict[tuple[str, str], int] = {}
    for index, commitment in enumerate(signup.commitments):
        if commitment.priority not in framework:
            issues.append(
                _issue(
                    ["commitments", index, "priority"],
                    "charter.unknown_priority",
                    f"{commitment.priority!r} is not a priority of {framework.label};"
                    f" use one of: {', '.join(framework.codes)}",
                )
            )
        target = commitment.target
        if catalogue is not None and target is not None and target.measure not in catalogue:
            issues.append(
                _issue(
                    ["commitments", index, "target", "measure"],
                    "charter.unknown_measure",
                    f"{target.measure!r} is not a measure of catalogue {catalogue.id}"
                    f" (version {catalogue.version}); name one of its measure codes",
                )
            )
        first = seen.setdefault(commitment.key, index)
        if first != index:
            issues.append(
                _issue(
                    ["commitments", index],
                    "charter.duplicate_commitment",
                    f"repeats commitment {first} (same priority {commitment.priority!r} and"
                    " pledge); give each pledge once",
                )
            )
    if signup.signed_on > as_of:
        issues.append(
            _issue(
                ["signed_on"],
                "charter.signed_in_future",
                f"signed_on {signup.signed_on.isoformat()} is after {as_of.isoformat()},"
                " the date the signup is checked on",
            )
        )
    if not signup.signatory.strip():
        issues.append(
            _issue(
                ["signatory"],
                "charter.no_signatory",
                "the person signing for the supplier must be named",
            )
        )
    return tuple(sorted(issues, key=Issue.sort_key))
