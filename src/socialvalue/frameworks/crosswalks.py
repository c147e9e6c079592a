"""Crosswalks onto the GM Social Value Framework 2020, with a rationale per link.

Two built-in crosswalks let commitments made under older vocabularies be reported
under the 2020 GM priorities (many to many: one old priority may count under two
new ones, and two old ones may meet in one):

- :data:`GM_2014_TO_2020`: GM Social Value Policy 2014 objectives → GM Social Value
  Framework 2020 priorities;
- :data:`GM_POLICING_TO_2020`: the policing and crime social value aims → GM Social
  Value Framework 2020 priorities.

The links are this library's reading of the two frameworks' published wording
(sources in :mod:`~socialvalue.frameworks.gm_2014`,
:mod:`~socialvalue.frameworks.gm_2020` and
:mod:`~socialvalue.frameworks.gm_policing`); GMCA publishes no official mapping.
Each link's ``rationale`` says why, so a reader can disagree precisely; build your
own :class:`~socialvalue.frameworks.model.Crosswalk` to report differently.
"""

from __future__ import annotations

from typing import Final

from socialvalue.frameworks.gm_2014 import GM_2014
from socialvalue.frameworks.gm_2020 import GM_2020
from socialvalue.frameworks.gm_policing import GM_POLICING
from socialvalue.frameworks.model import Crosswalk, CrosswalkLink

__all__ = ["GM_2014_TO_2020", "GM_POLICING_TO_2020"]

_L = CrosswalkLink

GM_2014_TO_2020: Final = Crosswalk(
    source=GM_2014,
    target=GM_2020,
    links=(
        _L(
            "employment",
            "skills-opportunities",
            "Jobs and apprenticeships for residents are the 2020 employment and skills priority.",
        ),
        _L(
            "employment",
            "local-supply-chain",
            "Economic sustainability in 2014 meant a local economy that keeps money and"
            " work in Greater Manchester, which 2020 asks of the supply chain.",
        ),
        _L(
            "living-standards",
            "best-employment",
            "Paying the living wage is the core of the 2020 'best employment' priority.",
        ),
        _L(
            "living-standards",
            "skills-opportunities",
            "Local recruitment, named in the 2014 objective, is how 2020 employment"
            " opportunities reach residents.",
        ),
        _L(
            "participation",
            "local-community",
            "Citizen participation and engagement happen in the strong local community"
            " that 2020 asks suppliers to be part of.",
        ),
        _L(
            "vcse-capacity",
            "local-community",
            "Volunteering, donations and partnership with community groups support the"
            " voluntary sector.",
        ),
        _L(
            "vcse-capacity",
            "local-supply-chain",
            "Buying from social enterprises and VCSEs builds their capacity and a"
            " GM-based supply chain.",
        ),
        _L(
            "equity-fairness",
            "skills-opportunities",
            "2020 asks that opportunities reach those furthest from work: fairness in"
            " who gets the jobs and training.",
        ),
        _L(
            "equity-fairness",
            "best-employment",
            "Fair pay and secure, fair work are the employment side of equity.",
        ),
        _L(
            "environmental-sustainability",
            "greener-organisation",
            "Less energy, waste and carbon in the supplier's own operations.",
        ),
        _L(
            "environmental-sustainability",
            "clean-air",
            "Cutting emissions from vehicles and buildings is the air-quality part of"
            " environmental sustainability.",
        ),
    ),
)

GM_POLICING_TO_2020: Final = Crosswalk(
    source=GM_POLICING,
    target=GM_2020,
    links=(
        _L(
            "resilient-communities",
            "local-community",
            "Communities become resilient through the local ties, volunteering and"
            " support that 2020 asks suppliers to give.",
        ),
        _L(
            "reduced-demand",
            "skills-opportunities",
            "Work and training for people furthest from work reduce their dependency on"
            " public services.",
        ),
        _L(
            "reduced-demand",
            "best-employment",
            "Secure, healthy, fairly paid work keeps people from needing health and"
            " welfare services.",
        ),
        _L(
            "lower-environmental-impact",
            "greener-organisation",
            "A greener supplier organisation lowers the environmental impact of what the"
            " commissioner buys.",
        ),
        _L(
            "lower-environmental-impact",
            "clean-air",
            "Lower vehicle and building emissions are part of a lower environmental impact.",
        ),
        _L(
            "social-capital",
            "local-community",
            "Citizenship, neighbourliness, networks and civic participation are the"
            " substance of a strong local community.",
        ),
        _L(
            "early-intervention",
            "local-community",
            "Crime-prevention work with community groups, the suppliers' contribution"
            " cited in 2017, is community work in 2020's terms.",
        ),
        _L(
            "early-intervention",
            "skills-opportunities",
            "Jobs and training for people at risk are prevention: they act before harm"
            " needs acute services.",
        ),
    ),
)
