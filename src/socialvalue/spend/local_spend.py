"""The local-spend KPI: the share of a period's spend with suppliers in an area.

:func:`local_spend_share` gives the share the commissioner reported (£59m of £110m
with Greater Manchester organisations in 2016) as a :class:`LocalSpend`, its lines
checked as :func:`~socialvalue.spend.assessment_rules.assess` checks them.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.money import Money
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.assessment_rules import _SUMS, _sum_spend
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.suppliers import GREATER_MANCHESTER, LocalArea, Supplier

__all__ = ["LocalSpend", "local_spend_share"]

_ZERO: Final = Decimal(0)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class LocalSpend:
    """The share of spend with local suppliers in a period: the local-spend KPI.

    ``unlocated`` is spend with suppliers missing from the supplier list; it counts
    in ``total`` but never as local, so the share is never flattered.
    """

    area: str
    period: Period
    local: Money
    total: Money
    unlocated: Money
    line_count: int
    ignored_lines: int = 0

    @property
    def share(self) -> Decimal | None:
        """``local / total`` as a fraction, or ``None`` when the net total is not positive."""
        if self.total.amount <= 0:
            return None
        with decimal.localcontext(decimal.Context(prec=28)):
            return self.local.amount / self.total.amount

    @property
    def explanation(self) -> str:
        """The KPI in one sentence."""
        share = self.share
        percent = (
            "no positive spend to share out"
            if share is None
            else f"{(share * 100).quantize(Decimal('0.1'), rounding=decimal.ROUND_HALF_UP)}%"
        )
        return (
            f"{self.local.format()} of {self.total.format()} ({percent}) was spent with"
            f" suppliers in {self.area} in {self.period.label}."
        )

    def to_records(self) -> list[dict[str, object]]:
        """The KPI as a one-row list of flat dicts."""
        return [
            {
                "area": self.area,
                "period": self.period.label,
                "local": self.local.amount,
                "total": self.total.amount,
                "unlocated": self.unlocated.amount,
                "currency": self.total.currency,
                "share": self.share,
                "line_count": self.line_count,
                "ignored_lines": self.ignored_lines,
            }
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return html_table(self.to_records(), caption=self.explanation)


@in_library_context
@typed_arguments
def local_spend_share(
    spend: Iterable[SpendLine],
    suppliers: Iterable[Supplier],
    period: Period | str,
    *,
    area: LocalArea = GREATER_MANCHESTER,
    currency: str = "GBP",
    vat_basis: VatBasis = VatBasis.NET,
) -> LocalSpend:
    """The share of spend in ``period`` with suppliers located in ``area``.

    Lines are checked as :func:`assess` checks them: another currency or VAT basis
    is an error naming the line; lines outside the period are ignored and counted.
    """
    if isinstance(period, str):
        period = parse_financial_year(period)
    listed = tuple(suppliers)
    local_ids = {s.id for s in listed if s.is_local(area)}
    known = {s.id for s in listed}
    totals, counts, ignored = _sum_spend(spend, period, currency, vat_basis)
    with decimal.localcontext(_SUMS):
        local = sum((v for k, v in totals.items() if k in local_ids), _ZERO)
        unlocated = sum((v for k, v in totals.items() if k not in known), _ZERO)
        total = sum(totals.values(), _ZERO)
    return LocalSpend(
        area.name,
        period,
        Money(local, currency),
        Money(total, currency),
        Money(unlocated, currency),
        sum(counts.values()),
        ignored,
    )
