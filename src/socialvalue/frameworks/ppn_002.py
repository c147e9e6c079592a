"""Social Value Model, Procurement Policy Note 002, at the level of its five missions.

Source: Cabinet Office, *Procurement Policy Note 002 — taking account of social
value in the award of central government contracts* (published 13 February 2025,
mandatory for central government from 1 October 2025). The note "updates the
Social Value Model" and "aligns it with the Government's missions"; the missions
are the five the Government set out in *Plan for Change: milestones for
mission-led government* (Prime Minister's Office, 5 December 2024). Facts as
gathered in the project's domain notes, section 3, with the mission titles from
the Plan for Change.

Why missions and not outcomes: the model nests eight outcomes under the missions,
but the project's sources give their number and not their names, and a priority
here must carry a name a reader can check. Value reported under this framework is
therefore reported per mission, the level the note itself asks contracting
authorities to contribute to. A body that needs the outcomes loads them as a
``framework`` document, with a ``crosswalk`` document to it.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue.frameworks.model import Framework, Priority

__all__ = ["PPN_002_MISSIONS"]

PPN_002_MISSIONS: Final = Framework(
    id="ppn-002-missions",
    title="Social Value Model (PPN 002): the Government's missions",
    version="2025",
    source="Cabinet Office, Procurement Policy Note 002: Taking account of social value in"
    " the award of central government contracts, 13 February 2025 (mandatory from"
    " 1 October 2025); mission titles from Prime Minister's Office, Plan for Change:"
    " milestones for mission-led government, 5 December 2024.",
    published=date(2025, 2, 13),
    priorities=(
        Priority(
            "economic-growth",
            "Kickstart economic growth",
            "Good jobs, investment, thriving businesses and supply chains, and higher"
            " living standards across the country.",
        ),
        Priority(
            "clean-energy",
            "Make Britain a clean energy superpower",
            "Clean power and faster progress to net zero: less energy, carbon and waste"
            " in delivering the contract.",
        ),
        Priority(
            "safer-streets",
            "Take back our streets",
            "Less serious violent crime and more confidence in the police and criminal"
            " justice system, in safe and cohesive neighbourhoods.",
        ),
        Priority(
            "opportunity",
            "Break down barriers to opportunity",
            "Skills, training and fair access to work and progression for people whatever"
            " their background.",
        ),
        Priority(
            "nhs-future",
            "Build an NHS fit for the future",
            "Better health and wellbeing, so that people live well for longer and need"
            " acute care less.",
        ),
    ),
)
