"""Assessment: what each supplier owes the policy this year, and why.

An :class:`Assessment` is one supplier's answer: the obligation, the amount tested,
the band that fired, whether the amount sits exactly on the boundary, and a
one-sentence explanation a council can send the supplier. An
:class:`AssessmentResult` holds every supplier's for one period, in supplier id
order; :func:`with_spellings` adds the ways a spend file wrote each name.
:func:`~socialvalue.spend.assessment_rules.assess` makes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import library_context_methods
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.money import Money
from socialvalue.periods import Period
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis, Obligation, ThresholdRule, _short

__all__ = ["Assessment", "AssessmentResult", "with_spellings"]


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
