"""All 100 Contracts Finder release packages in ``../shared/data``, read exactly.

Float parsing is patched to fail for the whole module's tests, so the packages are
read with no float anywhere: every number comes through ``ocds_parse_options()``.
The figures pinned here are the sample's, as published (2017-2020, OGL v2.0).
"""

from __future__ import annotations

import copy
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import socialvalue as sv
from tests.ocds_fixtures import read

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_NAME = "contracts-finder-ocds-sample.zip"
# ../shared beside the clone (CI); a worktree under <root>/wt/<name> looks two up.
SAMPLE = next(
    (
        base / "shared" / "data" / SAMPLE_NAME
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "data" / SAMPLE_NAME).exists()
    ),
    None,
)

pytestmark = pytest.mark.skipif(
    SAMPLE is None,
    reason=f"the Contracts Finder sample ../shared/data/{SAMPLE_NAME} is not beside the repo",
)


def _no_float(text: str) -> float:
    raise AssertionError(f"float parsing was reached for {text!r}: numbers must be Decimal")


@pytest.fixture(autouse=True)
def floats_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make JSON's float parsing fail, for readers made now and the default one."""
    # JSONDecoder falls back to the name ``float`` in json.decoder when no hook is given.
    monkeypatch.setattr(json.decoder, "float", _no_float, raising=False)
    monkeypatch.setattr(json, "_default_decoder", json.JSONDecoder())


@pytest.fixture(scope="module")
def packages() -> list[Any]:
    assert SAMPLE is not None
    with zipfile.ZipFile(SAMPLE) as archive:
        names = sorted(archive.namelist())
        texts = [archive.read(name) for name in names]
    parsed = []
    for text in texts:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(json.decoder, "float", _no_float, raising=False)
            parsed.append(json.loads(text, **sv.ocds_parse_options()))
    return parsed


def _numbers(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        yield value


def test_the_patch_makes_float_parsing_fail() -> None:
    with pytest.raises(AssertionError, match="float parsing was reached"):
        json.loads("93527.1")
    with pytest.raises(AssertionError, match="float parsing was reached"):
        json.loads("[93527.1]", parse_int=int)


def test_every_number_in_the_sample_is_a_decimal(packages: list[Any]) -> None:
    found = Counter(type(n).__name__ for p in packages for n in _numbers(p))
    assert set(found) == {"Decimal"}


def test_all_100_packages_are_read(packages: list[Any]) -> None:
    reading = read(packages)
    assert len(packages) == 100
    assert reading.documents == 100
    assert reading.releases == 100
    assert len(reading.processes) == 100
    assert reading.awards == 100
    assert len(reading.contracts) == 786
    assert len(reading.suppliers) == 763
    assert reading.problems == ()
    assert Counter(f.code for f in reading.flags) == {
        "ocds.joint_award": 99,
        "ocds.zero_value": 6,
        "ocds.matched_by_name": 4,
        "ocds.duplicate_supplier": 3,
    }
    assert Counter(s.organisation_type for s in reading.suppliers) == {
        sv.OrganisationType.LARGE: 457,
        sv.OrganisationType.SME: 257,
        sv.OrganisationType.VCSE: 49,
    }
    assert sum(1 for s in reading.suppliers if s.identifier is not None) == 102
    assert sum(1 for s in reading.suppliers if s.location.postcode is not None) == 402
    records = reading.to_records()
    assert not [v for r in records for v in r.values() if isinstance(v, float)]


def test_every_award_with_a_value_becomes_contracts_with_the_exact_amount(
    packages: list[Any],
) -> None:
    reading = read(packages)
    made: dict[str, list[sv.OcdsContract]] = {}
    for contract in reading.ocds_contracts:
        made.setdefault(contract.ocid, []).append(contract)
    for index, package in enumerate(packages):
        [release] = package["releases"]
        [award] = release["awards"]
        contracts = made[release["ocid"]]
        expected = sv.Money(award["value"]["amount"], award["value"]["currency"])
        assert {c.contract.value for c in contracts} == {expected}
        assert {c.value_steps for c in contracts} == {(index, "releases", 0, "awards", 0, "value")}
        assert len(contracts) == contracts[0].suppliers_on_award <= len(award["suppliers"])
    cannes = made["ocds-b5fd17raw-0054a4e6-0715-42c6-9109-e219fe9d3289"]
    assert [c.contract.value for c in cannes] == [sv.Money("93527")] * 2
    decimals = sorted(
        {c.award_value.amount for c in reading.ocds_contracts if c.award_value.amount % 1}
    )
    assert [str(d) for d in decimals] == ["0.1", "69108.4", "248652.47"]


def test_a_name_match_in_the_sample(packages: list[Any]) -> None:
    reading = read(packages)
    deloitte = next(s for s in reading.ocds_suppliers if s.supplier.id == "GB-COH-OC303675")
    assert deloitte.matched_by_name
    assert [f.message for f in reading.flags if "Deloitte" in f.message] == [
        "'Deloitte LLP' has no identifier here; matched by name to supplier GB-COH-OC303675,"
        " which is identified where it is named elsewhere: check it is the same organisation"
    ]


def test_equal_shares_over_the_sample_add_up(packages: list[Any]) -> None:
    reading = read(packages, joint_awards=sv.JointAwards.EQUAL_SHARES)
    totals: dict[str, sv.Money] = {}
    for contract in reading.ocds_contracts:
        totals[contract.ocid] = totals.get(contract.ocid, sv.Money.zero()) + contract.contract.value
    assert all(totals[c.ocid] == c.award_value for c in reading.ocds_contracts)


#: Hostile and missing values put into real packages: the path each must be reported at.
INJECTED = {
    3: None,
    10: Decimal("1E+9999"),
    20: Decimal("-1E+9999"),
    30: Decimal("1000000000000000"),
    40: Decimal("NaN"),
    50: "93527",
    60: Decimal("1E-50"),
}


def test_every_refused_value_is_listed_with_ocid_and_path(packages: list[Any]) -> None:
    hostile = copy.deepcopy(packages)
    for index, amount in INJECTED.items():
        hostile[index]["releases"][0]["awards"][0]["value"]["amount"] = amount
    reading = read(hostile)
    listed = {(p.ocid, p.path) for p in reading.problems}
    assert listed == {
        (hostile[i]["releases"][0]["ocid"], f"$[{i}].releases[0].awards[0].value.amount")
        for i in INJECTED
    }
    assert Counter(p.code for p in reading.problems) == {
        "ocds.missing_value": 1,
        "ocds.bad_amount": 6,
    }
    refused = {hostile[i]["releases"][0]["ocid"] for i in INJECTED}
    assert not [c for c in reading.ocds_contracts if c.ocid in refused]
    kept = read(packages).ocds_contracts
    assert [c for c in kept if c.ocid not in refused] == list(reading.ocds_contracts)
    assert "7 values set aside" in reading.explanation
