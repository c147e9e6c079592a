"""Checked by mypy --strict: the public API's types work for users."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import socialvalue as sv

total: sv.Money = sv.Money("1.00") + sv.Money(Decimal("2"), "GBP")
doubled: sv.Money = total * 2
amount: Decimal = doubled.round(sv.Rounding.HALF_EVEN).amount
year: sv.Period = sv.financial_year(date(2025, 4, 1))
inside: bool = year.contains(date(2025, 12, 25))
report: sv.ValidationReport
kinds: tuple[str, ...] = sv.SCHEMA_KINDS
issue: sv.Issue = sv.Issue.at(["lines", 0], "value.invalid", "x")
path: str = issue.path
