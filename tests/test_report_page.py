"""The report as a page (issue 17 item 7): self-contained, escaped, with a chart per cut.

The page is checked in a real browser by ``tests/test_report_browser.py``; these tests
read its text.
"""

from __future__ import annotations

import base64
import html
import itertools
import re
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialvalue as sv
from socialvalue.periods import parse_financial_year
from socialvalue.report.charts import _short, _Sink
from socialvalue.report.model import RegionalReport
from socialvalue.report.page import report_page
from socialvalue.report.tables import (
    _HIDING,
    headlines,
    per_pound,
    report_tables,
    shown,
    text,
    visible,
)
from socialvalue.report.worked_example import example_year

from .test_cli_report import _last_year, _write_folder, _write_year, run

HOSTILE = "Acme <script>alert('x')</script> & \u202etxt.exe\u2066 \x85Ltd"


@pytest.fixture(scope="module")
def year() -> sv.ExampleYear:
    return example_year()


@pytest.fixture(scope="module")
def page(year: sv.ExampleYear) -> str:
    return report_page(year.report())


def with_previous(year: sv.ExampleYear) -> RegionalReport:
    """The example year against an invented previous year with four fifths of each figure."""
    report = year.report()
    before = attrs.evolve(
        report,
        period=parse_financial_year("2024/25"),
        figures=[attrs.evolve(f, value=f.value * Decimal("0.8")) for f in report.figures],
    )
    return year.report(previous=before)


def images(page: str) -> list[str]:
    """The SVG text of every chart on the page."""
    found = re.findall(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="', page)
    return [base64.b64decode(data).decode("utf-8") for data in found]


def test_the_page_holds_every_headline_figure(year: sv.ExampleYear, page: str) -> None:
    found = dict(headlines(year.report()))
    assert found["Total spend"] == "£1,258,400.00"
    assert found["Social value (present value)"] == "£20,684.15"
    assert found["Reviews delivered"] == "4 of 7"
    assert found["Local multiplier (LM3)"] == "1.7568"
    for label, value in found.items():
        assert f"<dt>{text(label)}</dt><dd>{text(value)}</dd>" in page


def test_the_page_fetches_nothing_and_runs_no_script(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'; img-src data:;" in page
    assert not re.search(r"<script|<link|<iframe|<object|@import|url\(|src=\"(?!data:)", page)
    for svg in images(page):
        assert "<script" not in svg
        assert not re.search(r"(xlink:)?href=\"(?!#)", svg), "an SVG refers outside itself"


def test_each_cut_has_its_charts_and_the_table_behind_them(year: sv.ExampleYear, page: str) -> None:
    # spend and social value by borough and by type, social value by priority
    assert len(images(page)) == 5
    for caption in ("By borough", "By supplier type", "By priority of gm-policing-sv"):
        assert f"<caption>{caption}, 2025/26</caption>" in page
    salford = year.report().by_borough().row("salford")
    cells = [salford.spend, salford.covered_spend, salford.gross, salford.net]
    row = "".join(f'<td class="n">{sv.Money(c).format()}</td>' for c in cells if c is not None)
    assert f'<th scope="row">Salford</th>{row}' in page
    assert '<th scope="row">Salford</th><td class="n">£379,200.00</td>' in page
    assert 'alt="Bar chart: Spend by borough, 2025/26.' in page
    assert 'alt="Bar chart: Social value (present value) by supplier type, 2025/26.' in page
    assert "<h4>Social value (present value) by priority of gm-policing-sv</h4>" in page


def test_the_page_shows_caveats_and_provenance(year: sv.ExampleYear, page: str) -> None:
    for caveat in year.report().caveats:
        assert f"<li>{text(caveat.message)}</li>" in page
    owner = year.policy.owner
    assert f"<dd>{text(owner.name)}, since {owner.since.isoformat()}</dd>" in page
    assert f"<dd>{text(owner.role)}</dd>" in page
    assert f"<dd>{year.policy.effective.isoformat()}</dd>" in page
    assert f"<dd>{text(year.policy.source)}</dd>" in page
    assert "(gm-policing-sv, version 2017)</dd>" in page


def test_the_same_report_gives_the_same_page(year: sv.ExampleYear, page: str) -> None:
    assert report_page(year.report()) == page


def test_a_report_published_without_provenance_names_its_policy(year: sv.ExampleYear) -> None:
    page = report_page(attrs.evolve(year.report(), provenance=None))
    assert "<dd>gm-policing-sv, version 2017</dd>" in page
    assert "<dt>Owner</dt>" not in page


def test_year_on_year_has_its_charts_and_every_change(year: sv.ExampleYear) -> None:
    page = report_page(with_previous(year))
    assert '<h2 id="yoy">2025/26 against 2024/25</h2>' in page
    assert len(images(page)) == 7  # the five of the cuts, then spend and social value
    assert "<caption>Changes since 2024/25</caption>" in page
    total = '<th scope="row">Total spend</th><td class="n">£1,006,720.00</td>'
    assert total + '<td class="n">£1,258,400.00</td><td class="n">+£251,680.00</td>' in page
    assert '<td class="n">+25.0%</td>' in page
    assert "+11.6 points" in page  # a change of share is in points, not per cent
    assert (
        "<li>Spend: £1,258,400.00, up £251,680.00 (+25.0%) from £1,006,720.00 in 2024/25.</li>"
        in page
    )


def hostile_report(year: sv.ExampleYear) -> RegionalReport:
    """The example year with a hostile name wherever a report holds text from data."""
    report = year.report()
    first = report.of("contribution", "priority")[0]
    return attrs.evolve(
        report,
        area=HOSTILE,
        figures=[
            attrs.evolve(f, label=f"{HOSTILE}: social value") if f == first else f
            for f in report.figures
        ],
        caveats=[attrs.evolve(c, message=f"{HOSTILE} sent two Reviews") for c in report.caveats],
        provenance=attrs.evolve(report.provenance, owner=HOSTILE, source=HOSTILE),
    )


def test_every_text_from_data_is_escaped_and_shown_as_written(year: sv.ExampleYear) -> None:
    page = report_page(hostile_report(year))
    assert "<script>" not in page
    for hiding in ("\u202e", "\u2066", "\x85"):
        assert hiding not in page
    shown_as = (
        "Acme &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; [U+202E]txt.exe[U+2066] "
    )
    shown_as += "[U+0085]Ltd"
    assert page.count(shown_as) >= 5  # title, heading, headline label, caveat, owner
    # and in the chart, a name is drawn as glyphs, never as markup
    assert all("<script" not in svg for svg in images(page))


@given(st.text())
def test_escaped_text_reads_back_as_written_with_hiding_characters_named(value: str) -> None:
    """Escaping loses nothing but the hiding characters, which it names."""
    escaped = text(value)
    assert not set(escaped) & set("<>\"'")
    assert not _HIDING.search(escaped)
    assert html.unescape(escaped) == visible(value)
    assert visible(value) == value or "[U+" in visible(value)


def test_a_dollar_in_a_name_is_not_a_formula(year: sv.ExampleYear) -> None:
    report = year.report()
    first = report.of("contribution", "priority")[0]
    odd = attrs.evolve(
        report,
        figures=[
            attrs.evolve(f, label="$x^2$ and $\\frac{1}{0}$: value") if f == first else f
            for f in report.figures
        ],
    )
    assert "$x^2$ and $\\frac{1}{0}$" in report_page(odd)


def test_the_notebook_shows_tables_not_preformatted_text(year: sv.ExampleYear) -> None:
    shown_html = year.report()._repr_html_()
    assert "<pre>" not in shown_html
    assert shown_html.count("<table>") == 5  # three cuts, counts and every figure
    assert "<img" not in shown_html  # no chart, so no extra needed
    assert "<dd>£1,258,400.00</dd>" in shown_html
    assert report_tables(year.report()) == shown_html


def test_without_matplotlib_the_page_names_the_extra(
    year: sv.ExampleYear, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib then fails
    with pytest.raises(sv.ChartsUnavailable, match=re.escape("socialvalue[report]")):
        report_page(year.report())
    assert "<table>" in year.report()._repr_html_()  # tables need no extra


def test_the_command_line_writes_the_page(tmp_path: Path, year: sv.ExampleYear) -> None:
    _write_folder(tmp_path)
    target = tmp_path / "report.html"
    code, out, err = run(
        "report",
        str(tmp_path),
        "--year",
        "2025/26",
        "--include-non-suppliers",
        "--html",
        str(target),
    )
    assert (code, err) == (0, "")
    assert out.startswith(year.report().summary() + "\n")  # then where every row went
    assert target.read_text(encoding="utf-8") == report_page(year.report())


def test_the_command_line_names_the_extra_when_charts_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_folder(tmp_path)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    target = tmp_path / "report.html"
    code, _, err = run("report", str(tmp_path), "--year", "2025/26", "--html", str(target))
    assert code == 2
    assert "pip install 'socialvalue[report]'" in err
    assert not target.exists()


def test_the_command_line_says_when_it_cannot_write(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    target = tmp_path / "no-such-folder" / "report.html"
    code, _, err = run("report", str(tmp_path), "--year", "2025/26", "--html", str(target))
    assert code == 2
    assert f"cannot write {target}" in err


@pytest.mark.parametrize(
    ("value", "unit", "measure", "expected"),
    [
        (Decimal("0.58124"), "share", "share", "58.1%"),
        (Decimal("0.0239344"), "ratio", "per-pound", "£0.0239 per £1"),
        (Decimal("1.23456"), "ratio", "other", "1.2346"),
        (Decimal("12.50"), "percent", "quantity", "12.5"),
        (Decimal(4), "people", "quantity", "4 people"),
        (Decimal(0), "count", "quantity", "0"),
        (Decimal(1234), "suppliers", "owed", "1,234"),
        (Decimal("-1800"), "GBP", "amount", "-£1,800.00"),
    ],
)
def test_values_are_shown_as_published(
    year: sv.ExampleYear, value: Decimal, unit: str, measure: str, expected: str
) -> None:
    assert shown(year.report(), value, unit, measure) == expected


@pytest.mark.parametrize(
    ("currency", "unit", "expected"),
    [
        ("GBP", True, "£0.0239 per £1"),
        ("GBP", False, "£0.0239"),
        ("CHF", True, "0.0239 CHF per 1 CHF"),
        ("CHF", False, "0.0239 CHF"),
    ],
)
def test_value_per_unit_of_spend_keeps_four_places(
    currency: str, unit: bool, expected: str
) -> None:
    assert per_pound(currency, Decimal("0.02393444"), unit=unit) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1_258_400.0, "£1.26m"), (379_200.0, "£379k"), (950.0, "£950"), (-1800.0, "-£1.8k")],
)
def test_bar_labels_are_short(value: float, expected: str) -> None:
    assert _short(value, "£") == expected


def test_the_chart_sink_takes_text_only() -> None:
    sink = _Sink()
    assert sink.write("<svg>") == 5
    with pytest.raises(TypeError):
        sink.write(b"")  # type: ignore[arg-type]
    with pytest.raises(OSError, match="one pass"):
        sink.seek(0)


def test_a_report_without_ratios_caveats_or_duties_still_makes_a_page(
    year: sv.ExampleYear,
) -> None:
    report = year.report()
    bare = attrs.evolve(
        report,
        figures=[
            f
            for f in report.figures
            if f.measure not in ("share", "per-pound", "lm3")
            and f.section.value not in ("duties", "counts")
        ],
        caveats=[],
    )
    labels = [label for label, _ in headlines(bare)]
    assert labels == [
        "Total spend",
        "Spend with suppliers in Greater Manchester",
        "Social value (present value)",
        "Social value (gross)",
        "Social value (net)",
    ]
    page = report_page(bare)
    assert "<p>The report carries no caveat.</p>" in page
    assert "Recorded, not valued" not in page


def test_a_figure_new_this_year_has_no_previous_value(year: sv.ExampleYear) -> None:
    report = year.report()
    before = attrs.evolve(
        report,
        period=parse_financial_year("2024/25"),
        figures=[f for f in report.figures if f.key != ("spend", "borough", "bolton", "amount")],
    )
    shown_html = year.report(previous=before)._repr_html_()
    bolton = '<th scope="row">Spend with suppliers in Bolton</th><td class="n"></td>'
    assert bolton + '<td class="n">£46,000.00</td><td class="n"></td><td class="n"></td>' in (
        shown_html
    )
    assert "<caption>Changes since 2024/25</caption>" in shown_html
    assert "<img" not in shown_html


def test_a_two_year_report_from_the_command_line_has_its_page(tmp_path: Path) -> None:
    _write_folder(tmp_path)
    _write_year(tmp_path, _last_year(example_year()), "2024-25")
    target = tmp_path / "report.html"
    code, _, err = run(
        "report", str(tmp_path), "--year", "2025/26", "--previous", "2024/25", "--html", str(target)
    )
    assert (code, err) == (0, "")
    page = target.read_text(encoding="utf-8")
    assert '<h2 id="yoy">2025/26 against 2024/25</h2>' in page
    assert len(images(page)) == 7


class _Outline(HTMLParser):
    """The page's headings, images without a text alternative and tables without a caption."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.bare_images = 0
        self.tables = 0
        self.captions = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        elif tag == "img" and not found.get("alt"):
            self.bare_images += 1
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "html":
            self.lang = found.get("lang") or ""


def test_the_page_is_built_to_be_read_by_everyone(year: sv.ExampleYear) -> None:
    """One h1, headings that never skip a level, a text alternative for every chart,
    a caption for every table, and the page's language."""
    outline = _Outline()
    outline.feed(report_page(with_previous(year)))
    assert outline.lang == "en-GB"
    assert outline.levels.count(1) == 1
    assert outline.levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(outline.levels))
    assert outline.bare_images == 0
    assert outline.tables == outline.captions == 6
