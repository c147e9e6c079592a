"""Crosswalks onto the missions of the PPN 002 Social Value Model, with a reason per link.

Three built-in crosswalks let a commissioner report the year's social value against
the Government's five missions, the level at which PPN 002 (Cabinet Office,
13 February 2025) aligns the Social Value Model:

- :data:`GM_POLICING_TO_PPN_002`: the policing and crime social value aims → missions;
- :data:`GM_2020_TO_PPN_002`: GM Social Value Framework 2020 priorities → missions;
- :data:`PPN_06_20_TO_PPN_002`: the eight outcomes of the 2020 model → missions, for
  bodies whose commitments were made under PPN 06/20.

Sources: those cited in :mod:`~socialvalue.frameworks.ppn_002`,
:mod:`~socialvalue.frameworks.gm_policing`, :mod:`~socialvalue.frameworks.gm_2020`
and :mod:`~socialvalue.frameworks.ppn_06_20`. No public body publishes a mapping
between these vocabularies: the links are this library's reading of the published
wording, and each link's ``rationale`` says why, so that a reader can disagree
precisely and load a crosswalk of their own.

Every GM aim and priority reaches a mission. The policing aims speak of
communities, demand, the environment and prevention, not of growth, so nothing
from them reaches "Kickstart economic growth".
"""

from __future__ import annotations

from typing import Final

from socialvalue.frameworks.gm_2020 import GM_2020
from socialvalue.frameworks.gm_policing import GM_POLICING
from socialvalue.frameworks.model import Crosswalk, CrosswalkLink
from socialvalue.frameworks.ppn_002 import PPN_002_MISSIONS
from socialvalue.frameworks.ppn_06_20 import PPN_06_20

__all__ = ["GM_2020_TO_PPN_002", "GM_POLICING_TO_PPN_002", "PPN_06_20_TO_PPN_002"]

_L = CrosswalkLink

GM_POLICING_TO_PPN_002: Final = Crosswalk(
    source=GM_POLICING,
    target=PPN_002_MISSIONS,
    links=(
        _L(
            "resilient-communities",
            "safer-streets",
            "Communities that withstand crime and hardship together are the safe"
            " neighbourhoods the streets mission asks for.",
        ),
        _L(
            "reduced-demand",
            "opportunity",
            "Work and skills reduce people's dependency on public services, the policy's"
            " first commissioning aim, by opening opportunity to them.",
        ),
        _L(
            "reduced-demand",
            "nhs-future",
            "Better health and wellbeing is less demand on the NHS, which the health"
            " mission asks for.",
        ),
        _L(
            "lower-environmental-impact",
            "clean-energy",
            "Cutting energy, carbon and waste in delivering the contract is progress to net zero.",
        ),
        _L(
            "social-capital",
            "safer-streets",
            "Neighbourliness, social networks and civic participation are what safe,"
            " confident neighbourhoods stand on.",
        ),
        _L(
            "early-intervention",
            "safer-streets",
            "Crime prevention with community groups, the suppliers' contribution the"
            " commissioner cited in 2017, acts before harm is done.",
        ),
        _L(
            "early-intervention",
            "nhs-future",
            "Prevention acts on health before harm needs acute or emergency care.",
        ),
    ),
)

GM_2020_TO_PPN_002: Final = Crosswalk(
    source=GM_2020,
    target=PPN_002_MISSIONS,
    links=(
        _L(
            "best-employment",
            "economic-growth",
            "Good jobs on the real Living Wage raise living standards, which the growth"
            " mission measures itself by.",
        ),
        _L(
            "best-employment",
            "nhs-future",
            "Health and wellbeing at work is one of the GM Good Employment Charter"
            " characteristics this priority stands on.",
        ),
        _L(
            "clean-air",
            "clean-energy",
            "Cutting vehicle and building emissions is progress to net zero, which the"
            " clean energy mission accelerates.",
        ),
        _L(
            "skills-opportunities",
            "opportunity",
            "Jobs, apprenticeships and training for residents furthest from work break"
            " down barriers to opportunity.",
        ),
        _L(
            "local-community",
            "safer-streets",
            "Volunteering and partnership with community groups where the work is done"
            " build the cohesive neighbourhoods the streets mission relies on.",
        ),
        _L(
            "greener-organisation",
            "clean-energy",
            "Less energy, waste and carbon in the supplier's own operations is progress"
            " to net zero.",
        ),
        _L(
            "local-supply-chain",
            "economic-growth",
            "Buying from local businesses, SMEs and social enterprises and helping them"
            " grow is growth where the money is spent.",
        ),
    ),
)

PPN_06_20_TO_PPN_002: Final = Crosswalk(
    source=PPN_06_20,
    target=PPN_002_MISSIONS,
    links=(
        _L(
            "covid-recovery",
            "economic-growth",
            "Recovery from the pandemic's economic shock, through work and support for"
            " businesses, is growth restored.",
        ),
        _L(
            "new-jobs-skills",
            "economic-growth",
            "New businesses and new jobs are growth in the economy.",
        ),
        _L(
            "new-jobs-skills",
            "opportunity",
            "New skills and apprenticeships open opportunity to the people who gain them.",
        ),
        _L(
            "supply-chain-resilience",
            "economic-growth",
            "A resilient supply chain open to SMEs and VCSEs, paid fairly and promptly,"
            " lets those businesses grow.",
        ),
        _L(
            "environmental-stewardship",
            "clean-energy",
            "Cutting greenhouse gas emissions in delivering the contract is progress to net zero.",
        ),
        _L(
            "disability-employment-gap",
            "opportunity",
            "Recruiting and developing disabled people removes a barrier to opportunity.",
        ),
        _L(
            "workforce-inequality",
            "opportunity",
            "Fair pay and progression for under-represented groups is opportunity for"
            " every background.",
        ),
        _L(
            "health-wellbeing",
            "nhs-future",
            "Better health and wellbeing means people live well for longer and need acute"
            " care less.",
        ),
        _L(
            "community-cohesion",
            "safer-streets",
            "Cohesive communities, with less isolation and more mutual understanding,"
            " are safer ones.",
        ),
    ),
)
