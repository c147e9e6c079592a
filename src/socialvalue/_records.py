"""Small helpers that result objects share to show themselves in notebooks."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from decimal import Decimal

__all__ = ["html_table"]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def html_table(
    records: Iterable[Mapping[str, object]], *, caption: str = "", limit: int = 50
) -> str:
    """Records as an HTML table (first ``limit`` rows), every value escaped."""
    rows = list(records)
    columns = list(rows[0]) if rows else []
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows[:limit]
    )
    more = (
        f"<tr><td colspan='{len(columns)}'>… {len(rows) - limit} more rows</td></tr>"
        if len(rows) > limit
        else ""
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}{more}</tbody></table>"
