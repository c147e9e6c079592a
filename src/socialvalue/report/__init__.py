"""The regional report: the social contribution made to the Greater Manchester region.

The Review exists "to measure the social contribution we and our suppliers are
making to the Greater Manchester region" (the source policy); this area adds up a
year's assessments, Charter signups and scored Reviews into one report whose every
figure is traceable. :mod:`.regional` builds it; :mod:`.model` is the report and its
published form; :mod:`.sections`, :mod:`.cuts`, :mod:`.duties`, :mod:`.priorities` and
:mod:`.figures` make its parts, :mod:`.lm3` the local multiplier and
:mod:`.contract_kpis` delivery against contract KPIs; :mod:`.breakdowns` its tables
by borough, supplier type and priority; :mod:`.summary` its text; :mod:`.page` the
page with charts; :mod:`.worked_example` a worked example year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialvalue._lazy import attach

if TYPE_CHECKING:
    from socialvalue.report.breakdowns import Breakdown, BreakdownRow, ReportCut
    from socialvalue.report.charts import ChartsUnavailable
    from socialvalue.report.contract_kpis import (
        KpiDelivery,
        KpiDeliveryReport,
        KpiStatus,
        kpi_delivery,
    )
    from socialvalue.report.figures import (
        CaveatKind,
        ReportCaveat,
        ReportChange,
        ReportFigure,
        ReportSection,
    )
    from socialvalue.report.model import PublishedReport, RegionalReport
    from socialvalue.report.page import report_page
    from socialvalue.report.regional import regional_report
    from socialvalue.report.worked_example import ExampleYear, example_year

__getattr__, __dir__ = attach(
    globals(),
    {
        "socialvalue.report.breakdowns": ("Breakdown", "BreakdownRow", "ReportCut"),
        "socialvalue.report.contract_kpis": (
            "KpiDelivery",
            "KpiDeliveryReport",
            "KpiStatus",
            "kpi_delivery",
        ),
        "socialvalue.report.figures": (
            "CaveatKind",
            "ReportCaveat",
            "ReportChange",
            "ReportFigure",
            "ReportSection",
        ),
        "socialvalue.report.model": (
            "PublishedReport",
            "RegionalReport",
        ),
        "socialvalue.report.charts": ("ChartsUnavailable",),
        "socialvalue.report.page": ("report_page",),
        "socialvalue.report.regional": ("regional_report",),
        "socialvalue.report.worked_example": (
            "ExampleYear",
            "example_year",
        ),
    },
)

__all__ = [
    "Breakdown",
    "BreakdownRow",
    "KpiDelivery",
    "KpiDeliveryReport",
    "KpiStatus",
    "kpi_delivery",
    "CaveatKind",
    "ChartsUnavailable",
    "ExampleYear",
    "PublishedReport",
    "RegionalReport",
    "ReportCaveat",
    "ReportChange",
    "ReportCut",
    "ReportFigure",
    "ReportSection",
    "example_year",
    "regional_report",
    "report_page",
]
