"""Assessment: what each supplier owes the policy this year, and why.

:func:`assess` applies a :class:`~socialvalue.policy.social_value_policy.Policy` to
spend (or, on the contract-value basis, to contracts) for one period and returns one
:class:`Assessment` per supplier: the obligation, the amount tested, the band that
fired, whether the amount sits exactly on the boundary, and a one-sentence
explanation a council can send the supplier.

Rules, each stated so that nothing is mixed, guessed or dropped in silence:

- Spend is aggregated per supplier over the period. **Credit notes (negative lines)
  net off** against payments; a supplier whose credits exceed its payments has a
  net negative total, which falls in the lowest band and is flagged.
- A line in another currency, or on another VAT basis, than the policy tests is an
  error naming the line by its position; it is never converted, mixed or skipped.
- Lines paid outside the period are ignored and counted (``ignored_lines``).

Also here: :func:`new_suppliers` (the policy invites bids from "suppliers old and
new") and :func:`local_spend_share`, the share of spend with local suppliers that
the commissioner reported (£59m of £110m with Greater Manchester organisations in
2016).
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._records import html_table, natural_key, records_frame
from socialvalue._typed import typed_fields
from socialvalue.errors import RuleViolation
from socialvalue.money import MAX_INTEGER_DIGITS, Money
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis, Obligation, ThresholdRule, _short
from socialvalue.policy.vat import VatBasis
from socialvalue.spend.contracts import Contract
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.suppliers import GREATER_MANCHESTER, LocalArea, Supplier

__all__ = [
    "Assessment",
    "AssessmentResult",
    "LocalSpend",
    "assess",
    "local_spend_share",
    "new_suppliers",
    "with_spellings",
]

_ZERO: Final = Decimal(0)
#: Sums are exact: bounded amounts (21 significant digits) summed a billion times
#: stay far inside 60 digits, and any inexact or overflowing step raises.
_SUMS: Final = decimal.Context(
    prec=60, traps=[decimal.InvalidOperation, decimal.Overflow, decimal.Inexact]
)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@library_context_methods
@attrs.frozen(weakref_slot=False, field_transformer=typed_fields)
class Assessment:
    """What the policy asks of one supplier for one period, and why.

    ``total`` is the amount tested on the policy's ``basis``: net spend in the
    period, or the whole-life value of the supplier's largest live contract
    (``contract_id``). It is kept as a ``Decimal`` ``amount`` and its
    ``currency``, so that a result for every supplier of a large body stays small.
    ``band`` is the resolved band that holds it; ``on_boundary`` is true only
    when the total is exactly where the source's bands overlap. ``line_count``
    counts the spend lines (or contracts) tested. ``spellings`` are the ways the
    spend file wrote the supplier's name, the most frequent first, when lines of
    several spellings were met under one key (see :func:`with_spellings`).
    The ``obligation`` is the band's, so the two can never disagree.
    """

    supplier_id: str
    supplier_name: str | None
    amount: Decimal
    currency: str
    basis: Basis
    band: ThresholdRule
    on_boundary: bool
    period: Period
    line_count: int
    contract_id: str | None = None
    spellings: tuple[str, ...] = attrs.field(default=(), converter=_names)

    @property
    def total(self) -> Money:
        """The amount tested, as :class:`~socialvalue.money.Money`."""
        return Money(self.amount, self.currency)

    @property
    def obligation(self) -> Obligation:
        """What the policy asks of the supplier: the obligation of the band that fired."""
        return self.band.obligation

    @property
    def net_negative(self) -> bool:
        """Whether credit notes exceed payments (the total is below zero)."""
        return self.amount < 0

    @property
    def explanation(self) -> str:
        """One plain-English sentence saying what is asked and why."""
        return self._explained(self.band.describe(), self.period.label)

    def _explained(self, band: str, label: str) -> str:
        """The explanation, given the band and period in words (a result's rows share them)."""
        who = self.supplier_name or f"supplier {self.supplier_id}"
        if self.basis is Basis.CONTRACT_VALUE:
            subject = (
                f"{self.total.format()}, the whole-life value of contract {self.contract_id}"
                f" with {who} live in {label},"
            )
        else:
            subject = f"{self.total.format()} spent with {who} in {label}"
        asks = f"this policy asks for the {self.obligation.title}"
        if self.on_boundary:
            return f"{subject} is at the {_short(self.total)} boundary; {asks}."
        if self.net_negative:
            return (
                f"{subject} is a net credit (credit notes exceed payments), so it falls in the"
                f" lowest band, {band}; {asks}."
            )
        return f"{subject} is {band}; {asks}."

    def to_record(self) -> dict[str, object]:
        """This assessment as one flat dict of plain values."""
        return self._record(self.band.describe(), self.period.label)

    def _record(self, band: str, label: str) -> dict[str, object]:
        return {
            "supplier_id": self.supplier_id,
            "supplier_name": self.supplier_name,
            "period": label,
            "basis": self.basis.value,
            "total": self.amount,
            "currency": self.currency,
            "obligation": self.obligation.value,
            "band": band,
            "on_boundary": self.on_boundary,
            "net_negative": self.net_negative,
            "line_count": self.line_count,
            "contract_id": self.contract_id,
            "spellings": " | ".join(self.spellings) or None,
            "explanation": self._explained(band, label),
        }

    def to_records(self) -> list[dict[str, object]]:
        """A one-row list of :meth:`to_record`, ready for ``pandas.DataFrame``."""
        return [self.to_record()]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        return html_table(self.to_records(), caption=self.explanation)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class AssessmentResult:
    """Every supplier's :class:`Assessment` for one period, in supplier id order.

    Ids are in natural order: digit runs compare as numbers, so ``10010`` comes
    before ``100039`` and ``100160``.

    Iterating the result yields the assessments. ``ignored_lines`` counts the lines
    (or contracts) that fell outside the period.
    """

    policy: Policy = attrs.field(repr=False)
    period: Period
    assessments: tuple[Assessment, ...] = attrs.field(repr=False)
    ignored_lines: int = 0

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments)

    def __repr__(self) -> str:
        owed = dict.fromkeys(Obligation, 0)
        for assessment in self.assessments:
            owed[assessment.obligation] += 1
        counts = ", ".join(
            f"{count} {obligation.title}" for obligation, count in owed.items() if count
        )
        return (
            f"<AssessmentResult {self.period.label} under {self.policy.id}:"
            f" {len(self.assessments)} supplier{'' if len(self.assessments) == 1 else 's'}"
            f"{' (' + counts + ')' if counts else ''}, {self.ignored_lines} outside the period>"
        )

    def __len__(self) -> int:
        return len(self.assessments)

    def __getitem__(self, supplier_id: str) -> Assessment:
        """The assessment of ``supplier_id``; :class:`KeyError` if it had no spend."""
        for assessment in self.assessments:
            if assessment.supplier_id == supplier_id:
                return assessment
        raise KeyError(supplier_id)

    @typed_arguments
    def of(self, obligation: Obligation) -> tuple[Assessment, ...]:
        """The assessments that ask for ``obligation``."""
        return tuple(a for a in self.assessments if a.obligation is obligation)

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per supplier, ready for ``pandas.DataFrame``.

        Each row ends with the policy's provenance (``policy_id``, ``policy_version``,
        ``policy_owner``, ``policy_owner_role``, ``policy_owner_since``,
        ``policy_effective``, ``policy_source``), so a table cut from it still says
        which rule it applied.
        """
        return list(self.records())

    @typed_arguments
    def records(self, *, provenance: bool = True) -> Iterator[dict[str, object]]:
        """:meth:`to_records` one at a time, so that a long result is written row by row.

        ``provenance=False`` leaves out the policy's fields, for an output that names
        the policy once (the command line's CSV says it in comment lines).
        """
        cited = self.policy.provenance.to_record() if provenance else {}
        # A policy has a few bands, a result one period: each is put in words once,
        # not once a supplier.
        described: dict[int, str] = {}
        labels: dict[int, str] = {}
        for a in self.assessments:
            band = described.get(id(a.band))
            if band is None:
                band = described[id(a.band)] = a.band.describe()
            label = labels.get(id(a.period))
            if label is None:
                label = labels[id(a.period)] = a.period.label
            record = a._record(band, label)
            if cited:
                record.update(cited)
            yield record

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        reviews = len(self.of(Obligation.REVIEW))
        caption = (
            f"{len(self.assessments)} suppliers in {self.period.label}: {reviews} Review,"
            f" {len(self.assessments) - reviews} Charter; {self.ignored_lines} lines outside"
            " the period"
        )
        return html_table(self.to_records(), caption=caption)


@typed_arguments
def with_spellings(
    result: AssessmentResult, spellings: Mapping[str, Sequence[str]]
) -> AssessmentResult:
    """``result`` with each supplier's name spellings from ``spellings`` (key to names).

    Give it :meth:`~socialvalue.spend.reading.SpendFile.supplier_spellings`: a
    supplier keyed by its normalised name (or its id) may be written several ways
    in one file, and the user should see every way. An assessment without a name
    takes the first (most frequent) spelling as its name.

    >>> from socialvalue import Money, SpendLine, VatBasis, assess, default_policy
    >>> from datetime import date
    >>> line = SpendLine("acme", Money("60000.00"), date(2025, 5, 1), VatBasis.NET)
    >>> result = assess(default_policy(), [line], "2025/26")
    >>> named = with_spellings(result, {"acme": ["Acme Ltd", "ACME LIMITED"]})
    >>> named["acme"].supplier_name, named["acme"].spellings
    ('Acme Ltd', ('Acme Ltd', 'ACME LIMITED'))
    """
    named = []
    for a in result.assessments:
        found = tuple(spellings.get(a.supplier_id, ()))
        if found:
            a = attrs.evolve(a, supplier_name=a.supplier_name or found[0], spellings=found)
        named.append(a)
    return attrs.evolve(result, assessments=tuple(named))


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
                (
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
        )
    return AssessmentResult(policy, period, tuple(assessments), ignored)


# The slots' own setters, in field order: the cheapest way to fill a frozen object.
_PUT: Final = tuple(vars(Assessment)[a.name].__set__ for a in attrs.fields(Assessment))


def _assessment(values: tuple[Any, ...]) -> Assessment:
    """An :class:`Assessment` of values of its fields' types, in field order, not checked again.

    Every value comes checked from ``assess`` or the reader's sums: supplier keys
    from lines or sums, totals bounded by ``_check_totals``, the rest the policy's
    or made here (spellings a tuple). Checking each field's type again was a third
    of assessing 50,000 suppliers; ``tests/test_spend_fast_paths.py`` checks that
    the two constructions are equal.
    """
    assessment: Assessment = object.__new__(Assessment)
    for put, value in zip(_PUT, values, strict=True):
        put(assessment, value)
    return assessment


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
