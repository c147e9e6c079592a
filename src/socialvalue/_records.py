"""Small helpers that result objects share to show themselves in notebooks."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

__all__ = ["html_grid", "html_table"]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def html_grid(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    limit: int = 50,
) -> str:
    """Rows under ``headers`` as an HTML table (first ``limit`` rows), every value escaped.

    >>> html_grid(["a"], [["<b>"]])
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    rows = list(rows)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in rows[:limit]
    )
    more = (
        f"<tr><td colspan='{len(headers)}'>… {len(rows) - limit} more rows</td></tr>"
        if len(rows) > limit
        else ""
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}{more}</tbody></table>"


def html_table(
    records: Iterable[Mapping[str, object]], *, caption: str = "", limit: int = 50
) -> str:
    """Records (dicts sharing the first one's keys) as an HTML table; see :func:`html_grid`."""
    rows = list(records)
    columns = list(rows[0]) if rows else []
    return html_grid(
        columns, ([r.get(c) for c in columns] for r in rows), caption=caption, limit=limit
    )
