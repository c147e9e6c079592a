"""The Greater Manchester policing-and-crime social value policy.

Source: Greater Manchester Police and Crime Commissioner, "Social value" (policy
page, gmpcc.org.uk/about/how-we-work/social-value/, read 2026). It applies the
Public Services (Social Value) Act 2012 to the commissioner's commissioning and
procurement: suppliers the office spends **£50k or less** with sign the Social
Value Charter; suppliers it spends **£50k or more** with complete the Social Value
Review. Greater Manchester no longer has a Police and Crime Commissioner: the Mayor
of Greater Manchester took on policing and crime on 8 May 2017, and owns the policy.

The source leaves four questions open; this module answers each explicitly, and
every answer is a keyword of :func:`default_policy`:

- **boundary** — exactly £50,000.00 is in both bands. Default: the Review, the
  stricter duty, so that no supplier at the line escapes measurement.
- **basis** — spend with the supplier, aggregated per financial year (1 April to
  31 March), because the source speaks of what the office "spends with" a supplier
  and reported its spend per supplier per year (£59m with 1,393 GM organisations in
  2016). Whole-life contract value is the alternative.
- **VAT basis** — net of VAT, because the spend the office publishes and reports
  (its "expenditure over £500" transparency data) is net of recoverable VAT, and an
  annual-spend rule should test the figures the office already holds. A policy
  that tests gross amounts refuses net lines rather than guess the VAT.
- **effective date** — the source is undated; the policy is taken as effective in
  its present ownership from 8 May 2017, the day the Mayor took on the role.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue.money import Money
from socialvalue.policy.provenance import PolicyOwner
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.thresholds import Basis, BoundaryChoice, Obligation, ThresholdRule
from socialvalue.policy.vat import VatBasis

__all__ = ["SOURCE", "THRESHOLD", "default_policy"]

#: The amount at which the source's two bands meet (and overlap).
THRESHOLD: Final = Money("50000")

#: Where the rule comes from.
SOURCE: Final = (
    "Greater Manchester Police and Crime Commissioner, Social value policy"
    " (gmpcc.org.uk/about/how-we-work/social-value/): spend of £50k or less with a"
    " supplier, the Social Value Charter; £50k or more, the Social Value Review."
)

_OWNER: Final = PolicyOwner(
    name="Mayor of Greater Manchester",
    role=(
        "Holds the policing and crime functions of the former Greater Manchester Police"
        " and Crime Commissioner"
    ),
    since=date(2017, 5, 8),
)


@typed_arguments
def default_policy(
    boundary: BoundaryChoice = BoundaryChoice.REVIEW,
    *,
    basis: Basis = Basis.ANNUAL_SPEND,
    vat_basis: VatBasis = VatBasis.NET,
) -> Policy:
    """The Greater Manchester policing-and-crime policy, with its open choices as keywords.

    >>> default_policy().obligation_for(Money("50000.00")).value
    'review'
    >>> default_policy(BoundaryChoice.CHARTER).obligation_for(Money("50000.00")).value
    'charter'
    """
    return Policy(
        id="gm-policing-sv",
        title="Greater Manchester policing and crime social value policy",
        version="2017",
        owner=_OWNER,
        effective=date(2017, 5, 8),
        source=SOURCE,
        rules=(
            ThresholdRule(Obligation.CHARTER, upper=THRESHOLD, upper_inclusive=True),
            ThresholdRule(Obligation.REVIEW, lower=THRESHOLD, lower_inclusive=True),
        ),
        boundary=boundary,
        basis=basis,
        vat_basis=vat_basis,
    )
