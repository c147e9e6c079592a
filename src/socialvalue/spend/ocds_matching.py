"""Matching suppliers across spend and contracts: who is paid, who is contracted, who is both.

A council's spend file and its published contracts (OCDS) name suppliers
differently: the spend file by the council's own supplier id, a VAT number or the
name as the finance system spells it; a contract notice by a Companies House
number, or only by name. :func:`match_suppliers` pairs them and lists what is left
on each side, by these rules, in this order:

1. **By registration number.** Two suppliers that hold the same VAT registration
   number (``GB-VAT``), or the same Companies House number (``GB-COH``), are one
   supplier. Numbers are read from a supplier's ``identifier``, from an id written
   ``GB-VAT-…`` or ``GB-COH-…`` (as :class:`~socialvalue.spend.names.SupplierKey`
   writes them) and, for OCDS suppliers, from ``additionalIdentifiers``; they are
   compared without spaces, in capitals, a VAT number without its ``GB`` and a
   Companies House number of digits padded to eight.
2. **Else by normalised name.** Two suppliers any of whose spellings normalise to
   the same name (:meth:`~socialvalue.spend.names.NameRules.normalise`, the one
   rule the library keys names by) are one supplier, unless both hold a number of
   the same scheme and the numbers differ: then they are two organisations with one
   name, kept apart and listed as a conflict.
3. **What is left** is listed: suppliers paid with no contract read, and suppliers
   contracted with no spend.

A supplier may match more than one on the other side (a spend id per department,
say); every pair is listed. The result does not depend on the order of the input.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._fields import Code, Items, Text, Whole
from socialvalue._records import html_table
from socialvalue._typed import typed_fields
from socialvalue.spend.names import NameRules
from socialvalue.spend.ocds_reading import OcdsReading
from socialvalue.spend.suppliers import Identifier, Supplier

__all__ = [
    "MatchBasis",
    "MatchSide",
    "SupplierMatch",
    "SupplierMatching",
    "UnmatchedSupplier",
    "match_suppliers",
]

_VAT: Final = "GB-VAT"
_COMPANIES_HOUSE: Final = "GB-COH"
_RULES: Final = NameRules()
_MAX_SUPPLIERS: Final = 10_000_000


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _matches(value: Iterable[SupplierMatch]) -> tuple[SupplierMatch, ...]:
    return tuple(value)


def _unmatched(value: Iterable[UnmatchedSupplier]) -> tuple[UnmatchedSupplier, ...]:
    return tuple(value)


class MatchBasis(enum.Enum):
    """What joined a spend supplier to a contract supplier."""

    VAT_NUMBER = "vat-number"
    """The same VAT registration number (``GB-VAT``) on both sides."""
    COMPANY_NUMBER = "company-number"
    """The same Companies House number (``GB-COH``) on both sides."""
    NAME = "name"
    """The same normalised name, and no registration number that disagrees."""


@attrs.frozen(field_transformer=typed_fields)
class SupplierMatch:
    """One spend supplier and one contract supplier found to be the same organisation.

    ``key`` is what they share: ``GB-VAT-…``, ``GB-COH-…`` or the normalised name.

    >>> SupplierMatch("100234", "Acme Ltd", "GB-COH-01234567", "ACME LIMITED",
    ...               MatchBasis.COMPANY_NUMBER, "GB-COH-01234567").basis.value
    'company-number'
    """

    spend_id: str = attrs.field(validator=Code())
    spend_name: str = attrs.field(validator=Text(200))
    contract_id: str = attrs.field(validator=Code())
    contract_name: str = attrs.field(validator=Text(200))
    basis: MatchBasis
    key: str = attrs.field(validator=Text(200))

    def to_record(self) -> dict[str, object]:
        """This pair as one flat dict."""
        return {
            "status": "matched",
            "basis": self.basis.value,
            "key": self.key,
            "spend_id": self.spend_id,
            "spend_name": self.spend_name,
            "contract_id": self.contract_id,
            "contract_name": self.contract_name,
        }


class MatchSide(enum.Enum):
    """Which side of the match a supplier is on."""

    SPEND = "spend"
    """Paid in the spend files."""
    CONTRACTS = "contracts"
    """Named on a contract."""


@attrs.frozen(field_transformer=typed_fields)
class UnmatchedSupplier:
    """A supplier found on one side only.

    ``conflicts`` lists the other side's suppliers that share its name but hold a
    different registration number, so were not matched.

    >>> UnmatchedSupplier(MatchSide.CONTRACTS, "name:bolt", "Bolt").to_record()["status"]
    'contracts only'
    """

    side: MatchSide
    supplier_id: str = attrs.field(validator=Code())
    name: str = attrs.field(validator=Text(200))
    conflicts: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=Items(0, _MAX_SUPPLIERS, what="supplier id")
    )

    def to_record(self) -> dict[str, object]:
        """This supplier as one flat dict, in the columns of :meth:`SupplierMatch.to_record`."""
        spend = self.side is MatchSide.SPEND
        return {
            "status": f"{self.side.value} only",
            "basis": None,
            "key": ", ".join(self.conflicts) or None,
            "spend_id": self.supplier_id if spend else None,
            "spend_name": self.name if spend else None,
            "contract_id": None if spend else self.supplier_id,
            "contract_name": None if spend else self.name,
        }


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@attrs.frozen(field_transformer=typed_fields)
class SupplierMatching:
    """Spend suppliers matched to contract suppliers, and what is left on each side.

    Built by :func:`match_suppliers`. ``matches`` are sorted by spend id then
    contract id; ``spend_only`` and ``contracts_only`` by id. ``to_records()`` gives
    one row per match, then per unmatched supplier, for ``pandas.DataFrame``.
    """

    matches: tuple[SupplierMatch, ...] = attrs.field(
        converter=_matches, validator=Items(0, _MAX_SUPPLIERS, what="match")
    )
    spend_only: tuple[UnmatchedSupplier, ...] = attrs.field(
        converter=_unmatched, validator=Items(0, _MAX_SUPPLIERS, what="supplier")
    )
    contracts_only: tuple[UnmatchedSupplier, ...] = attrs.field(
        converter=_unmatched, validator=Items(0, _MAX_SUPPLIERS, what="supplier")
    )
    spend_suppliers: int = attrs.field(validator=Whole(0, _MAX_SUPPLIERS))
    contract_suppliers: int = attrs.field(validator=Whole(0, _MAX_SUPPLIERS))

    @typed_arguments
    def by(self, basis: MatchBasis) -> tuple[SupplierMatch, ...]:
        """The matches made on ``basis``."""
        return tuple(m for m in self.matches if m.basis is basis)

    @property
    def conflicts(self) -> int:
        """How many suppliers share a name with one on the other side but not its number."""
        return sum(1 for u in self.spend_only + self.contracts_only if u.conflicts)

    @property
    def explanation(self) -> str:
        """The matching in a few plain sentences."""
        counts = ", ".join(
            f"{len(self.by(b)):,} by {b.value.replace('-', ' ')}" for b in MatchBasis
        )
        text = (
            f"Of {_count(self.spend_suppliers, 'supplier')} paid and"
            f" {_count(self.contract_suppliers, 'supplier')} contracted,"
            f" {_count(len(self.matches), 'pair')} matched ({counts});"
            f" {len(self.spend_only):,} paid with no contract read and"
            f" {len(self.contracts_only):,} contracted with no spend."
        )
        if self.conflicts:
            text += (
                f" {_count(self.conflicts, 'supplier')} share a name with one on the other side"
                " but hold a different registration number, so were kept apart."
            )
        return text

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per match, then per supplier on one side only."""
        return [m.to_record() for m in self.matches] + [
            u.to_record() for u in self.spend_only + self.contracts_only
        ]

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.explanation)}</p>" + html_table(
            self.to_records(), caption="Suppliers in spend and contracts", limit=200
        )


Unmatched = UnmatchedSupplier
_BY_NUMBER: Final = (
    (_VAT, MatchBasis.VAT_NUMBER),
    (_COMPANIES_HOUSE, MatchBasis.COMPANY_NUMBER),
)


def _number(identifier: Identifier) -> tuple[str, str] | None:
    """A registration number as compared: ``("GB-VAT", "123456789")`` or ``None``."""
    scheme = identifier.scheme.upper()
    value = "".join(identifier.id.split()).upper()
    if scheme == _VAT:
        return (_VAT, value.removeprefix("GB"))
    if scheme == _COMPANIES_HOUSE:
        return (_COMPANIES_HOUSE, value.zfill(8) if value.isdigit() else value)
    return None


def _from_id(supplier_id: str) -> Identifier | None:
    for scheme in (_VAT, _COMPANIES_HOUSE):
        if supplier_id.startswith(scheme + "-") and len(supplier_id) > len(scheme) + 1:
            return Identifier(scheme, supplier_id[len(scheme) + 1 :])
    return None


class _Party:
    """One supplier as matching sees it: its id, name, numbers and name keys."""

    def __init__(self, supplier: Supplier, more: Iterable[Identifier], names: Iterable[str]):
        self.id = supplier.id
        self.name = supplier.name
        found = [supplier.identifier, _from_id(supplier.id), *more]
        self.numbers = {n for n in (_number(i) for i in found if i is not None) if n is not None}
        keys = (_RULES.normalise(n) for n in (supplier.name, *names))
        self.keys = {k for k in keys if k}

    def schemes(self) -> set[str]:
        return {scheme for scheme, _ in self.numbers}


def _contract_parties(contracts: Iterable[Supplier] | OcdsReading) -> list[_Party]:
    if isinstance(contracts, OcdsReading):
        return [
            _Party(s.supplier, s.additional_identifiers, s.names) for s in contracts.ocds_suppliers
        ]
    return [_Party(s, (), ()) for s in contracts]


def _unique(parties: list[_Party], side: str) -> dict[str, _Party]:
    found: dict[str, _Party] = {}
    for party in parties:
        if party.id in found:
            raise ValueError(f"the {side} suppliers name {party.id!r} twice; give each once")
        found[party.id] = party
    return found


@typed_arguments
def match_suppliers(
    spend: Iterable[Supplier],
    contracts: Iterable[Supplier] | OcdsReading,
    *,
    spellings: Mapping[str, tuple[str, ...]] | None = None,
) -> SupplierMatching:
    """Match the suppliers paid (``spend``) with those contracted (see the module's rules).

    ``spend`` are the spend files' suppliers (with their identifiers where the
    supplier list gives them); ``spellings`` adds other names a spend supplier was
    paid under, by id (``SpendFileReader.supplier_spellings()``). ``contracts`` are
    the contracts' suppliers, or an :class:`~socialvalue.spend.ocds_reading.OcdsReading`,
    whose suppliers bring their additional identifiers and every spelling seen.
    A supplier id given twice on one side is a ``ValueError``.

    >>> from socialvalue.spend.suppliers import Location, OrganisationType
    >>> def supplier(sid, name, identifier=None):
    ...     return Supplier(sid, name, OrganisationType.UNKNOWN, Location(), identifier)
    >>> paid = [supplier("100234", "ACME LIMITED", Identifier("GB-COH", "1234567")),
    ...         supplier("100999", "Bolt & Sons")]
    >>> contracted = [supplier("GB-COH-01234567", "Acme Ltd"),
    ...               supplier("name:bolt-and-sons", "Bolt and Sons Ltd"),
    ...               supplier("name:crane", "Crane Hire")]
    >>> matching = match_suppliers(paid, contracted)
    >>> [(m.spend_id, m.contract_id, m.basis.value) for m in matching.matches]
    [('100234', 'GB-COH-01234567', 'company-number'), ('100999', 'name:bolt-and-sons', 'name')]
    >>> [u.supplier_id for u in matching.contracts_only]
    ['name:crane']
    """
    extra = spellings or {}
    paid = _unique([_Party(s, (), extra.get(s.id, ())) for s in spend], "spend")
    held = _unique(_contract_parties(contracts), "contract")
    pairs: dict[tuple[str, str], tuple[MatchBasis, str]] = {}
    by_number: dict[tuple[str, str], list[str]] = {}
    for party in held.values():
        for number in party.numbers:
            by_number.setdefault(number, []).append(party.id)
    # VAT first, so a pair holding both numbers is reported by its VAT number.
    for scheme, basis in (
        (_VAT, MatchBasis.VAT_NUMBER),
        (_COMPANIES_HOUSE, MatchBasis.COMPANY_NUMBER),
    ):
        for party in paid.values():
            for number in sorted(n for n in party.numbers if n[0] == scheme):
                for other in by_number.get(number, ()):
                    pairs.setdefault((party.id, other), (basis, f"{number[0]}-{number[1]}"))
    by_name: dict[str, list[str]] = {}
    for party in held.values():
        for key in party.keys:
            by_name.setdefault(key, []).append(party.id)
    conflicts: dict[MatchSide, dict[str, set[str]]] = {side: {} for side in MatchSide}
    for party in paid.values():
        for key in sorted(party.keys):
            for other_id in by_name.get(key, ()):
                if (party.id, other_id) in pairs:
                    continue
                found = held[other_id]
                shared = party.schemes() & found.schemes()
                if any(not {n for n in party.numbers if n[0] == s} & found.numbers for s in shared):
                    conflicts[MatchSide.SPEND].setdefault(party.id, set()).add(other_id)
                    conflicts[MatchSide.CONTRACTS].setdefault(other_id, set()).add(party.id)
                    continue
                pairs[(party.id, other_id)] = (MatchBasis.NAME, key)
    matches = [
        SupplierMatch(s, paid[s].name, c, held[c].name, basis, key)
        for (s, c), (basis, key) in sorted(pairs.items())
    ]
    matched_spend = {s for s, _ in pairs}
    matched_contracts = {c for _, c in pairs}

    def left(
        parties: dict[str, _Party], matched: set[str], side: MatchSide
    ) -> list[UnmatchedSupplier]:
        return [
            UnmatchedSupplier(side, p.id, p.name, sorted(conflicts[side].get(p.id, ())))
            for p in sorted(parties.values(), key=lambda p: p.id)
            if p.id not in matched
        ]

    return SupplierMatching(
        matches=matches,
        spend_only=left(paid, matched_spend, MatchSide.SPEND),
        contracts_only=left(held, matched_contracts, MatchSide.CONTRACTS),
        spend_suppliers=len(paid),
        contract_suppliers=len(held),
    )
