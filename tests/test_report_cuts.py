"""Social value and Charter coverage by borough, supplier type and priority."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from tests.report_fixtures import hand_year, years

BASES = ("gross", "net", "present-value")


def test_hand_year_by_borough_and_type() -> None:
    report = sv.regional_report(**hand_year())
    bolton = report.by_borough().row("bolton")
    assert (bolton.spend, bolton.covered_spend) == (Decimal(60000), Decimal(60000))
    assert bolton.gross == bolton.net == Decimal("2703")
    assert bolton.per_pound == Decimal("0.04505")
    salford = report.by_borough().row("salford")
    assert (salford.gross, salford.per_pound, salford.charter_suppliers) == (0, None, 1)
    assert salford.commitments == 1
    assert report.by_borough().row("outside-gm").gross == 0
    sme = report.by_supplier_type().row("sme")
    assert sme.present_value == Decimal("2703")
    assert sme.name.startswith("SMEs")
    figure = report.figure("contribution", "borough", "bolton", "gross")
    assert figure.suppliers == ("S1",)
    assert figure.derivation == (
        "Σ of the gross of the counted Reviews from suppliers in Bolton"
        " (1: S1 £2,703.00): £2,703.00"
    )


def test_breakdown_records_and_html() -> None:
    report = sv.example_year().report(framework="gm-sv-framework-2020")
    table = report.by_supplier_type()
    rows = table.to_records()
    assert rows[0]["cut"] == "type"
    assert rows[0]["period"] == "2025/26"
    assert {"spend", "covered_spend", "gross", "net", "present_value", "per_pound"} <= set(rows[0])
    assert "<table" in table._repr_html_()
    by_priority = report.by_priority()
    assert by_priority.row("local-community").name == "Be part of a strong local community"
    assert by_priority.row("local-community").spend is None
    assert by_priority.row("local-community").commitments == 4
    with pytest.raises(KeyError, match="nowhere"):
        table.row("nowhere")
    # A published report gives the same table, rounded.
    assert report.published().by_borough().row("salford").gross == Decimal("11915.35")


@given(years(), st.sampled_from([None, "gm-sv-framework-2020"]))
def test_cuts_add_up_exactly_to_the_totals(year: dict[str, Any], framework: str | None) -> None:
    """Every counted Review sits in exactly one place and one type, so the cuts partition."""
    report = sv.regional_report(**year, framework=framework)
    with decimal.localcontext(prec=200):  # the sums are exact: add without rounding
        _check_partition(report)


def _check_partition(report: sv.RegionalReport) -> None:
    for table in (report.by_borough(), report.by_supplier_type()):
        assert sum(r.spend or 0 for r in table.rows) == report.value("spend", "total")
        covered = report.value("contribution", "spend", "covered")
        assert sum(r.covered_spend or 0 for r in table.rows) == covered
        for name, attribute in zip(BASES, ("gross", "net", "present_value"), strict=True):
            total = report.value("contribution", "total", measure=name)
            assert sum(getattr(r, attribute) for r in table.rows) == total
        charters = sum(r.charter_suppliers or 0 for r in table.rows)
        holders = {s for f in report.of("coverage", "priority") for s in f.suppliers}
        assert charters >= len(holders)
    if report.value("contribution", "spend", "covered") > 0:
        ratio = report.value("contribution", "ratio", measure="per-pound")
        parts = sum(r.per_pound or 0 for r in report.by_priority().rows)
        assert abs(parts - ratio) < Decimal("1e-20")


def _change(key: tuple[str, str, str, str], unit: str, *values: str | None) -> sv.ReportChange:
    previous, current, change, percent = (None if v is None else Decimal(v) for v in values)
    section, group, item, measure = key
    return sv.ReportChange(
        sv.ReportSection(section), group, item, measure, unit, previous, current, change, percent
    )


def test_year_on_year_in_words() -> None:
    """Each compared figure gets one sentence, whether it moved, held, appeared or went."""
    year = sv.example_year()
    last = attrs.evolve(year.report().published(), period=sv.parse_financial_year("2024/25"))
    report = year.report(previous=last)
    assert year.report().year_on_year() == []
    changes = [
        _change(("spend", "total", "all", "amount"), "GBP", "100", "100", "0", "0"),
        _change(("spend", "local", "all", "share"), "share", "0.5", "0.50001", "0.00001", None),
        _change(("duties", "charter", "owed", "suppliers"), "suppliers", "9", "5", "-4", "-44.4"),
        _change(("duties", "review", "owed", "suppliers"), "suppliers", None, "7", None, None),
        _change(("duties", "review", "delivered", "suppliers"), "suppliers", "3", None, None, None),
        _change(
            ("contribution", "ratio", "all", "per-pound"), "ratio", "0.02", "0.03", "0.01", "50"
        ),
    ]
    words = attrs.evolve(report, changes=changes).year_on_year()
    assert words == [
        "Spend: £100.00, the same as in 2024/25.",
        "Share of spend with local suppliers: 50.0%, about the same as in 2024/25.",
        "Suppliers that owed the Charter: 5, down 4 (-44.4%) from 9 in 2024/25.",
        "Suppliers that owed a Review: 7 (none in 2024/25).",
        "Reviews delivered: none (was 3 in 2024/25).",
        "Social value per £1 of covered spend: £0.0300, up £0.0100 from £0.0200 in 2024/25.",
    ]


@pytest.mark.parametrize(
    ("postcode", "place", "local"),
    [
        ("M1 1AA", "borough-unknown", True),  # inside the area, borough not given
        ("BL6 5AA", "area-edge", False),  # a district across the edge: never guessed
        ("LS1 1AA", "outside-gm", False),
    ],
)
def test_a_supplier_known_by_postcode_is_placed_by_it(
    postcode: str, place: str, local: bool
) -> None:
    """The by-borough cut agrees with the local figure: a GM postcode is not 'outside GM'."""
    year = hand_year()
    suppliers = list(year["suppliers"])  # type: ignore[call-overload]
    suppliers[1] = attrs.evolve(suppliers[1], location=sv.Location(None, postcode))
    report = sv.regional_report(**{**year, "suppliers": suppliers})
    assert report.amount("spend", "borough", place) == sv.Money("120000")
    others = {"borough-unknown", "area-edge", "outside-gm"} - {place}
    assert all(report.amount("spend", "borough", other) == sv.Money(0) for other in others)
    local_spend = report.amount("spend", "local")
    assert local_spend == sv.Money("200000" if local else "80000")
    assert report.by_borough().row(place).spend == Decimal(120000)
