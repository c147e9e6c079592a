"""Contract drafts from the awards of one OCDS release (private to :mod:`.ocds`).

An award becomes one draft; an award that OCDS ``contracts`` point at (by
``awardID``) becomes one draft per such contract, which then gives the value,
period, status and title where it has them. The rules, as documented on
:func:`~socialvalue.spend.ocds.read_ocds`:

- **Value and period**: the contract's ``value``, else the award's; the contract's
  ``period``, else the award's ``contractPeriod``, else the tender's. How each is
  checked is in :mod:`._ocds_values`.
- **Category**: the tender's ``mainProcurementCategory``; else Contracts Finder's
  ``ojeuContractType``; else the CPV codes of the items when they agree
  (division 45 is works, 50 and above services, the rest goods).
- **Status**: cancelled and unsuccessful awards, and cancelled contracts, are set
  aside; pending ones are read and flagged.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, NamedTuple

from socialvalue.errors import PathStep
from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._names import clean_text, name_key
from socialvalue.spend._ocds_parties import Sighting, cut, sighting
from socialvalue.spend._ocds_releases import EARLIEST, Candidate, Notes, id_text, instant
from socialvalue.spend._ocds_values import as_list, mapping, money_of, period_of
from socialvalue.spend.contracts import ContractCategory, LettingRoute

__all__ = ["Buyer", "Draft", "Read", "drafts"]

_MAIN: Final = {c.value: c for c in ContractCategory}
_CONTRACTS_FINDER: Final = {
    "Services": ContractCategory.SERVICES,
    "Products": ContractCategory.GOODS,
    "Supplies": ContractCategory.GOODS,
    "Works": ContractCategory.WORKS,
}
_SET_ASIDE: Final = frozenset({"cancelled", "unsuccessful"})


class Buyer(NamedTuple):
    """Who bought: a key (identifier or name key) and a display name."""

    key: str | None
    name: str | None


class Draft(NamedTuple):
    """Everything a contract needs except the supplier's key and the final id."""

    ocid: str
    award_id: str
    ocds_contract_id: str | None
    award_steps: tuple[PathStep, ...]
    steps: tuple[PathStep, ...]
    value_steps: tuple[PathStep, ...]
    status: str | None
    title: str
    category: ContractCategory
    value: Money
    start: date
    end: date
    letting: LettingRoute
    suppliers: tuple[Sighting, ...]


def _category(release: Mapping[str, Any], award: Mapping[str, Any]) -> ContractCategory | None:
    tender = mapping(release.get("tender"))
    main = tender.get("mainProcurementCategory")
    if isinstance(main, str) and main in _MAIN:
        return _MAIN[main]
    ojeu = mapping(tender.get("xClassifications")).get("ojeuContractType")
    if isinstance(ojeu, str) and ojeu in _CONTRACTS_FINDER:
        return _CONTRACTS_FINDER[ojeu]
    found = set()
    for item in [*as_list(tender.get("items")), *as_list(award.get("items"))]:
        classification = mapping(mapping(item).get("classification"))
        code = classification.get("id")
        scheme = str(classification.get("scheme", "")).upper()
        if scheme == "CPV" and isinstance(code, str) and code[:2].isdigit():
            division = int(code[:2])
            found.add(
                ContractCategory.WORKS
                if division == 45
                else ContractCategory.SERVICES
                if division >= 50
                else ContractCategory.GOODS
            )
    return found.pop() if len(found) == 1 else None


def _title(*texts: object, fallback: str) -> str:
    for text in texts:
        if isinstance(text, str) and clean_text(text):
            return cut(clean_text(text), 300)
    return fallback


def _buyer(
    release: Mapping[str, Any], parties: Mapping[str, tuple[int, Mapping[str, Any]]]
) -> Buyer:
    reference = mapping(release.get("buyer"))
    party: Mapping[str, Any] = {}
    found = parties.get(id_text(reference.get("id")) or "")
    if found is not None:
        party = found[1]
    else:
        for _, candidate in parties.values():
            if "buyer" in as_list(candidate.get("roles")):
                party = candidate
                break
    raw = party.get("name") or reference.get("name")
    name = cut(clean_text(raw), 200) if isinstance(raw, str) and clean_text(raw) else None
    identifier = mapping(party.get("identifier") or reference.get("identifier"))
    scheme, ident = identifier.get("scheme"), id_text(identifier.get("id"))
    if isinstance(scheme, str) and scheme.strip() and ident:
        return Buyer(f"{scheme.strip().upper()}-{ident}", name)
    return Buyer(name_key(name) if name else None, name)


class Read(NamedTuple):
    """What one release gives: drafts, every supplier sighted on an award, awards, buyer."""

    drafts: list[Draft]
    sightings: list[Sighting]
    awards: int
    buyer: Buyer


def drafts(candidate: Candidate, vat: VatBasis, notes: Notes) -> Read:
    """The drafts of one release, the suppliers its awards name, its award count and buyer."""
    ocid, release, base = candidate.ocid, candidate.release, candidate.steps
    moment = instant(release.get("date"))
    parties: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for index, party in enumerate(as_list(release.get("parties"))):
        ident = id_text(mapping(party).get("id"))
        if ident is not None and ident not in parties:
            parties[ident] = (index, party)
    tender = mapping(release.get("tender"))
    letting = (
        LettingRoute.DIRECT_AWARD
        if tender.get("procurementMethod") == "direct"
        else LettingRoute.PROCURED
    )
    contracts = as_list(release.get("contracts"))
    awards = as_list(release.get("awards"))
    result = []
    sighted = []
    for index, award in enumerate(awards):
        steps = (*base, "awards", index)
        if not isinstance(award, Mapping):
            notes.problem(ocid, steps, "ocds.bad_release", "an award must be an object")
            continue
        award_id = id_text(award.get("id")) or str(index)
        status = award.get("status")
        if status in _SET_ASIDE:
            notes.problem(
                ocid,
                (*steps, "status"),
                "ocds.award_not_active",
                f"the award is {status}, so it makes no contract",
            )
            continue
        suppliers = []
        for number, reference in enumerate(as_list(award.get("suppliers"))):
            reference = mapping(reference)
            at = (*steps, "suppliers", number)
            party_id = id_text(reference.get("id"))
            index_party = parties.get(party_id or "")
            if party_id is not None and index_party is None:
                notes.flag(
                    ocid,
                    (*at, "id"),
                    "ocds.unknown_party",
                    f"the supplier names party {party_id!r}, which is not in parties; the"
                    " reference's own name is used",
                )
            position, party = index_party if index_party else (10**6 + number, {})
            where = (*base, "parties", position) if index_party else at
            order = (moment is not None, moment or EARLIEST, ocid, position)
            seen = sighting(party, reference, ocid, where, order, notes)
            if seen.name_key is None and not seen.identifiers:
                notes.problem(
                    ocid,
                    at,
                    "ocds.no_supplier",
                    "the supplier has neither an identifier nor a name",
                )
                continue
            suppliers.append(seen)
        sighted.extend(suppliers)
        if not suppliers:
            notes.problem(
                ocid,
                (*steps, "suppliers"),
                "ocds.no_supplier",
                "the award names no usable supplier",
            )
            continue
        category = _category(release, award)
        if category is None:
            notes.problem(
                ocid,
                (*base, "tender"),
                "ocds.no_category",
                "cannot tell goods, services or works: no mainProcurementCategory,"
                " ojeuContractType or agreeing CPV codes",
            )
            continue
        linked = [
            (number, c)
            for number, c in enumerate(contracts)
            if isinstance(c, Mapping) and id_text(c.get("awardID")) == award_id
        ]
        units: list[tuple[Mapping[str, Any], tuple[PathStep, ...], str | None]] = [
            (c, (*base, "contracts", number), id_text(c.get("id")) or str(number))
            for number, c in linked
        ] or [(award, steps, None)]
        for unit, unit_steps, contract_id in units:
            unit_status = unit.get("status") if contract_id else status
            if contract_id and unit_status == "cancelled":
                notes.problem(
                    ocid,
                    (*unit_steps, "status"),
                    "ocds.award_not_active",
                    "the contract is cancelled, so it is not read",
                )
                continue
            if unit_status == "pending":
                notes.flag(
                    ocid,
                    (*unit_steps, "status"),
                    "ocds.award_not_active",
                    "the award is pending: read as a contract, but it may not have been signed",
                )
            own_value = unit.get("value") if contract_id else None
            value_steps = (*unit_steps, "value") if own_value is not None else (*steps, "value")
            money = money_of(
                own_value if own_value is not None else award.get("value"),
                ocid,
                value_steps,
                vat,
                notes,
            )
            period = period_of(
                [
                    (unit.get("period") if contract_id else None, (*unit_steps, "period")),
                    (award.get("contractPeriod"), (*steps, "contractPeriod")),
                    (tender.get("contractPeriod"), (*base, "tender", "contractPeriod")),
                ],
                ocid,
                notes,
            )
            if money is None or period is None:
                continue
            title = _title(
                unit.get("title"),
                award.get("title"),
                tender.get("title"),
                fallback=f"Contracting process {ocid}"[:300],
            )
            result.append(
                Draft(
                    ocid,
                    award_id,
                    contract_id,
                    steps,
                    unit_steps,
                    value_steps,
                    unit_status if isinstance(unit_status, str) else None,
                    title,
                    category,
                    money,
                    period[0],
                    period[1],
                    letting,
                    tuple(suppliers),
                )
            )
    return Read(result, sighted, len(awards), _buyer(release, parties))
