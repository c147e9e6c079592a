"""Policy: the threshold rule that decides who signs the Charter and who completes the Review.

The source policy: spend with a supplier of "£50k or less" asks the supplier to
sign the Social Value Charter; "£50k or more" asks it to complete the Social Value
Review (Greater Manchester policing and crime commissioner, Social Value Policy;
the Public Services (Social Value) Act 2012). Exactly £50,000 is in both bands, so
a :class:`Policy` says which band the boundary belongs to, on what basis spend is
measured (annual aggregate or whole-life contract value) and with or without VAT.

Modules: :mod:`.thresholds` (the bands and what each asks),
:mod:`.social_value_policy` (the policy object), :mod:`.provenance` (its owner and
where it comes from), :mod:`.vat` (the VAT basis), :mod:`.gm_policing` (the
built-in policy, citing its source).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.policy.gm_policing import default_policy
    from socialvalue.policy.provenance import PolicyOwner, PolicyProvenance
    from socialvalue.policy.social_value_policy import Policy
    from socialvalue.policy.thresholds import Basis, BoundaryChoice, Obligation, ThresholdRule
    from socialvalue.policy.vat import VatBasis

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.policy.thresholds": (
            "Basis",
            "BoundaryChoice",
            "Obligation",
            "ThresholdRule",
        ),
        "socialvalue.policy.social_value_policy": ("Policy",),
        "socialvalue.policy.provenance": (
            "PolicyOwner",
            "PolicyProvenance",
        ),
        "socialvalue.policy.vat": ("VatBasis",),
        "socialvalue.policy.gm_policing": ("default_policy",),
    },
)

__all__ = [
    "Basis",
    "BoundaryChoice",
    "Obligation",
    "Policy",
    "PolicyOwner",
    "PolicyProvenance",
    "ThresholdRule",
    "VatBasis",
    "default_policy",
]
