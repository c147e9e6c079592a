"""A bundled example year: invented suppliers, spend, Charters and Reviews for 2025/26.

Small enough to check by hand and varied enough to show every part of the
:func:`~socialvalue.report.regional_report`: twelve suppliers of every type, in six
boroughs and outside Greater Manchester, one missing from the supplier list; spend
on both sides of the £50,000 threshold; four Reviews (one declared twice, two with
their local re-spend for LM3) and a missing one; Charters active, expired and
missing. Every name and figure is invented for illustration. The tutorial "The
commissioner's annual report" walks through it, and the command line's demo prints
its summary.

>>> year = example_year()
>>> report = year.report()
>>> report.amount("spend", "total").format(), report.amount("spend", "local").format()
('£1,258,400.00', '£731,400.00')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._numbers import in_library_context, library_context_methods
from socialvalue._typed import typed_fields
from socialvalue.charter.signups import CharterCommitment, CharterSignup
from socialvalue.money import Money
from socialvalue.periods import Period, parse_financial_year
from socialvalue.policy.gm_policing import default_policy
from socialvalue.policy.social_value_policy import Policy
from socialvalue.policy.vat import VatBasis
from socialvalue.report.model import RegionalReport
from socialvalue.report.regional import regional_report
from socialvalue.review.gm_catalogue import default_catalogue
from socialvalue.review.measures import MeasureCatalogue
from socialvalue.review.submissions import Declaration, ReportedLine, ReviewSubmission
from socialvalue.spend.assessment import AssessmentResult
from socialvalue.spend.assessment_rules import assess
from socialvalue.spend.payments import SpendLine
from socialvalue.spend.suppliers import Borough, Location, OrganisationType, Supplier

__all__ = ["ExampleYear", "example_year"]

_T = OrganisationType
_B = Borough
#: id, name, type, borough (None: outside Greater Manchester), postcode.
_SUPPLIERS: Final = (
    ("100101", "Irwell Facilities Ltd", _T.LARGE, _B.SALFORD, "M5 4WT"),
    ("100102", "Pennine Print Co", _T.SMALL, _B.OLDHAM, "OL1 1AA"),
    ("100103", "Bolton Youth Trust", _T.VCSE, _B.BOLTON, "BL1 1AA"),
    ("100104", "Northern Fleet Services plc", _T.LARGE, None, "LS1 4AP"),
    ("100105", "Stockport Safety Training", _T.MICRO, _B.STOCKPORT, "SK1 3AA"),
    ("100106", "Wigan Community Meals", _T.VCSE, _B.WIGAN, "WN1 1AA"),
    ("100107", "Cheshire Custodial Ltd", _T.MEDIUM, None, "CW1 2AA"),
    ("100108", "Trafford Council", _T.PUBLIC, _B.TRAFFORD, "M32 0TH"),
    ("100109", "Mancunian IT Support", _T.MEDIUM, _B.MANCHESTER, "M1 1AD"),
    ("100110", "Salford Green Cleaning", _T.SMALL, _B.SALFORD, "M6 5AA"),
    ("100111", "National Forensics Group", _T.LARGE, None, "B1 1AA"),
)
#: supplier id → payments in the year (month, amount); 100112 is not in the list.
_SPEND: Final = {
    "100101": ((5, "180000.00"), (11, "140000.00")),
    "100102": ((6, "12400.00"), (1, "9600.00")),
    "100103": ((7, "46000.00"),),
    "100104": ((4, "210000.00"), (10, "95000.00")),
    "100105": ((9, "8200.00"),),
    "100106": ((12, "31000.00"),),
    "100107": ((8, "52000.00"),),
    "100108": ((6, "65000.00"),),
    "100109": ((5, "120000.00"), (2, "60000.00")),
    "100110": ((11, "61000.00"), (3, "-1800.00")),
    "100111": ((9, "148000.00"),),
    "100112": ((2, "22000.00"),),
}
_L = ReportedLine
#: supplier id → (declared on, reported lines): four Reviews, 100101's declared twice;
#: two report their local re-spend (LM3), one of them without round 3.
_REVIEWS: Final = (
    ("100101", date(2026, 4, 10), (_L("GM-VOLUNTEER-HOURS", Decimal(300)),)),
    (
        "100101",
        date(2026, 5, 2),
        (
            _L("GM-VOLUNTEER-HOURS", Decimal(420)),
            _L("GM-EXPERT-HOURS", Decimal(35)),
            _L("GM-JOBS-LOCAL", Decimal("14.5")),
            _L("GM-APPRENTICES", Decimal(3)),
            _L("GM-LIVING-WAGE", Decimal(100)),
            _L("GM-SPEND-LOCAL-SUPPLY-CHAIN", Decimal(96000)),
            _L("GM-SPEND-LOCAL-STAFF", Decimal(112000)),
            _L("GM-LM3-ROUND3", Decimal(62400)),
        ),
    ),
    (
        "100104",
        date(2026, 4, 28),
        (
            _L("GM-VOLUNTEER-HOURS", Decimal(160)),
            _L("GM-VOLUNTEER-HOURS", Decimal(40), local=False),
            _L("GM-CO2E-SAVED", Decimal("12.4")),
        ),
    ),
    (
        "100109",
        date(2026, 4, 30),
        (
            _L("GM-EXPERT-HOURS", Decimal(60)),
            _L("GM-SCHOOL-VISITS", Decimal(6)),
            _L("GM-JOBS-LOCAL", Decimal(4)),
            _L("GM-SPEND-LOCAL-SUPPLY-CHAIN", Decimal(27000)),
            _L("GM-SPEND-LOCAL-STAFF", Decimal(81000)),
        ),
    ),
    (
        "100110",
        date(2026, 5, 15),
        (_L("GM-VOLUNTEER-HOURS", Decimal(75)), _L("GM-APPRENTICES", Decimal(1))),
    ),
)
#: supplier id → (signed on, months valid, priorities committed to).
_CHARTERS: Final = (
    ("100102", date(2025, 5, 1), 12, ("resilient-communities",)),
    ("100103", date(2025, 9, 15), 24, ("social-capital", "early-intervention")),
    ("100105", date(2024, 6, 1), 12, ("reduced-demand",)),  # expired by the year's end
    ("100106", date(2025, 11, 20), 12, ("social-capital", "resilient-communities")),
    ("100112", date(2025, 7, 1), 12, ("lower-environmental-impact",)),
)


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ExampleYear:
    """The bundled example year's inputs; :meth:`report` builds its regional report."""

    policy: Policy
    period: Period
    suppliers: tuple[Supplier, ...]
    spend: tuple[SpendLine, ...]
    signups: tuple[CharterSignup, ...]
    submissions: tuple[ReviewSubmission, ...]
    catalogue: MeasureCatalogue

    def assessments(self) -> AssessmentResult:
        """The year's threshold assessments (:func:`~socialvalue.assess`)."""
        return assess(self.policy, self.spend, self.period, suppliers=self.suppliers)

    def report(self, **options: Any) -> RegionalReport:
        """The year's :func:`~socialvalue.regional_report`; ``options`` go through to it."""
        return regional_report(
            self.policy,
            self.period,
            self.assessments(),
            self.signups,
            self.submissions,
            self.catalogue,
            self.suppliers,
            **options,
        )


def _paid(month: int) -> date:
    return date(2025 if month >= 4 else 2026, month, 14)


@in_library_context
def example_year() -> ExampleYear:
    """The bundled example year, 2025/26, under the default policy and catalogue."""
    period = parse_financial_year("2025/26")
    suppliers = tuple(
        Supplier(sid, name, kind, Location(borough, postcode))
        for sid, name, kind, borough, postcode in _SUPPLIERS
    )
    spend = tuple(
        SpendLine(sid, Money(amount), _paid(month), VatBasis.NET, contract_id=f"C-{sid}")
        for sid, payments in _SPEND.items()
        for month, amount in payments
    )
    totals = {
        sid: sum((Money(a) for _, a in payments), Money.zero()) for sid, payments in _SPEND.items()
    }
    submissions = tuple(
        ReviewSubmission(
            sid,
            (f"C-{sid}",),
            period,
            totals[sid],
            lines,
            Declaration("Head of Social Value", "Director", declared),
        )
        for sid, declared, lines in _REVIEWS
    )
    signups = tuple(
        CharterSignup(
            sid,
            "Managing Director",
            "Director",
            signed,
            "2017",
            "gm-policing-sv",
            "2017",
            [CharterCommitment(code, f"We commit to {code.replace('-', ' ')}.") for code in codes],
            valid_months=months,
        )
        for sid, signed, months, codes in _CHARTERS
    )
    return ExampleYear(
        default_policy(), period, suppliers, spend, signups, submissions, default_catalogue()
    )
