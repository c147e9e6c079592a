"""Contracts and suppliers from Open Contracting Data Standard (OCDS) data.

Councils already publish their contracts in OCDS: every notice on Contracts Finder
and Find a Tender is a release. :func:`read_ocds` turns *parsed* OCDS JSON into
:class:`~socialvalue.spend.contracts.Contract` and
:class:`~socialvalue.spend.suppliers.Supplier` objects for the contract-value
basis, and lists, with the process's ``ocid`` and a JSON path, everything it could
not use (:attr:`OcdsReading.problems`) or used but wants checked
(:attr:`OcdsReading.flags`). Reading files is the caller's job; numbers must reach
this module exact, which :func:`ocds_parse_options` arranges for ``json.loads``.

The rules, in full in the private modules that apply them:

1. **Which release** (``_ocds_releases``): for each process the latest release by
   date is read, or the record's ``compiledRelease``; the order of the input never
   matters.
2. **Which value** (``_ocds_awards``): each award (or each OCDS contract under it)
   is one contract; values are exact, and a ``null``, text, negative, non-finite or
   over-limit amount is set aside with its path, never rounded or guessed.
3. **Which supplier** (``_ocds_parties``): suppliers meet by identifier, or by
   normalised name when they have none; a name match to an identified supplier is
   flagged.
4. **Joint awards**: one award naming several suppliers is shared by a
   :class:`JointAwards` rule; by default the whole value counts for each supplier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal
from typing import Final, TypedDict

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code
from socialvalue.errors import RuleViolation
from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._ocds_awards import Draft, drafts
from socialvalue.spend._ocds_parties import Sighting, group_sightings, supplier_of
from socialvalue.spend._ocds_releases import Note, Notes, choose, id_text, refuse_floats
from socialvalue.spend.contracts import Contract
from socialvalue.spend.ocds_reading import (
    JointAwards,
    OcdsContract,
    OcdsProblem,
    OcdsProcess,
    OcdsReading,
    OcdsSupplier,
    sort_key,
)

__all__ = ["OcdsParseOptions", "ocds_parse_options", "read_ocds"]


class OcdsParseOptions(TypedDict):
    """Keyword arguments for ``json.loads`` that keep every OCDS number exact.

    >>> sorted(ocds_parse_options())
    ['parse_constant', 'parse_float', 'parse_int']
    """

    parse_float: Callable[[str], Decimal]
    parse_int: Callable[[str], Decimal]
    parse_constant: Callable[[str], Decimal]


def ocds_parse_options() -> OcdsParseOptions:
    """How to parse OCDS JSON for :func:`read_ocds`: every number as a ``Decimal``.

    Decimals rather than floats keep ``93527.1`` exactly; integers as decimals skip
    Python's limit on integer digits, so a hostile 5,000-digit amount is refused for
    its award rather than failing the whole file; ``NaN`` and ``Infinity`` (not JSON,
    but accepted by Python's reader) become decimals that are refused for their
    award. A fresh dict each call, so no caller can change another's.

    >>> import json
    >>> json.loads('{"amount": 93527.1, "n": 2}', **ocds_parse_options())
    {'amount': Decimal('93527.1'), 'n': Decimal('2')}
    """
    return {"parse_float": Decimal, "parse_int": Decimal, "parse_constant": Decimal}


_CODE: Final = Code()


def _contract_ids(drafted: list[Draft]) -> dict[tuple[str, str, str | None], str]:
    """A contract id per award or OCDS contract: its own id where that is unique and fits."""
    units = {(d.ocid, d.award_id, d.ocds_contract_id) for d in drafted}
    uses: dict[str, int] = {}
    for unit in units:
        own = unit[2] or unit[1]
        uses[own] = uses.get(own, 0) + 1
    ids = {}
    for unit in units:
        own = unit[2] or unit[1]
        try:
            _CODE.check(own)
            fits = uses[own] == 1
        except RuleViolation:
            fits = False
        # A digest keeps an id that clashes or breaks the id rules stable and unique.
        digest = hashlib.sha256("\n".join(map(str, unit)).encode()).hexdigest()[:20]
        ids[unit] = own if fits else f"ocds-{digest}"
    return ids


def _shares(value: Money, count: int) -> list[Money]:
    _, digits, exponent = value.amount.as_tuple()
    assert isinstance(exponent, int)  # Money amounts are finite
    finest = min(exponent, -2)
    units = int("".join(map(str, digits))) * 10 ** (exponent - finest)
    base, extra = divmod(units, count)
    return [
        Money(Decimal(f"{base + (1 if i < extra else 0)}E{finest}"), value.currency)
        for i in range(count)
    ]


def _credits(
    draft: Draft, keys: dict[Sighting, str], joint_awards: JointAwards, notes: Notes
) -> dict[str, Money]:
    """What each supplier on the award is credited, by supplier id, under ``joint_awards``."""
    named = [keys[s] for s in draft.suppliers]
    suppliers = sorted(set(named))
    count = len(suppliers)
    if count < len(named):
        twice = sorted({k for k in named if named.count(k) > 1})
        notes.flag(
            draft.ocid,
            (*draft.award_steps, "suppliers"),
            "ocds.duplicate_supplier",
            f"the award names {', '.join(twice[:5])} more than once (the same identifier or"
            " name key); each supplier is credited once",
        )
    if count == 1:
        return {suppliers[0]: draft.value}
    if joint_awards is JointAwards.SET_ASIDE:
        notes.problem(
            draft.ocid,
            draft.steps,
            "ocds.joint_award",
            f"the award names {count} suppliers and joint awards are set aside",
        )
        return {}
    if joint_awards is JointAwards.EQUAL_SHARES:
        shared, values = "the value is shared equally", _shares(draft.value, count)
    else:
        shared, values = "each is credited the whole value", [draft.value] * count
    notes.flag(
        draft.ocid,
        draft.steps,
        "ocds.joint_award",
        f"the award names {count} suppliers; {shared} ({draft.value.format()})",
    )
    return dict(zip(suppliers, values, strict=True))


def _problems(notes: list[Note]) -> tuple[OcdsProblem, ...]:
    made = {OcdsProblem(n.ocid, n.steps, n.code, n.message) for n in notes}
    return tuple(sorted(made, key=sort_key))


@typed_arguments
def read_ocds(
    data: object,
    *,
    vat_basis: VatBasis,
    joint_awards: JointAwards = JointAwards.WHOLE_VALUE_EACH,
) -> OcdsReading:
    """Contracts and suppliers from parsed OCDS data, with every problem located.

    ``data`` is one parsed JSON document — a release package, a record package, a
    record or a release — or a list of them (one per line of line-delimited JSON, or
    per file); paths in problems start from it. Numbers must be ``Decimal`` or
    ``int``: parse with ``json.loads(text, **ocds_parse_options())``. A ``float``
    anywhere raises :class:`TypeError`, since its amounts may already be wrong.

    ``vat_basis`` states whether the publisher's amounts include VAT: OCDS does not
    say, so it is never assumed (a value whose ``valueAddedTaxIncluded`` disagrees
    is set aside). ``joint_awards`` decides how an award naming several suppliers
    counts (:class:`JointAwards`). The module documentation gives every rule.

    >>> award = {
    ...     "id": "A1", "status": "active", "suppliers": [{"id": "P1"}],
    ...     "value": {"amount": Decimal("93527.1"), "currency": "GBP"},
    ...     "contractPeriod": {"startDate": "2024-06-01T00:00:00Z",
    ...                        "endDate": "2027-05-31T00:00:00Z"},
    ... }
    >>> release = {
    ...     "ocid": "ocds-b5fd17-1", "id": "1", "date": "2024-05-01T00:00:00Z",
    ...     "tender": {"mainProcurementCategory": "services"},
    ...     "parties": [{"id": "P1", "name": "Acme Cleaning Ltd", "roles": ["supplier"],
    ...                  "identifier": {"scheme": "GB-COH", "id": "1234567"}}],
    ...     "awards": [award],
    ... }
    >>> reading = read_ocds(release, vat_basis=VatBasis.NET)
    >>> contract = reading.contracts[0]
    >>> contract.supplier_id, contract.value.amount, contract.end.isoformat()
    ('GB-COH-01234567', Decimal('93527.1'), '2027-05-31')
    """
    refuse_floats(data)
    notes = Notes()
    chosen, documents, releases = choose(data, notes)
    drafted: list[Draft] = []
    sighted: list[Sighting] = []
    processes = []
    buyers = {}
    for candidate in chosen:
        read = drafts(candidate, vat_basis, notes)
        drafted.extend(read.drafts)
        sighted.extend(read.sightings)
        buyers[candidate.ocid] = read.buyer
        release = candidate.release
        date = release.get("date")
        processes.append(
            OcdsProcess(
                candidate.ocid,
                id_text(release.get("id")),
                date if isinstance(date, str) else None,
                candidate.compiled,
                candidate.seen,
                read.awards,
                read.buyer.key,
                read.buyer.name,
                candidate.steps,
            )
        )
    keys = group_sightings(sighted, notes)
    ids = _contract_ids(drafted)
    contracts = []
    for draft in drafted:
        credits = _credits(draft, keys, joint_awards, notes)
        buyer = buyers[draft.ocid]
        contract_id = ids[(draft.ocid, draft.award_id, draft.ocds_contract_id)]
        for supplier_id, value in credits.items():
            contract = Contract(
                contract_id,
                supplier_id,
                draft.title,
                draft.category,
                value,
                vat_basis,
                draft.start,
                draft.end,
                draft.letting,
            )
            contracts.append(
                OcdsContract(
                    contract,
                    draft.ocid,
                    draft.award_id,
                    draft.ocds_contract_id,
                    draft.status,
                    buyer.key,
                    buyer.name,
                    draft.value,
                    len(credits),
                    draft.value_steps,
                )
            )
    by_key: dict[str, list[Sighting]] = {}
    for one, key in keys.items():
        by_key.setdefault(key, []).append(one)
    suppliers_read = []
    for key in sorted(by_key):
        supplier, details = supplier_of(key, by_key[key])
        suppliers_read.append(OcdsSupplier(supplier, *details))
    contracts.sort(
        key=lambda c: (c.ocid, c.award_id, c.ocds_contract_id or "", c.contract.supplier_id)
    )
    return OcdsReading(
        tuple(contracts),
        tuple(suppliers_read),
        tuple(processes),
        _problems(notes.problems),
        _problems(notes.flags),
        joint_awards,
        vat_basis,
        documents,
        releases,
    )
