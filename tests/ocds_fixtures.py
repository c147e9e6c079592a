"""Small OCDS releases for the OCDS tests, built from keyword choices."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import socialvalue as sv

OCID = "ocds-b5fd17-0001"


def party(
    pid: str,
    name: str,
    *,
    scheme: str = "",
    ident: str = "",
    roles: tuple[str, ...] = ("supplier",),
    **extra: Any,
) -> dict[str, Any]:
    """A party; an empty scheme and id, as Contracts Finder writes them, by default."""
    return {
        "id": pid,
        "name": name,
        "roles": list(roles),
        "identifier": {"scheme": scheme, "id": ident},
        **extra,
    }


def award(
    amount: object = Decimal("93527"),
    *,
    aid: str = "A1",
    suppliers: tuple[str, ...] = ("P1",),
    currency: object = "GBP",
    start: str | None = "2025-06-01T00:00:00Z",
    end: str | None = "2027-05-31T00:00:00Z",
    **extra: Any,
) -> dict[str, Any]:
    """An active award of ``amount`` to the parties ``suppliers``."""
    period = {k: v for k, v in (("startDate", start), ("endDate", end)) if v is not None}
    return {
        "id": aid,
        "status": "active",
        "suppliers": [{"id": s} for s in suppliers],
        "value": {"amount": amount, "currency": currency},
        "contractPeriod": period,
        **extra,
    }


def release(
    *awards: dict[str, Any],
    ocid: str = OCID,
    rid: str = "R1",
    date: str | None = "2025-05-01T00:00:00Z",
    parties: list[dict[str, Any]] | None = None,
    category: str | None = "services",
    **extra: Any,
) -> dict[str, Any]:
    """A release of ``ocid``; by default a buyer and one supplier, ``P1``."""
    tender: dict[str, Any] = {"title": "Custody healthcare"}
    if category is not None:
        tender["mainProcurementCategory"] = category
    found: dict[str, Any] = {
        "ocid": ocid,
        "id": rid,
        "tag": ["award"],
        "parties": parties
        if parties is not None
        else [
            party("B1", "Greater Manchester Combined Authority", roles=("buyer",)),
            party("P1", "Acme Cleaning Ltd", scheme="GB-COH", ident="1234567"),
        ],
        "buyer": {"id": "B1", "name": "Greater Manchester Combined Authority"},
        "tender": tender,
        "awards": list(awards) if awards else [award()],
        **extra,
    }
    if date is not None:
        found["date"] = date
    return found


def package(*releases: dict[str, Any]) -> dict[str, Any]:
    """A release package."""
    return {"uri": "https://example.org/p.json", "version": "1.1", "releases": list(releases)}


def parse(text: str) -> Any:
    """JSON text parsed the way the library asks."""
    return json.loads(text, **sv.ocds_parse_options())


def read(data: object, **options: Any) -> sv.OcdsReading:
    """``read_ocds`` with net amounts unless told otherwise."""
    options.setdefault("vat_basis", sv.VatBasis.NET)
    return sv.read_ocds(data, **options)


def codes(problems: tuple[sv.OcdsProblem, ...]) -> list[tuple[str, str]]:
    """Each problem as (code, path)."""
    return [(p.code, p.path) for p in problems]
