"""Delivery against contract KPIs: what the contracts promised, what the Reviews delivered.

Under PPN 06/20 the winning bid's social value metrics become contract KPIs, held
by the commissioner on its record of the contract
(:attr:`~socialvalue.spend.contracts.Contract.kpis`). This section of the report
compares each supplier's Review with *those* KPIs, not with the targets the
supplier copies into its own return (``ReviewSubmission.commitments``, shown
beside them where given, so a return that quietly lowers a target is visible).
:func:`kpi_delivery` builds it; :func:`socialvalue.report.regional_report` adds it to
the year's report when given contracts. The rules:

- A contract counts when it has KPIs and its term shares a day with the period.
- **One Review per supplier** counts, chosen as the regional report chooses: the
  latest declared on or before ``as_of`` among those whose period shares a day with
  the report's. A Review that lists contract ids covers those contracts only; one
  that lists none covers every contract of its supplier.
- A Review's delivery of a measure is its quantity for that measure as scoring
  counts it (:func:`socialvalue.score` with ``method``: lines left out as not local
  do not count); one Review covering several contracts with a KPI for the same
  measure is compared with the *sum* of those KPIs, so its delivery is not counted
  twice. KPIs are quantities for one reporting period (a year of the contract),
  compared as they are: nothing is pro-rated.
- A KPI whose contract no counted Review covers is **unmeasured**, never zero; a
  Review that cannot be scored against the catalogue leaves its KPIs unmeasured
  and says why.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text, Whole
from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._records import html_table
from socialvalue._typed import typed_fields
from socialvalue.errors import InvalidDocument
from socialvalue.periods import Period, parse_financial_year
from socialvalue.report.figures import ReportFigure, ReportSection
from socialvalue.report.sections import SUMS
from socialvalue.review.measures import MeasureCatalogue, Unit
from socialvalue.review.method import ScoringMethod
from socialvalue.review.scoring import score
from socialvalue.review.submissions import ReviewSubmission
from socialvalue.spend.contracts import Contract
from socialvalue.targets import MeasureTarget

__all__ = ["KpiDelivery", "KpiDeliveryReport", "KpiStatus", "kpi_delivery", "summary_line"]

_ZERO: Final = Decimal(0)
_MAX_ROWS: Final = 1_000_000


class KpiStatus(enum.Enum):
    """How a contract KPI stands at the end of the period."""

    MET = "met"
    """The Review delivered the KPI's quantity or more."""
    SHORT = "short"
    """The Review delivered less than the KPI."""
    UNMEASURED = "unmeasured"
    """No counted Review covers the contract: unmeasured, not zero."""
    UNSCORABLE = "unscorable"
    """The supplier's Review could not be scored against the catalogue."""


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _unit_text(quantity: Decimal, unit: Unit | None) -> str:
    number = f"{quantity.normalize():,f}" if quantity else "0"
    return number if unit is None or unit is Unit.COUNT else f"{number} {unit.value}"


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class KpiDelivery:
    """One supplier's delivery of one measure against its contracts' KPIs for it.

    ``promised`` is the sum of the KPIs for ``measure`` of ``contract_ids``;
    ``delivered``, ``ratio`` (delivered ÷ promised, ``None`` when nothing was
    promised) and ``shortfall`` are ``None`` unless a Review was scored.
    ``review_commitment`` is what the supplier's own return said it committed to
    for the measure, if it said anything. ``unit`` is ``None`` for a measure the
    catalogue does not hold.

    >>> row = KpiDelivery("100101", ("C-1",), "GM-JOBS-LOCAL", Unit.PEOPLE, Decimal(2),
    ...                   KpiStatus.SHORT, Decimal(1), Decimal("0.5"), Decimal(1))
    >>> row.text
    'supplier 100101, GM-JOBS-LOCAL: 1 people of 2 people promised (contracts C-1) — short'
    """

    supplier_id: str = attrs.field(validator=Code())
    contract_ids: tuple[str, ...] = attrs.field(
        converter=_ids, validator=Items(1, 10_000, what="contract id")
    )
    measure: str = attrs.field(validator=Code())
    unit: Unit | None
    promised: Decimal
    status: KpiStatus
    delivered: Decimal | None = None
    ratio: Decimal | None = None
    shortfall: Decimal | None = None
    review_commitment: Decimal | None = None
    reason: str | None = attrs.field(default=None, validator=Text(300, optional=True))

    @property
    def text(self) -> str:
        """The row in one line: delivered of promised, contracts, status, own target."""
        promised = _unit_text(self.promised, self.unit)
        where = f"(contracts {', '.join(self.contract_ids)})"
        if self.delivered is None:
            why = f": {self.reason}" if self.reason else ""
            got = f"{promised} promised {where} — {self.status.value}{why}"
        else:
            got = f"{_unit_text(self.delivered, self.unit)} of {promised} promised {where}"
            got += f" — {self.status.value}"
        if self.review_commitment is not None and self.review_commitment != self.promised:
            got += f"; the return's own target was {_unit_text(self.review_commitment, self.unit)}"
        return f"supplier {self.supplier_id}, {self.measure}: {got}"

    def to_record(self) -> dict[str, object]:
        """This row as a flat dict of plain values."""
        return {
            "supplier_id": self.supplier_id,
            "contract_ids": ", ".join(self.contract_ids),
            "measure": self.measure,
            "unit": None if self.unit is None else self.unit.value,
            "promised": self.promised,
            "delivered": self.delivered,
            "ratio": self.ratio,
            "shortfall": self.shortfall,
            "status": self.status.value,
            "review_commitment": self.review_commitment,
            "reason": self.reason,
        }


def _rows(value: Iterable[KpiDelivery]) -> tuple[KpiDelivery, ...]:
    return tuple(value)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class KpiDeliveryReport:
    """Delivery against contract KPIs over a period, one row per supplier and measure.

    Built by :func:`kpi_delivery`; rows are sorted by supplier and measure.
    ``contracts`` counts the contracts with KPIs live in the period.
    """

    period: Period
    rows: tuple[KpiDelivery, ...] = attrs.field(
        converter=_rows, validator=Items(0, _MAX_ROWS, what="row")
    )
    contracts: int = attrs.field(validator=Whole(0, _MAX_ROWS))

    @typed_arguments
    def of(self, status: KpiStatus) -> tuple[KpiDelivery, ...]:
        """The rows with ``status``."""
        return tuple(r for r in self.rows if r.status is status)

    @property
    def explanation(self) -> str:
        """The section in two plain sentences."""
        if not self.rows:
            return f"No contract with KPIs was live in {self.period.label}."
        suppliers = len({r.supplier_id for r in self.rows})
        counts = ", ".join(f"{len(self.of(s)):,} {s.value}" for s in KpiStatus if self.of(s))
        return (
            f"{_plural(self.contracts, 'contract')} live in {self.period.label}"
            f" {'holds' if self.contracts == 1 else 'hold'}"
            f" {_plural(len(self.rows), 'KPI')} (by supplier and measure) for"
            f" {_plural(suppliers, 'supplier')}: {counts}. Delivery is each supplier's"
            " counted Review against the KPIs on the commissioner's contract record;"
            " an unmeasured KPI is not a zero."
        )

    def lines(self) -> list[str]:
        """The explanation, then a line per KPI not met (short, unmeasured, unscorable)."""
        found = [self.explanation]
        found += [f"  - {r.text}" for r in self.rows if r.status is not KpiStatus.MET]
        return found

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per supplier and measure."""
        return [{"period": self.period.label, **r.to_record()} for r in self.rows]

    def figures(self) -> list[ReportFigure]:
        """This section as regional-report figures (section ``kpis``).

        ``("kpis", "total", "all", STATUS)`` counts the KPIs of each status and
        ``("kpis", "total", "all", "promised")`` all of them; for each measure and
        supplier, ``("kpis", MEASURE, SUPPLIER, "promised")`` and, where a Review was
        scored, ``"delivered"`` and ``"shortfall"``, in the measure's unit. No
        figures when no contract with KPIs was live, so a report without contracts
        is unchanged.
        """
        if not self.rows:
            return []
        everyone = sorted({r.supplier_id for r in self.rows})
        found = [
            ReportFigure(
                ReportSection.KPIS, "total", "all", "promised", Decimal(len(self.rows)), "kpis",
                "Contract KPIs live in the period (by supplier and measure)", everyone, 0,
                f"{_plural(len(self.rows), 'KPI')} on {_plural(self.contracts, 'contract')}",
            )
        ]  # fmt: skip
        for status in KpiStatus:
            rows = self.of(status)
            found.append(
                ReportFigure(
                    ReportSection.KPIS, "total", "all", status.value, Decimal(len(rows)), "kpis",
                    f"Contract KPIs {status.value}", sorted({r.supplier_id for r in rows}), 0,
                    f"{_plural(len(rows), 'KPI')} of {len(self.rows):,} {status.value}",
                )
            )  # fmt: skip
        for row in self.rows:
            unit = "count" if row.unit is None else row.unit.value
            values = [("promised", row.promised), ("delivered", row.delivered)]
            values.append(("shortfall", row.shortfall))
            for measure, value in values:
                if value is None:
                    continue
                found.append(
                    ReportFigure(
                        ReportSection.KPIS, row.measure, row.supplier_id, measure, value, unit,
                        f"{row.measure} {measure}, supplier {row.supplier_id}",
                        [row.supplier_id], 0, row.text[:4000],
                    )
                )  # fmt: skip
        return found

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.explanation)}</p>" + html_table(
            self.to_records(), caption=f"Delivery against contract KPIs, {self.period.label}"
        )


def summary_line(figures: Iterable[ReportFigure]) -> str | None:
    """The ``kpis`` section of a regional report in one line; ``None`` if it has none.

    Short and unmeasured KPIs name their suppliers (the first ten).
    """
    totals = {
        f.measure: f for f in figures if f.section is ReportSection.KPIS and f.group == "total"
    }
    if not totals:
        return None
    parts = []
    for status in KpiStatus:
        figure = totals[status.value]
        if not figure.value:
            continue
        who = figure.suppliers[:10]
        named = (
            ""
            if status is KpiStatus.MET
            else f" ({', '.join(who)}{', …' * (len(figure.suppliers) > 10)})"
        )
        parts.append(f"{status.value} {figure.value:,}{named}")
    return f"Contract KPIs: {totals['promised'].value:,} promised; " + ", ".join(parts)


def _counted(
    submissions: Iterable[ReviewSubmission], period: Period, as_of: date
) -> dict[str, ReviewSubmission]:
    """Each supplier's counted Review (the regional report's rule; ties broken by text)."""
    chosen: dict[str, ReviewSubmission] = {}
    for review in submissions:
        if not (review.period.overlaps(period) and review.declaration.signed_on <= as_of):
            continue
        key = (review.declaration.signed_on, review.period.end, review.period.start)
        held = chosen.get(review.supplier_id)
        if held is None:
            chosen[review.supplier_id] = review
            continue
        other = (held.declaration.signed_on, held.period.end, held.period.start)
        if key > other or (key == other and repr(review) > repr(held)):
            chosen[review.supplier_id] = review
    return chosen


class _Group:
    __slots__ = ("contracts", "promised")

    def __init__(self) -> None:
        self.contracts: list[str] = []
        self.promised: dict[str, Decimal] = {}

    def add(self, contract: Contract) -> None:
        self.contracts.append(contract.id)
        for kpi in contract.kpis:
            self.promised[kpi.measure] = SUMS.add(
                self.promised.get(kpi.measure, _ZERO), kpi.quantity
            )


def _unit(catalogue: MeasureCatalogue, code: str) -> Unit | None:
    measure = catalogue.get(code)
    return None if measure is None else measure.unit


@in_library_context
@typed_arguments
def kpi_delivery(
    contracts: Iterable[Contract],
    submissions: Iterable[ReviewSubmission],
    catalogue: MeasureCatalogue,
    period: Period | str,
    *,
    method: ScoringMethod | None = None,
    as_of: date | None = None,
) -> KpiDeliveryReport:
    """Delivery against the KPIs of ``contracts`` live in ``period`` (see the module's rules).

    ``as_of`` is the day the report is drawn up: by default the latest of the
    period's end and every declaration date. Pure: the result does not depend on
    the order of any input.

    >>> import socialvalue as sv
    >>> year = sv.example_year()
    >>> contract = sv.Contract(
    ...     "C-100101", "100101", "Facilities", sv.ContractCategory.SERVICES,
    ...     sv.Money("80000"), sv.VatBasis.NET, date(2025, 4, 1), date(2027, 3, 31),
    ...     kpis=[sv.MeasureTarget("GM-VOLUNTEER-HOURS", Decimal(500))],
    ... )
    >>> report = kpi_delivery([contract], year.submissions, year.catalogue, year.period)
    >>> row = report.rows[0]
    >>> row.status.value, row.delivered, row.promised, row.shortfall
    ('short', Decimal('420'), Decimal('500'), Decimal('80'))
    """
    if isinstance(period, str):
        period = parse_financial_year(period)
    method = method or ScoringMethod()
    submissions = tuple(submissions)
    if as_of is None:
        as_of = max([period.end, *(s.declaration.signed_on for s in submissions)])
    live = [c for c in contracts if c.kpis and c.term.overlaps(period)]
    reviews = _counted(submissions, period, as_of)
    groups: dict[tuple[str, bool], _Group] = {}
    for contract in sorted(live, key=lambda c: c.id):
        review = reviews.get(contract.supplier_id)
        covered = review is not None and (
            not review.contract_ids or contract.id in review.contract_ids
        )
        groups.setdefault((contract.supplier_id, covered), _Group()).add(contract)
    rows: list[KpiDelivery] = []
    for (supplier_id, covered), group in sorted(groups.items()):
        contract_ids = tuple(group.contracts)
        if not covered:
            rows += [
                KpiDelivery(
                    supplier_id, contract_ids, code, _unit(catalogue, code), promised,
                    KpiStatus.UNMEASURED, reason="no counted Review covers these contracts",
                )
                for code, promised in sorted(group.promised.items())
            ]  # fmt: skip
            continue
        rows += _delivered(reviews[supplier_id], contract_ids, group, catalogue, method)
    rows.sort(key=lambda r: (r.supplier_id, r.measure, r.status.value))
    return KpiDeliveryReport(period, rows, len(live))


def _delivered(
    review: ReviewSubmission,
    contract_ids: tuple[str, ...],
    group: _Group,
    catalogue: MeasureCatalogue,
    method: ScoringMethod,
) -> list[KpiDelivery]:
    """The rows of one Review against the summed KPIs of the contracts it covers."""
    own = {t.measure: t.quantity for t in review.commitments}
    targets = [MeasureTarget(code, q) for code, q in sorted(group.promised.items())]
    try:
        scored = score(attrs.evolve(review, commitments=targets), catalogue, method)
    except InvalidDocument as exc:
        reason = f"the Review cannot be scored against {catalogue.id}: {exc.issues[0]}"
        return [
            KpiDelivery(
                review.supplier_id, contract_ids, t.measure, _unit(catalogue, t.measure),
                t.quantity, KpiStatus.UNSCORABLE, review_commitment=own.get(t.measure),
                reason=reason[:300],
            )
            for t in targets
        ]  # fmt: skip
    return [
        KpiDelivery(
            review.supplier_id, contract_ids, d.measure, d.unit, d.committed,
            KpiStatus.MET if d.met else KpiStatus.SHORT, d.delivered, d.ratio, d.shortfall,
            own.get(d.measure),
        )
        for d in scored.delivery
    ]  # fmt: skip
