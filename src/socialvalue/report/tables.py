"""The regional report's content in HTML: headline figures, breakdowns, caveats, provenance.

:func:`report_tables` is the content without charts, which
:meth:`RegionalReport._repr_html_` shows in a notebook (it needs no extra);
:func:`socialvalue.report.page.report_page` puts the same sections, with a chart
above each table, into a page of its own.

Every text that comes from data (a supplier, area or priority name, a caveat) is
escaped, and characters that could hide or reorder it on screen (controls, and the
bidirectional overrides of "Trojan Source") are shown as their code, ``[U+202E]``.
"""

from __future__ import annotations

import decimal
import html
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from socialvalue.money import Money
from socialvalue.report.breakdowns import Breakdown, BreakdownRow, ReportCut
from socialvalue.report.charts import Bars
from socialvalue.review.method import ValueBasis

if TYPE_CHECKING:
    from socialvalue.report.model import RegionalReport

__all__ = [
    "Draw",
    "body",
    "headlines",
    "per_pound",
    "report_tables",
    "shown",
    "symbol",
    "text",
    "title",
    "visible",
]

#: Draws one chart as HTML: its categories, its series of bars, its text alternative.
Draw = Callable[[Sequence[str], Sequence[Bars], str], str]

_TENTH: Final = Decimal("0.1")
_HIDING: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_CUT_HEADINGS: Final = {
    ReportCut.BOROUGH: "Where",
    ReportCut.SUPPLIER_TYPE: "Supplier type",
    ReportCut.PRIORITY: "Priority",
}
#: The figures compared year on year in the charts, one chart per scale (the table
#: has every change): spend is a hundred times social value, which would flatten it.
_YEARLY: Final = (
    (
        "Spend",
        (("spend", "total", "all", "amount"), ("spend", "local", "all", "amount")),
    ),
    (
        "Social value",
        (
            ("contribution", "total", "all", "gross"),
            ("contribution", "total", "all", "net"),
            ("contribution", "total", "all", "present-value"),
        ),
    ),
)


def text(value: str) -> str:
    r"""``value`` escaped for HTML, with controls and bidi overrides shown as their code.

    >>> text("Acme <script>\u202e")
    'Acme &lt;script&gt;[U+202E]'
    """
    return html.escape(visible(value), quote=True)


def visible(value: str) -> str:
    """``value`` with controls and bidi overrides shown as their code (for charts too)."""
    return _HIDING.sub(lambda found: f"[U+{ord(found.group()):04X}]", value)


def _number(value: Decimal) -> str:
    return f"{value.normalize():,f}" if value else "0"


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(_TENTH, rounding=decimal.ROUND_HALF_UP)}%"


def shown(report: RegionalReport, value: Decimal, unit: str, measure: str = "amount") -> str:
    """A figure's value as published: pence, a percentage, or a number with its unit."""
    if len(unit) == 3 and unit.isupper():
        return Money(value, unit).format()
    if unit == "share":
        return _percent(value)
    if unit == "ratio" and measure == "per-pound":
        return per_pound(report.currency, value)
    if unit in ("ratio", "percent"):
        return _number(value.quantize(Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP))
    if unit in ("count", "suppliers"):
        return _number(value)
    return f"{_number(value)} {unit}"


def symbol(currency: str) -> str:
    """The currency's symbol (``"£"``), or nothing when it has none."""
    zero = Money(Decimal(0), currency).format()
    return zero.removesuffix("0.00") if zero.endswith("0.00") else ""


def per_pound(currency: str, value: Decimal, *, unit: bool = True) -> str:
    """Value per unit of spend, to 4 places: ``'£0.0239 per £1'`` (pence would hide it)."""
    amount = value.quantize(Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP)
    sign = symbol(currency)
    if not unit:
        return f"{sign}{amount}" if sign else f"{amount} {currency}"
    return f"{sign}{amount} per {sign}1" if sign else f"{amount} {currency} per 1 {currency}"


def headlines(report: RegionalReport) -> list[tuple[str, str]]:
    """The page's headline figures as ``(label, value as shown)``, in order."""
    found = [
        ("Total spend", shown(report, report.value("spend", "total"), report.currency)),
        (
            f"Spend with suppliers in {report.area}",
            shown(report, report.value("spend", "local"), report.currency),
        ),
    ]
    for key, label in (
        (("spend", "local", "all", "share"), f"Share of spend in {report.area}"),
        (("contribution", "total", "all", "present-value"), "Social value (present value)"),
        (("contribution", "total", "all", "gross"), "Social value (gross)"),
        (("contribution", "total", "all", "net"), "Social value (net)"),
        (("contribution", "ratio", "all", "per-pound"), "Social value per £1 of covered spend"),
        (("local-multiplier", "total", "all", "lm3"), "Local multiplier (LM3)"),
    ):
        try:
            figure = report.figure(*key)
        except KeyError:
            continue
        found.append((label, shown(report, figure.value, figure.unit, figure.measure)))
    for duty in ("charter", "review"):
        owed = report.of("duties", duty)
        if any(f.item == "owed" for f in owed):
            delivered = report.value("duties", duty, "delivered", "suppliers")
            owing = report.value("duties", duty, "owed", "suppliers")
            found.append(
                (f"{duty.title()}s delivered", f"{_number(delivered)} of {_number(owing)}")
            )
    return found


def _grid(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table: each row is its heading (HTML) then its cells (from :func:`_n`, :func:`_t`)."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = "".join(
        f'<tr><th scope="row">{first}</th>{"".join(cells)}</tr>' for first, *cells in rows
    )
    return (
        f"<table><caption>{text(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _n(value: str) -> str:
    """A cell holding a number: aligned right, digits in columns."""
    return f'<td class="n">{text(value)}</td>'


def _t(value: str) -> str:
    """A cell holding words."""
    return f"<td>{text(value)}</td>"


def _money(report: RegionalReport, value: Decimal | None) -> str:
    return "" if value is None else shown(report, value, report.currency)


def _value_of(row: BreakdownRow, basis: ValueBasis) -> Decimal:
    """A row's social value on the report's basis (present value for "undiscounted")."""
    if basis is ValueBasis.GROSS:
        return row.gross
    return row.net if basis is ValueBasis.NET else row.present_value


def _breakdown_table(report: RegionalReport, cut: Breakdown, title: str) -> str:
    spent = cut.cut is not ReportCut.PRIORITY
    headers = [
        _CUT_HEADINGS[cut.cut],
        *(("Spend", "Spend the counted Reviews cover") if spent else ()),
        "Social value (gross)",
        "Social value (net)",
        "Social value (present value)",
        f"Social value per {symbol(report.currency) or report.currency + ' '}1 of covered spend",
        *(("Suppliers with an active Charter",) if spent else ()),
        "Charter commitments",
    ]
    rows = []
    for row in cut.rows:
        ratio = row.per_pound
        ratio_text = "" if ratio is None else per_pound(report.currency, ratio, unit=False)
        rows.append(
            [
                text(row.name),
                *(
                    (_n(_money(report, row.spend)), _n(_money(report, row.covered_spend)))
                    if spent
                    else ()
                ),
                _n(_money(report, row.gross)),
                _n(_money(report, row.net)),
                _n(_money(report, row.present_value)),
                _n(ratio_text),
                *((_n(f"{row.charter_suppliers:,}"),) if row.charter_suppliers is not None else ()),
                _n(f"{row.commitments:,}"),
            ]
        )
    return _grid(f"{title}, {report.period.label}", headers, rows)


def _chart(
    report: RegionalReport, draw: Draw, heading: str, names: list[str], values: list[Decimal]
) -> str:
    alt = f"Bar chart: {heading}, {report.period.label}. The table below gives each figure."
    return f"<h4>{text(heading)}</h4>{draw(names, [('', values)], alt)}"


def _breakdowns(report: RegionalReport, draw: Draw | None) -> str:
    parts = []
    basis = report.value_basis
    words = {ValueBasis.GROSS: "gross", ValueBasis.NET: "net"}.get(basis, "present value")
    for cut, ident, title in (
        (report.by_borough(), "by-borough", "By borough"),
        (report.by_supplier_type(), "by-type", "By supplier type"),
        (report.by_priority(), "by-priority", f"By priority of {report.framework_id}"),
    ):
        parts.append(f'<section aria-labelledby="{ident}"><h3 id="{ident}">{text(title)}</h3>')
        names = [visible(row.name) for row in cut.rows]
        charts = []
        if cut.cut is not ReportCut.PRIORITY:
            spend = [row.spend or Decimal(0) for row in cut.rows]
            charts.append((f"Spend {title.lower()}", spend))
        value = [_value_of(row, basis) for row in cut.rows]
        charts.append((f"Social value ({words}) {title.lower()}", value))
        if draw is not None:
            parts += [_chart(report, draw, heading, names, values) for heading, values in charts]
        parts.append(_breakdown_table(report, cut, title) + "</section>")
    return "".join(parts)


def _changes(report: RegionalReport, draw: Draw | None) -> str:
    if report.previous_period is None or not report.changes:
        return ""
    before, now = report.previous_period.label, report.period.label
    labels = {f.key: f.label for f in report.figures}
    parts = [f'<section aria-labelledby="yoy"><h2 id="yoy">{text(now)} against {text(before)}</h2>']
    words = report.year_on_year()
    if words:
        parts.append("<ul>" + "".join(f"<li>{text(w)}</li>" for w in words) + "</ul>")
    for what, keys in _YEARLY:
        yearly = [c for key in keys for c in report.changes if c.key == key]
        if draw is None or not yearly:
            continue
        series: list[Bars] = [
            (visible(before), [c.previous or Decimal(0) for c in yearly]),
            (visible(now), [c.current or Decimal(0) for c in yearly]),
        ]
        alt = f"Bar chart: {what.lower()} in {before} and {now}. The table below gives each figure."
        chart = draw([visible(labels.get(c.key, c.item)) for c in yearly], series, alt)
        parts.append(f"<h3>{text(what)}</h3>{chart}")
    rows = []
    for change in report.changes:
        unit, measure = change.unit, change.measure
        rows.append(
            [
                text(labels.get(change.key, " / ".join(change.key))),
                _n(
                    "" if change.previous is None else shown(report, change.previous, unit, measure)
                ),
                _n("" if change.current is None else shown(report, change.current, unit, measure)),
                _n(_difference(report, change.change, change.unit, change.measure)),
                _n(
                    ""
                    if change.percent is None
                    else f"{'+' if change.percent > 0 else ''}{_percent(change.percent / 100)}"
                ),
            ]
        )
    headers = ["Figure", before, now, "Change", "Change %"]
    parts.append(_grid(f"Changes since {before}", headers, rows) + "</section>")
    return "".join(parts)


def _difference(report: RegionalReport, value: Decimal | None, unit: str, measure: str) -> str:
    """A change with its sign; a change of share in percentage points."""
    if value is None:
        return ""
    sign = "+" if value > 0 else ""
    if unit == "share":
        points = (value * 100).quantize(_TENTH, rounding=decimal.ROUND_HALF_UP)
        return f"{sign}{points} points"
    return sign + shown(report, value, unit, measure)


def _headline_list(report: RegionalReport) -> str:
    items = "".join(
        f"<div><dt>{text(label)}</dt><dd>{text(value)}</dd></div>"
        for label, value in headlines(report)
    )
    return f'<dl class="headline">{items}</dl>'


def _caveats(report: RegionalReport) -> str:
    if not report.caveats:
        return "<p>The report carries no caveat.</p>"
    return "<ul>" + "".join(f"<li>{text(c.message)}</li>" for c in report.caveats) + "</ul>"


def _provenance(report: RegionalReport) -> str:
    pairs = [("Policy", f"{report.policy_id}, version {report.policy_version}")]
    known = report.provenance
    if known is not None:
        pairs = [
            ("Policy", f"{known.title} ({known.policy_id}, version {known.version})"),
            ("Owner", f"{known.owner}, since {known.owner_since.isoformat()}"),
            ("Owner's role", known.owner_role),
            ("In force from", known.effective.isoformat()),
            ("Source", known.source),
        ]
    pairs += [
        ("Period", report.period.label),
        ("Drawn up as of", report.as_of.isoformat()),
        ("Priorities", f"{report.framework_id}, version {report.framework_version}"),
        ("Measure catalogue", f"{report.catalogue_id}, version {report.catalogue_version}"),
        ("Value basis", report.value_basis.value.replace("-", " ")),
        ("Apportionment", report.apportionment),
    ]
    if report.previous_period is not None:
        pairs.append(("Compared with", report.previous_period.label))
    items = "".join(f"<dt>{text(k)}</dt><dd>{text(v)}</dd>" for k, v in pairs)
    return f'<dl class="provenance">{items}</dl>'


def _every_figure(report: RegionalReport) -> str:
    rows = [
        [
            text(f.label),
            _n(shown(report, f.value, f.unit, f.measure)),
            _n(f"{len(f.suppliers):,}"),
            _n(f"{f.lines:,}"),
            _t(f.derivation),
        ]
        for f in report.figures
    ]
    headers = ["Figure", "Value", "Suppliers", "Lines", "How it is worked out"]
    return _grid(f"Every figure, {report.period.label}", headers, rows)


def _counted(report: RegionalReport) -> str:
    """Record-only measures: what the Reviews report in their own units, never in £."""
    counts = report.of("counts")
    if not counts:
        return ""
    rows = [
        [
            text(f.label),
            _n(shown(report, f.value, f.unit, f.measure)),
            _n(f"{len(f.suppliers):,}"),
        ]
        for f in counts
    ]
    table = _grid(
        f"Recorded without a £ value, {report.period.label}",
        ["Measure", "Total", "Suppliers"],
        rows,
    )
    heading = '<h2 id="counted">Recorded, not valued</h2>'
    return f'<section aria-labelledby="counted">{heading}{table}</section>'


def body(report: RegionalReport, draw: Draw | None) -> str:
    """The report's sections as HTML; ``draw`` makes each chart (none without it)."""
    return (
        f'<section aria-labelledby="headline"><h2 id="headline">Headline figures</h2>'
        f"{_headline_list(report)}</section>"
        f'<section aria-labelledby="breakdown"><h2 id="breakdown">Where the money went and'
        f" what it gave back</h2>{_breakdowns(report, draw)}</section>"
        f"{_changes(report, draw)}{_counted(report)}"
        f'<section aria-labelledby="caveats"><h2 id="caveats">Caveats</h2>{_caveats(report)}'
        f'</section><section aria-labelledby="provenance"><h2 id="provenance">Provenance</h2>'
        f"{_provenance(report)}</section>"
        f'<section aria-labelledby="figures"><h2 id="figures">Every figure</h2>'
        f"<details><summary>Every figure with the suppliers and lines behind it, and its"
        f" arithmetic</summary>{_every_figure(report)}</details></section>"
    )


def report_tables(report: RegionalReport) -> str:
    """The report's content as an HTML fragment without charts (for notebooks)."""
    return f"<div><h2>{text(title(report))}</h2>{body(report, None)}</div>"


def title(report: RegionalReport) -> str:
    """``'Social value report 2025/26: Greater Manchester'``."""
    return f"Social value report {report.period.label}: {report.area}"
