"""Suppliers matched across spend and contracts: by registration number, else by name."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from tests import ocds_fixtures as fx

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def supplier(sid: str, name: str, identifier: sv.Identifier | None = None) -> sv.Supplier:
    return sv.Supplier(sid, name, sv.OrganisationType.UNKNOWN, sv.Location(), identifier)


def pairs(matching: sv.SupplierMatching) -> list[tuple[str, str, str]]:
    return [(m.spend_id, m.contract_id, m.basis.value) for m in matching.matches]


def test_numbers_first_then_names_and_the_rest_listed() -> None:
    paid = [
        supplier("100", "Acme Ltd", sv.Identifier("GB-VAT", "gb123456789")),
        supplier("GB-COH-00000042", "Bolt Ltd"),  # a spend file keyed by company number
        supplier("300", "Crane & Sons"),
        supplier("400", "Only Paid"),
    ]
    contracted = [
        supplier("V", "ACME (UK) LIMITED", sv.Identifier("GB-VAT", "123456789")),
        supplier("GB-COH-42", "Totally Different Name"),
        supplier("name:crane-and-sons", "CRANE AND SONS LTD"),
        supplier("name:only-contracted", "Only Contracted"),
    ]
    matching = sv.match_suppliers(paid, contracted)
    assert pairs(matching) == [
        ("100", "V", "vat-number"),
        ("300", "name:crane-and-sons", "name"),
        ("GB-COH-00000042", "GB-COH-42", "company-number"),
    ]
    assert matching.matches[0].key == "GB-VAT-123456789"
    assert [u.supplier_id for u in matching.spend_only] == ["400"]
    assert [u.supplier_id for u in matching.contracts_only] == ["name:only-contracted"]
    assert matching.explanation.startswith(
        "Of 4 suppliers paid and 4 suppliers contracted, 3 pairs matched (1 by vat number,"
        " 1 by company number, 1 by name); 1 paid with no contract read and 1 contracted"
    )
    records = matching.to_records()
    assert len(records) == 5
    assert records[-1] == {
        "status": "contracts only",
        "basis": None,
        "key": None,
        "spend_id": None,
        "spend_name": None,
        "contract_id": "name:only-contracted",
        "contract_name": "Only Contracted",
    }
    assert "Suppliers in spend and contracts" in matching._repr_html_()


def test_one_name_with_different_numbers_is_two_organisations() -> None:
    paid = [supplier("1", "Acme Ltd", sv.Identifier("GB-COH", "11111111"))]
    contracted = [supplier("GB-COH-22222222", "Acme Limited")]
    matching = sv.match_suppliers(paid, contracted)
    assert matching.matches == ()
    assert matching.spend_only[0].conflicts == ("GB-COH-22222222",)
    assert matching.contracts_only[0].conflicts == ("1",)
    assert matching.conflicts == 2
    assert "kept apart" in matching.explanation
    # A number of another scheme does not disagree: the names match.
    other = [supplier("V", "ACME", sv.Identifier("GB-VAT", "999"))]
    assert pairs(sv.match_suppliers(paid, other)) == [("1", "V", "name")]


def test_an_ocds_reading_brings_additional_identifiers_and_spellings() -> None:
    parties = [
        fx.party("B1", "Council", roles=("buyer",)),
        fx.party(
            "P1",
            "Bristow &amp; Sutor",
            scheme="GB-COH",
            ident="7",
            additionalIdentifiers=[{"scheme": "GB-VAT", "id": "555"}],
        ),
    ]
    reading = fx.read(fx.package(fx.release(fx.award(), parties=parties)))
    by_vat = sv.match_suppliers([supplier("9", "X", sv.Identifier("GB-VAT", "GB555"))], reading)
    assert pairs(by_vat) == [("9", "GB-COH-00000007", "vat-number")]
    spelled = sv.match_suppliers(
        [supplier("10", "Enforcement agents")],
        reading,
        spellings={"10": ("BRISTOW & SUTOR LTD",)},
    )
    assert pairs(spelled) == [("10", "GB-COH-00000007", "name")]
    assert spelled.matches[0].key == "bristow and sutor"


def test_a_supplier_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        sv.match_suppliers([supplier("1", "A"), supplier("1", "B")], [])
    with pytest.raises(TypeError, match="match_suppliers"):
        sv.match_suppliers("not suppliers", [])  # type: ignore[arg-type]


# Properties ---------------------------------------------------------------------

NAMES = st.sampled_from(["Acme Ltd", "ACME LIMITED", "Bolt", "Bolt & Co", "Crane", "The Crane"])
NUMBERS = st.none() | st.sampled_from(["1", "2", "3"])
SCHEMES = st.sampled_from(["GB-COH", "GB-VAT"])


@st.composite
def sides(draw: st.DrawFn, prefix: str) -> list[sv.Supplier]:
    count = draw(st.integers(0, 5))
    found = []
    for index in range(count):
        number = draw(NUMBERS)
        ident = None if number is None else sv.Identifier(draw(SCHEMES), number)
        found.append(supplier(f"{prefix}{index}", draw(NAMES), ident))
    return found


@given(sides("s"), sides("c"), st.randoms())
def test_every_supplier_is_matched_or_listed_whatever_the_order(
    paid: list[sv.Supplier], contracted: list[sv.Supplier], random: object
) -> None:
    matching = sv.match_suppliers(paid, contracted)
    matched_spend = {m.spend_id for m in matching.matches}
    matched_contracts = {m.contract_id for m in matching.matches}
    assert matched_spend | {u.supplier_id for u in matching.spend_only} == {s.id for s in paid}
    assert not matched_spend & {u.supplier_id for u in matching.spend_only}
    assert matched_contracts | {u.supplier_id for u in matching.contracts_only} == {
        s.id for s in contracted
    }
    shuffled = list(reversed(paid)), list(reversed(contracted))
    assert sv.match_suppliers(*shuffled) == matching
    for match in matching.matches:
        if match.basis is sv.MatchBasis.NAME:
            rules = sv.NameRules()
            assert rules.normalise(match.spend_name) == rules.normalise(match.contract_name)


# Real data ----------------------------------------------------------------------


@pytest.mark.skipif(not (DATA / "trafford-supplier-spend-2024-25.zip").exists(), reason="no data")
def test_trafford_spend_against_the_contracts_finder_sample() -> None:
    """Figures measured once and pinned: 2,336 Trafford suppliers, 763 contracted."""
    documents = []
    with zipfile.ZipFile(DATA / "contracts-finder-ocds-sample.zip") as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".json"):
                documents.append(json.loads(archive.read(name), **sv.ocds_parse_options()))
    reading = sv.read_ocds(documents, vat_basis=sv.VatBasis.NET)
    paid: dict[str, sv.Supplier] = {}
    with zipfile.ZipFile(DATA / "trafford-supplier-spend-2024-25.zip") as archive:
        member = next(n for n in archive.namelist() if n.endswith(".csv"))
        text = io.StringIO(archive.read(member).decode("utf-8-sig"))
        for row in csv.DictReader(text):
            sid, name = row["BeneficiaryOtherID"].strip(), row["BeneficiaryName"].strip()
            if sid.isdigit() and name and sid not in paid:
                paid[sid] = supplier(sid, name[:200])
    matching = sv.match_suppliers(paid.values(), reading)
    assert (matching.spend_suppliers, matching.contract_suppliers) == (2336, 763)
    assert len(matching.by(sv.MatchBasis.NAME)) == 43
    found = {(m.spend_name, m.contract_name) for m in matching.matches}
    assert ("PriceWaterhouseCoopers LLP", "PricewaterhouseCoopers LLP") in found
    assert ("Acorn Care & Education Ltd", "Acorn Care and Education Limited") in found
