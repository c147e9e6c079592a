"""A regional report on one screen of plain text (figures rounded only here)."""

from __future__ import annotations

import decimal
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from socialvalue.money import Money

if TYPE_CHECKING:
    from socialvalue.report.model import RegionalReport

__all__ = ["summary"]

_TENTH: Final = Decimal("0.1")
_TYPE_NAMES: Final = {"sme": "SME", "vcse": "VCSE"}


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(_TENTH, rounding=decimal.ROUND_HALF_UP)}%"


def _number(value: Decimal) -> str:
    text = f"{value.normalize():,f}" if value else "0"
    return text


def _wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width``, continuation lines indented under its start."""
    if not text:
        return [""]
    indent = " " * (len(text) - len(text.lstrip(" -")))
    return textwrap.wrap(
        text,
        width,
        subsequent_indent=indent + "  ",
        max_lines=3,
        placeholder=" …",
        break_on_hyphens=False,
    )


def summary(report: RegionalReport, width: int = 78) -> str:
    """One screen: spend, duties, contribution, counts, coverage, LM3, change and caveats."""
    money = report.amount
    total = money("spend", "total")
    lines = [
        f"Social value report {report.period.label} ({report.policy_id} {report.policy_version},"
        f" as of {report.as_of.isoformat()})",
        "",
    ]
    spend = report.figure("spend", "total")
    local = money("spend", "local")
    try:
        share = f" ({_percent(report.figure('spend', 'local', measure='share').value)})"
    except KeyError:
        share = ""
    lines.append(
        f"Spend: {total} with {len(spend.suppliers):,} suppliers; {local}{share} in {report.area}"
    )
    types = ", ".join(
        f"{_TYPE_NAMES.get(f.item, f.item)} {Money(f.value, report.currency)}"
        for f in report.of("spend", "type")
        if f.value
    )
    if types:
        lines.append(f"  by type: {types}")
    duties = report.of("duties")
    for obligation in ("charter", "review"):
        owed = [f for f in duties if f.group == obligation and f.item == "owed"]
        if owed:
            delivered = report.value("duties", obligation, "delivered", "suppliers")
            gaps = report.value("duties", obligation, "gaps", "suppliers")
            lines.append(
                f"{obligation.title()}s: owed by {_number(owed[0].value)}, delivered by"
                f" {_number(delivered)}, gaps {_number(gaps)}"
            )
    present = money("contribution", "total", measure="present-value")
    gross = money("contribution", "total", measure="gross")
    net = money("contribution", "total", measure="net")
    reviews = len(report.figure("contribution", "total", measure="gross").suppliers)
    lines.append(
        f"Social value from {reviews:,} Reviews: present value {present} (gross {gross}, net {net})"
    )
    try:
        ratio = report.figure("contribution", "ratio", measure="per-pound").value
        covered = money("contribution", "spend", "covered")
        per_pound = Money(ratio).round().format()
        lines.append(f"  {per_pound} per £1 of the {covered} of spend the Reviews cover")
    except KeyError:
        pass
    kinds = [
        f"{f.item} {Money(f.value, report.currency)}"
        for f in report.of("contribution", "kind")
        if f.measure == "present-value"
    ]
    lines.append("  by kind (present value): " + ", ".join(kinds))
    lines.append(f"  by priority of {report.framework_id} (present value):")
    for f in report.of("contribution", "priority"):
        if f.measure == "present-value":
            lines.append(f"    {f.item}: {Money(f.value, report.currency)}")
    counts = [
        f"{_number(f.value)}{'' if f.unit == 'count' else ' ' + f.unit} {f.item}"
        for f in report.of("counts")
    ]
    if counts:
        lines.append("Recorded without a £ value: " + "; ".join(counts))
    coverage = [f"{f.item} {_number(f.value)}" for f in report.of("coverage") if f.value]
    if coverage:
        lines.append("Charter commitments by priority: " + ", ".join(coverage))
    try:
        lm3 = report.figure("local-multiplier", "total", measure="lm3")
        lines.append(
            f"Local multiplier (LM3) of the {len(lm3.suppliers):,} Reviews reporting local"
            f" re-spend: {lm3.value.quantize(Decimal('0.01'), rounding=decimal.ROUND_HALF_UP)}"
            f" on {money('local-multiplier', 'total', measure='round1')} of spend"
        )
    except KeyError:
        pass
    if report.previous_period is not None:
        moved = []
        for key in (("spend", "total", "all", "amount"),
                    ("contribution", "total", "all", "present-value")):  # fmt: skip
            try:
                change = report.change(*key)
            except KeyError:
                continue
            if change.percent is not None:
                moved.append(f"{key[0]} {change.percent.quantize(_TENTH):+}%")
        lines.append(f"Change since {report.previous_period.label}: " + (", ".join(moved) or "n/a"))
    if report.caveats:
        lines.append(f"Caveats ({len(report.caveats)}):")
        lines += [f"  - {caveat.message}" for caveat in report.caveats]
    return "\n".join(part for line in lines for part in _wrap(line, width))
