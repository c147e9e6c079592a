"""Assessing spend: :func:`assess` applies a policy to a period's spend, supplier by supplier.

:func:`assess` applies a :class:`~socialvalue.policy.social_value_policy.Policy` to
spend (or, on the contract-value basis, to contracts) for one period and returns one
:class:`~socialvalue.spend.assessment.Assessment` per supplier.

Rules, each stated so that nothing is mixed, guessed or dropped in silence:

- Spend is aggregated per supplier over the period. **Credit notes (negative lines)
  net off** against payments; a supplier whose credits exceed its payments has a
  net negative total, which falls in the lowest band and is flagged.
- A line in another currency, or on another VAT basis, than the policy tests is an
  error naming the line by its position; it is never converted, mixed or skipped.
- Lines paid outside the period are ignored and counted (``ignored_lines``).

Also here: :func:`new_suppliers` (the policy invites bids from "suppliers old and
new").
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue._records import natural_key
from socialvalue._typed import filler
from socialvalue.errors import RuleViolation
from socialvalue.money import MAX_INTEGER_DIGITS
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.assessment import Assessment, AssessmentResult
from socialvalue.spend.contracts import Contract
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.suppliers import Supplier

__all__ = ["assess", "new_suppliers"]

#: Sums are exact: bounded amounts (21 significant digits) summed a billion times
#: stay far inside 60 digits, and any inexact or overflowing step raises.
_SUMS: Final = decimal.Context(
    prec=60, traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact]
)


def _mismatch(
    index: int, line: SpendLine | Contract, currency: str, vat: VatBasis
) -> RuleViolation:
    what = "spend line" if isinstance(line, SpendLine) else "contract"
    money = line.amount if isinstance(line, SpendLine) else line.value
    if money.currency != currency:
        return RuleViolation(
            "spend.currency_mismatch",
            f"{what} {index} ({line.describe()}) is in {money.currency}; this policy tests"
            f" {currency}. Convert it before assessing: amounts are never mixed or converted",
            field=[index],
        )
    return RuleViolation(
        "spend.vat_basis_mismatch",
        f"{what} {index} ({line.describe()}) is {line.vat_basis.value} of VAT; this policy"
        f" tests amounts {vat.value} of VAT. Restate it on the policy's basis first",
        field=[index],
    )


def _wrong_item(index: int, item: object, basis: Basis) -> RuleViolation:
    wanted = "SpendLine" if basis is Basis.ANNUAL_SPEND else "Contract"
    return RuleViolation(
        "spend.wrong_item",
        f"item {index} is a {type(item).__name__}; a policy on the {basis.value} basis"
        f" assesses {wanted} items",
        field=[index],
    )


def _sum_spend(
    lines: Iterable[SpendLine], period: Period, currency: str, vat: VatBasis
) -> tuple[dict[str, Decimal], dict[str, int], int]:
    """Net spend and line count per supplier in ``period``; lines outside it counted."""
    start, end = period.start, period.end
    totals: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    ignored = 0
    line = None
    # The library's hot loop (see benchmarks/bench_assess.py): Decimals summed in
    # place in dicts, no object built per line, no enumerate; a bad line's position
    # is recovered on failure, since every line before it was counted or ignored.
    with decimal.localcontext(_SUMS):
        try:
            for line in lines:
                amount = line.amount
                if amount.currency != currency or line.vat_basis is not vat:
                    raise _mismatch(ignored + sum(counts.values()), line, currency, vat)
                paid = line.paid_on
                if paid < start or paid > end:
                    ignored += 1
                    continue
                key = line.supplier_id
                if key in totals:
                    totals[key] += amount.amount
                    counts[key] += 1
                else:
                    totals[key] = amount.amount
                    counts[key] = 1
        except AttributeError:
            index = ignored + sum(counts.values())
            raise _wrong_item(index, line, Basis.ANNUAL_SPEND) from None
    return totals, counts, ignored


def _check_totals(totals: dict[str, Decimal]) -> None:
    """Refuse totals too large to be Money.

    Each summand passed :class:`Money`'s checks, so a sum keeps their decimal
    places; the only bound it can break is the integer digits, checked here once
    for the largest and smallest totals.
    """
    for amount in (max(totals.values()), min(totals.values())) if totals else ():
        if amount and amount.adjusted() >= MAX_INTEGER_DIGITS:
            raise RuleViolation(
                "money.bad_amount",
                f"a total must have at most {MAX_INTEGER_DIGITS} integer digits; got {amount:.3E}",
            )


def _largest_contracts(
    contracts: Iterable[Contract], period: Period, currency: str, vat: VatBasis
) -> tuple[dict[str, Contract], dict[str, int], int]:
    """Each supplier's largest contract live in ``period``, and how many were live."""
    best: dict[str, Contract] = {}
    counts: dict[str, int] = {}
    ignored = 0
    for index, contract in enumerate(contracts):
        if not isinstance(contract, Contract):
            raise _wrong_item(index, contract, Basis.CONTRACT_VALUE)
        if contract.value.currency != currency or contract.vat_basis is not vat:
            raise _mismatch(index, contract, currency, vat)
        if contract.end < period.start or contract.start > period.end:
            ignored += 1
            continue
        key = contract.supplier_id
        counts[key] = counts.get(key, 0) + 1
        held = best.get(key)
        # Ties go to the smaller contract id, so input order never matters.
        if held is None or (contract.value.amount, held.id) > (held.value.amount, contract.id):
            best[key] = contract
    return best, counts, ignored


@in_library_context
@typed_arguments
def assess(
    policy: Policy,
    spend: Iterable[SpendLine] | Iterable[Contract],
    period: Period | str,
    *,
    suppliers: Iterable[Supplier] = (),
    before_effective: bool = False,
) -> AssessmentResult:
    """Apply ``policy`` to ``spend`` for ``period``: one :class:`Assessment` per supplier.

    ``spend`` holds :class:`SpendLine` items on the annual-spend basis and
    :class:`Contract` items on the contract-value basis. ``period`` is a
    :class:`Period` or a financial-year label such as ``"2025/26"``. ``suppliers``
    supplies names for the explanations. A period that starts before the policy's
    effective date is refused (``spend.before_effective``): the policy did not
    apply then. ``before_effective=True`` assesses it anyway, say to see what the
    policy would have asked.

    >>> from socialvalue.money import Money
    >>> from socialvalue.policy.gm_policing import default_policy
    >>> lines = [
    ...     SpendLine("100234", Money("30000"), date(2025, 5, 1), VatBasis.NET),
    ...     SpendLine("100234", Money("25000"), date(2026, 1, 9), VatBasis.NET),
    ... ]
    >>> [a.obligation.value for a in assess(default_policy(), lines, "2025/26")]
    ['review']
    """
    if isinstance(period, str):
        period = parse_financial_year(period)
    _check_effective(policy, period, before_effective)
    names = {supplier.id: supplier.name for supplier in suppliers}
    currency, vat, basis = policy.currency, policy.vat_basis, policy.basis
    contract_ids: dict[str, str] = {}
    if basis is Basis.ANNUAL_SPEND:
        totals, counts, ignored = _sum_spend(spend, period, currency, vat)  # type: ignore[arg-type]
    else:
        best, counts, ignored = _largest_contracts(spend, period, currency, vat)  # type: ignore[arg-type]
        totals = {key: contract.value.amount for key, contract in best.items()}
        contract_ids = {key: contract.id for key, contract in best.items()}
    names_of, contract_of = names.get, contract_ids.get
    return _assessed(
        policy, period, totals, counts, ignored, lambda key: (names_of(key), (), contract_of(key))
    )


def _check_effective(policy: Policy, period: Period, before_effective: bool) -> None:
    if period.start < policy.effective and not before_effective:
        raise RuleViolation(
            "spend.before_effective",
            f"{period.label} starts on {period.start.isoformat()}, before policy {policy.id}"
            f" {policy.version} took effect on {policy.effective.isoformat()}; assess it"
            " under the policy in force then, or pass before_effective=True"
            " (--before-effective) to apply this one anyway",
            field=["period"],
        )


def _assessed(
    policy: Policy,
    period: Period,
    totals: dict[str, Decimal],
    counts: dict[str, int],
    ignored: int,
    about: Callable[[str], tuple[str | None, tuple[str, ...], str | None]],
) -> AssessmentResult:
    """Each supplier's total tested; ``about`` gives a key's name, spellings and contract id."""
    _check_totals(totals)
    find = policy._locator().find
    currency, basis = policy.currency, policy.basis
    assessments = []
    for key in sorted(totals, key=natural_key):
        name, spellings, contract = about(key)
        total = totals[key]
        band, on_boundary = find(total)
        assessments.append(
            _assessment(
                key,
                name,
                total,
                currency,
                basis,
                band,
                on_boundary,
                period,
                counts[key],
                contract,
                spellings,
            )
        )
    return AssessmentResult(policy, period, tuple(assessments), ignored)


#: An :class:`Assessment` of values of its fields' types, in field order, not checked
#: again. Every value comes checked from ``assess`` or the reader's sums: supplier
#: keys from lines or sums, totals bounded by ``_check_totals``, the rest the
#: policy's or made here (spellings a tuple). Checking each field's type again was a
#: third of assessing 50,000 suppliers; ``tests/test_spend_fast_paths.py`` checks that
#: the two constructions are equal.
_assessment: Final[Callable[..., Assessment]] = filler(Assessment)


@in_library_context
def _assess_sums(
    policy: Policy,
    totals: dict[str, Decimal],
    counts: dict[str, int],
    period: Period,
    spellings: Mapping[str, tuple[str, ...]],
    *,
    before_effective: bool = False,
) -> AssessmentResult:
    """``with_spellings(assess(policy, lines, period), spellings)`` of the lines' sums.

    For the command line, whose reader sums each supplier's lines in ``period``
    (:meth:`~socialvalue.spend.reading.SpendFile._sums`) in the policy's currency
    and on its VAT basis: ``totals`` and ``counts`` are by supplier key.
    ``tests/test_spend_fast_paths.py`` checks that the two agree.
    """
    _check_effective(policy, period, before_effective)
    if policy.basis is not Basis.ANNUAL_SPEND:
        raise ValueError("sums of spend are assessed on the annual-spend basis only")
    found = spellings.get

    def about(key: str) -> tuple[str | None, tuple[str, ...], None]:
        names = tuple(found(key, ()))
        return (names[0] if names else None), names, None

    return _assessed(policy, period, totals, counts, 0, about)


@in_library_context
@typed_arguments
def new_suppliers(records: Iterable[SpendLine | Contract], before: date) -> tuple[str, ...]:
    """The suppliers with no spend paid, and no contract started, before ``before``.

    Answers the policy's invitation to "suppliers old and new": a supplier is new if
    everything the records hold about it is dated on or after ``before``.

    >>> from socialvalue.money import Money
    >>> lines = [
    ...     SpendLine("OLD-1", Money("10"), date(2024, 6, 1), VatBasis.NET),
    ...     SpendLine("NEW-1", Money("10"), date(2025, 6, 1), VatBasis.NET),
    ... ]
    >>> new_suppliers(lines, date(2025, 4, 1))
    ('NEW-1',)
    """
    seen: set[str] = set()
    old: set[str] = set()
    for record in records:
        day = record.paid_on if isinstance(record, SpendLine) else record.start
        seen.add(record.supplier_id)
        if day < before:
            old.add(record.supplier_id)
    return tuple(sorted(seen - old))
