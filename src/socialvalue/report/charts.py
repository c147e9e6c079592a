"""Bar charts for the report page, drawn by matplotlib as SVG text (no file, no screen).

matplotlib is the optional extra ``socialvalue[report]``: it is imported when a chart
is drawn, never when this module is, so the rest of the library (and a notebook's
tables) work without it. :class:`ChartsUnavailable` says which extra to install.

The SVG is made for an ``<img>`` element on a self-contained page: glyphs are drawn
as paths (the page needs no font), the file carries no date and its ids come from a
fixed salt, so the same report always gives the same page. matplotlib's mathtext is
switched off, so a ``$`` in a name is a dollar sign, never a formula.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["EXTRA", "Bars", "ChartsUnavailable", "bar_chart"]

#: One series of bars: its name (for the legend) and one value per category.
Bars = tuple[str, Sequence[Decimal]]

#: What to install for charts; named in the error and in the command line's message.
EXTRA: Final = "socialvalue[report]"
#: Two colours that keep their contrast on white and for the common colour-blindnesses
#: (Okabe & Ito's blue and orange); the previous year is the lighter one.
_CURRENT: Final = "#0072B2"
_PREVIOUS: Final = "#E69F00"
_LABEL_WIDTH: Final = 32


class ChartsUnavailable(ImportError):
    """The charting library (the ``socialvalue[report]`` extra) is not installed."""


class _Sink:
    """A write-only text file in memory, for matplotlib's ``savefig``."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # matplotlib probes with b"" to pick text or bytes
            raise TypeError("text only")
        self.parts.append(text)
        return len(text)

    def seek(self, offset: int, whence: int = 0) -> int:
        """Never used: matplotlib looks for ``seek`` to tell a file from a file name."""
        raise OSError("a chart is written in one pass")


def _short(value: float, symbol: str) -> str:
    """``£1.3m``, ``£320k``, ``£950``: a bar's label (the table gives the exact figure)."""
    size = abs(value)
    sign = "-" if value < 0 else ""
    for limit, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if size >= limit:
            return f"{sign}{symbol}{size / limit:,.3g}{suffix}"
    return f"{sign}{symbol}{size:,.0f}"


def _wrapped(label: str) -> str:
    return "\n".join(textwrap.wrap(label, _LABEL_WIDTH, max_lines=3, placeholder=" …")) or label


def bar_chart(categories: Sequence[str], series: Sequence[Bars], symbol: str) -> str:
    """A horizontal bar chart of ``series`` over ``categories``, as SVG text.

    One series gives plain bars; two (previous and current year) give pairs with a
    legend. The chart has no title: the page's heading above it is its title.
    ``symbol`` (``"£"``) prefixes the bars' labels. Raises :class:`ChartsUnavailable`
    when matplotlib is not installed.
    """
    try:
        import matplotlib as mpl
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ChartsUnavailable(
            f"charts need matplotlib: install the report extra, pip install '{EXTRA}'"
        ) from exc
    count = len(categories)
    with (
        warnings.catch_warnings(),
        mpl.rc_context(
            {
                "svg.fonttype": "path",
                "svg.hashsalt": "socialvalue-report",
                "text.parse_math": False,
                "font.family": "DejaVu Sans",
                "font.size": 10.0,
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        ),
    ):
        # A name in a script the chart's font lacks is drawn with boxes; the table
        # beside the chart spells it out, so that is no reason to warn.
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        figure = Figure(figsize=(7.5, 0.9 + 0.42 * count * max(1, len(series))), dpi=96)
        figure.set_layout_engine("constrained")
        axes = figure.add_subplot()
        _draw(axes, categories, series, symbol)
        sink = _Sink()
        figure.savefig(cast("IO[str]", sink), format="svg", metadata={"Date": None})
    return "".join(sink.parts)


def _draw(axes: Axes, categories: Sequence[str], series: Sequence[Bars], symbol: str) -> None:
    height = 0.8 / len(series)
    positions = list(range(len(categories)))
    colours = (_CURRENT,) if len(series) == 1 else (_PREVIOUS, _CURRENT)
    for index, ((name, numbers), colour) in enumerate(zip(series, colours, strict=False)):
        # Floats for drawing only: every figure a reader sees in words is the exact
        # Decimal, formatted in the table beside the chart.
        values = [float(v) for v in numbers]
        offset = (index - (len(series) - 1) / 2) * height
        drawn = axes.barh(
            [p + offset for p in positions], values, height=height, color=colour, label=name
        )
        axes.bar_label(drawn, labels=[_short(v, symbol) for v in values], padding=3, fontsize=9)
    axes.set_yticks(positions, [_wrapped(c) for c in categories])
    axes.invert_yaxis()  # the first category at the top, as in the table
    axes.xaxis.set_major_formatter(lambda value, _: _short(value, symbol))
    axes.axvline(0, color="#333333", linewidth=0.8)
    axes.margins(x=0.18)
    if len(series) > 1:
        axes.legend(loc="lower right", frameon=False)
