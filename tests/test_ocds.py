"""Reading OCDS: exact values, the release rule, suppliers, joint awards and problems.

Each problem is pinned with the process's ocid and the JSON path from the root of
the data given to ``read_ocds``, as issue 16 asks.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import socialvalue as sv
from socialvalue.policy.thresholds import Basis
from tests.ocds_fixtures import OCID, award, codes, package, parse, party, read, release

AWARD_AMOUNT = "$.releases[0].awards[0].value.amount"


# Exact numbers ---------------------------------------------------------------------


def test_parse_options_give_decimals_for_every_number() -> None:
    data = parse('{"a": 93527, "b": 93527.1, "c": 1e9999, "d": NaN, "e": -Infinity}')
    assert data == {
        "a": Decimal("93527"),
        "b": Decimal("93527.1"),
        "c": Decimal("1E+9999"),
        "d": data["d"],
        "e": Decimal("-Infinity"),
    }
    assert data["d"].is_nan()
    assert all(type(v) is Decimal for v in data.values())
    # A fresh dict each time: one caller cannot change another's.
    assert sv.ocds_parse_options() is not sv.ocds_parse_options()


def _amount_text(text: str) -> sv.OcdsReading:
    body = json.dumps(package(release(award(amount="AMOUNT"))))
    return read(parse(body.replace('"AMOUNT"', text)))


def test_93527_is_money_93527() -> None:
    reading = _amount_text("93527")
    assert reading.contracts[0].value == sv.Money("93527")
    assert reading.problems == ()


def test_93527_point_1_stays_exact() -> None:
    reading = _amount_text("93527.1")
    assert reading.contracts[0].value.amount == Decimal("93527.1")
    assert str(reading.contracts[0].value.amount) == "93527.1"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("1e9999", "at most 15 integer digits"),
        ("-1e9999", "at most 15 integer digits"),
        ("1000000000000000", "at most 15 integer digits"),
        ("1" * 5000, "a number of 5000 digits"),
        ("1e-50", "at most 40 decimal places"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("-5", "cannot be negative"),
        ('"93527"', "must be a JSON number"),
        ("true", "must be a JSON number"),
    ],
)
def test_unusable_amounts_are_set_aside_with_ocid_and_path(text: str, said: str) -> None:
    reading = _amount_text(text)
    assert reading.contracts == ()
    [problem] = reading.problems
    assert (problem.ocid, problem.path, problem.code) == (OCID, AWARD_AMOUNT, "ocds.bad_amount")
    assert said in problem.message
    assert len(problem.message) < 300  # a hostile number is described, not echoed


def test_null_and_absent_values_are_listed() -> None:
    reading = _amount_text("null")
    assert codes(reading.problems) == [("ocds.missing_value", AWARD_AMOUNT)]
    no_value = award()
    del no_value["value"]
    reading = read(package(release(no_value)))
    assert codes(reading.problems) == [("ocds.missing_value", "$.releases[0].awards[0].value")]
    reading = read(package(release(award(value="x") | {"value": "x"})))
    assert codes(reading.problems) == [("ocds.bad_amount", "$.releases[0].awards[0].value")]


@pytest.mark.parametrize("currency", [None, "gbp", "POUNDS", 826])
def test_a_currency_is_never_assumed(currency: object) -> None:
    reading = read(package(release(award(currency=currency))))
    assert codes(reading.problems) == [
        ("ocds.bad_currency", "$.releases[0].awards[0].value.currency")
    ]


def test_a_vat_flag_that_disagrees_sets_the_value_aside() -> None:
    gross = award()
    gross["value"]["valueAddedTaxIncluded"] = True
    assert codes(read(package(release(gross))).problems) == [
        ("ocds.vat_mismatch", "$.releases[0].awards[0].value.valueAddedTaxIncluded")
    ]
    reading = read(package(release(gross)), vat_basis=sv.VatBasis.GROSS)
    assert reading.contracts[0].vat_basis is sv.VatBasis.GROSS


def test_zero_is_a_value_but_flagged() -> None:
    reading = _amount_text("-0")
    assert reading.contracts[0].value == sv.Money("0")
    assert not reading.contracts[0].value.amount.is_signed()
    assert codes(reading.flags) == [("ocds.zero_value", AWARD_AMOUNT)]


def test_a_float_anywhere_is_refused_with_its_path() -> None:
    data = json.loads(json.dumps(package(release(award(amount=1.5)))))
    with pytest.raises(TypeError, match=r"\$\.releases\[0\]\.awards\[0\]\.value\.amount"):
        read(data)
    with pytest.raises(TypeError, match="ocds_parse_options"):
        read([{"ocid": "x", "n": {"deep": [0.1]}}])


def test_1e9999_without_the_hooks_would_be_infinity_so_it_is_refused() -> None:
    body = json.dumps(package(release(award(amount="AMOUNT")))).replace('"AMOUNT"', "1e9999")
    with pytest.raises(TypeError, match="inf"):
        read(json.loads(body))


# What is read ----------------------------------------------------------------------


def test_the_shapes_of_ocds_data() -> None:
    one = release()
    by_package = read(package(one))
    assert read(one).contracts == by_package.contracts
    assert read([one]).contracts == by_package.contracts  # line-delimited releases
    assert read([package(one)]).contracts == by_package.contracts
    record = {"ocid": OCID, "releases": [{"url": "u", "date": one["date"]}], "compiledRelease": one}
    assert read({"records": [record]}).contracts == by_package.contracts
    assert read([record]).contracts == by_package.contracts
    assert by_package.documents == 1
    assert by_package.releases == 1
    assert by_package.awards == 1


def test_not_ocds_and_releases_without_an_ocid_are_problems() -> None:
    reading = read([{"hello": 1}, 5, {"releases": [{"id": "x"}, 7]}, {"records": [{"x": 1}]}])
    assert codes(reading.problems) == [
        ("ocds.not_ocds", "$[0]"),
        ("ocds.not_ocds", "$[1]"),
        ("ocds.bad_release", "$[2].releases[0]"),
        ("ocds.bad_release", "$[2].releases[1]"),
        ("ocds.bad_release", "$[3].records[0]"),
    ]
    assert "got an object with keys 'hello'" in reading.problems[0].message
    assert read({}).problems[0].message.endswith("got an empty object")
    assert read([[1]]).problems[0].message.endswith("got a list")
    assert read(None).problems[0].message.endswith("got null")


def test_a_record_without_compiled_or_embedded_releases_is_a_problem() -> None:
    record = {"ocid": OCID, "releases": [{"url": "https://x/1.json", "date": "2025-01-01"}]}
    reading = read({"records": [record]})
    assert codes(reading.problems) == [("ocds.no_compiled_release", "$.records[0]")]


def test_latest_release_by_date_is_read() -> None:
    old = release(award(Decimal(100)), rid="R1", date="2025-01-01T00:00:00Z")
    new = release(award(Decimal(200)), rid="R2", date="2025-03-01T09:00:00+01:00")
    undated = release(award(Decimal(300)), rid="R9", date=None)
    for order in ([old, new, undated], [undated, new, old]):
        reading = read(package(*order))
        assert [c.value for c in reading.contracts] == [sv.Money("200")]
        assert reading.processes[0].release_id == "R2"
        assert reading.processes[0].releases_seen == 3
        [superseded] = [f for f in reading.flags if f.code == "ocds.superseded_release"]
        assert "3 releases describe this process" in superseded.message
        assert "id 'R2'" in superseded.message
    assert ("ocds.bad_date", "$.releases[2].date") in codes(read(package(old, new, undated)).flags)


def test_a_record_embedding_releases_reads_its_latest() -> None:
    old = release(award(Decimal(100)), rid="R1", date="2025-01-01T00:00:00Z")
    new = release(award(Decimal(200)), rid="R2", date="2025-02-01T00:00:00Z")
    reading = read({"records": [{"ocid": OCID, "releases": [new, old]}]})
    assert [c.value for c in reading.contracts] == [sv.Money("200")]
    assert reading.processes[0].steps == ("records", 0, "releases", 0)


def test_at_one_date_the_compiled_release_then_the_greater_id_wins() -> None:
    plain = release(award(Decimal(100)), rid="R5")
    compiled = release(award(Decimal(200)), rid="R1")
    record = {"ocid": OCID, "compiledRelease": compiled}
    reading = read([plain, record])
    assert reading.contracts[0].value == sv.Money("200")
    assert reading.processes[0].compiled
    twins = [release(award(Decimal(1)), rid="R1"), release(award(Decimal(2)), rid="R1")]
    assert read(twins).contracts == read(twins[::-1]).contracts


# Suppliers -------------------------------------------------------------------------


def test_companies_house_numbers_meet_with_leading_zeros() -> None:
    first = release(ocid="ocds-a")
    second = release(
        ocid="ocds-b",
        parties=[party("S", "ACME CLEANING LIMITED", scheme="gb-coh", ident=" 01234567 ")],
        awards=None,
    )
    second["awards"] = [award(suppliers=("S",), aid="A2")]
    reading = read([first, second])
    [supplier] = reading.suppliers
    assert supplier.id == "GB-COH-01234567"
    assert supplier.identifier == sv.Identifier("GB-COH", "01234567")
    assert supplier.name == "ACME CLEANING LIMITED"  # the latest sighting names it
    assert reading.ocds_suppliers[0].names == ("ACME CLEANING LIMITED", "Acme Cleaning Ltd")
    assert reading.ocds_suppliers[0].ocids == ("ocds-a", "ocds-b")


def test_additional_identifiers_join_sightings() -> None:
    both = party(
        "P1",
        "Salford Youth",
        scheme="GB-CHC",
        ident="1000001",
        additionalIdentifiers=[
            {"scheme": "GB-COH", "id": "09999999"},
            {"scheme": "GB-CHC", "id": "1000001"},
        ],
    )
    only_coh = party("P1", "Salford Youth CIO", scheme="GB-COH", ident="9999999")
    reading = read([release(parties=[both], ocid="ocds-1"), release(parties=[only_coh])])
    [found] = reading.ocds_suppliers
    assert found.supplier.id == "GB-CHC-1000001"
    assert found.additional_identifiers == (sv.Identifier("GB-COH", "09999999"),)


def test_a_supplier_without_identifier_gets_its_name_key() -> None:
    noisy = [
        party("P1", "Bristow &amp; Sutor Ltd", vco=False, sme=True),
        party("P2", "  BRISTOW & SUTOR LIMITED ", vco=False, sme=True),
    ]
    reading = read(release(award(suppliers=("P1", "P2")), parties=noisy))
    [supplier] = reading.suppliers
    assert supplier.id == "name:bristow-and-sutor"
    assert reading.ocds_suppliers[0].keyed_by_name
    assert [f.code for f in reading.flags] == ["ocds.duplicate_supplier"]
    assert len(reading.contracts) == 1


def test_identified_in_one_release_and_not_another_is_matched_by_name_and_flagged() -> None:
    named = release(award(aid="A2"), ocid="ocds-2", parties=[party("P1", "Deloitte LLP")], rid="R2")
    identified = release(
        ocid="ocds-1", parties=[party("P1", "DELOITTE LLP", scheme="GB-COH", ident="OC303675")]
    )
    reading = read([named, identified])
    assert {c.supplier_id for c in reading.contracts} == {"GB-COH-OC303675"}
    [supplier] = reading.ocds_suppliers
    assert supplier.matched_by_name
    [flag] = reading.flags
    assert (flag.code, flag.ocid, flag.path) == (
        "ocds.matched_by_name",
        "ocds-2",
        "$[0].parties[0]",
    )


def test_a_name_fitting_two_identified_suppliers_stays_apart() -> None:
    one = release(ocid="ocds-1", parties=[party("P1", "Acme", scheme="GB-COH", ident="1")])
    two = release(ocid="ocds-2", parties=[party("P1", "ACME", scheme="GB-COH", ident="2")])
    bare = release(ocid="ocds-3", parties=[party("P1", "Acme Ltd")])
    reading = read([one, two, bare])
    assert sorted(s.id for s in reading.suppliers) == [
        "GB-COH-00000001",
        "GB-COH-00000002",
        "name:acme",
    ]
    assert [f.code for f in reading.flags] == ["ocds.ambiguous_name"]


def test_unusable_identifiers_are_flagged_and_ignored() -> None:
    odd = party("P1", "Odd Co", scheme="GB-XX", ident="has spaces inside")
    reading = read(release(parties=[odd]))
    assert reading.suppliers[0].id == "name:odd-co"
    assert codes(reading.flags) == [("ocds.bad_identifier", "$.parties[0].identifier")]


@pytest.mark.parametrize(
    ("flags", "kind"),
    [
        ({"vco": True, "sme": True}, sv.OrganisationType.VCSE),
        ({"details": {"scale": "micro"}, "sme": True}, sv.OrganisationType.MICRO),
        ({"details": {"scale": "sme"}}, sv.OrganisationType.SME),
        ({"details": {"scale": "large"}}, sv.OrganisationType.LARGE),
        ({"sme": True, "vco": False}, sv.OrganisationType.SME),
        ({"sme": False, "vco": False}, sv.OrganisationType.LARGE),
        ({"sme": False}, sv.OrganisationType.UNKNOWN),
        ({"details": {"scale": "huge"}}, sv.OrganisationType.UNKNOWN),
        ({}, sv.OrganisationType.UNKNOWN),
    ],
)
def test_kind_from_contracts_finder_flags_or_scale(
    flags: dict[str, Any], kind: sv.OrganisationType
) -> None:
    reading = read(release(parties=[party("P1", "Acme", **flags)]))
    assert reading.suppliers[0].organisation_type is kind


@pytest.mark.parametrize(
    ("address", "borough", "postcode", "locality"),
    [
        (
            {"postalCode": "m1 1ad", "locality": "Manchester"},
            sv.Borough.MANCHESTER,
            "M1 1AD",
            "Manchester",
        ),
        ({"streetAddress": "107 GEORGE LANE, LONDON, E181AN"}, None, "E18 1AN", None),
        (
            {"streetAddress": "1 High St, Bury St Edmunds", "locality": "Bury St Edmunds"},
            None,
            None,
            "Bury St Edmunds",
        ),
        ({"postalCode": "not a postcode at all"}, None, None, None),
        ("nowhere", None, None, None),
    ],
)
def test_place_from_the_address(
    address: object, borough: sv.Borough | None, postcode: str | None, locality: str | None
) -> None:
    reading = read(release(parties=[party("P1", "Acme", address=address)]))
    assert reading.suppliers[0].location == sv.Location(borough, postcode)
    assert reading.ocds_suppliers[0].locality == locality


def test_supplier_references_without_parties() -> None:
    orphan = award(suppliers=())
    orphan["suppliers"] = [
        {"id": "P7", "name": "Orphan Services"},
        {"name": "  "},
        {"identifier": {"scheme": "GB-COH", "id": "7"}},
    ]
    reading = read(package(release(orphan)))
    assert sorted(s.id for s in reading.suppliers) == ["GB-COH-00000007", "name:orphan-services"]
    assert reading.ocds_suppliers[0].supplier.name == "GB-COH-00000007"  # no name at all
    assert codes(reading.flags) == [
        ("ocds.joint_award", "$.releases[0].awards[0]"),
        ("ocds.unknown_party", "$.releases[0].awards[0].suppliers[0].id"),
    ]
    assert codes(reading.problems) == [("ocds.no_supplier", "$.releases[0].awards[0].suppliers[1]")]
    nobody = award(suppliers=())
    assert codes(read(package(release(nobody))).problems) == [
        ("ocds.no_supplier", "$.releases[0].awards[0].suppliers")
    ]


# Joint awards ----------------------------------------------------------------------

TWO = [
    party("P1", "Acme", scheme="GB-COH", ident="1"),
    party("P2", "Bolt", scheme="GB-COH", ident="2"),
]


def test_by_default_each_supplier_of_a_joint_award_counts_its_whole_value() -> None:
    reading = read(release(award(Decimal("100.01"), suppliers=("P1", "P2")), parties=TWO))
    assert [c.value for c in reading.contracts] == [sv.Money("100.01")] * 2
    assert {c.suppliers_on_award for c in reading.ocds_contracts} == {2}
    assert reading.joint_award_count == 1
    assert "whole value counts for each supplier" in reading.explanation
    [flag] = reading.flags
    assert flag.code == "ocds.joint_award"
    assert "each is credited the whole value" in flag.message


@pytest.mark.parametrize(
    ("amount", "shares"),
    [
        ("100.01", ["50.01", "50.00"]),
        ("0.1", ["0.05", "0.05"]),
        ("0.001", ["0.001", "0.000"]),
        ("93527", ["46763.50", "46763.50"]),
    ],
)
def test_equal_shares_add_up_exactly(amount: str, shares: list[str]) -> None:
    reading = read(
        release(award(Decimal(amount), suppliers=("P2", "P1")), parties=TWO),
        joint_awards=sv.JointAwards.EQUAL_SHARES,
    )
    assert [c.value.amount for c in reading.contracts] == [Decimal(s) for s in shares]
    assert reading.ocds_contracts[0].award_value == sv.Money(amount)
    assert "shared equally" in reading.explanation


def test_joint_awards_can_be_set_aside() -> None:
    reading = read(
        release(award(suppliers=("P1", "P2")), parties=TWO),
        joint_awards=sv.JointAwards.SET_ASIDE,
    )
    assert reading.contracts == ()
    assert codes(reading.problems) == [("ocds.joint_award", "$.awards[0]")]
    assert "set aside" in reading.explanation


# Awards, contracts, periods, categories --------------------------------------------


def test_ocds_contracts_give_value_period_and_status() -> None:
    signed = {
        "id": "C1",
        "awardID": "A1",
        "status": "active",
        "title": "Signed contract",
        "value": {"amount": Decimal("90000"), "currency": "GBP"},
        "period": {"startDate": "2025-07-01", "endDate": "2026-06-30"},
    }
    unvalued = {"id": "C2", "awardID": "A1", "status": "terminated"}
    cancelled = {"id": "C3", "awardID": "A1", "status": "cancelled"}
    reading = read(release(contracts=[signed, unvalued, cancelled, "junk"]))
    first, second = reading.ocds_contracts
    assert first.contract.value == sv.Money("90000")
    assert (first.contract.start, first.contract.end) == (date(2025, 7, 1), date(2026, 6, 30))
    assert (first.contract.id, first.ocds_contract_id, first.status) == ("C1", "C1", "active")
    assert first.contract.title == "Signed contract"
    assert first.value_steps == ("contracts", 0, "value")
    assert second.contract.value == sv.Money("93527")  # the award's, when the contract has none
    assert (second.status, second.contract.end) == ("terminated", date(2027, 5, 31))
    assert codes(reading.problems) == [("ocds.award_not_active", "$.contracts[2].status")]


def test_award_status() -> None:
    gone = award(status="cancelled")
    lost = award(aid="A2", status="unsuccessful")
    waiting = award(aid="A3", status="pending")
    reading = read(release(gone, lost, waiting, "junk"))
    assert [c.award_id for c in reading.ocds_contracts] == ["A3"]
    assert codes(reading.problems) == [
        ("ocds.award_not_active", "$.awards[0].status"),
        ("ocds.award_not_active", "$.awards[1].status"),
        ("ocds.bad_release", "$.awards[3]"),
    ]
    assert codes(reading.flags) == [("ocds.award_not_active", "$.awards[2].status")]


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ({"startDate": "2025-06-01", "maxExtentDate": "2030-05-31"}, date(2030, 5, 31)),
        ({"startDate": "2025-06-01", "durationInDays": Decimal(365)}, date(2026, 5, 31)),
        ({"startDate": "2025-06-01", "durationInDays": 1}, date(2025, 6, 1)),
        ({"startDate": "2025-06-01T23:30:00-05:00", "endDate": "2025-06-01"}, date(2025, 6, 1)),
    ],
)
def test_period_end(period: dict[str, Any], end: date) -> None:
    reading = read(release(award(contractPeriod=period)))
    assert reading.contracts[0].end == end


def test_the_tender_period_is_the_last_resort() -> None:
    nothing = award(start=None, end=None)
    reading = read(
        release(
            nothing,
            tender={
                "contractPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"},
                "mainProcurementCategory": "works",
            },
        )
    )
    assert reading.contracts[0].term == sv.Period(date(2025, 1, 1), date(2025, 12, 31))
    assert reading.contracts[0].category is sv.ContractCategory.WORKS


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ({}, [("ocds.no_period", "$.awards[0].contractPeriod")]),
        ({"startDate": "2025-06-01"}, [("ocds.no_period", "$.awards[0].contractPeriod")]),
        (
            {"startDate": "2025-06-01", "durationInDays": Decimal("0.5")},
            [("ocds.no_period", "$.awards[0].contractPeriod")],
        ),
        (
            {"startDate": "2025-06-01", "durationInDays": Decimal("NaN")},
            [("ocds.no_period", "$.awards[0].contractPeriod")],
        ),
        (
            {"startDate": "2025-06-01", "durationInDays": True},
            [("ocds.no_period", "$.awards[0].contractPeriod")],
        ),
        (
            {"startDate": "2025-02-30", "endDate": "2026-01-01"},
            [("ocds.bad_date", "$.awards[0].contractPeriod.startDate")],
        ),
        (
            {"startDate": "20250601", "endDate": 2026},
            [
                ("ocds.bad_date", "$.awards[0].contractPeriod.endDate"),
                ("ocds.bad_date", "$.awards[0].contractPeriod.startDate"),
            ],
        ),
        (
            {"startDate": "2025-06-01", "endDate": "2025-05-31"},
            [("period.end_before_start", "$.awards[0].contractPeriod")],
        ),
    ],
)
def test_period_problems(period: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    reading = read(release(award(contractPeriod=period)))
    assert reading.contracts == ()
    assert codes(reading.problems) == expected


@pytest.mark.parametrize(
    ("tender", "items", "category"),
    [
        ({"xClassifications": {"ojeuContractType": "Products"}}, [], sv.ContractCategory.GOODS),
        ({}, ["45000000", "45100000"], sv.ContractCategory.WORKS),
        ({}, ["73000000"], sv.ContractCategory.SERVICES),
        ({}, ["30200000", "48000000"], sv.ContractCategory.GOODS),
        (
            {"xClassifications": {"ojeuContractType": "NotApplicable"}},
            ["79952000"],
            sv.ContractCategory.SERVICES,
        ),
    ],
)
def test_category_from_contracts_finder_or_cpv(
    tender: dict[str, Any], items: list[str], category: sv.ContractCategory
) -> None:
    tender["items"] = [{"classification": {"scheme": "CPV", "id": c}} for c in items]
    reading = read(release(category=None, tender=tender))
    assert reading.contracts[0].category is category


def test_no_category_is_a_problem() -> None:
    tender = {"items": [{"classification": {"scheme": "CPV", "id": c}} for c in ("45", "50")]}
    reading = read(release(category=None, tender=tender))
    assert codes(reading.problems) == [("ocds.no_category", "$.tender")]


def test_titles_and_letting() -> None:
    titled = award(title="  Lot 1 &amp; Lot 2 ")
    reading = read(
        release(titled, tender={"procurementMethod": "direct", "mainProcurementCategory": "goods"})
    )
    contract = reading.contracts[0]
    assert contract.title == "Lot 1 & Lot 2"
    assert contract.letting is sv.LettingRoute.DIRECT_AWARD
    untitled = read(release(tender={"mainProcurementCategory": "goods", "title": "x" * 400}))
    assert untitled.contracts[0].title == "x" * 299 + "…"
    bare = read(release(tender={"mainProcurementCategory": "goods"}))
    assert bare.contracts[0].title == f"Contracting process {OCID}"


def test_contract_ids_are_award_ids_unless_they_clash_or_do_not_fit() -> None:
    one = release(ocid="ocds-1")
    two = release(ocid="ocds-2")
    odd = release(award(aid="an id with spaces"), ocid="ocds-3")
    numbered = release(award(aid=Decimal(7)), ocid="ocds-4")
    reading = read([one, two, odd, numbered])
    ids = [c.id for c in reading.contracts]
    assert ids[3] == "7"
    assert all(i.startswith("ocds-") and len(i) == 25 for i in ids[:3])
    assert len(set(ids)) == 4
    assert read([one, two]).contracts[0].id == ids[0]  # stable


# The reading -----------------------------------------------------------------------


def test_for_buyer_by_name_or_id() -> None:
    ours = release(ocid="ocds-1")
    theirs = release(
        ocid="ocds-2",
        parties=[
            party("B", "Trafford Council", scheme="GB-SRS", ident="sid4gov/x", roles=("buyer",)),
            party("P1", "Acme Cleaning Ltd", scheme="GB-COH", ident="1234567"),
        ],
        buyer={"id": "B"},
    )
    theirs["awards"][0]["value"]["amount"] = None
    reading = read([ours, theirs])
    assert len(reading.problems) == 1
    by_name = reading.for_buyer("TRAFFORD COUNCIL")
    assert by_name == reading.for_buyer("GB-SRS-sid4gov/x")
    assert [p.ocid for p in by_name.processes] == ["ocds-2"]
    assert by_name.contracts == ()
    assert len(by_name.problems) == 1
    assert by_name.releases == 1
    gm = reading.for_buyer("Greater Manchester Combined Authority")
    assert [c.ocid for c in gm.ocds_contracts] == ["ocds-1"]
    assert gm.problems == ()
    assert gm.suppliers == reading.suppliers
    assert reading.processes[0].buyer_name == "Greater Manchester Combined Authority"


def test_a_blank_buyer_matches_nothing() -> None:
    reading = read([release(ocid="ocds-1", buyer=None, parties=[party("P1", "Acme")])])
    assert reading.processes[0].buyer_id is None
    assert reading.for_buyer("  ").processes == ()
    assert reading.for_buyer("&").contracts == ()


def test_a_buyer_found_by_role() -> None:
    reading = read(release(buyer=None))
    assert reading.processes[0].buyer_id == "name:greater-manchester-combined-authority"


def test_records_html_and_explanation() -> None:
    reading = read([release(), release(award(None), ocid="ocds-bad")])
    [record] = reading.to_records()
    assert record["value"] == Decimal("93527")
    assert record["supplier_name"] == "Acme Cleaning Ltd"
    assert record["organisation_type"] == "unknown"
    assert record["start"] == "2025-06-01"
    assert record["value_path"] == "$[0].awards[0].value"
    assert all(type(v) in (str, int, bool, Decimal, type(None)) for v in record.values())
    assert reading.problem_records() == [
        {
            "kind": "problem",
            "ocid": "ocds-bad",
            "path": "$[1].awards[0].value.amount",
            "code": "ocds.missing_value",
            "message": "the amount is null or absent",
        }
    ]
    html = reading._repr_html_()
    assert html.count("<table>") == 2
    assert "ocds.missing_value" in html
    assert read(release())._repr_html_().count("<table>") == 1
    assert reading.explanation.startswith(
        "Read 2 contracting processes (2 releases in 2 documents): 2 awards made 1 contract"
    )
    assert "1 value set aside, 1 problem in all and 0 flags" in reading.explanation


def test_problems_are_values_with_paths() -> None:
    problem = sv.OcdsProblem("ocds-1", ["awards", 0], "ocds.missing_value", "null")
    assert str(problem) == "ocds-1 $.awards[0]: null [ocds.missing_value]"
    assert problem.issue == sv.Issue.at(["awards", 0], "ocds.missing_value", "ocds-1: null")
    assert str(sv.OcdsProblem(None, [], "ocds.not_ocds", "x")).startswith("no ocid $: x")
    with pytest.raises(ValueError, match="unknown issue code"):
        sv.OcdsProblem(None, [], "ocds.nope", "x")


def test_the_contract_basis_assesses_what_was_read() -> None:
    parties = [party("P1", "Acme", scheme="GB-COH", ident="1"), party("P2", "Bolt")]
    reading = read(
        [
            release(
                award(Decimal("60000"), suppliers=("P1", "P2")), ocid="ocds-1", parties=parties
            ),
            release(
                award(Decimal("40000"), suppliers=("P2",), aid="A2"), ocid="ocds-2", parties=parties
            ),
        ]
    )
    policy = sv.default_policy(basis=Basis.CONTRACT_VALUE)
    result = sv.assess(policy, reading.contracts, "2025/26", suppliers=reading.suppliers)
    assert [(a.supplier_id, a.total, a.obligation.value) for a in result] == [
        ("GB-COH-00000001", sv.Money("60000"), "review"),
        ("name:bolt", sv.Money("60000"), "review"),
    ]
    assert "whole-life value of contract" in result["name:bolt"].explanation
