"""Delivery against contract KPIs: the commissioner's KPIs, not the supplier's own targets."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue.report.contract_kpis import summary_line

YEAR = sv.example_year()


def contract(
    cid: str,
    supplier: str,
    *kpis: tuple[str, str],
    start: date = date(2025, 4, 1),
    end: date = date(2027, 3, 31),
) -> sv.Contract:
    return sv.Contract(
        cid, supplier, "Services", sv.ContractCategory.SERVICES, sv.Money("120000"),
        sv.VatBasis.NET, start, end,
        kpis=[sv.MeasureTarget(code, Decimal(q)) for code, q in kpis],
    )  # fmt: skip


CONTRACTS = [
    # 100101's counted Review (declared 2026-05-02) delivers 420 volunteer hours, 3 apprentices.
    contract("C-100101", "100101", ("GM-VOLUNTEER-HOURS", "400"), ("GM-APPRENTICES", "5")),
    # 100104 delivers 160 local volunteer hours; 40 more are not local and do not count.
    contract("C-100104", "100104", ("GM-VOLUNTEER-HOURS", "200")),
    # 100107 owed a Review and sent none.
    contract("C-100107", "100107", ("GM-JOBS-LOCAL", "2")),
    # Ended before the year: not counted.
    contract(
        "C-OLD", "100109", ("GM-JOBS-LOCAL", "9"), start=date(2023, 1, 1), end=date(2024, 12, 31)
    ),
    # No KPIs: not counted.
    contract("C-NONE", "100110"),
]


def rows(report: sv.KpiDeliveryReport) -> list[tuple[str, str, str, Decimal | None]]:
    return [(r.supplier_id, r.measure, r.status.value, r.delivered) for r in report.rows]


def test_delivery_is_compared_with_the_contracts_kpis() -> None:
    report = sv.kpi_delivery(CONTRACTS, YEAR.submissions, YEAR.catalogue, "2025/26")
    assert report.contracts == 3
    assert rows(report) == [
        ("100101", "GM-APPRENTICES", "short", Decimal(3)),
        ("100101", "GM-VOLUNTEER-HOURS", "met", Decimal(420)),
        ("100104", "GM-VOLUNTEER-HOURS", "short", Decimal(160)),
        ("100107", "GM-JOBS-LOCAL", "unmeasured", None),
    ]
    short = report.rows[0]
    assert (short.promised, short.shortfall, short.ratio) == (
        Decimal(5),
        Decimal(2),
        Decimal("0.6"),
    )
    assert report.rows[3].reason == "no counted Review covers these contracts"
    assert report.explanation.startswith(
        "3 contracts live in 2025/26 hold 4 KPIs (by supplier and measure) for 3 suppliers:"
        " 1 met, 2 short, 1 unmeasured."
    )
    text = "\n".join(report.lines())
    assert "supplier 100107, GM-JOBS-LOCAL: 2 fte promised (contracts C-100107) — unmeasured" in (
        text
    )
    assert "met" not in text.split("\n", 1)[1]  # only what was not met is listed
    records = report.to_records()
    assert (records[0]["period"], records[0]["promised"]) == ("2025/26", Decimal(5))
    assert "Delivery against contract KPIs" in report._repr_html_()


def test_the_returns_own_lower_target_is_shown_beside_the_kpi() -> None:
    review = attrs.evolve(
        YEAR.submissions[1], commitments=[sv.MeasureTarget("GM-APPRENTICES", Decimal(2))]
    )
    report = sv.kpi_delivery(CONTRACTS[:1], [review], YEAR.catalogue, "2025/26")
    row = report.of(sv.KpiStatus.SHORT)[0]
    assert row.review_commitment == Decimal(2)
    assert row.text.endswith("; the return's own target was 2 people")
    # The Review's own commitment is met; the contract's KPI is not.
    assert sv.score(review, YEAR.catalogue).delivery[0].met


def test_one_review_over_two_contracts_is_compared_with_their_sum() -> None:
    second = contract("C-100101-B", "100101", ("GM-VOLUNTEER-HOURS", "100"))
    review = attrs.evolve(YEAR.submissions[1], contract_ids=())  # covers every contract
    report = sv.kpi_delivery([CONTRACTS[0], second], [review], YEAR.catalogue, "2025/26")
    hours = next(r for r in report.rows if r.measure == "GM-VOLUNTEER-HOURS")
    assert hours.contract_ids == ("C-100101", "C-100101-B")
    assert (hours.promised, hours.delivered, hours.status) == (
        Decimal(500),
        Decimal(420),
        sv.KpiStatus.SHORT,
    )
    # A Review naming other contracts does not cover this one.
    named = sv.kpi_delivery([second], YEAR.submissions, YEAR.catalogue, "2025/26")
    assert named.rows[0].status is sv.KpiStatus.UNMEASURED


def test_a_kpi_the_catalogue_does_not_hold_makes_the_review_unscorable() -> None:
    odd = contract("C-100101", "100101", ("NOT-A-MEASURE", "1"))
    report = sv.kpi_delivery([odd], YEAR.submissions, YEAR.catalogue, "2025/26")
    row = report.rows[0]
    assert (row.status, row.unit) == (sv.KpiStatus.UNSCORABLE, None)
    assert "NOT-A-MEASURE" in (row.reason or "")
    assert "unscorable" in row.text


def test_no_contracts_no_section() -> None:
    report = sv.kpi_delivery([], YEAR.submissions, YEAR.catalogue, YEAR.period)
    assert report.figures() == []
    assert report.explanation == "No contract with KPIs was live in 2025/26."
    assert summary_line(YEAR.report().figures) is None


def test_the_regional_report_shows_delivery_against_contract_kpis() -> None:
    plain = YEAR.report()
    with_kpis = sv.regional_report(
        YEAR.policy, YEAR.period, YEAR.assessments().assessments, YEAR.signups,
        YEAR.submissions, YEAR.catalogue, YEAR.suppliers, contracts=CONTRACTS,
    )  # fmt: skip
    assert not plain.of("kpis")
    assert [f for f in with_kpis.figures if f.section.value != "kpis"] == list(plain.figures)
    assert with_kpis.value("kpis", "total", "all", "short") == 2
    assert with_kpis.value("kpis", "GM-VOLUNTEER-HOURS", "100104", "shortfall") == 40
    assert with_kpis.figure("kpis", "GM-JOBS-LOCAL", "100107", "promised").unit == "fte"
    assert "Contract KPIs: 4 promised; met 1, short 2 (100101, 100104), unmeasured 1 (100107)" in (
        with_kpis.summary(width=200)
    )
    # The published document carries the section and loads back.
    document = sv.dump(with_kpis.published())
    assert sv.validate("regional-report", document).ok
    assert sv.load("regional-report", document).of("kpis") == with_kpis.published().of("kpis")


@given(st.randoms(use_true_random=False), st.integers(0, 3))
def test_order_does_not_matter_and_shortfalls_add_up(shuffler: random.Random, extra: int) -> None:
    contracts = CONTRACTS + [
        contract(f"C-X{i}", "100110", ("GM-APPRENTICES", str(i))) for i in range(extra)
    ]
    report = sv.kpi_delivery(contracts, YEAR.submissions, YEAR.catalogue, "2025/26")
    shuffled_contracts, shuffled_reviews = list(contracts), list(YEAR.submissions)
    shuffler.shuffle(shuffled_contracts)
    shuffler.shuffle(shuffled_reviews)
    assert (
        sv.kpi_delivery(shuffled_contracts, shuffled_reviews, YEAR.catalogue, "2025/26") == report
    )
    for row in report.rows:
        if row.delivered is not None:
            assert row.shortfall == max(row.promised - row.delivered, 0)
            assert (row.status is sv.KpiStatus.MET) == (row.shortfall == 0)
