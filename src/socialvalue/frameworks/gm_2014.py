"""GM Social Value Policy 2014: Greater Manchester's six social value objectives.

Source: Greater Manchester Combined Authority (GMCA), *Greater Manchester Social
Value Policy*, 28 November 2014 — six objectives: employment and economic
sustainability; raising the living standards of residents (living wage, local
recruitment); participation and citizen engagement; the capacity of the voluntary
and community sector; equity and fairness; environmental sustainability. Facts as
gathered in the project's domain notes, section 2.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue.frameworks.model import Framework, Priority

__all__ = ["GM_2014"]

GM_2014: Final = Framework(
    id="gm-sv-policy-2014",
    title="Greater Manchester Social Value Policy",
    version="2014",
    source="Greater Manchester Combined Authority, Greater Manchester Social Value Policy,"
    " 28 November 2014.",
    published=date(2014, 11, 28),
    priorities=(
        Priority(
            "employment",
            "Employment and economic sustainability",
            "Jobs, apprenticeships and a local economy that keeps working for Greater"
            " Manchester's residents and businesses.",
        ),
        Priority(
            "living-standards",
            "Raise the living standards of residents",
            "Pay at least the living wage and recruit locally, so that work lifts"
            " residents' incomes.",
        ),
        Priority(
            "participation",
            "Participation and citizen engagement",
            "Residents taking part in, and having a say over, the life of their"
            " communities and the services they use.",
        ),
        Priority(
            "vcse-capacity",
            "Build the capacity of the voluntary and community sector",
            "Support for voluntary, community and social enterprise organisations:"
            " time, skills, equipment and contracts.",
        ),
        Priority(
            "equity-fairness",
            "Equity and fairness",
            "Opportunities reaching the people and places that have had least of them.",
        ),
        Priority(
            "environmental-sustainability",
            "Environmental sustainability",
            "Less waste, energy and emissions; care for Greater Manchester's environment.",
        ),
    ),
)
