"""A regional report on one screen of plain text (figures rounded only here)."""

from __future__ import annotations

import decimal
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from socialvalue.money import Money
from socialvalue.report.contract_kpis import summary_line

if TYPE_CHECKING:
    from socialvalue.report.model import RegionalReport

__all__ = ["YEAR_ON_YEAR", "summary", "year_on_year"]

_TENTH: Final = Decimal("0.1")
_TYPE_NAMES: Final = {
    "sme": "SME",
    "vcse": "VCSE",
    "large": "large",
    "public": "public",
    "unknown": "unstated",
}
_PLACE_NAMES: Final = {
    "borough-unknown": "GM, no borough",
    "area-edge": "GM edge",
    "outside-gm": "outside GM",
    "unlisted": "unlisted",
}


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


#: The figures compared year on year, in the order told, with their names.
YEAR_ON_YEAR: Final = (
    (("spend", "total", "all", "amount"), "Spend"),
    (("spend", "local", "all", "share"), "Share of spend with local suppliers"),
    (("duties", "charter", "owed", "suppliers"), "Suppliers that owed the Charter"),
    (("duties", "charter", "delivered", "suppliers"), "Charters delivered"),
    (("duties", "review", "owed", "suppliers"), "Suppliers that owed a Review"),
    (("duties", "review", "delivered", "suppliers"), "Reviews delivered"),
    (("contribution", "total", "all", "gross"), "Social value (gross)"),
    (("contribution", "total", "all", "present-value"), "Social value (present value)"),
    (("contribution", "ratio", "all", "per-pound"), "Social value per £1 of covered spend"),
)


def _shown(value: Decimal, unit: str, signed: bool = False) -> str:
    """A figure's value in words: money, a percentage, a ratio per £1, or a count."""
    magnitude = abs(value) if signed else value
    if unit == "share":
        text = f"{(magnitude * 100).quantize(_TENTH, rounding=decimal.ROUND_HALF_UP)}%"
        return text[:-1] + " percentage points" if signed else text
    if unit == "ratio":
        return f"£{magnitude.quantize(Decimal('0.0001'), rounding=decimal.ROUND_HALF_UP)}"
    if len(unit) == 3 and unit.isupper():
        return Money(magnitude, unit).format()
    return _number(magnitude)


def year_on_year(report: RegionalReport) -> list[str]:
    """Spend, duties, delivery and contribution against the previous year, in plain words.

    One sentence per figure of :data:`YEAR_ON_YEAR` that either year has, e.g.
    ``"Spend: £1,258,400.00, up £58,400.00 (+4.9%) from £1,200,000.00."``. Empty
    when the report has no previous year.
    """
    if report.previous_period is None:
        return []
    before = report.previous_period.label
    found = []
    for key, name in YEAR_ON_YEAR:
        try:
            change = report.change(*key)
        except KeyError:
            continue
        unit = change.unit
        if change.current is None or change.previous is None:
            known = change.current if change.current is not None else change.previous
            assert known is not None
            where = "none" if change.current is None else _shown(known, unit)
            found.append(
                f"{name}: {where} (was {_shown(known, unit)} in {before})."
                if change.current is None
                else f"{name}: {where} (none in {before})."
            )
            continue
        now, was = _shown(change.current, unit), _shown(change.previous, unit)
        assert change.change is not None
        if not change.change:
            found.append(f"{name}: {now}, the same as in {before}.")
            continue
        if now == was:
            found.append(f"{name}: {now}, about the same as in {before}.")
            continue
        way = "up" if change.change > 0 else "down"
        percent = (
            ""
            if change.percent is None or unit in ("share", "ratio")
            else f" ({change.percent.quantize(_TENTH, rounding=decimal.ROUND_HALF_UP):+}%)"
        )
        moved = _shown(change.change, unit, signed=True)
        found.append(f"{name}: {now}, {way} {moved}{percent} from {was} in {before}.")
    return found


def summary(report: RegionalReport, width: int = 78) -> str:
    """One screen: spend, duties, contribution, counts, coverage, LM3, change and caveats."""
    money = report.amount
    total = money("spend", "total")
    lines = [
        f"Social value report {report.period.label} ({report.policy_id} {report.policy_version},"
        f" as of {report.as_of.isoformat()})",
    ]
    if report.provenance is not None:
        lines += [
            wrapped
            for line in report.provenance.lines
            for wrapped in textwrap.wrap(line, width, subsequent_indent="  ")
        ]
    lines.append("")
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
            incomplete = report.value("duties", obligation, "incomplete", "suppliers")
            lines.append(
                f"{obligation.title()}s: owed by {_number(owed[0].value)}, delivered by"
                f" {_number(delivered)}"
                + (f", received but not complete {_number(incomplete)}" if incomplete else "")
                + f", gaps {_number(gaps)}"
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
    for group, words in (("borough", "place"), ("type", "supplier type")):
        parts = [
            f"{_PLACE_NAMES.get(f.item, _TYPE_NAMES.get(f.item, f.item.title()))}"
            f" {Money(f.value, report.currency)}"
            for f in report.of("contribution", group)
            if f.measure == "present-value" and f.value
        ]
        if parts:
            lines.append(f"  by {words} (present value): " + ", ".join(parts))
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
    by_priority = report.of("coverage", "priority")
    coverage = [f"{f.item} {_number(f.value)}" for f in by_priority if f.value]
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
    kpis = summary_line(report.of("kpis"))
    if kpis:
        lines.append(kpis)
    if report.previous_period is not None:
        lines.append(f"Year on year, against {report.previous_period.label}:")
        lines += [f"  {sentence}" for sentence in year_on_year(report)]
    if report.caveats:
        lines.append(f"Caveats ({len(report.caveats)}):")
        lines += [f"  - {caveat.message}" for caveat in report.caveats]
    return "\n".join(part for line in lines for part in _wrap(line, width))
