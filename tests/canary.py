"""A canary document kind, shaped like a Review submission, for the harness's own tests.

The agreement harness (tests/test_schema_agreement.py) and the bad-input list
(tests/test_bad_input.py) must work before, and whatever, the feature areas
register. This kind uses every building block a real kind does (codes, text,
decimals, money, periods, dates, enums, nested objects and bounded lists) and is
registered only inside a test, with :func:`registered`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from socialvalue import Money, Period, documents
from socialvalue._fields import Code, DecimalRange, Items, Text
from socialvalue.documents import registry, schemas
from socialvalue.review.targets import MeasureTarget

KIND = "canary"


class Evidence(enum.Enum):
    PAYROLL = "payroll"
    INVOICE = "invoice"


@attrs.frozen
class Line:
    measure: str = attrs.field(validator=Code())
    quantity: Decimal = attrs.field(validator=DecimalRange(minimum=Decimal(0)))
    note: str | None = attrs.field(default=None, validator=Text(max_length=200, optional=True))
    local: bool | None = None
    evidence: Evidence | None = None


@attrs.frozen
class Declaration:
    signatory: str = attrs.field(validator=Text(max_length=100))
    signed_on: date


@attrs.frozen
class Canary:
    supplier_id: str = attrs.field(validator=Code())
    contract_ids: tuple[str, ...] = attrs.field(
        converter=tuple, validator=Items(max_items=5, unique_by=lambda code: code, each=Code())
    )
    period: Period
    spend: Money
    lines: tuple[Line, ...] = attrs.field(
        converter=tuple, validator=Items(min_items=1, max_items=50, what="line")
    )
    declaration: Declaration
    commitments: tuple[MeasureTarget, ...] = attrs.field(
        default=(), converter=tuple, validator=Items(max_items=10)
    )
    valid_months: int = 12


def _list(item: dict[str, Any], description: str, **bounds: Any) -> dict[str, Any]:
    return {"type": "array", "items": item, "description": description, **bounds}


def _nullable(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}], "description": description}


SCHEMA = schemas.document_schema(
    KIND,
    title="Canary",
    description="A test-only kind shaped like a Review submission.",
    properties={
        "supplier_id": schemas.ref("code", "The supplier's id."),
        "contract_ids": _list(
            schemas.ref("code", "A contract id."), "Contracts.", maxItems=5, uniqueItems=True
        ),
        "period": schemas.ref("period", "The period reported on."),
        "spend": schemas.ref("money", "Spend in the period."),
        "lines": _list(
            {"$ref": "#/$defs/line", "description": "One line."},
            "Reported lines.",
            minItems=1,
            maxItems=50,
        ),
        "declaration": {"$ref": "#/$defs/declaration", "description": "Who signed."},
        "commitments": _list(schemas.ref("measure-target", "A target."), "Targets.", maxItems=10),
        "valid_months": {"type": "integer", "description": "Months of validity."},
    },
    required=["supplier_id", "contract_ids", "period", "spend", "lines", "declaration"],
    extra_defs={
        "line": {
            "title": "Line",
            "description": "A quantity of one measure.",
            "type": "object",
            "properties": {
                "measure": schemas.ref("code", "Measure code."),
                "quantity": schemas.ref("quantity", "How much."),
                "note": _nullable(schemas.text(200), "A note."),
                "local": {"type": ["boolean", "null"], "description": "Delivered locally."},
                "evidence": {
                    "enum": ["payroll", "invoice", None],
                    "description": "Kind of evidence.",
                },
            },
            "required": ["measure", "quantity"],
            "additionalProperties": False,
        },
        "declaration": {
            "title": "Declaration",
            "description": "Who signed, when.",
            "type": "object",
            "properties": {
                "signatory": {**schemas.text(100), "description": "Name."},
                "signed_on": schemas.ref("date", "Date signed."),
            },
            "required": ["signatory", "signed_on"],
            "additionalProperties": False,
        },
    },
)

EXAMPLE: dict[str, Any] = {
    "supplier_id": "GB-COH-01234567",
    "contract_ids": ["C-1", "C-2"],
    "period": {"start": "2025-04-01", "end": "2026-03-31"},
    "spend": {"amount": "120000.50", "currency": "GBP"},
    "lines": [
        {"measure": "GM-JOBS", "quantity": "3.5", "note": "Payroll", "local": True},
        {"measure": "GM-APPS", "quantity": "0", "evidence": "invoice"},
    ],
    "declaration": {"signatory": "A Director", "signed_on": "2026-04-10"},
    "commitments": [{"measure": "GM-JOBS", "quantity": "4"}],
    "valid_months": 12,
}


@contextmanager
def registered() -> Iterator[str]:
    """Register the canary kind for the duration of a ``with`` block."""
    kinds = registry._KINDS
    kinds[KIND] = documents.DocumentKind(KIND, Canary, SCHEMA)
    registry._BY_TYPE[Canary] = kinds[KIND]
    try:
        yield KIND
    finally:
        del kinds[KIND]
        del registry._BY_TYPE[Canary]
