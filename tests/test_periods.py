"""Periods and the April-to-March financial year."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given

from socialvalue import Period, RuleViolation, financial_year, parse_financial_year
from tests import strategies as s


def test_end_before_start_is_refused_at_the_end_field() -> None:
    with pytest.raises(RuleViolation) as info:
        Period(date(2025, 4, 2), date(2025, 4, 1))
    assert info.value.code == "period.end_before_start"
    assert info.value.field == ("end",)


def test_datetimes_are_refused() -> None:
    with pytest.raises(TypeError, match="start"):
        Period(datetime(2025, 4, 1), date(2025, 4, 2))


def test_financial_year_boundaries() -> None:
    assert financial_year(date(2025, 4, 1)) == Period(date(2025, 4, 1), date(2026, 3, 31))
    assert financial_year(date(2025, 3, 31)).label == "2024/25"
    assert financial_year(date(2024, 2, 29), start_month=1).label == "2024-01-01 to 2024-12-31"
    assert financial_year(date(2099, 12, 31)).label == "2099/00"
    with pytest.raises(ValueError, match="start_month"):
        financial_year(date(2025, 1, 1), start_month=13)


@pytest.mark.parametrize("bad", ["2025/27", "2025-26", "25/26", "2025/26 ", ""])
def test_bad_year_labels(bad: str) -> None:
    with pytest.raises(RuleViolation, match="2025/26"):
        parse_financial_year(bad)


def test_intersection_and_label() -> None:
    a = Period(date(2025, 1, 1), date(2025, 6, 30))
    b = parse_financial_year("2025/26")
    assert a.intersection(b) == Period(date(2025, 4, 1), date(2025, 6, 30))
    assert a.intersection(Period(date(2026, 1, 1), date(2026, 1, 1))) is None
    assert str(b) == "2025/26"


@given(s.dates, s.periods())
def test_contains_agrees_with_bounds(day: date, period: Period) -> None:
    assert period.contains(day) == (period.start <= day <= period.end)


@given(s.periods(), s.periods())
def test_overlap_is_symmetric_and_matches_intersection(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    shared = a.intersection(b)
    assert (shared is not None) == a.overlaps(b)
    if shared is not None:
        assert a.contains(shared.start)
        assert b.contains(shared.end)


@given(s.dates)
def test_financial_year_holds_its_day_and_is_a_year(day: date) -> None:
    year = financial_year(day)
    assert year.contains(day)
    assert year.days in (365, 366)
    assert financial_year(year.end + timedelta(days=1)).start == year.end + timedelta(days=1)
    assert parse_financial_year(year.label) == year
