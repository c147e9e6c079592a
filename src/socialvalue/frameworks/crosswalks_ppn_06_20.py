"""Crosswalks onto the national Social Value Model (PPN 06/20), with a rationale per link.

Two built-in crosswalks let a commissioner report the year's social value under the
central government model as well as under Greater Manchester's own priorities:

- :data:`GM_POLICING_TO_PPN_06_20`: the policing and crime social value aims →
  the Social Value Model's eight outcomes;
- :data:`GM_2020_TO_PPN_06_20`: GM Social Value Framework 2020 priorities → the
  same outcomes.

Sources: Cabinet Office, *Procurement Policy Note 06/20 — taking account of social
value in the award of central government contracts* and its Social Value Model
(applies from 1 January 2021: five themes, eight outcomes), with the GM sources
cited in :mod:`~socialvalue.frameworks.gm_policing` and
:mod:`~socialvalue.frameworks.gm_2020`. Facts as gathered in the project's domain
notes, sections 1 to 3.

Neither government nor GMCA publishes a mapping between these vocabularies: the
links are this library's reading of the published wording, and each link's
``rationale`` says why, so a reader can disagree precisely and load a crosswalk of
their own (``socialvalue.load("crosswalk", {...})``).

No GM priority or policing aim names disabled people, so nothing is carried to the
outcome "Reduce the disability employment gap": value reported under GM
vocabularies never appears there. The policing aims say nothing of employment
terms or of the supply chain, so from them nothing reaches "Tackle workforce
inequality" or "Increase supply chain resilience and capacity" either.

**PPN 002** (Cabinet Office, 13 February 2025; mandatory for central government
from 1 October 2025) aligns the model with the Government's five missions: see
:mod:`~socialvalue.frameworks.crosswalks_ppn_002` for the crosswalks onto them.
"""

from __future__ import annotations

from typing import Final

from socialvalue.frameworks.gm_2020 import GM_2020
from socialvalue.frameworks.gm_policing import GM_POLICING
from socialvalue.frameworks.model import Crosswalk, CrosswalkLink
from socialvalue.frameworks.ppn_06_20 import PPN_06_20

__all__ = ["GM_2020_TO_PPN_06_20", "GM_POLICING_TO_PPN_06_20"]

_L = CrosswalkLink

GM_POLICING_TO_PPN_06_20: Final = Crosswalk(
    source=GM_POLICING,
    target=PPN_06_20,
    links=(
        _L(
            "resilient-communities",
            "community-cohesion",
            "A resilient community is a cohesive one: people who know and support each"
            " other withstand crime and hardship together.",
        ),
        _L(
            "resilient-communities",
            "covid-recovery",
            "The model's COVID-19 outcome asks suppliers to help communities manage and"
            " recover from a shock, which is what resilience means.",
        ),
        _L(
            "reduced-demand",
            "new-jobs-skills",
            "Work and skills reduce people's dependency on public services, the policy's"
            " first commissioning aim.",
        ),
        _L(
            "reduced-demand",
            "health-wellbeing",
            "Better health and wellbeing is less demand on health, welfare and police services.",
        ),
        _L(
            "lower-environmental-impact",
            "environmental-stewardship",
            "Cutting emissions and waste in delivering the contract is the model's"
            " stewardship of the environment.",
        ),
        _L(
            "social-capital",
            "community-cohesion",
            "Citizenship, neighbourliness, social networks and civic participation are"
            " what community cohesion is made of.",
        ),
        _L(
            "early-intervention",
            "health-wellbeing",
            "Prevention acts on health and wellbeing before harm needs acute or emergency"
            " services.",
        ),
        _L(
            "early-intervention",
            "community-cohesion",
            "Crime-prevention work with community groups, the suppliers' contribution the"
            " commissioner cited in 2017, builds cohesion where it is done.",
        ),
    ),
)

GM_2020_TO_PPN_06_20: Final = Crosswalk(
    source=GM_2020,
    target=PPN_06_20,
    links=(
        _L(
            "best-employment",
            "workforce-inequality",
            "Fair pay (the real Living Wage) and secure work are how the model's"
            " workforce-inequality outcome is met.",
        ),
        _L(
            "best-employment",
            "health-wellbeing",
            "Health and wellbeing at work is one of the characteristics of the GM Good"
            " Employment Charter that this priority stands on.",
        ),
        _L(
            "clean-air",
            "environmental-stewardship",
            "Cutting vehicle and building emissions is environmental stewardship in"
            " delivering the contract.",
        ),
        _L(
            "skills-opportunities",
            "new-jobs-skills",
            "Both ask for new jobs, apprenticeships and skills for residents.",
        ),
        _L(
            "skills-opportunities",
            "covid-recovery",
            "'Build back better' is the GM 2020 wording for recovery from the pandemic,"
            " the model's COVID-19 theme.",
        ),
        _L(
            "local-community",
            "community-cohesion",
            "Volunteering and partnership with community groups where the work is done"
            " build community cohesion.",
        ),
        _L(
            "greener-organisation",
            "environmental-stewardship",
            "Less energy, waste and carbon in the supplier's own operations.",
        ),
        _L(
            "local-supply-chain",
            "supply-chain-resilience",
            "Both ask for a resilient supply chain; GM 2020 adds that it be local and GM-based.",
        ),
    ),
)
