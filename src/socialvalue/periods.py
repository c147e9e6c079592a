"""Periods of time, and the UK public-sector financial year.

A :class:`Period` is a closed range of calendar dates: both ``start`` and ``end`` are
inside it, as in "1 April 2025 to 31 March 2026". Nothing here reads a clock: the
caller always passes the dates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation

__all__ = ["Period", "financial_year", "parse_financial_year"]

_YEAR_LABEL: Final = re.compile(r"([0-9]{4})/([0-9]{2})")


def _check_end(instance: Period, attribute: attrs.Attribute[date], value: date) -> None:
    if value < instance.start:
        raise RuleViolation(
            "period.end_before_start",
            f"a period cannot end ({value.isoformat()}) before it starts"
            f" ({instance.start.isoformat()})",
            field=["end"],
        )


def _check_date(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    # datetime is a subclass of date; a time of day has no place in these periods.
    if type(value) is not date:
        raise TypeError(f"{attribute.name} must be a datetime.date; got {type(value).__name__}")


@attrs.frozen(field_transformer=typed_fields)
class Period:
    """An inclusive range of dates; ``end`` may equal ``start`` (a one-day period).

    >>> year = Period(date(2025, 4, 1), date(2026, 3, 31))
    >>> year.contains(date(2026, 3, 31)), year.days
    (True, 365)
    """

    start: date = attrs.field(validator=_check_date)
    end: date = attrs.field(validator=[_check_date, _check_end])

    @property
    def days(self) -> int:
        """How many days the period holds, counting both ends."""
        return (self.end - self.start).days + 1

    @typed_arguments
    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in this period (both ends included)."""
        return self.start <= day <= self.end

    @typed_arguments
    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @typed_arguments
    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None`` when they share none."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    @property
    def label(self) -> str:
        """A short label: ``2025/26`` for a 1 April financial year, else ``start to end``."""
        if (
            self.start.month == 4
            and self.start.day == 1
            and self.end == _year_end(self.start.year, 4)
        ):
            return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def __str__(self) -> str:
        return self.label


def _year_end(start_year: int, start_month: int) -> date:
    if start_month == 1:
        return date(start_year, 12, 31)
    return date(start_year + 1, start_month, 1) - timedelta(days=1)


@typed_arguments
def financial_year(day: date, start_month: int = 4) -> Period:
    """The financial year that holds ``day``.

    UK public bodies run 1 April to 31 March, the default; pass ``start_month`` for
    another year (1 for calendar years).

    >>> financial_year(date(2026, 3, 31)).label
    '2025/26'
    >>> financial_year(date(2026, 4, 1)).label
    '2026/27'
    """
    if not 1 <= start_month <= 12:
        raise ValueError(f"start_month must be 1 to 12; got {start_month}")
    start_year = day.year if day.month >= start_month else day.year - 1
    return Period(date(start_year, start_month, 1), _year_end(start_year, start_month))


@typed_arguments
def parse_financial_year(label: str) -> Period:
    """The April-to-March year named by a label such as ``"2025/26"``.

    >>> parse_financial_year("2025/26")
    Period(start=datetime.date(2025, 4, 1), end=datetime.date(2026, 3, 31))
    """
    match = _YEAR_LABEL.fullmatch(label)
    if match is None or (int(match[1]) + 1) % 100 != int(match[2]):
        raise RuleViolation(
            "period.bad_label",
            f"a financial year is written like '2025/26' (the second year follows the first);"
            f" got {label[:20]!r}",
        )
    return financial_year(date(int(match[1]), 4, 1))
