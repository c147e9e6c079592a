"""Checked by mypy --strict: the public API's types work for users."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs

import socialvalue as sv

total: sv.Money = sv.Money("1.00") + sv.Money(Decimal("2"), "GBP")
doubled: sv.Money = total * 2
amount: Decimal = doubled.round(sv.Rounding.HALF_EVEN).amount
year: sv.Period = sv.financial_year(date(2025, 4, 1))
inside: bool = year.contains(date(2025, 12, 25))
report: sv.ValidationReport
kinds: tuple[str, ...] = sv.SCHEMA_KINDS
issue: sv.Issue = sv.Issue.at(["lines", 0], "value.invalid", "x")
path: str = issue.path
# priority frameworks, the Charter and compliance
framework: sv.Framework = sv.frameworks.get("gm-sv-framework-2020")
known: bool = "clean-air" in framework
mapped: tuple[str, ...] = sv.frameworks.crosswalk("gm-policing-sv", framework.id).map(
    "social-capital"
)
signup = sv.CharterSignup(
    "100234",
    "A. Patel",
    "Director",
    date(2025, 6, 1),
    "2025",
    framework.id,
    framework.version,
    (sv.CharterCommitment("clean-air", "Electric vans."),),
)
problems: tuple[sv.Issue, ...] = sv.check_signup(signup, framework, date(2025, 7, 1))
status: sv.CharterStatus = sv.charter_status(signup, date(2025, 7, 1))
until: date = signup.valid_until

# suppliers, contracts, spend and the threshold rule
policy: sv.Policy = sv.default_policy(sv.BoundaryChoice.CHARTER)
obligation: sv.Obligation = policy.obligation_for(sv.Money("50000"))
line = sv.SpendLine("100234", sv.Money("30000"), date(2025, 5, 1), sv.VatBasis.NET)
result: sv.AssessmentResult = sv.assess(policy, [line], "2025/26")
first: sv.Assessment = next(iter(result))
explanation: str = first.explanation
records: list[dict[str, object]] = result.to_records()
newcomers: tuple[str, ...] = sv.new_suppliers([line], date(2025, 4, 1))
checked: sv.ComplianceReport = sv.compliance(
    sv.default_policy(), (), [signup], (), date(2025, 7, 1)
)
counts: dict[str, int] = dict(checked.counts)
rows: list[dict[str, object]] = checked.to_records()

# contracts and suppliers read from OCDS, exactly; contracts hold KPIs
parsed: object = json.loads('{"releases": []}', **sv.ocds_parse_options())
reading: sv.OcdsReading = sv.read_ocds(
    parsed, vat_basis=sv.VatBasis.NET, joint_awards=sv.JointAwards.EQUAL_SHARES
)
read_contracts: tuple[sv.Contract, ...] = reading.for_buyer("A Council").contracts
read_suppliers: tuple[sv.Supplier, ...] = reading.suppliers
located: list[str] = [p.path for p in (*reading.problems, *reading.flags)]
sources: list[sv.OcdsContract] = list(reading.ocds_contracts)
held: tuple[sv.MeasureTarget, ...] = sv.Contract(
    "C-1",
    "GB-COH-01234567",
    "Cleaning",
    sv.ContractCategory.SERVICES,
    sv.Money("60000"),
    sv.VatBasis.NET,
    date(2025, 4, 1),
    date(2026, 3, 31),
    kpis=[sv.MeasureTarget("GM-JOBS-LOCAL", Decimal(2))],
).kpis

model: sv.EvaluationModel = sv.EvaluationModel(
    "T",
    "Tender",
    (
        sv.Criterion("P", "Price", sv.CriterionKind.PRICE, Decimal(30), sv.ScoreBasis.PRICE),
        sv.Criterion("Q", "Quality", sv.CriterionKind.QUALITY, Decimal(60), pass_mark=Decimal(50)),
        sv.Criterion("SV", "Social value", sv.CriterionKind.SOCIAL_VALUE, Decimal(10)),
    ),
)
marks = (sv.Mark("Q", Decimal(75)), sv.Mark("SV", Decimal(50)))
bids: list[sv.Bid] = [sv.Bid("100234", sv.Money("1000"), marks)]
evaluation: sv.EvaluationResult = sv.evaluate(model, bids)
winner: sv.BidResult | None = evaluation.winner
kpis: tuple[sv.ContractKpi, ...] = evaluation.kpis
service: sv.Service = sv.Service("S", "Service", sv.Money("10"), sv.Money("10"), prevention=True)
decision: sv.ServiceDecision = sv.assess_service(service, sv.DecisionRules())
advice: sv.Recommendation = decision.recommendation
board: sv.Portfolio = sv.portfolio([service])
priced: sv.EvaluationResult = sv.evaluate(model, bids, catalogue=sv.default_catalogue())


# review measures, catalogues and scoring
catalogue: sv.MeasureCatalogue = sv.default_catalogue()
hourly: sv.Money | None = (
    proxy.value if (proxy := catalogue.measure("GM-VOLUNTEER-HOURS").proxy) else None
)
submission = sv.ReviewSubmission(
    "100234",
    ("C-1",),
    year,
    sv.Money("60000"),
    [sv.ReportedLine("GM-VOLUNTEER-HOURS", Decimal("120"))],
    sv.Declaration("A. Smith", "Director", date(2026, 4, 20)),
)
scored: sv.ScoreReport = sv.score(submission, catalogue, sv.ScoringMethod())
present: sv.Money = scored.present_value
by_priority: dict[str, sv.ValueTotals] = scored.by_priority
line_records: list[dict[str, object]] = scored.to_records()
multiplier: Decimal = sv.lm3(sv.Money("10"), sv.Money("5"), sv.Money("1")).multiplier


# the regional report
example: sv.ExampleYear = sv.example_year()
regional: sv.RegionalReport = sv.regional_report(
    example.policy,
    example.period,
    example.assessments(),
    example.signups,
    example.submissions,
    example.catalogue,
    example.suppliers,
    framework="gm-sv-framework-2020",
)
local_spend: sv.Money = regional.amount("spend", "local")
figure: sv.ReportFigure = regional.figure("contribution", "total", measure="present-value")
who: tuple[str, ...] = figure.suppliers
published: sv.PublishedReport = regional.published(sv.Rounding.HALF_UP)
last_year = attrs.evolve(published, period=sv.parse_financial_year("2024/25"))
again: sv.RegionalReport = example.report(previous=last_year)
screen: str = again.summary()
figure_rows: list[dict[str, object]] = again.to_records()

# published spend files: layouts, strict rows, payee rules and the reconciliation
spend_file = sv.SpendFile.from_lines(
    ["BeneficiaryName,BeneficiaryOtherID,PaymentDate,Amount", "Acme,1,2025-05-01,1.00"],
    period=policy.period_for,
    skip_bad_rows=True,
)
layout: sv.Layout = spend_file.recognition.layout
spend_lines: list[sv.SpendLine] = list(spend_file)
reconciled: sv.Reconciliation = spend_file.reconciliation()
assessed_lines: int = reconciled.assessed.lines
bad_rows: tuple[sv.BadRow, ...] = spend_file.bad_rows
spellings: dict[str, tuple[str, ...]] = spend_file.supplier_spellings()
records_read: list[sv.Record] = list(sv.csv_records(["a,b"]))
amount_read: Decimal = sv.parse_amount("£1,234.56")
normal: str = sv.NameRules().normalise("The Toy House Ltd")
rule: sv.PayeeRule | None = sv.PAYEE_RULES.rule_for("HMRC")
found_layout: sv.Recognition = sv.recognise_layout(
    ["Supplier Name", "Invoice Payment Date", "Net Amount"], sv.LAYOUTS
)
