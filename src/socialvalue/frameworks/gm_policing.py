"""The source policy's own aims: Greater Manchester policing and crime social value.

Source: the Social Value Policy of the Police and Crime Commissioner for Greater
Manchester (the office whose duties passed to the Mayor of Greater Manchester on
8 May 2017). Its vision: resilient communities; less demand for public services;
lower environmental impacts; more social capital (citizenship, neighbourliness,
social networks, civic participation); and its commissioning aim of targeting
resources at early intervention and prevention. Facts as gathered in the
project's domain notes, section 1.

The policy's publication date is not stated in any source read *(unconfirmed)*.
The framework carries 8 May 2017, the last day the commissioner's office could
have published it, so that nothing dated by it claims to be older than it is.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue.frameworks.model import Framework, Priority

__all__ = ["GM_POLICING"]

GM_POLICING: Final = Framework(
    id="gm-policing-sv",
    title="Greater Manchester policing and crime social value aims",
    version="2017",
    source=(
        "Police and Crime Commissioner for Greater Manchester, Social Value Policy"
        " (vision and commissioning aims); publication date unconfirmed, no later than"
        " 8 May 2017 when the Mayor took over policing and crime."
    ),
    published=date(2017, 5, 8),
    priorities=(
        Priority(
            "resilient-communities",
            "Resilient communities",
            "Communities that can withstand and recover from crime, harm and hardship,"
            " with the confidence and means to help themselves.",
        ),
        Priority(
            "reduced-demand",
            "Reduced demand for public services",
            "Less dependency on public services, so that police, health and council"
            " resources go where nothing else can help.",
        ),
        Priority(
            "lower-environmental-impact",
            "Lower environmental impact",
            "Less waste, energy use and emissions from the goods and services bought and"
            " from the way suppliers deliver them.",
        ),
        Priority(
            "social-capital",
            "More social capital",
            "Citizenship, neighbourliness, social networks and civic participation:"
            " people who know, help and speak up for one another.",
        ),
        Priority(
            "early-intervention",
            "Early intervention and prevention",
            "Resources targeted at preventing crime and harm early, before problems"
            " need acute or emergency services.",
        ),
    ),
)
