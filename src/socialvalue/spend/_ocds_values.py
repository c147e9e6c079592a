"""Exact values and contract periods from OCDS (private to :mod:`.ocds`).

- **Value**: it must be a JSON number that reached this library as ``int`` or
  ``Decimal`` (see :func:`~socialvalue.spend.ocds.ocds_parse_options`), finite,
  within :class:`~socialvalue.money.Money`'s limits and not negative, with a
  three-letter currency. A value that fails is set aside with its path, never
  rounded or guessed; a zero value is kept and flagged.
- **Period**: of the periods offered (the OCDS contract's, the award's, the
  tender's), the first with a start and an end is used. The end is ``endDate``,
  else ``maxExtentDate``, else the start plus ``durationInDays``. Dates are the
  calendar dates written in the text (``2019-12-09T00:00:00Z`` is 9 December
  2019), not converted to another time zone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

from socialvalue.errors import PathStep, RuleViolation
from socialvalue.money import Money, to_decimal
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._ocds_releases import Notes, instant

__all__ = ["as_list", "mapping", "money_of", "period_of", "shown"]

_CURRENCY_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def shown(amount: object) -> str:
    if isinstance(amount, Decimal) and len(amount.as_tuple().digits) > 30:
        return f"a number of {len(amount.as_tuple().digits)} digits"
    text = str(amount) if isinstance(amount, (int, Decimal)) else repr(amount)
    return text if len(text) <= 40 else text[:37] + "..."


def money_of(
    value: object,
    ocid: str,
    steps: tuple[PathStep, ...],
    vat: VatBasis,
    notes: Notes,
) -> Money | None:
    if value is None:
        notes.problem(ocid, steps, "ocds.missing_value", "the value is null or absent")
        return None
    if not isinstance(value, Mapping):
        notes.problem(
            ocid, steps, "ocds.bad_amount", "a value must be an object with amount and currency"
        )
        return None
    amount = value.get("amount")
    at = (*steps, "amount")
    if amount is None:
        notes.problem(ocid, at, "ocds.missing_value", "the amount is null or absent")
        return None
    if isinstance(amount, bool) or not isinstance(amount, (int, Decimal)):
        notes.problem(ocid, at, "ocds.bad_amount", f"must be a JSON number; got {shown(amount)}")
        return None
    try:
        exact = to_decimal(amount, what="the amount")
    except RuleViolation as exc:
        notes.problem(
            ocid,
            at,
            "ocds.bad_amount",
            f"{exc.message} (got {shown(amount)}); the value is set aside, never rounded",
        )
        return None
    if exact < 0:
        notes.problem(ocid, at, "ocds.bad_amount", f"a value cannot be negative; got {exact}")
        return None
    currency = value.get("currency")
    if not (
        isinstance(currency, str) and len(currency) == 3 and set(currency) <= _CURRENCY_LETTERS
    ):
        notes.problem(
            ocid,
            (*steps, "currency"),
            "ocds.bad_currency",
            f"the currency must be a three-letter ISO 4217 code such as 'GBP'; got"
            f" {shown(currency)} (it is never assumed)",
        )
        return None
    included = value.get("valueAddedTaxIncluded")
    if isinstance(included, bool) and included != (vat is VatBasis.GROSS):
        said = "includes" if included else "excludes"
        notes.problem(
            ocid,
            (*steps, "valueAddedTaxIncluded"),
            "ocds.vat_mismatch",
            f"the value says it {said} VAT, but the amounts were declared {vat.value} of VAT",
        )
        return None
    # Zero is a value, but often "not disclosed": keep it, and say so.
    if exact == 0:
        notes.flag(
            ocid, at, "ocds.zero_value", "the value is zero; publishers often mean 'not disclosed'"
        )
    return Money(exact.copy_abs() if exact == 0 else exact, currency)


def day_of(
    period: Mapping[str, Any], key: str, ocid: str, steps: tuple[PathStep, ...], notes: Notes
) -> date | bool | None:
    """The date at ``key``; ``None`` when absent; ``False`` when unreadable (noted)."""
    text = period.get(key)
    if text is None:
        return None
    if isinstance(text, str) and instant(text) is not None:
        # The date as written: instant() has already checked the whole text.
        return date.fromisoformat(text[:10])
    notes.problem(
        ocid,
        (*steps, key),
        "ocds.bad_date",
        f"not an ISO 8601 date or date-time; got {shown(text)}",
    )
    return False


def _whole_days(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    # Comparisons on a NaN decimal raise, so finiteness is checked first.
    if isinstance(value, Decimal) and not (
        value.is_finite() and value == value.to_integral_value()
    ):
        return None
    return int(value) if 0 < value < 100_000 else None


def period_of(
    sources: Sequence[tuple[object, tuple[PathStep, ...]]], ocid: str, notes: Notes
) -> tuple[date, date] | None:
    """The first of ``sources`` (period, path) with a start and an end; problems noted."""
    for period, steps in sources:
        if not isinstance(period, Mapping):
            continue
        start = day_of(period, "startDate", ocid, steps, notes)
        end = day_of(period, "endDate", ocid, steps, notes)
        if end is None:
            end = day_of(period, "maxExtentDate", ocid, steps, notes)
        if start is False or end is False:
            return None
        days = _whole_days(period.get("durationInDays"))
        if end is None and isinstance(start, date) and days is not None:
            end = start + timedelta(days=days - 1)
        if isinstance(start, date) and isinstance(end, date):
            if end < start:
                notes.problem(
                    ocid,
                    steps,
                    "period.end_before_start",
                    f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()})",
                )
                return None
            return start, end
    notes.problem(
        ocid,
        sources[1][1],
        "ocds.no_period",
        "no contract period with a start and an end (endDate, maxExtentDate or"
        " durationInDays) on the contract, the award or the tender",
    )
    return None
