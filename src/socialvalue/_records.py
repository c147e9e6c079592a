"""Small helpers that result objects share to show themselves in notebooks.

HTML tables, pandas frames with exact decimal columns, decimal text without a
context's trailing zeros, and a natural sort order for ids.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

__all__ = ["html_grid", "html_table", "natural_key", "plain_decimal", "records_frame"]

_DIGITS: Final = re.compile(r"([0-9]+)")

#: pyarrow's widest decimal holds 76 digits; a column needing more is refused.
_ARROW_DIGITS: Final = 76


def natural_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """A sort key comparing the runs of digits in ``text`` as numbers.

    Supplier ids sorted as text put ``100039`` between ``10010`` and ``100160``; a
    reader expects ``10010``, ``100039``, ``100160``. Digit runs compare by length
    (leading zeros aside) and then digit by digit, so no text ever becomes an
    ``int`` (a hostile run of thousands of digits costs nothing); the text itself
    breaks ties (``"007"`` after ``"7"``).

    >>> sorted(["100160", "10010", "100039", "A10", "A9"], key=natural_key)
    ['10010', '100039', '100160', 'A9', 'A10']
    """
    parts = []
    for index, part in enumerate(_DIGITS.split(text)):
        if index % 2:
            digits = part.lstrip("0")
            parts.append((0, len(digits), digits))
        elif part:
            parts.append((1, 0, part))
    return tuple(parts), text


def plain_decimal(value: Decimal, places: int = 2) -> str:
    """``value`` as plain decimal text at the places it has, never a context's zeros.

    A value computed in a 28-digit context can carry trailing zeros that say
    nothing (``3920.80000000000000000000000000``); those beyond ``places`` are
    dropped. A value written with ``places`` or fewer is left as it is, and real
    digits are never rounded away.

    >>> plain_decimal(Decimal("3920.80000000000000000000000000")), plain_decimal(Decimal("120"))
    ('3920.80', '120')
    >>> plain_decimal(Decimal("0.123450")), plain_decimal(Decimal("-5.0000"))
    ('0.12345', '-5.00')
    """
    text = format(value, "f")
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= -places:
        return text
    whole, fraction = text.split(".")
    return f"{whole}.{fraction.rstrip('0').ljust(places, '0')}"


def _arrow_decimal(values: Sequence[Decimal]) -> tuple[int, int]:
    """The (precision, scale) that holds every one of ``values`` exactly."""
    scale = max(len(plain_decimal(v).partition(".")[2]) for v in values)
    whole = max(max(v.adjusted() + 1, 1) for v in values)
    return whole + scale, scale


def records_frame(records: Sequence[Mapping[str, object]]) -> Any:
    """``records`` as a ``pandas.DataFrame`` whose decimal columns stay exact decimals.

    A column whose values are all ``Decimal`` (or ``None``) becomes a
    ``pd.ArrowDtype(pa.decimal128(38, scale))`` column (``decimal256`` past 38
    digits), with the scale that holds every value: pandas sums and groups it
    exactly, where plain ``Decimal`` values would make an ``object`` column that
    numeric operations skip. The frame is a :class:`~socialvalue._frames.RecordsFrame`,
    whose ``describe()`` (and its columns') works on those columns, which pandas's
    own fails on (pandas 2.3 to 3.1): the summary is computed from the values read
    as floats, the data stay exact. Needs the ``pandas`` extra
    (``pip install 'socialvalue[pandas]'``).
    """
    try:
        import pandas as pd
        import pyarrow as pa

        from socialvalue._frames import RecordsFrame
    except ImportError as exc:  # pragma: no cover - the dev environment has both
        raise ImportError(
            "to_frame() needs pandas and pyarrow: pip install 'socialvalue[pandas]'"
        ) from exc
    rows = list(records)
    frame = RecordsFrame(rows)
    for column in list(frame.columns):
        values = [row.get(column) for row in rows]
        present = [v for v in values if v is not None]
        if not present or not all(isinstance(v, Decimal) for v in present):
            continue
        precision, scale = _arrow_decimal(present)  # type: ignore[arg-type]
        if precision > _ARROW_DIGITS:
            raise ValueError(f"column {column!r} needs {precision} digits; Arrow holds 76")
        kind = pa.decimal128(38, scale) if precision <= 38 else pa.decimal256(76, scale)
        exact = pa.array(values, type=kind)
        frame[column] = pd.Series(pd.arrays.ArrowExtensionArray(exact), index=frame.index)
    return frame


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
