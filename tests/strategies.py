"""Shared Hypothesis strategies for the domain's values."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from socialvalue import Money, Period

#: Amounts as documents carry them: up to 15 integer digits and 6 places.
amounts = st.decimals(
    min_value=Decimal("-999999999999999.999999"),
    max_value=Decimal("999999999999999.999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)
#: Amounts a council pays: pence, up to a billion pounds either way.
pence = st.decimals(min_value=Decimal("-1000000000"), max_value=Decimal("1000000000"), places=2)
#: Amounts small enough that sums of a few stay within Money's 15-digit bound.
summable = st.decimals(
    min_value=Decimal("-999999999999.999999"),
    max_value=Decimal("999999999999.999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)
money = st.builds(Money, summable)
any_money = st.builds(Money, amounts)
money_pence = st.builds(Money, pence)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any period between 1990 and 2100, from one day to twenty years long."""
    start = draw(dates)
    return Period(start, start + timedelta(days=draw(st.integers(0, 7300))))
