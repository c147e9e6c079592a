"""Suppliers from OCDS parties: identifiers, keys, kinds and places (private to :mod:`.ocds`).

Each time an award names a supplier is a *sighting*. Sightings become suppliers by
these rules, each stated in :func:`socialvalue.read_ocds`'s documentation:

- **Identifiers.** ``identifier`` and ``additionalIdentifiers`` give
  ``scheme``-``id`` keys in the org-id.guide form (``GB-COH-01234567``). Companies
  House numbers are written as Companies House does, eight characters with leading
  zeros (``3352929`` is ``03352929``). An empty scheme or id (Contracts Finder's
  ``"scheme": "", "id": ""``) is no identifier.
- **Meeting.** Sightings that share any identifier are one supplier; its id is the
  smallest of its primary identifiers (else of its additional ones). A sighting
  with no identifier joins the one identified supplier seen under the same name
  key (flagged ``ocds.matched_by_name``); when the name fits several, or none, it
  stays with the other unidentified sightings of that name, keyed ``name:…``.
- **Kind.** Contracts Finder's ``vco: true`` makes a VCSE; else ``details.scale``
  (``micro``, ``small``, ``medium``, ``sme``, ``large``); else ``sme: true`` an SME
  of unstated band, and ``sme: false`` with ``vco: false`` a large organisation
  (the supplier said it is neither); else unknown.
- **Place.** The postcode is ``address.postalCode``, else the last comma-separated
  part of ``streetAddress`` when that is a UK postcode (Contracts Finder puts it
  there); the borough is set only when ``locality`` is exactly the name of one of
  Greater Manchester's ten boroughs.
- **Latest wins.** A supplier's name, kind, postcode and locality come from its
  latest sighting that states them (by release date, then ocid, then position).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Final, NamedTuple

from socialvalue._fields import CODE_PATTERN
from socialvalue.errors import PathStep, RuleViolation
from socialvalue.spend._names import clean_text, name_key
from socialvalue.spend._ocds_releases import Notes, id_text
from socialvalue.spend.suppliers import (
    _POSTCODE,
    Borough,
    Identifier,
    Location,
    OrganisationType,
    Supplier,
)

__all__ = [
    "Sighting",
    "SupplierDetails",
    "cut",
    "group_sightings",
    "key_of",
    "sighting",
    "supplier_of",
]

_CODE: Final = re.compile(CODE_PATTERN)
_SCALES: Final = {
    "micro": OrganisationType.MICRO,
    "small": OrganisationType.SMALL,
    "medium": OrganisationType.MEDIUM,
    "sme": OrganisationType.SME,
    "large": OrganisationType.LARGE,
}
_BOROUGHS: Final = {b.value: b for b in Borough}
_COMPANIES_HOUSE: Final = "GB-COH"


class Sighting(NamedTuple):
    """One mention of a supplier in a release read."""

    ocid: str
    steps: tuple[PathStep, ...]
    order: tuple[bool, datetime, str, int]
    name: str | None
    name_key: str | None
    primary: Identifier | None
    additional: tuple[Identifier, ...]
    kind: OrganisationType | None
    postcode: str | None
    locality: str | None

    @property
    def identifiers(self) -> tuple[Identifier, ...]:
        """Every usable identifier, the primary one first."""
        return self.additional if self.primary is None else (self.primary, *self.additional)


class SupplierDetails(NamedTuple):
    """What is known of a supplier beyond :class:`Supplier` itself."""

    additional_identifiers: tuple[Identifier, ...]
    names: tuple[str, ...]
    locality: str | None
    ocids: tuple[str, ...]
    matched_by_name: bool


def key_of(identifier: Identifier) -> str:
    """The org-id.guide form of an identifier: ``GB-COH-01234567``."""
    return f"{identifier.scheme}-{identifier.id}"


def cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _identifier(
    value: object, ocid: str, steps: tuple[PathStep, ...], notes: Notes
) -> Identifier | None:
    if not isinstance(value, Mapping):
        return None
    scheme, ident = value.get("scheme"), id_text(value.get("id"))
    if not isinstance(scheme, str) or not scheme.strip() or ident is None:
        return None
    scheme = scheme.strip().upper()
    if scheme == _COMPANIES_HOUSE:
        ident = "".join(ident.split()).upper()
        ident = ident.zfill(8) if ident.isdigit() else ident
    try:
        found = Identifier(scheme, ident)
    except RuleViolation:
        found = None
    if found is None or not _CODE.fullmatch(key_of(found)):
        notes.flag(
            ocid,
            steps,
            "ocds.bad_identifier",
            f"the identifier {scheme[:20]!r} {ident[:40]!r} cannot be a supplier id (letters,"
            " digits and . _ : / - only, 64 characters with its scheme), so it is ignored",
        )
        return None
    return found


def _kind(party: Mapping[str, Any]) -> OrganisationType | None:
    if party.get("vco") is True:
        return OrganisationType.VCSE
    details = party.get("details")
    scale = details.get("scale") if isinstance(details, Mapping) else None
    if isinstance(scale, str) and scale in _SCALES:
        return _SCALES[scale]
    sme = party.get("sme")
    if sme is True:
        return OrganisationType.SME
    if sme is False and party.get("vco") is False:
        return OrganisationType.LARGE
    return None


def _postcode(address: Mapping[str, Any]) -> str | None:
    street = address.get("streetAddress")
    tail = street.rsplit(",", 1)[-1] if isinstance(street, str) else None
    for text in (address.get("postalCode"), tail):
        if isinstance(text, str) and len(text) < 20:
            squashed = "".join(text.split()).upper()
            candidate = f"{squashed[:-3]} {squashed[-3:]}"
            if _POSTCODE.fullmatch(candidate):
                return candidate
    return None


def sighting(
    party: Mapping[str, Any],
    reference: Mapping[str, Any],
    ocid: str,
    steps: tuple[PathStep, ...],
    order: tuple[bool, datetime, str, int],
    notes: Notes,
) -> Sighting:
    """A sighting from ``party`` (empty when the reference names no party) and ``reference``."""
    raw_name = party.get("name") or reference.get("name")
    name = cut(clean_text(raw_name), 200) if isinstance(raw_name, str) else None
    source = party if party else reference
    primary = _identifier(source.get("identifier"), ocid, (*steps, "identifier"), notes)
    extra = source.get("additionalIdentifiers")
    additional = tuple(
        found
        for index, item in enumerate(extra if isinstance(extra, list) else [])
        if (found := _identifier(item, ocid, (*steps, "additionalIdentifiers", index), notes))
        and found != primary
    )
    address = party.get("address")
    address = address if isinstance(address, Mapping) else {}
    locality = address.get("locality")
    locality = clean_text(locality) if isinstance(locality, str) else None
    return Sighting(
        ocid,
        steps,
        order,
        name or None,
        name_key(name) if name else None,
        primary,
        tuple(sorted(set(additional), key=key_of)),
        _kind(party),
        _postcode(address),
        locality or None,
    )


class _Union:
    """Union-find over identifier keys: sightings sharing one identifier are one supplier."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def group_sightings(sightings: Iterable[Sighting], notes: Notes) -> dict[Sighting, str]:
    """The supplier key of each sighting (flagging name matches); see the module rules."""
    seen = list(dict.fromkeys(sightings))
    union = _Union()
    for one in seen:
        keys = [key_of(i) for i in one.identifiers]
        for key in keys:
            union.join(keys[0], key)
    members: dict[str, list[Sighting]] = {}
    for one in seen:
        if one.identifiers:
            members.setdefault(union.find(key_of(one.identifiers[0])), []).append(one)
    key_of_root = {root: _preferred(group) for root, group in members.items()}
    by_name: dict[str, set[str]] = {}
    for root, group in members.items():
        for one in group:
            if one.name_key is not None:
                by_name.setdefault(one.name_key, set()).add(key_of_root[root])
    result: dict[Sighting, str] = {}
    for one in seen:
        if one.identifiers:
            result[one] = key_of_root[union.find(key_of(one.identifiers[0]))]
            continue
        assert one.name_key is not None  # an unnamed, unidentified party is never sighted
        matches = sorted(by_name.get(one.name_key, ()))
        if len(matches) == 1:
            result[one] = matches[0]
            notes.flag(
                one.ocid,
                one.steps,
                "ocds.matched_by_name",
                f"{one.name!r} has no identifier here; matched by name to supplier {matches[0]},"
                " which is identified where it is named elsewhere: check it is the same"
                " organisation",
            )
            continue
        if matches:
            notes.flag(
                one.ocid,
                one.steps,
                "ocds.ambiguous_name",
                f"{one.name!r} has no identifier here and its name fits {len(matches)} identified"
                f" suppliers ({', '.join(matches[:5])}); it is kept apart as {one.name_key}",
            )
        result[one] = one.name_key
    return result


def _preferred(group: list[Sighting]) -> str:
    primaries = {key_of(one.primary) for one in group if one.primary is not None}
    return min(primaries or {key_of(i) for one in group for i in one.additional})


def supplier_of(key: str, sightings: Iterable[Sighting]) -> tuple[Supplier, SupplierDetails]:
    """The supplier keyed ``key`` from its sightings, and the details kept beside it."""
    ordered = sorted(sightings, key=lambda s: s.order)

    def latest(values: Iterable[Any]) -> Any:
        found = [v for v in values if v is not None]
        return found[-1] if found else None

    name = latest(s.name for s in ordered) or key
    kind = latest(s.kind for s in ordered) or OrganisationType.UNKNOWN
    locality = latest(s.locality for s in ordered)
    identifiers = {key_of(i): i for s in ordered for i in s.identifiers}
    own = identifiers.pop(key, None)
    supplier = Supplier(
        key,
        name,
        kind,
        Location(_BOROUGHS.get((locality or "").casefold()), latest(s.postcode for s in ordered)),
        identifier=own,
    )
    return supplier, SupplierDetails(
        tuple(identifiers[k] for k in sorted(identifiers)),
        tuple(sorted({s.name for s in ordered if s.name is not None})),
        locality,
        tuple(sorted({s.ocid for s in ordered})),
        own is not None and any(not s.identifiers for s in ordered),
    )
