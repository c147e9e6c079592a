"""Suppliers, locations, "local", and the spend and contract values."""

from __future__ import annotations

from datetime import date

import pytest

import socialvalue as sv
from socialvalue import Borough, Location, Money, SpendLine, VatBasis
from socialvalue.spend.suppliers import GREATER_MANCHESTER


def test_greater_manchester_is_the_ten_boroughs() -> None:
    assert len(GREATER_MANCHESTER.boroughs) == 10
    assert GREATER_MANCHESTER.contains(Location(Borough.WIGAN))
    assert not GREATER_MANCHESTER.contains(Location())


@pytest.mark.parametrize(
    ("postcode", "locality"),
    [
        ("M1 1AA", sv.Locality.INSIDE),  # the case: a Manchester postcode is local
        ("M90 1QX", sv.Locality.INSIDE),
        ("BL1 1AA", sv.Locality.INSIDE),
        ("OL16 1AA", sv.Locality.INSIDE),
        ("SK8 1AA", sv.Locality.INSIDE),
        ("WN7 1AA", sv.Locality.INSIDE),
        ("BL6 5AB", sv.Locality.UNCERTAIN),  # Bolton and Chorley
        ("OL12 9AA", sv.Locality.UNCERTAIN),  # Rochdale and Rossendale
        ("WN5 1AA", sv.Locality.UNCERTAIN),  # Wigan and St Helens
        ("WA14 1AA", sv.Locality.UNCERTAIN),  # the WA area: small parts of GM
        ("SK9 1AA", sv.Locality.OUTSIDE),  # Cheshire East
        ("OL14 5AA", sv.Locality.OUTSIDE),  # Calderdale
        ("WN8 1AA", sv.Locality.OUTSIDE),  # West Lancashire
        ("MK1 1AA", sv.Locality.OUTSIDE),  # Milton Keynes: not the M area
        ("L1 1AA", sv.Locality.OUTSIDE),
    ],
)
def test_a_gm_postcode_district_is_local_and_a_boundary_one_uncertain(
    postcode: str, locality: sv.Locality
) -> None:
    location = Location(None, postcode)
    assert GREATER_MANCHESTER.locality(location) is locality
    assert GREATER_MANCHESTER.contains(location) is (locality is sv.Locality.INSIDE)
    assert sv.Supplier("1", "X", sv.OrganisationType.SMALL, location).is_local() is (
        locality is sv.Locality.INSIDE
    )


def test_a_borough_outranks_an_uncertain_postcode() -> None:
    assert GREATER_MANCHESTER.contains(Location(Borough.BOLTON, "BL6 5AB"))


def test_no_district_is_both_inside_and_uncertain() -> None:
    assert not set(GREATER_MANCHESTER.postcodes) & set(GREATER_MANCHESTER.uncertain)


def test_a_district_outranks_its_area_in_the_other_list() -> None:
    area = sv.LocalArea("Trafford by postcode", (), ("WA14",), ("WA",))
    assert area.locality(Location(None, "WA14 1AA")) is sv.Locality.INSIDE
    assert area.locality(Location(None, "WA1 1AA")) is sv.Locality.UNCERTAIN
    narrower = sv.LocalArea("M but M31", (), ("M",), ("M31",))
    assert narrower.locality(Location(None, "M31 4AA")) is sv.Locality.UNCERTAIN


def test_a_local_area_by_postcode_area_or_district() -> None:
    area = sv.LocalArea("North of the Mersey", (), ("M", "SK4"))
    assert area.contains(Location(None, "M14 5AB"))
    assert area.contains(Location(None, "SK4 1AA"))
    assert not area.contains(Location(None, "SK5 1AA"))
    assert not area.contains(Location(None, "MK1 1AA"))
    with pytest.raises(sv.RuleViolation, match="postcode area") as info:
        sv.LocalArea("Bad", (), ("M", "m1"))
    assert info.value.field == ("postcodes", 1)


@pytest.mark.parametrize("postcode", ["m1 1ad", "M11AD", " M1 1AD", "M1 1AD\n", "ZZZ"])
def test_postcodes_are_checked(postcode: str) -> None:
    with pytest.raises(sv.RuleViolation, match="UK postcode") as info:
        Location(None, postcode)
    assert info.value.field == ("postcode",)
    with pytest.raises(TypeError):
        Location(None, 1)  # type: ignore[arg-type]


def test_a_supplier() -> None:
    acme = sv.Supplier(
        "GB-COH-01234567",
        "Acme Ltd",
        sv.OrganisationType.VCSE,
        Location(None, "WA1 1AA"),
        identifier=sv.Identifier("GB-COH", "01234567"),
        good_employment=sv.GoodEmploymentTier.MEMBER,
    )
    assert not acme.is_local()
    assert acme.is_local(sv.LocalArea("Warrington", postcodes=("WA",)))
    assert acme.location.outward_code == "WA1"
    assert Location().outward_code is None
    with pytest.raises(sv.RuleViolation):
        sv.Supplier("", "x", sv.OrganisationType.SMALL, Location())


def test_spend_lines_and_credit_notes() -> None:
    line = SpendLine("100234", Money("-120.50"), date(2025, 5, 1), VatBasis.NET, "C-1")
    assert line.is_credit
    assert line.describe() == "supplier 100234, paid 2025-05-01, -£120.50 net of VAT"
    with pytest.raises(TypeError, match=r"datetime.date"):
        SpendLine("1", Money("1"), "2025-05-01", VatBasis.NET)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Money"):
        SpendLine("1", 5, date(2025, 5, 1), VatBasis.NET)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SpendLine("1", Money("1"), date(2025, 5, 1), "net")  # type: ignore[arg-type]


def test_contracts() -> None:
    contract = sv.Contract(
        "C-1",
        "100234",
        "Custody healthcare",
        sv.ContractCategory.SERVICES,
        Money("120000"),
        VatBasis.GROSS,
        date(2025, 6, 1),
        date(2028, 5, 31),
        sv.LettingRoute.DIRECT_AWARD,
        early_intervention=True,
    )
    assert contract.term.days == 1096
    assert contract.describe() == "contract C-1 (supplier 100234, £120,000.00 gross of VAT)"
    with pytest.raises(sv.RuleViolation, match="cannot end") as info:
        sv.Contract(
            "C-2",
            "1",
            "x",
            sv.ContractCategory.GOODS,
            Money("1"),
            VatBasis.NET,
            date(2025, 6, 1),
            date(2025, 5, 31),
        )
    assert info.value.field == ("end",)
    with pytest.raises(sv.RuleViolation, match="cannot be negative") as bad:
        sv.Contract(
            "C-2",
            "1",
            "x",
            sv.ContractCategory.WORKS,
            Money("-1"),
            VatBasis.NET,
            date(2025, 6, 1),
            date(2025, 7, 1),
        )
    assert bad.value.field == ("value",)
