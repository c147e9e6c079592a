"""The VAT basis: whether an amount includes VAT.

A policy's threshold, a spend line and a contract value each state their basis, and
the library refuses to compare amounts on different bases (see
:doc:`/explanation/design`): councils publish spend net of VAT, while Procurement
Act 2023 thresholds include it.
"""

from __future__ import annotations

import enum

__all__ = ["VatBasis"]


class VatBasis(enum.Enum):
    """Whether an amount excludes or includes VAT.

    English local transparency data (the Local Government Transparency Code 2015)
    publish payments net of recoverable VAT; Procurement Act 2023 thresholds are
    VAT-inclusive. An amount never changes basis silently in this library.
    """

    NET = "net"
    """Excluding VAT."""
    GROSS = "gross"
    """Including VAT."""
