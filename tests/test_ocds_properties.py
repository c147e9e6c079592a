"""Properties of reading OCDS, each stated as the rule it checks.

- The release rule (latest by date, then compiled, then release id) depends on the
  releases, never on their order: shuffling the input changes no contract, supplier,
  problem or flag (only the paths, which say where each thing was).
- An amount is read exactly or set aside at its path; never rounded.
- Equal shares of a joint award add up to its value exactly and differ by at most
  one unit of the finest place.
- Name keys ignore case, spacing, HTML escapes and a trailing legal form, and are
  always usable as supplier ids.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue._fields import Code
from socialvalue.spend._names import name_key
from tests.ocds_fixtures import award, party, read, release

#: Suppliers that meet in different ways: by identifier, by name, not at all.
POOL = [
    party("P0", "Acme Cleaning Ltd", scheme="GB-COH", ident="1234567", sme=True, vco=False),
    party("P1", "ACME CLEANING LIMITED", sme=False, vco=False),
    party("P2", "Bolt Security", scheme="GB-COH", ident="7654321"),
    party("P3", "Salford Youth", vco=True, address={"postalCode": "M5 4WT"}),
    party("P4", "salford  youth", address={"locality": "Salford"}),
]
DAYS = [None, "2025-01-01T00:00:00Z", "2025-01-01T01:00:00+01:00", "2025-02-01", "2025-03-01"]


@st.composite
def releases(draw: st.DrawFn) -> dict[str, Any]:
    """A release of one of three processes, naming one to three suppliers of the pool."""
    chosen = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique_by=id))
    amount = draw(st.decimals(min_value=0, max_value=10**7, places=2))
    found = release(
        award(amount, suppliers=tuple(p["id"] for p in chosen)),
        ocid=draw(st.sampled_from(["ocds-a", "ocds-b", "ocds-c"])),
        rid=draw(st.sampled_from(["R1", "R2", "R3", "R4"])),
        date=draw(st.sampled_from(DAYS)),
        parties=[party("B1", "A Council", roles=("buyer",)), *chosen],
    )
    if draw(st.booleans()):
        found = {"ocid": found["ocid"], "compiledRelease": found}
    return found


def _key(r: dict[str, Any]) -> tuple[str, str, bool]:
    inner = r.get("compiledRelease", r)
    return (inner["ocid"], inner["id"], "compiledRelease" in r)


def _notes(problems: tuple[sv.OcdsProblem, ...]) -> list[tuple[str | None, str, str]]:
    return sorted((p.ocid, p.code, p.message) for p in problems)


@given(
    st.lists(releases(), min_size=1, max_size=8, unique_by=_key).flatmap(st.permutations),
    st.randoms(),
)
def test_release_order_does_not_change_the_reading(
    found: list[dict[str, Any]], random: Any
) -> None:
    """The rule picks by date, kind and id, so any order of the same releases reads alike."""
    shuffled = list(found)
    random.shuffle(shuffled)
    first, second = read(found), read(shuffled)
    assert first.contracts == second.contracts
    assert first.ocds_suppliers == second.ocds_suppliers
    assert _notes(first.problems) == _notes(second.problems)
    assert _notes(first.flags) == _notes(second.flags)
    assert first.explanation == second.explanation


def _fits(amount: Decimal) -> bool:
    exponent = amount.as_tuple().exponent
    return (
        amount.is_finite()
        and isinstance(exponent, int)
        and exponent >= -40
        and (not amount or amount.adjusted() < 15)
        and amount >= 0
    )


numbers = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20).map(Decimal),
    st.builds(
        Decimal, st.from_regex(r"[0-9]{1,20}(\.[0-9]{1,45})?(E[+-]?[0-9]{1,5})?", fullmatch=True)
    ),
)


@given(numbers)
def test_an_amount_is_read_exactly_or_set_aside_at_its_path(amount: Decimal) -> None:
    """Money's limits decide; nothing is rounded, and a refusal names the amount's path."""
    reading = read({"releases": [release(award(amount))]})
    if _fits(amount):
        [contract] = reading.contracts
        assert contract.value.amount == amount
        if amount:
            assert contract.value.amount.as_tuple() == amount.as_tuple()
    else:
        assert reading.contracts == ()
        [problem] = reading.problems
        assert problem.path == "$.releases[0].awards[0].value.amount"
        assert problem.code == "ocds.bad_amount"


@given(
    st.decimals(min_value=0, max_value=Decimal("999999999999999"), places=6),
    st.integers(min_value=2, max_value=7),
)
def test_equal_shares_add_up_and_differ_by_one_unit_at_most(amount: Decimal, count: int) -> None:
    """Shares are in whole units of the finer of a penny and the amount's own last place."""
    parties = [party(f"P{i}", f"Supplier {i}", scheme="GB-COH", ident=str(i)) for i in range(count)]
    reading = read(
        release(award(amount, suppliers=tuple(p["id"] for p in parties)), parties=parties),
        joint_awards=sv.JointAwards.EQUAL_SHARES,
    )
    shares = [c.value.amount for c in reading.contracts]
    assert sum(shares) == amount
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    assert max(shares) - min(shares) <= Decimal(1).scaleb(min(exponent, -2))


names = st.text(min_size=1, max_size=120)


@given(names)
def test_name_keys_are_supplier_ids_and_ignore_noise(name: str) -> None:
    """Case, spacing, '&amp;' for '&' and a trailing 'Ltd' do not change the key."""
    key = name_key(name)
    if key is None:
        assert not any(c.isalnum() for c in name)
        return
    Code().check(key)
    assert key.startswith("name:")
    assert name_key(f"  {name.upper()}  ") == name_key(name.upper())
    assert name_key(name.replace("&", "&amp;")) == key
    assert name_key(f"{name} Ltd") == name_key(f"{name} Limited")


def test_long_and_foreign_names_keep_distinct_keys() -> None:
    long_a = "Very " * 20 + "Long Name A"
    long_b = "Very " * 20 + "Long Name B"
    assert name_key(long_a) != name_key(long_b)
    assert len(name_key(long_a) or "") <= 64
    assert name_key("北京公司") != name_key("上海公司")
    assert (name_key("北京公司") or "").startswith("name:name-")
    assert name_key("The Toy House") == name_key("toy house")
    assert name_key("Ltd") == name_key("Ltd Ltd") == "name:ltd"
    assert json.dumps(name_key("Café Nero")) == '"name:cafe-nero"'
