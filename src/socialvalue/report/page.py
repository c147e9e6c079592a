"""The regional report as one self-contained HTML page, for publishing to the public.

:func:`report_page` returns the whole page as text: the headline figures, a chart of
spend and of contribution by borough, by supplier type and by priority (and year on
year when the report has a previous year), the table behind each chart, every figure
with its derivation, the caveats and the provenance (:mod:`.tables` makes the
sections). The page fetches nothing: its style is inline, its charts are SVG images
in ``data:`` addresses, and its content security policy forbids any other source and
every script, so it renders offline and a text that slipped through escaping still
could not run. Charts need matplotlib, the ``socialvalue[report]`` extra
(:mod:`.charts`).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Final

from socialvalue._arguments import typed_arguments
from socialvalue._numbers import in_library_context
from socialvalue.report.charts import Bars, bar_chart
from socialvalue.report.model import RegionalReport
from socialvalue.report.tables import body, symbol, text, title

__all__ = ["report_page"]

_STYLE: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;
background:#fff;margin:0;line-height:1.5}
main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.8rem;margin:.5rem 0}h2{font-size:1.35rem;margin-top:2.2rem;
border-bottom:2px solid #0072b2}h3{font-size:1.1rem}
.headline{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;
padding:0;margin:1rem 0}
.headline div{border:1px solid #b0b0b0;border-left:.4rem solid #0072b2;padding:.5rem .75rem}
.headline dt{font-size:.9rem}.headline dd{margin:0;font-size:1.35rem;font-weight:700}
figure{margin:1.5rem 0}figure img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #b0b0b0;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef3f8}td.n{text-align:right;font-variant-numeric:tabular-nums;
white-space:nowrap}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.provenance dt{font-weight:700}dl.provenance dd{margin:0}
"""
_POLICY: Final = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none';"
    " form-action 'none'"
)


@in_library_context
@typed_arguments
def report_page(report: RegionalReport) -> str:
    """The report as one self-contained, accessible HTML page that renders offline.

    The provenance is the report's own: the policy's id, version, owner and role
    since their date, effective date and source. Raises
    :class:`~socialvalue.report.charts.ChartsUnavailable` without matplotlib (the
    ``socialvalue[report]`` extra).

    >>> from socialvalue import example_year
    >>> year = example_year()
    >>> page = report_page(year.report())
    >>> page.startswith("<!DOCTYPE html>"), "<dd>£1,258,400.00</dd>" in page
    (True, True)
    """
    sign = symbol(report.currency)

    def draw(categories: Sequence[str], series: Sequence[Bars], alt: str) -> str:
        svg = bar_chart(categories, series, sign)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{text(alt)}"></figure>'

    heading = text(title(report))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{heading}</title><style>{_STYLE}</style></head><body><main>"
        f"<h1>{heading}</h1><p>Under {text(report.policy_id)} version"
        f" {text(report.policy_version)}, drawn up as of {report.as_of.isoformat()}. Every"
        " figure is exact and rounded to pence only here; the tables give each one.</p>"
        f"{body(report, draw)}</main></body></html>\n"
    )
