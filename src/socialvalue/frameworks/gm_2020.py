"""GM Social Value Framework 2020: Greater Manchester's six social value priorities.

Source: Greater Manchester Combined Authority, *Greater Manchester Social Value
Framework* (2020), as summarised on greatermanchester-ca.gov.uk, "Social Value can
make Greater Manchester a better place" — six priorities: provide the best
employment you can; keep the air clean; create the employment and skills
opportunities to build back better; be part of a strong local community; make your
organisation greener; develop a local, GM-based and resilient supply chain. Facts
as gathered in the project's domain notes, section 2.

The day of publication in 2020 is not stated in the source read *(unconfirmed)*;
the framework carries 1 January 2020 to stand for the year.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue.frameworks.model import Framework, Priority

__all__ = ["GM_2020"]

GM_2020: Final = Framework(
    id="gm-sv-framework-2020",
    title="Greater Manchester Social Value Framework",
    version="2020",
    source="Greater Manchester Combined Authority, Greater Manchester Social Value Framework"
    " (2020); greatermanchester-ca.gov.uk, 'Social Value can make Greater Manchester a better"
    " place'. Day of publication unconfirmed.",
    published=date(2020, 1, 1),
    priorities=(
        Priority(
            "best-employment",
            "Provide the best employment that you can",
            "Good work: the real Living Wage, secure and flexible contracts, voice, and"
            " health and wellbeing at work (the GM Good Employment Charter's ground).",
        ),
        Priority(
            "clean-air",
            "Keep the air clean",
            "Cut the vehicle, building and process emissions that harm the air"
            " Greater Manchester breathes.",
        ),
        Priority(
            "skills-opportunities",
            "Create employment and skills opportunities to build back better",
            "Jobs, apprenticeships, training and work placements for residents,"
            " especially those furthest from work.",
        ),
        Priority(
            "local-community",
            "Be part of a strong local community",
            "Volunteering, donations and partnership with community groups and the"
            " voluntary sector where the work is done.",
        ),
        Priority(
            "greener-organisation",
            "Make your organisation greener",
            "Less energy, waste, water and carbon in the way the organisation itself works.",
        ),
        Priority(
            "local-supply-chain",
            "Develop a local, GM-based and resilient supply chain",
            "Buy from Greater Manchester businesses, SMEs and social enterprises and"
            " help them grow.",
        ),
    ),
)
