"""Commissioning decisions: keep, redesign or stop a service, and why.

The policy commissions to "target resources at early intervention and
prevention" and to "decommission services that give low value or are
unaffordable". :func:`assess_service` makes that call for one :class:`Service`
with a transparent method taken from the Greater Manchester cost-benefit analysis
(CBA) model (*Supporting public service transformation: cost benefit analysis
guidance for local partnerships*, HM Treasury, Public Service Transformation
Network and New Economy, April 2014, supplementary Green Book guidance):

1. **Benefits.** Each :class:`ServiceOutcome` is a yearly number of outcomes times
   the unit cost it saves, taken from the Unit Cost Database (New Economy, now
   GMCA), in one of the CBA's three columns: fiscal (cashable or not, to the
   public purse), economic (to the local economy), social (to people's wellbeing).
2. **Adjustments.** Deadweight (what would have happened anyway) comes off first;
   then the optimism-bias cut for the outcome's evidence confidence grade, from an
   :class:`~.decision_rules.OptimismBias` table. The default table
   (:func:`~.decision_rules.default_optimism_bias`)
   is *unconfirmed*: we could not read the CBA model's own table in full, so its
   figures are a documented placeholder; pass your own.
3. **Measures.** Value for money = adjusted benefit ÷ annual cost (the CBA's
   "public value" benefit–cost ratio); return on investment = (adjusted benefit −
   cost) ÷ cost; payback period = annual cost ÷ adjusted *fiscal* benefit a year
   (simple, undiscounted: the years of public-purse savings that repay one year's
   spend); affordability = annual cost within budget (plus any tolerance).
4. **Recommendation** by :class:`~.decision_rules.DecisionRules` (every threshold
   configurable; the thresholds and the optimism-bias table live in
   :mod:`.decision_rules`):

   ============================  =========================  =========================
   value for money               within budget              over budget
   ============================  =========================  =========================
   ≥ retain ratio                retain                     redesign (to fit budget)
   ≥ decommission ratio          redesign (to raise value)  decommission
   < decommission ratio          decommission               decommission
   ============================  =========================  =========================

   Prevention and early-intervention services get the policy's priority through
   ``prevention_factor``: both ratios are multiplied by it (default 0.8, so such a
   service is retained from a ratio of 0.80), because their benefits arrive later
   and one year's figures under-count them. Set it to 1 to give no priority.
   The default thresholds (1.00 and 0.50) are this library's, not a published rule.

Higher value for the same cost never moves a recommendation down: the decision is
monotone in the value-for-money ratio.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import CONTEXT, half_up, in_library_context, library_context_methods
from socialvalue._records import html_grid, records_frame
from socialvalue._typed import typed_fields
from socialvalue.commissioning.decision_rules import DecisionRules, OptimismBias
from socialvalue.commissioning.services import BenefitType, Service, ServiceOutcome
from socialvalue.errors import RuleViolation
from socialvalue.money import Money

__all__ = [
    "Portfolio",
    "Recommendation",
    "ServiceDecision",
    "assess_service",
    "portfolio",
]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)


class Recommendation(enum.Enum):
    """What the board is advised to do with a service, best first."""

    RETAIN = "retain"
    REDESIGN = "redesign"
    DECOMMISSION = "decommission"


_ORDER: Final = {r: n for n, r in enumerate(Recommendation)}


def _plain(value: Decimal) -> Decimal:
    # 1 × 0.8 is shown as 0.8 and 0.5 × 0.8 as 0.4, not 0.40: thresholds are exact.
    normal = value.normalize(CONTEXT)
    return normal.quantize(_ONE) if normal == normal.to_integral_value() else normal


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class ServiceDecision:
    """The board's view of one service: value, affordability and a recommendation.

    Benefits are yearly; ``fiscal``, ``economic`` and ``social`` are adjusted (after
    deadweight and optimism bias). ``value_for_money`` (benefit per £1),
    ``roi`` and ``payback_years`` are rounded to the rules' places;
    ``payback_years`` is ``None`` when the service saves the public purse nothing.
    ``rule`` names the rule that fired and ``reasons`` say why in plain English.
    """

    service: Service
    gross_benefit: Money
    fiscal: Money
    economic: Money
    social: Money
    value_for_money: Decimal
    roi: Decimal
    payback_years: Decimal | None
    affordable: bool
    retain_at: Decimal
    decommission_below: Decimal
    recommendation: Recommendation
    rule: str
    reasons: tuple[str, ...]

    @property
    def adjusted_benefit(self) -> Money:
        """Fiscal + economic + social benefit after deadweight and optimism bias."""
        return self.fiscal + self.economic + self.social

    @property
    def headroom(self) -> Decimal:
        """Value for money ÷ this service's retain ratio (1 or more clears the bar)."""
        return CONTEXT.divide(self.value_for_money, self.retain_at)

    @property
    def explanation(self) -> str:
        """The reasons as one paragraph."""
        return " ".join(self.reasons)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row for this service, ready for ``pandas.DataFrame``."""
        s = self.service
        return [
            {
                "service_id": s.id,
                "name": s.name,
                "prevention": s.prevention,
                "annual_cost": s.annual_cost.amount,
                "budget": s.budget.amount,
                "gross_benefit": self.gross_benefit.amount,
                "fiscal": self.fiscal.amount,
                "economic": self.economic.amount,
                "social": self.social.amount,
                "adjusted_benefit": self.adjusted_benefit.amount,
                "value_for_money": self.value_for_money,
                "roi": self.roi,
                "payback_years": self.payback_years,
                "affordable": self.affordable,
                "recommendation": self.recommendation.value,
                "rule": self.rule,
                "explanation": self.explanation,
            }
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        rows = [[k, v] for k, v in self.to_records()[0].items()]
        return html_grid(["", self.service.id], rows, caption=self.explanation)


def _adjusted(outcome: ServiceOutcome, bias: OptimismBias) -> Money:
    keep = (_ONE - outcome.deadweight) * (_ONE - bias.reduction(outcome.confidence))
    return outcome.gross * keep


def _decide(
    ratio: Decimal, affordable: bool, retain_at: Decimal, decommission_below: Decimal
) -> tuple[Recommendation, str, str]:
    if ratio < decommission_below:
        return (
            Recommendation.DECOMMISSION,
            "decommission-low-value",
            f"Value for money {ratio} is under the decommission ratio {decommission_below}:"
            " the service gives low value, so decommission it.",
        )
    if ratio >= retain_at:
        if affordable:
            return (
                Recommendation.RETAIN,
                "retain-value-and-affordable",
                f"Value for money {ratio} reaches the retain ratio {retain_at} and the"
                " service is affordable, so retain it.",
            )
        return (
            Recommendation.REDESIGN,
            "redesign-over-budget",
            f"Value for money {ratio} reaches the retain ratio {retain_at}, but the service"
            " is over budget: redesign it to fit the budget.",
        )
    if affordable:
        return (
            Recommendation.REDESIGN,
            "redesign-middling-value",
            f"Value for money {ratio} is between the decommission ratio {decommission_below}"
            f" and the retain ratio {retain_at}: redesign it to raise its value.",
        )
    return (
        Recommendation.DECOMMISSION,
        "decommission-unaffordable",
        f"Value for money {ratio} is under the retain ratio {retain_at} and the service is"
        " over budget: it is unaffordable for the value it gives, so decommission it.",
    )


@in_library_context
@typed_arguments
def assess_service(service: Service, rules: DecisionRules | None = None) -> ServiceDecision:
    """Value a service's outcomes and recommend retain, redesign or decommission.

    >>> service = Service(
    ...     "S1", "Youth outreach", Money("200000"), Money("250000"), prevention=True,
    ...     outcomes=(ServiceOutcome("First-time entrants avoided", BenefitType.FISCAL,
    ...         Decimal(20), Money("10000"), 2, "example"),),
    ... )
    >>> decision = assess_service(service)
    >>> decision.value_for_money, decision.recommendation.value, decision.rule
    (Decimal('0.90'), 'retain', 'retain-value-and-affordable')
    """
    rules = rules or DecisionRules()
    cost = service.annual_cost
    columns = {kind: Money.zero(cost.currency) for kind in BenefitType}
    gross = Money.zero(cost.currency)
    for outcome in service.outcomes:
        gross = gross + outcome.gross
        columns[outcome.benefit] = columns[outcome.benefit] + _adjusted(
            outcome, rules.optimism_bias
        )
    benefit = sum(columns.values(), Money.zero(cost.currency))
    ratio = half_up(CONTEXT.divide(benefit.amount, cost.amount), rules.places)
    roi = half_up(CONTEXT.divide((benefit - cost).amount, cost.amount), rules.places)
    fiscal = columns[BenefitType.FISCAL]
    payback = (
        half_up(CONTEXT.divide(cost.amount, fiscal.amount), rules.places)
        if fiscal.amount > 0
        else None
    )
    limit = service.budget * (_ONE + rules.budget_tolerance)
    affordable = cost <= limit
    factor = rules.prevention_factor if service.prevention else _ONE
    retain_at = _plain(rules.retain_ratio * factor)
    decommission_below = _plain(rules.decommission_ratio * factor)
    recommendation, rule, verdict = _decide(ratio, affordable, retain_at, decommission_below)
    reasons = [
        f"{service.name} costs {cost} a year against a budget of {service.budget}"
        f" ({'within' if affordable else 'over'} budget).",
        f"Its outcomes are worth {gross} a year before adjustment and {benefit} after"
        f" deadweight and optimism bias (fiscal {fiscal}, economic"
        f" {columns[BenefitType.ECONOMIC]}, social {columns[BenefitType.SOCIAL]}):"
        f" {ratio} of benefit per £1 spent, a return on investment of {roi}.",
    ]
    if payback is None:
        reasons.append("It saves the public purse nothing in fiscal terms, so it never pays back.")
    else:
        reasons.append(f"Fiscal savings repay a year's cost in {payback} years.")
    if service.prevention and factor != _ONE:
        reasons.append(
            f"As a prevention and early-intervention service its thresholds are scaled by"
            f" {factor} (retain from {retain_at}, decommission under {decommission_below})."
        )
    reasons.append(verdict)
    return ServiceDecision(
        service,
        gross,
        fiscal,
        columns[BenefitType.ECONOMIC],
        columns[BenefitType.SOCIAL],
        ratio,
        roi,
        payback,
        affordable,
        retain_at,
        decommission_below,
        recommendation,
        rule,
        tuple(reasons),
    )


@library_context_methods
@attrs.frozen(field_transformer=typed_fields)
class Portfolio:
    """Services ranked for the board, with totals.

    ``decisions`` are ranked: retain before redesign before decommission, then by
    headroom (value for money ÷ the service's own retain ratio, so the prevention
    rule carries through), then by service id. ``released`` is the annual cost of
    the services recommended for decommissioning.
    """

    decisions: tuple[ServiceDecision, ...]
    rules: DecisionRules

    def _zero(self) -> Money:
        currency = self.decisions[0].service.annual_cost.currency if self.decisions else "GBP"
        return Money.zero(currency)

    @property
    def total_cost(self) -> Money:
        """The annual cost of every service."""
        return sum((d.service.annual_cost for d in self.decisions), self._zero())

    @property
    def total_budget(self) -> Money:
        """The budget of every service."""
        return sum((d.service.budget for d in self.decisions), self._zero())

    @property
    def released(self) -> Money:
        """The annual cost freed if every decommission recommendation is followed."""
        return sum(
            (
                d.service.annual_cost
                for d in self.decisions
                if d.recommendation is Recommendation.DECOMMISSION
            ),
            self._zero(),
        )

    @typed_arguments
    def count(self, recommendation: Recommendation) -> int:
        """How many services get ``recommendation``."""
        return sum(1 for d in self.decisions if d.recommendation is recommendation)

    @property
    def explanation(self) -> str:
        """A summary for the board."""
        counts = ", ".join(f"{self.count(r)} {r.value}" for r in Recommendation)
        return (
            f"{len(self.decisions)} services costing {self.total_cost} a year against budgets"
            f" of {self.total_budget}: {counts}. Decommissioning releases {self.released} a"
            " year."
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per service in rank order, with its ``rank``."""
        return [
            {"rank": rank, **decision.to_records()[0]}
            for rank, decision in enumerate(self.decisions, 1)
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``, amounts as exact Arrow decimals.

        Needs the ``pandas`` extra (``pip install 'socialvalue[pandas]'``).
        """
        return records_frame(self.to_records())

    def _repr_html_(self) -> str:
        rows = [
            [
                n,
                d.service.id,
                d.service.name,
                d.service.annual_cost,
                d.value_for_money,
                d.recommendation.value,
                d.rule,
            ]
            for n, d in enumerate(self.decisions, 1)
        ]
        headers = ["rank", "id", "service", "annual cost", "value for money", "advice", "rule"]
        return html_grid(headers, rows, caption=self.explanation)


@in_library_context
@typed_arguments
def portfolio(services: Sequence[Service], rules: DecisionRules | None = None) -> Portfolio:
    """Assess every service and rank them for the board (see :class:`Portfolio`)."""
    rules = rules or DecisionRules()
    seen: set[str] = set()
    for index, service in enumerate(services):
        if service.id in seen:
            raise RuleViolation(
                "list.duplicate", f"service {service.id} is listed twice", field=[index, "id"]
            )
        seen.add(service.id)
        if service.annual_cost.currency != services[0].annual_cost.currency:
            raise RuleViolation(
                "money.currency_mismatch",
                f"a portfolio is in one currency: {services[0].id} is in"
                f" {services[0].annual_cost.currency}, {service.id} in"
                f" {service.annual_cost.currency}",
                field=[index, "annual_cost", "currency"],
            )
    decisions = [assess_service(service, rules) for service in services]
    decisions.sort(key=lambda d: (_ORDER[d.recommendation], -d.headroom, d.service.id))
    return Portfolio(tuple(decisions), rules)
