"""The default Greater Manchester review catalogue, aligned to the source policy's aims.

Framework: ``gm-policing-sv``, the aims of the Greater Manchester policing and crime
social value policy (resilient communities, reduced demand for public services,
lower environmental impact, more social capital, early intervention and
prevention). The measures are the contributions that policy and the commissioner's
2016 spend review cite: local jobs, apprentices, long-term unemployed people hired,
volunteering and expert time for community groups, donations, spend with local SMEs
and VCSEs, emissions cut and early-intervention work.

Proxy values are given **only where a public source states the figure**:

- staff volunteering time, **£16.93 per hour**, and expert (professional) time,
  **£101.00 per hour**, from the Essex County Council local variant of the TOMs
  (2023 edition, price base 2023).

Every other measure is *record-only*: reported as a count in its unit and never
given a borrowed value. National TOMs and HACT Social Value Bank figures are
licensed and are not bundled; load a catalogue that uses them with
``socialvalue.load("measure-catalogue", {...})``.

Three record-only measures in pounds carry a supplier's local re-spend for the LM3
local multiplier (New Economics Foundation, *The Money Trail: measuring your impact
on the local economy using LM3*, Sacks, 2002): its spend with Greater Manchester
suppliers and its pay to staff living in Greater Manchester (round 2), and, where a
survey of those suppliers and staff gives it, what they re-spend in Greater
Manchester (round 3). :data:`GM_RESPEND_MEASURES` names them for
:func:`socialvalue.regional_report`. Version 2026.2 added them.

No adjustments are preset: published deadweight or attribution rates depend on the
contract, so set them per measure in your own catalogue or per scoring method.
"""

from __future__ import annotations

import functools
from typing import Final

from socialvalue.money import Money
from socialvalue.review.local_respend import RespendMeasures
from socialvalue.review.measures import (
    MeasureCatalogue,
    MeasureKind,
    ProxyValue,
    ReviewMeasure,
    Unit,
)

__all__ = ["CATALOGUE_ID", "ESSEX_2023_SOURCE", "GM_RESPEND_MEASURES", "default_catalogue"]

#: Id of the default catalogue.
CATALOGUE_ID: Final = "gm-policing-sv-review"
#: The publication the bundled proxy values come from.
ESSEX_2023_SOURCE: Final = (
    "Essex County Council, local variant of the Themes, Outcomes and Measures (TOMs)"
    " social value measures"
)

_RESILIENT = "resilient-communities"
_DEMAND = "reduced-demand"
_ENVIRONMENT = "lower-environmental-impact"
_CAPITAL = "social-capital"
_EARLY = "early-intervention"

_RECORD = MeasureKind.RECORD_ONLY

#: The default catalogue's measures of local re-spend, the rounds LM3 follows.
GM_RESPEND_MEASURES: Final = RespendMeasures(
    supply_chain="GM-SPEND-LOCAL-SUPPLY-CHAIN",
    staff="GM-SPEND-LOCAL-STAFF",
    round3="GM-LM3-ROUND3",
)


def _essex(amount: str) -> ProxyValue:
    return ProxyValue(Money(amount), ESSEX_2023_SOURCE, "2023", 2023)


@functools.cache
def default_catalogue() -> MeasureCatalogue:
    """The bundled catalogue for the ``gm-policing-sv`` framework.

    The catalogue is immutable, so every call returns the same object.

    >>> catalogue = default_catalogue()
    >>> catalogue.framework_id, len(catalogue)
    ('gm-policing-sv', 15)
    >>> [m.code for m in catalogue if m.proxy is not None]
    ['GM-VOLUNTEER-HOURS', 'GM-EXPERT-HOURS']
    """
    measures = (
        ReviewMeasure(
            "GM-JOBS-LOCAL",
            "Greater Manchester residents employed on the contract (FTE)",
            Unit.FTE,
            _RECORD,
            (_RESILIENT, _DEMAND),
        ),
        ReviewMeasure(
            "GM-APPRENTICES",
            "Apprenticeships started by Greater Manchester residents",
            Unit.PEOPLE,
            _RECORD,
            (_RESILIENT, _EARLY),
        ),
        ReviewMeasure(
            "GM-LTU-HIRED",
            "Long-term unemployed people hired (FTE)",
            Unit.FTE,
            _RECORD,
            (_DEMAND, _RESILIENT),
        ),
        ReviewMeasure(
            "GM-VOLUNTEER-HOURS",
            "Staff volunteering hours for local community groups and projects",
            Unit.HOURS,
            MeasureKind.SOCIAL,
            (_CAPITAL, _RESILIENT),
            _essex("16.93"),
        ),
        ReviewMeasure(
            "GM-EXPERT-HOURS",
            "Expert (professional) staff hours given to VCSE organisations",
            Unit.HOURS,
            MeasureKind.SOCIAL,
            (_CAPITAL,),
            _essex("101.00"),
        ),
        ReviewMeasure(
            "GM-DONATIONS",
            "Money donated to Greater Manchester community projects",
            Unit.GBP,
            _RECORD,
            (_CAPITAL, _RESILIENT),
        ),
        ReviewMeasure(
            "GM-SPEND-LOCAL-SME",
            "Contract spend with Greater Manchester SMEs",
            Unit.GBP,
            _RECORD,
            (_RESILIENT,),
        ),
        ReviewMeasure(
            "GM-SPEND-LOCAL-VCSE",
            "Contract spend with Greater Manchester VCSE organisations",
            Unit.GBP,
            _RECORD,
            (_CAPITAL, _RESILIENT),
        ),
        ReviewMeasure(
            "GM-SPEND-LOCAL-SUPPLY-CHAIN",
            "Contract income spent with suppliers in Greater Manchester (LM3 round 2)",
            Unit.GBP,
            _RECORD,
            (_RESILIENT,),
        ),
        ReviewMeasure(
            "GM-SPEND-LOCAL-STAFF",
            "Contract income paid to staff living in Greater Manchester (LM3 round 2)",
            Unit.GBP,
            _RECORD,
            (_RESILIENT, _DEMAND),
        ),
        ReviewMeasure(
            "GM-LM3-ROUND3",
            "Of that, re-spent in Greater Manchester by those suppliers and staff, from a"
            " survey of them (LM3 round 3)",
            Unit.GBP,
            _RECORD,
            (_RESILIENT,),
        ),
        ReviewMeasure(
            "GM-CO2E-SAVED",
            "Greenhouse gas emissions cut on the contract (tonnes CO2e)",
            Unit.TONNES_CO2E,
            _RECORD,
            (_ENVIRONMENT,),
        ),
        ReviewMeasure(
            "GM-EARLY-INTERVENTION",
            "Early intervention and prevention sessions run with community groups",
            Unit.COUNT,
            _RECORD,
            (_EARLY, _DEMAND),
        ),
        ReviewMeasure(
            "GM-SCHOOL-VISITS",
            "School and college visits (careers, crime prevention)",
            Unit.COUNT,
            _RECORD,
            (_EARLY,),
        ),
        ReviewMeasure(
            "GM-LIVING-WAGE",
            "Share of contract staff paid at least the real Living Wage",
            Unit.PERCENT,
            _RECORD,
            (_RESILIENT,),
        ),
    )
    return MeasureCatalogue(CATALOGUE_ID, "2026.2", "gm-policing-sv", measures)
