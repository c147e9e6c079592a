"""Social Value Model, Procurement Policy Note 06/20: five themes, eight outcomes.

Source: Cabinet Office, *Procurement Policy Note 06/20 — taking account of social
value in the award of central government contracts*, with its Social Value Model;
published September 2020 and applied from 1 January 2021. Themes and their
outcomes: COVID-19 recovery; tackling economic inequality (new businesses, jobs
and skills; supply-chain resilience and capacity); fighting climate change
(effective stewardship of the environment); equal opportunity (reduce the
disability employment gap; tackle workforce inequality); wellbeing (improve
health and wellbeing; improve community cohesion). Facts as gathered in the
project's domain notes, section 3.

Each priority here is one *outcome* (the model's Model Award Criteria level) and
names its theme; the themes are declared so that their titles can be reported.
The day of publication (24 September 2020) is from the note itself; the domain
notes confirm only the date it applied from.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from socialvalue.frameworks.model import Framework, Priority, Theme

__all__ = ["PPN_06_20"]

PPN_06_20: Final = Framework(
    id="ppn-06-20",
    title="Social Value Model (PPN 06/20)",
    version="2020",
    source="Cabinet Office, Procurement Policy Note 06/20: Taking account of social value in"
    " the award of central government contracts, and the Social Value Model; applies from"
    " 1 January 2021.",
    published=date(2020, 9, 24),
    themes=(
        Theme("covid-19-recovery", "COVID-19 recovery"),
        Theme("tackling-economic-inequality", "Tackling economic inequality"),
        Theme("fighting-climate-change", "Fighting climate change"),
        Theme("equal-opportunity", "Equal opportunity"),
        Theme("wellbeing", "Wellbeing"),
    ),
    priorities=(
        Priority(
            "covid-recovery",
            "Help local communities to manage and recover from the impact of COVID-19",
            "Work, training, support for businesses and community services that help"
            " places recover from the pandemic.",
            theme="covid-19-recovery",
        ),
        Priority(
            "new-jobs-skills",
            "Create new businesses, new jobs and new skills",
            "New businesses, jobs, apprenticeships and training, especially in places"
            " and sectors with too few of them.",
            theme="tackling-economic-inequality",
        ),
        Priority(
            "supply-chain-resilience",
            "Increase supply chain resilience and capacity",
            "Open the supply chain to SMEs and VCSEs, pay them fairly and promptly, and"
            " make it resilient.",
            theme="tackling-economic-inequality",
        ),
        Priority(
            "environmental-stewardship",
            "Effective stewardship of the environment",
            "Cut greenhouse gas emissions and waste, and protect and improve the"
            " environment, in delivering the contract.",
            theme="fighting-climate-change",
        ),
        Priority(
            "disability-employment-gap",
            "Reduce the disability employment gap",
            "Recruit, retain and develop disabled people in the contract workforce.",
            theme="equal-opportunity",
        ),
        Priority(
            "workforce-inequality",
            "Tackle workforce inequality",
            "Fair pay, opportunity and progression for under-represented groups in the"
            " contract workforce.",
            theme="equal-opportunity",
        ),
        Priority(
            "health-wellbeing",
            "Improve health and wellbeing",
            "Support the physical and mental health and wellbeing of the contract"
            " workforce and the community.",
            theme="wellbeing",
        ),
        Priority(
            "community-cohesion",
            "Improve community cohesion",
            "Work with communities to reduce isolation and build mutual understanding"
            " and integration.",
            theme="wellbeing",
        ),
    ),
)
