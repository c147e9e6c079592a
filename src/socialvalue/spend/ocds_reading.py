"""What :func:`~socialvalue.spend.ocds.read_ocds` makes of OCDS data: the reading and its parts.

An :class:`OcdsReading` holds the contracts and suppliers read, each with where it
came from (:class:`OcdsContract`, :class:`OcdsSupplier`), the process behind each
(:class:`OcdsProcess`), and every problem and flag (:class:`OcdsProblem`) with its
``ocid`` and JSON path. :class:`JointAwards` names the rule for awards that name
several suppliers.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import library_context_methods
from socialvalue._records import html_table, records_frame
from socialvalue._typed import typed_fields
from socialvalue.errors import ERROR_CODES, Issue, PathStep, render_path
from socialvalue.money import Money
from socialvalue.policy.vat import VatBasis
from socialvalue.spend._names import name_key
from socialvalue.spend.contracts import Contract
from socialvalue.spend.suppliers import Identifier, Supplier

__all__ = [
    "JointAwards",
    "OcdsContract",
    "OcdsProblem",
    "OcdsProcess",
    "OcdsReading",
    "OcdsSupplier",
]


class JointAwards(enum.Enum):
    """How one award that names several suppliers counts on the contract-value basis."""

    WHOLE_VALUE_EACH = "whole-value-each"
    """Each supplier is credited the award's whole value: the stricter reading (the
    default), under which more suppliers reach the Review threshold."""
    EQUAL_SHARES = "equal-shares"
    """The value is split equally, to the penny (or the amount's own finest place);
    the pennies left over go one each to the first suppliers by id, so the shares add
    up to the value exactly."""
    SET_ASIDE = "set-aside"
    """Joint awards make no contract; each is listed among the problems.

    >>> JointAwards("equal-shares") is JointAwards.EQUAL_SHARES
    True
    """


_VALUE_CODES: Final = frozenset(
    {"ocds.missing_value", "ocds.bad_amount", "ocds.bad_currency", "ocds.vat_mismatch"}
)


def _steps(steps: tuple[PathStep, ...]) -> tuple[PathStep, ...]:
    return tuple(steps)


def _check_code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ERROR_CODES:
        raise ValueError(f"unknown issue code {value!r}")


def _count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("s") else "s")
    return f"{number:,} {noun if number == 1 else plural}"


def sort_key(problem: OcdsProblem) -> tuple[str, tuple[tuple[int, str | int], ...], str, str]:
    """Order problems by ocid, then path (indices numerically), code and message."""
    steps = tuple((0, s) if isinstance(s, int) else (1, s) for s in problem.steps)
    return (problem.ocid or "", steps, problem.code, problem.message)


@attrs.frozen(field_transformer=typed_fields)
class OcdsProblem:
    """Something in OCDS data that was set aside, or used and worth a look.

    ``ocid`` names the contracting process (``None`` when the data had none);
    ``steps`` locate the value from the root of the data given to :func:`read_ocds`.

    >>> OcdsProblem("ocds-1", ("awards", 0, "value", "amount"), "ocds.missing_value", "null")
    OcdsProblem(ocid='ocds-1', path='$.awards[0].value.amount', code='ocds.missing_value')
    """

    ocid: str | None
    steps: tuple[PathStep, ...] = attrs.field(converter=_steps)
    code: str = attrs.field(validator=_check_code)
    message: str

    @property
    def path(self) -> str:
        """The JSON path, e.g. ``$.releases[0].awards[0].value.amount``."""
        return render_path(self.steps)

    @property
    def issue(self) -> Issue:
        """This problem as an :class:`~socialvalue.errors.Issue` (the ocid goes in the message)."""
        return Issue.at(self.steps, self.code, f"{self.ocid or 'no ocid'}: {self.message}")

    def __repr__(self) -> str:
        return f"OcdsProblem(ocid={self.ocid!r}, path={self.path!r}, code={self.code!r})"

    def __str__(self) -> str:
        return f"{self.ocid or 'no ocid'} {self.path}: {self.message} [{self.code}]"

    def to_record(self) -> dict[str, object]:
        """This problem as one flat dict."""
        return {"ocid": self.ocid, "path": self.path, "code": self.code, "message": self.message}


@attrs.frozen(field_transformer=typed_fields)
class OcdsSupplier:
    """A supplier read from OCDS, with what the :class:`Supplier` itself does not hold.

    ``names`` are every spelling seen; ``ocids`` the processes whose awards name it;
    ``matched_by_name`` is true when some release named it without an identifier and
    it was matched to its identified self by name (each such match is also a flag).

    >>> from socialvalue.spend.suppliers import Location, OrganisationType
    >>> acme = Supplier("name:acme", "Acme", OrganisationType.UNKNOWN, Location())
    >>> OcdsSupplier(acme, names=("ACME", "Acme")).keyed_by_name
    True
    """

    supplier: Supplier
    additional_identifiers: tuple[Identifier, ...] = ()
    names: tuple[str, ...] = ()
    locality: str | None = None
    ocids: tuple[str, ...] = ()
    matched_by_name: bool = False

    @property
    def keyed_by_name(self) -> bool:
        """Whether the supplier has no identifier, so its id is its name key (``name:…``)."""
        return self.supplier.identifier is None


@attrs.frozen(field_transformer=typed_fields)
class OcdsContract:
    """A contract read from OCDS, with where it came from.

    ``award_value`` is the award's whole value; ``contract.value`` is what this
    supplier is credited under the reading's :class:`JointAwards` rule, which differs
    only when ``suppliers_on_award`` is above one. ``value_steps`` is the JSON path of
    the value used.

    >>> from datetime import date
    >>> from socialvalue.spend.contracts import ContractCategory
    >>> contract = Contract("A1", "name:acme", "Cleaning", ContractCategory.SERVICES,
    ...     Money("5000"), VatBasis.NET, date(2025, 1, 1), date(2025, 12, 31))
    >>> read = OcdsContract(contract, "ocds-1", "A1", None, "active", None, "A Council",
    ...     Money("5000"), 1, ("awards", 0, "value"))
    >>> read.to_record()["value_path"]
    '$.awards[0].value'
    """

    contract: Contract
    ocid: str
    award_id: str
    ocds_contract_id: str | None
    status: str | None
    buyer_id: str | None
    buyer_name: str | None
    award_value: Money
    suppliers_on_award: int
    value_steps: tuple[PathStep, ...] = attrs.field(converter=_steps)

    @typed_arguments
    def to_record(self, supplier: Supplier | None = None) -> dict[str, object]:
        """This contract as one flat dict (with the supplier's name and kind, if given)."""
        contract = self.contract
        return {
            "contract_id": contract.id,
            "ocid": self.ocid,
            "award_id": self.award_id,
            "ocds_contract_id": self.ocds_contract_id,
            "supplier_id": contract.supplier_id,
            "supplier_name": None if supplier is None else supplier.name,
            "organisation_type": None if supplier is None else supplier.organisation_type.value,
            "value": contract.value.amount,
            "currency": contract.value.currency,
            "vat_basis": contract.vat_basis.value,
            "award_value": self.award_value.amount,
            "suppliers_on_award": self.suppliers_on_award,
            "start": contract.start.isoformat(),
            "end": contract.end.isoformat(),
            "category": contract.category.value,
            "status": self.status,
            "buyer_id": self.buyer_id,
            "buyer_name": self.buyer_name,
            "title": contract.title,
            "value_path": render_path(self.value_steps),
        }


@attrs.frozen(field_transformer=typed_fields)
class OcdsProcess:
    """One contracting process: which release was read for it, and its buyer.

    ``releases_seen`` counts the releases (and compiled releases) that described the
    process; one of them, at ``steps`` in the data, was read.

    >>> OcdsProcess("ocds-1", "R2", "2025-03-01", False, 2, 1, None, "A Council", [1]).steps
    (1,)
    """

    ocid: str
    release_id: str | None
    date: str | None
    compiled: bool
    releases_seen: int
    awards: int
    buyer_id: str | None
    buyer_name: str | None
    steps: tuple[PathStep, ...] = attrs.field(converter=_steps)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class OcdsReading:
    """Everything :func:`read_ocds` made of some OCDS data, and everything it set aside.

    :attr:`contracts` and :attr:`suppliers` are ready for
    :func:`~socialvalue.spend.assessment_rules.assess` on the contract-value basis;
    ``ocds_contracts`` and ``ocds_suppliers`` hold the same with where each came from.
    ``problems`` lists what could not be used (a value set aside, a missing period),
    ``flags`` what was used but deserves a look (a match by name, a joint award, a
    zero value); both are sorted by ocid and path.

    >>> from decimal import Decimal
    >>> from socialvalue.spend.ocds import read_ocds
    >>> award = {"id": "A1", "suppliers": [{"name": "Acme"}],
    ...          "value": {"amount": Decimal(5000), "currency": "GBP"},
    ...          "contractPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"}}
    >>> release = {"ocid": "ocds-1", "id": "1", "date": "2025-01-01", "awards": [award],
    ...            "tender": {"mainProcurementCategory": "goods"}}
    >>> reading = read_ocds(release, vat_basis=VatBasis.NET)
    >>> [(c.id, c.supplier_id, str(c.value)) for c in reading.contracts]
    [('A1', 'name:acme', '£5,000.00')]
    """

    ocds_contracts: tuple[OcdsContract, ...]
    ocds_suppliers: tuple[OcdsSupplier, ...]
    processes: tuple[OcdsProcess, ...]
    problems: tuple[OcdsProblem, ...]
    flags: tuple[OcdsProblem, ...]
    joint_awards: JointAwards
    vat_basis: VatBasis
    documents: int
    releases: int

    @property
    def contracts(self) -> tuple[Contract, ...]:
        """The contracts, in ocid and award order, then by supplier id."""
        return tuple(c.contract for c in self.ocds_contracts)

    @property
    def suppliers(self) -> tuple[Supplier, ...]:
        """The suppliers named on the awards read, by id."""
        return tuple(s.supplier for s in self.ocds_suppliers)

    @property
    def awards(self) -> int:
        """How many awards the releases read hold."""
        return sum(p.awards for p in self.processes)

    @property
    def joint_award_count(self) -> int:
        """How many of the awards read name more than one supplier."""
        return len({(c.ocid, c.award_id) for c in self.ocds_contracts if c.suppliers_on_award > 1})

    @property
    def explanation(self) -> str:
        """What was read and what was set aside, in a few plain sentences."""
        joint = {
            JointAwards.WHOLE_VALUE_EACH: "the whole value counts for each supplier (the"
            " stricter reading, so more Reviews)",
            JointAwards.EQUAL_SHARES: "the value is shared equally between the suppliers",
            JointAwards.SET_ASIDE: "joint awards are set aside and listed as problems",
        }[self.joint_awards]
        refused = sum(1 for p in self.problems if p.code in _VALUE_CODES)
        return (
            f"Read {_count(len(self.processes), 'contracting process')}"
            f" ({_count(self.releases, 'release')} in {_count(self.documents, 'document')}):"
            f" {_count(self.awards, 'award')} made {_count(len(self.ocds_contracts), 'contract')}"
            f" with {_count(len(self.ocds_suppliers), 'supplier')}, values"
            f" {self.vat_basis.value} of VAT as declared. {_count(refused, 'value')} set aside,"
            f" {_count(len(self.problems), 'problem')} in all and"
            f" {_count(len(self.flags), 'flag')}. Awards naming several suppliers: {joint}."
        )

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per contract, with its supplier's name and kind."""
        by_id = {s.id: s for s in self.suppliers}
        return [c.to_record(by_id.get(c.contract.supplier_id)) for c in self.ocds_contracts]

    def problem_records(self) -> list[dict[str, object]]:
        """One flat dict per problem, then per flag, with ``kind`` saying which."""
        return [{"kind": "problem", **p.to_record()} for p in self.problems] + [
            {"kind": "flag", **f.to_record()} for f in self.flags
        ]

    @typed_arguments
    def for_buyer(self, buyer: str) -> OcdsReading:
        """The part of this reading whose processes ``buyer`` ran, by buyer id or by name.

        A name matches by the same normalised key that suppliers without an
        identifier meet by, so ``"Trafford Council"`` matches ``"TRAFFORD COUNCIL"``.
        Problems without an ocid are kept.
        """
        # Without this, a blank name would match every process that has no buyer.
        wanted = {buyer.strip(), name_key(buyer)} - {"", None}
        ocids = {
            p.ocid
            for p in self.processes
            if p.buyer_id in wanted or (p.buyer_name and name_key(p.buyer_name) in wanted)
        }
        return attrs.evolve(
            self,
            ocds_contracts=tuple(c for c in self.ocds_contracts if c.ocid in ocids),
            ocds_suppliers=tuple(s for s in self.ocds_suppliers if ocids.intersection(s.ocids)),
            processes=tuple(p for p in self.processes if p.ocid in ocids),
            problems=tuple(p for p in self.problems if p.ocid is None or p.ocid in ocids),
            flags=tuple(f for f in self.flags if f.ocid is None or f.ocid in ocids),
            releases=sum(p.releases_seen for p in self.processes if p.ocid in ocids),
        )

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        contracts = html_table(self.to_records(), caption=self.explanation)
        if not self.problems and not self.flags:
            return contracts
        return contracts + html_table(self.problem_records(), caption="Problems and flags")
